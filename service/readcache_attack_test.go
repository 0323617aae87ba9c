package service_test

import (
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// A void refunds every escrow of the open round and opens the next one:
// the reads right after it (cached before it) show that, in both
// projection modes.
func TestReadCacheAfterVoid(t *testing.T) {
	for _, tc := range []struct {
		name    string
		refresh time.Duration
	}{{"projection on read", 0}, {"projection refreshed", time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, 2, 1000, service.Config{HTTP: service.HTTPConfig{StatsRefresh: tc.refresh}})
			for _, a := range []string{"a0", "a1"} {
				code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", a, `{"amount":"7"}`)
				require.Equal(t, http.StatusCreated, code, string(body))
			}
			require.NoError(t, e.srv.Refresh())
			g := decodeJSON[service.GapFunding](t, get200(t, e, "/api/gaps/1/funding"))
			require.Equal(t, [3]string{"14", "14", "2"}, [3]string{g.Escrow, g.Direct, fmt.Sprint(g.Contributors)})
			require.Equal(t, 2, decodeJSON[service.Stats](t, get200(t, e, "/api/gaps/funding/stats")).Contributions)
			code, body, _ := e.do(t, "POST", "/api/rounds/1/void", "ops", "")
			require.Equal(t, http.StatusOK, code, string(body))
			g = decodeJSON[service.GapFunding](t, get200(t, e, "/api/gaps/1/funding"))
			require.Equal(t, [4]string{"0", "0", "0", "2"}, [4]string{g.Escrow, g.Direct, fmt.Sprint(g.Contributors), fmt.Sprint(g.Round)})
			require.Len(t, g.Matches, 1)
			require.Equal(t, "14", g.Matches[0].Refunded.Dec())
			s := decodeJSON[service.Stats](t, get200(t, e, "/api/gaps/funding/stats"))
			require.Equal(t, [3]uint64{2, 0, 1}, [3]uint64{s.Round, uint64(s.Contributions), s.LastMatch.Round})
		})
	}
}

// The ways of writing one gap id in a URL: the canonical one is served
// (and cached once), every other spelling is refused before the cache, so
// spellings neither grow the cache nor reach another entry.
func TestReadCacheGapSpellings(t *testing.T) {
	e := newEnv(t, 1, 1000, service.Config{HTTP: service.HTTPConfig{StatsRefresh: time.Hour}})
	get200(t, e, "/api/gaps/1/funding")
	entries0, _ := e.srv.ReadCacheUsage()
	for _, tc := range []struct{ name, gap string }{
		{"leading zero", "01"},
		{"hex", "0x1"},
		{"plus sign", "+1"},
		{"space", "%201"},
		{"exponent", "1e0"},
		{"past 2^256", "115792089237316195423570985008687907853269984665640564039457584007913129639937"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := e.do(t, "GET", "/api/gaps/"+tc.gap+"/funding", "", "")
			require.Equal(t, http.StatusBadRequest, code, string(body))
		})
	}
	for _, tc := range []struct{ name, query string }{
		{"limit with a plus", "?limit=%2B5"},
		{"limit past the bound", "?limit=1000000000"},
		{"limit zero", "?limit=0"},
		{"after with a leading zero", "?after=01"},
		{"after negative", "?after=-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := e.do(t, "GET", "/api/gaps/1/funding"+tc.query, "", "")
			require.Equal(t, http.StatusBadRequest, code, string(body))
		})
	}
	// Spellings of the default page are one entry.
	for _, q := range []string{"", "?limit=100", "?after=0", "?after=&limit=", "?x=1", "?limit=100&x=2"} {
		get200(t, e, "/api/gaps/1/funding"+q)
	}
	entries, _ := e.srv.ReadCacheUsage()
	require.Equal(t, entries0, entries)
}

