package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/internal/mapfile"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

func calcCommand() *cli.Command {
	return &cli.Command{
		Name:  "calc",
		Usage: "compute a round from files, statelessly (for verifiers)",
		Description: `Reads a gap registry (gap,recipient) and contributions (donor,gap,amount
[,id][,weight][,score][,token][,chain]; CSV or JSON), computes every gap's
match and the Merkle root, and prints them. Rows with a token are in its
base units, converted by the --prices ledger (see qf price --help). Nothing is stored. With --out DIR it also
writes DIR/tree.json (OpenZeppelin standard-v1 dump), DIR/report.json and
DIR/proofs/<gap>.json for every gap with a positive match (past 10,000
leaves, or with --proofs lines, one DIR/proofs.jsonl instead: a proof per
line, sorted by gap; qf proof --bundle DIR --gap G reads one).

With --mechanism cqf (no --pool) the contributions are pledges in join
order, solved as qf cqf does, with σ from --param sigma=… [decay=…].`,
		Flags: append([]cli.Flag{
			contributionsFileFlag(),
			gapsFileFlag(),
			outDirFlag("the publication (report.json, tree.json, proofs/, the inputs) too"),
			unitsFlag(),
			pricesFlag(),
			proofsFlag(),
		}, configFlags()...),
		Action: func(c *cli.Context) error {
			cfg, leaf, dec, err := configFromFlags(c)
			if err != nil {
				return err
			}
			if cfg.Mechanism == calc.CQFName {
				set, err := round.CQFSettingsFor(cfg)
				if err != nil {
					return err
				}
				set.JoinLeverageUpTo = round.JoinLeverageUpTo
				return solveCQFFiles(c, c.String("gaps"), c.String("contributions"), set, dec)
			}
			out, err := computeFiles(c, c.String("gaps"), c.String("contributions"), cfg, leaf, dec)
			if err != nil {
				return err
			}
			if dir := c.String("out"); dir != "" {
				inputs, err := readInputs(c.String("contributions"), c.String("gaps"))
				if err != nil {
					return err
				}
				if inputs, err = withPricesInput(c, inputs, dec); err != nil {
					return err
				}
				id := pubRound{Name: "qf calc of " + filepath.Base(c.String("contributions"))}
				if err := writeOut(dir, id, out, payout.NewSettings(cfg, dec, leaf, c.String("units")), inputs, c.String("proofs")); err != nil {
					return err
				}
			}
			return printReport(c, out.Report, dec)
		},
	}
}

// computeFiles runs a round from a registry file and a contributions file.
func computeFiles(c *cli.Context, gapsPath, contribPath string, cfg calc.Config, leaf payout.Leaf, dec uint8) (*round.Outcome, error) {
	var out *round.Outcome
	err := withFiles(c, gapsPath, contribPath, round.Inputs{Config: cfg, Leaf: leaf}, dec, func(in round.Inputs, load round.Load) (err error) {
		out, err = round.Compute(in, load)
		return err
	})
	return out, err
}

// noDecimalsFlag is what to do about --units token without --decimals.
const noDecimalsFlag = "amounts in tokens need the token's decimals: add --decimals N (or drop --units token for base units)"

// withFiles reads a registry file into in.Gaps, maps the contributions
// file, and calls run with a loader over it (showing a progress bar on a
// terminal) while the mapping is open.
func withFiles(c *cli.Context, gapsPath, contribPath string, in round.Inputs, dec uint8, run func(round.Inputs, round.Load) error) error {
	adec, err := amountDecimals(c, dec, noDecimalsFlag)
	if err != nil {
		return err
	}
	gb, err := readFile(gapsPath)
	if err != nil {
		return err
	}
	entries, err := ingest.Gaps(filepath.Base(gapsPath), gb)
	if err != nil {
		return err
	}
	cb, release, err := mapfile.Read(contribPath)
	if err != nil {
		return err
	}
	defer release()
	bar := newProgress(c.App.ErrWriter, int64(len(cb)), "reading contributions", true)
	defer bar.done()
	in.Gaps, in.Dedup, in.SizeHint = gapList(entries), true, len(cb)/80
	if in.Prices, err = filePrices(c, dec); err != nil {
		return err
	}
	in.Decimals = dec
	return run(in, func(l *ingest.Loader) error {
		return l.LoadFile(filepath.Base(contribPath), cb, ingest.Options{Decimals: adec, Progress: bar.set})
	})
}

