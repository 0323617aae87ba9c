package app

import (
	"fmt"
	"net"
	"os/signal"
	"syscall"
	"time"

	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "the HTTP API: a token ledger with escrow, authenticated funding and scheduled matching",
		Description: `Serves the API documented in package service on --addr:

  POST /api/gaps/{gap}/fund            agent key  {"amount":"1000"}  (Idempotency-Key header honoured)
  GET  /api/gaps/{gap}/funding         escrow, this round's direct and projected match, past matches
  GET  /api/gaps/funding/stats         the open round, projected matches, the pool
  POST /api/gaps/funding/match         admin key: close the round now
  GET  /api/rounds/{round}/proofs/{gap}, GET /api/rounds/{round}/tree
  GET  /rounds/{round}/                the round page in a browser: gaps, chart, claim, verify
  GET  /api/me (own balance), POST /api/accounts/{account}/credit (admin), POST /api/agents (admin)
  GET  /healthz, GET /metrics (Prometheus)

Keys come from qf agent add (run it before serving, or POST /api/agents with the
admin key). Accounts are funded with qf ledger credit or the credit endpoint;
the matching pool is the account "pool". With --match-every the open round is
matched on that period (counted from the last match, kept in the database), and
a match that came due while the service was down runs once at start.

  qf agent add ops --admin && qf agent add alice
  qf ledger credit --to pool --amount 1000000 && qf ledger credit --to agent:alice --amount 5000
  qf serve --addr 127.0.0.1:8080 --match-every 6h`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", EnvVars: []string{"QF_ADDR"}, Usage: "listen on `HOST:PORT`"},
			&cli.DurationFlag{Name: "match-every", EnvVars: []string{"QF_MATCH_EVERY"}, Usage: "match on this `PERIOD` (e.g. 6h); 0: only on POST /api/gaps/funding/match"},
			&cli.StringFlag{Name: "pool-size", EnvVars: []string{"QF_POOL_SIZE"}, Usage: "pay at most `AMOUNT` per match (default: the pool account's whole balance)"},
			&cli.StringFlag{Name: "mechanism", Value: "qf", Usage: "`NAME` of the mechanism for the rounds the service opens (cqf: funding is pledging a limit; at the match each pledge pays its share to the gap and the rest goes back to the agent)"},
			&cli.StringSliceFlag{Name: "param", Usage: "mechanism parameter `k=v` (repeatable)"},
			&cli.UintFlag{Name: "cap-bps", Usage: "cap each gap at `N`/10000 of the pool"},
		},
		Action: runServe,
	}
}

func runServe(c *cli.Context) error {
	params, err := calc.ParseParams(c.StringSlice("param"))
	if err != nil {
		return fmt.Errorf("--param: %w", err)
	}
	capBps, err := capBpsFlag(c)
	if err != nil {
		return err
	}
	cfg := service.Config{Round: calc.Config{Mechanism: c.String("mechanism"), Params: params, CapBps: capBps}, MatchEvery: c.Duration("match-every")}
	if len(params) == 0 {
		cfg.Round.Params = nil
	}
	if cfg.MatchEvery < 0 {
		return usageErr("--match-every %s: want a positive period", cfg.MatchEvery)
	}
	if cfg.PoolSize, err = poolSizeFlag(c); err != nil {
		return err
	}
	return withStore(c, func(s *store.Store) error {
		srv, err := service.New(s, cfg)
		if err != nil {
			return err
		}
		l, err := net.Listen("tcp", c.String("addr"))
		if err != nil {
			return fmt.Errorf("listening on %s: %w", c.String("addr"), err)
		}
		ctx, stop := signal.NotifyContext(c.Context, syscall.SIGINT, syscall.SIGTERM)
		defer stop()
		fmt.Fprintf(c.App.ErrWriter, "qf: serving on http://%s\n", l.Addr())
		return srv.Serve(ctx, l)
	})
}

