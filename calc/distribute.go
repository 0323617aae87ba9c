package calc

import (
	"math/big"
	"sort"

	"github.com/holiman/uint256"
)

// DistributeOptions are the normalization settings of a round.
type DistributeOptions struct {
	// CapBps caps each gap at floor(pool·CapBps/10000); 0 means no cap.
	CapBps uint32
	// NoUpscale pays raw subsidies as they are when they add up to less than
	// the pool, leaving the rest unspent, instead of scaling up to the pool.
	NoUpscale bool
}

// Distribution is the outcome of [Distribute].
type Distribution struct {
	Payouts []uint256.Int
	Capped  []bool
	Total   uint256.Int
}

// Distribute turns raw subsidies into payouts of at most pool in total.
//
// Default: the whole pool is apportioned pro rata to raw (largest
// remainders, ties to the lower index — indices follow ascending gap id).
// NoUpscale: if Σraw/Scale < pool, each gap gets floor(raw/Scale).
// CapBps: gaps whose share exceeds the cap are fixed at it and the rest of
// the budget is apportioned again among the others, until none exceeds it.
func Distribute(pool *uint256.Int, raw Raw, opts DistributeOptions) (Distribution, error) {
	n := len(raw.Values)
	d := Distribution{Payouts: make([]uint256.Int, n), Capped: make([]bool, n)}
	if opts.CapBps > 10000 {
		return d, ErrCap
	}
	poolB := pool.ToBig()
	var capB *big.Int
	if opts.CapBps > 0 {
		capB = new(big.Int).Mul(poolB, big.NewInt(int64(opts.CapBps)))
		capB.Quo(capB, big.NewInt(10000))
	}
	total := new(big.Int)
	for _, v := range raw.Values {
		total.Add(total, v)
	}
	if total.Sign() == 0 {
		return d, nil
	}
	out := make([]*big.Int, n)
	if opts.NoUpscale && total.Cmp(new(big.Int).Mul(poolB, raw.Scale)) < 0 {
		for i, v := range raw.Values {
			out[i] = new(big.Int).Quo(v, raw.Scale)
			if capB != nil && out[i].Cmp(capB) > 0 {
				out[i].Set(capB)
				d.Capped[i] = true
			}
		}
	} else {
		active := make([]int, 0, n)
		for i, v := range raw.Values {
			out[i] = new(big.Int)
			if v.Sign() > 0 {
				active = append(active, i)
			}
		}
		budget := new(big.Int).Set(poolB)
		for len(active) > 0 {
			shares := apportion(budget, raw.Values, active)
			var over, under []int
			for k, i := range active {
				if capB != nil && shares[k].Cmp(capB) > 0 {
					over = append(over, i)
				} else {
					under = append(under, i)
				}
			}
			if len(over) == 0 {
				for k, i := range active {
					out[i] = shares[k]
				}
				break
			}
			for _, i := range over {
				out[i].Set(capB)
				d.Capped[i] = true
				budget.Sub(budget, capB)
			}
			active = under
		}
	}
	for i, v := range out {
		d.Payouts[i].SetFromBig(v) // each payout ≤ pool, so it fits
		d.Total.Add(&d.Total, &d.Payouts[i])
	}
	return d, nil
}

// apportion splits budget over the weights at idx: floor shares, then one
// base unit each to the largest remainders, ties to the lower index.
func apportion(budget *big.Int, weights []*big.Int, idx []int) []*big.Int {
	sum := new(big.Int)
	for _, i := range idx {
		sum.Add(sum, weights[i])
	}
	shares := make([]*big.Int, len(idx))
	rems := make([]*big.Int, len(idx))
	left := new(big.Int).Set(budget)
	for k, i := range idx {
		num := new(big.Int).Mul(budget, weights[i])
		shares[k], rems[k] = new(big.Int).QuoRem(num, sum, new(big.Int))
		left.Sub(left, shares[k])
	}
	order := make([]int, len(idx))
	for k := range order {
		order[k] = k
	}
	// idx is ascending, so a stable sort by remainder breaks ties by lower gap id.
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]].Cmp(rems[order[b]]) > 0 })
	one := big.NewInt(1)
	for k := 0; left.Sign() > 0; k++ {
		shares[order[k]].Add(shares[order[k]], one)
		left.Sub(left, one)
	}
	return shares
}
