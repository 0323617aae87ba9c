package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/qf-dev/qf/ledger"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/service"
)

func matches(t *testing.T, l *ledger.Ledger) []ledger.MatchRecord {
	t.Helper()
	recs, err := l.MatchRecords()
	require.NoError(t, err)
	return recs
}

// runFor runs the scheduler until it has made want matches in all, or for
// d if it should make none.
func runFor(t *testing.T, srv *service.Server, d time.Duration, want int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.RunSchedule(ctx) }()
	if want > 0 {
		require.Eventually(t, func() bool { return len(matches(t, srv.Ledger())) >= want }, 5*time.Second, 5*time.Millisecond)
		cancel()
	}
	require.NoError(t, <-done)
}

// The schedule survives restarts: the first start stamps the clock; a
// restart before the period ends matches nothing; a start after the
// service was down for two periods matches once, not twice; and the time
// of a match is stored with it, so the next period counts from there.
func TestScheduleSurvivesRestarts(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	now := t0
	cfg := service.Config{MatchEvery: 6 * time.Hour, Now: func() time.Time { return now }}
	e := newEnv(t, 2, 1000, cfg)
	code, _, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"100"}`)
	require.Equal(t, 201, code)
	code, _, _ = e.do(t, "POST", "/api/gaps/1/fund", "a1", `{"amount":"100"}`)
	require.Equal(t, 201, code)

	runFor(t, e.srv, 100*time.Millisecond, 0)
	st, ok, err := e.srv.Ledger().Schedule()
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, t0, st.LastMatch, "the first start stamps the clock")

	restart := func() *service.Server {
		srv, err := service.New(e.st, cfg)
		require.NoError(t, err)
		return srv
	}
	now = t0.Add(5 * time.Hour)
	runFor(t, restart(), 100*time.Millisecond, 0)
	require.Empty(t, matches(t, e.srv.Ledger()))

	now = t0.Add(19 * time.Hour) // down through three due times
	srv := restart()
	runFor(t, srv, 300*time.Millisecond, 1)
	runFor(t, srv, 100*time.Millisecond, 0) // and again: still one
	recs := matches(t, srv.Ledger())
	require.Len(t, recs, 1)
	require.Equal(t, now, recs[0].At)
	require.Equal(t, "1000000", recs[0].Matched.Dec())

	now = now.Add(6 * time.Hour)
	runFor(t, restart(), 300*time.Millisecond, 2)
	require.Len(t, matches(t, srv.Ledger()), 2)
	_, err = srv.Ledger().Check()
	require.NoError(t, err)
}
