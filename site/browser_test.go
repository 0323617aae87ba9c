package site_test

// Browser tests: the round page in a real headless Chromium (the
// distribution's package, installed by scripts/chromium.sh), driven with
// chromedp. They skip, saying why, when no chromium is installed.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/app"
	"github.com/qf-dev/qf/merkle"
)

// chromium returns the browser to run: $QF_CHROMIUM, or chromium on $PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("QF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH (nor QF_CHROMIUM): install it with `bash scripts/chromium.sh` (scripts/test.sh does) to run the browser tests")
	return ""
}

// browser starts a fresh headless Chromium (its own user-data-dir, no
// background traffic) that stops with the test, and returns a tab.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	// A bound for a hung browser only: no assertion is about time.
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	require.NoError(t, chromedp.Do(ctx)) // starts the browser
	return ctx
}

// artifacts is where screenshots go: $QF_ARTIFACTS, else .artifacts/browser
// at the repository's root (ignored by git; CI keeps it).
func artifacts(t *testing.T) string {
	dir := os.Getenv("QF_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", ".artifacts", "browser")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	var png []byte
	require.NoError(t, chromedp.Do(ctx, into(chromedp.FullScreenshot(100), &png)))
	path := filepath.Join(artifacts(t), name+".png")
	require.NoError(t, os.WriteFile(path, png, 0o644))
	t.Logf("screenshot %s", path)
}

// qf runs the command line in process and returns its stdout.
func qf(t *testing.T, db string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	code := app.Main(append([]string{"qf", "--db", db}, args...), &out, &errOut)
	require.Zero(t, code, "qf %s: %s", strings.Join(args, " "), errOut.String())
	return out.String()
}

// waitJS waits until the expression is true in the page.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	var ok bool
	return into(chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(90*time.Second)), &ok)
}

func text(sel string, s *string) chromedp.Action[chromedp.Void] {
	return into(chromedp.Text(chromedp.CSS(sel)), s)
}

// into runs an action that reads a value and stores the value in dst.
func into[T any](a chromedp.Action[T], dst *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		if err == nil {
			*dst = v
		}
		return chromedp.Void{}, err
	}
}

// setInput replaces an input's text as an edit does (value, then an input
// event): chromedp's SetValue refuses an empty value.
func setInput(id, value string) chromedp.Action[chromedp.Void] {
	v, _ := json.Marshal(value)
	var ok bool
	return js(fmt.Sprintf(`(e => { e.value = %s; return e.dispatchEvent(new Event('input')); })(document.getElementById(%q))`, v, id), &ok)
}

// js evaluates an expression and stores its value in dst.
func js[T any](expr string, dst *T) chromedp.Action[chromedp.Void] {
	return into(chromedp.Evaluate[T](expr), dst)
}

// loadPage opens a round page and waits for it to have read its data.
func loadPage(url string) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(url),
		waitJS(`document.body.dataset.ready === 'true' || document.body.dataset.ready === 'error'`),
	}
}

// pageResult is what a visitor reads on the demo round's page: the same
// whether qf serve or a plain file server serves it.
type pageResult struct {
	Title, Status, GapCount, Searched, TopByMatch, KeyboardSortFirst string
	Rows                                                             int
	FoundGap, LeafAmount, LeafHash, Valid, Invalid, VerifyOwn        string
	VerifyTampered, VerifyURL, FocusAfterNav                         string
	TamperedDiffs                                                    []string
}

// demoRound makes the demo round in a fresh store and returns the store's
// folder and the round's report.
func demoRound(t *testing.T) (string, report) {
	db := filepath.Join(t.TempDir(), "qf.db")
	qf(t, db, "demo")
	var rep report
	require.NoError(t, json.Unmarshal([]byte(qf(t, db, "stats", "--round", "1", "--json")), &rep))
	require.Len(t, rep.Gaps, 12)
	return db, rep
}

type report struct {
	Root string
	Gaps []struct {
		Gap, Recipient, Match string
	}
}

