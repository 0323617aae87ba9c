package app

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/service"
)

// httpFlags are qf serve's limits, TLS and access-log flags; each has a
// QF_ variable named after it.
func httpFlags() []cli.Flag {
	d := service.DefaultHTTP
	env := func(name string) []string {
		b := []byte("QF_" + name)
		for i, c := range b {
			switch {
			case c == '-':
				b[i] = '_'
			case c >= 'a' && c <= 'z':
				b[i] = c - 'a' + 'A'
			}
		}
		return []string{string(b)}
	}
	dur := func(name string, v time.Duration, usage string) cli.Flag {
		return &cli.DurationFlag{Name: name, Value: v, EnvVars: env(name), Usage: usage}
	}
	return []cli.Flag{
		dur("read-header-timeout", d.ReadHeaderTimeout, "a client must send a request's headers (and finish TLS) within `DURATION`"),
		dur("read-timeout", d.ReadTimeout, "a client must send a whole request, body included, within `DURATION` (slow bodies are cut off)"),
		dur("write-timeout", d.WriteTimeout, "a reply must be written within `DURATION`"),
		dur("idle-timeout", d.IdleTimeout, "close keep-alive connections idle for `DURATION`"),
		&cli.IntFlag{Name: "max-conns", Value: d.MaxConns, EnvVars: env("max-conns"), Usage: "at most `N` open connections (keep it under ulimit -n); 0: no cap"},
		&cli.IntFlag{Name: "max-conns-per-ip", Value: d.MaxConnsPerIP, EnvVars: env("max-conns-per-ip"), Usage: "at most `N` open connections from one client address (more are closed at once); 0: no cap"},
		&cli.Float64Flag{Name: "rate-per-ip", Value: d.PerIP, EnvVars: env("rate-per-ip"), Usage: "at most `N` requests/s per client address (bursts of 2N), else 429 with Retry-After; 0: no limit"},
		&cli.Float64Flag{Name: "rate-per-key", Value: d.PerKey, EnvVars: env("rate-per-key"), Usage: "at most `N` requests/s per API key (bursts of 2N), else 429 with Retry-After; 0: no limit"},
		&cli.StringFlag{Name: "tls-cert", EnvVars: env("tls-cert"), Usage: "serve HTTPS with the certificate chain in `FILE` (PEM; with --tls-key)"},
		&cli.StringFlag{Name: "tls-key", EnvVars: env("tls-key"), Usage: "the private key of --tls-cert, in `FILE` (PEM)"},
		dur("stats-refresh", time.Second, "recompute the open round's projection for /stats and /gaps/{gap}/funding off the request path at most every `DURATION` (reads may be that much plus one computation behind); 0: on the first read that finds it out of date"),
		&cli.StringFlag{Name: "pprof", EnvVars: env("pprof"), Usage: "serve Go's profiler (/debug/pprof/: CPU, heap, mutex, goroutines) on `HOST:PORT`, apart from the API; keep it on 127.0.0.1 (default: off)"},
		&cli.StringFlag{Name: "access-log", Value: "-", EnvVars: env("access-log"), Usage: "append one line per request (logfmt; JSON with --json) to `FILE`; -: standard error, off: none"},
	}
}

// httpConfig reads the flags of httpFlags; close closes the access log.
func httpConfig(c *cli.Context) (service.HTTPConfig, func() error, error) {
	none := func() error { return nil }
	hc := service.HTTPConfig{
		ReadHeaderTimeout: c.Duration("read-header-timeout"), ReadTimeout: c.Duration("read-timeout"),
		WriteTimeout: c.Duration("write-timeout"), IdleTimeout: c.Duration("idle-timeout"),
		MaxConns: c.Int("max-conns"), MaxConnsPerIP: c.Int("max-conns-per-ip"),
		PerIP: c.Float64("rate-per-ip"), PerKey: c.Float64("rate-per-key"),
		TLSCert: c.String("tls-cert"), TLSKey: c.String("tls-key"), StatsRefresh: c.Duration("stats-refresh"),
		PprofAddr: c.String("pprof"),
	}
	for _, f := range []string{"read-header-timeout", "read-timeout", "write-timeout", "idle-timeout"} {
		if c.Duration(f) <= 0 {
			return hc, none, usageErr("--%s %s: want a positive duration (a timeout of 0 would let a client hold a connection forever)", f, c.Duration(f))
		}
	}
	if hc.StatsRefresh < 0 {
		return hc, none, usageErr("--stats-refresh %s: want 0 or a positive duration", hc.StatsRefresh)
	}
	for _, f := range []struct {
		name string
		v    *int
	}{{"max-conns", &hc.MaxConns}, {"max-conns-per-ip", &hc.MaxConnsPerIP}} {
		switch {
		case *f.v < 0:
			return hc, none, usageErr("--%s %d: want a count (0: no cap)", f.name, *f.v)
		case *f.v == 0:
			*f.v = -1 // service.HTTPConfig: negative is off
		}
	}
	for _, f := range []struct {
		name string
		v    *float64
	}{{"rate-per-ip", &hc.PerIP}, {"rate-per-key", &hc.PerKey}} {
		switch {
		case !(*f.v >= 0) || *f.v > 1e9:
			return hc, none, usageErr("--%s %v: want requests per second (0: no limit)", f.name, *f.v)
		case *f.v == 0:
			*f.v = -1
		}
	}
	if (hc.TLSCert == "") != (hc.TLSKey == "") {
		return hc, none, usageErr("--tls-cert and --tls-key go together: give both (PEM files) or neither")
	}
	var w io.Writer
	closeLog := none
	switch p := c.String("access-log"); p {
	case "off", "":
	case "-":
		w = c.App.ErrWriter
	default:
		f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
		if err != nil {
			return hc, none, fmt.Errorf("--access-log: %w", err)
		}
		// Buffered: lines reach the file within 100 ms, and all of them
		// when qf serve stops.
		buf := service.NewLogBuffer(f, 100*time.Millisecond)
		w, closeLog = buf, func() error { return errors.Join(buf.Close(), f.Close()) }
	}
	switch {
	case w != nil && wantJSON(c):
		hc.Log = slog.New(slog.NewJSONHandler(w, nil))
	case w != nil:
		hc.Log = slog.New(slog.NewTextHandler(w, nil))
	}
	return hc, closeLog, nil
}
