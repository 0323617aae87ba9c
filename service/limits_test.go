package service_test

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	"github.com/qf-dev/qf/service"
)

// Idle connections from 8 addresses, as many as the file-descriptor limit
// allows up to 20,000, do not stop another client's fund request: each
// address gets --max-conns-per-ip of them, the rest are closed at once.
func TestIdleConnectionsDoNotLockOut(t *testing.T) {
	var lim syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim))
	if lim.Cur < lim.Max {
		lim.Cur = lim.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
		require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim))
	}
	n := 20000
	// This process holds both ends: the idle clients, and the server's
	// share of them plus its store and listener.
	if room := int(lim.Cur) - 8*service.DefaultHTTP.MaxConnsPerIP - 700; room < n {
		if room < 2000 {
			t.Skipf("RLIMIT_NOFILE is %d: too few file descriptors to hold 2,000 idle connections", lim.Cur)
		}
		t.Logf("RLIMIT_NOFILE is %d (hard %d): scaled to %d idle connections", lim.Cur, lim.Max, room)
		n = room
	}
	e := newEnv(t, 1, 1000, service.Config{})
	addr := e.serve(t)
	// The source port is picked at connect (IP_BIND_ADDRESS_NO_PORT), by
	// the whole 4-tuple: binding 127.0.0.2 first would pick it from the
	// ports free on that address alone, and another run's connections (or
	// this one's, in TIME_WAIT from a run a minute ago) would exhaust them.
	// They come from 8 addresses (127.0.0.2–9), each with ports of its
	// own: one address's 28k ephemeral ports, shared with whatever else
	// the machine runs, are too few to hold on to.
	noPort := func(_, _ string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) {
			serr = unix.SetsockoptInt(int(fd), unix.IPPROTO_IP, unix.IP_BIND_ADDRESS_NO_PORT, 1)
		}); err != nil {
			return err
		}
		return serr
	}
	var dialers [8]net.Dialer
	for i := range dialers {
		dialers[i] = net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+i))}, Timeout: time.Minute, Control: noPort}
	}
	idle := make([]net.Conn, 0, n)
	t.Cleanup(func() {
		for _, c := range idle {
			c.Close()
		}
	})
	for range n {
		c, err := dialers[len(idle)%len(dialers)].Dial("tcp", addr)
		require.NoError(t, err, "idle connection %d", len(idle))
		idle = append(idle, c)
	}
	e.cl = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"5"}`)
	require.Equal(t, http.StatusCreated, code, string(body))
	code, _, _ = e.do(t, "GET", "/healthz", "", "")
	require.Equal(t, http.StatusOK, code)
	require.EqualValues(t, 995, e.balance(t, "agent:a0"))
}

// Over a per-address or per-key rate a request gets 429 with Retry-After,
// and nothing moves; other keys are not held back by one key's limit.
func TestRateLimits(t *testing.T) {
	t.Run("per key", func(t *testing.T) {
		// 0.001/s: a burst of 1, the next token in 1000 s.
		e := newEnv(t, 2, 1000, service.Config{HTTP: service.HTTPConfig{PerKey: 0.001}})
		code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"5"}`)
		require.Equal(t, http.StatusCreated, code, string(body))
		resp := e.raw(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"5"}`, "Idempotency-Key", "second")
		require.Equal(t, http.StatusTooManyRequests, resp.code, resp.body)
		require.Equal(t, "1000", resp.header.Get("Retry-After"))
		require.Equal(t, "rate limit for this API key exceeded: retry after 1000s", decodeJSON[map[string]string](t, []byte(resp.body))["error"])
		require.EqualValues(t, 995, e.balance(t, "agent:a0"))
		code, body, _ = e.do(t, "POST", "/api/gaps/1/fund", "a1", `{"amount":"5"}`)
		require.Equal(t, http.StatusCreated, code, "another key: %s", body)
		code, _, _ = e.do(t, "GET", "/api/gaps/funding/stats", "", "")
		require.Equal(t, http.StatusOK, code, "public reads are not per key")
		require.EqualValues(t, 1, e.metric(t, `qf_http_rate_limited_total{scope="key"}`))
	})
	t.Run("per address", func(t *testing.T) {
		e := newEnv(t, 2, 1000, service.Config{HTTP: service.HTTPConfig{PerIP: 0.001}})
		code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"5"}`)
		require.Equal(t, http.StatusCreated, code, string(body))
		for _, who := range []string{"a0", "a1", ""} {
			resp := e.raw(t, "GET", "/api/me", who, "")
			require.Equal(t, http.StatusTooManyRequests, resp.code, resp.body)
			require.Equal(t, "1000", resp.header.Get("Retry-After"))
			require.Contains(t, resp.body, "rate limit for this client address exceeded")
		}
		require.EqualValues(t, 995, e.balance(t, "agent:a0"))
	})
	t.Run("off", func(t *testing.T) {
		e := newEnv(t, 1, 1000, service.Config{HTTP: service.HTTPConfig{PerIP: -1, PerKey: -1}})
		for range 50 {
			code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"1"}`)
			require.Equal(t, http.StatusCreated, code, string(body))
		}
	})
}

type rawResp struct {
	code   int
	header http.Header
	body   string
}

// raw is e.do with the reply's headers.
func (e *env) raw(t *testing.T, method, path, agent, body string, headers ...string) rawResp {
	t.Helper()
	base := e.base
	if base == "" {
		base = e.http.URL
	}
	req, err := http.NewRequest(method, base+path, strings.NewReader(body))
	require.NoError(t, err)
	if agent != "" {
		req.Header.Set("Authorization", "Bearer "+e.keys[agent])
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := e.cl.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return rawResp{resp.StatusCode, resp.Header, string(b)}
}

// A client that sends its headers or its body too slowly is cut off, and
// a half-sent fund request moves nothing.
func TestSlowClientsCutOff(t *testing.T) {
	e := newEnv(t, 1, 1000, service.Config{HTTP: service.HTTPConfig{ReadHeaderTimeout: 200 * time.Millisecond, ReadTimeout: 300 * time.Millisecond}})
	addr := e.serve(t)
	for _, tc := range []struct{ name, sent string }{
		{"headers", "POST /api/gaps/1/fund HTTP/1.1\r\nHost: x\r\n"},
		{"body", "POST /api/gaps/1/fund HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + e.keys["a0"] +
			"\r\nIdempotency-Key: slow\r\nContent-Length: 100\r\n\r\n{\"amount\":"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("tcp", addr)
			require.NoError(t, err)
			defer c.Close()
			_, err = io.WriteString(c, tc.sent)
			require.NoError(t, err)
			// The server ends the connection on its own; the deadline only
			// keeps a broken server from hanging the test.
			require.NoError(t, c.SetReadDeadline(time.Now().Add(2*time.Minute)))
			got, err := io.ReadAll(c)
			require.NoError(t, err, "the server should have closed the connection")
			if len(got) > 0 { // the body's handler may answer before the close
				resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(got)), nil)
				require.NoError(t, err)
				require.Equal(t, http.StatusBadRequest, resp.StatusCode)
			}
			require.EqualValues(t, 1000, e.balance(t, "agent:a0"))
		})
	}
}

// With --tls-cert/--tls-key the API is served over TLS only.
func TestTLS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	pool := selfSigned(t, certFile, keyFile)
	e := newEnv(t, 1, 1000, service.Config{HTTP: service.HTTPConfig{TLSCert: certFile, TLSKey: keyFile}})
	addr := e.serve(t)
	e.base = "https://" + addr
	e.cl = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"5"}`)
	require.Equal(t, http.StatusCreated, code, string(body))

	resp, err := http.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "plain HTTP to the TLS port")

	t.Run("unreadable certificate", func(t *testing.T) {
		_, err := service.New(e.st, service.Config{HTTP: service.HTTPConfig{TLSCert: filepath.Join(dir, "none.pem"), TLSKey: keyFile}})
		require.ErrorIs(t, err, service.ErrHTTPConfig)
		require.ErrorContains(t, err, "bad HTTP settings: TLS certificate "+filepath.Join(dir, "none.pem")+" with key "+keyFile+": open ")
	})
	t.Run("half the pair", func(t *testing.T) {
		_, err := service.New(e.st, service.Config{HTTP: service.HTTPConfig{TLSCert: certFile}})
		require.ErrorIs(t, err, service.ErrHTTPConfig)
		require.EqualError(t, err, "bad HTTP settings: TLS needs both a certificate and its key")
	})
}

