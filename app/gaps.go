package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/ethereum/go-ethereum/common"
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
				Description: `--recipient-id is the gap's Allo v2 recipientId (its Allo registry
profile's anchor), which --leaf allo rounds put in the gap's leaf besides
the payout address; without it Allo leaves use the payout address as
recipientId.`,
				Flags: []cli.Flag{
					required(gapIDFlag()),
					required(recipientFlag()),
					recipientIDFlag(),
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
					id, err := ingest.ParseRecipientID(c.String("recipient-id"))
					if err != nil {
						return fmt.Errorf("--recipient-id: %w", err)
					}
					return addGaps(c, []calc.Gap{{ID: g, Recipient: a, RecipientID: id}})
				},
			},
			{
				Name:  "set",
				Usage: "change a gap's recipient, while no closed round pays it",
				Description: `Changes the recipient of a registered gap. Refused once a closed round
has contributions to the gap: its results and tree name the old recipient
and are final (register a new gap instead). Open rounds pay the new
recipient when they are matched.
--recipient-id sets the gap's Allo v2 recipientId; without it the gap keeps
the one it has, and --recipient-id "" removes it.`,
				Flags: []cli.Flag{
					required(gapIDFlag()),
					required(recipientFlag()),
					recipientIDFlag(),
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
					id, err := ingest.ParseRecipientID(c.String("recipient-id"))
					if err != nil {
						return fmt.Errorf("--recipient-id: %w", err)
					}
					return withStore(c, func(s *store.Store) error {
						set := calc.Gap{ID: g, Recipient: a, RecipientID: id}
						if !c.IsSet("recipient-id") {
							// keep the gap's recipientId; --recipient-id "" removes it
							have, ok, err := s.Gap(&g)
							if err != nil {
								return err
							}
							if ok {
								set.RecipientID = have.RecipientID
							}
						}
						prevGap, err := s.SetGap(set)
						if err != nil {
							return err
						}
						prev := prevGap.Recipient
						if wantJSON(c) {
							out := map[string]any{"gap": g.Dec(), "recipient": a.Hex(), "previous": prev.Hex(), "changed": prevGap != set}
							if set.RecipientID != (common.Address{}) {
								out["recipientId"] = set.RecipientID.Hex()
							}
							if prevGap.RecipientID != (common.Address{}) {
								out["previousRecipientId"] = prevGap.RecipientID.Hex()
							}
							return printJSON(c, out)
						}
						if prevGap.RecipientID != set.RecipientID {
							fmt.Fprintf(c.App.Writer, "gap %s: recipientId %s (was %s)\n", g.Dec(), recipientIDString(set.RecipientID), recipientIDString(prevGap.RecipientID))
						}
						if prev == a {
							fmt.Fprintf(c.App.Writer, "gap %s already pays %s\n", g.Dec(), a.Hex())
						} else {
							fmt.Fprintf(c.App.Writer, "gap %s now pays %s (was %s)\n", g.Dec(), a.Hex(), prev.Hex())
						}
						return nil
					})
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
							Gap         string `json:"gap"`
							Recipient   string `json:"recipient"`
							RecipientID string `json:"recipientId,omitempty"`
						}
						rows := []row{}
						for _, g := range gs {
							r := row{Gap: g.ID.Dec(), Recipient: g.Recipient.Hex()}
							if g.RecipientID != (common.Address{}) {
								r.RecipientID = g.RecipientID.Hex()
							}
							rows = append(rows, r)
						}
						if wantJSON(c) {
							return printJSON(c, rows)
						}
						for _, r := range rows {
							if r.RecipientID != "" {
								fmt.Fprintf(c.App.Writer, "%s\t%s\trecipientId %s\n", r.Gap, r.Recipient, r.RecipientID)
								continue
							}
							fmt.Fprintf(c.App.Writer, "%s\t%s\n", r.Gap, r.Recipient)
						}
						return nil
					})
				},
			},
		},
	}
}

func recipientIDString(a common.Address) string {
	if a == (common.Address{}) {
		return "none"
	}
	return a.Hex()
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
				Name:  "gaps",
				Usage: "register gaps from a CSV (gap,recipient[,recipient_id]) or JSON file, all or none",
				Description: `CSV: a header naming the columns gap and recipient, and optionally
recipient_id (or allo_recipient_id): the gap's Allo v2 recipientId, empty
for none. JSON: an array of {"gap", "recipient", "recipientId"?}.
--leaf allo rounds put the recipientId in the gap's leaf (the payout
address when it has none).`,
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
				Flags:     withEnv([]cli.Flag{roundFlag(), unitsFlag()}, "units", "QF_UNITS"),
				Action: func(c *cli.Context) error {
					if !c.IsSet("round") {
						return usageErr("--round is required")
					}
					path, err := oneArg(c, "FILE")
					if err != nil {
						return err
					}
					// read twice, front to back, in bounded memory
					b, drop, release, err := mapfile.Stream(path)
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
						opts := ingest.Options{Decimals: adec, Progress: func(done int) { bar.set(done); drop(done) }}
						scan := func(add func(*ingest.Row) error) error {
							return ingest.Contributions(filepath.Base(path), b, opts, add)
						}
						// a CSV file is scanned first in parts, on every core
						// (each part read into a buffer of its core's)
						var parts store.FileParts
						if f, err := os.Open(path); err == nil {
							defer f.Close()
							if p, ok := ingest.ContributionPartsAt(filepath.Base(path), f, int64(len(b)), opts, 0, runtime.GOMAXPROCS(0)); ok {
								parts = p
							}
						}
						st, err := s.ImportFileParts(r.Number, scan, parts)
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
