package calc_test

import (
	"math/big"

	"github.com/qf-dev/qf/calc"
)

// The references below evaluate the spec's formulas literally, with dense
// matrices and 256-bit big.Float, independently of the fixed-point code:
// no rank tricks, no pair enumeration, no scaling.

const refPrec = 256

type matrix [][]*big.Float // donors × gaps

func fl(v float64) *big.Float { return new(big.Float).SetPrec(refPrec).SetFloat64(v) }
func zero() *big.Float        { return new(big.Float).SetPrec(refPrec) }
func sqrtF(x *big.Float) *big.Float {
	if x.Sign() <= 0 {
		return zero()
	}
	return zero().Sqrt(x)
}
func mul(a, b *big.Float) *big.Float { return zero().Mul(a, b) }
func add(a, b *big.Float) *big.Float { return zero().Add(a, b) }
func quo(a, b *big.Float) *big.Float { return zero().Quo(a, b) }

func sqrtMatrix(w matrix) matrix {
	out := make(matrix, len(w))
	for i := range w {
		out[i] = make([]*big.Float, len(w[i]))
		for p := range w[i] {
			out[i][p] = sqrtF(w[i][p])
		}
	}
	return out
}

// refPairwise: raw_p = Σ_{i≠j} √c_pi √c_pj · M/(M + k_ij), k_ij = Σ_q √c_qi √c_qj.
func refPairwise(w matrix, nGaps int, m *big.Float) []*big.Float {
	s := sqrtMatrix(w)
	raw := make([]*big.Float, nGaps)
	for p := range raw {
		raw[p] = zero()
		for i := range w {
			for j := range w {
				if i == j {
					continue
				}
				k := zero()
				for q := 0; q < nGaps; q++ {
					k = add(k, mul(s[i][q], s[j][q]))
				}
				raw[p] = add(raw[p], mul(mul(s[i][p], s[j][p]), quo(m, add(m, k))))
			}
		}
	}
	return raw
}

type square [][]*big.Float

func newSquare(n int) square {
	out := make(square, n)
	for i := range out {
		out[i] = make([]*big.Float, n)
		for j := range out[i] {
			out[i][j] = zero()
		}
	}
	return out
}

func (a square) times(b square) square {
	out := newSquare(len(a))
	for i := range a {
		for j := range a {
			for l := range a {
				out[i][j] = add(out[i][j], mul(a[i][l], b[l][j]))
			}
		}
	}
	return out
}

// outer returns M_p[i,j] = √c_pi √c_pj.
func outer(s matrix, p int) square {
	out := newSquare(len(s))
	for i := range s {
		for j := range s {
			out[i][j] = mul(s[i][p], s[j][p])
		}
	}
	return out
}

// refCluster: N_p = M_p·M_p, N* = (Σ M_p)(Σ M_p), raw_p = sqrt(Σ_{i≠j} N_p D/(D+N*)).
// With noteCode, the denominator is the one the note's numpy code uses:
// (Σ_p sqrt(N_p[i,j]))² in place of N*[i,j].
func refCluster(w matrix, nGaps int, d *big.Float, noteCode bool) []*big.Float {
	s := sqrtMatrix(w)
	n := len(w)
	sum := newSquare(n)
	np := make([]square, nGaps)
	for p := range np {
		mp := outer(s, p)
		np[p] = mp.times(mp)
		for i := range sum {
			for j := range sum {
				sum[i][j] = add(sum[i][j], mp[i][j])
			}
		}
	}
	nstar := sum.times(sum)
	if noteCode {
		for i := range nstar {
			for j := range nstar {
				t := zero()
				for p := range np {
					t = add(t, sqrtF(np[p][i][j]))
				}
				nstar[i][j] = mul(t, t)
			}
		}
	}
	raw := make([]*big.Float, nGaps)
	for p := range raw {
		t := zero()
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i != j {
					t = add(t, quo(mul(np[p][i][j], d), add(d, nstar[i][j])))
				}
			}
		}
		raw[p] = sqrtF(t)
	}
	return raw
}

// refCOCM follows Gitcoin's COCM(donation_df, donation_df, 'markov', harsh=True).
func refCOCM(w matrix, nGaps int) []*big.Float {
	n := len(w)
	a := make(matrix, n) // A_ig: rows normalized
	for i := range w {
		tot := zero()
		for g := range w[i] {
			tot = add(tot, w[i][g])
		}
		a[i] = make([]*big.Float, nGaps)
		for g := range w[i] {
			a[i][g] = zero()
			if tot.Sign() > 0 {
				a[i][g] = quo(w[i][g], tot)
			}
		}
	}
	b := make([][]*big.Float, nGaps) // B_gi: columns normalized
	for g := range b {
		tot := zero()
		for i := range w {
			tot = add(tot, w[i][g])
		}
		b[g] = make([]*big.Float, n)
		for i := range w {
			b[g][i] = zero()
			if tot.Sign() > 0 {
				b[g][i] = quo(w[i][g], tot)
			}
		}
	}
	ba := newSquare(nGaps)
	for g := range ba {
		for h := range ba {
			for i := range w {
				ba[g][h] = add(ba[g][h], mul(b[g][i], a[i][h]))
			}
		}
	}
	k := make(matrix, n)
	for i := range k {
		k[i] = make([]*big.Float, nGaps)
		for h := range k[i] {
			k[i][h] = zero()
			for g := 0; g < nGaps; g++ {
				k[i][h] = add(k[i][h], mul(a[i][g], ba[g][h]))
			}
			if w[i][h].Sign() > 0 && k[i][h].Cmp(fl(1)) < 0 {
				k[i][h] = fl(1)
			}
		}
	}
	raw := make([]*big.Float, nGaps)
	for p := range raw {
		pp := newSquare(nGaps) // P'_hg
		for h := 0; h < nGaps; h++ {
			for g := 0; g < nGaps; g++ {
				for i := range w {
					kih := mul(zero().Sub(fl(1), k[i][h]), w[i][p])
					pp[h][g] = add(pp[h][g], mul(kih, a[i][g]))
				}
			}
		}
		raw[p] = zero()
		for g := 0; g < nGaps; g++ {
			for h := 0; h < nGaps; h++ {
				if g != h {
					raw[p] = add(raw[p], sqrtF(mul(pp[h][g], pp[g][h])))
				}
			}
		}
	}
	return raw
}

// rawOf returns a result's raw subsidies in base units, as big.Float.
func rawOf(r *calc.Result) []*big.Float {
	out := make([]*big.Float, len(r.Gaps))
	for i, g := range r.Gaps {
		out[i] = quo(zero().SetInt(g.Raw), zero().SetInt(r.Scale))
	}
	return out
}
