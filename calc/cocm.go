package calc

import (
	"fmt"
	"math/big"
	"math/bits"
	"runtime"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/par"
	"github.com/qf-dev/qf/internal/wide"
)

// maxCOCMGaps bounds the gap×gap matrices [COCM] keeps per core.
const maxCOCMGaps = 8192

// one is 1.0 in the Q63 fractions COCM uses.
const one = uint64(1) << 63

// COCM is Gitcoin's connection-oriented cluster match as it runs in
// production ("markov" similarity, "harsh" discount), with the gaps
// themselves as the clusters. With W the donor×gap matrix of c_pi:
//
//	A_ig = W_ig / Σ_g W_ig          (each donor's giving, as shares)
//	B_gi = W_ig / Σ_i W_ig          (each gap's funding, as shares)
//	k    = A·(B·A);  k_ih = 1 where W_ih > 0
//	K_ih = (1 − k_ih)·c_pi          (for the gap p being matched)
//	P'_hg = Σ_i K_ih·A_ig
//	raw_p = Σ_{g≠h} sqrt(P'_hg·P'_gh)
//
// k_ih is the chance that a two-step walk donor→gap→donor→gap from i ends at
// h: how close i already is to h. A donor's money counts toward the pair
// (g, h) only as far as the donor is not already tied to h, so a gap whose
// donors give nowhere else, or all to the same places, earns little.
//
// Fixed point: A, B, B·A and k are Q63 fractions (64-bit), amounts are
// scaled by one power of two so the largest gap total is below 2^62, P' is
// summed exactly in 128 bits, and each sqrt(P'_hg·P'_gh) is the product of
// two exact floor roots. The work is Σ_i deg_i² for B·A, n_donors·deg·G for
// k, and G·Σ_i deg_i² + G³ for the gap matrices, shared over all cores by
// gap; every gap's value is computed by one core, so the result does not
// depend on scheduling.
type COCM struct{}

// Name implements [Mechanism].
func (COCM) Name() string { return "cocm" }

// Raw implements [Mechanism].
func (COCM) Raw(nGaps int, terms []Term) (Raw, error) {
	if len(terms) == 0 {
		return zeroRaw(nGaps), nil
	}
	if nGaps > maxCOCMGaps {
		return Raw{}, fmt.Errorf("%w: cocm keeps gap×gap matrices and takes at most %d gaps with contributions (got %d)", ErrParam, maxCOCMGaps, nGaps)
	}
	sp := newSparse(nGaps, terms)
	gapTot, donorTot := sp.gapTotals(), sp.donorTotals()
	sh := 62 - maxBits(gapTot)
	c := make([]uint64, len(terms)) // x·2^sh
	a := make([]uint64, len(terms)) // A for the entry's (donor, gap), Q63
	b := make([]uint64, len(terms)) // B, Q63
	v := new(big.Int)
	for e := range sp.x {
		c[e] = shifted(v, &sp.x[e], sh).Uint64()
		v.Lsh(&sp.x[e], 63)
		a[e] = v.Quo(v, &donorTot[sp.donor[e]]).Uint64()
		v.Lsh(&sp.x[e], 63)
		b[e] = v.Quo(v, &gapTot[sp.gap[e]]).Uint64()
	}
	bja := sp.transition(a, b)
	dist := sp.distances(a, bja)

	vals, bounds := make([]*big.Int, nGaps), make([]*big.Int, nGaps)
	par.Chunks(nGaps, 1, runtime.GOMAXPROCS(0), func() func(int) {
		sc := newCOCMScratch(nGaps)
		return func(p int) { vals[p], bounds[p] = sp.cocmGap(p, c, a, dist, sc) }
	})
	if err := checkPrecision("cocm", vals, bounds); err != nil {
		return Raw{}, err
	}
	return scaleRaw(vals, sh+63), nil
}

// transition returns (B·A)[g,h] = Σ_i B_gi·A_ih in Q63, row-major.
func (sp *sparse) transition(a, b []uint64) []uint64 {
	n := sp.nGaps
	lo, hi := make([]uint64, n*n), make([]uint64, n*n)
	for d := range sp.nDonors {
		es := sp.entriesOf(int32(d))
		for _, e1 := range es {
			row := int(sp.gap[e1]) * n
			for _, e2 := range es {
				h, l := bits.Mul64(b[e1], a[e2])
				var cy uint64
				lo[row+int(sp.gap[e2])], cy = bits.Add64(lo[row+int(sp.gap[e2])], l, 0)
				hi[row+int(sp.gap[e2])] += h + cy
			}
		}
	}
	out := lo // reuse: Σ ≤ 1 in Q126, so >>63 fits 64 bits
	for i := range out {
		out[i] = hi[i]<<1 | lo[i]>>63
	}
	return out
}

