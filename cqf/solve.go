package cqf

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"runtime"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/par"
)

// Coordinated quadratic funding (CQF) has no matching pool. Each pledge i
// to a gap names a limit L_i and gets a saturation speed σ_i from the
// round's [Policy]; the payments solve
//
//	h = Σ_i √pay_i(h),   pay_i(h) = L_i · (2/π) · arctan(σ_i · h)
//
// (or h = Σ_i pay_i(h) in the linear fallback). The recipient receives
// Σ pay_i and each pledger is refunded L_i − pay_i from the escrowed limits.
//
// # Solution and convergence
//
// Write f(h) for the right-hand side and g(h) = f(h) − h. Each √pay_i is
// increasing and concave in h (arctan is concave on h ≥ 0, and so is the
// square root of a concave non-negative function), so g is concave with
// g(0) = 0 and g'(0) = +∞, while g(h) < 0 at H = Σ √L_i (arctan < π/2).
// Hence g has exactly one positive root h* (a concave function vanishing at
// 0 and h* is positive between and negative after), and Newton's method
// started at H decreases monotonically to h*: the tangent of a concave
// function lies above it, so each step lands at or right of h*; near h*
// convergence is quadratic because g'(h*) < 0. The solver keeps a bracket
// [lo, hi] with g(lo) ≥ 0 > g(hi), takes the Newton step when it falls
// inside and bisects when it does not or when two steps fail to halve the
// bracket, so it stops in at most about 2·128 steps whatever rounding does,
// and reports [ErrNoConvergence] rather than looping past [MaxIter].
//
// # Arithmetic and precision
//
// Everything on the way to a payment is integer arithmetic: h is a 128-bit
// integer in units of 2^E (E chosen so Σ √L_i < 2^126 units), the terms
// √L_i·√u_i are computed in a 64-bit-mantissa software float (fx) and
// summed exactly as 128-bit integers, u_i = (2/π)·arctan(σ_i·h) within 2^-59
// (see atanFrac). The solver stops when the bracket is narrower than
// 2^-52·H, so the h it returns satisfies
//
//	|h − f(h)| ≤ 2^-50 · Σ_i √L_i   (Σ L_i for linear)
//
// and pay_i = floor(L_i · u_i(h)) ≤ L_i − 1 whenever L_i ≥ 1, which the
// tests check against a 256-bit math/big evaluation. The result is the
// same bits on every platform and run, whatever the number of cores.

// ErrNoConvergence reports a coordinated-QF fixed point the solver could
// not bracket within its iteration limit.
var ErrNoConvergence = errors.New("coordinated QF: no convergence")

// ErrPledge reports an unusable pledge: zero or too large a limit, or a
// non-positive saturation speed.
var ErrPledge = errors.New("bad pledge")

// MaxIter bounds the solver's iterations.
const MaxIter = 400

// maxIter is MaxIter, lowered by tests to reach the error.
var maxIter = MaxIter

// MaxLimit bounds each limit: 2^200 base units.
var MaxLimit = new(uint256.Int).Lsh(uint256.NewInt(1), 200)

// Pledge is one pledge: its limit in base units and saturation speed
// (per √base unit, so σ·h is a pure number).
type Pledge struct {
	Limit uint256.Int
	Sigma *big.Rat
}

// Solution is a solved gap.
type Solution struct {
	// H is the fixed point h (√base units; base units when linear).
	H *big.Float
	// Pay and Refund are per pledge; Pay[i] + Refund[i] = Limit[i].
	Pay, Refund []uint256.Int
	// Total is Σ Pay, what the gap's recipient receives.
	Total uint256.Int
	// Leverage is each pledge's leverage on the margin, d Σ_j pay_j / d pay_i.
	Leverage   []float64
	Iterations int
}

// term is one pledge prepared for the solver.
type term struct {
	root  fx // √L (or L when linear): the term's weight
	limit fx
	sigma fx
}

// solver evaluates f and f' at a given h.
type solver struct {
	terms  []term
	linear bool
	e      int // h and f are integers in units of 2^e
	chunks int
	fs     [][2]uint64 // per chunk: Σ terms as a 128-bit integer
	ds     []fx        // per chunk: Σ derivatives
}

const chunkSize = 2048

