package sim

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
)

// ValueFn is a citizen's value of a good's funding x ≥ 0, smooth, concave
// and increasing (the design notebook's generator):
//
//	f(x) = F0 + (F1 − F0)·(1 − e^{−S·x})/(1 − e^{−S})
//
// so f(0) = F0, f(1) = F1, and S sets how fast the value saturates. Past
// x = 1 it keeps rising towards F0 + (F1 − F0)/(1 − e^{−S}).
type ValueFn struct {
	F0 float64 `json:"f0"`
	F1 float64 `json:"f1"`
	S  float64 `json:"s"`
}

func (v ValueFn) span() float64 { return (v.F1 - v.F0) / -math.Expm1(-v.S) }

// At is f(x).
func (v ValueFn) At(x float64) float64 { return v.F0 + v.span()*-math.Expm1(-v.S*x) }

// Slope is f'(x).
func (v ValueFn) Slope(x float64) float64 { return v.span() * v.S * math.Exp(-v.S*x) }

// Good is a public good: who proposed it and every citizen's value of it.
type Good struct {
	Proposer int       `json:"proposer"`
	Values   []ValueFn `json:"values"` // one per citizen
}

// Society is the Liberal Radicalism model's world: citizens 0…Citizens−1,
// the community among them that proposes goods, and each citizen's value
// of each good. Weights (one per citizen, 1 if absent) boost the signal of
// subject-matter experts in the "sme" mechanism.
type Society struct {
	Citizens  int       `json:"citizens"`
	Community []int     `json:"community"`
	Goods     []Good    `json:"goods"`
	Weights   []float64 `json:"weights,omitempty"`
}

// GenerateSociety draws a society the way the design notebook does: a
// community of 1 to N/2 citizens, 1 to |community|/2 goods proposed by
// community members, and for each (good, citizen) f0 ~ N(0.1, 0.3) and
// f1 ~ N(0.5, 0.4) clipped to [0, 1] with f1 ≥ f0, steepness ~ U(1, 20).
// Community members are the experts: they get weight smeWeight.
func GenerateSociety(citizens int, seed uint64, smeWeight float64) Society {
	rng := rand.New(rand.NewPCG(seed, 0x1a7e))
	s := Society{Citizens: citizens, Weights: make([]float64, citizens)}
	size := 1 + rng.IntN(max(1, citizens/2-1))
	s.Community = rng.Perm(citizens)[:size]
	goods := 1 + rng.IntN(max(1, size/2-1))
	clip := func(x float64) float64 { return min(1, max(0, x)) }
	for range goods {
		g := Good{Proposer: s.Community[rng.IntN(size)], Values: make([]ValueFn, citizens)}
		for i := range g.Values {
			f0 := clip(0.1 + 0.3*rng.NormFloat64())
			f1 := max(f0, clip(0.5+0.4*rng.NormFloat64()))
			g.Values[i] = ValueFn{F0: f0, F1: f1, S: 1 + 19*rng.Float64()}
		}
		s.Goods = append(s.Goods, g)
	}
	for i := range s.Weights {
		s.Weights[i] = 1
	}
	for _, i := range s.Community {
		s.Weights[i] = smeWeight
	}
	return s
}

// ParseSociety reads a society from JSON (the society.json that
// `qf simulate lr --out` writes) and checks it; errors name the field.
func ParseSociety(name string, data []byte) (Society, error) {
	var s Society
	if err := json.Unmarshal(data, &s); err != nil {
		return s, fmt.Errorf("%s: %w", name, err)
	}
	return s, s.check(name)
}

func (s *Society) check(name string) error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%s: %s: %s", name, field, fmt.Sprintf(format, args...))
	}
	if s.Citizens < 1 {
		return bad("citizens", "need at least one citizen")
	}
	if len(s.Goods) == 0 {
		return bad("goods", "need at least one good")
	}
	for _, c := range s.Community {
		if c < 0 || c >= s.Citizens {
			return bad("community", "citizen %d is not in 0…%d", c, s.Citizens-1)
		}
	}
	for p, g := range s.Goods {
		if len(g.Values) != s.Citizens {
			return bad(fmt.Sprintf("goods[%d].values", p), "has %d value functions, want one per citizen (%d)", len(g.Values), s.Citizens)
		}
		for i, v := range g.Values {
			f := fmt.Sprintf("goods[%d].values[%d]", p, i)
			switch {
			case !(v.F0 >= 0 && v.F0 <= 1):
				return bad(f+".f0", "%v is not in [0, 1]", v.F0)
			case !(v.F1 >= v.F0 && v.F1 <= 1):
				return bad(f+".f1", "%v is not in [f0, 1]", v.F1)
			case !(v.S > 0 && v.S <= 1000):
				return bad(f+".s", "%v is not in (0, 1000]", v.S)
			}
		}
	}
	if s.Weights == nil {
		s.Weights = make([]float64, s.Citizens)
		for i := range s.Weights {
			s.Weights[i] = 1
		}
	}
	if len(s.Weights) != s.Citizens {
		return bad("weights", "has %d entries, want one per citizen (%d)", len(s.Weights), s.Citizens)
	}
	for i, w := range s.Weights {
		if !(w >= 0 && w <= 1000) {
			return bad(fmt.Sprintf("weights[%d]", i), "%v is not in [0, 1000]", w)
		}
	}
	return nil
}

// Optimum is the efficient funding of each good: Samuelson's condition
// Σ_i V_i'(F) = 1, or 0 where even the first unit is worth less than it
// costs. The total value Σ_i V_i is concave, so the root is unique.
func (s Society) Optimum() []float64 {
	out := make([]float64, len(s.Goods))
	for p, g := range s.Goods {
		slope := func(x float64) float64 {
			t := 0.0
			for _, v := range g.Values {
				t += v.Slope(x)
			}
			return t
		}
		if slope(0) <= 1 {
			continue
		}
		lo, hi := 0.0, 1.0
		for slope(hi) > 1 {
			lo, hi = hi, 2*hi
		}
		out[p] = bisect(lo, hi, func(x float64) bool { return slope(x) > 1 })
	}
	return out
}

// bisect narrows [lo, hi] to the point where rising turns false (true at
// lo, false at hi) until floats can split it no further, and returns the
// middle.
func bisect(lo, hi float64, rising func(float64) bool) float64 {
	for range 200 {
		mid := (lo + hi) / 2
		if mid == lo || mid == hi {
			break
		}
		if rising(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// Welfare is the society's gain from funding F: Σ_p (Σ_i (V_i(F_p) −
// V_i(0)) − F_p), the value created less what the funding cost (whoever
// paid it: citizens or the matching pool).
func (s Society) Welfare(funding []float64) float64 {
	w := 0.0
	for p, g := range s.Goods {
		for _, v := range g.Values {
			w += v.At(funding[p]) - v.F0
		}
		w -= funding[p]
	}
	return w
}
