package app

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// errMismatch is a verification failure: exit 1 with what differs.
var errMismatch = errors.New("verification failed")

// mismatchError is a verification that found differences: its message
// names the count and the first; --json prints them all.
type mismatchError struct{ diffs []string }

func (e *mismatchError) Error() string {
	if len(e.diffs) == 1 {
		return fmt.Sprintf("%s: %s", errMismatch, e.diffs[0])
	}
	return fmt.Sprintf("%s: %d differences, first: %s", errMismatch, len(e.diffs), e.diffs[0])
}

func (e *mismatchError) Unwrap() error { return errMismatch }

// mismatch is the error for a verification that found diffs.
func mismatch(diffs ...string) error { return &mismatchError{diffs: diffs} }

func rootFlag(required bool) cli.Flag {
	return &cli.StringFlag{Name: "root", Usage: "the claimed root `HEX` (0x + 64 hex digits)", Required: required}
}

func parseRoot(s string) (common.Hash, error) {
	b, err := hexBytes(s)
	if err != nil || len(b) != 32 {
		return common.Hash{}, usageErr("--root %q: want 0x and 64 hex digits", s)
	}
	return common.BytesToHash(b), nil
}

func hexBytes(s string) ([]byte, error) {
	if len(s) < 2 || s[:2] != "0x" {
		return nil, errors.New("no 0x")
	}
	var out []byte
	return out, json.Unmarshal([]byte(`"`+s+`"`), (*hexJSON)(&out))
}

type hexJSON []byte

func (h *hexJSON) UnmarshalJSON(b []byte) error {
	var x common.Hash
	if err := x.UnmarshalJSON(b); err != nil {
		return err
	}
	*h = x[:]
	return nil
}

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "check a proof, a tree dump, or a whole round recomputed from its files",
		Subcommands: []*cli.Command{
			verifyClrfundCommand(),
			verifyBundleCommand(),
			{
				Name:      "proof",
				Usage:     "check a proof file: its leaf is (gap, recipient, amount), or Allo's (index, recipientId, recipient, amount), and it leads to its root (or --root)",
				ArgsUsage: "PROOF.json",
				Flags:     []cli.Flag{rootFlag(false)},
				Action: func(c *cli.Context) error {
					path, err := oneArg(c, "PROOF.json")
					if err != nil {
						return err
					}
					p, err := readProofFile(path)
					if err != nil {
						return err
					}
					if c.IsSet("root") {
						want, err := parseRoot(c.String("root"))
						if err != nil {
							return err
						}
						if p.Root != want {
							return mismatch(fmt.Sprintf("%s is for root %s, not %s", path, p.Root, want))
						}
					}
					if p.Allo() {
						return ok(c, map[string]any{"ok": true, "root": p.Root, "gap": p.Gap, "amount": p.Amount, "index": p.Index, "recipientId": p.RecipientID},
							"ok: gap %s, Allo index %s, recipientId %s, %s to %s, under root %s", p.Gap, p.Index, p.RecipientID.Hex(), p.Amount, p.Recipient.Hex(), p.Root.Hex())
					}
					return ok(c, map[string]any{"ok": true, "root": p.Root, "gap": p.Gap, "amount": p.Amount},
						"ok: gap %s, %s to %s, under root %s", p.Gap, p.Amount, p.Recipient.Hex(), p.Root.Hex())
				},
			},
			{
				Name:      "tree",
				Usage:     "load a standard-v1 dump and check every leaf and node (and the root, with --root)",
				ArgsUsage: "TREE.json",
				Flags:     []cli.Flag{rootFlag(false)},
				Action: func(c *cli.Context) error {
					path, err := oneArg(c, "TREE.json")
					if err != nil {
						return err
					}
					b, err := readFile(path)
					if err != nil {
						return err
					}
					var t merkle.Tree
					if err := json.Unmarshal(b, &t); err != nil {
						return mismatch(fmt.Sprintf("%s: %v", path, err))
					}
					if c.IsSet("root") {
						want, err := parseRoot(c.String("root"))
						if err != nil {
							return err
						}
						if t.Root() != want {
							return mismatch(fmt.Sprintf("%s has root %s, not %s", path, t.Root(), want))
						}
					}
					return ok(c, map[string]any{"ok": true, "root": t.Root(), "leaves": t.Len()},
						"ok: %d leaves, every node checked, root %s", t.Len(), t.Root().Hex())
				},
			},
			{
				Name:  "round",
				Usage: "recompute a round from its published files and compare the root (and every payout, with --report)",
				Flags: append([]cli.Flag{
					contributionsFileFlag(),
					gapsFileFlag(),
					rootFlag(false),
					&cli.StringFlag{Name: "report", Usage: "published report `FILE` (qf calc --out's report.json) to compare gap by gap"},
					unitsFlag(),
					pricesFlag(),
				}, configFlags()...),
				Action: func(c *cli.Context) error {
					if !c.IsSet("root") && !c.IsSet("report") {
						return usageErr("give --root, --report or both: what should the recomputation be compared with?")
					}
					cfg, leaf, dec, err := configFromFlags(c)
					if err != nil {
						return err
					}
					if cfg.Mechanism == calc.CQFName {
						return verifyCQFRound(c, cfg, dec)
					}
					out, err := computeFiles(c, c.String("gaps"), c.String("contributions"), cfg, leaf, dec)
					if err != nil {
						return err
					}
					var diffs []string
					if c.IsSet("root") {
						want, err := parseRoot(c.String("root"))
						if err != nil {
							return err
						}
						if out.Report.Root != want {
							diffs = append(diffs, fmt.Sprintf("root: recomputed %s, claimed %s", out.Report.Root.Hex(), want.Hex()))
						}
					}
					if path := c.String("report"); path != "" {
						b, err := readFile(path)
						if err != nil {
							return err
						}
						var pub payout.Report
						if err := json.Unmarshal(b, &pub); err != nil {
							return fmt.Errorf("%s: not a report: %w", path, err)
						}
						diffs = append(diffs, compareReports(out.Report, &pub)...)
					}
					if len(diffs) > 0 {
						for _, d := range diffs {
							fmt.Fprintln(c.App.ErrWriter, d)
						}
						return mismatch(diffs...)
					}
					return ok(c, map[string]any{"ok": true, "root": out.Report.Root, "gaps": len(out.Report.Gaps)},
						"ok: recomputed root %s and %d gaps agree", out.Report.Root.Hex(), len(out.Report.Gaps))
				},
			},
		},
	}
}

