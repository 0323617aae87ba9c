package site_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// bigRound makes a closed round of n gaps (two donors each, the second
// giving more to higher gaps) and exports its page.
func bigRound(t *testing.T, n int) string {
	dir := t.TempDir()
	var gaps, contribs strings.Builder
	gaps.WriteString("gap,recipient\n")
	contribs.WriteString("id,donor,gap,amount\n")
	for g := 1; g <= n; g++ {
		fmt.Fprintf(&gaps, "%d,0x%040x\n", g, 0xabc000+g)
		fmt.Fprintf(&contribs, "a%d,0x%040x,%d,%d\n", g, 1+g%97, g, 1000+g)
		fmt.Fprintf(&contribs, "b%d,0x%040x,%d,%d\n", g, 200+g%89, g, 50*g)
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "gaps.csv"), []byte(gaps.String()), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.csv"), []byte(contribs.String()), 0o644))
	db := filepath.Join(dir, "qf.db")
	qf(t, db, "import", "gaps", filepath.Join(dir, "gaps.csv"))
	qf(t, db, "round", "create", "--pool", "100000000000")
	qf(t, db, "import", "contributions", "--round", "1", filepath.Join(dir, "c.csv"))
	qf(t, db, "match", "--round", "1")
	out := filepath.Join(dir, "site")
	qf(t, db, "export", "--round", "1", "--format", "site", "--out", out)
	return out
}

// TestBrowserPhone2000Gaps loads a 2,000-gap round's page on a phone-sized
// viewport: every gap is in the table, the page itself never scrolls
// sideways (the table scrolls in its own box), the chart draws the largest
// gaps and says so, search narrows the table, and the claim view finds a
// gap and verifies its proof.
func TestBrowserPhone2000Gaps(t *testing.T) {
	chromium(t)
	out := bigRound(t, 2000)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	ctx := browser(t, 390, 844)
	var rows, bars, searched int
	var pageWidth, viewport, tableBox int
	var caption, count, valid string
	var png []byte
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)))
	require.NoError(t, chromedp.Do(ctx, append(loadPage(srv.URL+"/"),
		js(`document.querySelectorAll('#gaps tbody tr').length`, &rows),
		js(`document.querySelectorAll('#chart svg rect').length / 2`, &bars),
		js(`document.documentElement.scrollWidth`, &pageWidth),
		js(`document.documentElement.clientWidth`, &viewport),
		js(`document.querySelector('#gaps').parentElement.clientWidth`, &tableBox),
		text("#chart-desc", &caption),
		into(chromedp.CaptureScreenshot(), &png),
		chromedp.SendKeys(chromedp.CSS("#search"), "1999"),
		waitJS(`document.querySelectorAll('#gaps tbody tr').length === 1`),
		js(`document.querySelectorAll('#gaps tbody tr').length`, &searched),
		text("#gap-count", &count),
		chromedp.Click(chromedp.CSS(`nav a[data-view="claim"]`)),
		chromedp.SendKeys(chromedp.CSS("#find"), "1999"),
		chromedp.Click(chromedp.CSS("#find-form button")),
		waitJS(`document.getElementById('proof-result').textContent !== ''`),
		text("#proof-result", &valid),
	)...))
	require.NoError(t, os.WriteFile(filepath.Join(artifacts(t), "phone-2000-round.png"), png, 0o644))
	screenshot(t, ctx, "phone-2000-claim")
	require.Equal(t, 2000, rows)
	require.Equal(t, 25, bars)
	require.LessOrEqual(t, pageWidth, viewport, "the page does not scroll sideways on a phone")
	require.LessOrEqual(t, tableBox, viewport)
	require.Equal(t, "Direct funding (blue) and match (amber) per gap, the 25 largest of 2000 gaps, by total; amounts in base units.", caption)
	require.Equal(t, 1, searched)
	require.Equal(t, "1 of 2000 gaps match", count)
	require.True(t, strings.HasPrefix(valid, "Valid: the proof leads from leaf "), valid)
}
