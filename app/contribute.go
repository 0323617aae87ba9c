package app

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/store"
)

func contributeCommand() *cli.Command {
	return &cli.Command{
		Name:  "contribute",
		Usage: "record one contribution to an open round",
		Description: `Records one contribution. Without --id each call is a new contribution;
pass --id (e.g. a transaction hash) to make retries safe: a repeated id is
stored once, and a repeated id with other content is refused. The row
passes the same checks as an imported one (see qf import contributions).`,
		Flags: withEnv([]cli.Flag{
			roundFlag(),
			required(gapIDFlag()),
			&cli.StringFlag{Name: "donor", Usage: "donor `ADDRESS` or agent id", Required: true},
			amountFlag(),
			unitsFlag(),
			&cli.StringFlag{Name: "id", Usage: "contribution `ID` for idempotency"},
			&cli.StringFlag{Name: "weight", Usage: "donor weight, e.g. 1.5 for an expert"},
			&cli.StringFlag{Name: "score", Usage: "donor identity score (with a round --score-scale)"},
		}, "units", "QF_UNITS"),
		Action: func(c *cli.Context) error {
			if !c.IsSet("round") {
				return usageErr("--round is required")
			}
			g, err := gapFlag(c, "gap")
			if err != nil {
				return err
			}
			d, err := calc.NormalizeDonor(c.String("donor"))
			if err != nil {
				return fmt.Errorf("--donor: %w", err)
			}
			if c.IsSet("weight") {
				if _, err := calc.ParseWeight(c.String("weight")); err != nil {
					return fmt.Errorf("--weight: %w", err)
				}
			}
			id := c.String("id")
			if id == "" {
				var b [16]byte
				_, _ = rand.Read(b[:])
				id = "cli:" + hex.EncodeToString(b[:])
			}
			return withStore(c, func(s *store.Store) error {
				r, err := s.Round(c.Uint64("round"))
				if err != nil {
					return err
				}
				adec, err := amountDecimals(c, r.Decimals, noDecimalsRound(r.Number))
				if err != nil {
					return err
				}
				a, err := calc.ParseAmount(c.String("amount"), adec)
				if err != nil {
					return fmt.Errorf("--amount: %w", err)
				}
				if a.IsZero() {
					return fmt.Errorf("--amount: %w", calc.ErrZeroAmount)
				}
				row := ingest.Row{ID: []byte(id), Donor: []byte(d), Gap: g, Amount: a, Weight: []byte(c.String("weight")), Score: []byte(c.String("score"))}
				st, err := s.Import(r.Number, func(add func(*ingest.Row) error) error { return add(&row) })
				if err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, map[string]any{"id": id, "stored": st.Added == 1})
				}
				if st.Added == 0 {
					fmt.Fprintf(c.App.Writer, "contribution %s was already stored\n", id)
				} else {
					fmt.Fprintf(c.App.Writer, "stored contribution %s\n", id)
				}
				return nil
			})
		},
	}
}