// verifyCQFRound recomputes a coordinated-QF round from its pledges file
// and compares the root.
func verifyCQFRound(c *cli.Context, cfg calc.Config, dec uint8) error {
	if c.IsSet("report") {
		return usageErr("--report compares pool rounds gap by gap; check a cqf round with --root")
	}
	set, err := round.CQFSettingsFor(cfg)
	if err != nil {
		return err
	}
	adec, err := amountDecimals(c, dec, noDecimalsFlag)
	if err != nil {
		return err
	}
	out, err := cqfFromFiles(c.String("gaps"), c.String("contributions"), set, adec)
	if err != nil {
		return err
	}
	want, err := parseRoot(c.String("root"))
	if err != nil {
		return err
	}
	if out.Root != want {
		return mismatch(fmt.Sprintf("root: recomputed %s, claimed %s", out.Root.Hex(), want.Hex()))
	}
	return ok(c, map[string]any{"ok": true, "root": out.Root, "gaps": len(out.Gaps)},
		"ok: recomputed root %s over %d gaps agrees (every pledge's payment and refund)", out.Root.Hex(), len(out.Gaps))
}

func compareReports(got, pub *payout.Report) []string {
	var d []string
	if pub.Root != got.Root {
		d = append(d, fmt.Sprintf("root: recomputed %s, published %s", got.Root.Hex(), pub.Root.Hex()))
	}
	pm := map[string]payout.GapReport{}
	for _, g := range pub.Gaps {
		pm[g.Gap] = g
	}
	for _, g := range got.Gaps {
		p, found := pm[g.Gap]
		switch {
		case !found:
			d = append(d, fmt.Sprintf("gap %s: missing from the published report", g.Gap))
		case !sameAmount(p.Match, g.Match):
			d = append(d, fmt.Sprintf("gap %s: match recomputed %s, published %s", g.Gap, g.Match, p.Match))
		case p.Recipient != g.Recipient:
			d = append(d, fmt.Sprintf("gap %s: recipient recomputed %s, published %s", g.Gap, g.Recipient.Hex(), p.Recipient.Hex()))
		}
		delete(pm, g.Gap)
	}
	// in the published report's order, not the map's (which changes
	// between runs): the same inputs always print the same lines
	for _, g := range pub.Gaps {
		if _, extra := pm[g.Gap]; extra {
			d = append(d, fmt.Sprintf("gap %s: published but not in the registry", g.Gap))
			delete(pm, g.Gap)
		}
	}
	return append(d, compareTokens(got.Tokens, pub.Tokens)...)
}

func ok(c *cli.Context, j map[string]any, format string, args ...any) error {
	return report(c, j, fmt.Sprintf(format, args...))
}

// readProofFile reads a proof file and checks that its leaf is (gap,
// recipient, amount) and its proof leads to its root.
func readProofFile(path string) (*payout.Proof, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	var p payout.Proof
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s: not a proof file: %w", path, err)
	}
	if err := p.Check(); err != nil {
		return nil, mismatch(fmt.Sprintf("%s: %v", path, err))
	}
	return &p, nil
}

// sameAmount compares two report amounts, a missing one as 0.
func sameAmount(a, b *uint256.Int) bool {
	var zero uint256.Int
	if a == nil {
		a = &zero
	}
	if b == nil {
		b = &zero
	}
	return a.Eq(b)
}
