package app

import (
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/qf-dev/qf/ledger"

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

  POST /api/gaps/{gap}/fund            agent key  {"amount":"1000"}  + Idempotency-Key header (required)
  GET  /api/gaps/{gap}/funding         escrow, this round's direct and projected match, past matches (paged)
  GET  /api/gaps/funding/stats         the open round, projected matches (paged), the pool
  POST /api/gaps/funding/match         admin key: close the round now
  POST /api/rounds/{round}/void        admin key: void the open round, refunding every escrow
  GET  /api/rounds/{round}/proofs/{gap}, GET /api/rounds/{round}/tree
  GET  /rounds/{round}/                the round page in a browser: gaps, chart, claim, verify
  GET  /api/me (own balance), POST /api/accounts/{account}/credit (admin), POST /api/agents (admin)
  GET  /healthz, GET /metrics (Prometheus)

Keys come from qf agent add (run it before serving, or POST /api/agents with the
admin key). Accounts are funded with qf ledger credit or the credit endpoint;
the matching pool is the account "pool". With --match-every the open round is
matched at --match-at + k * PERIOD (the anchor is kept in the database; without
--match-at the first start anchors the schedule and matches nothing then), and a
match that came due while the service was down runs once at start. The clock is
read again every minute, so clock steps either way are followed; a last match
stamped in the future (a clock that was fast) is logged and ignored.

A match never stops the service. Funds the round's mechanism could not match
are refused when asked (422): cqf totals of 2^200 and more, and in cocm,
pairwise and cluster rounds amounts spanning more than the mechanism's exact
range (10^5 for cocm, 10^9 for pairwise and cluster). A match that fails anyway
is logged, counted and retried with backoff (--retry-min doubling up to the
period or an hour) with the round left open; the admin can void it, refunding
every contribution: qf ledger void-round N (service stopped) or POST
/api/rounds/N/void.

Storage: if a write fails (disk full, I/O error) qf serve logs it and exits
with status 1, so that a supervisor restarts it on what was made durable
(every acknowledged request is); below --min-free bytes free, writes get 503
before the disk fills. Pebble's errors go to the log (stderr); --storage-log
adds its informational messages.

--mechanism, --param and --cap-bps set the rounds' settings on a new database;
on an existing one, if they differ from the open round's, they apply from the
next round on, with a warning. Without them the open round's settings stay.

  qf agent add ops --admin && qf agent add alice
  qf ledger credit --to pool --amount 1000000 && qf ledger credit --to agent:alice --amount 5000
  qf serve --addr 127.0.0.1:8080 --match-every 6h

Limits (each flag also reads the QF_ variable named after it, e.g. QF_RATE_PER_KEY):
requests must send their headers within --read-header-timeout and all of
their body within --read-timeout (slow bodies are cut off); idle keep-alive
connections close after --idle-timeout; at most --max-conns connections are
open (more wait in the kernel's backlog) and at most --max-conns-per-ip from
one address (more are closed at once). Over --rate-per-ip or --rate-per-key
requests/s (bursts of twice that) a request gets 429 with Retry-After. POST
fund requires an Idempotency-Key header (at most 128 bytes); JSON bodies with
a key given twice (in any case), an unknown or mis-cased key, or an amount
that is not plain digits ("+5", "007", "1e3", " 5") get 400. /stats and
/gaps/{gap}/funding serve the open round's projection at most --stats-refresh
(plus one computation) old; lists are paginated (?limit=&after=, the reply's
nextAfter). One access-log line per request (method, route, status,
duration, client address, the key's agent name; never a key or an
idempotency key) goes to --access-log. With --tls-cert and --tls-key the
API is HTTPS only.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", EnvVars: []string{"QF_ADDR"}, Usage: "listen on `HOST:PORT`"},
			&cli.DurationFlag{Name: "match-every", EnvVars: []string{"QF_MATCH_EVERY"}, Usage: "match on this `PERIOD` (e.g. 6h); 0: only on POST /api/gaps/funding/match"},
			withStringEnv(poolSizeFlagDef(), "QF_POOL_SIZE"),
			&cli.StringFlag{Name: "match-at", EnvVars: []string{"QF_MATCH_AT"}, Usage: "anchor the schedule at `TIME` (RFC 3339, e.g. 2026-12-01T00:00:00Z): matches at TIME + k * --match-every"},
			&cli.DurationFlag{Name: "retry-min", Value: time.Minute, EnvVars: []string{"QF_RETRY_MIN"}, Usage: "first wait after a failed scheduled match (`DURATION`; doubles up to the period or an hour)"},
			&cli.BoolFlag{Name: "storage-log", EnvVars: []string{"QF_STORAGE_LOG"}, Usage: "also log Pebble's informational messages (WAL replay, flushes, compactions); its errors are always logged"},
			&cli.Uint64Flag{Name: "min-free", Value: 64 << 20, EnvVars: []string{"QF_MIN_FREE"}, Usage: "refuse writes with 503 when the database's filesystem has under `BYTES` free (0: never)"},
			&cli.StringFlag{Name: "mechanism", EnvVars: []string{"QF_MECHANISM"}, Usage: mechanismUsage("`NAME` of the mechanism for the rounds the service opens (default qf on a new database; under cqf, funding is pledging a limit, and at the match each pledge pays its share to the gap and the rest goes back to the agent)")},
			paramFlag(),
			capBpsFlagDef(),
		}, httpFlags()...),
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
	cfg := service.Config{MatchEvery: c.Duration("match-every"), RetryMin: c.Duration("retry-min")}
	if c.IsSet("mechanism") || c.IsSet("param") || c.IsSet("cap-bps") {
		cfg.Round = calc.Config{Mechanism: c.String("mechanism"), Params: params, CapBps: capBps}
		if cfg.Round.Mechanism == "" {
			cfg.Round.Mechanism = "qf"
		}
		if len(params) == 0 {
			cfg.Round.Params = nil
		}
	}
	if cfg.MatchEvery < 0 {
		return usageErr("--match-every %s: want a positive period", cfg.MatchEvery)
	}
	if cfg.RetryMin <= 0 {
		return usageErr("--retry-min %s: want a positive duration", cfg.RetryMin)
	}
	if v := c.String("match-at"); v != "" {
		if cfg.MatchAt, err = time.Parse(time.RFC3339, v); err != nil {
			return usageErr("--match-at %q: want an RFC 3339 time such as 2026-12-01T00:00:00Z", v)
		}
		if cfg.MatchEvery == 0 {
			return usageErr("--match-at needs --match-every")
		}
	}
	if cfg.PoolSize, err = poolSizeFlag(c); err != nil {
		return err
	}
	var closeLog func() error
	if cfg.HTTP, closeLog, err = httpConfig(c); err != nil {
		return err
	}
	defer closeLog()
	logger := log.New(c.App.ErrWriter, "qf: ", log.LstdFlags|log.LUTC)
	cfg.Log = logger
	opts := store.Options{Log: logger, Verbose: c.Bool("storage-log"), MinFree: c.Uint64("min-free"), OnFail: func(err error) {
		// Fail-stop: what was acknowledged is durable; a supervisor
		// restarts the service on it.
		logger.Printf("%v; exiting so that qf serve restarts on what was made durable", err)
		_ = closeLog() // the buffered access log's last lines
		exit(1)
	}}
	s, err := store.OpenWith(c.String("db"), opts)
	if err != nil {
		return err
	}
	defer s.Close()
	{
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
		scheme := "http"
		if cfg.HTTP.TLSCert != "" {
			scheme = "https"
		}
		if wantJSON(c) {
			if err := printJSON(c, map[string]string{"serving": scheme + "://" + l.Addr().String()}); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(c.App.ErrWriter, "qf: serving on %s://%s\n", scheme, l.Addr())
		}
		return srv.Serve(ctx, l)
	}
}

