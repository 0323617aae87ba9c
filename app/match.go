package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// computeStored computes a stored round from its contributions.
func computeStored(c *cli.Context, s *store.Store, r store.Round) (*round.Outcome, error) {
	gaps, err := s.Gaps()
	if err != nil {
		return nil, err
	}
	bar := newProgress(c.App.ErrWriter, int64(r.Contributions), "matching", false)
	defer bar.done()
	n := 0
	in := round.Inputs{Gaps: gaps, Config: r.Config, Leaf: payout.Leaf(r.Leaf), SizeHint: r.Contributions}
	return round.Compute(in, func(l *ingest.Loader) error {
		return s.EachContribution(r.Number, func(row *ingest.Row) error {
			if n++; n&0xffff == 0 {
				bar.set(n)
			}
			if err := l.Add(row); err != nil {
				return fmt.Errorf("round %d contribution %s: %w", r.Number, row.ID, err)
			}
			return nil
		})
	})
}

func matchCommand() *cli.Command {
	return &cli.Command{
		Name:  "match",
		Usage: "close a round: compute matches, build and store the tree, print the root",
		Description: `Closes an open round. Afterwards the round takes no contributions,
and qf proof, qf tree and qf stats serve its stored results.`,
		Flags: []cli.Flag{roundFlag()},
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				if r.Status != store.StatusOpen {
					return fmt.Errorf("round %d is already %s with root %s", n, r.Status, r.Root.Hex())
				}
				out, err := computeStored(c, s, r)
				if err != nil {
					return err
				}
				if _, err := s.CloseRound(n, out.Report, out.Tree); err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, out.Report)
				}
				fmt.Fprintf(c.App.Writer, "round %d closed: %d gaps matched, %s of %s paid out\nroot %s\n",
					n, len(payout.Payouts(out.Result)), show(out.Report.Matched, r.Decimals), show(out.Report.Pool, r.Decimals), rootString(out.Report))
				return nil
			})
		},
	}
}

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "per-gap and round-wide breakdown (projected for an open round)",
		Flags: []cli.Flag{
			roundFlag(),
			&cli.StringFlag{Name: "gap", Usage: "only this gap `ID`"},
		},
		Action: func(c *cli.Context) error {
			return withStore(c, func(s *store.Store) error {
				n := c.Uint64("round")
				if !c.IsSet("round") {
					rs, err := s.Rounds()
					if err != nil {
						return err
					}
					if len(rs) == 0 {
						return usageErr("no rounds yet: qf round create --pool AMOUNT")
					}
					n = rs[len(rs)-1].Number
				}
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				var rep *payout.Report
				if r.Status == store.StatusOpen {
					out, err := computeStored(c, s, r)
					if err != nil {
						return err
					}
					rep = out.Report
				} else if rep, err = s.Report(n); err != nil {
					return err
				}
				if c.IsSet("gap") {
					g, err := gapFlag(c, "gap")
					if err != nil {
						return err
					}
					var keep []payout.GapReport
					for _, gr := range rep.Gaps {
						if gr.Gap == g.Dec() {
							keep = append(keep, gr)
						}
					}
					if keep == nil {
						return fmt.Errorf("%w %s", calc.ErrUnknownGap, g.Dec())
					}
					rep.Gaps = keep
				}
				if !wantJSON(c) {
					state := "projected (round open)"
					if r.Status != store.StatusOpen {
						state = string(r.Status)
					}
					fmt.Fprintf(c.App.Writer, "round %d, %s\n", n, state)
				}
				return printReport(c, rep, r.Decimals)
			})
		},
	}
}

func proofCommand() *cli.Command {
	return &cli.Command{
		Name:  "proof",
		Usage: "print a gap's proof file for claimMatching",
		Flags: []cli.Flag{
			roundFlag(),
			&cli.StringFlag{Name: "gap", Usage: "gap `ID`", Required: true},
			&cli.StringFlag{Name: "out", Usage: "write to `FILE` instead of stdout"},
		},
		Action: func(c *cli.Context) error {
			g, err := gapFlag(c, "gap")
			if err != nil {
				return err
			}
			return withRound(c, func(s *store.Store, n uint64) error {
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				if r.Leaf == string(payout.LeafAllo) {
					return fmt.Errorf("round %d uses Allo leaves: use qf export --format allo for its proofs", n)
				}
				t, err := s.Tree(n)
				if err != nil {
					return err
				}
				p, err := payout.ProofFor(t, &g)
				if err != nil {
					return err
				}
				return emitJSON(c, p)
			})
		},
	}
}

func treeCommand() *cli.Command {
	return &cli.Command{
		Name:  "tree",
		Usage: "print a closed round's tree as an OpenZeppelin standard-v1 dump",
		Flags: []cli.Flag{
			roundFlag(),
			&cli.StringFlag{Name: "out", Usage: "write to `FILE` instead of stdout"},
		},
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				t, err := s.Tree(n)
				if err != nil {
					return err
				}
				return emitJSON(c, t)
			})
		},
	}
}

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write a closed round in another tool's format",
		Description: `--format gitcoin: Grants Stack matching_distribution.csv columns.
--format allo: Allo v2 distribution JSON (merkleRoot and per-recipient proofs;
the round must have been created with --leaf allo).
--format bundle --out DIR: tree.json, report.json and proofs/<gap>.json.`,
		Flags: []cli.Flag{
			roundFlag(),
			&cli.StringFlag{Name: "format", Value: "gitcoin", Usage: "`FORMAT`: gitcoin, allo or bundle"},
			&cli.StringFlag{Name: "out", Usage: "`FILE` (or DIR for bundle); default stdout"},
		},
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				rep, err := s.Report(n)
				if err != nil {
					return err
				}
				var sb strings.Builder
				switch c.String("format") {
				case "gitcoin":
					if err := payout.WriteGitcoinCSV(&sb, rep); err != nil {
						return err
					}
				case "allo":
					if r.Leaf != string(payout.LeafAllo) {
						return fmt.Errorf("round %d has %s leaves; Allo needs a round created with --leaf allo", n, r.Leaf)
					}
					t, err := s.Tree(n)
					if err != nil {
						return err
					}
					if err := payout.WriteAllo(&sb, t); err != nil {
						return err
					}
				case "bundle":
					dir := c.String("out")
					if dir == "" {
						return usageErr("--format bundle needs --out DIR")
					}
					t, err := s.Tree(n)
					if err != nil {
						return err
					}
					return writeOut(dir, &round.Outcome{Tree: t, Report: rep})
				default:
					return usageErr("--format %q: want gitcoin, allo or bundle", c.String("format"))
				}
				if path := c.String("out"); path != "" {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						return err
					}
					return os.WriteFile(path, []byte(sb.String()), 0o644)
				}
				_, err = fmt.Fprint(c.App.Writer, sb.String())
				return err
			})
		},
	}
}
