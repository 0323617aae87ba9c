package app

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/internal/mapfile"
	"github.com/qf-dev/qf/store"
)

func gapCommand() *cli.Command {
	return &cli.Command{
		Name:  "gap",
		Usage: "manage the gap registry (gap id → recipient)",
		Subcommands: []*cli.Command{
			{
				Name:  "add",
				Usage: "register one gap",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "gap", Usage: "gap `ID` (decimal or 0x hex)", Required: true},
					&cli.StringFlag{Name: "recipient", Usage: "payout `ADDRESS`", Required: true},
				},
				Action: func(c *cli.Context) error {
					g, err := gapFlag(c, "gap")
					if err != nil {
						return err
					}
					a, err := ingest.ParseAddress(c.String("recipient"))
					if err != nil {
						return fmt.Errorf("--recipient: %w", err)
					}
					return addGaps(c, []calc.Gap{{ID: g, Recipient: a}})
				},
			},
			{
				Name:  "list",
				Usage: "list registered gaps",
				Action: func(c *cli.Context) error {
					return withStore(c, func(s *store.Store) error {
						gs, err := s.Gaps()
						if err != nil {
							return err
						}
						type row struct {
							Gap       string `json:"gap"`
							Recipient string `json:"recipient"`
						}
						rows := []row{}
						for _, g := range gs {
							rows = append(rows, row{g.ID.Dec(), g.Recipient.Hex()})
						}
						if wantJSON(c) {
							return printJSON(c, rows)
						}
						for _, r := range rows {
							fmt.Fprintf(c.App.Writer, "%s\t%s\n", r.Gap, r.Recipient)
						}
						return nil
					})
				},
			},
		},
	}
}

func addGaps(c *cli.Context, gaps []calc.Gap) error {
	return withStore(c, func(s *store.Store) error {
		n, err := s.AddGaps(gaps)
		if err != nil {
			return err
		}
		if wantJSON(c) {
			return printJSON(c, map[string]int{"added": n, "unchanged": len(gaps) - n})
		}
		fmt.Fprintf(c.App.Writer, "registered %d gaps (%d already registered)\n", n, len(gaps)-n)
		return nil
	})
}

func importCommand() *cli.Command {
	return &cli.Command{
		Name:  "import",
		Usage: "bulk-load gaps or contributions",
		Subcommands: []*cli.Command{
			importChainCommand(),
			{
				Name:      "gaps",
				Usage:     "register gaps from a CSV (gap,recipient) or JSON file, all or none",
				ArgsUsage: "FILE",
				Action: func(c *cli.Context) error {
					path, err := oneArg(c, "FILE")
					if err != nil {
						return err
					}
					b, err := readFile(path)
					if err != nil {
						return err
					}
					entries, err := ingest.Gaps(filepath.Base(path), b)
					if err != nil {
						return err
					}
					return addGaps(c, gapList(entries))
				},
			},
			{
				Name:      "contributions",
				Usage:     "store contributions to an open round from CSV or JSON, all or none; repeated ids are skipped",
				ArgsUsage: "FILE",
				Flags:     []cli.Flag{roundFlag(), unitsFlag()},
				Action: func(c *cli.Context) error {
					if !c.IsSet("round") {
						return usageErr("--round is required")
					}
					path, err := oneArg(c, "FILE")
					if err != nil {
						return err
					}
					b, release, err := mapfile.Read(path)
					if err != nil {
						return err
					}
					defer release()
					return withStore(c, func(s *store.Store) error {
						r, err := s.Round(c.Uint64("round"))
						if err != nil {
							return err
						}
						adec, err := amountDecimals(c, r.Decimals, noDecimalsRound(r.Number))
						if err != nil {
							return err
						}
						bar := newProgress(c.App.ErrWriter, int64(len(b)), "importing", true)
						defer bar.done()
						st, err := s.Import(r.Number, func(add func(*ingest.Row) error) error {
							return ingest.Contributions(filepath.Base(path), b, ingest.Options{Decimals: adec, Progress: bar.set}, add)
						})
						if err != nil {
							return err
						}
						if wantJSON(c) {
							return printJSON(c, st)
						}
						fmt.Fprintf(c.App.Writer, "round %d: stored %d contributions, skipped %d duplicates\n", r.Number, st.Added, st.Duplicates)
						return nil
					})
				},
			},
		},
	}
}

func oneArg(c *cli.Context, what string) (string, error) {
	if c.Args().Len() != 1 {
		return "", usageErr("want one %s argument, got %d", what, c.Args().Len())
	}
	return c.Args().First(), nil
}
