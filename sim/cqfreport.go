package sim

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/qf-dev/qf/plot"
)

// CQFTable is the markdown table of a simulation's summaries.
func CQFTable(cfg CQFConfig, sums []CQFSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d runs of %d arrivals each (seeds %d…%d), valuations lognormal(median %g, σ %g), budgets lognormal(σ %g)",
		cfg.Runs, cfg.Agents, cfg.Seed, cfg.Seed+uint64(cfg.Runs)-1, cfg.ValueMedian, cfg.ValueSpread, cfg.BudgetSpread)
	if cfg.Linear {
		b.WriteString(", linear fallback")
	}
	b.WriteString(".\n\n| policy | final pot | contributors | welfare | leverage left for the last 10% |\n|---|--:|--:|--:|--:|\n")
	for _, s := range sums {
		fmt.Fprintf(&b, "| %s | %.2f ± %.2f | %.1f ± %.1f | %.1f ± %.1f | %.2f |\n", s.Policy.Name, s.Pot.Mean, s.Pot.SD,
			s.Contributors.Mean, s.Contributors.SD, s.Welfare.Mean, s.Welfare.SD, s.LateLeverage.Mean)
	}
	return b.String()
}

// CQFFiles renders the report `qf simulate cqf --out` writes: cqf.md,
// cqf.json, cqf-pot.svg (the pot over arrivals, mean ± sd per policy) and
// cqf-leverage.svg (the immediate leverage each arrival is offered).
func CQFFiles(cfg CQFConfig, sums []CQFSummary) (map[string][]byte, error) {
	j, err := json.MarshalIndent(map[string]any{"config": cfg, "policies": sums}, "", "  ")
	if err != nil {
		return nil, err
	}
	pot := plot.Chart{Title: "Coordinated QF: pot over arrivals (mean ± sd over runs)", XLabel: "arrival", YLabel: "pot"}
	lev := plot.Chart{Title: "Immediate leverage offered to each arrival (mean over runs)", XLabel: "arrival", YLabel: "leverage", LogY: true}
	for _, s := range sums {
		xs := make([]float64, len(s.PotMean))
		lo := make([]float64, len(s.PotMean))
		hi := make([]float64, len(s.PotMean))
		for i := range xs {
			xs[i] = float64(i + 1)
			lo[i], hi[i] = s.PotMean[i]-s.PotSD[i], s.PotMean[i]+s.PotSD[i]
		}
		pot.Series = append(pot.Series, plot.Series{Name: s.Policy.Name, X: xs, Y: s.PotMean, Lo: lo, Hi: hi})
		lev.Series = append(lev.Series, plot.Series{Name: s.Policy.Name, X: xs, Y: s.LeverageMean})
	}
	return map[string][]byte{
		"cqf.md":           []byte("# Coordinated QF: saturation-speed policies\n\n" + CQFTable(cfg, sums)),
		"cqf.json":         append(j, '\n'),
		"cqf-pot.svg":      pot.SVG(),
		"cqf-leverage.svg": lev.SVG(),
	}, nil
}
