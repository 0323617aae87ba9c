package service

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qf-dev/qf/ledger"

	"github.com/holiman/uint256"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/round"
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
	// MatchAt anchors the schedule: matches are due at MatchAt + k ·
	// MatchEvery. Zero keeps the stored anchor (on a first start: the
	// time of that start).
	MatchAt time.Time
	// Now is the clock (tests set it); nil is time.Now.
	Now func() time.Time
	// Log receives the service's log: failed matches, schedule warnings,
	// settings changes (and, through store.Options, Pebble's log). nil
	// discards it.
	Log *log.Logger
	// Tick bounds how long the scheduler sleeps before it reads the clock
	// again, so that a clock step either way is seen within it; 0 is a
	// minute.
	Tick time.Duration
	// RetryMin is the first wait after a failed scheduled match; each
	// further failure doubles it, up to the period or an hour. 0 is a
	// minute.
	RetryMin time.Duration
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
	led    *ledger.Ledger
	mux    *http.ServeMux
	met    *metrics
	agents sync.Map // name → store.Agent

	matchMu sync.Mutex // one match at a time (API and scheduler)
	trees   sync.Map   // round → *merkle.Tree
	proj    projection
	log     *log.Logger

	compute       func(*store.Store) store.Compute // round.LedgerCompute; tests make it fail
	matchFailures atomic.Int64
	lastFailure   atomic.Pointer[MatchFailure]
	passes        atomic.Int64 // the scheduler's decisions so far

	http          HTTPConfig  // with defaults filled in
	tls           *tls.Config // nil: plain HTTP
	ipLim, keyLim *limiters

	openRound atomic.Uint64 // for /healthz, lock-free
	last      atomic.Pointer[ledger.MatchRecord]
	reads     *readCache    // encoded /stats and /gaps/{g}/funding replies
	indexMu   sync.Mutex    // one per-gap indexing at a time
	indexed   atomic.Uint64 // the last round in the per-gap index
}

// ErrMatchFailed reports a match that could not be computed; the round
// stays open (void it to refund it).
var ErrMatchFailed = errors.New("match failed")

// MatchFailure is the last match that failed.
type MatchFailure struct {
	Round uint64    `json:"round"`
	At    time.Time `json:"at"`
	Error string    `json:"error"`
}

// New opens the ledger, loads the agents and makes sure a round is open.
func New(st *store.Store, cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	if cfg.Tick <= 0 {
		cfg.Tick = time.Minute
	}
	if cfg.RetryMin <= 0 {
		cfg.RetryMin = time.Minute
	}
	// An empty mechanism keeps the open round's settings.
	if cfg.Round.Mechanism != "" {
		if err := cfg.Round.Validate(); err != nil {
			return nil, err
		}
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
	led, err := ledger.New(st)
	if err != nil {
		return nil, err
	}
	open, changed, err := led.OpenRound(cfg.Round, cfg.Decimals)
	if err != nil {
		return nil, err
	}
	if changed {
		cfg.Log.Printf("warning: round %d is open with mechanism %s %s; the settings given (%s %s) apply from round %d, opened by the next match",
			open.Number, open.Config.Mechanism, settingsText(open.Config), cfg.Round.Mechanism, settingsText(cfg.Round), open.Number+1)
	}
	if next, _ := led.NextSettings(); next.Mechanism == calc.CQFName && cfg.PoolSize != nil {
		return nil, fmt.Errorf("%w: cqf rounds have no pool, so no pool size", calc.ErrParam)
	}
	s := &Server{cfg: cfg, st: st, led: led, mux: http.NewServeMux(), met: newMetrics(), log: cfg.Log, compute: round.LedgerCompute,
		http: hc, tls: tlsConf, ipLim: newLimiters(hc.PerIP), keyLim: newLimiters(hc.PerKey), reads: newReadCache(ReadCacheBytes)}
	s.met.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "qf_match_failures_total",
		Help: "Matches that failed since the start (the round stays open; alert on an increase)."},
		func() float64 { return float64(s.matchFailures.Load()) }))
	s.met.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "qf_read_cache_bytes",
		Help: "Bytes the cached /stats and /gaps/{gap}/funding replies count against their bound (service.ReadCacheBytes)."},
		func() float64 { _, b := s.reads.usage(); return float64(b) }))
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
func (s *Server) Ledger() *ledger.Ledger { return s.led }

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
	if hc.PprofAddr != "" {
		_, stop, err := servePprof(hc.PprofAddr)
		if err != nil {
			return fmt.Errorf("%w: profiler address %s: %v", ErrHTTPConfig, hc.PprofAddr, err)
		}
		defer stop()
	}
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

