package service

import (
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"weak"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/store"
)

// A cached reply does not keep the projection it showed alive: a poller
// reading a new page after each fund (each read of a new projection)
// must not pin one whole snapshot (every gap's report) per small entry,
// memory the cache's byte bound does not count.
func TestReadCacheDoesNotPinSnapshots(t *testing.T) {
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer func() { _ = st.Close() }()
	_, err = st.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}})
	require.NoError(t, err)
	_, _, err = st.AddAgent("a", false)
	require.NoError(t, err)
	led, err := ledger.New(st)
	require.NoError(t, err)
	_, err = led.Credit(ledger.AgentAccount("a"), uint256.NewInt(1000))
	require.NoError(t, err)
	_, err = led.Credit(ledger.PoolAccount, uint256.NewInt(1000))
	require.NoError(t, err)
	srv, err := New(st, Config{})
	require.NoError(t, err)
	h := srv.Handler()
	const reads = 20
	var seen []weak.Pointer[snapshot]
	for i := range reads {
		_, _, err := srv.Ledger().Fund(ledger.FundRequest{Agent: "a", Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(1)})
		require.NoError(t, err)
		for _, path := range []string{fmt.Sprintf("/api/gaps/1/funding?after=%d", i), fmt.Sprintf("/api/gaps/funding/stats?limit=%d", 1+i)} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		}
		seen = append(seen, weak.Make(srv.proj.cur.Load()))
	}
	n, _ := srv.reads.usage()
	require.Equal(t, 2*reads, n, "every page is cached")
	runtime.GC()
	alive := 0
	for _, p := range seen {
		if p.Value() != nil {
			alive++
		}
	}
	require.Equal(t, 1, alive, "only the current projection is reachable")
	runtime.KeepAlive(srv) // its cache and projection are reachable through the count
}
