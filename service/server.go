package service

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/store"
)

// Config sets up a [Server].
type Config struct {
	// Round is the mechanism and settings of the rounds the service opens
	// (the pool is set at each match).
	Round    calc.Config
	Decimals uint8
	// MatchEvery closes the open round on this period; 0 only on demand.
	MatchEvery time.Duration
	// PoolSize caps what one match pays; nil pays the pool's whole balance.
	PoolSize *uint256.Int
	// Now is the clock (tests set it); nil is time.Now.
	Now func() time.Time
	// HTTP bounds clients: timeouts, connection caps, rate limits, TLS,
	// the projection's staleness and the access log.
	HTTP HTTPConfig
}

// MaxBody bounds request bodies.
const MaxBody = 4 << 10

// Server serves the API over a store it owns while running.
type Server struct {
	cfg    Config
	st     *store.Store
	led    *store.Ledger
	mux    *http.ServeMux
	met    *metrics
	agents sync.Map // name → store.Agent

	matchMu sync.Mutex // one match at a time (API and scheduler)
	trees   sync.Map   // round → *merkle.Tree
	proj    projection

	http          HTTPConfig  // with defaults filled in
	tls           *tls.Config // nil: plain HTTP
	ipLim, keyLim *limiters

	openRound atomic.Uint64 // for /healthz, lock-free
	last      atomic.Pointer[store.MatchRecord]
	statsBody atomic.Pointer[statsReply] // the last /stats reply
	indexMu   sync.Mutex                 // one per-gap indexing at a time
	indexed   atomic.Uint64              // the last round in the per-gap index
}

// New opens the ledger, loads the agents and makes sure a round is open.
func New(st *store.Store, cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Round.Mechanism == "" {
		cfg.Round.Mechanism = "qf"
	}
	if err := cfg.Round.Validate(); err != nil {
		return nil, err
	}
	if cfg.Round.Mechanism == calc.CQFName && cfg.PoolSize != nil {
		return nil, fmt.Errorf("%w: cqf rounds have no pool, so no pool size", calc.ErrParam)
	}
	// The HTTP settings are checked before anything is stored.
	if err := cfg.HTTP.Validate(); err != nil {
		return nil, err
	}
	hc := cfg.HTTP.withDefaults()
	var tlsConf *tls.Config
	if hc.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(hc.TLSCert, hc.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("%w: TLS certificate %s with key %s: %v", ErrHTTPConfig, hc.TLSCert, hc.TLSKey, err)
		}
		tlsConf = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	led, err := st.Ledger()
	if err != nil {
		return nil, err
	}
	open, err := led.OpenRound(cfg.Round, cfg.Decimals)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, st: st, led: led, mux: http.NewServeMux(), met: newMetrics(),
		http: hc, tls: tlsConf, ipLim: newLimiters(hc.PerIP), keyLim: newLimiters(hc.PerKey)}
	agents, err := st.Agents()
	if err != nil {
		return nil, err
	}
	for _, a := range agents {
		s.agents.Store(a.Name, a)
	}
	s.openRound.Store(open.Number)
	s.routes()
	return s, nil
}

// Ledger is the server's ledger.
func (s *Server) Ledger() *store.Ledger { return s.led }

// Handler is the API behind its rate limits, metrics and access log.
// Requests no route matches get the mux's 404 or 405 as a JSON error too.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// notFound answers a request no route matches, h being the mux's answer.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, h http.Handler) {
	rec := &headerOnly{header: http.Header{}}
	h.ServeHTTP(rec, r)
	if allow := rec.header.Get("Allow"); allow != "" {
		w.Header().Set("Allow", allow)
	}
	msg := "no such endpoint (see qf serve --help)"
	if rec.code == http.StatusMethodNotAllowed {
		msg = "method " + r.Method + " not allowed here (allowed: " + rec.header.Get("Allow") + ")"
	}
	writeJSON(w, rec.code, map[string]string{"error": msg})
}

