package cqf

import (
	"math/big"
	"math/bits"
)

// Constants of the fixed-point arctangent: atan(j/64) for j = 0…64 and π/2
// as Q62 integers, 2/π as a Q64 fraction, each rounded down. They are
// literals so that no process pays for computing them at start-up;
// [atanConstants] derives them at 256 bits with math/big (deterministic),
// and a test checks that the two agree.
var (
	atanTable = [65]int64{
		0x0, 0xfffaaadddb94d5, 0x1ffd55bba97624a, 0x2ff7030861b453f,
		0x3feab76e59fbd38, 0x4fd67c39f15675a, 0x5fb860980bc43a3, 0x6f8e7af9bc1f0df,
		0x7f56ea6ab0bdb71, 0x8f0fd7d821b9372, 0x9eb77746331362c, 0xae4c08f1f6134ef,
		0xbdcbda5e72d8113, 0xcd35474b643130e, 0xdc86ba949305102, 0xebbeaef902b9b38,
		0xfadbafc96406eb1, 0x109dc597d8636258, 0x118bf5a30bf17826, 0x1278372057ef45be,
		0x1362773707ebcbcd, 0x144aa436c2af09a8, 0x1530ad9951cd49db, 0x1614840309cfe196,
		0x16f61941e4def08e, 0x17d5604b63b3f75a, 0x18b24d394a1b256d, 0x198cd5454d6b1867,
		0x1a64eec3cc23fcb6, 0x1b3a911da65c6c6b, 0x1c0db4c94ec9ef8c, 0x1cde53432c135097,
		0x1dac670561bb4f68, 0x1e77eb7f175a3443, 0x1f40dd0b541417cb, 0x200738e783481726,
		0x20cafd29b6619f8a, 0x218c28b6b687b419, 0x224abb37f7a551ed, 0x2306b5117cf826e3,
		0x23c01757bdfd67e6, 0x2476e3c5993cd438, 0x252b1cb2611c61bd, 0x25dcc5080d9794e2,
		0x268be0399c6f7688, 0x27387239a82e336e, 0x27e27f713d2de87b, 0x288a0cb6f2b6ab82,
		0x292f1f464d3dc249, 0x29d1bcb76dd808a5, 0x2a71eaf7120c3d72, 0x2b0fb03ee65f75a8,
		0x2bab130e2d363020, 0x2c441a22baf71bda, 0x2cdacc7247c10da4, 0x2d6f3124167b312b,
		0x2e014f8af08c679c, 0x2e912f1f751c1e0b, 0x2f1ed77aba62bca0, 0x2faa50513f4126ab,
		0x3033a16e2b149990, 0x30bad2aed9858a2d, 0x313febfeafe3ef55, 0x31c2f5533980bb84,
		0x3243f6a8885a308d,
	}
	halfPiQ62  int64  = 0x6487ed5110b4611a
	twoOverPi  uint64 = 0xa2f9836e4e441529
	twoOverPiF        = fxNorm(twoOverPi, -64)
)

// atanConstants computes atanTable, halfPiQ62 and twoOverPi from scratch.
func atanConstants() (table [65]int64, halfPi int64, twoOverPi uint64) {
	const prec = 256
	q := func(v *big.Float, sh int) *big.Int {
		i, _ := new(big.Float).SetMantExp(v, sh).Int(nil)
		return i
	}
	for j := range table {
		x := new(big.Float).SetPrec(prec).Quo(big.NewFloat(float64(j)), big.NewFloat(64))
		table[j] = q(bigAtan(x), 62).Int64()
	}
	hp := new(big.Float).SetPrec(prec).Mul(bigAtan(new(big.Float).SetPrec(prec).SetInt64(1)), big.NewFloat(2))
	inv := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), hp)
	return table, q(hp, 62).Int64(), q(inv, 64).Uint64()
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
