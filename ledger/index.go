package ledger

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/store"
)

// LastMatchRound is the round of the last match record, without reading
// the record (ok false before the first match).
func LastMatchRound(s *store.Store) (uint64, bool, error) {
	it, err := s.NewIter([]byte{store.PrefixMatch}, []byte{store.PrefixMatch + 1})
	if err != nil {
		return 0, false, err
	}
	defer it.Close()
	if !it.Last() {
		return 0, false, it.Error()
	}
	return binary.BigEndian.Uint64(it.Key()[1:]), true, nil
}

// MatchRecord reads round n's match record (ok false if it has none).
func ReadMatchRecord(s *store.Store, n uint64) (MatchRecord, bool, error) {
	var r MatchRecord
	v, ok, err := s.Get(store.MatchKey(n))
	if err != nil || !ok {
		return r, ok, err
	}
	if err := json.Unmarshal(v, &r); err != nil {
		return r, false, fmt.Errorf("%w: match record of round %d: %v", ErrLedger, n, err)
	}
	return r, true, nil
}

// IndexMatches adds to the per-gap index the match records stored since
// it last ran, calling read once per record it parses, and returns the
// last round indexed. Each batch of up to indexChunk records is committed
// with its high-water mark, so a first run over many rounds holds a
// bounded batch, and an interrupted one resumes where it stopped.
func IndexMatches(s *store.Store, read func()) (last uint64, err error) {
	err = s.Locked(func() error {
		last, err = indexMatches(s, read)
		return err
	})
	return last, err
}

func indexMatches(s *store.Store, read func()) (uint64, error) {
	var done uint64
	if v, ok, err := s.Get(store.IndexedKey); err != nil {
		return 0, err
	} else if ok && len(v) == 8 {
		done = binary.BigEndian.Uint64(v)
	}
	for {
		last, n, err := indexChunk(s, done, read)
		if err != nil || n < indexChunkSize {
			return last, err
		}
		done = last
	}
}

const indexChunkSize = 64

// indexChunk indexes up to indexChunk match records after round done.
func indexChunk(s *store.Store, done uint64, read func()) (last uint64, n int, err error) {
	it, err := s.NewIter(store.MatchKey(done+1), []byte{store.PrefixMatch + 1})
	if err != nil {
		return 0, 0, err
	}
	defer it.Close()
	b := s.NewBatch()
	defer b.Close()
	last = done
	for it.First(); it.Valid() && n < indexChunkSize; it.Next() {
		var r MatchRecord
		if err := json.Unmarshal(it.Value(), &r); err != nil {
			return 0, 0, fmt.Errorf("%w: match record %x: %v", ErrLedger, it.Key(), err)
		}
		read()
		n++
		for _, g := range r.Gaps {
			var id uint256.Int
			if err := id.SetFromDecimal(g.Gap); err != nil {
				return 0, 0, fmt.Errorf("%w: match record of round %d: gap %q", ErrLedger, r.Round, g.Gap)
			}
			line := g
			line.Gap = ""
			v, err := json.Marshal(line)
			if err != nil {
				return 0, 0, err
			}
			if err := b.Set(store.GapMatchKey(&id, r.Round), v, nil); err != nil {
				return 0, 0, err
			}
		}
		last = r.Round
	}
	if err := it.Error(); err != nil {
		return 0, 0, err
	}
	if n == 0 {
		return done, 0, nil
	}
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], last)
	if err := b.Set(store.IndexedKey, v[:], nil); err != nil {
		return 0, 0, err
	}
	// Derived data: lost with a crash, rebuilt at the next call.
	return last, n, b.Commit(pebble.NoSync)
}

// GapMatch is one gap's line of a past match.
type GapMatch struct {
	Round uint64
	MatchRecordGap
}

// GapMatches reads up to limit of a gap's indexed past matches after round
// after, in round order; more is true if there are others after them.
func GapMatches(s *store.Store, g *uint256.Int, after uint64, limit int) (out []GapMatch, more bool, err error) {
	lo := store.GapMatchKey(g, after+1)
	if after == ^uint64(0) {
		return nil, false, nil
	}
	hi := store.GapMatchKey(g, 0)
	hi = append(hi[:33:33], 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0)
	it, err := s.NewIter(lo, hi)
	if err != nil {
		return nil, false, err
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		if len(out) == limit {
			return out, true, nil
		}
		m := GapMatch{Round: binary.BigEndian.Uint64(it.Key()[33:])}
		if err := json.Unmarshal(it.Value(), &m.MatchRecordGap); err != nil {
			return nil, false, fmt.Errorf("%w: match index %x: %v", ErrLedger, it.Key(), err)
		}
		m.Gap = g.Dec()
		out = append(out, m)
	}
	return out, false, it.Error()
}
