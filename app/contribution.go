package app

import (
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/store"
)

func contributionCommand() *cli.Command {
	return &cli.Command{
		Name:  "contribution",
		Usage: "list a round's stored contributions, or void one before the round closes",
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list a round's contributions, voided ones included (with their reason)",
				Description: `Prints one contribution a line: id, donor, gap, amount, weight, score
and status: "counted", or "voided: REASON". Amounts are in tokens when the round
has decimals (base units in --json).`,
				Flags: []cli.Flag{
					roundFlag(),
					&cli.BoolFlag{Name: "voided", Usage: "only the voided contributions"},
				},
				Action: func(c *cli.Context) error {
					if !c.IsSet("round") {
						return usageErr("--round is required")
					}
					return withStore(c, func(s *store.Store) error {
						r, err := s.Round(c.Uint64("round"))
						if err != nil {
							return err
						}
						type row struct {
							ID     string `json:"id"`
							Donor  string `json:"donor"`
							Gap    string `json:"gap"`
							Amount string `json:"amount"`
							Weight string `json:"weight,omitempty"`
							Score  string `json:"score,omitempty"`
							Seq    uint64 `json:"seq,omitempty"`
							Voided string `json:"voided,omitempty"` // the reason
							// Token and Chain: a row in another token, whose amount is in its base units.
							Token string `json:"token,omitempty"`
							Chain string `json:"chain,omitempty"`
						}
						rows := []row{}
						err = s.EachStored(r.Number, func(x *ingest.Row, v *store.Void) error {
							if c.Bool("voided") && v == nil {
								return nil
							}
							out := row{ID: string(x.ID), Donor: string(x.Donor), Gap: x.Gap.Dec(), Amount: x.Amount.Dec(),
								Weight: string(x.Weight), Score: string(x.Score), Seq: x.Seq, Token: string(x.Token), Chain: string(x.Chain)}
							if v != nil {
								out.Voided = v.Reason
							}
							rows = append(rows, out)
							return nil
						})
						if err != nil {
							return err
						}
						if wantJSON(c) {
							return printJSON(c, rows)
						}
						w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
						fmt.Fprintln(w, "id\tdonor\tgap\tamount\tweight\tscore\tstatus")
						for _, x := range rows {
							status := "counted"
							if x.Voided != "" {
								status = "voided: " + x.Voided
							}
							amount := show(x.Amount, r.Decimals)
							if x.Token != "" {
								amount = x.Amount + " base units of " + price.Name(x.Token, x.Chain)
							}
							fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.Donor, x.Gap, amount, dash(x.Weight), dash(x.Score), status)
						}
						w.Flush()
						fmt.Fprintf(c.App.Writer, "round %d: %d contributions, %d voided\n", r.Number, r.Contributions, r.Voided)
						return nil
					})
				},
			},
			{
				Name:      "void",
				Usage:     "void a contribution of an open round: kept and listed, left out of the computation",
				ArgsUsage: "ID",
				Description: `Voids the contribution ID (qf contribution list shows the ids) of an open
round, saying why. It stays stored and listed, stats count it as voided, and
qf match and qf stats compute the round exactly as if it had never been
imported. Its id stays taken: import a corrected contribution under another
id. A closed round's contributions are final, and a contribution paid
through qf serve's ledger cannot be voided (its funds sit in escrow).`,
				Flags: []cli.Flag{
					roundFlag(),
					&cli.StringFlag{Name: "reason", Usage: "why the contribution is voided (`TEXT`, kept with it)", Required: true},
				},
				Action: func(c *cli.Context) error {
					if !c.IsSet("round") {
						return usageErr("--round is required")
					}
					id, err := oneArg(c, "ID")
					if err != nil {
						return err
					}
					return withStore(c, func(s *store.Store) error {
						r, err := s.VoidContribution(c.Uint64("round"), id, c.String("reason"))
						if err != nil {
							return err
						}
						if wantJSON(c) {
							return printJSON(c, map[string]any{"round": r.Number, "id": id, "voided": true, "reason": c.String("reason"),
								"contributions": r.Contributions, "voidedTotal": r.Voided})
						}
						fmt.Fprintf(c.App.Writer, "round %d: voided contribution %s (%d of %d contributions voided)\n", r.Number, id, r.Voided, r.Contributions)
						return nil
					})
				},
			},
		},
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
