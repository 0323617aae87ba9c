package app_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/qf-dev/qf/app"
	"github.com/qf-dev/qf/internal/testdata"
)

// updateGolden (-update) regenerates the golden rounds under the top-level testdata/ (see
// testdata/README.md): go test ./app -run TestGoldenCalc -update.
var updateGolden = flag.Bool("update", false, "rewrite the golden rounds in ../testdata from what qf calc and qf cqf write now")

// TestGoldenCalc writes each golden round again, as testdata/README.md says
// it was produced (qf calc --out, or qf cqf --out, on the folder's inputs),
// and requires the same files byte for byte: the report, the tree, every
// proof and the manifest. With -update it rewrites the folder instead.
func TestGoldenCalc(t *testing.T) {
	for _, r := range testdata.Rounds {
		t.Run(r.Name, func(t *testing.T) {
			out := writeGolden(t, r)
			if *updateGolden {
				if err := os.RemoveAll(r.Path()); err != nil {
					t.Fatal(err)
				}
				if err := os.CopyFS(r.Path(), os.DirFS(out)); err != nil {
					t.Fatal(err)
				}
				t.Logf("rewrote %s", r.Path())
				return
			}
			want, got := readTree(t, r.Path()), readTree(t, out)
			for _, name := range sortedKeys(want, got) {
				w, inWant := want[name]
				g, inGot := got[name]
				switch {
				case !inGot:
					t.Errorf("%s: in the golden folder, not written by qf now", name)
				case !inWant:
					t.Errorf("%s: written by qf now, not in the golden folder (go test ./app -run TestGoldenCalc -update, if intended)", name)
				case !bytes.Equal(w, g):
					t.Errorf("%s differs from the golden file:\n--- golden\n%s\n--- now\n%s", name, clip(w), clip(g))
				}
			}
		})
	}
}

// writeGolden runs the command that produced round r into a new folder and
// returns it. The inputs come from r.Source (the demo data) or the golden
// folder's own inputs/, copied first so that the written folder names them
// as the golden one does.
func writeGolden(t *testing.T, r testdata.Round) string {
	t.Helper()
	tmp := t.TempDir()
	src := r.Path("inputs")
	if r.Source != "" {
		src = filepath.Join(testdata.Dir(), "..", r.Source)
	}
	in := filepath.Join(tmp, "in")
	for _, f := range []string{"contributions.csv", "gaps.csv"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(in, f), b)
	}
	out := filepath.Join(tmp, "out")
	c, g := filepath.Join(in, "contributions.csv"), filepath.Join(in, "gaps.csv")
	if r.CQF {
		runQF(t, "qf", "cqf", "-c", c, "-g", g, "--sigma", r.Sigma, "--decay", r.Decay, "--out", out)
		// qf cqf publishes no inputs: the golden folder keeps them under inputs/.
		for _, f := range []string{c, g} {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(out, "inputs", filepath.Base(f)), b)
		}
		return out
	}
	runQF(t, append(append([]string{"qf", "calc", "-c", c, "-g", g}, r.Settings...), "--out", out)...)
	return out
}

// TestGoldenMatch imports each golden round's inputs into a new Pebble store
// with the same settings, closes it with qf match, and requires the golden
// root and results, the golden tree and every golden proof from qf tree and qf proof
// (the same JSON, token for token: the CLI indents its output differently).
func TestGoldenMatch(t *testing.T) {
	for _, r := range testdata.Rounds {
		t.Run(r.Name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "db")
			qf := func(args ...string) []byte { return runQF(t, append([]string{"qf", "--db", db}, args...)...) }
			qf("import", "gaps", r.Gaps())
			create := append([]string{"round", "create"}, r.Settings...)
			if r.CQF {
				create = append([]string{"round", "create", "--mechanism", "cqf"}, r.Params()...)
			}
			qf(create...)
			qf("import", "contributions", "--round", "1", r.Contributions())
			match := qf("match", "--round", "1", "--json")
			root := rootOf(t, match, "root")
			if want := goldenRoot(t, r); root != want {
				t.Fatalf("qf match: root %s, golden %s", root, want)
			}
			// The stored round's results: the golden report's, or cqf.json's
			// but for what only one of them says (a pledge's file line; the
			// leverage, a float64 for information).
			if r.CQF {
				sameFields(t, "cqf.json", readFile(t, r.Path("cqf.json")), match, "gaps", "limits", "leaves", "refunds")
			} else {
				sameFields(t, "report.json", readFile(t, r.Path("report.json")), match,
					"pool", "mechanism", "matched", "unspent", "direct", "contributions", "donors", "gaps")
			}
			sameJSON(t, "tree.json", readFile(t, r.Path("tree.json")), qf("tree", "--round", "1"))
			recipients := registry(t, r.Gaps())
			for _, p := range proofFiles(t, r) {
				args := []string{"proof", "--round", "1", "--gap", p.gap}
				if p.account != "" && !strings.EqualFold(p.account, recipients[p.gap]) {
					args = append(args, "--account", p.account)
				}
				sameJSON(t, "proofs/"+p.file, readFile(t, r.Path("proofs", p.file)), qf(args...))
			}
		})
	}
}