// Match closes the open round now, for the admin (see [Server.MatchAs]).
func (s *Server) Match() (ledger.MatchRecord, error) { return s.MatchAs(ledger.Origin{Key: "admin"}) }

// MatchAs closes the open round now, for o (its Key and Request go into
// the journal; a zero o.At is the clock's now): [ledger.Ledger.MatchOn],
// or MatchCQFOn in a cqf round, computed on a snapshot while funding goes
// on. A failure leaves the round open; it is logged and counted
// ([Server.MatchFailures]), and a panic in the computation is one too.
func (s *Server) MatchAs(o ledger.Origin) (rec ledger.MatchRecord, err error) {
	s.matchMu.Lock()
	defer s.matchMu.Unlock()
	if o.At.IsZero() {
		o.At = s.cfg.Now()
	}
	open, _ := s.led.Tally()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("match panicked: %v", p)
		}
		if r, ok := s.led.Open(); ok {
			s.openRound.Store(r.Number) // for /healthz
		}
		switch {
		case err == nil:
			s.met.matches.Add(1)
		case errors.Is(err, ledger.ErrNoOpenRound), errors.Is(err, ledger.ErrMatching):
		default:
			n := uint64(0)
			if open != nil {
				n = open.Number
			}
			if !errors.Is(err, store.ErrStorage) {
				err = fmt.Errorf("%w: round %d stays open: %w; void it to refund every contribution (qf ledger void-round %d, or POST /api/rounds/%d/void)", ErrMatchFailed, n, err, n, n)
			}
			s.matchFailures.Add(1)
			s.lastFailure.Store(&MatchFailure{Round: n, At: o.At.UTC(), Error: err.Error()})
			s.log.Printf("%v", err)
		}
	}()
	// The open round's own settings decide (a restart may pass others).
	if open != nil && open.Config.Mechanism == calc.CQFName {
		return s.led.MatchCQFOn(o, round.LedgerComputeCQF)
	}
	return s.led.MatchOn(s.cfg.PoolSize, o, s.compute)
}

// MatchFailures counts the matches that failed since the start (export it
// as a counter and alert on its increase); last is the latest, nil if none.
func (s *Server) MatchFailures() (n int64, last *MatchFailure) {
	return s.matchFailures.Load(), s.lastFailure.Load()
}

// VoidRound voids open round n for o, refunding every escrowed
// contribution to its agent in one batch ([ledger.Ledger.VoidRound]): the
// admin's remedy for a round that cannot be matched.
func (s *Server) VoidRound(o ledger.Origin, n uint64) (ledger.MatchRecord, error) {
	s.matchMu.Lock()
	defer s.matchMu.Unlock()
	if o.At.IsZero() {
		o.At = s.cfg.Now()
	}
	rec, err := s.led.VoidRound(o, n)
	if err == nil {
		s.log.Printf("round %d voided by %s: every contribution refunded; round %d is open", n, o.Key, n+1)
	}
	if r, ok := s.led.Open(); ok {
		s.openRound.Store(r.Number) // for /healthz
	}
	return rec, err
}

// RevokeAgent revokes an agent's key, at once for the running service.
func (s *Server) RevokeAgent(name string) (store.Agent, error) {
	a, err := s.st.RevokeAgent(name)
	if err == nil {
		s.agents.Store(a.Name, a)
	}
	return a, err
}

// RotateAgent replaces an agent's key, at once for the running service,
// and returns the new key (shown once).
func (s *Server) RotateAgent(name string) (store.Agent, string, error) {
	a, key, err := s.st.RotateAgent(name)
	if err == nil {
		s.agents.Store(a.Name, a)
	}
	return a, key, err
}

// SchedulePasses counts the scheduler's looks at the clock that ended in
// a wait: once it has grown by two after a clock change, the scheduler has
// acted on the new time.
func (s *Server) SchedulePasses() int64 { return s.passes.Load() }

// Schedule arithmetic: matches are due at anchor + k·every.

// slotAt is the latest due time at or before now (zero if now is before
// the anchor).
func slotAt(anchor time.Time, every time.Duration, now time.Time) time.Time {
	if now.Before(anchor) {
		return time.Time{}
	}
	k := now.Sub(anchor) / every
	return anchor.Add(k * every)
}

// slotAfter is the first due time after now.
func slotAfter(anchor time.Time, every time.Duration, now time.Time) time.Time {
	if now.Before(anchor) {
		return anchor
	}
	return slotAt(anchor, every, now).Add(every)
}