// maxCachedDistances bounds the donor×gap table of 1 − k kept in memory (8
// bytes a cell); past it each row is recomputed where it is needed.
const maxCachedDistances = 1 << 27

// distances holds 1 − k_ih in Q63, k_ih = Σ_g A_ig·(B·A)[g,h], and 0 where
// the donor gave to h: a cached donor×gap table, or rows on demand.
type distances struct {
	sp     *sparse
	a, bja []uint64
	cache  []uint64
}

func (sp *sparse) distances(a, bja []uint64) *distances {
	ds := &distances{sp: sp, a: a, bja: bja}
	n := sp.nGaps
	if sp.nDonors*n <= maxCachedDistances {
		ds.cache = make([]uint64, sp.nDonors*n)
		par.Chunks(sp.nDonors, 64, runtime.GOMAXPROCS(0), func() func(int) {
			lo, hi := make([]uint64, n), make([]uint64, n)
			return func(d int) { ds.compute(d, ds.cache[d*n:(d+1)*n], lo, hi) }
		})
	}
	return ds
}

// row returns donor d's row, computing it into buf (with scratch lo, hi of
// the same length) when it is not cached.
func (ds *distances) row(d int, buf, lo, hi []uint64) []uint64 {
	n := ds.sp.nGaps
	if ds.cache != nil {
		return ds.cache[d*n : (d+1)*n]
	}
	ds.compute(d, buf, lo, hi)
	return buf
}

func (ds *distances) compute(d int, row, lo, hi []uint64) {
	sp, n := ds.sp, ds.sp.nGaps
	clear(lo)
	clear(hi)
	for _, e := range sp.entriesOf(int32(d)) {
		src := ds.bja[int(sp.gap[e])*n : (int(sp.gap[e])+1)*n]
		ae := ds.a[e]
		for h, t := range src {
			ph, pl := bits.Mul64(ae, t)
			var cy uint64
			lo[h], cy = bits.Add64(lo[h], pl, 0)
			hi[h] += ph + cy
		}
	}
	for h := range row {
		row[h] = 0
		if k := hi[h]<<1 | lo[h]>>63; k < one {
			row[h] = one - k
		}
	}
	for _, e := range sp.entriesOf(int32(d)) {
		row[sp.gap[e]] = 0
	}
}

// cocmScratch is one core's working space for [sparse.cocmGap].
type cocmScratch struct {
	pLo, pHi    []uint64 // P'ᵀ in 128 bits: row g, column h is P'_hg
	live        []bool   // which P' entries can differ from zero
	w           []uint64 // the donor's discounted amount K_ih per h
	row, lo, hi []uint64 // a row of 1 − k when it is not cached
}

func newCOCMScratch(n int) *cocmScratch {
	return &cocmScratch{pLo: make([]uint64, n*n), pHi: make([]uint64, n*n), live: make([]bool, n*n),
		w: make([]uint64, n), row: make([]uint64, n), lo: make([]uint64, n), hi: make([]uint64, n)}
}

