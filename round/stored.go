package round

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// The store dry-runs an import or a void into a round whose mechanism can
// refuse a round as a whole by computing it as a match would: with this.
func init() { store.RegisterRehearsal(rehearse) }

func rehearse(r store.Round, gaps []calc.Gap, prices *price.Ledger, each func(func(*record.Contribution) error) error) error {
	in := Inputs{Gaps: gaps, Config: r.Config, Leaf: payout.Leaf(r.Leaf), SizeHint: r.Contributions, Decimals: r.Decimals, Prices: prices}
	_, err := Compute(in, func(l *ingest.Loader) error { return each(l.Add) })
	return err
}

// blockFrom is the number of stored rows from which [FromStore] reads a
// round in parallel key ranges (a variable: the tests read small rounds
// both ways).
var blockFrom = 1 << 12

// FromStore computes round r from its stored (not voided) contributions
// with config cfg: r.Config for qf match and the projections, with the
// pool and floor set for a ledger match. progress, if not nil, is called
// now and then with the number of rows read. An error from a row names it.
// A round of at least blockFrom rows without a price ledger is read on
// every core (store.Store.ReadBlock) into the tally's block path; one
// the block cannot carry (weights, scores, tokens, anything odd) is read
// row by row, which names a bad row.
//
// It reads every row: qf match and the ledger's match use it. Stats and
// the service's projection use [Projected].
func FromStore(st *store.Store, r store.Round, cfg calc.Config, progress func(rows int)) (*Outcome, error) {
	gaps, err := st.Gaps()
	if err != nil {
		return nil, err
	}
	n := 0
	in := Inputs{Gaps: gaps, Config: cfg, Leaf: payout.Leaf(r.Leaf), SizeHint: r.Contributions, Decimals: r.Decimals}
	if in.Prices, err = st.Prices(r.Number); err != nil {
		return nil, err
	}
	return Compute(in, func(l *ingest.Loader) error {
		if in.Prices == nil && r.Contributions >= blockFrom && r.Contributions-r.Voided > 0 {
			// On every core, in parallel key ranges (store.Store.ReadBlock).
			b, err := st.ReadBlock(r.Number, l.GapIndex, r.Contributions)
			switch {
			case err == nil:
				if l.AddBlock(b) == nil {
					if progress != nil {
						progress(b.N)
					}
					return nil
				} // refused, nothing added: the row-by-row read names the row
			case !errors.Is(err, store.ErrNeedsRows):
				return err
			}
		}
		return st.EachContribution(r.Number, func(row *record.Contribution) error {
			if n++; progress != nil && n&0xffff == 0 {
				progress(n)
			}
			if err := l.Add(row); err != nil {
				return fmt.Errorf("round %d contribution %s: %w", r.Number, row.ID, err)
			}
			return nil
		})
	})
}

// LedgerCompute is the [store.Compute] a ledger match runs on a snapshot
// st: the round from its stored contributions ([FromStore]), as the
// records the ledger books and stores.
func LedgerCompute(st *store.Store) store.Compute {
	return func(r store.Round, cfg calc.Config) (*store.PoolResults, error) {
		out, err := FromStore(st, r, cfg, nil)
		if err != nil {
			return nil, err
		}
		return PoolResults(out.Report, out)
	}
}

// PoolResults turns a computed round into the records a ledger match
// books (each gap's match) and stores (the report).
func PoolResults(rep *payout.Report, out *Outcome) (*store.PoolResults, error) {
	doc, err := json.Marshal(rep)
	if err != nil {
		return nil, err
	}
	res := &store.PoolResults{Report: doc, Tree: out.Tree, Matched: *rep.Matched, Gaps: make([]store.PoolGap, len(rep.Gaps))}
	for i, g := range rep.Gaps {
		pg := &res.Gaps[i]
		if err := pg.Gap.SetFromDecimal(g.Gap); err != nil {
			return nil, fmt.Errorf("report gap %d id %q: %w", i, g.Gap, err)
		}
		pg.Direct, pg.Match = *g.Direct, *g.Match
	}
	return res, nil
}

// LedgerComputeCQF is the [store.ComputeCQF] a ledger match runs on a
// snapshot st: the round solved from its stored pledges with refunds
// through the ledger (pledgers are agents: their refunds go back to their
// accounts and the tree pays recipients).
func LedgerComputeCQF(st *store.Store) store.ComputeCQF {
	return func(r store.Round) (*store.CQFResults, error) {
		out, err := SolveStoredCQF(st, r, true)
		if err != nil {
			return nil, err
		}
		return CQFResults(out)
	}
}

