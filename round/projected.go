package round

import (
	"errors"
	"fmt"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/store"
)

// Projected computes open round r with config cfg as [FromStore] does,
// with the same outcome, but from the round's statistics sums
// (store.Store.OpenSums) in O(gaps) when they describe it: a "qf" or
// "linear" round with no minimum amount, no score scale and no price
// ledger, whose rows have no weights, scores or tokens, and whose sums
// are up to date. Any other round (and one whose sums are stale or
// missing) is computed from its rows, calling progress as FromStore does.
// qf stats and the service's projection of the open round use it.
func Projected(st *store.Store, r store.Round, cfg calc.Config, progress func(rows int)) (*Outcome, error) {
	out, err := fromSums(st, r, cfg)
	if errors.Is(err, errNoSums) || errors.Is(err, store.ErrNoSums) {
		return FromStore(st, r, cfg, progress)
	}
	return out, err
}

// errNoSums reports a round's settings that its sums cannot compute.
var errNoSums = errors.New("the round's settings need its rows")

// fromSums computes open round r from its statistics sums, or says why it
// cannot (errNoSums, store.ErrNoSums).
func fromSums(st *store.Store, r store.Round, cfg calc.Config) (*Outcome, error) {
	if err := sumsSettings(st, r, cfg); err != nil {
		return nil, err
	}
	gaps, err := st.Gaps()
	if err != nil {
		return nil, err
	}
	sums, err := st.OpenSums(r, gaps)
	if err != nil {
		return nil, err
	}
	return sumsOutcome(gaps, sums, r, cfg)
}

// sumsSettings says why round r with config cfg cannot be computed from
// its statistics sums (errNoSums), or nil if its settings let it.
func sumsSettings(st *store.Store, r store.Round, cfg calc.Config) error {
	switch {
	case r.Status != store.StatusOpen || !calc.Additive(cfg.Mechanism) || cfg.Mechanism != r.Config.Mechanism:
		return fmt.Errorf("%w: mechanism %q", errNoSums, cfg.Mechanism)
	case !cfg.MinAmount.IsZero():
		return fmt.Errorf("%w: a minimum amount", errNoSums)
	case cfg.ScoreScale != "":
		return fmt.Errorf("%w: a score scale", errNoSums)
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	prices, err := st.Prices(r.Number)
	if err != nil {
		return err
	}
	if prices != nil {
		return fmt.Errorf("%w: a price ledger", errNoSums)
	}
	return nil
}

// sumsOutcome computes round r with config cfg from its sums for the
// registry gaps.
func sumsOutcome(gaps []calc.Gap, sums *store.OpenSums, r store.Round, cfg calc.Config) (*Outcome, error) {
	in := make([]calc.GapSums, len(gaps))
	for i := range gaps {
		g, s := &sums.Gaps[i], &in[i]
		s.Direct, s.Contributors, s.Roots = g.Direct, g.Donors, g.Roots
		// The matchable cells: all but the recipient's own.
		var matchable uint256.Int
		matchable.Sub(&g.Direct, &g.Own)
		if !g.Own.IsZero() {
			own := calc.QFRoot(&g.Own, calc.One)
			s.Roots.Sub(&s.Roots, &own)
		}
		s.Weighted.Mul(matchable.ToBig(), uint256.NewInt(uint64(calc.One)).ToBig())
	}
	res, err := calc.ComputeFromSums(gaps, in, sums.Rows, sums.Donors, cfg)
	if err != nil {
		return nil, err
	}
	return outcome(res, payout.Leaf(r.Leaf), nil, 0)
}
