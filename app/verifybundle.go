package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/round"
)

func verifyBundleCommand() *cli.Command {
	return &cli.Command{
		Name:      "bundle",
		Usage:     "check a whole publication folder (qf calc --out, qf export --format bundle) from what it carries, with no other flags",
		ArgsUsage: "DIR",
		Description: `Checks, in order: every file against the folder's qf-manifest.json (no file
missing, changed or extra); the input files against the SHA-256 in
report.json; then recomputes the round from those inputs with report.json's
settings (pool, decimals, units, mechanism and parameters, cap, min amount,
score scale, leaf) and compares the root, every gap's recipient and match,
tree.json (every node re-hashed) and every proof in proofs/ (or every line
of proofs.jsonl, byte for byte).

Exit 0 and "ok" when all agree; exit 1 with every difference otherwise
(--json: {"error", "differences"}).`,
		Action: runVerifyBundle,
	}
}

func runVerifyBundle(c *cli.Context) error {
	dir, err := oneArg(c, "DIR")
	if err != nil {
		return err
	}
	m, err := readManifest(dir)
	if err != nil {
		return fmt.Errorf("%s is not a qf publication: %v", dir, err)
	}
	if _, ok := m.Files["cqf.json"]; ok {
		return usageErr("%s publishes a coordinated-QF round: check it with qf verify round --mechanism cqf", dir)
	}
	var diffs []string
	if !m.Complete {
		diffs = append(diffs, manifestName+": incomplete (qf stopped while writing the folder): write it again")
	}
	diffs = append(diffs, checkManifest(dir, m)...)
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("%s: %v", rel, err))
			return nil
		}
		return b
	}
	var rep payout.Report
	b := read("report.json")
	if b == nil {
		return mismatch(diffs...)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return mismatch(append(diffs, fmt.Sprintf("report.json: not a report: %v", err))...)
	}
	if rep.Settings == nil || len(rep.Inputs) == 0 {
		return mismatch(append(diffs, "report.json: carries no settings or inputs (an older qf wrote it): check it with qf verify round and the round's settings")...)
	}
	inputs := map[string][]byte{}
	for _, in := range rep.Inputs {
		data := read(in.File)
		if data == nil {
			continue
		}
		if got := sha256Hex(data); got != in.SHA256 {
			diffs = append(diffs, fmt.Sprintf("%s: SHA-256 %s, report.json says %s", in.File, got, in.SHA256))
		}
		inputs[in.Role] = data
	}
	if inputs["contributions"] == nil || inputs["gaps"] == nil {
		return mismatch(append(diffs, "report.json: inputs must name a contributions file and a gaps file")...)
	}
	out, err := recomputeBundle(rep.Settings, rep.Inputs, inputs)
	if err != nil {
		return mismatch(append(diffs, "recomputing: "+oneLine(err))...)
	}
	diffs = append(diffs, compareReports(out.Report, &rep)...)
	if m.Root != out.Report.Root {
		diffs = append(diffs, fmt.Sprintf("%s: root %s, recomputed %s", manifestName, m.Root.Hex(), out.Report.Root.Hex()))
	}
	diffs = append(diffs, checkBundleTree(dir, m, out)...)
	if len(diffs) > 0 {
		if !wantJSON(c) {
			for _, d := range diffs {
				fmt.Fprintln(c.App.ErrWriter, d)
			}
		}
		return mismatch(diffs...)
	}
	return ok(c, map[string]any{"ok": true, "root": out.Report.Root, "gaps": len(out.Report.Gaps), "files": len(m.Files) + 1},
		"ok: %s: %d files as listed, inputs as hashed, recomputed root %s and %d gaps agree, every proof checked",
		dir, len(m.Files)+1, out.Report.Root.Hex(), len(out.Report.Gaps))
}

