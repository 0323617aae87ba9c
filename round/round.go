// Package round computes a round end to end from its inputs: contribution
// rows into a tally, the mechanism, the distribution of the pool, and the
// payout tree. `qf calc`, `qf match` and `qf verify round` all run through
// [Compute], so an operator's stored round and a verifier's recomputation
// from files cannot drift apart.
//
// Every way a round is computed lives here, for the CLI and the service
// alike: from files ([Compute]), from the store ([FromStore], and
// [LedgerCompute] for a ledger match, which hands the store the records
// it books; [Projected] for stats and the service's projection, from an
// open round's statistics sums in O(gaps) when they describe it; [Closing]
// for qf match, from those sums once checked against the round's records,
// else from its rows), and
// coordinated QF ([ComputeCQF], [SolveStoredCQF],
// [LedgerComputeCQF]). round also reads and writes a closed round's
// results in the store ([CloseStored], [StoredReport], [CloseStoredCQF],
// [StoredCQFOutcome]): the store keeps them as bytes and does not import
// round. Importing round registers the store's dry run
// (store.RegisterRehearsal). A revision ([ReviseLoad], [Diff]) reruns
// a closed round's stored rows with coefficient overrides and a deny list
// through the same Compute.
package round

import (
	"errors"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/price"
)

// Inputs are a round's settings and registry.
type Inputs struct {
	Gaps   []calc.Gap
	Config calc.Config
	Leaf   payout.Leaf
	// Dedup skips rows whose id repeats (files); stored rows are unique already.
	Dedup bool
	// SizeHint is the expected number of rows, to size the tally.
	SizeHint int
	// Prices, if set, is the round's price ledger: rows in other tokens
	// are converted into the match token, which has Decimals decimals,
	// and the report gets per-token totals (see package price).
	Prices   *price.Ledger
	Decimals uint8
}

// Outcome is a computed round.
type Outcome struct {
	Result *calc.Result
	Tree   *merkle.Tree // nil when no gap has a positive match
	Report *payout.Report
	// Duplicates counts rows skipped as repeated ids.
	Duplicates int
}

// Load feeds a round's contributions to a loader: a file with
// [ingest.Loader.LoadFile], stored rows one by one with [ingest.Loader.Add].
type Load func(l *ingest.Loader) error

// Compute tallies the contributions from load and computes the round.
func Compute(in Inputs, load Load) (*Outcome, error) {
	if err := in.Config.Validate(); err != nil {
		return nil, err
	}
	t, dups, conv, err := tally(in, load)
	if err != nil {
		return nil, err
	}
	res, err := calc.Compute(t, in.Config)
	if err != nil {
		return nil, err
	}
	return outcome(res, in.Leaf, conv, dups)
}

// outcome builds a computed round's tree and report.
func outcome(res *calc.Result, leaf payout.Leaf, conv *price.Converter, dups int) (*Outcome, error) {
	out := &Outcome{Result: res, Duplicates: dups}
	tree, err := payout.Tree(payout.Payouts(res), leaf)
	switch {
	case errors.Is(err, payout.ErrNoPayouts):
	case err != nil:
		return nil, err
	default:
		out.Tree = tree
	}
	var root [32]byte
	if tree != nil {
		root = tree.Root()
	}
	out.Report = payout.NewReport(res, root, leaf)
	if conv != nil {
		out.Report.Tokens = conv.Totals()
	}
	return out, nil
}

// Tally sums the contributions from load under the round's minimum amount
// and score scale: what every mechanism then reads. It also returns how
// many rows were skipped as repeated ids. The config's score scale must
// have been checked ([calc.Config.Validate]).
func Tally(in Inputs, load Load) (*calc.Tally, int, error) {
	t, dups, _, err := tally(in, load)
	return t, dups, err
}

// tally is [Tally], also returning the price converter with its per-token
// totals (nil for a round without a price ledger).
func tally(in Inputs, load Load) (*calc.Tally, int, *price.Converter, error) {
	t, err := calc.NewTally(in.Gaps, &in.Config.MinAmount)
	if err != nil {
		return nil, 0, nil, err
	}
	var scale *calc.ScoreScale
	if in.Config.ScoreScale != "" {
		scale, _ = calc.ParseScoreScale(in.Config.ScoreScale)
		scale.GrantsStack = in.Config.Mechanism == calc.GrantsStackName
	}
	l := ingest.NewLoader(t, scale, in.SizeHint)
	if in.Config.Mechanism == calc.GrantsStackName {
		l.ParseWeight = calc.GrantsStackCoefficient // the indexer's trunc(coefficient·10000) in doubles
	}
	l.Dedup = in.Dedup
	if in.Prices != nil {
		if err := in.Prices.CheckMechanism(in.Config.Mechanism); err != nil {
			return nil, 0, nil, err
		}
		l.Prices = in.Prices.Converter(in.Decimals, in.Config.Mechanism == calc.GrantsStackName)
	}
	if err := load(l); err != nil {
		return nil, 0, nil, err
	}
	l.Finish()
	return t, l.Duplicates, l.Prices, nil
}
