package app

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// computeStored computes an open stored round for its match: from its
// statistics sums when they describe it and pass the match's checks,
// from every row otherwise or with fromRows (round.Closing).
func computeStored(c *cli.Context, s *store.Store, r store.Round, fromRows bool) (*round.Outcome, round.Source, error) {
	bar := newProgress(c.App.ErrWriter, int64(r.Contributions), "matching", false)
	defer bar.done()
	out, src, err := round.Closing(s, r, r.Config, fromRows, bar.set)
	if err != nil {
		return nil, src, err
	}
	out.Report.Voided = r.Voided
	return out, src, nil
}

// sourceLine says what a match computed the round from, for its text
// output.
func sourceLine(src round.Source) string {
	switch {
	case src.Sums:
		return "computed from the round's statistics sums (--from-rows: from every row)"
	case errors.Is(src.Why, round.ErrRowsAsked):
		return "computed from every row (--from-rows)"
	}
	return "computed from every row: " + src.Why.Error()
}

// projectStored computes an open round as a match now would, from its
// statistics sums when they describe it (round.Projected).
func projectStored(c *cli.Context, s *store.Store, r store.Round) (*round.Outcome, error) {
	bar := newProgress(c.App.ErrWriter, int64(r.Contributions), "matching", false)
	defer bar.done()
	out, err := round.Projected(s, r, r.Config, bar.set)
	if err != nil {
		return nil, err
	}
	out.Report.Voided = r.Voided
	return out, nil
}

func matchCommand() *cli.Command {
	return &cli.Command{
		Name:  "match",
		Usage: "close a round: compute matches, build and store the tree, print the root",
		Description: `Closes an open round. Afterwards the round takes no contributions,
and qf proof, qf tree and qf stats serve its stored results.

A qf or linear round (no --min-amount, --score-scale, price ledger,
weights, scores or tokens) is computed by default from the statistics
sums its imports keep, in O(gaps) instead of reading every row, once
they pass cheap checks against records kept apart from them: the rows
they count are the round's contributions less its voided ones, and
their direct totals add up to the round's total as the last import
checked it, less what was voided since. Anything missing or
disagreeing (also: a ledger fund since the last import, or voids both
before and after it) computes from every row instead; the
outcome (report, root, every leaf) is the same byte for byte either
way, and the text output says which was used. --from-rows always
reads every row: a verifier who does not want to trust the sums' √
arithmetic (a damaged Σ√ within its bounds goes unnoticed) uses it.

A cqf round is solved from its pledges in the order they arrived; its tree
pays each gap's recipient Σ pay and each pledger its refund (limit − pay).`,
		Flags: []cli.Flag{roundFlag(), fromRowsFlag()},
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				if r.Status != store.StatusOpen {
					return fmt.Errorf("round %d is already %s with root %s", n, r.Status, r.Root.Hex())
				}
				if err := chainComplete(r); err != nil {
					return err
				}
				if r.Config.Mechanism == calc.CQFName {
					return matchCQF(c, s, r)
				}
				out, src, err := computeStored(c, s, r, c.Bool("from-rows"))
				if err != nil {
					return err
				}
				if _, err := round.CloseStored(s, n, out.Report, out.Tree); err != nil {
					return err
				}
				if wantJSON(c) {
					return printJSON(c, out.Report)
				}
				fmt.Fprintf(c.App.Writer, "round %d closed: %d gaps matched, %s of %s paid out\nroot %s\n%s\n",
					n, len(payout.Payouts(out.Result)), showAmount(out.Report.Matched, r.Decimals), showAmount(out.Report.Pool, r.Decimals), rootString(out.Report), sourceLine(src))
				return nil
			})
		},
	}
}

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "per-gap and round-wide breakdown (projected for an open round)",
		Description: `On an open qf or linear round the projection costs O(gaps): it comes from
per-gap sums the store keeps as rows arrive. Other open rounds (other
mechanisms, --min-amount, --score-scale, tokens, weighted or scored rows)
are computed from every row, as qf match does.

For a cqf round: per gap h and the recipient's total, and per pledge its
limit, payment, refund, leverage on the margin (d Σ pay / d pay_i) and,
for gaps of up to 500 pledges, the immediate leverage it had on joining.`,
		Flags: []cli.Flag{
			roundFlag(),
			gapIDFlag(),
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
				if r.Config.Mechanism == calc.CQFName {
					return statsCQF(c, s, r)
				}
				var rep *payout.Report
				if r.Status == store.StatusOpen {
					out, err := projectStored(c, s, r)
					if err != nil {
						return err
					}
					rep = out.Report
				} else if rep, err = round.StoredReport(s, n); err != nil {
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
		Usage: "print a gap's proof file for claimMatching (or Allo's distribute)",
		Description: `In a cqf round a gap has several leaves: the recipient's (the default)
and one refund per pledger; --account picks the pledger's.
In a --leaf allo round the proof is of the gap's Allo leaf (index,
recipientId, recipientAddress, amount) and also carries index and
recipientId: the index is the gap's rank among the round's positive
matches in ascending gap order.
Prints the proof, or with --out DIR writes DIR/<gap>.json (a refund:
DIR/<gap>-<account>.json).
--bundle DIR reads a publication folder instead of the database: its
proofs/ files or its proofs.jsonl (searched, not read whole); the proof
must be for the root the folder's qf-manifest.json names.`,
		Flags: []cli.Flag{
			roundFlag(),
			required(gapIDFlag()),
			accountNameFlag(),
			outOneFlag(),
			&cli.StringFlag{Name: "bundle", Usage: "read the proof from publication `DIR` (qf calc/cqf --out, qf export --format bundle; proofs/ or proofs.jsonl) instead of the database"},
		},
		Action: func(c *cli.Context) error {
			g, err := gapFlag(c, "gap")
			if err != nil {
				return err
			}
			if dir := c.String("bundle"); dir != "" {
				return bundleProof(c, dir, &g)
			}
			return withRound(c, func(s *store.Store, n uint64) error {
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				account, err := accountFlag(c, "account")
				if err != nil {
					return err
				}
				if account != nil && r.Config.Mechanism != calc.CQFName {
					return usageErr("--account: round %d is a %s round with one leaf per gap; only cqf rounds have refund leaves", n, r.Config.Mechanism)
				}
				p, err := storedProof(s, r, &g, account)
				if err != nil {
					return err
				}
				return emitJSON(c, proofName(&g, account), p)
			})
		},
	}
}

