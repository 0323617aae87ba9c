package store

import (
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
)

// MatchSums is what a match reads to compute an open round from its
// statistics sums instead of its rows, in one view of the database
// ([Store.MatchSums]): the sums, and what they can be checked against
// without the incremental √ arithmetic that made them.
type MatchSums struct {
	// Round is the round's record as the sums were read with it.
	Round Round
	// Sums are the round's statistics sums ([Store.OpenSums]).
	Sums *OpenSums
	// Total is the sum of the amounts of the round's rows that are not
	// voided, as the last import's checks ([record.Checker]) left it;
	// HasTotal says whether it is known exactly: the round's check state
	// is plain (no row in another token, with a weight, or with a score
	// under a score scale: the total is of the rows' own amounts) and
	// stamped with Round's Contributions (no row added since the import
	// that wrote it) and either Round's Voided (no void since) or none
	// (every void came after it: Total is the state's total less the
	// voided rows' amounts, read from the rows). A round without rows has
	// total zero.
	Total    uint256.Int
	HasTotal bool
}

// MatchSums reads open round n's record, its statistics sums for the gap
// registry gaps and its check state's total, all in one view of the
// database (a snapshot, unless s is one already). It fails with
// [ErrNoSums] (saying why) when the round keeps no usable sums; the
// caller then computes the round from its rows. It checks nothing else:
// that is the caller's (package round).
func (s *Store) MatchSums(n uint64, gaps []calc.Gap) (*MatchSums, error) {
	v := s
	if s.snap == nil {
		v = s.Snapshot()
		defer v.Close()
	}
	r, err := v.Round(n)
	if err != nil {
		return nil, err
	}
	sums, err := v.OpenSums(r, gaps)
	if err != nil {
		return nil, err
	}
	m := &MatchSums{Round: r, Sums: sums}
	if r.Contributions == 0 {
		m.HasTotal = true
		return m, nil
	}
	state, ok, err := v.get(roundKey(prefixChecks, n))
	if err != nil || !ok {
		return m, err
	}
	c, ok := decodeCheckState(state)
	if !ok || !c.plain || c.contributions != uint64(r.Contributions) {
		return m, nil
	}
	switch {
	case c.voided == uint64(r.Voided):
		m.Total, m.HasTotal = c.total, true
	case c.voided == 0:
		m.Total = c.total
		if m.HasTotal, err = v.lessVoided(r, &m.Total); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// lessVoided subtracts from total the amounts of round r's voided rows,
// and reports whether they are r.Voided rows whose amounts total at most
// total (otherwise total is not the round's: a damaged record).
func (s *Store) lessVoided(r Round, total *uint256.Int) (bool, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: voidKey(r.Number, nil), UpperBound: voidKey(r.Number+1, nil)})
	if err != nil {
		return false, err
	}
	defer it.Close()
	n := 0
	var row record.Contribution
	for it.First(); it.Valid(); it.Next() {
		id := it.Key()[9:]
		v, ok, err := s.get(contribKey(r.Number, id))
		if err != nil {
			return false, err
		}
		if !ok {
			return false, nil
		}
		if err := decodeContribution(v, &row); err != nil {
			return false, fmt.Errorf("round %d contribution %q: %w", r.Number, id, err)
		}
		if total.Lt(&row.Amount) {
			return false, nil
		}
		total.Sub(total, &row.Amount)
		n++
	}
	if err := it.Error(); err != nil {
		return false, err
	}
	return n == r.Voided, nil
}
