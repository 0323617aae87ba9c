package sim

import "math"

// Pledge is a coordinated-QF pledge in floats.
type Pledge struct{ Limit, Sigma float64 }

// Solve returns the fixed point h = Σ √pay_i(h) (Σ pay_i(h) when linear),
// pay_i(h) = L_i·(2/π)·atan(σ_i·h), and the payments. It is cqf.Solve's
// algorithm in float64 (bracketed Newton from h = Σ√L), for speed; the
// tests hold it to calc's exact solver.
func Solve(ps []Pledge, linear bool) (h float64, pay []float64) {
	pay = make([]float64, len(ps))
	if len(ps) == 0 {
		return 0, pay
	}
	hi := 0.0
	for _, p := range ps {
		if linear {
			hi += p.Limit
		} else {
			hi += math.Sqrt(p.Limit)
		}
	}
	lo := 0.0
	h = hi
	for range 200 {
		f, d := eval(ps, h, linear)
		if f > h {
			lo = h
		} else {
			hi = h
		}
		if hi-lo <= 1e-13*hi {
			break
		}
		next := h - (f-h)/(d-1)
		if d >= 1 || !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		h = next
	}
	h = hi
	for i, p := range ps {
		pay[i] = p.Limit * 2 / math.Pi * math.Atan(p.Sigma*h)
	}
	return h, pay
}

func eval(ps []Pledge, h float64, linear bool) (f, d float64) {
	for _, p := range ps {
		x := p.Sigma * h
		pay := p.Limit * 2 / math.Pi * math.Atan(x)
		slope := p.Limit * 2 / math.Pi * p.Sigma / (1 + x*x)
		if linear {
			f += pay
			d += slope
			continue
		}
		r := math.Sqrt(pay)
		f += r
		if r > 0 {
			d += slope / (2 * r)
		} else {
			d = math.Inf(1)
		}
	}
	return f, d
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}