func newSolver(pledges []Pledge, linear bool) (*solver, error) {
	s := &solver{terms: make([]term, len(pledges)), linear: linear}
	top := 0
	for i, p := range pledges {
		if p.Limit.IsZero() || !p.Limit.Lt(MaxLimit) {
			return nil, fmt.Errorf("%w: pledge %d: limit %s must be between 1 and 2^200", ErrPledge, i+1, p.Limit.Dec())
		}
		if p.Sigma == nil || p.Sigma.Sign() <= 0 {
			return nil, fmt.Errorf("%w: pledge %d: saturation speed must be positive", ErrPledge, i+1)
		}
		t := &s.terms[i]
		t.limit = fxU256(&p.Limit)
		t.root = t.limit
		if !linear {
			t.root = t.limit.sqrt()
		}
		t.sigma = fxRat(p.Sigma)
		top = max(top, t.root.e+64)
	}
	// Σ root < 2^(top + bits(n)) ≤ 2^126 units of 2^e.
	s.e = top + bits.Len(uint(len(pledges))) - 126
	s.chunks = (len(pledges) + chunkSize - 1) / chunkSize
	s.fs = make([][2]uint64, s.chunks)
	s.ds = make([]fx, s.chunks)
	return s, nil
}

// u returns pledge t's (2/π)·arctan(σ·h).
func (t *term) u(h fx) (u, x fx) {
	x = t.sigma.mul(h)
	return atanFrac(x), x
}

// value is t's term of f at u: √L·√u, or L·u when linear.
func (s *solver) value(t *term, u fx) fx {
	if s.linear {
		return t.limit.mul(u)
	}
	return t.root.mul(u.sqrt())
}

// eval returns f(h) as a 128-bit integer in units of 2^s.e, and f'(h).
// Chunks are fixed, their integer sums exact and their derivative sums
// added in chunk order, so the result does not depend on scheduling.
func (s *solver) eval(h fx, workers int) (hi, lo uint64, d fx) {
	par.Chunks(s.chunks, 1, workers, func() func(int) {
		return func(c int) {
			var shi, slo uint64
			var ds fx
			for i := c * chunkSize; i < min((c+1)*chunkSize, len(s.terms)); i++ {
				t := &s.terms[i]
				u, x := t.u(h)
				thi, tlo := s.value(t, u).u128(s.e)
				var carry uint64
				slo, carry = bits.Add64(slo, tlo, 0)
				shi += thi + carry
				ds = ds.add(s.slope(t, u, x))
			}
			s.fs[c] = [2]uint64{shi, slo}
			s.ds[c] = ds
		}
	})
	for c := range s.chunks {
		var carry uint64
		lo, carry = bits.Add64(lo, s.fs[c][1], 0)
		hi += s.fs[c][0] + carry
		d = d.add(s.ds[c])
	}
	return hi, lo, d
}

// paySlope is d pay/dh = L·(2/π)·σ/(1+x²).
func (t *term) paySlope(x fx) fx {
	return t.limit.mul(twoOverPiF).mul(t.sigma).div(fxOne.add(x.mul(x)))
}

// slope is the term's derivative in h: d√pay/dh = paySlope/(2√pay), or
// paySlope when linear. A payment that rounds to zero has an unbounded
// slope; it is reported as 2^1000, which sends the solver to bisection.
func (s *solver) slope(t *term, u, x fx) fx {
	ps := t.paySlope(x)
	if s.linear {
		return ps
	}
	p := t.limit.mul(u)
	if p.zero() {
		return fx{1 << 63, 1000}
	}
	return ps.div(p.sqrt().shr(-1))
}

// Solve finds one gap's fixed point and payments. linear selects the
// fallback h = Σ pay_i(h).
func Solve(pledges []Pledge, linear bool) (*Solution, error) {
	if len(pledges) == 0 {
		return &Solution{H: new(big.Float)}, nil
	}
	s, err := newSolver(pledges, linear)
	if err != nil {
		return nil, err
	}
	h, iters, err := s.solve(0, 0, runtime.GOMAXPROCS(0))
	if err != nil {
		return nil, err
	}
	return s.solution(pledges, h, iters), nil
}

// bound is Σ root as an integer in units of 2^s.e: no f(h) exceeds it.
func (s *solver) bound() (hi, lo uint64) {
	for i := range s.terms {
		thi, tlo := s.terms[i].root.u128(s.e)
		var carry uint64
		lo, carry = bits.Add64(lo, tlo, 0)
		hi += thi + carry
	}
	return hi, lo
}

// solve returns the fixed point as a 128-bit integer (hi, lo halves packed
// in a u128) starting from the bracket [lo, Σ root]; lo must satisfy
// g(lo) ≥ 0 (0 always does).
func (s *solver) solve(loHi, loLo uint64, workers int) (u128, int, error) {
	lo := u128{loHi, loLo}
	var top u128
	top.hi, top.lo = s.bound()
	hi := top
	tol := top.shr(52)
	h := hi
	lastWidth := hi.sub(lo)
	slow := 0
	for it := 1; it <= maxIter; it++ {
		fhi, flo, d := s.eval(h.fx(s.e), workers)
		f := u128{fhi, flo}
		switch f.cmp(h) {
		case 0:
			return h, it, nil
		case 1: // g(h) > 0: h is left of the root
			lo = h
		default:
			hi = h
		}
		width := hi.sub(lo)
		if width.cmp(tol) <= 0 {
			return hi, it, nil
		}
		if width.cmp(lastWidth.shr(1)) > 0 {
			slow++
		} else {
			slow = 0
		}
		lastWidth = width
		next, ok := newtonStep(h, f, d, s.e)
		if !ok || slow >= 2 || next.cmp(lo) <= 0 || next.cmp(hi) >= 0 {
			next, slow = lo.add(width.shr(1)), 0
		}
		h = next
	}
	return u128{}, maxIter, fmt.Errorf("%w after %d iterations", ErrNoConvergence, maxIter)
}

