package service

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// ComputeStored computes a round from its stored contributions (the
// [store.Compute] a ledger match needs).
func ComputeStored(st *store.Store) store.Compute {
	return func(r store.Round, cfg calc.Config) (*payout.Report, *merkle.Tree, error) {
		gaps, err := st.Gaps()
		if err != nil {
			return nil, nil, err
		}
		in := round.Inputs{Gaps: gaps, Config: cfg, Leaf: payout.Leaf(r.Leaf), SizeHint: r.Contributions}
		out, err := round.Compute(in, func(l *ingest.Loader) error {
			return st.EachContribution(r.Number, func(row *ingest.Row) error { return l.Add(row) })
		})
		if err != nil {
			return nil, nil, err
		}
		return out.Report, out.Tree, nil
	}
}

// ComputeStoredCQF solves a coordinated-QF round from its stored pledges
// (the [store.ComputeCQF] a ledger match needs): pledgers are agents, so
// their refunds go back to their accounts and the tree pays recipients.
func ComputeStoredCQF(st *store.Store) store.ComputeCQF {
	return func(r store.Round) (*round.CQFOutcome, error) { return SolveStoredCQF(st, r, true) }
}

// SolveStoredCQF solves a stored coordinated-QF round from its pledges in
// join order, with immediate leverage for gaps of up to [JoinLeverageUpTo]
// pledges; ledgerRefunds as in round.CQFSettings.
func SolveStoredCQF(st *store.Store, r store.Round, ledgerRefunds bool) (*round.CQFOutcome, error) {
	set, err := round.CQFSettingsFor(r.Config)
	if err != nil {
		return nil, err
	}
	set.LedgerRefunds, set.JoinLeverageUpTo = ledgerRefunds, JoinLeverageUpTo
	set.TopUpsJoin = r.Chain != nil // on-chain pledges: each its own place (issue 17)
	gaps, err := st.Gaps()
	if err != nil {
		return nil, err
	}
	rows, err := st.Pledges(r.Number)
	if err != nil {
		return nil, err
	}
	return round.ComputeCQF(gaps, rows, set)
}

// JoinLeverageUpTo bounds the gaps whose immediate leverage a stored cqf
// round's stats and match compute (it solves every prefix: 2000 made a
// 100k-pledge round's match take 11 s).
const JoinLeverageUpTo = 500

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