// TestGoldenVerify runs the verifier's commands on each golden folder as
// published: qf verify bundle (pool rounds), qf verify round against the
// report and root, qf verify tree, and qf verify proof on every proof.
func TestGoldenVerify(t *testing.T) {
	for _, r := range testdata.Rounds {
		t.Run(r.Name, func(t *testing.T) {
			root := goldenRoot(t, r)
			if r.CQF {
				runQF(t, append(append([]string{"qf", "verify", "round", "-c", r.Contributions(), "-g", r.Gaps(), "--mechanism", "cqf"}, r.Params()...), "--root", root)...)
			} else {
				runQF(t, "qf", "verify", "bundle", r.Path())
				runQF(t, append(append([]string{"qf", "verify", "round", "-c", r.Contributions(), "-g", r.Gaps()}, r.Settings...),
					"--root", root, "--report", r.Path("report.json"))...)
			}
			runQF(t, "qf", "verify", "tree", r.Path("tree.json"), "--root", root)
			for _, p := range proofFiles(t, r) {
				out := runQF(t, "qf", "verify", "proof", r.Path("proofs", p.file))
				if !strings.HasPrefix(string(out), "ok: gap "+p.gap+",") || !strings.Contains(string(out), root) {
					t.Errorf("qf verify proof %s: %s", p.file, out)
				}
			}
		})
	}
}

// TestGoldenVerifyTampered changes one golden proof's amount in a copy of the
// demo round and requires qf verify bundle and qf verify proof to refuse it:
// the verify checks above can fail.
func TestGoldenVerifyTampered(t *testing.T) {
	r := testdata.Rounds[0]
	dir := filepath.Join(t.TempDir(), "demo")
	if err := os.CopyFS(dir, os.DirFS(r.Path())); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "proofs", "7.json")
	b := readFile(t, p)
	bad := bytes.Replace(b, []byte(`"amount": "9575426469252808201"`), []byte(`"amount": "9575426469252808202"`), 1)
	if bytes.Equal(b, bad) {
		t.Fatalf("proofs/7.json has no amount 9575426469252808201:\n%s", b)
	}
	if err := os.WriteFile(p, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"qf", "verify", "bundle", dir}, {"qf", "verify", "proof", p}} {
		t.Run(args[2], func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := app.Main(args, &out, &errb); code != 1 {
				t.Fatalf("%s: exit %d, want 1\n%s%s", strings.Join(args, " "), code, out.String(), errb.String())
			}
		})
	}
}

// goldenRoot is the root a golden round publishes: report.json's (pool
// rounds) or cqf.json's.
func goldenRoot(t *testing.T, r testdata.Round) string {
	t.Helper()
	if r.CQF {
		return rootOf(t, readFile(t, r.Path("cqf.json")), "root")
	}
	return rootOf(t, readFile(t, r.Path("report.json")), "root")
}

type proofFile struct{ file, gap, account string }

// proofFiles lists a golden round's proofs: <gap>.json in pool rounds,
// <gap>-<address>.json (one per leaf) in cqf rounds.
func proofFiles(t *testing.T, r testdata.Round) []proofFile {
	t.Helper()
	ents, err := os.ReadDir(r.Path("proofs"))
	if err != nil {
		t.Fatal(err)
	}
	var ps []proofFile
	for _, e := range ents {
		name := strings.TrimSuffix(e.Name(), ".json")
		gap, account, _ := strings.Cut(name, "-")
		ps = append(ps, proofFile{e.Name(), gap, account})
	}
	if len(ps) == 0 {
		t.Fatalf("%s: no proofs", r.Path("proofs"))
	}
	return ps
}

// registry maps a gap registry file's gap ids to recipients.
func registry(t *testing.T, file string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for i, line := range strings.Split(strings.TrimSpace(string(readFile(t, file))), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, ",")
		m[f[0]] = f[1]
	}
	return m
}

// sameJSON requires got to be want's JSON, token for token (whitespace aside).
func sameJSON(t *testing.T, name string, want, got []byte) {
	t.Helper()
	var w, g bytes.Buffer
	if err := json.Compact(&w, want); err != nil {
		t.Fatalf("%s: golden file is not JSON: %v", name, err)
	}
	if err := json.Compact(&g, got); err != nil {
		t.Fatalf("%s: qf's output is not JSON: %v\n%s", name, err, got)
	}
	if !bytes.Equal(w.Bytes(), g.Bytes()) {
		t.Errorf("%s: qf gives\n%s\nthe golden file has\n%s", name, clip(g.Bytes()), clip(w.Bytes()))
	}
}

// sameFields requires the top-level keys of two JSON objects to hold the
// same values, leaving out "line", "leverage" and "joinLeverage" at any depth.
func sameFields(t *testing.T, name string, want, got []byte, keys ...string) {
	t.Helper()
	var w, g map[string]any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("qf's output: %v\n%s", err, got)
	}
	for _, k := range keys {
		wb, _ := json.Marshal(strip(w[k]))
		gb, _ := json.Marshal(strip(g[k]))
		if w[k] == nil || !bytes.Equal(wb, gb) {
			t.Errorf("%s: %q: qf match gives\n%s\nthe golden file has\n%s", name, k, clip(gb), clip(wb))
		}
	}
}

func strip(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range []string{"line", "leverage", "joinLeverage"} {
			delete(v, k)
		}
		for k, x := range v {
			v[k] = strip(x)
		}
	case []any:
		for i, x := range v {
			v[i] = strip(x)
		}
	}
	return v
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sortedKeys(ms ...map[string][]byte) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// clip keeps a failure message readable.
func clip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}
