package app

import (
	"os"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/sim"
)

func simulateLRCommand() *cli.Command {
	d := sim.DefaultLRConfig()
	return &cli.Command{
		Name:  "lr",
		Usage: "the Liberal Radicalism model: equilibria under each mechanism against the welfare optimum",
		Description: `Buterin, Hitzig and Weyl's model: citizens value each public good's funding
F with a smooth, concave, increasing V(F) = f0 + (f1 − f0)(1 − e^(−sF))/(1 − e^(−s)),
f0 ~ N(0.1, 0.3), f1 ~ N(0.5, 0.4) clipped to [0, 1] with f1 ≥ f0, s ~ U(1, 20).
A community of 1 to N/2 citizens proposes 1 to |community|/2 goods.

Every citizen best-responds (maximizes Σ V(F) − what it pays) until no
contribution moves by more than 1e-11, under:
  qf        F = (Σ √c)²                      (the paper: efficient)
  linear    F = Σ c                          (private contributions)
  capped    F = Σ c + α((Σ √c)² − Σ c), α so the match fits a pool of
            --pool-share × QF's deficit
  pairwise  Buterin's pairwise-bounded subsidy with --pairwise-m
  sme       QF with the community (the experts) weighted --sme-weight
and compares each with the optimum, Σ_i V_i'(F) = 1. Welfare is the value
created less the funding; "welfare share" is a mechanism's over the
optimum's. --out writes lr.md, lr.json, society.json and SVG plots of the
value functions, the funding per good and the welfare shares.

  qf simulate lr --societies 100 --out lab/
  qf simulate lr --society lab/society.json     # one society from a file`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "citizens", Value: d.Citizens, Usage: "citizens per society"},
			&cli.IntFlag{Name: "societies", Value: d.Societies, Usage: "seeded societies"},
			&cli.Uint64Flag{Name: "seed", Value: d.Seed, Usage: "first seed"},
			&cli.Float64Flag{Name: "pool-share", Value: d.PoolShare, Usage: "capped QF's pool as a share of QF's deficit, in (0, 1]"},
			&cli.Float64Flag{Name: "pairwise-m", Value: d.PairwiseM, Usage: "pairwise bound M, in funding units"},
			&cli.Float64Flag{Name: "sme-weight", Value: d.SMEWeight, Usage: "weight of the community's members under sme"},
			&cli.StringFlag{Name: "society", Usage: "solve the society in JSON `FILE` (as --out writes it) instead of generating"},
			outDirFlag("the report files"),
		},
		Action: runSimulateLR,
	}
}

func runSimulateLR(c *cli.Context) error {
	cfg := sim.LRConfig{Citizens: c.Int("citizens"), Societies: c.Int("societies"), Seed: c.Uint64("seed"),
		PoolShare: c.Float64("pool-share"), PairwiseM: c.Float64("pairwise-m"), SMEWeight: c.Float64("sme-weight")}
	if !(cfg.PoolShare > 0 && cfg.PoolShare <= 1) {
		return usageErr("--pool-share %v: want a share in (0, 1]", cfg.PoolShare)
	}
	if !(cfg.PairwiseM > 0) {
		return usageErr("--pairwise-m %v: want a positive bound", cfg.PairwiseM)
	}
	if !(cfg.SMEWeight >= 0) {
		return usageErr("--sme-weight %v: want a non-negative weight", cfg.SMEWeight)
	}
	var results []sim.LRResult
	if f := c.String("society"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		s, err := sim.ParseSociety(f, data)
		if err != nil {
			return err
		}
		cfg.Citizens, cfg.Societies, cfg.Seed = s.Citizens, 1, 0
		results = []sim.LRResult{sim.SolveSociety(s, cfg)}
	} else {
		if cfg.Citizens < 2 || cfg.Societies < 1 {
			return usageErr("--citizens must be at least 2 and --societies at least 1")
		}
		var err error
		if results, err = sim.RunLR(cfg); err != nil {
			return err
		}
	}
	table := sim.LRTable(cfg, results)
	if len(results) == 1 {
		table += "\n" + sim.LRSocietyTable(results[0])
	}
	return printFindings(c, func() (map[string][]byte, error) { return sim.LRFiles(cfg, results) },
		map[string]any{"config": cfg, "summary": sim.SummarizeLR(results), "societies": results}, table)
}
