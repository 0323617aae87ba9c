package calc

import (
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/holiman/uint256"
)

// The raw value of "qf" and "linear" is a sum over a gap's matchable
// (gap, donor) cells of a function of the cell alone, so a round can be
// computed from per-gap sums kept up to date as contributions arrive
// (package store keeps them for open rounds), in O(gaps), with the same
// [Result] as [Compute] over the rows.

// GapSums are one gap's totals from which [ComputeFromSums] computes it.
type GapSums struct {
	// Direct is Σ of every contribution to the gap (matchable or not),
	// and Contributors its number of distinct donors.
	Direct       uint256.Int
	Contributors int
	// Roots is Σ [QFRoot](c, w) and Weighted Σ c·w (w in basis points)
	// over the gap's matchable cells, c a donor's total to the gap: what
	// qfGaps sums. "qf"'s raw value is Roots² − 10^14·Weighted (at least
	// 0), "linear"'s is Weighted.
	Roots    uint256.Int
	Weighted big.Int
}

// ErrNotAdditive reports [ComputeFromSums] asked for a mechanism whose
// raw value is not a sum over cells.
var ErrNotAdditive = errors.New("the mechanism cannot be computed from per-gap sums")

// Additive reports whether a mechanism's rounds can be computed from
// per-gap sums ([ComputeFromSums]): "qf" and "linear".
func Additive(mechanism string) bool { return mechanism == "qf" || mechanism == "linear" }

// QFRoot is the root "qf" sums for a cell: isqrt(c·w·10^14), c the
// donor's total to the gap and w its weight in basis points (c·10^18 for
// an unweighted donor), exactly as [QF.Raw] computes it.
func QFRoot(c *uint256.Int, w Bps) uint256.Int {
	var cw, x, s uint256.Int
	if _, over := cw.MulOverflow(c, uint256.NewInt(uint64(w))); over {
		bx := new(big.Int).Mul(c.ToBig(), big.NewInt(int64(w)))
		bx.Mul(bx, e14.ToBig())
		s.SetFromBig(isqrtBig(bx))
		return s
	}
	if _, over := x.MulOverflow(&cw, e14); over {
		bx := new(big.Int).Mul(cw.ToBig(), e14.ToBig())
		s.SetFromBig(isqrtBig(bx))
		return s
	}
	isqrt(&s, &x)
	return s
}

// ComputeFromSums computes a round of an additive mechanism ([Additive])
// from per-gap sums: gaps is the registry and sums[i] the sums of gaps[i]
// (a gap nobody gave to has zero sums); rows and donors are the round's
// contribution and distinct-donor counts. The result is the one [Compute]
// gives over a tally whose cells have these sums; cfg.MinAmount and
// cfg.ScoreScale are the caller's to have applied (they decide which
// cells are matchable, which sums cannot tell).
func ComputeFromSums(gaps []Gap, sums []GapSums, rows, donors int, cfg Config) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if !Additive(cfg.Mechanism) {
		return nil, fmt.Errorf("%w: %q", ErrNotAdditive, cfg.Mechanism)
	}
	if len(sums) != len(gaps) {
		return nil, fmt.Errorf("%w: %d sums for %d gaps", ErrNotAdditive, len(sums), len(gaps))
	}
	// The registry in ascending id order, as a tally orders it.
	order := make([]int, len(gaps))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return gaps[order[a]].ID.Lt(&gaps[order[b]].ID) })
	for k := 1; k < len(order); k++ {
		if gaps[order[k-1]].ID.Eq(&gaps[order[k]].ID) {
			return nil, fmt.Errorf("%w: %s", ErrDuplicateGap, gaps[order[k]].ID.Dec())
		}
	}
	raw := Raw{Values: make([]*big.Int, len(gaps)), Scale: qfScale}
	if cfg.Mechanism == "linear" {
		raw.Scale = linearScale
	}
	for k, i := range order {
		s := &sums[i]
		v := new(big.Int)
		if cfg.Mechanism == "linear" {
			v.Set(&s.Weighted)
		} else {
			v = s.Roots.ToBig()
			v.Mul(v, v)
			v.Sub(v, new(big.Int).Mul(&s.Weighted, e14.ToBig()))
			if v.Sign() < 0 {
				v.SetInt64(0)
			}
		}
		raw.Values[k] = v
	}
	dist, err := Distribute(&cfg.Pool, raw, DistributeOptions{CapBps: cfg.CapBps, NoUpscale: cfg.NoUpscale})
	if err != nil {
		return nil, err
	}
	r := &Result{Mechanism: cfg.Mechanism, Pool: cfg.Pool, Scale: raw.Scale, Gaps: make([]GapResult, len(gaps)),
		Matched: dist.Total, Rows: rows, Donors: donors}
	for k, i := range order {
		g, s := &gaps[i], &sums[i]
		r.Gaps[k] = GapResult{Gap: g.ID, Recipient: g.Recipient, RecipientID: g.RecipientID, Contributors: s.Contributors, Direct: s.Direct,
			Raw: raw.Values[k], Match: dist.Payouts[k], Capped: dist.Capped[k]}
		if _, over := r.Direct.AddOverflow(&r.Direct, &s.Direct); over {
			return nil, fmt.Errorf("%w: round's direct total", ErrOverflow)
		}
	}
	return r, nil
}
