package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

func reviseCommand() *cli.Command {
	return &cli.Command{
		Name:      "revise",
		Usage:     "rerun a closed round with a coefficient CSV and/or a deny list into a new revision (the round is never changed)",
		ArgsUsage: "[ROUND]",
		Description: `Recomputes a closed round from its stored contributions with the same
mechanism and settings, changing only what the files say, and stores the
result as the round's next revision: its own report, tree and root, and a
diff against the round (per gap: old match, new match, delta). The round
itself (report, tree, root, status) is never written.

--coefficients FILE: a CSV with a coefficient column and either id (Grants
Stack's overrides file: a vote id, here a stored contribution id) or voter
(donor, address). A coefficient replaces the donor's weight, parsed as the
round's mechanism parses weights (grants-stack: the indexer's
trunc(coefficient·10000)). qf weighs a donor's contributions together, so
an id's coefficient applies to all of its donor's contributions; a donor
given two different coefficients, an id or voter not in the round, or a
bad coefficient is refused with its file and line.
--deny FILE: a CSV with a voter (donor, address) column: those donors'
contributions are left out. Donors not in the round are allowed.

qf revision list and qf revision show print the stored revisions.`,
		Flags: []cli.Flag{
			roundFlag(),
			&cli.StringFlag{Name: "coefficients", Usage: "per-voter coefficient CSV `FILE` (columns id or voter, and coefficient)"},
			&cli.StringFlag{Name: "deny", Usage: "deny-list CSV `FILE` (a voter column)"},
		},
		Action: func(c *cli.Context) error {
			if c.String("coefficients") == "" && c.String("deny") == "" {
				return usageErr("nothing to revise: pass --coefficients FILE and/or --deny FILE")
			}
			return withRound(c, func(s *store.Store, n uint64) error { return revise(c, s, n) })
		},
	}
}

func revise(c *cli.Context, s *store.Store, n uint64) error {
	r, err := s.Round(n)
	if err != nil {
		return err
	}
	if r.Config.Mechanism == calc.CQFName {
		return usageErr("round %d is a cqf round: it has pledges, no coefficients to revise", n)
	}
	if r.Status != store.StatusClosed && r.Status != store.StatusSubmitted {
		if r.Status == store.StatusOpen {
			return fmt.Errorf("round %d: %w", n, store.ErrRoundOpen)
		}
		return fmt.Errorf("round %d is %s: nothing to revise", n, r.Status)
	}
	base, err := round.StoredReport(s, n)
	if err != nil {
		return err
	}
	each := func(fn func(*ingest.Row) error) error { return s.EachContribution(n, fn) }
	st, err := round.NewStored(each)
	if err != nil {
		return err
	}
	rev := round.Revision{BaseRoot: r.Root}
	if path := c.String("coefficients"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rev.Overrides.Coefficients, err = round.ParseCoefficients(data, path, st, round.WeightParser(r.Config.Mechanism)); err != nil {
			return err
		}
		rev.Coefficients = &round.RevisionInput{File: path, SHA256: sum256(data), Rows: len(rev.Overrides.Coefficients)}
	}
	if path := c.String("deny"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rev.Overrides.Deny, rev.DeniedDonors, err = round.ParseDeny(data, path, st); err != nil {
			return err
		}
		rev.Deny = &round.RevisionInput{File: path, SHA256: sum256(data), Rows: len(rev.Overrides.Deny)}
	}
	// The registry the round paid, as it was: gaps registered since are
	// not the round's.
	all, err := s.Gaps()
	if err != nil {
		return err
	}
	inRound := map[string]bool{}
	for _, g := range base.Gaps {
		inRound[g.Gap] = true
	}
	var gaps []calc.Gap
	for _, g := range all {
		if inRound[g.ID.Dec()] {
			gaps = append(gaps, g)
		}
	}
	in := round.Inputs{Gaps: gaps, Config: r.Config, Leaf: payout.Leaf(r.Leaf), SizeHint: r.Contributions}
	out, err := round.Compute(in, round.ReviseLoad(each, &rev.Overrides, &rev.Denied))
	if err != nil {
		return fmt.Errorf("round %d revision: %w", n, err)
	}
	out.Report.Voided = r.Voided
	rev.Report, rev.Root = out.Report, out.Report.Root
	rev.Diff = round.Diff(base, out.Report)
	rev, err = round.AddRevision(s, n, rev, out.Tree)
	if err != nil {
		return err
	}
	if wantJSON(c) {
		return printJSON(c, rev)
	}
	printRevision(c, &rev, base, r.Decimals)
	return nil
}

func sum256(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }

