package service_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qf-dev/qf/ledger"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// syncBuffer is a log destination tests read while the service writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// clock is an injected clock the scheduler reads from its goroutine.
type clock struct{ t atomic.Pointer[time.Time] }

func newClock(t time.Time) *clock { c := &clock{}; c.set(t); return c }
func (c *clock) set(t time.Time)  { c.t.Store(&t) }
func (c *clock) now() time.Time   { return *c.t.Load() }

// scheduler runs RunSchedule in the background until the test ends.
func scheduler(t *testing.T, srv *service.Server) (stop func() error, exited func() bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.RunSchedule(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { _ = stop() })
	exited = func() bool {
		select {
		case err = <-done:
			done <- err
			return true
		default:
			return false
		}
	}
	return stop, exited
}

// started waits for the scheduler's first look at the clock.
func started(t *testing.T, srv *service.Server) {
	t.Helper()
	require.Eventually(t, func() bool { return srv.SchedulePasses() >= 1 }, 10*time.Second, time.Millisecond)
}

// Issue 19's griefing sequence under cocm — 1,000,000 base units, then
// 10^16 — no longer stops matching, and neither order locks anyone out:
// both funds are taken, the match leaves the dust out of the matching
// terms (a minimum amount of ceil(10^16 / 10^5), stored with the round)
// and succeeds, and the service stays up.
func TestCOCMGriefingMatches(t *testing.T) {
	e := newEnv(t, 2, 20_000_000_000_000_000, service.Config{Round: calc.Config{Mechanism: "cocm"}})
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"1000000"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/gaps/2/fund", "a1", `{"amount":"10000000000000000"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/gaps/2/fund", "a0", `{"amount":"5000000"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats", "", "")
	require.Equal(t, http.StatusOK, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", ``)
	require.Equal(t, http.StatusOK, code, string(body))
	r, err := e.st.Round(1)
	require.NoError(t, err)
	require.Equal(t, "100000000000", r.Config.MinAmount.Dec(), "the match's minimum amount is stored with the round")
	n, _ := e.srv.MatchFailures()
	require.Zero(t, n)
	code, _, _ = e.do(t, "GET", "/healthz", "", "")
	require.Equal(t, http.StatusOK, code)
}

// A scheduled match that fails anyway (here: a computation the test makes
// refuse round 1, as cocm refused rows written around the ledger before
// the store checked them at write time) is logged, counted and retried with backoff,
// never ending the scheduler; the admin voids the round over HTTP, and
// the next retry matches the next round.
func TestFailedMatchIsRetriedAndTheRoundVoided(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	clk := newClock(t0)
	var logs syncBuffer
	cfg := service.Config{Round: calc.Config{Mechanism: "cocm"}, MatchEvery: 6 * time.Hour, Now: clk.now, Tick: time.Millisecond,
		RetryMin: time.Minute, Log: log.New(&logs, "", 0)}
	e := newEnv(t, 2, 1_000_000, cfg)
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"1000000"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	e.srv.SetCompute(func(snap *store.Store) store.Compute {
		compute := round.LedgerCompute(snap)
		return func(r store.Round, cfg calc.Config) (*store.PoolResults, error) {
			if r.Number == 1 {
				return nil, fmt.Errorf("%w: cocm: the amounts span too wide a range (forced by the test)", calc.ErrPrecision)
			}
			return compute(r, cfg)
		}
	})

	stop, exited := scheduler(t, e.srv)
	started(t, e.srv)
	clk.set(t0.Add(6 * time.Hour))
	require.Eventually(t, func() bool { n, _ := e.srv.MatchFailures(); return n >= 1 }, 10*time.Second, time.Millisecond)
	n, last := e.srv.MatchFailures()
	require.EqualValues(t, 1, last.Round)
	require.Equal(t, float64(n), e.metric(t, "qf_match_failures_total"), "GET /metrics counts the failed matches")
	const failed = "match failed: round 1 stays open: precision: cocm: the amounts span too wide a range (forced by the test); void it to refund every contribution (qf ledger void-round 1, or POST /api/rounds/1/void)"
	require.Contains(t, logs.String(), failed+"\n")
	require.Equal(t, failed, last.Error)
	require.Contains(t, logs.String(), "schedule: retrying the match at 2026-11-30T06:01:00Z")
	require.False(t, exited(), "the scheduler keeps running")
	cur, _ := e.srv.Ledger().Tally()
	require.EqualValues(t, 1, cur.Number, "the round stays open")

	clk.set(t0.Add(6*time.Hour + time.Minute)) // the first retry
	require.Eventually(t, func() bool { m, _ := e.srv.MatchFailures(); return m > n }, 10*time.Second, time.Millisecond)
	require.Eventually(t, func() bool {
		return bytes.Contains([]byte(logs.String()), []byte("retrying the match at 2026-11-30T06:03:00Z"))
	},
		10*time.Second, time.Millisecond, "the backoff doubles")

	code, body, _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", ``)
	require.Equal(t, http.StatusUnprocessableEntity, code, string(body))
	require.Equal(t, failed, decodeJSON[map[string]string](t, body)["error"])
	code, body, _ = e.do(t, "POST", "/api/rounds/1/void", "a0", ``)
	require.Equal(t, http.StatusForbidden, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/rounds/1/void", "ops", ``)
	require.Equal(t, http.StatusOK, code, string(body))
	rec := decodeJSON[ledger.MatchRecord](t, body)
	require.Equal(t, store.StatusVoid, rec.Status)
	require.EqualValues(t, 1_000_000, e.balance(t, "agent:a0"), "refunded")
	code, body, _ = e.do(t, "POST", "/api/rounds/1/void", "ops", ``)
	require.Equal(t, http.StatusConflict, code, string(body))

	clk.set(t0.Add(6*time.Hour + 3*time.Minute))
	require.Eventually(t, func() bool { return len(matches(t, e.srv.Ledger())) == 2 }, 10*time.Second, time.Millisecond)
	recs := matches(t, e.srv.Ledger())
	require.Equal(t, store.StatusClosed, recs[1].Status)
	require.EqualValues(t, 2, recs[1].Round)
	require.NoError(t, stop())
}

// The schedule is anchored and follows the clock: each case sets the
// stored state, starts the scheduler at start, then moves the clock
// through steps, each with the number of matches expected by then.
func TestScheduleFollowsTheClock(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	type step struct {
		at      time.Time
		matches int
	}
	for _, tc := range []struct {
		name    string
		state   *ledger.ScheduleState
		matchAt time.Time
		start   time.Time
		steps   []step
		log     string
	}{
		{name: "a first start anchors and matches nothing then", start: t0,
			steps: []step{{t0.Add(5 * time.Hour), 0}, {t0.Add(6 * time.Hour), 1}, {t0.Add(11 * time.Hour), 1}, {t0.Add(12 * time.Hour), 2}}},
		{name: "--match-at anchors the schedule", matchAt: t0.Add(90 * time.Minute), start: t0,
			steps: []step{{t0.Add(89 * time.Minute), 0}, {t0.Add(90 * time.Minute), 1}, {t0.Add(7 * time.Hour), 1}, {t0.Add(7*time.Hour + 30*time.Minute), 2}}},
		{name: "a forward step matches once", state: &ledger.ScheduleState{LastMatch: t0, Anchor: t0}, start: t0.Add(time.Hour),
			steps: []step{{t0.Add(30 * time.Hour), 1}, {t0.Add(30*time.Hour + time.Minute), 1}, {t0.Add(36 * time.Hour), 2}}},
		{name: "a backward step is followed", state: &ledger.ScheduleState{LastMatch: t0, Anchor: t0}, start: t0.Add(5 * time.Hour),
			steps: []step{{t0.Add(time.Hour), 0}, {t0.Add(5*time.Hour + 59*time.Minute), 0}, {t0.Add(6 * time.Hour), 1}}},
		{name: "a last match in the future is reported and ignored", state: &ledger.ScheduleState{LastMatch: t0.Add(365 * 24 * time.Hour), Anchor: t0},
			start: t0.Add(7 * time.Hour), steps: []step{{t0.Add(8 * time.Hour), 0}, {t0.Add(12 * time.Hour), 1}, {t0.Add(18 * time.Hour), 2}},
			log: "schedule: the last match is stamped 2027-11-30T00:00:00Z, after the clock's 2026-11-30T07:00:00Z; ignored: the next match is at 2026-11-30T12:00:00Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk := newClock(tc.start)
			var logs syncBuffer
			e := newEnv(t, 1, 1000, service.Config{MatchEvery: 6 * time.Hour, MatchAt: tc.matchAt, Now: clk.now, Tick: time.Millisecond, Log: log.New(&logs, "", 0)})
			if tc.state != nil {
				require.NoError(t, e.srv.Ledger().SetSchedule(*tc.state))
			}
			stop, _ := scheduler(t, e.srv)
			started(t, e.srv)
			for _, s := range tc.steps {
				clk.set(s.at)
				// Two passes after the change, the scheduler has acted on it.
				p := e.srv.SchedulePasses()
				require.Eventually(t, func() bool { return e.srv.SchedulePasses() >= p+2 }, 10*time.Second, time.Millisecond)
				require.Len(t, matches(t, e.srv.Ledger()), s.matches, "at %s", s.at)
			}
			require.NoError(t, stop())
			if tc.log != "" {
				require.Contains(t, logs.String(), tc.log)
			}
			st, _, err := e.srv.Ledger().Schedule()
			require.NoError(t, err)
			want := tc.start
			if tc.state != nil {
				want = tc.state.Anchor
			}
			if !tc.matchAt.IsZero() {
				want = tc.matchAt
			}
			require.Equal(t, want, st.Anchor)
		})
	}
}

// A mechanism change on an existing database applies from the next
// round, with a warning; an empty one keeps the open round's.
func TestMechanismChangeAppliesFromTheNextRound(t *testing.T) {
	e := newEnv(t, 2, 1000, service.Config{})
	var logs syncBuffer
	srv, err := service.New(e.st, service.Config{Round: calc.Config{Mechanism: "linear", CapBps: 5000}, Log: log.New(&logs, "", 0)})
	require.NoError(t, err)
	require.Equal(t, "warning: round 1 is open with mechanism qf (no parameters); the settings given (linear (cap 5000 bps)) apply from round 2, opened by the next match\n", logs.String())
	cur, _ := srv.Ledger().Tally()
	require.Equal(t, "qf", cur.Config.Mechanism, "the open round keeps its settings")
	_, err = srv.Match()
	require.NoError(t, err)
	cur, _ = srv.Ledger().Tally()
	require.EqualValues(t, 2, cur.Number)
	require.Equal(t, "linear", cur.Config.Mechanism)
	require.EqualValues(t, 5000, cur.Config.CapBps)
	// No settings given: the open round's stay, silently.
	var quiet syncBuffer
	srv, err = service.New(e.st, service.Config{Log: log.New(&quiet, "", 0)})
	require.NoError(t, err)
	_, err = srv.Match()
	require.NoError(t, err)
	cur, _ = srv.Ledger().Tally()
	require.Equal(t, "linear", cur.Config.Mechanism)
	require.Empty(t, quiet.String())
}