// selfSigned writes a certificate for 127.0.0.1 and its key, returning a
// pool that trusts it.
func selfSigned(t *testing.T, certFile, keyFile string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "qf test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	kder, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600))
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool
}

// One access-log line per request: method, route, status, duration, client
// address and the key's agent name; never the key, nor the idempotency key.
func TestAccessLog(t *testing.T) {
	var mu sync.Mutex
	var buf bytes.Buffer
	w := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return buf.Write(p) })
	e := newEnv(t, 1, 1000, service.Config{HTTP: service.HTTPConfig{Log: slog.New(slog.NewTextHandler(w, nil))}})
	code, _, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"5"}`, "Idempotency-Key", "secret-idem-7")
	require.Equal(t, http.StatusCreated, code)
	code, _, _ = e.do(t, "GET", "/api/nothing", "", "")
	require.Equal(t, http.StatusNotFound, code)
	code, _, _ = e.do(t, "POST", "/api/gaps/1/fund", "", `{"amount":"5"}`, "Authorization", "Bearer "+e.keys["a0"]+"x")
	require.Equal(t, http.StatusUnauthorized, code)
	mu.Lock()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	mu.Unlock()
	require.Len(t, lines, 3)
	for i, want := range []string{
		`msg=request method=POST route="POST /api/gaps/{gap}/fund" status=201 duration=`,
		`msg=request method=GET route=unmatched status=404 duration=`,
		`msg=request method=POST route="POST /api/gaps/{gap}/fund" status=401 duration=`,
	} {
		require.Contains(t, lines[i], want)
		require.Contains(t, lines[i], " ip=127.0.0.1 ")
	}
	require.True(t, strings.HasSuffix(lines[0], " key=a0"), lines[0])
	require.True(t, strings.HasSuffix(lines[2], ` key=""`), lines[2])
	secret := strings.SplitN(e.keys["a0"], ".", 2)[1]
	for _, l := range lines {
		require.NotContains(t, l, secret)
		require.NotContains(t, l, "secret-idem-7")
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