// NextMatch is when the scheduler matches next (ok false without a
// schedule or before its first start).
func (s *Server) NextMatch() (time.Time, bool) {
	if s.cfg.MatchEvery <= 0 {
		return time.Time{}, false
	}
	st, ok, err := s.led.Schedule()
	if err != nil || !ok || st.Anchor.IsZero() {
		return time.Time{}, false
	}
	now := s.cfg.Now()
	if slot := slotAt(st.Anchor, s.cfg.MatchEvery, now); !slot.IsZero() && st.LastMatch.Before(slot) {
		return now, true // due: the scheduler is on it (or retrying)
	}
	return slotAfter(st.Anchor, s.cfg.MatchEvery, now), true
}

// RunSchedule matches at Config.MatchAt + k·MatchEvery (the anchor is
// stored; without MatchAt a first start anchors at its own time and
// matches nothing then). A due time missed while the service was down is
// matched once, at start. The clock is read again at least every
// Config.Tick, so a step either way is seen: forward, the due match runs
// once; backward, the wait follows. A LastMatch in the future (stamped
// by a fast clock) is logged and ignored: the match after it is the next
// due time. A failed match is logged, counted and retried with backoff
// (Config.RetryMin doubling up to the period or an hour), leaving the
// round open; RunSchedule returns only when ctx ends or the storage fails.
func (s *Server) RunSchedule(ctx context.Context) error {
	every := s.cfg.MatchEvery
	st, ok, err := s.led.Schedule()
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	dirty := !ok
	if !ok {
		st.LastMatch = now // a first start matches nothing now
	}
	if !s.cfg.MatchAt.IsZero() && !s.cfg.MatchAt.Equal(st.Anchor) {
		if !st.Anchor.IsZero() {
			s.log.Printf("schedule: anchor moved from %s to %s (--match-at)", st.Anchor.Format(time.RFC3339), s.cfg.MatchAt.UTC().Format(time.RFC3339))
		}
		st.Anchor, dirty = s.cfg.MatchAt, true
	}
	if st.Anchor.IsZero() {
		st.Anchor, dirty = st.LastMatch, true
	}
	if dirty {
		if err := s.led.SetSchedule(st); err != nil {
			return err
		}
	}
	anchor := st.Anchor
	maxBackoff := min(every, time.Hour)
	var retryAt, futureFloor time.Time
	var backoff time.Duration
	for {
		st, _, err := s.led.Schedule()
		if err != nil {
			return err
		}
		now := s.cfg.Now()
		last := st.LastMatch
		if last.After(now) {
			if futureFloor.IsZero() {
				futureFloor = slotAt(anchor, every, now)
				if futureFloor.IsZero() {
					futureFloor = now
				}
				s.log.Printf("schedule: the last match is stamped %s, after the clock's %s; ignored: the next match is at %s",
					last.Format(time.RFC3339), now.Format(time.RFC3339), slotAfter(anchor, every, futureFloor).Format(time.RFC3339))
			}
			last = futureFloor
		} else {
			futureFloor = time.Time{}
		}
		slot := slotAt(anchor, every, now)
		due := !slot.IsZero() && last.Before(slot)
		wake := slotAfter(anchor, every, now)
		if due {
			if retryAt.IsZero() || !now.Before(retryAt) {
				_, err := s.MatchAs(ledger.Origin{Key: "scheduler", At: now})
				switch {
				case err == nil, errors.Is(err, ledger.ErrNoOpenRound):
					retryAt, backoff = time.Time{}, 0
				case errors.Is(err, store.ErrStorage):
					return fmt.Errorf("scheduled match: %w", err)
				default:
					backoff = min(max(2*backoff, s.cfg.RetryMin), maxBackoff)
					retryAt = now.Add(backoff)
					s.log.Printf("schedule: retrying the match at %s", retryAt.Format(time.RFC3339))
				}
				continue
			}
			wake = retryAt
		} else {
			retryAt, backoff = time.Time{}, 0
		}
		s.passes.Add(1)
		wait := min(max(wake.Sub(now), time.Millisecond), s.cfg.Tick)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// settingsText shows a round's parameters, cap and minimum amount.
func settingsText(c calc.Config) string {
	var parts []string
	keys := make([]string, 0, len(c.Params))
	for k := range c.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, k+"="+c.Params[k])
	}
	if c.CapBps > 0 {
		parts = append(parts, fmt.Sprintf("cap %d bps", c.CapBps))
	}
	if !c.MinAmount.IsZero() {
		parts = append(parts, "min amount "+c.MinAmount.Dec())
	}
	if len(parts) == 0 {
		return "(no parameters)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
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