// printRevision prints a revision's summary and its diff.
func printRevision(c *cli.Context, rev *round.Revision, base *payout.Report, decimals uint8) {
	w := c.App.Writer
	fmt.Fprintf(w, "round %d revision %d: %s of %s matched (round: %s)\nroot %s (round: %s)\n", rev.Round, rev.Number,
		showAmount(rev.Report.Matched, decimals), showAmount(rev.Report.Pool, decimals), showAmount(base.Matched, decimals), rev.Root.Hex(), rev.BaseRoot.Hex())
	var what []string
	if rev.Coefficients != nil {
		what = append(what, fmt.Sprintf("coefficients for %d donors from %s", rev.Coefficients.Rows, rev.Coefficients.File))
	}
	if rev.Deny != nil {
		what = append(what, fmt.Sprintf("%d contributions of %d denied donors left out (%s lists %d)", rev.Denied, rev.DeniedDonors, rev.Deny.File, rev.Deny.Rows))
	}
	fmt.Fprintln(w, strings.Join(what, "; "))
	fmt.Fprintln(w, "gap\told\tnew\tdelta")
	for _, d := range rev.Diff {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", d.Gap, d.Old, d.New, d.Delta)
	}
}

func revisionCommand() *cli.Command {
	return &cli.Command{
		Name:  "revision",
		Usage: "list and show a round's stored revisions (qf revise)",
		Subcommands: []*cli.Command{
			{
				Name:      "list",
				Usage:     "a round's revisions: number, root, inputs",
				ArgsUsage: "[ROUND]",
				Flags:     []cli.Flag{roundFlag()},
				Action: func(c *cli.Context) error {
					return withRound(c, func(s *store.Store, n uint64) error {
						revs, err := round.Revisions(s, n)
						if err != nil {
							return err
						}
						if wantJSON(c) {
							type item struct {
								Round        uint64               `json:"round"`
								Number       uint64               `json:"revision"`
								Root         string               `json:"root"`
								Matched      string               `json:"matched"`
								Coefficients *round.RevisionInput `json:"coefficients,omitempty"`
								Deny         *round.RevisionInput `json:"deny,omitempty"`
							}
							items := []item{}
							for _, r := range revs {
								items = append(items, item{r.Round, r.Number, r.Root.Hex(), r.Report.Matched.Dec(), r.Coefficients, r.Deny})
							}
							return printJSON(c, items)
						}
						if len(revs) == 0 {
							fmt.Fprintf(c.App.Writer, "round %d has no revisions (qf revise --round %d --coefficients FILE | --deny FILE)\n", n, n)
							return nil
						}
						for _, r := range revs {
							line := fmt.Sprintf("%d\troot %s\tmatched %s", r.Number, r.Root.Hex(), r.Report.Matched)
							if r.Coefficients != nil {
								line += fmt.Sprintf("\tcoefficients %s (%d)", r.Coefficients.File, r.Coefficients.Rows)
							}
							if r.Deny != nil {
								line += fmt.Sprintf("\tdeny %s (%d)", r.Deny.File, r.Deny.Rows)
							}
							fmt.Fprintln(c.App.Writer, line)
						}
						return nil
					})
				},
			},
			{
				Name:      "show",
				Usage:     "a revision's report, root and diff against its round (--tree: its tree)",
				ArgsUsage: "[ROUND]",
				Flags: []cli.Flag{roundFlag(),
					revisionFlag(),
					&cli.BoolFlag{Name: "dump-tree", Usage: "print the revision's tree dump (JSON) instead"},
				},
				Action: func(c *cli.Context) error {
					if !c.IsSet("revision") {
						return usageErr("which revision? pass --revision N (qf revision list shows them)")
					}
					return withRound(c, func(s *store.Store, n uint64) error {
						rev, tree, err := storedRevision(s, n, c.Uint64("revision"))
						if err != nil {
							return err
						}
						if c.Bool("dump-tree") {
							if tree == nil {
								return fmt.Errorf("round %d revision %d: %w", n, rev.Number, payout.ErrNoPayouts)
							}
							return printJSON(c, tree)
						}
						if wantJSON(c) {
							return printJSON(c, rev)
						}
						r, err := s.Round(n)
						if err != nil {
							return err
						}
						base, err := round.StoredReport(s, n)
						if err != nil {
							return err
						}
						printRevision(c, rev, base, r.Decimals)
						return nil
					})
				},
			},
		},
	}
}

// revisionExport is the report and tree qf export writes for --revision:
// the revision's, in the formats that take a report or a tree.
func revisionExport(c *cli.Context, s *store.Store, n uint64) (*payout.Report, func() (*merkle.Tree, error), error) {
	switch f := c.String("format"); f {
	case "gitcoin", "grants-stack", "allo":
	default:
		return nil, nil, usageErr("--revision exports --format gitcoin, grants-stack or allo, not %q", f)
	}
	rev, t, err := storedRevision(s, n, c.Uint64("revision"))
	if err != nil {
		return nil, nil, err
	}
	return rev.Report, func() (*merkle.Tree, error) {
		if t == nil {
			return nil, fmt.Errorf("round %d revision %d: %w", n, rev.Number, payout.ErrNoPayouts)
		}
		return t, nil
	}, nil
}

// storedRevision reads round n's revision rev, saying how to list the
// round's revisions when it has no such one.
func storedRevision(s *store.Store, n, rev uint64) (*round.Revision, *merkle.Tree, error) {
	out, tree, err := round.StoredRevision(s, n, rev)
	if errors.Is(err, store.ErrNoRevision) {
		err = fmt.Errorf("%w (qf revision list --round %d)", err, n)
	}
	return out, tree, err
}
