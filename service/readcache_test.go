package service_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// The read cache serves a reply again only while what it shows is
// unchanged: a fund shows in the next read of its gap (escrow, direct,
// contributors) and, with --stats-refresh 0, in the next /stats; with a
// refresh period the projection follows the refresher (Refresh here, as
// its tick would); a match shows in the next read of either; the next
// match time follows the (injected) clock. Nothing changed: the reply
// comes from the cache.
func TestReadCacheServesOnlyWhatIsCurrent(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		refresh time.Duration
	}{{"projection on read", 0}, {"projection refreshed", time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			clk := newClock(t0)
			e := newEnv(t, 2, 1000, service.Config{MatchEvery: 6 * time.Hour, Now: clk.now, HTTP: service.HTTPConfig{StatsRefresh: tc.refresh}})
			require.NoError(t, e.srv.Ledger().SetSchedule(ledger.ScheduleState{Anchor: t0, LastMatch: t0}))
			_, err := e.srv.Ledger().Credit(ledger.PoolAccount, uint256.NewInt(1000))
			require.NoError(t, err)
			get := func(path string) []byte {
				t.Helper()
				code, body, _ := e.do(t, "GET", path, "", "")
				require.Equal(t, http.StatusOK, code, string(body))
				return body
			}
			const statsPath, gapPath = "/api/gaps/funding/stats", "/api/gaps/1/funding"
			stats := func() service.Stats { return decodeJSON[service.Stats](t, get(statsPath)) }
			gap := func() service.GapFunding { return decodeJSON[service.GapFunding](t, get(gapPath)) }
			hits := func() float64 { return e.metric(t, "qf_read_cache_hits_total") }
			fund := func(agent, g string) {
				t.Helper()
				code, body, _ := e.do(t, "POST", "/api/gaps/"+g+"/fund", agent, `{"amount":"10"}`)
				require.Equal(t, http.StatusCreated, code, string(body))
			}

			st0, gap0 := get(statsPath), get(gapPath)
			h := hits()
			require.Equal(t, string(st0), string(get(statsPath)))
			require.Equal(t, string(gap0), string(get(gapPath)))
			require.Equal(t, h+2, hits(), "nothing changed: both from the cache")
			require.Equal(t, "2026-12-01T06:00:00Z", stats().NextMatch)

			t.Run("a fund shows in its gap's next read", func(t *testing.T) {
				fund("a0", "1")
				fund("a1", "1")
				g := gap()
				require.Equal(t, [3]string{"20", "20", "2"}, [3]string{g.Escrow, g.Direct, fmt.Sprint(g.Contributors)})
				if tc.refresh == 0 {
					require.Equal(t, 2, stats().Contributions)
					require.NotEqual(t, "0", gap().ProjectedMatch)
					return
				}
				require.Zero(t, stats().Contributions, "the projection is the refresher's")
				require.Equal(t, "0", gap().ProjectedMatch)
				require.NoError(t, e.srv.Refresh())
				require.Equal(t, 2, stats().Contributions, "refreshed: the next read shows it")
				require.NotEqual(t, "0", gap().ProjectedMatch)
			})
			t.Run("the clock moves the next match", func(t *testing.T) {
				h := hits()
				require.Equal(t, "2026-12-01T06:00:00Z", stats().NextMatch)
				require.Equal(t, h+1, hits())
				clk.set(t0.Add(7 * time.Hour)) // due: the scheduler is on it
				require.Equal(t, "2026-12-01T07:00:00Z", stats().NextMatch)
				clk.set(t0.Add(7*time.Hour + time.Second))
				require.Equal(t, "2026-12-01T07:00:01Z", stats().NextMatch)
			})
			t.Run("a match shows in the next reads", func(t *testing.T) {
				before := gap()
				_, err := e.srv.Match()
				require.NoError(t, err)
				g := gap()
				require.EqualValues(t, 2, g.Round)
				require.Len(t, g.Matches, 1)
				require.Equal(t, before.ProjectedMatch, g.Matches[0].Match.Dec())
				require.Equal(t, [2]string{"0", "0"}, [2]string{g.Direct, g.ProjectedMatch})
				esc := new(uint256.Int).Add(uint256.MustFromDecimal(before.Escrow), g.Matches[0].Match)
				require.Equal(t, esc.Dec(), g.Escrow)
				s := stats()
				require.EqualValues(t, 2, s.Round)
				require.EqualValues(t, 1, s.LastMatch.Round)
				require.Zero(t, s.Contributions)
			})
			t.Run("a fund to another gap leaves this one's reply", func(t *testing.T) {
				want := get(gapPath)
				fund("a0", "2")
				require.Equal(t, string(want), string(get(gapPath)))
			})
		})
	}
}