// exit ends the process (qf serve's fail-stop).
var exit = os.Exit

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
							Name    string     `json:"name"`
							Admin   bool       `json:"admin"`
							Created time.Time  `json:"created"`
							Rotated *time.Time `json:"rotated,omitempty"`
							Revoked *time.Time `json:"revoked,omitempty"`
						}
						out := []row{}
						for _, a := range as {
							out = append(out, row{a.Name, a.Admin, a.Created, a.Rotated, a.Revoked})
						}
						return printJSON(c, out)
					}
					for _, a := range as {
						role := "agent"
						if a.Admin {
							role = "admin"
						}
						if a.Revoked != nil {
							role += " (revoked)"
						}
						fmt.Fprintf(c.App.Writer, "%-20s %s\n", a.Name, role)
					}
					return nil
				})
			},
		}, agentRevokeCommand(), agentRotateCommand()},
	}
}

func withLedger(c *cli.Context, fn func(*store.Store, *ledger.Ledger) error) error {
	return withStore(c, func(s *store.Store) error {
		l, err := ledger.New(s)
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
			Usage: "mint tokens into the pool or an agent's account (pool, agent:NAME); escrows move only through fund and match",
			Flags: []cli.Flag{
				toFlag(),
				amountFlag(),
			},
			Action: func(c *cli.Context) error {
				a, err := amountArg(c)
				if err != nil {
					return err
				}
				return withLedger(c, func(_ *store.Store, l *ledger.Ledger) error {
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
				return withLedger(c, func(_ *store.Store, l *ledger.Ledger) error {
					b, err := l.Balance(c.Args().First())
					if err != nil {
						return err
					}
					return printBalance(c, c.Args().First(), b)
				})
			},
		}, {
			Name:  "check",
			Usage: "verify the ledger: balances add up to the supply, the journal replays to every balance, every contribution of a service round has its fund entry",
			Action: func(c *cli.Context) error {
				return withLedger(c, func(_ *store.Store, l *ledger.Ledger) error {
					rep, err := l.Check()
					if err != nil {
						return err
					}
					if wantJSON(c) {
						return printJSON(c, rep)
					}
					fmt.Fprintf(c.App.Writer, "ledger consistent: %d accounts, supply %s = agents %s + escrow %s + pool %s\n",
						rep.Accounts, rep.Supply, rep.Agents, rep.Escrow, rep.Pool)
					fmt.Fprintf(c.App.Writer, "journal: %d entries replay to every balance; %d contributions each have their fund entry\n", rep.Entries, rep.Contributions)
					if rep.Unfunded > 0 {
						fmt.Fprintf(c.App.Writer, "%d contributions with no fund entry are in voided rounds (never matched nor refunded)\n", rep.Unfunded)
					}
					return nil
				})
			},
		}, {
			Name:  "fund",
			Usage: "an agent funds a gap from its balance (what POST /api/gaps/{gap}/fund does; the design's --qf-contribute)",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "agent", Required: true, Usage: "agent `NAME`"},
				required(gapIDFlag()),
				amountFlag(),
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
					rc, replay, err := srv.Ledger().FundSync(ledger.FundRequest{Agent: c.String("agent"), Gap: g, Amount: a, Key: c.String("key")})
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
			Flags: []cli.Flag{poolSizeFlagDef()},
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
					rec, err := srv.MatchAs(ledger.Origin{Key: "cli"})
					if err != nil {
						return err
					}
					if wantJSON(c) {
						return printJSON(c, rec)
					}
					if len(rec.Gaps) > 0 && rec.Gaps[0].Paid != nil {
						fmt.Fprintf(c.App.Writer, "round %d (cqf) closed: pledges pay %s to %d gaps, the rest went back to the pledgers\nroot %s\n", rec.Round, rec.Matched, rec.GapsFunded, rec.Root)
						return nil
					}
					fmt.Fprintf(c.App.Writer, "round %d matched: %s of %s paid to %d gaps\nroot %s\n", rec.Round, rec.Matched, rec.Pool, rec.GapsFunded, rec.Root)
					return nil
				})
			},
		}, ledgerVoidCommand(), ledgerJournalCommand()},
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
