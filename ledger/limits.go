package ledger

import (
	"fmt"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
)

// FundLimits are what a round's mechanism can match, checked on every fund
// (see [LimitsFor]). A "total" is what one agent has given one gap in the
// round.
type FundLimits struct {
	// MaxTotal, if set, bounds a total (exclusive): a cqf pledge's limit
	// is the agent's total and must stay below 2^200.
	MaxTotal *uint256.Int
	// Span, if set, bounds the ratio of the largest total to the smallest
	// amount that is matched: the mechanisms whose fixed-point result has
	// an error bound refuse rounds whose amounts span too wide a range
	// (calc.ErrPrecision), so a match leaves out of the matching terms
	// (counting as direct) amounts under 1/Span of the largest total
	// ([Ledger.MatchFloor]).
	Span      *uint256.Int
	MinAmount uint256.Int
}

// Spans of the mechanisms with a precision bound. cocm's bound depends on
// the shape of the round; 10^5 left none of 400 random rounds refused
// (10^6 refused 1, 10^10 about a fifth). pairwise and cluster are tested
// exact over nine orders of magnitude (calc's reference tests).
var (
	spanCOCM     = uint256.NewInt(100_000)
	spanPairwise = uint256.NewInt(1_000_000_000)
)

// LimitsFor returns the funding limits of a round with cfg.
func LimitsFor(cfg calc.Config) FundLimits {
	l := FundLimits{MinAmount: cfg.MinAmount}
	switch cfg.Mechanism {
	case calc.CQFName:
		l.MaxTotal = cqf.MaxLimit
	case "cocm":
		l.Span = spanCOCM
	case "pairwise", "cluster":
		l.Span = spanPairwise
	}
	return l
}

// spanTally tracks, for the span limit, the smallest amount funded and the
// largest total in the open round (both at or above MinAmount).
type spanTally struct {
	min, max *uint256.Int
}

// add returns the tally with a fund of amount that brought a total to
// total (no check).
func (st spanTally) add(lim FundLimits, amount, total *uint256.Int) spanTally {
	if lim.Span == nil || total.Lt(&lim.MinAmount) {
		return st
	}
	// The smallest amount stands in for the smallest total (never above
	// it); dust that tips a total over MinAmount counts as the total.
	cand := amount
	if amount.Lt(&lim.MinAmount) {
		cand = total
	}
	out := st
	if out.min == nil || cand.Lt(out.min) {
		out.min = new(uint256.Int).Set(cand)
	}
	if out.max == nil || out.max.Lt(total) {
		out.max = new(uint256.Int).Set(total)
	}
	return out
}

// floor is the smallest amount a match of the open round takes into the
// matching terms under lim: ceil(largest total / Span) when that is above
// lim.MinAmount and above the smallest amount funded, else nil (the
// round's own minimum stands). Amounts below
// it count as direct funding only, exactly as under --min-amount, so the
// matched amounts never span more than Span and the match is never refused
// for precision on account of what the ledger accepted.
func (st spanTally) floor(lim FundLimits) *uint256.Int {
	if lim.Span == nil || st.max == nil {
		return nil
	}
	f, rem := new(uint256.Int), new(uint256.Int)
	f.DivMod(st.max, lim.Span, rem)
	if !rem.IsZero() {
		f.AddUint64(f, 1)
	}
	if !lim.MinAmount.Lt(f) || (st.min != nil && !st.min.Lt(f)) {
		return nil // nothing matched is under it: the round's settings stand
	}
	return f
}

// check refuses a fund that brings an agent's total on a gap to total,
// under lim: a cqf pledge must stay below 2^200. The precision span is
// never a reason to refuse (one agent's dust would otherwise lock out
// every larger gift, or a whale every small one): it raises the match's
// minimum amount instead ([spanTally.floor]).
func (st spanTally) check(lim FundLimits, total *uint256.Int, agent, gap string) error {
	if lim.MaxTotal != nil && !total.Lt(lim.MaxTotal) {
		return fmt.Errorf("%w: %s's total on gap %s would be %s; a cqf pledge must stay below 2^200 base units",
			ErrFundLimit, agent, gap, total.Dec())
	}
	return nil
}
