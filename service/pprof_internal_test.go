package service

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPprof(t *testing.T) {
	t.Run("serves the profiler on its own address, not the API's routes", func(t *testing.T) {
		addr, stop, err := servePprof("127.0.0.1:0")
		require.NoError(t, err)
		defer stop()
		for _, tc := range []struct {
			path string
			code int
		}{{"/debug/pprof/", 200}, {"/debug/pprof/goroutine?debug=1", 200}, {"/debug/pprof/cmdline", 200}, {"/healthz", 404}, {"/api/gaps/funding/stats", 404}} {
			resp, err := http.Get("http://" + addr + tc.path)
			require.NoError(t, err)
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			require.Equal(t, tc.code, resp.StatusCode, tc.path)
		}
		stop()
		_, err = http.Get("http://" + addr + "/debug/pprof/")
		require.Error(t, err, "stopped")
	})
	t.Run("a taken address fails Serve before it serves", func(t *testing.T) {
		taken, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		defer taken.Close()
		s := &Server{http: HTTPConfig{PprofAddr: taken.Addr().String()}}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		defer l.Close()
		err = s.Serve(context.Background(), l)
		require.ErrorIs(t, err, ErrHTTPConfig)
		require.Contains(t, err.Error(), "bad HTTP settings: profiler address "+taken.Addr().String()+": listen tcp "+taken.Addr().String()+": bind: address already in use")
	})
}