func agentCommand() *cli.Command {
	return &cli.Command{
		Name:  "agent",
		Usage: "API keys of the service's agents",
		Subcommands: []*cli.Command{{
			Name:      "add",
			Usage:     "add an agent and print its API key (shown once; only its hash is stored)",
			ArgsUsage: "NAME",
			Flags:     []cli.Flag{&cli.BoolFlag{Name: "admin", Usage: "the key may run matches, credit accounts and add agents"}},
			Action: func(c *cli.Context) error {
				// Flags may follow the name too (qf agent add ops --admin).
				name, admin, asJSON := "", c.Bool("admin"), wantJSON(c)
				for _, a := range c.Args().Slice() {
					switch {
					case a == "--admin" || a == "-admin":
						admin = true
					case a == "--json" || a == "-json":
						asJSON = true
					case name == "":
						name = a
					default:
						return usageErr("qf agent add NAME [--admin]: one name at a time")
					}
				}
				if name == "" {
					return usageErr("qf agent add NAME [--admin]")
				}
				return withStore(c, func(s *store.Store) error {
					a, key, err := s.AddAgent(name, admin)
					if err != nil {
						return err
					}
					if asJSON {
						return printJSON(c, map[string]any{"name": a.Name, "admin": a.Admin, "key": key})
					}
					fmt.Fprintf(c.App.Writer, "agent %s added; its API key, shown only now:\n%s\n", a.Name, key)
					return nil
				})
			},
		}, {
			Name:  "list",
			Usage: "list agents (names and roles; keys are never shown again)",
			Action: func(c *cli.Context) error {
				return withStore(c, func(s *store.Store) error {
					as, err := s.Agents()
					if err != nil {
						return err
					}
					if wantJSON(c) {
						type row struct {
							Name    string    `json:"name"`
							Admin   bool      `json:"admin"`
							Created time.Time `json:"created"`
						}
						out := []row{}
						for _, a := range as {
							out = append(out, row{a.Name, a.Admin, a.Created})
						}
						return printJSON(c, out)
					}
					for _, a := range as {
						role := "agent"
						if a.Admin {
							role = "admin"
						}
						fmt.Fprintf(c.App.Writer, "%-20s %s\n", a.Name, role)
					}
					return nil
				})
			},
		}},
	}
}

func withLedger(c *cli.Context, fn func(*store.Store, *store.Ledger) error) error {
	return withStore(c, func(s *store.Store) error {
		l, err := s.Ledger()
		if err != nil {
			return err
		}
		return fn(s, l)
	})
}

func amountArg(c *cli.Context) (uint256.Int, error) {
	a, err := calc.ParseAmount(c.String("amount"), 0)
	if err != nil {
		return a, fmt.Errorf("--amount: %w", err)
	}
	if a.IsZero() {
		return a, fmt.Errorf("--amount: %w: must be positive", calc.ErrAmount)
	}
	return a, nil
}