// CQFResults turns a solved coordinated-QF round into the records a
// ledger match books (each pledge's refund) and stores (the outcome).
func CQFResults(out *CQFOutcome) (*store.CQFResults, error) {
	doc, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	res := &store.CQFResults{Outcome: doc, Tree: out.Tree, Gaps: make([]store.CQFGap, len(out.Gaps))}
	for i, g := range out.Gaps {
		cg := &res.Gaps[i]
		if err := cg.Gap.SetFromDecimal(g.Gap); err != nil {
			return nil, fmt.Errorf("outcome gap %d id %q: %w", i, g.Gap, err)
		}
		cg.Limits, cg.Total = *g.Limits, *g.Total
		cg.Refunds = make([]store.Refund, len(g.Pledges))
		for j, p := range g.Pledges {
			cg.Refunds[j] = store.Refund{Donor: p.Donor, Amount: *p.Refund}
		}
	}
	return res, nil
}

// JoinLeverageUpTo bounds the gaps whose immediate leverage a stored cqf
// round's stats and match compute (it solves every prefix: 2000 made a
// 100k-pledge round's match take 11 s).
const JoinLeverageUpTo = 500

// SolveStoredCQF solves a stored coordinated-QF round from its pledges in
// join order, with immediate leverage for gaps of up to [JoinLeverageUpTo]
// pledges; ledgerRefunds as in [CQFSettings].
func SolveStoredCQF(st *store.Store, r store.Round, ledgerRefunds bool) (*CQFOutcome, error) {
	set, err := CQFSettingsFor(r.Config)
	if err != nil {
		return nil, err
	}
	set.LedgerRefunds, set.JoinLeverageUpTo = ledgerRefunds, JoinLeverageUpTo
	set.TopUpsJoin = r.Chain != nil // on-chain pledges: each its own place (issue 17)
	gaps, err := st.Gaps()
	if err != nil {
		return nil, err
	}
	rows, err := StoredPledges(st, r.Number)
	if err != nil {
		return nil, err
	}
	return ComputeCQF(gaps, rows, set)
}

// StoredPledges returns a coordinated-QF round's stored pledges in join
// order (arrival sequence; records without one, from older versions, by
// id).
func StoredPledges(st *store.Store, n uint64) ([]PledgeRow, error) {
	var rows []PledgeRow
	var seqs []uint64
	err := st.EachContribution(n, func(r *record.Contribution) error {
		rows = append(rows, PledgeFromRow(r))
		seqs = append(seqs, r.Seq)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Sort positions, not the rows (large structs); ids break ties among
	// old records, as EachContribution yields id order.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(seqs[a], seqs[b]) })
	out := make([]PledgeRow, len(rows))
	for i, j := range order {
		out[i] = rows[j]
	}
	return out, nil
}

// CloseStored closes stored round n with a computed pool round's report
// and tree (nil when nothing was matched), in one batch.
func CloseStored(st *store.Store, n uint64, rep *payout.Report, tree *merkle.Tree) (store.Round, error) {
	doc, err := json.Marshal(rep)
	if err != nil {
		return store.Round{}, err
	}
	return st.CloseRound(n, doc, tree)
}

// CloseStoredCQF closes stored coordinated-QF round n with its outcome
// and tree, in one batch.
func CloseStoredCQF(st *store.Store, n uint64, out *CQFOutcome) (store.Round, error) {
	doc, err := json.Marshal(out)
	if err != nil {
		return store.Round{}, err
	}
	return st.CloseCQFRound(n, doc, out.Tree)
}

// StoredReport returns a closed pool round's report.
func StoredReport(st *store.Store, n uint64) (*payout.Report, error) {
	v, err := st.ReportRecord(n)
	if err != nil {
		return nil, err
	}
	var rep payout.Report
	return &rep, json.Unmarshal(v, &rep)
}

// StoredCQFOutcome returns a closed coordinated-QF round's outcome with
// its tree.
func StoredCQFOutcome(st *store.Store, n uint64) (*CQFOutcome, error) {
	v, tree, err := st.CQFOutcomeRecord(n)
	if err != nil {
		return nil, err
	}
	var out CQFOutcome
	if err := json.Unmarshal(v, &out); err != nil {
		return nil, fmt.Errorf("round %d outcome: %w", n, err)
	}
	out.Tree = tree
	return &out, nil
}