// newtonStep returns h − g(h)/g'(h) with g = f − h, when g' = f' − 1 < 0.
func newtonStep(h, f u128, d fx, e int) (u128, bool) {
	den, neg := fxOne.sub(d) // 1 − f'
	if neg || den.zero() {
		return u128{}, false
	}
	if f.cmp(h) >= 0 {
		step := f.sub(h).fx(e).div(den)
		shi, slo := step.u128(e)
		return h.add(u128{shi, slo}), true
	}
	step := h.sub(f).fx(e).div(den)
	shi, slo := step.u128(e)
	st := u128{shi, slo}
	if st.cmp(h) >= 0 {
		return u128{}, false
	}
	return h.sub(st), true
}

// solution computes the payments at h.
func (s *solver) solution(pledges []Pledge, h u128, iters int) *Solution {
	hf := h.fx(s.e)
	sol := &Solution{H: hf.big(), Pay: make([]uint256.Int, len(pledges)), Refund: make([]uint256.Int, len(pledges)),
		Leverage: make([]float64, len(pledges)), Iterations: iters}
	us := make([]fx, len(pledges))
	xs := make([]fx, len(pledges))
	var sumSlope, fd fx
	for i := range s.terms {
		t := &s.terms[i]
		us[i], xs[i] = t.u(hf)
		sol.Pay[i] = mulFrac(&pledges[i].Limit, us[i])
		sol.Refund[i].Sub(&pledges[i].Limit, &sol.Pay[i])
		sol.Total.Add(&sol.Total, &sol.Pay[i]) // Σ ≤ Σ limits < 2^217
		sumSlope = sumSlope.add(t.paySlope(xs[i]))
		fd = fd.add(s.slope(t, us[i], xs[i]))
	}
	// Leverage on the margin: paying a more at fixed h raises h by
	// dh = k·a with k = (d term/d pay)/(1 − f'); everyone's payments follow
	// by pay'_j·dh. So d Σ pay / d pay_i = (1 + P'·k)/(1 + pay'_i·k).
	den, neg := fxOne.sub(fd)
	for i := range s.terms {
		if neg || den.zero() {
			sol.Leverage[i] = 0
			continue
		}
		k := fxOne.div(den)
		if !s.linear {
			p := s.terms[i].limit.mul(us[i])
			if p.zero() {
				sol.Leverage[i] = sumSlope.div(s.terms[i].paySlope(xs[i])).float64()
				continue
			}
			k = k.div(p.sqrt().shr(-1))
		}
		num := fxOne.add(sumSlope.mul(k))
		sol.Leverage[i] = num.div(fxOne.add(s.terms[i].paySlope(xs[i]).mul(k))).float64()
	}
	return sol
}

// mulFrac returns floor(L·u) for u < 1.
func mulFrac(l *uint256.Int, u fx) uint256.Int {
	var z uint256.Int
	if u.zero() || u.e <= -(256+64) {
		return z
	}
	v := new(big.Int).Mul(l.ToBig(), new(big.Int).SetUint64(u.m))
	if u.e < 0 {
		v.Rsh(v, uint(-u.e))
	} else {
		v.Lsh(v, uint(u.e))
	}
	z.SetFromBig(v)
	return z
}

func (a fx) big() *big.Float {
	return new(big.Float).SetMantExp(new(big.Float).SetUint64(a.m), a.e)
}

// u128 is an unsigned 128-bit integer.
type u128 struct{ hi, lo uint64 }

func (a u128) cmp(b u128) int {
	switch {
	case a.hi != b.hi:
		if a.hi < b.hi {
			return -1
		}
		return 1
	case a.lo < b.lo:
		return -1
	case a.lo > b.lo:
		return 1
	}
	return 0
}

func (a u128) add(b u128) u128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	return u128{a.hi + b.hi + c, lo}
}

func (a u128) sub(b u128) u128 {
	lo, br := bits.Sub64(a.lo, b.lo, 0)
	return u128{a.hi - b.hi - br, lo}
}

func (a u128) shr(k uint) u128 {
	if k >= 64 {
		return u128{0, a.hi >> (k - 64)}
	}
	return u128{a.hi >> k, a.lo>>k | a.hi<<(64-k)}
}

// fx is a·2^e as a software float.
func (a u128) fx(e int) fx { return fx128(a.hi, a.lo, e) }