// readInputs reads a round's two input files for its publication.
func readInputs(contributions, gaps string) ([]bundleInput, error) {
	var out []bundleInput
	for _, f := range []struct{ role, path string }{{"contributions", contributions}, {"gaps", gaps}} {
		b, err := readFile(f.path)
		if err != nil {
			return nil, err
		}
		out = append(out, bundleInput{role: f.role, ext: filepath.Ext(f.path), data: b})
	}
	return out, nil
}

func gapList(entries []ingest.GapEntry) []calc.Gap {
	out := make([]calc.Gap, len(entries))
	for i, e := range entries {
		out[i] = e.Gap
	}
	return out
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// bundleInput is an input file carried by a publication.
type bundleInput struct {
	role, ext string // role: contributions or gaps; ext: the original's extension
	data      []byte
}

// writeOut writes a publication into dir: report.json (with every setting
// and the inputs' SHA-256), tree.json, the proofs (proofs/<gap>.json or
// proofs.jsonl, per layout), the inputs
// themselves under inputs/, and the manifest, last.
func writeOut(dir string, id pubRound, out *round.Outcome, set *payout.Settings, inputs []bundleInput, layout string) error {
	pub, err := openPublication(dir, id)
	if err != nil {
		return err
	}
	rep := *out.Report
	rep.Settings = set
	for _, in := range inputs {
		rel := "inputs/" + in.role + in.ext
		if err := pub.write(rel, in.data); err != nil {
			return err
		}
		rep.Inputs = append(rep.Inputs, payout.Input{Role: in.role, File: rel, SHA256: sha256Hex(in.data)})
	}
	if err := pub.writeJSON("report.json", &rep); err != nil {
		return err
	}
	if out.Tree != nil {
		if err := pub.stream("tree.json", out.Tree.WriteJSON); err != nil { // streamed: tens of MiB past 10^5 leaves
			return err
		}
		if err := writeProofs(pub, out.Tree, out.Report, layout); err != nil {
			return err
		}
	}
	return pub.finish(out.Report.Root)
}

// writeProofs writes every leaf's proof in layout (see --proofs):
// proofs/<gap>.json each or proofs.jsonl. An Allo tree's leaves carry an
// index, not a gap: the report maps gaps to them.
func writeProofs(pub *publication, t *merkle.Tree, rep *payout.Report, layout string) error {
	return writeLeafProofs(pub, t, rep, layout, func(p *payout.Proof) string { return "proofs/" + p.Gap + ".json" })
}

func printReport(c *cli.Context, rep *payout.Report, dec uint8) error {
	if wantJSON(c) {
		return printJSON(c, rep)
	}
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "gap\trecipient\tcontributors\tdirect\tmatch\t")
	for _, g := range rep.Gaps {
		capped := ""
		if g.Capped {
			capped = " (capped)"
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s%s\t\n", g.Gap, g.Recipient.Hex(), g.Contributors, showAmount(g.Direct, dec), showAmount(g.Match, dec), capped)
	}
	w.Flush()
	printTokens(c, rep.Tokens, dec)
	fmt.Fprintf(c.App.Writer, "mechanism %s, pool %s, matched %s, unspent %s, %d contributions from %d donors\n",
		rep.Mechanism, showAmount(rep.Pool, dec), showAmount(rep.Matched, dec), showAmount(rep.Unspent, dec), rep.Contributions, rep.Donors)
	if rep.Voided > 0 {
		fmt.Fprintf(c.App.Writer, "%d voided contributions left out (qf contribution list --voided)\n", rep.Voided)
	}
	fmt.Fprintf(c.App.Writer, "root %s\n", rootString(rep))
	return nil
}

// rootString is a report's root for people. An empty tree's root is the
// zero hash, written as such in text and JSON alike (it is also what an
// unset root reads as on-chain), with the reason beside it in text.
func rootString(rep *payout.Report) string {
	if rep.Root == ([32]byte{}) {
		return rep.Root.Hex() + " (empty tree: no gap has a positive match)"
	}
	return rep.Root.Hex()
}

// show renders a base-unit amount for people: in tokens when decimals are known.
func show(amount string, dec uint8) string {
	if dec == 0 {
		return amount
	}
	a, err := calc.ParseAmount(amount, 0)
	if err != nil {
		return amount
	}
	return calc.FormatAmount(&a, dec)
}
