package calc

import (
	"math/big"
	"math/bits"
	"runtime"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/par"
)

// pairWorker is one goroutine's scratch for [pairSums]: dense per-donor
// arrays reused for every donor i.
type pairWorker struct {
	kLo, kHi []uint64 // k_ij = Σ_q s_qi·s_qj over the gaps i and j share (128-bit)
	fm       []uint64 // the pair factor f_ij = fm·2^fe (fm normalized, 0 for none)
	fe       []int32
	touched  []int32 // co-donors j > i of the current donor
	state    any     // the mechanism's own scratch
}

// pairFactor sets w.fm[j], w.fe[j] for every j in w.touched: the
// mechanism's pair weight f_ij ≤ 1 as a floating mantissa, relative error
// below 2^-60. It may read w.kLo/w.kHi.
type pairFactor func(w *pairWorker, i int32)

// pairResult holds, per gap, V_p = Σ_{i≠j} s_pi·s_pj·f_ij and a bound on
// its error against the real-valued formula, both as integers times 2^Exp.
type pairResult struct {
	Values, Bounds []*big.Int
	Exp            int
}

// pairSums computes V_p = Σ_{i≠j} s_pi·s_pj·f_ij for every gap, where f_ij
// is what factor sets and s are floor roots of the scaled amounts. Each
// unordered pair is visited once (j > i) and counted twice.
//
// Factors span any range (a bound tiny next to some pairs' k and huge next
// to others'), so each donor i sums its pairs at the exponent of its largest
// factor, and each (donor, gap) entry keeps its own integer and exponent.
// The entries are added exactly at the end, in entry order: the result does
// not depend on how donors were shared out among the cores.
//
// The bound counts, per pair, the floor of each root (s_i + s_j + 1 units of
// f), three times over for the same floors inside k_ij, plus the units the
// alignment drops and 2^-56 of the value for the factors' own rounding.
//
// The work is Σ_p n_p²/2 multiply-adds for k, the same again for the sums,
// and one factor per co-donating pair.
func pairSums(sp *sparse, s []uint64, factor pairFactor, newState func() any) pairResult {
	workers := runtime.GOMAXPROCS(0)
	if len(s) < minParallelTerms {
		workers = 1
	}
	c := make([]uint256.Int, len(s))  // entry (i, q): s_qi·Σ_{j>i} s_qj·f_ij, × 2^ex
	eb := make([]uint256.Int, len(s)) // its error bound, × 2^ex
	ex := make([]int32, len(s))
	par.Chunks(sp.nDonors, 16, workers, func() func(int) {
		w := &pairWorker{kLo: make([]uint64, sp.nDonors), kHi: make([]uint64, sp.nDonors),
			fm: make([]uint64, sp.nDonors), fe: make([]int32, sp.nDonors)}
		if newState != nil {
			w.state = newState()
		}
		return func(i int) { w.donor(sp, s, int32(i), factor, c, eb, ex) }
	})
	return sumEntries(sp, c, eb, ex)
}

// donor fills the entries of donor i.
func (w *pairWorker) donor(sp *sparse, s []uint64, i int32, factor pairFactor, c, eb []uint256.Int, ex []int32) {
	w.touched = w.touched[:0]
	entries := sp.entriesOf(i)
	for _, e := range entries {
		si := s[e]
		end := sp.gapStart[sp.gap[e]+1]
		for e2 := e + 1; e2 < end; e2++ {
			j := sp.donor[e2]
			if w.kLo[j] == 0 && w.kHi[j] == 0 && w.fm[j] != 1 {
				w.touched = append(w.touched, j)
				w.fm[j] = 1 // marks j as listed even while k stays zero
			}
			hi, lo := bits.Mul64(si, s[e2])
			var cy uint64
			w.kLo[j], cy = bits.Add64(w.kLo[j], lo, 0)
			w.kHi[j] += hi + cy
		}
	}
	if len(w.touched) == 0 {
		return
	}
	factor(w, i)
	top := int32(-1 << 30)
	for _, j := range w.touched {
		if w.fm[j] != 0 && w.fe[j] > top {
			top = w.fe[j]
		}
	}
	var t, f u192
	for _, e := range entries {
		end := sp.gapStart[sp.gap[e]+1]
		t, f = u192{}, u192{}
		n := uint64(end - e - 1)
		for e2 := e + 1; e2 < end; e2++ {
			j := sp.donor[e2]
			fm := w.fm[j]
			if fm == 0 {
				continue
			}
			d := uint(top - w.fe[j])
			if d >= 128 {
				continue
			}
			hi, lo := bits.Mul64(s[e2], fm)
			t.addShifted(hi, lo, d)
			f.addShifted(0, fm, d)
		}
		if n == 0 {
			continue
		}
		// c = s_qi·T; bound = 3·((s_qi+1)·(F+n) + T + n) + c/2^56
		var cv, b, x uint256.Int
		si := uint256.NewInt(s[e])
		cv.Mul(t.u256(&x), si)
		f.addShifted(0, n, 0)
		b.Mul(f.u256(&x), x.SetUint64(s[e]+1))
		b.Add(&b, t.u256(&x))
		b.Add(&b, x.SetUint64(n))
		b.Mul(&b, x.SetUint64(3))
		b.Add(&b, x.Rsh(&cv, 56))
		c[e], eb[e], ex[e] = cv, b, top
	}
	for _, j := range w.touched {
		w.kLo[j], w.kHi[j], w.fm[j] = 0, 0, 0
	}
}

// sumEntries adds each gap's entries exactly, keeping 256 bits below the
// largest, and doubles them (each unordered pair stands for two).
func sumEntries(sp *sparse, c, eb []uint256.Int, ex []int32) pairResult {
	top := -1 << 30
	for e := range c {
		if !c[e].IsZero() {
			top = max(top, int(ex[e])+c[e].BitLen())
		}
		if !eb[e].IsZero() {
			top = max(top, int(ex[e])+eb[e].BitLen())
		}
	}
	r := pairResult{Values: make([]*big.Int, sp.nGaps), Bounds: make([]*big.Int, sp.nGaps), Exp: top - 256}
	v := new(big.Int)
	for g := range sp.nGaps {
		val, bnd := new(big.Int), new(big.Int)
		for e := sp.gapStart[g]; e < sp.gapStart[g+1]; e++ {
			if c[e].IsZero() && eb[e].IsZero() {
				continue
			}
			sh := int(ex[e]) - r.Exp
			val.Add(val, shifted(v, c[e].ToBig(), sh))
			bnd.Add(bnd, shifted(v, eb[e].ToBig(), sh))
			if sh < 0 {
				bnd.Add(bnd, big.NewInt(2)) // what the two floors dropped
			}
		}
		r.Values[g], r.Bounds[g] = val.Lsh(val, 1), bnd.Lsh(bnd, 1)
	}
	return r
}

// addShifted adds (hi·2^64 + lo) >> d, d < 128.
func (z *u192) addShifted(hi, lo uint64, d uint) {
	switch {
	case d >= 64:
		lo, hi = hi>>(d-64), 0
	case d > 0:
		lo, hi = lo>>d|hi<<(64-d), hi>>d
	}
	var cy uint64
	z[0], cy = bits.Add64(z[0], lo, 0)
	z[1], cy = bits.Add64(z[1], hi, cy)
	z[2] += cy
}

func (z *u192) u256(into *uint256.Int) *uint256.Int {
	into[0], into[1], into[2], into[3] = z[0], z[1], z[2], 0
	return into
}
