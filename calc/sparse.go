package calc

import (
	"fmt"
	"math/big"
	"math/bits"
)

// sparse is the donor×gap matrix of weighted amounts x_pi = c_pi·w_bps that
// the real-valued mechanisms (pairwise, cluster, cocm) work on, held both
// gap-major (the terms' order) and donor-major. x is c scaled by 10^4 (the
// weight's basis points), which every mechanism folds into its scale.
type sparse struct {
	nGaps, nDonors int
	gapStart       []int32   // gap g's entries are gapStart[g]:gapStart[g+1], ascending donor
	donor          []int32   // entry → donor
	gap            []int32   // entry → gap
	x              []big.Int // entry → c·w_bps, exact
	donorStart     []int32   // donor d's entries are donorEntry[donorStart[d]:donorStart[d+1]], ascending gap
	donorEntry     []int32
}

// bpsScale is the factor x carries over c.
var bpsScale = big.NewInt(int64(One))

func newSparse(nGaps int, terms []Term) *sparse {
	sp := &sparse{nGaps: nGaps, gapStart: make([]int32, nGaps+1), donor: make([]int32, len(terms)),
		gap: make([]int32, len(terms)), x: make([]big.Int, len(terms))}
	w := new(big.Int)
	for e := range terms {
		t := &terms[e]
		sp.donor[e], sp.gap[e] = t.Donor, t.Gap
		sp.gapStart[t.Gap+1]++
		if int(t.Donor) >= sp.nDonors {
			sp.nDonors = int(t.Donor) + 1
		}
		w.SetUint64(uint64(t.Weight))
		sp.x[e].Mul(t.Amount.ToBig(), w)
	}
	for g := 0; g < nGaps; g++ {
		sp.gapStart[g+1] += sp.gapStart[g]
	}
	sp.donorStart = make([]int32, sp.nDonors+1)
	for _, d := range sp.donor {
		sp.donorStart[d+1]++
	}
	for d := 0; d < sp.nDonors; d++ {
		sp.donorStart[d+1] += sp.donorStart[d]
	}
	sp.donorEntry = make([]int32, len(terms))
	next := append([]int32(nil), sp.donorStart[:sp.nDonors]...)
	for e, d := range sp.donor { // entries are gap-major, so each donor's list comes out in gap order
		sp.donorEntry[next[d]] = int32(e)
		next[d]++
	}
	return sp
}

// entriesOf returns donor d's entries.
func (sp *sparse) entriesOf(d int32) []int32 {
	return sp.donorEntry[sp.donorStart[d]:sp.donorStart[d+1]]
}

// donorTotals returns Σ_q x_qd for every donor.
func (sp *sparse) donorTotals() []big.Int {
	t := make([]big.Int, sp.nDonors)
	for e := range sp.x {
		t[sp.donor[e]].Add(&t[sp.donor[e]], &sp.x[e])
	}
	return t
}

// gapTotals returns Σ_i x_gi for every gap.
func (sp *sparse) gapTotals() []big.Int {
	t := make([]big.Int, sp.nGaps)
	for e := range sp.x {
		t[sp.gap[e]].Add(&t[sp.gap[e]], &sp.x[e])
	}
	return t
}

// maxBits is the bit length of the largest value.
func maxBits(vs []big.Int) int {
	m := 0
	for i := range vs {
		if b := vs[i].BitLen(); b > m {
			m = b
		}
	}
	return m
}

// shifted returns floor(v · 2^sh); sh may be negative.
func shifted(z, v *big.Int, sh int) *big.Int {
	if sh >= 0 {
		return z.Lsh(v, uint(sh))
	}
	return z.Rsh(v, uint(-sh))
}

// sqrtScaled returns s_e = floor(sqrt(x_e · 2^sh)) for every entry; sh must
// keep x·2^sh below 2^128 so each root fits 64 bits.
func (sp *sparse) sqrtScaled(sh int) []uint64 {
	s := make([]uint64, len(sp.x))
	v := new(big.Int)
	for e := range sp.x {
		shifted(v, &sp.x[e], sh)
		s[e] = v.Sqrt(v).Uint64()
	}
	return s
}

// scaleRaw turns per-gap integers acc_p = raw_x · 2^exp (raw_x in x units)
// into a [Raw] in base units: raw_c = raw_x / 10^4.
func scaleRaw(vals []*big.Int, exp int) Raw {
	scale := new(big.Int).Set(bpsScale)
	if exp >= 0 {
		scale.Lsh(scale, uint(exp))
	} else {
		for _, v := range vals {
			v.Lsh(v, uint(-exp))
		}
	}
	return Raw{Values: vals, Scale: scale}
}

