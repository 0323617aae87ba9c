package sim

import (
	"errors"
	"fmt"
	"math"
)

// ErrNoEquilibrium is returned when best responses do not settle within
// [LRMaxSweeps] sweeps.
var ErrNoEquilibrium = errors.New("best responses did not converge")

// LRMaxSweeps bounds best-response sweeps; LRTolerance is the largest
// change of any contribution in the last sweep for the point to count as
// an equilibrium.
const (
	LRMaxSweeps = 20000
	LRTolerance = 1e-11
)

// LRRule is how contributions become funding. The QF family covers qf
// (Alpha 1), private contributions (Alpha 0), capped QF (0 < Alpha < 1:
// the match scaled so it fits a finite pool, Buterin–Hitzig–Weyl's
// α-mechanism) and SME weights (Weights ≠ 1, entering the match as
// w·c the way calc does):
//
//	F_p = Σ_i c_pi + Alpha·((Σ_i √(w_i·c_pi))² − Σ_i w_i·c_pi)
//
// With M > 0 the rule is instead Buterin's pairwise-bounded subsidy, with
// k_ij summed over all goods (so a pair's contributions to one good lower
// its subsidy on the others):
//
//	F_p = Σ_i c_pi + Σ_{i≠j} √c_pi·√c_pj · M/(M + k_ij),  k_ij = Σ_q √c_qi·√c_qj
type LRRule struct {
	Alpha   float64
	Weights []float64 // nil: all 1
	M       float64   // > 0: pairwise
}

// Equilibrium is a Nash equilibrium's contributions and the funding they
// give.
type Equilibrium struct {
	Contrib [][]float64 // [good][citizen]
	Funding []float64
	Sweeps  int
}

// Deficit is the match paid: Σ_p (F_p − Σ_i c_pi).
func (e Equilibrium) Deficit() float64 {
	d := 0.0
	for p, f := range e.Funding {
		d += f
		for _, c := range e.Contrib[p] {
			d -= c
		}
	}
	return d
}

// eqState holds u = √c, the variable each citizen chooses (it makes the
// QF objective smooth at 0).
type eqState struct {
	s    Society
	r    LRRule
	u    [][]float64 // [good][citizen]
	sw   []float64   // √w
	k    [][]float64 // pairwise: k_ij
	fund []float64
}

// SolveEquilibrium iterates best responses (Gauss–Seidel over citizens
// and goods, from nothing contributed, or from start if given) until no
// citizen's best response differs from its contribution by more than
// [LRTolerance]; if that takes over 500 sweeps, moves are damped (half a
// step, then a quarter, …). Each best response is the
// global maximum over c ≥ 0 of the citizen's Σ_q V_q(F_q) − c, holding
// everyone else's contributions and the citizen's other ones fixed: its
// derivative is scanned on a grid and every sign change refined by
// bisection, so a non-concave objective does not trap it in a local
// maximum the grid sees.
func SolveEquilibrium(s Society, r LRRule, start [][]float64) (Equilibrium, error) {
	st := &eqState{s: s, r: r, u: make([][]float64, len(s.Goods)), sw: make([]float64, s.Citizens)}
	for i := range st.sw {
		st.sw[i] = 1
		if r.Weights != nil {
			st.sw[i] = math.Sqrt(r.Weights[i])
		}
	}
	for p := range st.u {
		st.u[p] = make([]float64, s.Citizens)
		if start != nil {
			for i, c := range start[p] {
				st.u[p][i] = math.Sqrt(c)
			}
		}
	}
	st.refresh()
	step := 1.0
	for sweep := 1; sweep <= LRMaxSweeps; sweep++ {
		if sweep%500 == 0 && step > 1.0/64 {
			// Gauss–Seidel can circle a fixed point it overshoots (it
			// does, by ~1e-9, in a few SME societies): damp it.
			step /= 2
		}
		moved := 0.0
		for p := range st.u {
			for i := range st.u[p] {
				old := st.u[p][i]
				nu := st.bestResponse(p, i)
				moved = max(moved, math.Abs(nu*nu-old*old))
				st.set(p, i, old+step*(nu-old))
			}
		}
		st.refresh() // recompute sums from scratch: no drift
		if moved <= LRTolerance {
			return st.result(sweep), nil
		}
	}
	return st.result(LRMaxSweeps), fmt.Errorf("%w after %d sweeps", ErrNoEquilibrium, LRMaxSweeps)
}

func (st *eqState) result(sweeps int) Equilibrium {
	e := Equilibrium{Contrib: make([][]float64, len(st.u)), Funding: append([]float64(nil), st.fund...), Sweeps: sweeps}
	for p, us := range st.u {
		e.Contrib[p] = make([]float64, len(us))
		for i, u := range us {
			e.Contrib[p][i] = u * u
		}
	}
	return e
}

// refresh recomputes k and every good's funding from u.
func (st *eqState) refresh() {
	n := st.s.Citizens
	if st.r.M > 0 {
		if st.k == nil {
			st.k = make([][]float64, n)
			for i := range st.k {
				st.k[i] = make([]float64, n)
			}
		}
		for i := range n {
			for j := range n {
				t := 0.0
				for _, us := range st.u {
					t += us[i] * us[j]
				}
				st.k[i][j] = t
			}
		}
	}
	st.fund = make([]float64, len(st.u))
	for p, us := range st.u {
		st.fund[p] = st.funding(us)
	}
}

