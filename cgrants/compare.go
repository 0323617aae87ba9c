package cgrants

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"time"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// Tally builds the round's calc tally: grant i is gap i+1. Contributions
// below minAmount (nil for none) are direct but not matched.
func (r *Round) Tally(minAmount *uint256.Int) (*calc.Tally, error) {
	gaps := make([]calc.Gap, len(r.Grants))
	for i := range gaps {
		gaps[i].ID.SetUint64(uint64(i + 1))
	}
	t, err := calc.NewTally(gaps, minAmount)
	if err != nil {
		return nil, err
	}
	t.Grow(len(r.Gifts))
	for _, g := range r.Gifts {
		if err := t.AddIndexed(t.DonorIndex(g.Donor), g.Grant, &g.Amount); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Donors counts the distinct contributors in the round.
func (r *Round) Donors() int {
	seen := map[string]struct{}{}
	for _, g := range r.Gifts {
		seen[g.Donor] = struct{}{}
	}
	return len(seen)
}

// Outcome is one mechanism's result on one round.
type Outcome struct {
	Mechanism string `json:"mechanism"`
	// Matches are in Round.Grants order, 18-decimal USD units.
	Matches []*big.Int `json:"-"`
	// Pearson and Spearman correlate the matches with the published ones
	// over the grants found in both.
	Pearson  float64 `json:"pearson"`
	Spearman float64 `json:"spearman"`
	Seconds  float64 `json:"seconds"`
	// Err is set when the mechanism refused the round (e.g. calc.ErrPrecision).
	Err string `json:"error,omitempty"`
}

// Comparison is a round's mechanisms side by side with the published matches.
type Comparison struct {
	Round         int   `json:"round"`
	Contributions int   `json:"contributions"`
	Donors        int   `json:"donors"`
	Grants        int   `json:"grants"`
	Published     int   `json:"publishedGrants"`
	Joined        []int `json:"-"` // indices into Round.Grants with a published match
	// Coverage is the share of the published matches paid to grants found
	// in the contributions (titles that changed between files are lost).
	Coverage float64    `json:"coverage"`
	Pool     string     `json:"pool"` // Σ published, USD
	Outcomes []*Outcome `json:"mechanisms"`
}

// Compare runs each configuration on the round, with the published total
// as the pool. A mechanism refusing the round with [calc.ErrPrecision] is
// reported in its Outcome; any other error stops the comparison.
func Compare(r *Round, cfgs []calc.Config) (*Comparison, error) {
	c := &Comparison{Round: r.Number, Contributions: len(r.Gifts), Donors: r.Donors(), Grants: len(r.Grants),
		Published: len(r.Published), Pool: calc.FormatAmount(mustU256(r.PublishedTotal), Decimals)}
	covered := new(big.Int)
	var pub []float64
	for i, g := range r.Grants {
		if m, ok := r.Published[g]; ok {
			c.Joined = append(c.Joined, i)
			covered.Add(covered, m)
			pub = append(pub, usd(m))
		}
	}
	if r.PublishedTotal.Sign() > 0 {
		c.Coverage = usd(covered) / usd(r.PublishedTotal)
	}
	tallies := map[string]*calc.Tally{} // one per minimum amount
	for _, cfg := range cfgs {
		cfg.Pool = *mustU256(r.PublishedTotal)
		key := cfg.MinAmount.Hex()
		t := tallies[key]
		if t == nil {
			var err error
			if t, err = r.Tally(&cfg.MinAmount); err != nil {
				return nil, err
			}
			tallies[key] = t
		}
		o := &Outcome{Mechanism: cfg.Mechanism}
		start := time.Now()
		res, err := calc.Compute(t, cfg)
		o.Seconds = time.Since(start).Seconds()
		switch {
		case errors.Is(err, calc.ErrPrecision):
			o.Err = err.Error()
		case err != nil:
			return nil, err
		default:
			got := make([]float64, 0, len(c.Joined))
			for _, g := range res.Gaps {
				o.Matches = append(o.Matches, g.Match.ToBig())
			}
			for _, i := range c.Joined {
				got = append(got, usd(o.Matches[i]))
			}
			o.Pearson, o.Spearman = Pearson(got, pub), Pearson(ranks(got), ranks(pub))
		}
		c.Outcomes = append(c.Outcomes, o)
	}
	return c, nil
}

func mustU256(b *big.Int) *uint256.Int {
	z, _ := uint256.FromBig(b) // Σ of parsed uint256 matches; sums of 10^3 of them fit
	return z
}

// usd converts 18-decimal units to float USD for statistics.
func usd(v *big.Int) float64 {
	f, _ := new(big.Rat).SetFrac(v, usdScale).Float64()
	return f
}

// Pearson is the correlation of two series; 0 when either is constant.
func Pearson(x, y []float64) float64 {
	n := float64(len(x))
	if n == 0 {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// ranks returns fractional ranks (ties share their mean rank), for Spearman.
func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case v[a] < v[b]:
			return -1
		case v[a] > v[b]:
			return 1
		}
		return 0
	})
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			out[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return out
}
