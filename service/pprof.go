package service

import (
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// servePprof serves Go's profiler (net/http/pprof: /debug/pprof/…) on
// addr, apart from the API (its own listener, none of the API's routes),
// until stop is called: how the fund path's CPU, allocations and locks were
// measured. It is off unless [HTTPConfig.PprofAddr] is set; bind it to a
// loopback address (a profile shows the process' memory and timing).
func servePprof(addr string) (bound string, stop func(), err error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	// A CPU profile or trace lasts its ?seconds=: no write timeout.
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(l) // http.ErrServerClosed once stopped
	}()
	return l.Addr().String(), func() {
		_ = srv.Close()
		<-done
	}, nil
}
