package calc

import (
	"math/big"
)

// Pairwise is Buterin's pairwise coordination subsidy with bound M (base
// units):
//
//	raw_p = Σ_{i≠j} √c_pi·√c_pj · M/(M + k_ij),   k_ij = Σ_q √c_qi·√c_qj
//
// Donors who give together to many gaps (k_ij large) earn less for each
// pair; a pair's total subsidy over all gaps is below M.
//
// It is computed in fixed point: amounts are scaled by one power of two so
// the largest donor total is just below 2^124, roots are exact floors of the
// scaled amounts (64 bits), k_ij is summed exactly in 128 bits, and each
// pair's M/(M+k_ij) is a 64-bit mantissa with its own exponent (see
// [pairSums]). Sums are exact integers, so the result is the same on every
// run and platform. The error against the real-valued formula comes only
// from the flooring of roots and quotients; it is bounded as the sums are
// made, and a round whose bound exceeds 4·10^-10 of Σraw is refused with
// [ErrPrecision] rather than paid out.
type Pairwise struct {
	M *big.Int
}

// Name implements [Mechanism].
func (Pairwise) Name() string { return "pairwise" }

// Raw implements [Mechanism].
func (p Pairwise) Raw(nGaps int, terms []Term) (Raw, error) {
	sp := newSparse(nGaps, terms)
	if len(terms) == 0 {
		return zeroRaw(nGaps), nil
	}
	sh := 124 - maxBits(sp.donorTotals())
	s := sp.sqrtScaled(sh)
	m := mantOfBig(new(big.Int).Mul(p.M, bpsScale)) // M in x units (c·10^4), then scaled like x
	m.e += sh
	factor := func(w *pairWorker, _ int32) {
		for _, j := range w.touched {
			f := ratio(m, mantOf128(w.kHi[j], w.kLo[j]))
			w.fm[j], w.fe[j] = f.m, int32(f.e)
		}
	}
	r := pairSums(sp, s, factor, nil) // raw_x·2^sh = Values·2^Exp
	if err := checkPrecision("pairwise", r.Values, r.Bounds); err != nil {
		return Raw{}, err
	}
	return scaleRaw(r.Values, sh-r.Exp), nil
}

func zeroRaw(nGaps int) Raw {
	r := Raw{Values: make([]*big.Int, nGaps), Scale: big.NewInt(1)}
	for g := range r.Values {
		r.Values[g] = new(big.Int)
	}
	return r
}