// storedProof returns the proof of gap's leaf (account's refund leaf in a
// cqf round) in stored round r's tree, whatever its leaf encoding.
func storedProof(s *store.Store, r store.Round, gap *uint256.Int, account *common.Address) (*payout.Proof, error) {
	t, err := s.Tree(r.Number)
	if err != nil {
		return nil, err
	}
	if r.Leaf != string(payout.LeafAllo) {
		return payout.ProofForLeaf(t, gap, account)
	}
	if account != nil {
		return nil, usageErr("--account: round %d has Allo leaves, one per gap; only cqf rounds have refund leaves", r.Number)
	}
	rep, err := round.StoredReport(s, r.Number)
	if err != nil {
		return nil, err
	}
	return payout.GapProof(t, rep, gap, nil)
}

func treeCommand() *cli.Command {
	return &cli.Command{
		Name:  "tree",
		Usage: "print a closed round's tree as an OpenZeppelin standard-v1 dump (--out DIR: DIR/tree.json)",
		Flags: []cli.Flag{
			roundFlag(),
			outOneFlag(),
		},
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				t, err := s.Tree(n)
				if err != nil {
					return err
				}
				return emitJSON(c, "tree.json", t)
			})
		},
	}
}

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write a closed round in another tool's format",
		Description: `--format gitcoin: Grants Stack matching_distribution.csv columns.
--format grants-stack: the matching CSV a Grants Stack round manager uploads
(applicationId = gap, projectId = the gap's Allo recipientId, projectName,
payoutAddress, contributionsCount, totalReceived, matched; base units).
--format allo: Allo v2 distribution JSON (merkleRoot and per-recipient proofs;
the round must have been created with --leaf allo).
Both print to stdout, or with --out DIR write DIR/matching_distribution.csv or
DIR/allo.json.
--format bundle --out DIR: tree.json, report.json and the proofs: proofs/<gap>.json
(or, past 10,000 leaves or with --proofs lines, one proofs.jsonl).
--format site --out DIR: the round page (claim and verify in the browser) as
static files, with round.json, tree.json, report.json and the inputs; serve
DIR with any web server (qf serve shows the same page at /rounds/{round}/).`,
		Flags: []cli.Flag{
			roundFlag(),
			&cli.StringFlag{Name: "format", Value: "gitcoin", Usage: "`FORMAT`: gitcoin, grants-stack, allo, bundle or site"},
			outOneFlag(),
			revisionFlag(),
			proofsFlag(),
		},
		Action: func(c *cli.Context) error {
			return withRound(c, func(s *store.Store, n uint64) error {
				if f := c.String("format"); c.IsSet("revision") && f != "gitcoin" && f != "grants-stack" && f != "allo" {
					return usageErr("--revision exports --format gitcoin, grants-stack or allo, not %q", f)
				}
				if c.String("format") == "site" {
					return exportSite(c, s, n)
				}
				r, err := s.Round(n)
				if err != nil {
					return err
				}
				if r.Config.Mechanism == calc.CQFName {
					return exportCQF(c, s, r)
				}
				rep, err := round.StoredReport(s, n)
				if err != nil {
					return err
				}
				tree := func() (*merkle.Tree, error) { return s.Tree(n) }
				if c.IsSet("revision") {
					if rep, tree, err = revisionExport(c, s, n); err != nil {
						return err
					}
				}
				var sb strings.Builder
				switch c.String("format") {
				case "gitcoin":
					if err := payout.WriteGitcoinCSV(&sb, rep); err != nil {
						return err
					}
				case "grants-stack":
					if err := payout.WriteGrantsStackCSV(&sb, rep); err != nil {
						return err
					}
				case "allo":
					if r.Leaf != string(payout.LeafAllo) {
						return fmt.Errorf("round %d has %s leaves; Allo needs a round created with --leaf allo", n, r.Leaf)
					}
					t, err := tree()
					if err != nil {
						return err
					}
					if err := payout.WriteAllo(&sb, t); err != nil {
						return err
					}
				case "bundle":
					dir, err := outDir(c)
					if err != nil {
						return err
					}
					if dir == "" {
						return usageErr("--format bundle needs --out DIR")
					}
					t, err := s.Tree(n)
					if err != nil {
						return err
					}
					inputs, err := storedInputs(s, r, rep)
					if err != nil {
						return err
					}
					id := pubRound{Number: r.Number, Name: r.Name}
					set := payout.NewSettings(r.Config, r.Decimals, payout.Leaf(r.Leaf), unitsBase)
					if err := writeOut(dir, id, &round.Outcome{Tree: t, Report: rep}, set, inputs, c.String("proofs")); err != nil {
						return err
					}
					return report(c, map[string]any{"out": dir, "root": rep.Root}, fmt.Sprintf("wrote round %d's publication to %s (root %s)", n, dir, rep.Root.Hex()))
				default:
					return usageErr("--format %q: want gitcoin, grants-stack, allo, bundle or site", c.String("format"))
				}
				if path := outFile(c, exportNames[c.String("format")]); path != "" {
					if err := writeOutFile(path, []byte(sb.String())); err != nil {
						return err
					}
					if wantJSON(c) {
						return printJSON(c, map[string]any{"out": path, "format": c.String("format")})
					}
					return nil
				}
				if f := c.String("format"); wantJSON(c) && (f == "gitcoin" || f == "grants-stack") {
					return printCSVAsJSON(c, sb.String())
				}
				_, err = fmt.Fprint(c.App.Writer, sb.String())
				return err
			})
		},
	}
}

