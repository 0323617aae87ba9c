package app

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

func cqfCommand() *cli.Command {
	return &cli.Command{
		Name:  "cqf",
		Usage: "solve a coordinated-QF round (pledges with limits, no pool) and build its payout tree",
		Description: `Reads pledges (a contributions file: donor, gap, amount = the pledge's limit)
in join order and the gap registry. For each gap, σ comes from the policy
(--sigma, and --decay for σ/(1 + decay·k) by join order k) and the payments
solve h = Σ √pay_i(h), pay_i = L_i·(2/π)·arctan(σ_i·h) (--linear: h = Σ pay_i).
The tree has one leaf per gap for the recipient (Σ pay) and one per pledger
for its refund (limit − pay), so the leaves add up to the limits exactly.
Prints each pledge's payment, refund and leverage on the margin
(--join-leverage: also the immediate leverage it had when it joined).
σ is per √base unit: with limits around L base units, σ near 1/√L.

  qf cqf -c pledges.csv -g gaps.csv --sigma 1e-9 --decay 0.5 --out cqf/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "contributions", Aliases: []string{"c"}, Usage: "pledges `FILE` (CSV or JSON: donor, gap, amount)", Required: true},
			&cli.StringFlag{Name: "gaps", Aliases: []string{"g"}, Usage: "gap registry `FILE`", Required: true},
			&cli.StringFlag{Name: "sigma", Usage: "saturation speed of the first pledge, per √base unit (decimal, e.g. 1e-9)", Required: true},
			&cli.StringFlag{Name: "decay", Value: "0", Usage: "decreasing policy: pledge k gets sigma/(1 + `D`·k); 0 is constant"},
			&cli.BoolFlag{Name: "linear", Usage: "the linear fallback h = Σ pay_i(h)"},
			&cli.BoolFlag{Name: "join-leverage", Usage: "also compute each pledge's immediate leverage at joining (quadratic time)"},
			&cli.UintFlag{Name: "decimals", Usage: "token decimals, for limits written in tokens"},
			&cli.StringFlag{Name: "out", Usage: "write cqf.json, tree.json and proofs/ into `DIR`"},
		},
		Action: runCQF,
	}
}

func runCQF(c *cli.Context) error {
	sigma, ok := new(big.Rat).SetString(c.String("sigma"))
	if !ok || sigma.Sign() <= 0 {
		return usageErr("--sigma %q: want a positive decimal", c.String("sigma"))
	}
	decay, ok := new(big.Rat).SetString(c.String("decay"))
	if !ok || decay.Sign() < 0 {
		return usageErr("--decay %q: want a non-negative decimal", c.String("decay"))
	}
	dec, err := decimalsFlag(c)
	if err != nil {
		return err
	}
	gb, err := readFile(c.String("gaps"))
	if err != nil {
		return err
	}
	entries, err := ingest.Gaps(filepath.Base(c.String("gaps")), gb)
	if err != nil {
		return err
	}
	path := c.String("contributions")
	data, err := readFile(path)
	if err != nil {
		return err
	}
	var rows []round.PledgeRow
	err = ingest.Contributions(filepath.Base(path), data, ingest.Options{Decimals: dec}, func(r *ingest.Row) error {
		rows = append(rows, round.PledgeRow{Line: r.Line, Donor: string(r.Donor), Gap: r.Gap, Limit: r.Amount})
		return nil
	})
	if err != nil {
		return err
	}
	out, err := round.ComputeCQF(gapList(entries), rows, round.CQFSettings{Policy: calc.CQFPolicy{Sigma: sigma, Decay: decay},
		Linear: c.Bool("linear"), JoinLeverage: c.Bool("join-leverage")})
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if dir := c.String("out"); dir != "" {
		if err := writeCQF(dir, out); err != nil {
			return err
		}
	}
	if wantJSON(c) {
		return json.NewEncoder(c.App.Writer).Encode(out)
	}
	w := c.App.Writer
	fmt.Fprintf(w, "root %s\nlimits %s = leaves %s\n", out.Root.Hex(), out.Limits, out.Leaves)
	for _, g := range out.Gaps {
		fmt.Fprintf(w, "\ngap %s: h %s, recipient %s gets %s of %s pledged\n", g.Gap, g.H, g.Recipient, g.Total, g.Limits)
		for _, p := range g.Pledges {
			fmt.Fprintf(w, "  line %d %s: limit %s, pays %s, refund %s, leverage %.4g", p.Line, p.Donor, p.Limit, p.Pay, p.Refund, p.Leverage)
			if p.JoinLeverage != 0 {
				fmt.Fprintf(w, ", at joining %.4g", p.JoinLeverage)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

func writeCQF(dir string, out *round.CQFOutcome) error {
	if err := os.MkdirAll(filepath.Join(dir, "proofs"), 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	if err := writeJSON(filepath.Join(dir, "cqf.json"), out); err != nil {
		return err
	}
	if out.Tree == nil {
		return nil
	}
	if err := writeJSON(filepath.Join(dir, "tree.json"), out.Tree); err != nil {
		return err
	}
	for _, v := range out.Tree.Values() {
		g, _ := calc.ParseGap(v.Value[0])
		a := common.HexToAddress(v.Value[1])
		p, err := payout.ProofForLeaf(out.Tree, &g, &a)
		if err != nil {
			return err
		}
		if err := writeJSON(filepath.Join(dir, "proofs", v.Value[0]+"-"+a.Hex()+".json"), p); err != nil {
			return err
		}
	}
	return nil
}
