package service

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the service's Prometheus metrics, in a registry of its own
// (so two servers in one process do not share counters), served on
// GET /metrics by promhttp.
type metrics struct {
	reg            *prometheus.Registry
	funds, matches prometheus.Counter
	requests       *prometheus.CounterVec   // route, code
	latency        *prometheus.HistogramVec // route
	limited        *prometheus.CounterVec   // scope: ip, key
	recomputes     prometheus.Counter
	recordsRead    prometheus.Counter
	readHits       prometheus.Counter
}

var buckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		funds: prometheus.NewCounter(prometheus.CounterOpts{Name: "qf_contributions_total",
			Help: "Contributions accepted (not counting replays)."}),
		matches: prometheus.NewCounter(prometheus.CounterOpts{Name: "qf_matches_total", Help: "Rounds matched."}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "qf_http_requests_total",
			Help: "HTTP requests by route and status."}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "qf_http_request_duration_seconds",
			Help: "Request latency by route.", Buckets: buckets}, []string{"route"}),
		limited: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "qf_http_rate_limited_total",
			Help: "Requests refused with 429, by the limit they hit (ip or key)."}, []string{"scope"}),
		recomputes: prometheus.NewCounter(prometheus.CounterOpts{Name: "qf_projection_computes_total",
			Help: "Computations of the open round's projection (for /stats and /gaps/{gap}/funding)."}),
		recordsRead: prometheus.NewCounter(prometheus.CounterOpts{Name: "qf_match_records_read_total",
			Help: "Past match records read from the store to answer requests or index them."}),
		readHits: prometheus.NewCounter(prometheus.CounterOpts{Name: "qf_read_cache_hits_total",
			Help: "Replies of /stats and /gaps/{gap}/funding served from the read cache (nothing they show had changed)."}),
	}
	m.reg.MustRegister(m.funds, m.matches, m.requests, m.latency, m.limited, m.recomputes, m.recordsRead, m.readHits,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// statusWriter records the reply's status.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// reqInfo is what the handlers learn about a request for its log line.
type reqInfo struct{ key string }

type reqInfoKey struct{}

func infoOf(r *http.Request) *reqInfo {
	if i, ok := r.Context().Value(reqInfoKey{}).(*reqInfo); ok {
		return i
	}
	return &reqInfo{}
}

// serveHTTP is the outermost layer: the per-address rate limit, then the
// route, then the metrics and the access log line (method, route, status,
// duration, client address and the key's agent name; never a secret, a
// path's query or an idempotency key).
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h, route := s.mux.Handler(r)
	if route == "" {
		route = "unmatched"
	}
	info := &reqInfo{}
	r = r.WithContext(context.WithValue(r.Context(), reqInfoKey{}, info))
	sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
	ip := hostOf(r.RemoteAddr)
	switch d := s.ipLim.wait(ip, start); {
	case d > 0:
		s.met.limited.WithLabelValues("ip").Inc()
		tooMany(sw, d, "client address")
	case route != "unmatched":
		s.mux.ServeHTTP(sw, r) // sets the path values the handler reads
	default:
		s.notFound(sw, r, h)
	}
	d := time.Since(start)
	s.met.observe(route, sw.code, d)
	if s.http.Log != nil {
		s.http.Log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method), slog.String("route", route), slog.Int("status", sw.code),
			slog.Duration("duration", d), slog.String("ip", ip), slog.String("key", info.key))
	}
}
