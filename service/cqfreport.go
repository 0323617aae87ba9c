package service

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// cqfReport summarizes a coordinated-QF outcome in the pool rounds' shape:
// a gap's direct is its pledged limits, its match what the pledges pay.
// Σ pay ≤ Σ limits, which fits in 256 bits (round.ComputeCQF checks), so
// the sum cannot overflow.
func cqfReport(out *round.CQFOutcome, contributions int) *payout.Report {
	paid := new(uint256.Int)
	rep := &payout.Report{Root: out.Root, Pool: new(uint256.Int), Mechanism: calc.CQFName, Matched: paid, Unspent: new(uint256.Int),
		Direct: out.Limits, Contributions: contributions, Gaps: []payout.GapReport{}}
	donors := map[string]bool{}
	for _, g := range out.Gaps {
		paid.Add(paid, g.Total)
		for _, p := range g.Pledges {
			donors[p.Donor] = true
		}
		rep.Gaps = append(rep.Gaps, payout.GapReport{Gap: g.Gap, Recipient: payout.Address(common.HexToAddress(g.Recipient)),
			Contributors: len(g.Pledges), Direct: g.Limits, Match: g.Total})
	}
	rep.Donors = len(donors)
	return rep
}
