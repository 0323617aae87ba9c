package service

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/net/netutil"
	"golang.org/x/time/rate"
)

// HTTPConfig bounds what clients can hold of the service: time, connections
// and request rates. The zero value of a field means its default (see
// [DefaultHTTP]); a negative rate or count turns that limit off.
type HTTPConfig struct {
	// ReadHeaderTimeout bounds reading a request's headers (and the TLS
	// handshake); ReadTimeout the whole request, body included, so a slow
	// body is cut off; WriteTimeout writing the reply; IdleTimeout how long
	// a keep-alive connection may wait for its next request.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// MaxConns caps the open connections (golang.org/x/net/netutil's
	// LimitListener: the next one waits in the kernel's backlog until one
	// closes); MaxConnsPerIP caps one client address's share, closing the
	// excess at once so one client cannot fill MaxConns.
	MaxConns, MaxConnsPerIP int
	// PerIP and PerKey are token-bucket request rates (requests/s, with
	// bursts of twice as many, at least 1) per client address and per API
	// key; over them a request gets 429 with Retry-After.
	PerIP, PerKey float64
	// TLSCert and TLSKey, both set, serve HTTPS with that certificate.
	TLSCert, TLSKey string
	// StatsRefresh is how stale the open round's projection (/stats and
	// /gaps/{g}/funding) may be: 0 recomputes it on the read that finds it
	// out of date; a period recomputes it off the request path at most once
	// per period (reads serve the last one meanwhile).
	StatsRefresh time.Duration
	// Log gets one access-log line per request; nil: none.
	Log *slog.Logger
	// PprofAddr, if set, serves Go's profiler (/debug/pprof/) on its own
	// listener at this address (keep it on loopback); empty: off.
	PprofAddr string
}

// DefaultHTTP is what the zero [HTTPConfig] fields mean.
var DefaultHTTP = HTTPConfig{
	ReadHeaderTimeout: 5 * time.Second,
	ReadTimeout:       15 * time.Second,
	WriteTimeout:      60 * time.Second,
	IdleTimeout:       120 * time.Second,
	MaxConns:          8192,
	MaxConnsPerIP:     512,
	PerIP:             2000,
	PerKey:            500,
}

// withDefaults fills the zero fields from [DefaultHTTP].
func (c HTTPConfig) withDefaults() HTTPConfig {
	d := DefaultHTTP
	for _, f := range []struct{ v, def *time.Duration }{
		{&c.ReadHeaderTimeout, &d.ReadHeaderTimeout}, {&c.ReadTimeout, &d.ReadTimeout},
		{&c.WriteTimeout, &d.WriteTimeout}, {&c.IdleTimeout, &d.IdleTimeout},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	if c.MaxConns == 0 {
		c.MaxConns = d.MaxConns
	}
	if c.MaxConnsPerIP == 0 {
		c.MaxConnsPerIP = d.MaxConnsPerIP
	}
	if c.PerIP == 0 {
		c.PerIP = d.PerIP
	}
	if c.PerKey == 0 {
		c.PerKey = d.PerKey
	}
	return c
}

// ErrHTTPConfig is a bad [HTTPConfig].
var ErrHTTPConfig = errors.New("bad HTTP settings")

// Validate checks the settings.
func (c HTTPConfig) Validate() error {
	for _, t := range []struct {
		name string
		d    time.Duration
	}{{"read-header timeout", c.ReadHeaderTimeout}, {"read timeout", c.ReadTimeout}, {"write timeout", c.WriteTimeout}, {"idle timeout", c.IdleTimeout}, {"stats refresh", c.StatsRefresh}} {
		if t.d < 0 {
			return fmt.Errorf("%w: %s %s: want a positive duration", ErrHTTPConfig, t.name, t.d)
		}
	}
	for _, r := range []struct {
		name string
		v    float64
	}{{"per-IP rate", c.PerIP}, {"per-key rate", c.PerKey}} {
		if math.IsNaN(r.v) || math.IsInf(r.v, 0) {
			return fmt.Errorf("%w: %s %v: want requests per second (negative: no limit)", ErrHTTPConfig, r.name, r.v)
		}
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return fmt.Errorf("%w: TLS needs both a certificate and its key", ErrHTTPConfig)
	}
	return nil
}

// listener applies the connection caps to l.
func (c HTTPConfig) listener(l net.Listener) net.Listener {
	if c.MaxConnsPerIP > 0 {
		l = &perIPListener{Listener: l, max: c.MaxConnsPerIP, open: map[string]int{}}
	}
	if c.MaxConns > 0 {
		l = netutil.LimitListener(l, c.MaxConns)
	}
	return l
}

// perIPListener closes a new connection at once when its address already
// holds max open ones.
type perIPListener struct {
	net.Listener
	max  int
	mu   sync.Mutex
	open map[string]int
}

func (l *perIPListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := hostOf(c.RemoteAddr().String())
		l.mu.Lock()
		n := l.open[ip]
		if n >= l.max {
			l.mu.Unlock()
			_ = c.Close()
			continue
		}
		l.open[ip] = n + 1
		l.mu.Unlock()
		return &ipConn{Conn: c, l: l, ip: ip}, nil
	}
}

type ipConn struct {
	net.Conn
	l    *perIPListener
	ip   string
	once sync.Once
}

func (c *ipConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		c.l.mu.Lock()
		if c.l.open[c.ip]--; c.l.open[c.ip] <= 0 {
			delete(c.l.open, c.ip)
		}
		c.l.mu.Unlock()
	})
	return err
}

func hostOf(addr string) string {
	if h, _, err := net.SplitHostPort(addr); err == nil {
		return h
	}
	return addr
}

// limiters holds one token bucket per client address or key. Buckets idle
// long enough to have refilled are dropped when the map grows, so a flood
// of addresses cannot grow it without bound.
type limiters struct {
	rate  rate.Limit
	burst int
	mu    sync.Mutex
	m     map[string]*bucket
	sweep int // size at which to sweep next
}

type bucket struct {
	lim  *rate.Limiter
	last time.Time
}

func newLimiters(perSecond float64) *limiters {
	if perSecond <= 0 {
		return nil
	}
	burst := int(math.Max(1, math.Ceil(2*perSecond)))
	return &limiters{rate: rate.Limit(perSecond), burst: burst, m: map[string]*bucket{}, sweep: 1024}
}

// wait is zero when who may make a request now, or how long until it may.
func (ls *limiters) wait(who string, now time.Time) time.Duration {
	if ls == nil {
		return 0
	}
	ls.mu.Lock()
	defer ls.mu.Unlock()
	b := ls.m[who]
	if b == nil {
		if len(ls.m) >= ls.sweep {
			full := time.Duration(float64(ls.burst) / float64(ls.rate) * float64(time.Second))
			for k, v := range ls.m {
				if now.Sub(v.last) > full {
					delete(ls.m, k)
				}
			}
			ls.sweep = max(1024, 2*len(ls.m))
		}
		b = &bucket{lim: rate.NewLimiter(ls.rate, ls.burst)}
		ls.m[who] = b
	}
	b.last = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d
	}
	return 0
}

// tooMany answers 429 with Retry-After in whole seconds (at least 1).
func tooMany(w http.ResponseWriter, d time.Duration, what string) {
	secs := int64(math.Ceil(d.Seconds()))
	if secs < 1 {
		secs = 1
	}
	w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
	writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": fmt.Sprintf("rate limit for this %s exceeded: retry after %ds", what, secs)})
}
