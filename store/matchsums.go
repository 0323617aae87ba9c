package store

import (
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
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
	// is stamped with Round's Contributions and Voided (no void, ledger
	// fund or other write since the import that wrote it) and is plain
	// (no row in another token, with a weight, or with a score under a
	// score scale), so the total is of the rows' own amounts. A round
	// without rows has total zero.
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
	if ok && c.plain && c.contributions == uint64(r.Contributions) && c.voided == uint64(r.Voided) {
		m.Total, m.HasTotal = c.total, true
	}
	return m, nil
}
