package service

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// metrics are exported in Prometheus' text format.
type metrics struct {
	funds, matches atomic.Int64
	mu             sync.Mutex
	requests       map[[2]string]int64 // route, code
	latency        map[string]*histogram
}

var buckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

type histogram struct {
	counts []int64
	sum    float64
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[[2]string]int64{}, latency: map[string]*histogram{}}
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// instrument counts requests by route and status and times them.
func (s *Server) instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		s.met.observe(route, sw.code, time.Since(start).Seconds())
	})
}

func (m *metrics) observe(route string, code int, secs float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{route, fmt.Sprint(code)}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]int64, len(buckets))}
		m.latency[route] = h
	}
	for i, b := range buckets {
		if secs <= b {
			h.counts[i]++
		}
	}
	h.sum += secs
	h.n++
}

func (m *metrics) serve(w http.ResponseWriter, _ *http.Request) {
	var b strings.Builder
	m.mu.Lock()
	b.WriteString("# HELP qf_http_requests_total HTTP requests by route and status.\n# TYPE qf_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(&b, "qf_http_requests_total{route=%q,code=%q} %d\n", k[0], k[1], m.requests[k])
	}
	b.WriteString("# HELP qf_http_request_duration_seconds Request latency by route.\n# TYPE qf_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.latency[r]
		for i, le := range buckets {
			fmt.Fprintf(&b, "qf_http_request_duration_seconds_bucket{route=%q,le=\"%g\"} %d\n", r, le, h.counts[i])
		}
		fmt.Fprintf(&b, "qf_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, h.n)
		fmt.Fprintf(&b, "qf_http_request_duration_seconds_sum{route=%q} %g\nqf_http_request_duration_seconds_count{route=%q} %d\n", r, h.sum, r, h.n)
	}
	m.mu.Unlock()
	fmt.Fprintf(&b, "# HELP qf_contributions_total Contributions accepted (not counting replays).\n# TYPE qf_contributions_total counter\nqf_contributions_total %d\n", m.funds.Load())
	fmt.Fprintf(&b, "# HELP qf_matches_total Rounds matched.\n# TYPE qf_matches_total counter\nqf_matches_total %d\n", m.matches.Load())
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	_, _ = w.Write([]byte(b.String()))
}