// checkManifest compares the folder's files with its manifest.
func checkManifest(dir string, m *manifest) []string {
	var diffs []string
	seen := map[string]bool{}
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if rel == manifestName {
			return nil
		}
		seen[rel] = true
		want, listed := m.Files[rel]
		if !listed {
			diffs = append(diffs, fmt.Sprintf("%s: not in %s", rel, manifestName))
			return nil
		}
		got, err := fileSHA256(path) // streamed: proofs.jsonl can be GiBs
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("%s: %v", rel, err))
		} else if got != want {
			diffs = append(diffs, fmt.Sprintf("%s: SHA-256 %s, %s says %s", rel, got, manifestName, want))
		}
		return nil
	})
	for _, f := range slices.Sorted(maps.Keys(m.Files)) {
		if !seen[f] {
			diffs = append(diffs, fmt.Sprintf("%s: listed in %s but missing", f, manifestName))
		}
	}
	return diffs
}

// recomputeBundle computes the round from the publication's inputs with
// its settings.
func recomputeBundle(set *payout.Settings, refs []payout.Input, data map[string][]byte) (*round.Outcome, error) {
	cfg, err := set.Config()
	if err != nil {
		return nil, err
	}
	var amountDec uint8
	switch set.Units {
	case unitsBase:
	case unitsToken:
		amountDec = set.Decimals
	default:
		return nil, fmt.Errorf("settings: units %q: want base or token", set.Units)
	}
	if set.Leaf != payout.LeafStandard && set.Leaf != payout.LeafAllo {
		return nil, fmt.Errorf("settings: leaf %q: want standard or allo", set.Leaf)
	}
	if cfg.Mechanism == calc.CQFName {
		return nil, errors.New("settings: a cqf round: check it with qf verify round --mechanism cqf")
	}
	name := map[string]string{}
	for _, r := range refs {
		name[r.Role] = filepath.Base(r.File)
	}
	entries, err := ingest.Gaps(name["gaps"], data["gaps"])
	if err != nil {
		return nil, err
	}
	in := round.Inputs{Gaps: gapList(entries), Config: cfg, Leaf: set.Leaf, Dedup: true, Decimals: set.Decimals}
	if p := data["prices"]; p != nil {
		if in.Prices, err = price.Parse(name["prices"], p); err != nil {
			return nil, err
		}
	}
	return round.Compute(in, func(l *ingest.Loader) error {
		return l.LoadFile(name["contributions"], data["contributions"], ingest.Options{Decimals: amountDec})
	})
}

// checkBundleTree checks tree.json and every proof against the recomputed
// round.
func checkBundleTree(dir string, m *manifest, out *round.Outcome) []string {
	var diffs []string
	_, hasTree := m.Files["tree.json"]
	switch {
	case out.Tree == nil && hasTree:
		diffs = append(diffs, "tree.json: published, but no gap has a positive match")
	case out.Tree != nil && !hasTree:
		diffs = append(diffs, "tree.json: missing")
	case hasTree:
		b, err := os.ReadFile(filepath.Join(dir, "tree.json"))
		var t merkle.Tree
		if err == nil {
			err = json.Unmarshal(b, &t)
		}
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("tree.json: %v", err))
		} else if t.Root() != out.Report.Root {
			diffs = append(diffs, fmt.Sprintf("tree.json: root %s, recomputed %s", t.Root().Hex(), out.Report.Root.Hex()))
		}
	}
	if _, lines := m.Files[payout.ProofsFile]; lines {
		return append(diffs, checkProofLines(dir, m, out)...)
	}
	if out.Tree == nil || out.Report.Leaf == payout.LeafAllo {
		return diffs
	}
	want := map[string]bool{}
	for _, v := range out.Tree.Values() {
		want["proofs/"+v.Value[0]+".json"] = true
	}
	for _, f := range slices.Sorted(maps.Keys(m.Files)) {
		if !strings.HasPrefix(f, "proofs/") {
			continue
		}
		if !want[f] {
			diffs = append(diffs, fmt.Sprintf("%s: no such leaf in the recomputed tree", f))
			continue
		}
		delete(want, f)
		p, err := readProofFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("%s: %s", f, oneLine(err)))
			continue
		}
		if p.Root != out.Report.Root {
			diffs = append(diffs, fmt.Sprintf("%s: for root %s, recomputed %s", f, p.Root.Hex(), out.Report.Root.Hex()))
		}
	}
	for _, f := range slices.Sorted(maps.Keys(want)) {
		diffs = append(diffs, fmt.Sprintf("%s: missing", f))
	}
	return diffs
}