// checkDemoPage walks the demo round's page: the round view, the table's
// search and sort (also by keyboard), the claim view's in-browser proof
// check (a good proof, then one hash changed), and the verify view on the
// page's own tree and on a tampered bundle uploaded as a file.
func checkDemoPage(t *testing.T, ctx context.Context, base, shots string, rep report, tamperedTree string) pageResult {
	var r pageResult
	require.NoError(t, chromedp.Do(ctx, loadPage(base)...))
	var ready string
	require.NoError(t, chromedp.Do(ctx, js(`document.body.dataset.ready`, &ready)))
	require.Equal(t, "true", ready, "the page loads its data")
	require.NoError(t, chromedp.Do(ctx,
		text("#title", &r.Title),
		text("#status", &r.Status),
		text("#gap-count", &r.GapCount),
		js(`document.querySelectorAll('#gaps tbody tr').length`, &r.Rows),
	))
	screenshot(t, ctx, shots+"-round")

	// Search by a recipient's address, in lower case.
	addr := strings.ToLower(rep.Gaps[4].Recipient)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#search"), addr),
		waitJS(`document.querySelectorAll('#gaps tbody tr').length === 1`),
		text("#gaps tbody tr td", &r.Searched),
		setInput("search", ""),
		waitJS(`document.querySelectorAll('#gaps tbody tr').length === 12`),
		// Sort by match, largest first: a click, then the same from the keyboard.
		chromedp.Click(chromedp.CSS(`#gaps th[data-key="match"] button`)),
		waitJS(`document.querySelector('#gaps th[data-key="match"]').getAttribute('aria-sort') === 'descending'`),
		text("#gaps tbody tr td", &r.TopByMatch),
		chromedp.Focus(chromedp.CSS(`#gaps th[data-key="gap"] button`)),
		chromedp.KeyEvent("\r"),
		waitJS(`document.querySelector('#gaps th[data-key="gap"]').getAttribute('aria-sort') === 'ascending'`),
		text("#gaps tbody tr td", &r.KeyboardSortFirst),
	))

	// Claim view: find gap 7, check its proof, then a tampered one.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`nav a[data-view="claim"]`)),
		waitJS(`!document.getElementById('view-claim').hidden && document.activeElement.id !== ''`),
		js(`document.activeElement.id`, &r.FocusAfterNav),
		chromedp.SendKeys(chromedp.CSS("#find"), "7"),
		chromedp.Click(chromedp.CSS("#find-form button")),
		waitJS(`document.getElementById('proof-result').textContent !== ''`),
		text("#find-result", &r.FoundGap),
		text("#leaf-amount", &r.LeafAmount),
		text("#leaf-hash", &r.LeafHash),
		text("#proof-result", &r.Valid),
	))
	screenshot(t, ctx, shots+"-claim")
	var proof string
	require.NoError(t, chromedp.Do(ctx, into(chromedp.Value(chromedp.CSS("#proof")), &proof)))
	tampered := flipLastHex(proof)
	require.NoError(t, chromedp.Do(ctx,
		setInput("proof", tampered),
		chromedp.Click(chromedp.CSS("#verify-proof")),
		waitJS(`document.getElementById('proof-result').textContent.startsWith('Invalid')`),
		text("#proof-result", &r.Invalid),
	))
	screenshot(t, ctx, shots+"-claim-invalid")

	// Verify view: the page's own tree, then a tampered bundle.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`nav a[data-view="verify"]`)),
		chromedp.Click(chromedp.CSS("#verify-this")),
		waitJS(`/^(Valid|Invalid)/.test(document.getElementById('verify-result').textContent)`),
		text("#verify-result", &r.VerifyOwn),
		setInput("bundle-url", "./"),
		chromedp.Click(chromedp.CSS("#verify-url button")),
		waitJS(`document.getElementById('verify-result').textContent.includes('report.json agrees')`),
		text("#verify-result", &r.VerifyURL),
		chromedp.SetUploadFiles(chromedp.CSS("#bundle-files"), []string{tamperedTree}),
		waitJS(`document.getElementById('verify-result').textContent.startsWith('Invalid')`),
		text("#verify-result", &r.VerifyTampered),
		js(`[...document.querySelectorAll('#verify-diffs li')].map(li => li.textContent)`, &r.TamperedDiffs),
	))
	screenshot(t, ctx, shots+"-verify")

	// Everything the page loaded came from its own origin.
	var origin string
	var loaded []string
	require.NoError(t, chromedp.Do(ctx,
		js(`location.origin`, &origin),
		js(`performance.getEntriesByType('resource').map(e => e.name)`, &loaded),
	))
	require.NotEmpty(t, loaded)
	for _, u := range loaded {
		require.True(t, strings.HasPrefix(u, origin+"/"), "the page fetched %s, outside %s", u, origin)
	}
	return r
}

// flipLastHex changes the last hex digit of the first line.
func flipLastHex(proof string) string {
	lines := strings.Split(proof, "\n")
	h := []byte(lines[0])
	if h[len(h)-1] == '0' {
		h[len(h)-1] = '1'
	} else {
		h[len(h)-1] = '0'
	}
	lines[0] = string(h)
	return strings.Join(lines, "\n")
}