func (st *eqState) funding(us []float64) float64 {
	direct, s, w := 0.0, 0.0, 0.0
	for i, u := range us {
		direct += u * u
		s += st.sw[i] * u
		w += st.sw[i] * st.sw[i] * u * u
	}
	if st.r.M <= 0 {
		return direct + st.r.Alpha*(s*s-w)
	}
	m := st.r.M
	for i, ui := range us {
		for j, uj := range us {
			if i != j && ui > 0 && uj > 0 {
				direct += ui * uj * m / (m + st.k[i][j])
			}
		}
	}
	return direct
}

// set moves u[p][i] and keeps k and the funding of every good current.
func (st *eqState) set(p, i int, nu float64) {
	if st.r.M <= 0 {
		st.u[p][i] = nu
		st.fund[p] = st.funding(st.u[p])
		return
	}
	obj := st.objective(p, i)
	_, _, fund := obj(nu)
	copy(st.fund, fund)
	d := nu - st.u[p][i]
	for j := range st.k { // k_ii is never used
		if j != i {
			st.k[i][j] += d * st.u[p][j]
			st.k[j][i] = st.k[i][j]
		}
	}
	st.u[p][i] = nu
}

// objective returns φ(u) = Σ_q V_q^i(F_q(u)) − u² for citizen i's root
// contribution u to good p (others fixed, constants dropped), its
// derivative, and the funding of every good at u.
func (st *eqState) objective(p, i int) func(u float64) (phi, dphi float64, fund []float64) {
	vals := func(q int) ValueFn { return st.s.Goods[q].Values[i] }
	cur := st.u[p][i]
	if st.r.M <= 0 {
		c, s, w := 0.0, 0.0, 0.0
		for j, u := range st.u[p] {
			if j != i {
				c += u * u
				s += st.sw[j] * u
				w += st.sw[j] * st.sw[j] * u * u
			}
		}
		a, sw := st.r.Alpha, st.sw[i]
		v := vals(p)
		span := v.span()
		fund := append([]float64(nil), st.fund...)
		return func(u float64) (float64, float64, []float64) {
			t := s + sw*u
			f := c + u*u + a*(t*t-w-sw*sw*u*u)
			df := 2*u + 2*a*sw*s
			fund[p] = f
			e := math.Exp(-v.S * f)
			return span*(1-e) - u*u, span*v.S*e*df - 2*u, fund
		}
	}
	// Pairwise: u changes good p's pairs with i, and through k_ij the
	// subsidy of i's pairs on every other good.
	m, n := st.r.M, st.s.Citizens
	base := make([]float64, len(st.u)) // F_q without i's pair terms (and without u² on p)
	kp := make([]float64, n)           // k_ij without good p's term
	for j := range n {
		kp[j] = st.k[i][j] - cur*st.u[p][j]
	}
	for q, us := range st.u {
		b := st.fund[q]
		if q == p {
			b -= cur * cur
		}
		for j, uj := range us {
			if j != i && us[i] > 0 && uj > 0 {
				b -= 2 * us[i] * uj * m / (m + st.k[i][j])
			}
		}
		base[q] = b
	}
	fund := make([]float64, len(st.u))
	spans := make([]float64, len(st.u))
	for q := range spans {
		spans[q] = vals(q).span()
	}
	return func(u float64) (float64, float64, []float64) {
		phi, dphi := -u*u, -2*u
		for q, us := range st.u {
			ui := us[i]
			f, df := base[q], 0.0
			if q == p {
				ui = u
				f += u * u
				df = 2 * u
			}
			for j, uj := range us {
				if j == i || uj <= 0 {
					continue
				}
				a := st.u[p][j] // how k_ij moves with u
				k := kp[j] + u*a
				den := m + k
				f += 2 * ui * uj * m / den
				if q == p {
					df += 2 * uj * m * (m + kp[j]) / (den * den)
				} else {
					df -= 2 * ui * uj * m * a / (den * den)
				}
			}
			fund[q] = f
			e := math.Exp(-st.s.Goods[q].Values[i].S * f)
			phi += spans[q] * (1 - e) // V(f) less the constant f0
			dphi += spans[q] * st.s.Goods[q].Values[i].S * e * df
		}
		return phi, dphi, fund
	}
}

// bestResponse maximizes φ over u in [0, U], where U² = Σ_q (sup V_q^i −
// V_q^i(0)): beyond it the cost exceeds any value the citizen could gain.
func (st *eqState) bestResponse(p, i int) float64 {
	obj := st.objective(p, i)
	reach := 0.0
	for q := range st.u {
		if q == p || st.r.M > 0 {
			v := st.s.Goods[q].Values[i]
			reach += v.span()
		}
	}
	if reach <= 0 {
		return 0
	}
	hi := math.Sqrt(reach)
	const grid = 48
	best, bestPhi := 0.0, math.Inf(-1)
	try := func(u float64) {
		if phi, _, _ := obj(u); phi > bestPhi {
			best, bestPhi = u, phi
		}
	}
	try(0)
	prevU := 0.0
	_, prevD, _ := obj(0)
	for k := 1; k <= grid; k++ {
		x := float64(k) / grid
		u := hi * x * x // denser near 0, where contributions usually are
		_, d, _ := obj(u)
		if prevD > 0 && d <= 0 {
			try(bisect(prevU, u, func(x float64) bool { _, dx, _ := obj(x); return dx > 0 }))
		}
		prevU, prevD = u, d
	}
	if prevD > 0 {
		try(hi)
	}
	return best
}
