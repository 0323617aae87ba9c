package app

import (
	_ "embed"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// The demo round: 400 contributions from 90 donors to 12 gaps, made by
// shared/bench/gen_round.py 400 12 90 7. Amounts are base units of an
// 18-decimal token (imported with --units base, the default), the pool is
// in tokens: the README's operator and verifier commands on these files
// give the demo's root (TestREADMEReproducesDemo).
var (
	//go:embed demodata/gaps.csv
	demoGaps []byte
	//go:embed demodata/contributions.csv
	demoContributions []byte
)

func demoCommand() *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "run a whole round on built-in data: create, import, match, print the root and a proof",
		Flags: []cli.Flag{withValue(poolFlag(), "1000")},
		Action: func(c *cli.Context) error {
			pool, err := calc.ParseAmount(c.String("pool"), 18)
			if err != nil {
				return fmt.Errorf("--pool: %w", err)
			}
			return withStore(c, func(s *store.Store) error {
				entries, err := ingest.Gaps("demodata/gaps.csv", demoGaps)
				if err != nil {
					return err
				}
				if _, err := s.AddGaps(gapList(entries)); err != nil {
					return fmt.Errorf("%w (the demo needs its own database: pass --db to a new folder)", err)
				}
				r, err := s.CreateRound(store.Round{Name: "demo", Config: calc.Config{Mechanism: "qf", Pool: pool}, Decimals: 18, Leaf: string(payout.LeafStandard)})
				if err != nil {
					return err
				}
				st, err := s.Import(r.Number, func(add func(*ingest.Row) error) error {
					return ingest.Contributions("demodata/contributions.csv", demoContributions, ingest.Options{}, add)
				})
				if err != nil {
					return err
				}
				if r, err = s.Round(r.Number); err != nil {
					return err
				}
				out, _, err := computeStored(c, s, r, false)
				if err != nil {
					return err
				}
				if _, err := round.CloseStored(s, r.Number, out.Report, out.Tree); err != nil {
					return err
				}
				first := payout.Payouts(out.Result)[0]
				p, err := payout.ProofFor(out.Tree, &first.Gap)
				if err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, map[string]any{"round": r.Number, "report": out.Report, "proof": p})
				}
				w := c.App.Writer
				fmt.Fprintf(w, "demo round %d in %s: %d contributions (%d duplicate ids skipped), %d gaps, pool %s tokens\n\n",
					r.Number, c.String("db"), st.Added, st.Duplicates, len(out.Report.Gaps), c.String("pool"))
				if err := printReport(c, out.Report, 18); err != nil {
					return err
				}
				fmt.Fprintf(w, "\nproof for gap %s (qf proof --round %d --gap %s):\n", p.Gap, r.Number, p.Gap)
				if err := printJSON(c, p); err != nil {
					return err
				}
				return p.Check()
			})
		},
	}
}
