package service_test

import (
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/store"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/service"
)

// withRounds is an env whose service has closed rounds rounds, each with
// gap 1 funded and the pool topped up.
func withRounds(t testing.TB, rounds int, cfg service.Config) *env {
	t.Helper()
	e := newEnv(t, 2, 1_000_000, cfg)
	for i := range rounds {
		code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", fmt.Sprintf("a%d", i%2), `{"amount":"3"}`)
		require.Equal(t, http.StatusCreated, code, string(body))
		_, err := e.srv.Ledger().Credit(ledger.PoolAccount, uint256.NewInt(100))
		require.NoError(t, err)
		_, err = e.srv.Match()
		require.NoError(t, err)
	}
	return e
}

// Reads of a database with many rounds do the same work as with few: after
// the first read has indexed the past matches, /stats and
// /gaps/{g}/funding read no match record and compute no projection until
// something changes, and a new match costs one record for the last match
// and one for the index, whatever the number of rounds before it.
func TestReadsDoNotScaleWithRounds(t *testing.T) {
	work := map[int][3]float64{}
	for _, rounds := range []int{5, 150} {
		e := withRounds(t, rounds, service.Config{})
		read := func() {
			for range 10 {
				code, body, _ := e.do(t, "GET", "/api/gaps/funding/stats", "", "")
				require.Equal(t, http.StatusOK, code, string(body))
				code, body, _ = e.do(t, "GET", "/api/gaps/1/funding?limit=3", "", "")
				require.Equal(t, http.StatusOK, code, string(body))
				require.Len(t, decodeJSON[service.GapFunding](t, body).Matches, 3)
			}
		}
		counters := func() (float64, float64) {
			return e.metric(t, "qf_match_records_read_total"), e.metric(t, "qf_projection_computes_total")
		}
		read() // indexes the rounds so far: once
		records0, computes0 := counters()
		require.EqualValues(t, rounds+1, records0, "the first reads index every round and read the last")
		read()
		records1, computes1 := counters()
		code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"3"}`)
		require.Equal(t, http.StatusCreated, code, string(body))
		read()
		records2, computes2 := counters()
		_, err := e.srv.Match()
		require.NoError(t, err)
		read()
		records3, _ := counters()
		work[rounds] = [3]float64{records1 - records0 + computes1 - computes0, computes2 - computes1, records3 - records2}
	}
	require.Equal(t, [3]float64{0, 1, 2}, work[5], "no work while nothing changes; one projection per change; two records per match")
	require.Equal(t, work[5], work[150])
}

// A gap's past matches and the stats' gaps come a page at a time.
func TestPagination(t *testing.T) {
	e := withRounds(t, 12, service.Config{})
	var rounds []uint64
	after := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 4)
		code, body, _ := e.do(t, "GET", "/api/gaps/1/funding?limit=5"+after, "", "")
		require.Equal(t, http.StatusOK, code, string(body))
		gf := decodeJSON[service.GapFunding](t, body)
		for _, m := range gf.Matches {
			rounds = append(rounds, m.Round)
			require.Equal(t, "3", m.Direct.Dec())
		}
		if gf.NextAfter == "" {
			break
		}
		after = "&after=" + gf.NextAfter
	}
	require.Equal(t, []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, rounds)
	code, body, _ := e.do(t, "GET", "/api/gaps/1/funding", "", "")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, decodeJSON[service.GapFunding](t, body).Matches, 12, "the default page holds up to 100")

	for _, g := range []string{"1", "2", "3"} {
		code, body, _ := e.do(t, "POST", "/api/gaps/"+g+"/fund", "a1", `{"amount":"4"}`)
		require.Equal(t, http.StatusCreated, code, string(body))
	}
	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats?limit=2", "", "")
	require.Equal(t, http.StatusOK, code, string(body))
	st := decodeJSON[service.Stats](t, body)
	require.Equal(t, []string{"1", "2"}, gapIDs(st))
	require.Equal(t, "2", st.NextAfter)
	require.EqualValues(t, 12, st.LastMatch.Round)
	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats?limit=2&after=2", "", "")
	require.Equal(t, http.StatusOK, code, string(body))
	st = decodeJSON[service.Stats](t, body)
	require.Equal(t, []string{"3"}, gapIDs(st))
	require.Empty(t, st.NextAfter)

	for _, tc := range []struct{ name, path, msg string }{
		{"limit zero", "/api/gaps/funding/stats?limit=0", "?limit=0: want 1 to 1000"},
		{"limit over the page", "/api/gaps/1/funding?limit=101", "?limit=101: want 1 to 100"},
		{"limit not a number", "/api/gaps/1/funding?limit=five", "?limit=five: want 1 to 100"},
		{"limit with a sign", "/api/gaps/1/funding?limit=+5", "?limit= 5: want 1 to 100"},
		{"cursor not a number", "/api/gaps/1/funding?after=x", "?after=x: want a round number (the previous page's nextAfter)"},
		{"cursor with leading zero", "/api/gaps/funding/stats?after=01", "?after=01: want a gap number (the previous page's nextAfter)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := e.do(t, "GET", tc.path, "", "")
			require.Equal(t, http.StatusBadRequest, code, string(body))
			require.Equal(t, tc.msg, decodeJSON[map[string]string](t, body)["error"])
		})
	}
}

func gapIDs(st service.Stats) []string {
	var out []string
	for _, g := range st.Gaps {
		out = append(out, g.Gap)
	}
	return out
}

// With a stats refresh period, reads serve the last projection of the open
// round and never compute one themselves; the refresher (here Refresh, as
// its ticker would) brings it up to date. A new round's first read does
// compute, so a projection never describes a closed round.
func TestStatsRefreshOffTheRequestPath(t *testing.T) {
	e := newEnv(t, 2, 1000, service.Config{HTTP: service.HTTPConfig{StatsRefresh: time.Hour}})
	stats := func() service.Stats {
		code, body, _ := e.do(t, "GET", "/api/gaps/funding/stats", "", "")
		require.Equal(t, http.StatusOK, code, string(body))
		return decodeJSON[service.Stats](t, body)
	}
	require.Zero(t, stats().Contributions)
	require.EqualValues(t, 1, e.metric(t, "qf_projection_computes_total"))
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"10"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	require.Zero(t, stats().Contributions, "stale within the period")
	code, body, _ = e.do(t, "GET", "/api/gaps/1/funding", "", "")
	require.Equal(t, http.StatusOK, code)
	gf := decodeJSON[service.GapFunding](t, body)
	require.Equal(t, "10", gf.Direct, "the gap's own tally is read live")
	require.Equal(t, "0", gf.ProjectedMatch, "the projection is the last one")
	require.EqualValues(t, 1, e.metric(t, "qf_projection_computes_total"))

	require.NoError(t, e.srv.Refresh())
	require.Equal(t, 1, stats().Contributions)
	require.EqualValues(t, 2, e.metric(t, "qf_projection_computes_total"))
	require.NoError(t, e.srv.Refresh())
	require.EqualValues(t, 2, e.metric(t, "qf_projection_computes_total"), "nothing changed: nothing computed")

	_, err := e.srv.Match()
	require.NoError(t, err)
	st := stats()
	require.EqualValues(t, 2, st.Round)
	require.Zero(t, st.Contributions)
	require.EqualValues(t, 1, st.LastMatch.Round)
}

// TestStatsDefaultPage: /stats without ?limit= answers the first
// DefaultGapsPage gaps and the cursor of the next page; ?limit= takes up
// to MaxGapsPage.
func TestStatsDefaultPage(t *testing.T) {
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	var gaps []calc.Gap
	for g := uint64(1); g <= 250; g++ {
		gaps = append(gaps, calc.Gap{ID: *uint256.NewInt(g), Recipient: common.BigToAddress(new(big.Int).SetUint64(0x1000 + g))})
	}
	_, err = st.AddGaps(gaps)
	require.NoError(t, err)
	srv, err := service.New(st, service.Config{})
	require.NoError(t, err)
	h := httptest.NewServer(srv.Handler())
	defer func() { h.Close(); _ = st.Close() }()
	get := func(path string) service.Stats {
		res, err := http.Get(h.URL + path)
		require.NoError(t, err)
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, res.StatusCode, string(body))
		return decodeJSON[service.Stats](t, body)
	}
	for _, tc := range []struct {
		name, path string
		n          int
		next       string
	}{
		{"default page", "/api/gaps/funding/stats", service.DefaultGapsPage, "100"},
		{"next default page", "/api/gaps/funding/stats?after=200", 50, ""},
		{"the largest page", "/api/gaps/funding/stats?limit=1000", 250, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := get(tc.path)
			require.Len(t, s.Gaps, tc.n)
			require.Equal(t, tc.next, s.NextAfter)
		})
	}
}