// headerOnly records a response's status and headers, dropping its body.
type headerOnly struct {
	header http.Header
	code   int
}

func (h *headerOnly) Header() http.Header         { return h.header }
func (h *headerOnly) Write(b []byte) (int, error) { return len(b), nil }
func (h *headerOnly) WriteHeader(code int)        { h.code = code }

// Serve serves the API on l, with the [HTTPConfig] timeouts and
// connection caps (over TLS when [HTTPConfig.TLSCert] is set: [New] loaded
// the certificate), and runs the scheduler until ctx ends.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	hc := s.http
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: hc.ReadHeaderTimeout, ReadTimeout: hc.ReadTimeout,
		WriteTimeout: hc.WriteTimeout, IdleTimeout: hc.IdleTimeout, MaxHeaderBytes: 16 << 10,
		ErrorLog: httpErrorLog(hc.Log)}
	srv.TLSConfig = s.tls
	l = hc.listener(l)
	errc := make(chan error, 3)
	go func() {
		if srv.TLSConfig != nil {
			errc <- srv.ServeTLS(l, "", "")
		} else {
			errc <- srv.Serve(l)
		}
	}()
	if s.cfg.MatchEvery > 0 {
		go func() { errc <- s.RunSchedule(ctx) }()
	}
	stopRefresh := s.startRefresher()
	defer stopRefresh()
	// A first start over many rounds indexes them now, not on a read; the
	// store stays open until it is done.
	var indexing sync.WaitGroup
	indexing.Add(1)
	go func() { defer indexing.Done(); s.indexPast() }()
	defer indexing.Wait()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	case err := <-errc:
		_ = srv.Close()
		return err
	}
}

// Match closes the open round now (see [store.Ledger.Match]).
func (s *Server) Match() (store.MatchRecord, error) {
	s.matchMu.Lock()
	defer s.matchMu.Unlock()
	var rec store.MatchRecord
	var err error
	// The open round's own settings decide (a restart may pass others).
	if open, _ := s.led.Tally(); open != nil && open.Config.Mechanism == calc.CQFName {
		rec, err = s.led.MatchCQF(s.cfg.Now(), ComputeStoredCQF(s.st))
	} else {
		rec, err = s.led.Match(s.cfg.PoolSize, s.cfg.Now(), ComputeStored(s.st))
	}
	if err == nil {
		s.met.matches.Add(1)
	}
	if r, ok := s.led.Open(); ok {
		s.openRound.Store(r.Number) // for /healthz
	}
	return rec, err
}

// RunSchedule matches every cfg.MatchEvery, counted from the last match
// stored in the ledger (or, on a first start, from now). A match that came
// due while the service was down runs once, right away.
func (s *Server) RunSchedule(ctx context.Context) error {
	every := s.cfg.MatchEvery
	for {
		st, ok, err := s.led.Schedule()
		if err != nil {
			return err
		}
		if !ok {
			if err := s.led.StampSchedule(s.cfg.Now()); err != nil {
				return err
			}
			continue
		}
		wait := st.LastMatch.Add(every).Sub(s.cfg.Now())
		if wait <= 0 {
			if _, err := s.Match(); err != nil && !errors.Is(err, store.ErrNoOpenRound) {
				return fmt.Errorf("scheduled match: %w", err)
			}
			continue
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

func (s *Server) tree(n uint64) (*merkle.Tree, error) {
	if t, ok := s.trees.Load(n); ok {
		return t.(*merkle.Tree), nil
	}
	t, err := s.st.Tree(n)
	if err != nil {
		return nil, err
	}
	s.trees.Store(n, t)
	return t, nil
}

// httpErrorLog sends net/http's own errors (TLS handshakes, accept errors)
// to the service log; nil keeps net/http's default.
func httpErrorLog(l *slog.Logger) *log.Logger {
	if l == nil {
		return nil
	}
	return slog.NewLogLogger(l.Handler(), slog.LevelWarn)
}