// u192 is an unsigned 192-bit accumulator (little-endian words).
type u192 [3]uint64

// addMul adds a·b.
func (z *u192) addMul(a, b uint64) {
	hi, lo := bits.Mul64(a, b)
	var c uint64
	z[0], c = bits.Add64(z[0], lo, 0)
	z[1], c = bits.Add64(z[1], hi, c)
	z[2] += c
}

// wordsLE converts little-endian 64-bit words to big.Int words.
func wordsLE(ws ...uint64) []big.Word {
	if bits.UintSize == 64 {
		out := make([]big.Word, len(ws))
		for i, w := range ws {
			out[i] = big.Word(w)
		}
		return out
	}
	out := make([]big.Word, 2*len(ws))
	for i, w := range ws {
		out[2*i], out[2*i+1] = big.Word(uint32(w)), big.Word(w>>32)
	}
	return out
}

// mant is a positive number m·2^e with m normalized (top bit set).
type mant struct {
	m uint64
	e int
}

// mantOf128 normalizes hi·2^64+lo (not zero), truncating below 64 bits.
func mantOf128(hi, lo uint64) mant {
	if hi != 0 {
		n := bits.LeadingZeros64(hi)
		if n == 0 {
			return mant{hi, 64}
		}
		return mant{hi<<n | lo>>(64-n), 64 - n}
	}
	n := bits.LeadingZeros64(lo)
	return mant{lo << n, -n}
}

// mantOfWords normalizes a positive little-endian multi-word number,
// truncating below 64 bits.
func mantOfWords(ws []uint64) mant {
	n := len(ws) - 1
	for n > 0 && ws[n] == 0 {
		n--
	}
	if n == 0 {
		return mantOf128(0, ws[0])
	}
	m := mantOf128(ws[n], ws[n-1])
	m.e += 64 * (n - 1)
	return m
}

// mantOfBig normalizes a positive big.Int, truncating below 64 bits.
func mantOfBig(v *big.Int) mant {
	b := v.BitLen()
	t := new(big.Int)
	if b >= 64 {
		t.Rsh(v, uint(b-64))
	} else {
		t.Lsh(v, uint(64-b))
	}
	return mant{t.Uint64(), b - 64}
}

// ratio returns a/(a+b) for positive a and non-negative b (b.m == 0 is
// zero) as a normalized mantissa: the value is m·2^e with m ≥ 2^63. a+b is
// formed with 64 significant bits, so the relative error is below 2^-62.
func ratio(a, b mant) mant {
	if b.m == 0 {
		return mant{1 << 63, -63}
	}
	e := max(a.e, b.e)
	var am, bm uint64
	if d := e - a.e; d < 64 {
		am = a.m >> d
	}
	if d := e - b.e; d < 64 {
		bm = b.m >> d
	}
	sum, carry := bits.Add64(am, bm, 0)
	if carry != 0 {
		sum = sum>>1 | 1<<63
		e++
	}
	// a/(a+b) = (a.m/sum)·2^(a.e−e), with a.m and sum ≥ 2^63.
	if a.m < sum {
		q, _ := bits.Div64(a.m, 0, sum) // a.m·2^64/sum ∈ [2^63, 2^64)
		return mant{q, a.e - e - 64}
	}
	q, _ := bits.Div64(a.m>>1, a.m<<63, sum) // a.m·2^63/sum ∈ [2^63, 2^64)
	return mant{q, a.e - e - 63}
}

// precisionTarget: a mechanism refuses a result whose error bound exceeds
// 1/precisionTarget of Σraw. A payout pool·raw_p/Σraw is then off by at
// most 2·(Σbound/Σraw)·pool = 8·10^-10 of the pool, inside the spec's 10^-9.
var precisionTarget = big.NewInt(2_500_000_000) // 4·10^-10

// checkPrecision returns ErrPrecision when Σbounds > Σvalues/precisionTarget.
func checkPrecision(mech string, values, bounds []*big.Int) error {
	sv, sb := new(big.Int), new(big.Int)
	for g := range values {
		sv.Add(sv, values[g])
		sb.Add(sb, bounds[g])
	}
	if sb.Sign() == 0 || new(big.Int).Mul(sb, precisionTarget).Cmp(sv) <= 0 {
		return nil
	}
	return fmt.Errorf("%w: %s: the amounts span too wide a range for a result within 10^-9 of the pool", ErrPrecision, mech)
}
