package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cgrants"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "reports over real round data",
		Subcommands: []*cli.Command{{
			Name:  "gitcoin",
			Usage: "run the mechanisms on Gitcoin Grants GR1–GR8 and compare with the published matches",
			Description: `Reads the Gitcoin Grants dataset (a directory holding contributions.csv.xz,
clr_rounds.csv and grants_data.csv, as in ../shared/data/gitcoin-cgrants),
takes each round's contributions inside its dates, and runs every mechanism
of --mechanisms on them with the round's published total as the pool.
Prints, per round, each mechanism's correlation with the published matches
(Pearson r and Spearman ρ over the grants found in both files). With --out,
also writes gitcoin.md, gitcoin.json, gitcoin-matches.csv (every grant's
published and computed match) and SVG plots there.

Amounts are USD with 18 decimals: --param M=25e18 is 25 USD, D=625e36 is
(25 USD)², --min-amount 1 leaves contributions under 1 USD out of matching.

  qf report gitcoin --data ../shared/data/gitcoin-cgrants --out report/`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "data", Usage: "dataset `DIR`", EnvVars: []string{"QF_GITCOIN_DATA"}, Required: true},
				&cli.StringFlag{Name: "out", Usage: "write the report files into `DIR`"},
				&cli.StringFlag{Name: "rounds", Value: "1-8", Usage: "rounds to run: `LIST` of numbers and ranges (1,3,5-8)"},
				&cli.StringFlag{Name: "mechanisms", Value: "qf,pairwise,cluster,cocm", Usage: "comma-separated mechanism `NAMES`"},
				&cli.StringSliceFlag{Name: "param", Value: cli.NewStringSlice("M=25e18", "D=625e36"), Usage: "mechanism parameter `k=v` (USD with 18 decimals)"},
				&cli.StringFlag{Name: "min-amount", Value: "0", Usage: "contributions below `USD` are not matched"},
				&cli.UintFlag{Name: "cap-bps", Usage: "cap each grant at `N`/10000 of the pool"},
			},
			Action: runReportGitcoin,
		}},
	}
}

func runReportGitcoin(c *cli.Context) error {
	rounds, err := parseRounds(c.String("rounds"))
	if err != nil {
		return err
	}
	params, err := calc.ParseParams(c.StringSlice("param"))
	if err != nil {
		return fmt.Errorf("--param: %w", err)
	}
	min, err := calc.ParseAmount(c.String("min-amount"), cgrants.Decimals)
	if err != nil {
		return fmt.Errorf("--min-amount: %w", err)
	}
	if c.IsSet("cap-bps") && (c.Uint("cap-bps") < 1 || c.Uint("cap-bps") > 10000) {
		return fmt.Errorf("--cap-bps %d: %w (omit the flag for no cap)", c.Uint("cap-bps"), calc.ErrCap)
	}
	var cfgs []calc.Config
	for _, name := range strings.Split(c.String("mechanisms"), ",") {
		cfg := calc.Config{Mechanism: strings.TrimSpace(name), Params: calc.Params{}, MinAmount: min, CapBps: uint32(c.Uint("cap-bps"))}
		for k, v := range params {
			if slices.Contains(calc.MechanismParams(cfg.Mechanism), k) {
				cfg.Params[k] = v
			}
		}
		if err := cfg.Validate(); err != nil {
			return err
		}
		cfgs = append(cfgs, cfg)
	}
	rs, err := cgrants.Load(c.String("data"), rounds)
	if err != nil {
		return err
	}
	var comps []*cgrants.Comparison
	for _, r := range rs {
		cmp, err := cgrants.Compare(r, cfgs)
		if err != nil {
			return fmt.Errorf("GR%d: %w", r.Number, err)
		}
		comps = append(comps, cmp)
	}
	if dir := c.String("out"); dir != "" {
		files, err := cgrants.Report(rs, comps)
		if err != nil {
			return err
		}
		if err := writeFiles(dir, files); err != nil {
			return err
		}
		if !c.Bool("json") {
			defer fmt.Fprintf(c.App.Writer, "\nwrote %d files to %s\n", len(files), dir)
		}
	}
	if c.Bool("json") {
		return json.NewEncoder(c.App.Writer).Encode(map[string]any{"rounds": comps})
	}
	_, err = fmt.Fprint(c.App.Writer, cgrants.Table(comps))
	return err
}

// parseRounds reads "1,3,5-8".
func parseRounds(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := a, error(nil)
		if isRange {
			b, err2 = strconv.Atoi(hi)
		}
		if err1 != nil || err2 != nil || a < 1 || b < a {
			return nil, usageErr("--rounds %q: want numbers and ranges like 1,3,5-8", s)
		}
		for n := a; n <= b; n++ {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out, nil
}
