package app

import (
	"fmt"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

func cqfCommand() *cli.Command {
	return &cli.Command{
		Name:  "cqf",
		Usage: "solve a coordinated-QF round (pledges with limits, no pool) and build its payout tree",
		Description: `Reads pledges (a contributions file: donor, gap, amount = the pledge's limit)
in join order and the gap registry. For each gap, σ comes from the policy
(--param sigma=S, and --param decay=D for σ/(1 + D·k) by join order k) and the
payments solve h = Σ √pay_i(h), pay_i = L_i·(2/π)·arctan(σ_i·h) (--param
linear=true: h = Σ pay_i), as for a stored round created with --mechanism cqf
and the same --param values. (--sigma, --decay and --linear, the old
spellings, still work.)
The tree has one leaf per gap for the recipient (Σ pay) and one per pledger
for its refund (limit − pay), so the leaves add up to the limits exactly.
Prints each pledge's payment, refund and leverage on the margin
(--join-leverage: also the immediate leverage it had when it joined).
σ is per √base unit: with limits around L base units, σ near 1/√L.

  qf cqf -c pledges.csv -g gaps.csv --param sigma=1e-9 --param decay=0.5 --out cqf/`,
		Flags: []cli.Flag{
			contributionsFileFlag(),
			gapsFileFlag(),
			paramFlag(),
			// the old spellings of --param sigma=, decay= and linear=true
			&cli.StringFlag{Name: "sigma", Hidden: true, Usage: "old spelling of --param sigma=`S`"},
			&cli.StringFlag{Name: "decay", Hidden: true, Usage: "old spelling of --param decay=`D`"},
			hidden(linearFlag()),
			&cli.BoolFlag{Name: "join-leverage", Usage: "also compute each pledge's immediate leverage at joining (quadratic time)"},
			decimalsFlagDef(),
			unitsFlag(),
			outDirFlag("cqf.json, tree.json and the proofs (proofs/, or proofs.jsonl: --proofs)"),
			proofsFlag(),
		},
		Action: runCQF,
	}
}

func runCQF(c *cli.Context) error {
	set, err := cqfSettingsFromFlags(c)
	if err != nil {
		return err
	}
	dec, err := decimalsFlag(c)
	if err != nil {
		return err
	}
	set.JoinLeverage = c.Bool("join-leverage")
	return solveCQFFiles(c, c.String("gaps"), c.String("contributions"), set, dec)
}

// solveCQFFiles solves a coordinated-QF round from a registry file and a
// pledges file (in join order), writes --out and prints the outcome.
func solveCQFFiles(c *cli.Context, gapsPath, path string, set round.CQFSettings, dec uint8) error {
	adec, err := amountDecimals(c, dec, noDecimalsFlag)
	if err != nil {
		return err
	}
	out, err := cqfFromFiles(gapsPath, path, set, adec)
	if err != nil {
		return err
	}
	if dir := c.String("out"); dir != "" {
		if err := writeCQF(dir, pubRound{Name: "qf cqf of " + filepath.Base(path)}, out, c.String("proofs")); err != nil {
			return err
		}
	}
	return printCQF(c, out, dec)
}

// cqfFromFiles solves a coordinated-QF round from a registry file and a
// pledges file whose rows are in join order; amountDec is the decimals the
// amount column is written with (0: base units).
func cqfFromFiles(gapsPath, path string, set round.CQFSettings, amountDec uint8) (*round.CQFOutcome, error) {
	gb, err := readFile(gapsPath)
	if err != nil {
		return nil, err
	}
	entries, err := ingest.Gaps(filepath.Base(gapsPath), gb)
	if err != nil {
		return nil, err
	}
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	var rows []round.PledgeRow
	err = ingest.Contributions(filepath.Base(path), data, ingest.Options{Decimals: amountDec}, func(r *ingest.Row) error {
		if len(r.Token) > 0 {
			return &ingest.FieldError{Field: "token", Err: errPledgeToken}
		}
		rows = append(rows, round.PledgeFromRow(r))
		return nil
	})
	if err != nil {
		return nil, err
	}
	out, err := round.ComputeCQF(gapList(entries), rows, set)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return out, nil
}

// printCQF prints a coordinated-QF outcome: JSON with --json, else the
// root and, per gap, the recipient's total and every pledge.
func printCQF(c *cli.Context, out *round.CQFOutcome, dec uint8) error {
	if wantJSON(c) {
		return printJSON(c, out)
	}
	w := c.App.Writer
	fmt.Fprintf(w, "root %s\nlimits %s = leaves %s\n", cqfRoot(out), showAmount(out.Limits, dec), showAmount(out.Leaves, dec))
	for _, g := range out.Gaps {
		fmt.Fprintf(w, "\ngap %s: h %s, recipient %s gets %s of %s pledged\n", g.Gap, g.H, g.Recipient, showAmount(g.Total, dec), showAmount(g.Limits, dec))
		for _, p := range g.Pledges {
			at := fmt.Sprintf("line %d", p.Line)
			if p.ID != "" {
				at = p.ID
			}
			fmt.Fprintf(w, "  %s %s: limit %s, pays %s, refund %s, leverage %.4g", at, p.Donor, showAmount(p.Limit, dec), showAmount(p.Pay, dec), showAmount(p.Refund, dec), p.Leverage)
			if p.JoinLeverage != 0 {
				fmt.Fprintf(w, ", at joining %.4g", p.JoinLeverage)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

// cqfRoot is an outcome's root for people.
func cqfRoot(out *round.CQFOutcome) string {
	if out.Tree == nil {
		return common.Hash{}.Hex() + " (empty tree: no pledges)"
	}
	return out.Root.Hex()
}

// computeStoredCQF solves a stored coordinated-QF round from its pledges
// in join order, refunds as leaves.
func computeStoredCQF(s *store.Store, r store.Round) (*round.CQFOutcome, error) {
	out, err := round.SolveStoredCQF(s, r, false)
	if err != nil {
		return nil, fmt.Errorf("round %d: %w", r.Number, err)
	}
	return out, nil
}

// onlyGap keeps one gap's part of a coordinated-QF outcome.
func onlyGap(out *round.CQFOutcome, g string) error {
	for _, gr := range out.Gaps {
		if gr.Gap == g {
			out.Gaps = []round.CQFGapOut{gr}
			return nil
		}
	}
	return fmt.Errorf("%w %s: no pledges to it in this round", calc.ErrUnknownGap, g)
}

func writeCQF(dir string, id pubRound, out *round.CQFOutcome, layout string) error {
	pub, err := openPublication(dir, id)
	if err != nil {
		return err
	}
	if err := pub.writeJSON("cqf.json", out); err != nil {
		return err
	}
	if out.Tree == nil {
		return pub.finish(out.Root)
	}
	if err := pub.stream("tree.json", out.Tree.WriteJSON); err != nil { // streamed: tens of MiB past 10^5 leaves
		return err
	}
	name := func(p *payout.Proof) string { return "proofs/" + p.Gap + "-" + p.Recipient.Hex() + ".json" }
	if err := writeLeafProofs(pub, out.Tree, nil, layout, name); err != nil {
		return err
	}
	return pub.finish(out.Root)
}
