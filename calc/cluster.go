package calc

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/holiman/uint256"
)

// maxClusterGaps bounds the gap×gap Gram matrix [Cluster] keeps (32 bytes a cell).
const maxClusterGaps = 4096

// Cluster is the N_p = M_p² variant of pairwise matching with bound D (in
// base units squared). With M_p[i,j] = √c_pi·√c_pj:
//
//	N_p = M_p·M_p,  N* = (Σ_p M_p)·(Σ_p M_p),
//	raw_p = sqrt(Σ_{i≠j} N_p[i,j] · D/(D + N*[i,j]))
//
// N* counts length-two paths between donors, so closeness reaches
// second-degree ties. Both products are rank-structured and never built:
// N_p[i,j] = S_p·√c_pi·√c_pj with S_p = Σ_l c_pl, and
// N*[i,j] = Σ_{q,r} √c_qi·G[q,r]·√c_rj with the gap Gram matrix
// G[q,r] = Σ_l √c_ql·√c_rl, so each co-donating pair costs one short dot
// product.
//
// Fixed point as in [Pairwise], with 256-bit integers for G and N*: amounts
// are scaled by one power of two so that max_i T_i·Σ_l T_l < 2^249 (T the
// donor totals), which bounds every N*; the final square root is taken on
// exact big integers with 64 guard bits.
type Cluster struct {
	D *big.Int
}

// Name implements [Mechanism].
func (Cluster) Name() string { return "cluster" }

// Raw implements [Mechanism].
func (c Cluster) Raw(nGaps int, terms []Term) (Raw, error) {
	if len(terms) == 0 {
		return zeroRaw(nGaps), nil
	}
	if nGaps > maxClusterGaps {
		return Raw{}, fmt.Errorf("%w: cluster keeps a gap×gap matrix and takes at most %d gaps with contributions (got %d)", ErrParam, maxClusterGaps, nGaps)
	}
	sp := newSparse(nGaps, terms)
	tmax := maxBits(sp.donorTotals())
	gapTotals := sp.gapTotals()
	total := new(big.Int)
	for g := range gapTotals {
		total.Add(total, &gapTotals[g])
	}
	sh := min(125-tmax, floorDiv(249-tmax-total.BitLen(), 2))
	s := sp.sqrtScaled(sh)
	gram := sp.gram(s)

	d := mantOfBig(new(big.Int).Mul(c.D, new(big.Int).Mul(bpsScale, bpsScale))) // D in x² units, scaled like x²
	d.e += 2 * sh

	type scratch struct{ u []uint256.Int }
	factor := func(w *pairWorker, i int32) {
		u := w.state.(*scratch).u
		// u_i[r] = Σ_q √c_qi·G[q,r]
		for r := range u {
			u[r].Clear()
		}
		var t uint256.Int
		for _, e := range sp.entriesOf(i) {
			row := gram[int(sp.gap[e])*nGaps:]
			si := uint256.NewInt(s[e])
			for r := range u {
				t.Mul(&row[r], si)
				u[r].Add(&u[r], &t)
			}
		}
		var n uint256.Int
		for _, j := range w.touched {
			n.Clear()
			for _, e := range sp.entriesOf(j) {
				t.Mul(&u[sp.gap[e]], uint256.NewInt(s[e]))
				n.Add(&n, &t)
			}
			f := ratio(d, mantOfWords(n[:]))
			w.fm[j], w.fe[j] = f.m, int32(f.e)
		}
	}
	r := pairSums(sp, s, factor, func() any { return &scratch{u: make([]uint256.Int, nGaps)} })
	// V_p·2^Exp = Σ_{i≠j} √x_pi·√x_pj·g_ij·2^sh, and raw_x² = S_p·that. N*
	// carries the roots' floors four times where k carries them twice, so
	// V's bound is doubled; the root halves the relative error.
	exp := r.Exp - sh            // V_p·2^exp = Σ in x units
	out := 32 - floorDiv(exp, 2) // raw_x·2^out, with 64 guard bits under the root
	raws := make([]*big.Int, nGaps)
	bounds := make([]*big.Int, nGaps)
	for g, v := range r.Values {
		y := new(big.Int).Mul(v, &gapTotals[g])
		y.Lsh(y, uint(2*out+exp))
		raws[g] = y.Sqrt(y)
		bounds[g] = new(big.Int)
		if v.Sign() > 0 {
			bounds[g].SetInt64(1) // the root's floor
		}
		if v.Sign() > 0 {
			b := new(big.Int).Mul(raws[g], r.Bounds[g]) // raw·(2·bound/V)/2
			bounds[g].Add(bounds[g], b.Quo(b, v))
		} else if r.Bounds[g].Sign() > 0 {
			b := new(big.Int).Mul(r.Bounds[g], &gapTotals[g]) // raw ≤ sqrt(S·2·bound)
			b.Lsh(b, uint(max(0, 2*out+exp+1)))
			bounds[g] = b.Sqrt(b)
		}
	}
	if err := checkPrecision("cluster", raws, bounds); err != nil {
		return Raw{}, err
	}
	return scaleRaw(raws, out), nil
}

// gram returns G[q,r] = Σ_l s_ql·s_rl, row-major nGaps×nGaps.
func (sp *sparse) gram(s []uint64) []uint256.Int {
	g := make([]uint256.Int, sp.nGaps*sp.nGaps)
	var t uint256.Int
	for d := range sp.nDonors {
		es := sp.entriesOf(int32(d))
		for a, e1 := range es {
			for _, e2 := range es[a:] {
				hi, lo := bits.Mul64(s[e1], s[e2])
				t[0], t[1] = lo, hi
				cell := &g[int(sp.gap[e1])*sp.nGaps+int(sp.gap[e2])]
				cell.Add(cell, &t)
			}
		}
	}
	for q := range sp.nGaps {
		for r := q + 1; r < sp.nGaps; r++ {
			g[r*sp.nGaps+q] = g[q*sp.nGaps+r]
		}
	}
	return g
}

// floorDiv is ⌊a/b⌋ for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