// Gap ids are 256-bit: /stats' nextAfter names the last gap of a page,
// and following it reads the next page, whatever the ids' size.
func TestStatsPagesOfLargeGapIDs(t *testing.T) {
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer func() { _ = st.Close() }()
	big64 := new(uint256.Int).Lsh(uint256.NewInt(1), 64)
	var ids []string
	var list []calc.Gap
	for i, v := range []*uint256.Int{uint256.NewInt(5), new(uint256.Int).AddUint64(big64, 1), new(uint256.Int).AddUint64(big64, 2), new(uint256.Int).Lsh(uint256.NewInt(1), 200)} {
		list = append(list, calc.Gap{ID: *v, Recipient: common.BigToAddress(big.NewInt(int64(0x100 + i)))})
		ids = append(ids, v.Dec())
	}
	_, err = st.AddGaps(list)
	require.NoError(t, err)
	led, err := ledger.New(st)
	require.NoError(t, err)
	_, err = led.Credit(ledger.PoolAccount, uint256.NewInt(1000))
	require.NoError(t, err)
	srv, err := service.New(st, service.Config{})
	require.NoError(t, err)
	h := httptest.NewServer(srv.Handler())
	defer h.Close()
	var seen []string
	after := ""
	for range len(ids) + 1 {
		code, body := httpGet(t, h.URL+"/api/gaps/funding/stats?limit=1"+after)
		require.Equal(t, http.StatusOK, code, body)
		s := decodeJSON[service.Stats](t, []byte(body))
		for _, g := range s.Gaps {
			seen = append(seen, g.Gap)
		}
		if s.NextAfter == "" {
			break
		}
		after = "&after=" + s.NextAfter
	}
	require.Equal(t, ids, seen)
}

// The projection /stats and a gap's read show (computed from the round's
// statistics sums) is what the match then pays, gap by gap, after funds of
// 1 wei and of 2^200, from many donors, one of them twice to a gap.
func TestProjectionIsWhatTheMatchPays(t *testing.T) {
	pow := func(n uint) *uint256.Int { return new(uint256.Int).Lsh(uint256.NewInt(1), n) }
	for _, tc := range []struct {
		name string
		pool *uint256.Int
	}{
		{"odd pool", new(uint256.Int).AddUint64(pow(100), 7)},
		{"one-wei pool", uint256.NewInt(1)},
		{"huge pool", new(uint256.Int).SubUint64(pow(220), 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const donors = 40
			e := newEnv(t, donors, 1, service.Config{})
			led := e.srv.Ledger()
			_, err := led.Credit(ledger.PoolAccount, tc.pool)
			require.NoError(t, err)
			// A donor cannot be a gap's recipient here: an agent's name is
			// never an address.
			own := "0x00000000000000000000000000000000000000b1" // gap 1's recipient (newEnv)
			code, body, _ := e.do(t, "POST", "/api/agents", "ops", `{"name":"`+own+`"}`)
			require.Equal(t, http.StatusBadRequest, code, string(body))
			require.Contains(t, string(body), "could be taken for an address")
			for i := range donors {
				_, err := led.Credit(ledger.AgentAccount(fmt.Sprintf("a%d", i)), pow(210))
				require.NoError(t, err)
			}
			fund := func(agent string, gap int, amount *uint256.Int) {
				t.Helper()
				code, body, _ := e.do(t, "POST", fmt.Sprintf("/api/gaps/%d/fund", gap), agent, `{"amount":"`+amount.Dec()+`"}`)
				require.Equal(t, http.StatusCreated, code, string(body))
			}
			for i := range donors {
				fund(fmt.Sprintf("a%d", i), 1+i%3, uint256.NewInt(1)) // 1 wei each
			}
			fund("a0", 2, pow(200))
			fund("a1", 2, new(uint256.Int).SubUint64(pow(200), 1))
			fund("a2", 3, uint256.NewInt(3))
			fund("a3", 1, new(uint256.Int).AddUint64(pow(150), 3))
			fund("a3", 1, uint256.NewInt(1)) // again: one donor, two rows
			s := decodeJSON[service.Stats](t, get200(t, e, "/api/gaps/funding/stats"))
			require.Equal(t, donors+5, s.Contributions)
			want := map[string]string{}
			for _, g := range s.Gaps {
				want[g.Gap] = g.Match.Dec()
				require.Equal(t, g.Match.Dec(), decodeJSON[service.GapFunding](t, get200(t, e, "/api/gaps/"+g.Gap+"/funding")).ProjectedMatch, "gap %s", g.Gap)
			}
			r, ok := led.Open()
			require.True(t, ok)
			gaps, err := e.st.Gaps()
			require.NoError(t, err)
			_, err = e.st.OpenSums(r, gaps)
			require.NoError(t, err, "the projection came from the sums")
			rec, err := e.srv.Match()
			require.NoError(t, err)
			got := map[string]string{}
			sum := new(uint256.Int)
			for _, g := range rec.Gaps {
				got[g.Gap] = g.Match.Dec()
				sum.Add(sum, g.Match)
			}
			require.Equal(t, want, got)
			pool := new(uint256.Int).AddUint64(tc.pool, 1_000_000) // newEnv's credit too
			require.Equal(t, pool.Dec(), rec.Pool.Dec())
			require.Equal(t, pool.Dec(), s.Pool)
			require.False(t, sum.Gt(rec.Pool), "Σ matches %s > pool %s", sum.Dec(), rec.Pool.Dec())
		})
	}
}

