package cqf

import (
	"fmt"
	"math/big"

	"github.com/holiman/uint256"
)

// Policy assigns saturation speeds to a gap's pledges in join order.
// The note leaves σ open: if pledgers chose it they would all choose the
// smallest. A constant σ lets every pledge saturate alike, so late
// newcomers may find little leverage left; a decreasing σ keeps late
// pledges unsaturated (leverage stays) but rewards waiting.
type Policy struct {
	// Sigma is the first pledge's speed, per √base unit.
	Sigma *big.Rat
	// Decay, when set, makes the policy decreasing: the k-th pledge
	// (k = 0, 1, …) gets σ/(1 + Decay·k). Nil or zero is constant.
	Decay *big.Rat
}

// Speed returns the k-th pledge's saturation speed.
func (p Policy) Speed(k int) *big.Rat {
	if p.Decay == nil || p.Decay.Sign() == 0 {
		return p.Sigma
	}
	d := new(big.Rat).Mul(p.Decay, new(big.Rat).SetInt64(int64(k)))
	d.Add(d, big.NewRat(1, 1))
	return d.Quo(p.Sigma, d)
}

// Pledges gives limits, in join order, their speeds.
func (p Policy) Pledges(limits []uint256.Int) []Pledge {
	ps := make([]Pledge, len(limits))
	for k := range limits {
		ps[k] = Pledge{Limit: limits[k], Sigma: p.Speed(k)}
	}
	return ps
}

// MaxJoin bounds [JoinLeverage]'s input: it solves every prefix.
const MaxJoin = 5000

// JoinLeverage returns each pledge's immediate leverage when it joined:
// how much the pot grew when it arrived, over what it paid then,
// (T_k − T_{k−1}) / pay_k with T_k the pot of the first k pledges. It
// solves every prefix (each from the previous h, a valid lower bracket
// since a new pledge never lowers h), so it takes quadratic time and
// refuses more than [MaxJoin] pledges.
func JoinLeverage(pledges []Pledge, linear bool) ([]*big.Rat, error) {
	if len(pledges) > MaxJoin {
		return nil, fmt.Errorf("%w: immediate leverage solves every prefix; %d pledges is over %d", ErrPledge, len(pledges), MaxJoin)
	}
	out := make([]*big.Rat, len(pledges))
	prevTotal := new(big.Int)
	var prevH fx
	for k := range pledges {
		s, err := newSolver(pledges[:k+1], linear)
		if err != nil {
			return nil, err
		}
		lhi, llo := prevH.u128(s.e)
		h, iters, err := s.solve(lhi, llo, 1)
		if err != nil {
			return nil, fmt.Errorf("pledge %d: %w", k+1, err)
		}
		sol := s.solution(pledges[:k+1], h, iters)
		total := sol.Total.ToBig()
		if own := sol.Pay[k].ToBig(); own.Sign() > 0 {
			out[k] = new(big.Rat).SetFrac(new(big.Int).Sub(total, prevTotal), own)
		}
		prevTotal, prevH = total, h.fx(s.e)
	}
	return out, nil
}
