package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qf-dev/qf/ledger"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/store"
)

// agentNameArg reads the one NAME argument of qf agent revoke/rotate.
func agentNameArg(c *cli.Context, cmd string) (string, error) {
	if c.Args().Len() != 1 {
		return "", usageErr("qf agent %s NAME: one agent name", cmd)
	}
	return c.Args().First(), nil
}

func agentRevokeCommand() *cli.Command {
	return &cli.Command{
		Name:      "revoke",
		Usage:     "revoke an agent's key for good (its balance stays in its account; the name stays taken)",
		ArgsUsage: "NAME",
		Description: `No key works for the agent again, credits to it are refused, and its name
cannot be added again (its account and journal are never another's). Run it
with qf serve stopped. To give the agent a new key instead, use qf agent rotate.`,
		Action: func(c *cli.Context) error {
			name, err := agentNameArg(c, "revoke")
			if err != nil {
				return err
			}
			return withStore(c, func(s *store.Store) error {
				a, err := s.RevokeAgent(name)
				if err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, map[string]any{"name": a.Name, "revoked": a.Revoked})
				}
				fmt.Fprintf(c.App.Writer, "agent %s revoked: its key no longer works\n", a.Name)
				return nil
			})
		},
	}
}

func agentRotateCommand() *cli.Command {
	return &cli.Command{
		Name:      "rotate",
		Usage:     "replace an agent's key: the old one stops working, the new one is shown once",
		ArgsUsage: "NAME",
		Description: `The agent keeps its name, balance and journal. Run it with qf serve stopped.
Idempotency keys the agent used stay bound to it.`,
		Action: func(c *cli.Context) error {
			name, err := agentNameArg(c, "rotate")
			if err != nil {
				return err
			}
			return withStore(c, func(s *store.Store) error {
				a, key, err := s.RotateAgent(name)
				if err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, map[string]any{"name": a.Name, "admin": a.Admin, "key": key})
				}
				fmt.Fprintf(c.App.Writer, "agent %s has a new API key, shown only now (the old one no longer works):\n%s\n", a.Name, key)
				return nil
			})
		},
	}
}

func ledgerVoidCommand() *cli.Command {
	return &cli.Command{
		Name:      "void-round",
		Usage:     "void the open service round: every contribution goes back from its escrow to its agent, in one batch",
		ArgsUsage: "ROUND",
		Description: `The admin's remedy for a round that cannot be matched (the service logs and
retries a failed match, leaving the round open). ROUND must be the open round
(qf round list), so that a stale command never voids the next one. The round is
marked void, each refund is journaled, and the next round opens with the same
settings. Run it with qf serve stopped, or POST /api/rounds/ROUND/void with the
admin key while it runs.`,
		Flags: []cli.Flag{roundFlag()},
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				l, err := ledger.New(s)
				if err != nil {
					return err
				}
				rec, err := l.VoidRound(ledger.Origin{Key: "cli"}, n)
				if err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, rec)
				}
				total := 0
				for _, g := range rec.Gaps {
					fmt.Fprintf(c.App.Writer, "gap %s: %s refunded\n", g.Gap, g.Refunded)
					total++
				}
				fmt.Fprintf(c.App.Writer, "round %d voided: contributions to %d gaps refunded; round %d is open\n", rec.Round, total, rec.Round+1)
				return nil
			})
		},
	}
}

func ledgerJournalCommand() *cli.Command {
	return &cli.Command{
		Name:  "journal",
		Usage: "the ledger's double-entry journal: every credit, fund, match, refund and void, with who asked and when",
		Description: `One line per entry: sequence number, time, kind, amount, from → to (a credit
mints: no from), round, the key that asked (agent or admin name, cli,
scheduler) and the request id. --account keeps the entries that move an
account; --round those of a round; --from and --limit page through it.`,
		Flags: []cli.Flag{
			&cli.Uint64Flag{Name: "from", Usage: "start at sequence number `SEQ`"},
			&cli.IntFlag{Name: "limit", Value: 1000, Usage: "show at most `N` entries (0: all)"},
			accountNameFlag(),
			noEnv(roundFlag()),
		},
		Action: func(c *cli.Context) error {
			acct := c.String("account")
			if acct != "" {
				if err := ledger.ValidAccount(acct); err != nil {
					return fmt.Errorf("--account: %w", err)
				}
			}
			if c.Int("limit") < 0 {
				return usageErr("--limit %d: want 0 or more", c.Int("limit"))
			}
			return withStore(c, func(s *store.Store) error {
				out := []ledger.JournalEntry{}
				limit := c.Int("limit")
				err := ledger.Journal(s, c.Uint64("from"), func(e ledger.JournalEntry) bool {
					if acct != "" && e.From != acct && e.To != acct {
						return true
					}
					if c.IsSet("round") && e.Round != c.Uint64("round") {
						return true
					}
					out = append(out, e)
					return limit == 0 || len(out) < limit
				})
				if err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, out)
				}
				for _, e := range out {
					from := e.From
					if from == "" {
						from = "(minted)"
					}
					var extra []string
					if e.Round != 0 {
						extra = append(extra, "round "+strconv.FormatUint(e.Round, 10))
					}
					extra = append(extra, "key "+e.Key)
					if e.Request != "" {
						extra = append(extra, "request "+e.Request)
					}
					fmt.Fprintf(c.App.Writer, "%d %s %-7s %s %s -> %s  %s\n", e.Seq, e.At.Format("2006-01-02T15:04:05Z"), e.Kind, e.Amount, from, e.To, strings.Join(extra, ", "))
				}
				return nil
			})
		},
	}
}
