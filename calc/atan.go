package calc

import (
	"math/big"
	"math/bits"
)

// Constants of the fixed-point arctangent, computed once at 256 bits with
// math/big (deterministic) and rounded down: atan(j/64) for j = 0…64 and
// π/2 as Q62 integers, 2/π as a Q64 fraction.
var (
	atanTable  [65]int64
	halfPiQ62  int64
	twoOverPi  uint64
	twoOverPiF fx
)

func init() {
	const prec = 256
	q := func(v *big.Float, sh int) *big.Int {
		i, _ := new(big.Float).SetMantExp(v, sh).Int(nil)
		return i
	}
	for j := range atanTable {
		x := new(big.Float).SetPrec(prec).Quo(big.NewFloat(float64(j)), big.NewFloat(64))
		atanTable[j] = q(bigAtan(x), 62).Int64()
	}
	halfPi := new(big.Float).SetPrec(prec).Mul(bigAtan(new(big.Float).SetPrec(prec).SetInt64(1)), big.NewFloat(2))
	halfPiQ62 = q(halfPi, 62).Int64()
	inv := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), halfPi)
	twoOverPi = q(inv, 64).Uint64()
	twoOverPiF = fxNorm(twoOverPi, -64)
}

// bigAtan is arctan at x's precision: the argument is halved with
// atan(x) = 2·atan(x/(1+√(1+x²))) until below 2^-20, then the Taylor
// series is summed until its terms vanish. Used for constants and tests.
func bigAtan(x *big.Float) *big.Float {
	prec := x.Prec()
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	y := new(big.Float).SetPrec(prec).Set(x)
	k := 0
	small := new(big.Float).SetMantExp(one, -20)
	for y.Cmp(small) > 0 {
		s := new(big.Float).SetPrec(prec).Mul(y, y)
		s.Add(s, one).Sqrt(s).Add(s, one)
		y.Quo(y, s)
		k++
	}
	y2 := new(big.Float).SetPrec(prec).Mul(y, y)
	sum := new(big.Float).SetPrec(prec).Set(y)
	term := new(big.Float).SetPrec(prec).Set(y)
	for n := int64(3); ; n += 2 {
		term.Mul(term, y2).Neg(term)
		t := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetInt64(n))
		if t.Sign() == 0 || t.MantExp(nil)-sum.MantExp(nil) < -int(prec) {
			break
		}
		sum.Add(sum, t)
	}
	return sum.SetMantExp(sum, k)
}

func mulQ62(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi<<2 | lo>>62
}

// atanFrac returns u = (2/π)·atan(x) in [0, 1) for x ≥ 0, within 2^-59
// absolute and, for x < 2^-10, 2^-60 relative.
//
// Small arguments use the series x − x³/3 + x⁵/5 in fx (the next term is
// below 2^-62 relative). Others are reduced to t = min(x, 1/x) ≤ 1, then
// to r = (t − c)/(1 + t·c) with c the nearest multiple of 1/64, so |r| ≤
// 2^-7 and atan(t) = atan(c) + r − r³/3 + r⁵/5 − r⁷/7 + r⁹/9 in Q62
// integers, the dropped terms being below 2^-77.
func atanFrac(x fx) fx {
	if x.m == 0 {
		return x
	}
	if x.e+64 <= -10 { // x < 2^-10
		x2 := x.mul(x)
		x4 := x2.mul(x2)
		pos := fxOne.add(fxDivInt(x4, 5))
		s, _ := pos.sub(fxDivInt(x2, 3))
		return x.mul(s).mul(twoOverPiF)
	}
	t, flip := x, false
	if x.cmp(fxOne) > 0 {
		t, flip = fxOne.div(x), true
	}
	_, tq := t.u128(-62) // t·2^62 ≤ 2^62
	j := (tq + 1<<55) >> 56
	c := j << 56
	var num uint64
	neg := tq < c
	if neg {
		num = c - tq
	} else {
		num = tq - c
	}
	den := 1<<62 + mulQ62(tq, c)
	r, _ := bits.Div64(num>>2, num<<62, den) // |r| ≤ 2^-7 in Q62
	r2 := mulQ62(r, r)
	p := r
	s := int64(r)
	for k := int64(3); k <= 9; k += 2 {
		p = mulQ62(p, r2)
		if k%4 == 3 {
			s -= int64(p) / k
		} else {
			s += int64(p) / k
		}
	}
	if neg {
		s = -s
	}
	a := atanTable[j] + s
	if flip {
		a = halfPiQ62 - a
	}
	if a <= 0 {
		return fx{}
	}
	hi, lo := bits.Mul64(uint64(a), twoOverPi) // Q62·Q64 = Q126
	return fx128(hi, lo, -126)
}

// fxDivInt returns a/k for a small positive k.
func fxDivInt(a fx, k uint64) fx { return a.div(fxNorm(k, 0)) }