// printCSVAsJSON prints a CSV with a header as a JSON array of objects
// keyed by the header's names, values as written.
func printCSVAsJSON(c *cli.Context, text string) error {
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		return err
	}
	rows := []map[string]string{}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, name := range recs[0] {
			row[name] = rec[i]
		}
		rows = append(rows, row)
	}
	return printJSON(c, rows)
}

// storedInputs writes a closed round's inputs as files a verifier can
// recompute it from: every stored contribution (id, donor, gap, amount in
// base units, weight, score) and the registry the report pays.
func storedInputs(s *store.Store, r store.Round, rep *payout.Report) ([]bundleInput, error) {
	prices, err := s.Prices(r.Number)
	if err != nil {
		return nil, err
	}
	var cb bytes.Buffer
	w := csv.NewWriter(&cb)
	head := []string{"id", "donor", "gap", "amount", "weight", "score"}
	if prices != nil { // a multi-token round: amounts in each row's token
		head = append(head, "token", "chain")
	}
	_ = w.Write(head)
	err = s.EachContribution(r.Number, func(row *ingest.Row) error {
		rec := []string{string(row.ID), string(row.Donor), row.Gap.Dec(), row.Amount.Dec(), string(row.Weight), string(row.Score)}
		if prices != nil {
			rec = append(rec, string(row.Token), string(row.Chain))
		}
		return w.Write(rec)
	})
	if err != nil {
		return nil, err
	}
	w.Flush()
	var gb bytes.Buffer
	gw := csv.NewWriter(&gb)
	_ = gw.Write([]string{"gap", "recipient"})
	for _, g := range rep.Gaps {
		_ = gw.Write([]string{g.Gap, g.Recipient.Hex()})
	}
	gw.Flush()
	if err := errors.Join(w.Error(), gw.Error()); err != nil {
		return nil, err
	}
	inputs := []bundleInput{{role: "contributions", ext: ".csv", data: cb.Bytes()}, {role: "gaps", ext: ".csv", data: gb.Bytes()}}
	if prices != nil {
		inputs = append(inputs, bundleInput{role: "prices", ext: ".json", data: prices.JSON()})
	}
	return inputs, nil
}

