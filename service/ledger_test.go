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

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
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

// started waits for the scheduler's first start to stamp the schedule.
func started(t *testing.T, srv *service.Server) {
	t.Helper()
	require.Eventually(t, func() bool {
		st, ok, err := srv.Ledger().Schedule()
		return err == nil && ok && !st.Anchor.IsZero()
	}, 10*time.Second, time.Millisecond)
}

// The cocm griefing sequence: a fund the match could not compute is
// refused with a 422 at funding time, and the round stays matchable.
func TestCOCMGriefingIsRefusedAtFunding(t *testing.T) {
	e := newEnv(t, 2, 20_000_000_000_000_000, service.Config{Round: calc.Config{Mechanism: "cocm"}})
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"1000000"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/gaps/2/fund", "a1", `{"amount":"10000000000000000"}`)
	require.Equal(t, http.StatusUnprocessableEntity, code, string(body))
	require.Equal(t, "refused: the round's mechanism cannot match this: a1's total on gap 2 would be 10000000000000000, over 100000 times the round's smallest amount (1000000); the mechanism's result would not be exact enough to pay out",
		decodeJSON[map[string]string](t, body)["error"])
	require.Zero(t, e.balance(t, "gap:2"), "nothing moved")
	code, body, _ = e.do(t, "POST", "/api/gaps/2/fund", "a1", `{"amount":"5000000"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", ``)
	require.Equal(t, http.StatusOK, code, string(body))
	code, _, _ = e.do(t, "GET", "/healthz", "", "")
	require.Equal(t, http.StatusOK, code)
}

// A scheduled match that fails anyway (here: rows written around the
// ledger make cocm refuse) is logged, counted and retried with backoff,
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
	_, err := e.st.Import(1, forgedCOCM)
	require.NoError(t, err)

	stop, exited := scheduler(t, e.srv)
	started(t, e.srv)
	clk.set(t0.Add(6 * time.Hour))
	require.Eventually(t, func() bool { n, _ := e.srv.MatchFailures(); return n >= 1 }, 10*time.Second, time.Millisecond)
	n, last := e.srv.MatchFailures()
	require.EqualValues(t, 1, last.Round)
	require.Contains(t, last.Error, "precision")
	require.Contains(t, logs.String(), "match of round 1 failed (the round stays open; qf ledger void-round refunds it)")
	require.Contains(t, logs.String(), "schedule: retrying the match at 2026-11-30T06:01:00Z")
	require.False(t, exited(), "the scheduler keeps running")
	cur, _ := e.srv.Ledger().Tally()
	require.EqualValues(t, 1, cur.Number, "the round stays open")

	clk.set(t0.Add(6*time.Hour + time.Minute)) // the first retry
	require.Eventually(t, func() bool { m, _ := e.srv.MatchFailures(); return m > n }, 10*time.Second, time.Millisecond)
	require.Eventually(t, func() bool { return bytes.Contains([]byte(logs.String()), []byte("retrying the match at 2026-11-30T06:03:00Z")) },
		10*time.Second, time.Millisecond, "the backoff doubles")

	code, body, _ = e.do(t, "POST", "/api/rounds/1/void", "a0", ``)
	require.Equal(t, http.StatusForbidden, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/rounds/1/void", "ops", ``)
	require.Equal(t, http.StatusOK, code, string(body))
	rec := decodeJSON[store.MatchRecord](t, body)
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

// forgedCOCM writes rows around the ledger that cocm cannot match to
// 10^-9 (amounts of 10^6 and 10^16 in this pattern).
func forgedCOCM(add func(*ingest.Row) error) error {
	big, small := uint256.MustFromDecimal("10000000000000000"), uint256.NewInt(1_000_000)
	for i, r := range []struct {
		donor string
		gap   uint64
		amt   *uint256.Int
	}{{"d0", 2, big}, {"d0", 3, big}, {"d1", 1, big}, {"d1", 3, small}, {"d2", 1, small}, {"d2", 3, big}} {
		row := ingest.Row{ID: []byte(fmt.Sprintf("cli-%d", i)), Donor: []byte(r.donor), Gap: *uint256.NewInt(r.gap), Amount: *r.amt}
		if err := add(&row); err != nil {
			return err
		}
	}
	return nil
}
