package service

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// cqfReport summarizes a coordinated-QF outcome in the pool rounds' shape:
// a gap's direct is its pledged limits, its match what the pledges pay.
func cqfReport(out *round.CQFOutcome, contributions int) *payout.Report {
	rep := &payout.Report{Root: out.Root, Pool: "0", Mechanism: calc.CQFName, Matched: "0", Unspent: "0",
		Direct: out.Limits, Contributions: contributions, Gaps: []payout.GapReport{}}
	paid := new(big.Int)
	donors := map[string]bool{}
	for _, g := range out.Gaps {
		t, _ := new(big.Int).SetString(g.Total, 10)
		paid.Add(paid, t)
		for _, p := range g.Pledges {
			donors[p.Donor] = true
		}
		rep.Gaps = append(rep.Gaps, payout.GapReport{Gap: g.Gap, Recipient: payout.Address(common.HexToAddress(g.Recipient)),
			Contributors: len(g.Pledges), Direct: g.Limits, Match: g.Total})
	}
	rep.Matched, rep.Donors = paid.String(), len(donors)
	return rep
}
