package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// CQFPolicy is a saturation-speed rule: pledge k (0-based, join order)
// gets Sigma/(1 + Decay·k); Decay 0 is constant.
type CQFPolicy struct {
	Name  string
	Sigma float64
	Decay float64
}

// CQFConfig sets up the simulation.
type CQFConfig struct {
	Agents int // arrivals per run
	Runs   int // seeded runs per policy (seeds Seed, Seed+1, …)
	Seed   uint64
	// Valuation: agent i gains v_i per unit of pot; v ~ lognormal(ln
	// ValueMedian, ValueSpread). Budget ~ lognormal(0, BudgetSpread).
	ValueMedian, ValueSpread, BudgetSpread float64
	Linear                                 bool
	Policies                               []CQFPolicy
}

// DefaultCQFConfig is the setting the README's findings come from.
func DefaultCQFConfig() CQFConfig {
	return CQFConfig{Agents: 100, Runs: 100, Seed: 1, ValueMedian: 0.3, ValueSpread: 1, BudgetSpread: 1,
		Policies: []CQFPolicy{
			{Name: "constant σ=0.01", Sigma: 0.01},
			{Name: "constant σ=0.05", Sigma: 0.05},
			{Name: "constant σ=0.2", Sigma: 0.2},
			{Name: "decreasing σ=0.2/(1+0.1k)", Sigma: 0.2, Decay: 0.1},
			{Name: "decreasing σ=0.05/(1+0.1k)", Sigma: 0.05, Decay: 0.1},
			{Name: "decreasing σ=0.05/(1+k)", Sigma: 0.05, Decay: 1},
		}}
}

// pledgeShares are the fractions of its budget an agent considers pledging.
var pledgeShares = []float64{0.125, 0.25, 0.5, 1}

// CQFRun is one run of one policy.
type CQFRun struct {
	Pot          []float64 // the pot after each arrival
	Leverage     []float64 // immediate leverage of each arrival's chosen pledge (or, if it stayed out, of the last option it weighed)
	Contributors int
	Welfare      float64 // Σ v_i·pot − Σ pay_i at the end
}

// CQFSummary aggregates a policy's runs.
type CQFSummary struct {
	Policy       CQFPolicy `json:"policy"`
	Pot          Stat      `json:"finalPot"`
	Contributors Stat      `json:"contributors"`
	Welfare      Stat      `json:"welfare"`
	// LateLeverage is the mean immediate leverage offered to the last
	// tenth of arrivals: what is left for newcomers.
	LateLeverage Stat `json:"lateLeverage"`
	// PotMean and PotSD over arrivals, for the plot.
	PotMean, PotSD []float64 `json:"-"`
	LeverageMean   []float64 `json:"-"`
}

// Stat is a mean and standard deviation over runs.
type Stat struct{ Mean, SD float64 }

func stat(v []float64) Stat {
	n := float64(len(v))
	if n == 0 {
		return Stat{}
	}
	m := sum(v) / n
	ss := 0.0
	for _, x := range v {
		ss += (x - m) * (x - m)
	}
	return Stat{m, math.Sqrt(ss / n)}
}

// RunCQF runs every policy over the same seeded agent sequences.
func RunCQF(cfg CQFConfig) ([]CQFSummary, error) {
	if cfg.Agents < 1 || cfg.Runs < 1 || len(cfg.Policies) == 0 {
		return nil, fmt.Errorf("simulate cqf: need at least one agent, run and policy")
	}
	for _, p := range cfg.Policies {
		if !(p.Sigma > 0) || p.Decay < 0 {
			return nil, fmt.Errorf("simulate cqf: policy %s: sigma must be positive and decay non-negative", p.Name)
		}
	}
	out := make([]CQFSummary, len(cfg.Policies))
	for pi, pol := range cfg.Policies {
		runs := make([]CQFRun, cfg.Runs)
		for r := range runs {
			runs[r] = runCQF(cfg, pol, cfg.Seed+uint64(r))
		}
		out[pi] = summarize(pol, runs, cfg.Agents)
	}
	return out, nil
}

// runCQF: agents arrive with (value, budget). Each tries pledging a share
// of its budget and keeps the option with the best myopic gain,
// v·Δpot − its own payment now, joining only if that gain is positive.
func runCQF(cfg CQFConfig, pol CQFPolicy, seed uint64) CQFRun {
	rng := rand.New(rand.NewPCG(seed, 0x51ed))
	var ps []Pledge
	var values []float64
	pot := 0.0
	run := CQFRun{Pot: make([]float64, cfg.Agents), Leverage: make([]float64, cfg.Agents)}
	for a := range cfg.Agents {
		v := cfg.ValueMedian * math.Exp(cfg.ValueSpread*rng.NormFloat64())
		budget := math.Exp(cfg.BudgetSpread * rng.NormFloat64())
		sigma := pol.Sigma / (1 + pol.Decay*float64(len(ps)))
		bestGain, bestLev, bestLimit, bestPot := 0.0, math.NaN(), 0.0, pot
		for _, share := range pledgeShares {
			cand := append(ps, Pledge{Limit: share * budget, Sigma: sigma})
			_, pay := Solve(cand, cfg.Linear)
			newPot := sum(pay)
			own := pay[len(pay)-1]
			if own <= 0 {
				continue
			}
			gain := v*(newPot-pot) - own
			if math.IsNaN(bestLev) || gain > bestGain {
				bestLev = (newPot - pot) / own
			}
			if gain > bestGain {
				bestGain, bestLimit, bestPot = gain, share*budget, newPot
			}
		}
		run.Leverage[a] = bestLev
		if bestLimit > 0 {
			ps = append(ps, Pledge{Limit: bestLimit, Sigma: sigma})
			values = append(values, v)
			pot = bestPot
		}
		run.Pot[a] = pot
	}
	_, pay := Solve(ps, cfg.Linear)
	run.Contributors = len(ps)
	run.Welfare = -sum(pay)
	for _, v := range values {
		run.Welfare += v * pot
	}
	return run
}

func summarize(pol CQFPolicy, runs []CQFRun, agents int) CQFSummary {
	s := CQFSummary{Policy: pol, PotMean: make([]float64, agents), PotSD: make([]float64, agents), LeverageMean: make([]float64, agents)}
	var pots, counts, welfare, late []float64
	for _, r := range runs {
		pots = append(pots, r.Pot[agents-1])
		counts = append(counts, float64(r.Contributors))
		welfare = append(welfare, r.Welfare)
		var l []float64
		for _, x := range r.Leverage[agents-max(1, agents/10):] {
			if !math.IsNaN(x) {
				l = append(l, x)
			}
		}
		late = append(late, stat(l).Mean)
	}
	s.Pot, s.Contributors, s.Welfare, s.LateLeverage = stat(pots), stat(counts), stat(welfare), stat(late)
	for a := range agents {
		var p, l []float64
		for _, r := range runs {
			p = append(p, r.Pot[a])
			if !math.IsNaN(r.Leverage[a]) {
				l = append(l, r.Leverage[a])
			}
		}
		st := stat(p)
		s.PotMean[a], s.PotSD[a] = st.Mean, st.SD
		s.LeverageMean[a] = stat(l).Mean
	}
	return s
}