// Funds that arrive while a match computes go to the next round: its
// projection (read right after the match, cached before it) shows them,
// comes from the round's sums (one fund of 1 wei during each match used to
// leave the next round without them, every projection computed from all
// its rows) and is what that round's match pays.
func TestProjectionAfterLateFunds(t *testing.T) {
	e := newEnv(t, 3, 1_000_000, service.Config{})
	fund := func(agent string, gap int, amount string) {
		t.Helper()
		code, body, _ := e.do(t, "POST", fmt.Sprintf("/api/gaps/%d/fund", gap), agent, `{"amount":"`+amount+`"}`)
		require.Equal(t, http.StatusCreated, code, string(body))
	}
	fund("a0", 1, "100")
	fund("a1", 2, "7")
	get200(t, e, "/api/gaps/funding/stats") // cached before the match
	e.srv.SetCompute(func(snap *store.Store) store.Compute {
		compute := round.LedgerCompute(snap)
		return func(r store.Round, cfg calc.Config) (*store.PoolResults, error) {
			if r.Number == 1 { // funds while round 1 computes
				fund("a2", 1, "1")
				fund("a2", 3, "999")
				fund("a0", 3, "1")
			}
			return compute(r, cfg)
		}
	})
	_, err := e.srv.Match()
	require.NoError(t, err)
	s := decodeJSON[service.Stats](t, get200(t, e, "/api/gaps/funding/stats"))
	require.Equal(t, [2]uint64{2, 3}, [2]uint64{s.Round, uint64(s.Contributions)})
	fund("a1", 3, "5")
	r, _ := e.srv.Ledger().Open()
	gaps, err := e.st.Gaps()
	require.NoError(t, err)
	_, err = e.st.OpenSums(r, gaps)
	require.NoError(t, err, "round 2 keeps its sums: its projection is O(gaps)")
	s = decodeJSON[service.Stats](t, get200(t, e, "/api/gaps/funding/stats"))
	require.Equal(t, 4, s.Contributions)
	want := map[string]string{}
	for _, g := range s.Gaps {
		want[g.Gap] = g.Match.Dec()
	}
	g3 := decodeJSON[service.GapFunding](t, get200(t, e, "/api/gaps/3/funding"))
	require.Equal(t, [3]string{"1005", "3", want["3"]}, [3]string{g3.Direct, fmt.Sprint(g3.Contributors), g3.ProjectedMatch})
	rec, err := e.srv.Match()
	require.NoError(t, err)
	got := map[string]string{}
	for _, g := range rec.Gaps {
		got[g.Gap] = g.Match.Dec()
	}
	require.Equal(t, want, got)
}

