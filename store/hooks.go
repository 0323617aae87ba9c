package store

import (
	"bytes"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/record"
)

// afterImport brings open round's statistics sums (opensums.go) up to
// date after an import stored rows in it: added replays the rows the
// import added (any order), which are durable by then. The caller holds
// the store's writer lock.
//
// Sums stamped with the round's record as it was before the import take
// the added rows, a chunk at a time (bounded memory); sums already
// stamped with the round as it is now are left alone (the hook may run
// twice); other sums (stale, absent, or the import's rows are not all the
// round got) are rebuilt from the stored rows. Sums are a cache: a
// failure here leaves them stale, never wrong, and stats computes the
// round from its rows.
func (s *Store) afterImport(round uint64, added func(fn func(*record.Contribution) error) error) error {
	r, err := s.Round(round)
	if err != nil || !keepsSums(r) {
		return err
	}
	h, ok, err := s.readSumsHead(s.db, round)
	if err != nil {
		return err
	}
	if ok && h.Contributions == r.Contributions && h.Voided == r.Voided {
		return nil
	}
	fresh := !ok && r.Voided == 0 // perhaps the round's first rows
	if fresh {
		if err := s.clearSums(round); err != nil {
			return err
		}
	}
	if fresh || (ok && h.Voided == r.Voided && h.Contributions < r.Contributions) {
		u := s.newSumsUpdate(round, h)
		u.empty = fresh
		if err := added(u.add); err != nil {
			u.abandon()
			return err
		}
		if h.Contributions+u.added == r.Contributions {
			return u.finish(r)
		}
		u.abandon() // rows came in that no hook counted: rebuild
	}
	return s.rebuildSums(r)
}

// batchRows replays the contributions of round that batch b sets: what
// an import's batch added. Call it before committing b: a large batch's
// contents go to Pebble with the commit (the replay reads them, which
// Pebble only reads too).
func batchRows(b *pebble.Batch, round uint64) func(fn func(*record.Contribution) error) error {
	repr := b.Reader()
	return func(fn func(*record.Contribution) error) error {
		prefix := contribKey(round, nil)
		rd := repr
		var row record.Contribution
		for {
			kind, key, val, ok, err := rd.Next()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
			if kind != pebble.InternalKeyKindSet || !bytes.HasPrefix(key, prefix) {
				continue
			}
			row = record.Contribution{ID: key[len(prefix):]}
			if err := decodeContribution(val, &row); err != nil {
				return err
			}
			if err := fn(&row); err != nil {
				return err
			}
		}
	}
}
