package app

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/store"
)

func roundCommand() *cli.Command {
	return &cli.Command{
		Name:  "round",
		Usage: "create, list and show rounds",
		Subcommands: []*cli.Command{
			{
				Name:      "create",
				Usage:     "create an open round",
				UsageText: "qf round create --pool AMOUNT [--mechanism qf] [--decimals 18] [--cap-bps N] ...",
				Flags: withEnv(append([]cli.Flag{
					&cli.Uint64Flag{Name: "number", Usage: "round `NUMBER` (default: the next free one)"},
					&cli.StringFlag{Name: "name", Usage: "a label for people"},
				}, configFlags()...), "mechanism", "QF_MECHANISM"),
				Action: func(c *cli.Context) error {
					cfg, leaf, dec, err := configFromFlags(c)
					if err != nil {
						return err
					}
					return withStore(c, func(s *store.Store) error {
						r, err := s.CreateRound(store.Round{Number: c.Uint64("number"), Name: c.String("name"), Config: cfg, Decimals: dec, Leaf: string(leaf)})
						if err != nil {
							return err
						}
						if !wantJSON(c) {
							fmt.Fprintf(c.App.Writer, "created round %d\n", r.Number)
							return nil
						}
						return printJSON(c, r)
					})
				},
			},
			{
				Name:  "list",
				Usage: "list rounds",
				Action: func(c *cli.Context) error {
					return withStore(c, func(s *store.Store) error {
						rs, err := s.Rounds()
						if err != nil {
							return err
						}
						if wantJSON(c) {
							if rs == nil {
								rs = []store.Round{}
							}
							return printJSON(c, rs)
						}
						if len(rs) == 0 {
							fmt.Fprintln(c.App.Writer, "no rounds yet: qf round create --pool AMOUNT")
						}
						for _, r := range rs {
							fmt.Fprintf(c.App.Writer, "%d\t%s\t%s\tpool %s\t%d contributions\n", r.Number, r.Status, r.Config.Mechanism, show(r.Config.Pool.Dec(), r.Decimals), r.Contributions)
						}
						return nil
					})
				},
			},
			{
				Name:      "show",
				Usage:     "show a round's settings and status",
				ArgsUsage: "ROUND",
				Flags:     []cli.Flag{roundFlag()},
				Action: func(c *cli.Context) error {
					return withRound(c, func(s *store.Store, n uint64) error {
						r, err := s.Round(n)
						if err != nil {
							return err
						}
						return printRound(c, r)
					})
				},
			},
		},
	}
}
