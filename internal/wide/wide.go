// Package wide holds the integer arithmetic on 128-bit numbers that calc's
// mechanisms and the cqf solver share.
package wide

import "math/bits"

// sqrtSeed[i] = ceil(sqrt(i+1)) for the top 9..10 bits of a number: a starting
// point at or above the root, from which Newton's iteration descends.
var sqrtSeed = func() (t [1024]uint64) {
	for i := range t {
		r := uint64(0)
		for r*r < uint64(i+1) {
			r++
		}
		t[i] = r
	}
	return
}()

// Sqrt128 returns floor(sqrt(hi·2^64 + lo)) for numbers below 2^126, using
// only integer operations: a table seed at or above the root, then Newton
// steps x' = (x + n/x)/2, which decrease monotonically to the floor root.
func Sqrt128(hi, lo uint64) uint64 {
	var n int
	if hi != 0 {
		n = 64 + bits.Len64(hi)
	} else {
		n = bits.Len64(lo)
		if n <= 1 {
			return lo
		}
	}
	e := n - 9
	if e < 0 {
		e = 0
	}
	e &^= 1 // even shift, so the root shifts by e/2
	var top uint64
	if e >= 64 {
		top = hi >> (e - 64)
	} else if e > 0 {
		top = hi<<(64-e) | lo>>e
	} else {
		top = lo
	}
	x := sqrtSeed[top] << (e / 2) // ≥ sqrt((top+1)·2^e) > sqrt(n)
	for {
		// x ≥ floor root ≥ 2^62 when hi ≥ 2^60 … in every case hi < x, so Div64 cannot overflow.
		q, _ := bits.Div64(hi, lo, x)
		sum, carry := bits.Add64(x, q, 0)
		y := sum>>1 | carry<<63
		if y >= x {
			return x
		}
		x = y
	}
}