// Two gaps whose ids share one of the ledger's 4,096 version stripes: a
// fund to either shows in its own next read, and the other's reply,
// rebuilt because its stripe moved, is unchanged.
func TestReadCacheStripeCollision(t *testing.T) {
	// Find an id in gap 1's stripe: the one whose version a fund to gap 1
	// moves (in a scratch service).
	scratch := newEnv(t, 1, 1000, service.Config{})
	const candidates = 100_000
	before := make([]uint64, candidates)
	for i := range before {
		before[i] = scratch.srv.Ledger().GapVersion(uint256.NewInt(uint64(2 + i)))
	}
	code, body, _ := scratch.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"1"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	var other uint64
	for i := range before {
		if scratch.srv.Ledger().GapVersion(uint256.NewInt(uint64(2+i))) != before[i] {
			other = uint64(2 + i)
			break
		}
	}
	require.NotZero(t, other, "no id of %d shares gap 1's stripe", candidates)

	// A service whose gaps are 1 and that id.
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer func() { _ = st.Close() }()
	_, err = st.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))},
		{ID: *uint256.NewInt(other), Recipient: common.BigToAddress(big.NewInt(0xc0))}})
	require.NoError(t, err)
	keys := map[string]string{}
	for _, a := range []string{"a0", "a1"} {
		_, keys[a], err = st.AddAgent(a, false)
		require.NoError(t, err)
	}
	led, err := ledger.New(st)
	require.NoError(t, err)
	for _, a := range []string{"a0", "a1"} {
		_, err = led.Credit(ledger.AgentAccount(a), uint256.NewInt(1000))
		require.NoError(t, err)
	}
	srv, err := service.New(st, service.Config{HTTP: service.HTTPConfig{StatsRefresh: time.Hour, PerIP: -1, PerKey: -1}})
	require.NoError(t, err)
	h := httptest.NewServer(srv.Handler())
	defer h.Close()
	fund := func(agent string, gap uint64) {
		t.Helper()
		req, err := http.NewRequest("POST", fmt.Sprintf("%s/api/gaps/%d/fund", h.URL, gap), strings.NewReader(`{"amount":"5"}`))
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer "+keys[agent])
		req.Header.Set("Idempotency-Key", fmt.Sprintf("stripe-%d", autoKey.Add(1)))
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		b, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		require.Equal(t, http.StatusCreated, res.StatusCode, string(b))
	}
	figures := func(gap uint64) [3]string {
		t.Helper()
		code, body := httpGet(t, fmt.Sprintf("%s/api/gaps/%d/funding", h.URL, gap))
		require.Equal(t, http.StatusOK, code, body)
		g := decodeJSON[service.GapFunding](t, []byte(body))
		return [3]string{g.Escrow, g.Direct, fmt.Sprint(g.Contributors)}
	}
	require.Equal(t, [3]string{"0", "0", "0"}, figures(1))
	require.Equal(t, [3]string{"0", "0", "0"}, figures(other))
	for _, tc := range []struct {
		name         string
		gap          uint64
		agent        string
		want1, want2 [3]string
	}{
		{"fund the other gap", other, "a1", [3]string{"0", "0", "0"}, [3]string{"5", "5", "1"}},
		{"fund gap 1", 1, "a1", [3]string{"5", "5", "1"}, [3]string{"5", "5", "1"}},
		{"fund the other gap again", other, "a0", [3]string{"5", "5", "1"}, [3]string{"10", "10", "2"}},
		{"fund gap 1 again", 1, "a0", [3]string{"10", "10", "2"}, [3]string{"10", "10", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fund(tc.agent, tc.gap)
			require.Equal(t, tc.want1, figures(1))
			require.Equal(t, tc.want2, figures(other))
		})
	}
}