// TestBrowserDemoRound loads the demo round's page as qf serve serves it
// and as qf export --format site writes it (served by a plain file server),
// and requires both to show the same things, each of them pinned.
func TestBrowserDemoRound(t *testing.T) {
	chromium(t)
	db, rep := demoRound(t)
	out := filepath.Join(t.TempDir(), "site")
	qf(t, db, "export", "--round", "1", "--format", "site", "--out", out)

	// A bundle whose gap 3 leaf pays one base unit more.
	var dump struct {
		Format       string      `json:"format"`
		Tree         []string    `json:"tree"`
		Values       []dumpValue `json:"values"`
		LeafEncoding []string    `json:"leafEncoding"`
	}
	b, err := os.ReadFile(filepath.Join(out, "tree.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &dump))
	// The tampered leaves' hashes and root, from qf's own merkle package:
	// the page (OpenZeppelin's code) must find the same.
	var was, leafNode, badLeaf, desc string
	var payouts []merkle.Payout
	for i, v := range dump.Values {
		if v.Value[0] == "3" {
			was = v.Value[2]
			dump.Values[i].Value[2] = addOne(v.Value[2])
			leafNode = dump.Tree[v.TreeIndex]
			desc = fmt.Sprintf("leaf %d (%s)", i, strings.Join(dump.Values[i].Value, ", "))
		}
		p := merkle.Payout{Recipient: common.HexToAddress(v.Value[1])}
		require.NoError(t, p.Gap.SetFromDecimal(v.Value[0]))
		require.NoError(t, p.Amount.SetFromDecimal(dump.Values[i].Value[2]))
		if v.Value[0] == "3" {
			badLeaf = fmt.Sprintf("%s at node %d, its hash is %s", leafNode, v.TreeIndex, p.LeafHash().Hex())
		}
		payouts = append(payouts, p)
	}
	badTree, err := merkle.NewPayoutTree(payouts)
	require.NoError(t, err)
	badRoot := badTree.Root().Hex()
	tampered := filepath.Join(t.TempDir(), "tree.json")
	b, err = json.Marshal(dump)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(tampered, b, 0o644))

	results := map[string]pageResult{}
	t.Run("qf serve", func(t *testing.T) {
		srv := serveStore(t, db)
		results["serve"] = checkDemoPage(t, browser(t, 1280, 900), srv+"/rounds/1/", "demo-serve", rep, tampered)
	})
	t.Run("static export", func(t *testing.T) {
		fsrv := httptest.NewServer(http.FileServer(http.Dir(out)))
		t.Cleanup(fsrv.Close)
		results["static"] = checkDemoPage(t, browser(t, 1280, 900), fsrv.URL+"/", "demo-static", rep, tampered)
	})
	require.Len(t, results, 2)
	r := results["static"]
	require.Equal(t, results["serve"], r, "qf serve and the static export show the same")

	top := rep.Gaps[0]
	for _, g := range rep.Gaps {
		if cmpDec(g.Match, top.Match) > 0 {
			top = g
		}
	}
	var seven struct{ Match string }
	for _, g := range rep.Gaps {
		if g.Gap == "7" {
			seven.Match = g.Match
		}
	}
	for _, c := range []struct{ name, got, want string }{
		{"title", r.Title, "demo (round 1)"},
		{"status", r.Status, "matched"},
		{"gap count", r.GapCount, "12 gaps"},
		{"search by address", r.Searched, rep.Gaps[4].Gap},
		{"largest match first", r.TopByMatch, top.Gap},
		{"keyboard sort by gap", r.KeyboardSortFirst, "1"},
		{"found", r.FoundGap, "Found gap 7."},
		{"the chosen view's heading takes the focus", r.FocusAfterNav, "h-claim"},
		{"valid proof", r.Valid, "Valid: the proof leads from leaf " + r.LeafHash + " to the root " + rep.Root + "."},
		{"tampered proof", r.Invalid, "Invalid: this proof does not lead from the leaf to the root " + rep.Root + "; the contract would refuse it."},
		{"own tree", r.VerifyOwn, "Valid: all 12 leaves re-hashed and the tree recomputed to the root " + rep.Root + "."},
		{"bundle by address", r.VerifyURL, "Valid: all 12 leaves re-hashed and the tree recomputed to the root " + rep.Root + ", and report.json agrees."},
		{"tampered bundle", r.VerifyTampered, "Invalid: 5 differences between tree.json and this round:"},
	} {
		t.Run(c.name, func(t *testing.T) { require.Equal(t, c.want, c.got) })
	}
	require.Equal(t, 12, r.Rows)
	require.Contains(t, r.LeafAmount, "("+seven.Match+" base units)")
	require.Equal(t, []string{
		desc + ": tree.json has " + badLeaf,
		"tree.json's root " + rep.Root + " is not the root of its leaves, " + badRoot,
		"root of the bundle's leaves " + badRoot + " ≠ this round's root " + rep.Root,
		fmt.Sprintf("gap 3: the leaf pays %s, this round says %s", addOne(was), was),
		"the leaves pay 1000000000000000000001, more than the pool 1000000000000000000000",
	}, r.TamperedDiffs)
}

type dumpValue struct {
	Value     []string `json:"value"`
	TreeIndex int      `json:"treeIndex"`
}
