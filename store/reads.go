package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// Reads that cost what they answer, for a service that has run many
// rounds: one gap, the open round without its tally, the last match, and a
// per-gap index of past matches.
//
// Keys of the index (derived from the M records; rebuilt by
// [Store.IndexMatches] from where it stopped, never written by a match):
//
//	x <gap:32> <round:8>   the gap's line of that round's match record (JSON)
//	X                      the last round indexed (8 bytes)

// Gap looks one gap up in the registry.
func (s *Store) Gap(id *uint256.Int) (calc.Gap, bool, error) {
	v, ok, err := s.get(gapKey(id))
	if err != nil || !ok {
		return calc.Gap{}, ok, err
	}
	return decodeGap(id, v), true, nil
}

// Open returns the open round (ok false if none) without copying the
// tally.
func (l *Ledger) Open() (Round, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		return Round{}, false
	}
	return *l.open, true
}

// GapTally returns one gap's figures in the open round.
func (l *Ledger) GapTally(g *uint256.Int) GapTally {
	l.mu.Lock()
	defer l.mu.Unlock()
	var t GapTally
	if d := l.direct[*g]; d != nil {
		t.Direct, t.Contributors = *d, len(l.donors[*g])
	}
	return t
}

// LastMatchRound is the round of the last match record, without reading
// the record (ok false before the first match).
func (s *Store) LastMatchRound() (uint64, bool, error) {
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixMatch}, UpperBound: []byte{prefixMatch + 1}})
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
func (s *Store) MatchRecord(n uint64) (MatchRecord, bool, error) {
	var r MatchRecord
	v, ok, err := s.get(roundKey(prefixMatch, n))
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
func (s *Store) IndexMatches(read func()) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var done uint64
	if v, ok, err := s.get(indexedKey); err != nil {
		return 0, err
	} else if ok && len(v) == 8 {
		done = binary.BigEndian.Uint64(v)
	}
	for {
		last, n, err := s.indexChunk(done, read)
		if err != nil || n < indexChunk {
			return last, err
		}
		done = last
	}
}

const indexChunk = 64

// indexChunk indexes up to indexChunk match records after round done.
func (s *Store) indexChunk(done uint64, read func()) (last uint64, n int, err error) {
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: roundKey(prefixMatch, done+1), UpperBound: []byte{prefixMatch + 1}})
	if err != nil {
		return 0, 0, err
	}
	defer it.Close()
	b := s.db.NewBatch()
	defer b.Close()
	last = done
	for it.First(); it.Valid() && n < indexChunk; it.Next() {
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
			if err := b.Set(gapMatchKey(&id, r.Round), v, nil); err != nil {
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
	if err := b.Set(indexedKey, v[:], nil); err != nil {
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
func (s *Store) GapMatches(g *uint256.Int, after uint64, limit int) (out []GapMatch, more bool, err error) {
	lo := gapMatchKey(g, after+1)
	if after == ^uint64(0) {
		return nil, false, nil
	}
	hi := gapMatchKey(g, 0)
	hi = append(hi[:33:33], 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0)
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
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
