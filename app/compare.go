package app

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cgrants"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:  "compare",
		Usage: "run several mechanisms on one round, side by side",
		Description: `Computes the same round (registry and contributions files, as for qf calc)
under each of --mechanisms (reading the files once) and prints every gap's
match under each, then per mechanism: the seconds its computation took, the
share of the pool its ten best-paid gaps take, and the correlation of its
matches with qf's. --param values go to the
mechanisms that take them (M to pairwise, D to cluster). Figures here are for
reading; payouts come from qf calc or qf match.

  qf compare -c contributions.csv -g gaps.csv --pool 1000e18 \
     --param M=10e18 --param D=100e36`,
		Flags: append([]cli.Flag{
			contributionsFileFlag(),
			gapsFileFlag(),
			&cli.StringFlag{Name: "mechanisms", Value: "qf,pairwise,cluster,cocm", Usage: "comma-separated mechanism `NAMES`, of " + poolMechanismNames()},
			unitsFlag(),
		}, configFlags()...),
		Action: runCompare,
	}
}

type compareRow struct {
	Mechanism   string   `json:"mechanism"`
	Seconds     float64  `json:"seconds"`
	Top10Share  float64  `json:"top10Share"`
	Correlation float64  `json:"correlationWithQF"`
	Matches     []string `json:"matches"`
}

func runCompare(c *cli.Context) error {
	base, leaf, dec, err := readConfig(c, false)
	if err != nil {
		return err
	}
	cfgs, err := mechanismConfigs(base, c.String("mechanisms"))
	if err != nil {
		return err
	}
	// Every mechanism reads the same tally: the file is read once.
	var rows []compareRow
	var gaps []payout.GapReport
	err = withFiles(c, c.String("gaps"), c.String("contributions"), round.Inputs{Config: base, Leaf: leaf}, dec,
		func(in round.Inputs, load round.Load) error {
			t, _, err := round.Tally(in, load)
			if err != nil {
				return err
			}
			for _, cfg := range cfgs {
				start := time.Now()
				res, err := calc.Compute(t, cfg)
				if err != nil {
					return err
				}
				rep := payout.NewReport(res, [32]byte{}, leaf)
				row := compareRow{Mechanism: cfg.Mechanism, Seconds: time.Since(start).Seconds()}
				for _, g := range rep.Gaps {
					row.Matches = append(row.Matches, g.Match.Dec())
				}
				gaps = rep.Gaps
				row.Top10Share = topShare(row.Matches, 10, rep.Pool.Dec())
				rows = append(rows, row)
			}
			return nil
		})
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].Correlation = pearson(rows[0].Matches, rows[i].Matches)
	}
	if wantJSON(c) {
		// each match with its gap id, so no reader depends on the order
		type gapMatch struct {
			Gap   string `json:"gap"`
			Match string `json:"match"`
		}
		type rowJSON struct {
			compareRow
			Matches []gapMatch `json:"matches"`
		}
		out := make([]rowJSON, len(rows))
		for i, r := range rows {
			out[i] = rowJSON{compareRow: r, Matches: make([]gapMatch, len(r.Matches))}
			for k, m := range r.Matches {
				out[i].Matches[k] = gapMatch{Gap: gaps[k].Gap, Match: m}
			}
		}
		return json.NewEncoder(c.App.Writer).Encode(map[string]any{"mechanisms": out})
	}
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(w, "gap\tdirect\t")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t", r.Mechanism)
	}
	fmt.Fprintln(w)
	for i, g := range gaps {
		fmt.Fprintf(w, "%s\t%s\t", g.Gap, showAmount(g.Direct, dec))
		for _, r := range rows {
			fmt.Fprintf(w, "%s\t", show(r.Matches[i], dec))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "mechanism\tseconds\ttop-10 share\tcorrelation with %s\t\n", rows[0].Mechanism)
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%.2f\t%.1f%%\t%.3f\t\n", r.Mechanism, r.Seconds, 100*r.Top10Share, r.Correlation)
	}
	return w.Flush()
}

// floats converts decimal amounts for the report's statistics.
func floats(vs []string) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		f, _ := new(big.Float).SetString(v)
		out[i], _ = f.Float64()
	}
	return out
}

func topShare(matches []string, n int, pool string) float64 {
	f := floats(matches)
	slices.Sort(f)
	slices.Reverse(f)
	p := floats([]string{pool})[0]
	s := 0.0
	for _, v := range f[:min(n, len(f))] {
		s += v
	}
	if p == 0 {
		return 0
	}
	return s / p
}

// pearson is the correlation of two series of decimal amounts (0 when
// either is constant).
func pearson(a, b []string) float64 { return cgrants.Pearson(floats(a), floats(b)) }

// mechanismConfigs makes one config per name in the comma-separated list,
// each from base with only the --param values its mechanism takes.
func mechanismConfigs(base calc.Config, names string) ([]calc.Config, error) {
	var cfgs []calc.Config
	for _, name := range strings.Split(names, ",") {
		cfg := base
		cfg.Mechanism = strings.TrimSpace(name)
		cfg.Params = calc.Params{}
		for k, v := range base.Params {
			if slices.Contains(calc.MechanismParams(cfg.Mechanism), k) {
				cfg.Params[k] = v
			}
		}
		if err := cfg.Validate(); err != nil {
			return nil, err
		}
		cfgs = append(cfgs, cfg)
	}
	return cfgs, nil
}
