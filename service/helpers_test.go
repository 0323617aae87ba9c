package service_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/qf-dev/qf/ledger"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// env is a running service over a fresh store: gaps 1–3, an admin "ops"
// and agents a0…a{n-1}, each credited with balance.
type env struct {
	st   *store.Store
	srv  *service.Server
	http *httptest.Server
	keys map[string]string
	cl   *http.Client
	base string // the URL requests go to: http's, or serve's
}

func newEnv(t testing.TB, agents int, balance uint64, cfg service.Config) *env {
	t.Helper()
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	var gaps []calc.Gap
	for g := int64(1); g <= 3; g++ {
		gaps = append(gaps, calc.Gap{ID: *uint256.NewInt(uint64(g)), Recipient: common.BigToAddress(big.NewInt(0xb0 + g))})
	}
	_, err = st.AddGaps(gaps)
	require.NoError(t, err)
	e := &env{st: st, keys: map[string]string{}}
	_, e.keys["ops"], err = st.AddAgent("ops", true)
	require.NoError(t, err)
	led, err := ledger.New(st)
	require.NoError(t, err)
	for i := range agents {
		name := fmt.Sprintf("a%d", i)
		_, e.keys[name], err = st.AddAgent(name, false)
		require.NoError(t, err)
		_, err = led.Credit(ledger.AgentAccount(name), uint256.NewInt(balance))
		require.NoError(t, err)
	}
	_, err = led.Credit(ledger.PoolAccount, uint256.NewInt(1_000_000))
	require.NoError(t, err)
	// Tests hammer one address with few keys: rate limits only where a
	// test sets them.
	if cfg.HTTP.PerIP == 0 {
		cfg.HTTP.PerIP = -1
	}
	if cfg.HTTP.PerKey == 0 {
		cfg.HTTP.PerKey = -1
	}
	e.srv, err = service.New(st, cfg)
	require.NoError(t, err)
	e.http = httptest.NewServer(e.srv.Handler()) // a real listener on 127.0.0.1
	e.cl = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	t.Cleanup(func() {
		e.http.Close()
		require.NoError(t, st.Close())
	})
	return e
}

// do sends a request with the agent's key ("" for none) and returns the
// status, body and the Idempotent-Replayed header.
//
// A POST fund without an Idempotency-Key in headers gets a fresh one (the
// service requires it); pass "Idempotency-Key", "" to send none.
func (e *env) do(t testing.TB, method, path, agent, body string, headers ...string) (int, []byte, bool) {
	t.Helper()
	if method == "POST" && strings.HasSuffix(path, "/fund") && !slices.Contains(headers, "Idempotency-Key") {
		headers = append(headers, "Idempotency-Key", fmt.Sprintf("auto-%d", autoKey.Add(1)))
	}
	base := e.base
	if base == "" {
		base = e.http.URL
	}
	req, err := http.NewRequest(method, base+path, bytes.NewBufferString(body))
	require.NoError(t, err)
	if agent != "" {
		req.Header.Set("Authorization", "Bearer "+e.keys[agent])
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := e.cl.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, b, resp.Header.Get("Idempotent-Replayed") == "true"
}

var autoKey atomic.Int64

func (e *env) balance(t testing.TB, account string) uint64 {
	t.Helper()
	b, err := e.srv.Ledger().Balance(account)
	require.NoError(t, err)
	return b.Uint64()
}

func decodeJSON[T any](t testing.TB, b []byte) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(b, &v), string(b))
	return v
}

// serve runs the server's own Serve (its limits, timeouts and TLS) on a
// fresh 127.0.0.1 port until the test ends, sends e.do there, and returns
// its address.
func (e *env) serve(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.srv.Serve(ctx, l) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	e.base = "http://" + l.Addr().String()
	return l.Addr().String()
}

// metric reads one sample's value from GET /metrics (0 if absent).
func (e *env) metric(t testing.TB, sample string) float64 {
	t.Helper()
	code, body, _ := e.do(t, "GET", "/metrics", "", "")
	require.Equal(t, http.StatusOK, code)
	for _, line := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(line, sample+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			require.NoError(t, err, line)
			return f
		}
	}
	return 0
}