// A poller asking for many distinct gaps and pages grows the cache to its
// bound and no further, and replies stay right after their entries went;
// unknown gaps (404) are not kept at all.
func TestReadCacheIsBounded(t *testing.T) {
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	const gaps = 400
	var list []calc.Gap
	for g := uint64(1); g <= gaps; g++ {
		list = append(list, calc.Gap{ID: *uint256.NewInt(g), Recipient: common.BigToAddress(new(big.Int).SetUint64(0x1000 + g))})
	}
	_, err = st.AddGaps(list)
	require.NoError(t, err)
	srv, err := service.New(st, service.Config{HTTP: service.HTTPConfig{StatsRefresh: time.Hour}})
	require.NoError(t, err)
	h := httptest.NewServer(srv.Handler())
	defer func() { h.Close(); _ = st.Close() }()
	get := func(path string, want int) string {
		t.Helper()
		code, body := httpGet(t, h.URL+path)
		require.Equal(t, want, code, body)
		return body
	}
	const bound = 64 << 10
	srv.SetReadCacheBytes(bound)
	first := get("/api/gaps/1/funding", http.StatusOK)
	for _, tc := range []struct {
		name string
		path func(i int) string
		n    int
		code int
	}{
		{"distinct gaps", func(i int) string { return fmt.Sprintf("/api/gaps/%d/funding", 1+i%gaps) }, gaps, http.StatusOK},
		{"distinct pages of a gap", func(i int) string { return fmt.Sprintf("/api/gaps/7/funding?after=%d&limit=%d", i, 1+i%100) }, 1000, http.StatusOK},
		{"distinct stats pages", func(i int) string { return fmt.Sprintf("/api/gaps/funding/stats?after=%d&limit=1000", i) }, gaps, http.StatusOK},
		{"unknown gaps", func(i int) string { return fmt.Sprintf("/api/gaps/%d/funding", 1_000_000+i) }, 1000, http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries0, _ := srv.ReadCacheUsage()
			for i := range tc.n {
				get(tc.path(i), tc.code)
			}
			entries, bytes := srv.ReadCacheUsage()
			require.LessOrEqual(t, bytes, bound)
			if tc.code != http.StatusOK {
				require.Equal(t, entries0, entries, "errors are not kept")
				return
			}
			require.Greater(t, entries, 0)
			require.Less(t, entries, tc.n, "the bound dropped the least recently used")
		})
	}
	require.Equal(t, first, get("/api/gaps/1/funding", http.StatusOK), "rebuilt after its entry went: the same reply")
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(body)
}

// Pollers reading while agents fund and the admin matches: every reply
// is well-formed, and once the writes stop, what the cache serves is what
// a reply built afresh (the cache bounded to nothing) shows.
func TestReadCacheUnderConcurrentWrites(t *testing.T) {
	for _, tc := range []struct {
		name    string
		refresh time.Duration
	}{{"projection on read", 0}, {"projection refreshed", time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, 4, 1_000_000, service.Config{HTTP: service.HTTPConfig{StatsRefresh: tc.refresh}})
			_, err := e.srv.Ledger().Credit(ledger.PoolAccount, uint256.NewInt(10_000))
			require.NoError(t, err)
			paths := []string{"/api/gaps/funding/stats", "/api/gaps/1/funding", "/api/gaps/2/funding", "/api/gaps/3/funding?limit=1", "/api/gaps/funding/stats?limit=2"}
			stop := make(chan struct{})
			errs := make(chan error, 8)
			var polls sync.WaitGroup
			for p := range 4 {
				polls.Add(1)
				go func() {
					defer polls.Done()
					for i := 0; ; i++ {
						select {
						case <-stop:
							errs <- nil
							return
						default:
						}
						res, err := e.cl.Get(e.http.URL + paths[(p+i)%len(paths)])
						if err != nil {
							errs <- err
							return
						}
						body, err := io.ReadAll(res.Body)
						_ = res.Body.Close()
						if err == nil && (res.StatusCode != http.StatusOK || !json.Valid(body)) {
							err = fmt.Errorf("%s: %d %s", paths[(p+i)%len(paths)], res.StatusCode, body)
						}
						if err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			for round := range 3 {
				for i := range 30 {
					code, body, _ := e.do(t, "POST", fmt.Sprintf("/api/gaps/%d/fund", 1+i%3), fmt.Sprintf("a%d", i%4), `{"amount":"5"}`)
					require.Equal(t, http.StatusCreated, code, string(body))
				}
				if round < 2 {
					_, err := e.srv.Match()
					require.NoError(t, err)
				}
			}
			close(stop)
			polls.Wait()
			for range 4 {
				require.NoError(t, <-errs)
			}
			if tc.refresh > 0 {
				require.NoError(t, e.srv.Refresh())
			}
			cached := map[string]string{}
			for _, p := range paths {
				cached[p] = string(get200(t, e, p))
				require.Equal(t, cached[p], string(get200(t, e, p)), "%s: read again", p)
			}
			e.srv.SetReadCacheBytes(0)
			for _, p := range paths {
				require.Equal(t, cached[p], string(get200(t, e, p)), "%s: cached against afresh", p)
			}
			entries, _ := e.srv.ReadCacheUsage()
			require.Zero(t, entries)
		})
	}
}

func get200(t *testing.T, e *env, path string) []byte {
	t.Helper()
	code, body, _ := e.do(t, "GET", path, "", "")
	require.Equal(t, http.StatusOK, code, string(body))
	return body
}