// cocmGap computes raw_p·2^(sh+63) for one gap and its error bound.
func (sp *sparse) cocmGap(p int, c, a []uint64, dist *distances, sc *cocmScratch) (*big.Int, *big.Int) {
	n := sp.nGaps
	pLo, pHi, live, w := sc.pLo, sc.pHi, sc.live, sc.w
	clear(pLo)
	clear(pHi)
	clear(live)
	for e := sp.gapStart[p]; e < sp.gapStart[p+1]; e++ {
		d := int(sp.donor[e])
		om := dist.row(d, sc.row, sc.lo, sc.hi)
		for h, f := range om {
			hi, lo := bits.Mul64(c[e], f)
			w[h] = hi<<1 | lo>>63 // K_ih = (1−k_ih)·c_pi, < 2^62
		}
		for _, e1 := range sp.entriesOf(int32(d)) {
			g := int(sp.gap[e1]) * n
			// Where 1−k_ih is zero as computed it is zero exactly (computed k
			// is never above the true k, and k ≤ 1), so these P'_hg are the
			// only ones that can differ from zero.
			for h, f := range om {
				if f != 0 {
					live[g+h] = true
				}
			}
			ag := a[e1]
			rowLo, rowHi := pLo[g:g+n], pHi[g:g+n]
			for h, k := range w {
				hi, lo := bits.Mul64(k, ag)
				var cy uint64
				rowLo[h], cy = bits.Add64(rowLo[h], lo, 0)
				rowHi[h] += hi + cy
			}
		}
	}
	// Error bound. P'_hg is off by at most δ_g = Σ_{i∈p, g∈gaps(i)}
	// (c_i·(deg_i+2)·A_ig/2^63 + 2·A_ig + c_i): the floors in A, B·A and k
	// (deg_i+2 units of 1−k), in c and K (two units of K, times A), and in A
	// (one unit, times K ≤ c).
	// Each root is off by one unit. With a = √P'_hg and b = √P'_gh, where
	// a² > 4δ_g and b² > 4δ_h the product's error is at most
	// δ_g·b/a + δ_h·a/b (first order, taken with a 2× margin as powers of two
	// from the bit lengths); elsewhere at most √δ_g·(b+1) + √δ_h·(a+1) +
	// δ_g + δ_h.
	delta := make([]uint256.Int, n)
	var t, x uint256.Int
	for e := sp.gapStart[p]; e < sp.gapStart[p+1]; e++ {
		d := sp.donor[e]
		deg := uint64(sp.donorStart[d+1] - sp.donorStart[d])
		for _, e1 := range sp.entriesOf(d) {
			t.SetUint64(c[e])
			t.Mul(&t, x.SetUint64(deg+2))
			t.Mul(&t, x.SetUint64(a[e1]))
			t.Rsh(&t, 63) // (deg+2)·2^-63 of c, times A
			t.Add(&t, x.SetUint64(c[e]))
			t.Add(&t, x.SetUint64(a[e1]))
			t.Add(&t, x.SetUint64(a[e1]))
			g := sp.gap[e1]
			delta[g].Add(&delta[g], &t)
		}
	}
	small := make([]int, n) // a root is small at or below bit length ≈ that of 2√δ
	for g := range small {
		small[g] = (delta[g].BitLen()+1)/2 + 1
	}
	far, near, cnt := make([]u192, n), make([]u192, n), make([]uint64, n)
	var sum, unit u192
	for g := range n {
		for h := g + 1; h < n; h++ {
			x, y := g*n+h, h*n+g
			if !live[x] || !live[y] {
				continue // one side is exactly zero, so is the product
			}
			a, b := wide.Sqrt128(pHi[x], pLo[x]), wide.Sqrt128(pHi[y], pLo[y])
			sum.addMul(a, b)
			unit.addShifted(0, a+b+1, 0) // the roots' own floors
			la, lb := bits.Len64(a), bits.Len64(b)
			if la <= small[g] || lb <= small[h] {
				near[g].addShifted(0, b+1, 0)
				near[h].addShifted(0, a+1, 0)
				cnt[g]++
				cnt[h]++
				continue
			}
			far[g].addShifted(0, pow2(lb-la+2), 0)
			far[h].addShifted(0, pow2(la-lb+2), 0)
		}
	}
	val := new(big.Int).SetBits(wordsLE(sum[:]...))
	val.Lsh(val, 1) // Σ_{g≠h} counts each unordered pair twice
	bound := new(big.Int).SetBits(wordsLE(unit[:]...))
	for g := range n {
		dg := delta[g].ToBig()
		rg := new(big.Int).Sqrt(dg)
		rg.Add(rg, big.NewInt(1))
		bound.Add(bound, rg.Mul(rg, new(big.Int).SetBits(wordsLE(near[g][:]...))))
		f := new(big.Int).SetBits(wordsLE(far[g][:]...))
		bound.Add(bound, f.Mul(f.Add(f, new(big.Int).SetUint64(cnt[g])), dg))
	}
	bound.Lsh(bound, 1)
	return val, bound
}

// pow2 is 2^k for 0 ≤ k ≤ 63, 1 below, 2^63 above.
func pow2(k int) uint64 {
	return 1 << min(max(k, 0), 63)
}
