package site_test

import (
	"math/big"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// serveStore runs qf serve's handler on the store in db and returns its URL.
func serveStore(t *testing.T, db string) string {
	t.Helper()
	st, err := store.Open(db)
	require.NoError(t, err)
	srv, err := service.New(st, service.Config{})
	require.NoError(t, err)
	h := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { h.Close(); st.Close() })
	return h.URL
}

func addOne(dec string) string {
	n, ok := new(big.Int).SetString(dec, 10)
	if !ok {
		panic(dec)
	}
	return n.Add(n, big.NewInt(1)).String()
}

func cmpDec(a, b string) int {
	x, _ := new(big.Int).SetString(a, 10)
	y, _ := new(big.Int).SetString(b, 10)
	return x.Cmp(y)
}
