package sim

import (
	"fmt"
	"runtime"
	"sync"
)

// LRConfig sets up `qf simulate lr`.
type LRConfig struct {
	Citizens  int
	Societies int // seeded societies (seeds Seed, Seed+1, …)
	Seed      uint64
	// PoolShare sizes capped QF's pool as a share of what uncapped QF's
	// equilibrium would draw, so the cap binds in every society alike.
	PoolShare float64
	PairwiseM float64 // pairwise bound M, in funding units
	SMEWeight float64 // weight of community members (the experts) under "sme"
}

// DefaultLRConfig is the setting the README's figures come from.
func DefaultLRConfig() LRConfig {
	return LRConfig{Citizens: 30, Societies: 100, Seed: 1, PoolShare: 0.5, PairwiseM: 0.1, SMEWeight: 2}
}

// LRMechanisms are the mechanisms compared, in report order.
var LRMechanisms = []string{"qf", "linear", "capped", "pairwise", "sme"}

// LROutcome is one mechanism's equilibrium in one society.
type LROutcome struct {
	Mechanism string    `json:"mechanism"`
	Funding   []float64 `json:"funding"`
	Welfare   float64   `json:"welfare"`
	// Share is Welfare over the optimum's welfare: 1 is efficient.
	Share   float64 `json:"share"`
	Deficit float64 `json:"deficit"`
	Alpha   float64 `json:"alpha,omitempty"` // capped: the match share the pool allows
	Sweeps  int     `json:"sweeps"`
	Err     string  `json:"error,omitempty"`
}

// LRResult is one society solved under every mechanism.
type LRResult struct {
	Seed       uint64      `json:"seed"`
	Society    Society     `json:"-"`
	Optimum    []float64   `json:"optimum"`
	OptWelfare float64     `json:"optimumWelfare"`
	Outcomes   []LROutcome `json:"outcomes"`
}

// SolveSociety finds the welfare optimum and each mechanism's equilibrium.
// A mechanism whose best responses do not settle is recorded with Err.
func SolveSociety(s Society, cfg LRConfig) LRResult {
	res := LRResult{Society: s, Optimum: s.Optimum()}
	res.OptWelfare = s.Welfare(res.Optimum)
	add := func(name string, e Equilibrium, alpha float64, err error) {
		o := LROutcome{Mechanism: name, Funding: e.Funding, Deficit: e.Deficit(), Alpha: alpha, Sweeps: e.Sweeps}
		if err != nil {
			o.Err = err.Error()
		}
		o.Welfare = s.Welfare(e.Funding)
		if res.OptWelfare > 0 {
			o.Share = o.Welfare / res.OptWelfare
		}
		res.Outcomes = append(res.Outcomes, o)
	}
	qf, err := SolveEquilibrium(s, LRRule{Alpha: 1}, nil)
	add("qf", qf, 0, err)
	lin, err := SolveEquilibrium(s, LRRule{}, nil)
	add("linear", lin, 0, err)
	capped, alpha, err := solveCapped(s, cfg.PoolShare*qf.Deficit(), qf)
	add("capped", capped, alpha, err)
	pw, err := SolveEquilibrium(s, LRRule{M: cfg.PairwiseM}, nil)
	add("pairwise", pw, 0, err)
	sme, err := SolveEquilibrium(s, LRRule{Alpha: 1, Weights: s.Weights}, qf.Contrib)
	add("sme", sme, 0, err)
	return res
}

// solveCapped finds the match share α whose equilibrium draws the pool
// (the deficit rises with α) by regula falsi (Illinois), each equilibrium
// warm-started from the last, and returns the last one at or under the
// pool, within 10^-9 of it.
func solveCapped(s Society, pool float64, full Equilibrium) (Equilibrium, float64, error) {
	if full.Deficit() <= pool {
		return full, 1, nil
	}
	lo, flo := 0.0, -pool
	hi, fhi := 1.0, full.Deficit()-pool
	under, underAlpha := Equilibrium{}, 0.0
	cur := full
	for range 100 {
		alpha := hi - fhi*(hi-lo)/(fhi-flo)
		e, err := SolveEquilibrium(s, LRRule{Alpha: alpha}, cur.Contrib)
		if err != nil {
			return e, alpha, err
		}
		cur = e
		f := e.Deficit() - pool
		if f <= 0 {
			under, underAlpha = e, alpha
			if f >= -1e-9*pool {
				return e, alpha, nil
			}
			lo, flo = alpha, f
			fhi /= 2
		} else {
			hi, fhi = alpha, f
			flo /= 2
		}
	}
	if under.Funding == nil {
		return cur, hi, fmt.Errorf("capped QF: no match share found under the pool")
	}
	return under, underAlpha, nil
}

// RunLR solves cfg.Societies generated societies, in parallel; the result
// is the same for any number of workers.
func RunLR(cfg LRConfig) ([]LRResult, error) {
	if cfg.Citizens < 2 || cfg.Societies < 1 {
		return nil, fmt.Errorf("simulate lr: need at least 2 citizens and 1 society")
	}
	if !(cfg.PoolShare > 0 && cfg.PoolShare <= 1) || !(cfg.PairwiseM > 0) || !(cfg.SMEWeight >= 0) {
		return nil, fmt.Errorf("simulate lr: pool share must be in (0, 1], pairwise M positive, SME weight non-negative")
	}
	out := make([]LRResult, cfg.Societies)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				seed := cfg.Seed + uint64(k)
				out[k] = SolveSociety(GenerateSociety(cfg.Citizens, seed, cfg.SMEWeight), cfg)
				out[k].Seed = seed
			}
		}()
	}
	for k := range out {
		next <- k
	}
	close(next)
	wg.Wait()
	return out, nil
}

// LRSummary is one mechanism over many societies.
type LRSummary struct {
	Mechanism string `json:"mechanism"`
	Share     Stat   `json:"welfareShare"`
	// Funding is total funding over the optimum's, per society.
	Funding  Stat `json:"fundingRatio"`
	Deficit  Stat `json:"deficit"`
	Failures int  `json:"failures"`
}

// SummarizeLR aggregates per mechanism; societies where nothing is worth
// funding (optimum welfare 0) have no share and are left out.
func SummarizeLR(results []LRResult) []LRSummary {
	out := make([]LRSummary, len(LRMechanisms))
	for m, name := range LRMechanisms {
		var share, fund, def []float64
		out[m].Mechanism = name
		for _, r := range results {
			o := r.Outcomes[m]
			if o.Err != "" {
				out[m].Failures++
				continue
			}
			if r.OptWelfare <= 0 {
				continue
			}
			share = append(share, o.Share)
			fund = append(fund, sum(o.Funding)/sum(r.Optimum))
			def = append(def, o.Deficit)
		}
		out[m].Share, out[m].Funding, out[m].Deficit = stat(share), stat(fund), stat(def)
	}
	return out
}
