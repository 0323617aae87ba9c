package store

import (
	"encoding/json"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/record"
)

// afterImport runs at the end of every successful import of contributions
// into round, once what it stored is durable (the caller holds the store's
// writer lock): added replays the rows the import added (in any order,
// with their ids and sequences; the rows are only valid during each
// call). Its error is returned (wrapped) by the import, whose rows stay
// stored. It brings the round's statistics sums (opensums.go) up to date.
//
// Sums stamped with the round's record as it was before the import take
// the added rows, a chunk at a time (bounded memory); sums already
// stamped with the round as it is now are left alone (the hook may run
// twice); other sums (stale, absent, or the import's rows are not all the
// round got) are rebuilt from the stored rows. Sums are a cache: a
// failure here leaves them stale, never wrong, and stats computes the
// round from its rows.
func (s *Store) afterImport(round uint64, added func(fn func(*record.Contribution) error) error) error {
	return s.afterImportFrom(round, added, nil)
}

// afterImportFrom is afterImport with, for a bulk import, the sums of the
// rows it added already made (chunk, see [bulk.freshChunk]: the chunk,
// how many rows it holds, and false if it could not be made): used when
// the round had no rows before the import.
func (s *Store) afterImportFrom(round uint64, added func(fn func(*record.Contribution) error) error, chunk func() (sumsChunk, uint64, bool, error)) error {
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
	// behind: the sums lack only rows added since (this import's).
	behind := ok && h.Voided == r.Voided && h.Contributions < r.Contributions
	need := r.Contributions // rows to sum: all of them (a rebuild, a fresh round) …
	if behind {
		need -= h.Contributions // … or the import's
	}
	if need > sumsMaxImport {
		return s.giveUpSums(r, fmt.Sprintf("more than %d rows to sum at once", sumsMaxImport))
	}
	if behind && h.Deferred {
		// Deferred sums lack the cells an update merges into: they are
		// made whole from the rows, the import's with them, once. The
		// bound above is the import's rows, as behind whole sums (the
		// round's own were within it when the bulk import deferred).
		_, _, err := s.completeSums(r)
		return err
	}
	fresh := !ok && r.Voided == 0 // perhaps the round's first rows
	if fresh {
		// Clear what a cut-short update may have left, only if it left
		// anything: a range deletion in the memtable makes the sums'
		// ingest below flush it and land above it, in L0, and the next
		// command then compacts the round's cells and donors anew.
		stored, err := s.hasSums(round)
		if err != nil {
			return err
		}
		if stored {
			if err := s.clearSums(round); err != nil {
				return err
			}
		}
	}
	if fresh || behind {
		u := s.newSumsUpdate(round, h)
		u.empty = fresh
		if fresh && chunk != nil {
			c, rows, ok, err := chunk()
			if err != nil {
				u.abandon()
				return err
			}
			if ok && rows == uint64(r.Contributions) { // the round's first rows
				u.chunk, u.added = c, int(rows)
				return u.finish(r)
			}
		}
		u.chunk.presize(r.Contributions - h.Contributions)
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

// sumsMaxImport bounds the rows one import's hook sums: past it the
// round's sums give up (the head says why, and stats computes the round
// from its rows). Summing them in bounded memory costs more than the
// import itself (a 10M-row import: 42 s and 440 MiB more than its 12 s and
// 310 MiB), while a ledger fund or a void keeps the sums in O(1) whatever
// the round's size.
var sumsMaxImport = 1 << 20

// giveUpSums replaces round r's sums with a head stamped with r that says
// why they cannot describe it.
func (s *Store) giveUpSums(r Round, why string) error {
	b := s.db.NewBatch()
	defer b.Close()
	if err := clearSumsInto(b, r.Number); err != nil {
		return err
	}
	v, err := json.Marshal(sumsHead{Contributions: r.Contributions, Voided: r.Voided, Unusable: why})
	if err != nil {
		return err
	}
	if err := b.Set(roundKey(prefixSumsHead, r.Number), v, nil); err != nil {
		return err
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return s.fail(err)
	}
	return nil
}