func ledgerCommand() *cli.Command {
	return &cli.Command{
		Name:  "ledger",
		Usage: "the service's token ledger (run while qf serve is stopped)",
		Subcommands: []*cli.Command{{
			Name:  "credit",
			Usage: "mint tokens into an account: pool, agent:NAME or gap:ID",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "to", Required: true, Usage: "`ACCOUNT`"},
				&cli.StringFlag{Name: "amount", Required: true, Usage: "`AMOUNT` in base units"},
			},
			Action: func(c *cli.Context) error {
				a, err := amountArg(c)
				if err != nil {
					return err
				}
				return withLedger(c, func(_ *store.Store, l *store.Ledger) error {
					b, err := l.Credit(c.String("to"), &a)
					if err != nil {
						return err
					}
					return printBalance(c, c.String("to"), b)
				})
			},
		}, {
			Name:      "balance",
			Usage:     "an account's balance",
			ArgsUsage: "ACCOUNT",
			Action: func(c *cli.Context) error {
				if c.Args().Len() != 1 {
					return usageErr("qf ledger balance ACCOUNT (pool, agent:NAME or gap:ID)")
				}
				return withLedger(c, func(_ *store.Store, l *store.Ledger) error {
					b, err := l.Balance(c.Args().First())
					if err != nil {
						return err
					}
					return printBalance(c, c.Args().First(), b)
				})
			},
		}, {
			Name:  "check",
			Usage: "verify the ledger: balances add up to the supply, escrows to their contributions and matches",
			Action: func(c *cli.Context) error {
				return withLedger(c, func(_ *store.Store, l *store.Ledger) error {
					rep, err := l.Check()
					if err != nil {
						return err
					}
					if wantJSON(c) {
						return printJSON(c, rep)
					}
					fmt.Fprintf(c.App.Writer, "ledger consistent: %d accounts, supply %s = agents %s + escrow %s + pool %s\n",
						rep.Accounts, rep.Supply, rep.Agents, rep.Escrow, rep.Pool)
					return nil
				})
			},
		}, {
			Name:  "fund",
			Usage: "an agent funds a gap from its balance (what POST /api/gaps/{gap}/fund does; the design's --qf-contribute)",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "agent", Required: true, Usage: "agent `NAME`"},
				&cli.StringFlag{Name: "gap", Required: true, Usage: "gap `ID`"},
				&cli.StringFlag{Name: "amount", Required: true, Usage: "`AMOUNT` in base units"},
				&cli.StringFlag{Name: "key", Usage: "idempotency `KEY`: a repeat with it moves nothing"},
			},
			Action: func(c *cli.Context) error {
				a, err := amountArg(c)
				if err != nil {
					return err
				}
				g, err := gapFlag(c, "gap")
				if err != nil {
					return err
				}
				return withStore(c, func(s *store.Store) error {
					srv, err := service.New(s, service.Config{}) // opens a round if none is
					if err != nil {
						return err
					}
					rc, replay, err := srv.Ledger().FundSync(store.FundRequest{Agent: c.String("agent"), Gap: g, Amount: a, Key: c.String("key")})
					if err != nil {
						return err
					}
					if wantJSON(c) {
						return printJSON(c, rc)
					}
					note := ""
					if replay {
						note = " (already done with this key; nothing moved)"
					}
					fmt.Fprintf(c.App.Writer, "%s funded gap %s with %s in round %d%s; balance %s, escrow %s\n",
						rc.Agent, rc.Gap, rc.Amount, rc.Round, note, rc.Balance, rc.Escrow)
					return nil
				})
			},
		}, {
			Name:  "match",
			Usage: "close the open service round: pay matches from the pool into escrows, open the next (the design's --qf-match)",
			Flags: []cli.Flag{&cli.StringFlag{Name: "pool-size", Usage: "pay at most `AMOUNT` (default: the pool's balance)"}},
			Action: func(c *cli.Context) error {
				size, err := poolSizeFlag(c)
				if err != nil {
					return err
				}
				return withStore(c, func(s *store.Store) error {
					srv, err := service.New(s, service.Config{PoolSize: size})
					if err != nil {
						return err
					}
					rec, err := srv.Match()
					if err != nil {
						return err
					}
					if wantJSON(c) {
						return printJSON(c, rec)
					}
					if len(rec.Gaps) > 0 && rec.Gaps[0].Paid != "" {
						fmt.Fprintf(c.App.Writer, "round %d (cqf) closed: pledges pay %s to %d gaps, the rest went back to the pledgers\nroot %s\n", rec.Round, rec.Matched, rec.GapsFunded, rec.Root)
						return nil
					}
					fmt.Fprintf(c.App.Writer, "round %d matched: %s of %s paid to %d gaps\nroot %s\n", rec.Round, rec.Matched, rec.Pool, rec.GapsFunded, rec.Root)
					return nil
				})
			},
		}},
	}
}

// poolSizeFlag reads --pool-size: nil (the pool's whole balance) when not given.
func poolSizeFlag(c *cli.Context) (*uint256.Int, error) {
	p := c.String("pool-size")
	if p == "" {
		return nil, nil
	}
	a, err := calc.ParseAmount(p, 0)
	if err != nil {
		return nil, fmt.Errorf("--pool-size: %w", err)
	}
	return &a, nil
}

func printBalance(c *cli.Context, account string, b *uint256.Int) error {
	if wantJSON(c) {
		return printJSON(c, service.Balance{Account: account, Balance: b.Dec()})
	}
	_, err := fmt.Fprintf(c.App.Writer, "%s %s\n", account, b.Dec())
	return err
}
