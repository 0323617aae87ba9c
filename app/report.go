package app

import (
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
				outDirFlag("the report files"),
				&cli.StringFlag{Name: "rounds", Value: "1-8", Usage: "rounds to run: `LIST` of numbers and ranges (1,3,5-8)"},
				&cli.StringFlag{Name: "mechanisms", Value: "qf,pairwise,cluster,cocm", Usage: "comma-separated mechanism `NAMES`, of " + poolMechanismNames()},
				withParams(paramFlag(), "M=25e18", "D=625e36"),
				minAmountFlag(),
				capBpsFlagDef(),
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
	capBps, err := capBpsFlag(c)
	if err != nil {
		return err
	}
	cfgs, err := mechanismConfigs(calc.Config{Params: params, MinAmount: min, CapBps: capBps}, c.String("mechanisms"))
	if err != nil {
		return err
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
	return printFindings(c, func() (map[string][]byte, error) { return cgrants.Report(rs, comps) },
		map[string]any{"rounds": comps}, cgrants.Table(comps))
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
