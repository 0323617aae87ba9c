package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/sim"
)

func simulateCommand() *cli.Command {
	return &cli.Command{
		Name:  "simulate",
		Usage: "simulators for choosing a mechanism's settings (floats; no payouts)",
		Subcommands: []*cli.Command{{
			Name:  "cqf",
			Usage: "coordinated QF: compare saturation-speed policies over seeded runs",
			Description: `Agents arrive one by one, each with a private valuation v of the pot (lognormal)
and a budget (lognormal). Each weighs pledging 1/8, 1/4, 1/2 or all of its
budget, solves the contract with that pledge added, and joins with the option
that maximizes v·(pot increase) − (what it pays now), if that is positive.
Every policy sees the same agents. Prints per policy the final pot, the
number of contributors, welfare (Σ v·pot − Σ payments) and the leverage left
for the last tenth of arrivals; --out also writes cqf.md, cqf.json and plots
of the pot and of the leverage over arrivals.

A policy is NAME:SIGMA or NAME:SIGMA:DECAY: pledge k (0-based) gets
SIGMA/(1 + DECAY·k). Budgets are about 1, so h is about √(contributors).

  qf simulate cqf --runs 200 --policy flat:0.05 --policy decreasing:0.05:1 --out sim/`,
			Flags: []cli.Flag{
				&cli.IntFlag{Name: "agents", Value: 100, Usage: "arrivals per run"},
				&cli.IntFlag{Name: "runs", Value: 100, Usage: "seeded runs per policy"},
				&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "first seed"},
				&cli.Float64Flag{Name: "value-median", Value: 0.3, Usage: "median valuation of the pot per unit"},
				&cli.Float64Flag{Name: "value-spread", Value: 1, Usage: "lognormal σ of valuations"},
				&cli.Float64Flag{Name: "budget-spread", Value: 1, Usage: "lognormal σ of budgets"},
				linearFlag(),
				&cli.StringSliceFlag{Name: "policy", Usage: "`NAME:SIGMA[:DECAY]` (repeatable; default: six constant and decreasing policies)"},
				outDirFlag("the report files"),
			},
			Action: runSimulateCQF,
		}, simulateLRCommand()},
	}
}

func runSimulateCQF(c *cli.Context) error {
	cfg := sim.DefaultCQFConfig()
	cfg.Agents, cfg.Runs, cfg.Seed = c.Int("agents"), c.Int("runs"), c.Uint64("seed")
	cfg.ValueMedian, cfg.ValueSpread, cfg.BudgetSpread = c.Float64("value-median"), c.Float64("value-spread"), c.Float64("budget-spread")
	cfg.Linear = c.Bool("linear")
	if ps := c.StringSlice("policy"); len(ps) > 0 {
		cfg.Policies = nil
		for _, p := range ps {
			pol, err := parsePolicy(p)
			if err != nil {
				return err
			}
			cfg.Policies = append(cfg.Policies, pol)
		}
	}
	if cfg.Agents < 1 || cfg.Runs < 1 {
		return usageErr("--agents and --runs must be at least 1")
	}
	sums, err := sim.RunCQF(cfg)
	if err != nil {
		return err
	}
	return printFindings(c, func() (map[string][]byte, error) { return sim.CQFFiles(cfg, sums) },
		map[string]any{"config": cfg, "policies": sums}, sim.CQFTable(cfg, sums))
}

// printFindings prints a report command's outcome: v as JSON with --json,
// else the table; with --out it also writes the files (built only then).
func printFindings(c *cli.Context, files func() (map[string][]byte, error), v any, table string) error {
	if dir := c.String("out"); dir != "" {
		fs, err := files()
		if err != nil {
			return err
		}
		if err := writeFiles(dir, fs); err != nil {
			return err
		}
		if !wantJSON(c) {
			defer fmt.Fprintf(c.App.Writer, "\nwrote %d files to %s\n", len(fs), dir)
		}
	}
	if wantJSON(c) {
		return json.NewEncoder(c.App.Writer).Encode(v)
	}
	_, err := fmt.Fprint(c.App.Writer, table)
	return err
}

func parsePolicy(s string) (sim.CQFPolicy, error) {
	parts := strings.Split(s, ":")
	bad := usageErr("--policy %q: want NAME:SIGMA or NAME:SIGMA:DECAY with SIGMA > 0 and DECAY ≥ 0", s)
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" {
		return sim.CQFPolicy{}, bad
	}
	p := sim.CQFPolicy{Name: parts[0]}
	var err error
	if p.Sigma, err = strconv.ParseFloat(parts[1], 64); err != nil || !(p.Sigma > 0) {
		return p, bad
	}
	if len(parts) == 3 {
		if p.Decay, err = strconv.ParseFloat(parts[2], 64); err != nil || !(p.Decay >= 0) {
			return p, bad
		}
	}
	return p, nil
}

// writeFiles writes a report's files into dir, in name order.
func writeFiles(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