// matchCQF closes a coordinated-QF round.
func matchCQF(c *cli.Context, s *store.Store, r store.Round) error {
	out, err := computeStoredCQF(s, r)
	if err != nil {
		return err
	}
	if _, err := round.CloseStoredCQF(s, r.Number, out); err != nil {
		return err
	}
	if wantJSON(c) {
		return printJSON(c, out)
	}
	fmt.Fprintf(c.App.Writer, "round %d closed: %d gaps, %s pledged = %s in leaves\nroot %s\n",
		r.Number, len(out.Gaps), showAmount(out.Limits, r.Decimals), showAmount(out.Leaves, r.Decimals), cqfRoot(out))
	return nil
}

// statsCQF prints a coordinated-QF round: stored once closed, solved from
// the pledges so far while open.
func statsCQF(c *cli.Context, s *store.Store, r store.Round) error {
	var out *round.CQFOutcome
	var err error
	if r.Status == store.StatusOpen {
		out, err = computeStoredCQF(s, r)
	} else {
		out, err = round.StoredCQFOutcome(s, r.Number)
	}
	if err != nil {
		return err
	}
	if c.IsSet("gap") {
		g, err := gapFlag(c, "gap")
		if err != nil {
			return err
		}
		if err := onlyGap(out, g.Dec()); err != nil {
			return err
		}
	}
	if !wantJSON(c) {
		state := "projected (round open)"
		if r.Status != store.StatusOpen {
			state = string(r.Status)
		}
		fmt.Fprintf(c.App.Writer, "round %d, cqf, %s\n", r.Number, state)
	}
	return printCQF(c, out, r.Decimals)
}

// exportCQF writes a closed coordinated-QF round's bundle: the pool
// formats (Gitcoin's CSV, Allo's distribution) have no refunds.
func exportCQF(c *cli.Context, s *store.Store, r store.Round) error {
	if c.String("format") != "bundle" {
		return usageErr("round %d is a cqf round: --format %s has no refund leaves; use --format bundle --out DIR", r.Number, c.String("format"))
	}
	dir, err := outDir(c)
	if err != nil {
		return err
	}
	if dir == "" {
		return usageErr("--format bundle needs --out DIR")
	}
	out, err := round.StoredCQFOutcome(s, r.Number)
	if err != nil {
		return err
	}
	return writeCQF(dir, pubRound{Number: r.Number, Name: r.Name}, out, c.String("proofs"))
}
