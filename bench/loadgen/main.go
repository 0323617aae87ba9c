// Command loadgen is bench/serve.sh's load generator: it runs in its own
// process and talks to a running qf serve over real sockets.
//
// With the admin's key it adds -agents agents over the API and credits
// them, closes -rounds rounds (funding a few gaps in each, then matching),
// and then measures durable fund requests from -clients clients: once
// alone, once with -pollers clients reading /api/gaps/funding/stats (and a
// gap's funding) in a loop. A fund's reply comes after its fsync, so each
// acknowledged request is durable. It prints requests/s, p50 and p99 of
// both runs and the ratio of the two funding rates (-json: as JSON).
// Before measuring it reads /stats and (with -warm) every gap's funding
// once: the pollers are measured on what the service does per poll, not
// on what it does once per match.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8080", "the service's base URL")
	admin := flag.String("admin-key", os.Getenv("QF_ADMIN_KEY"), "the admin's API key (default $QF_ADMIN_KEY)")
	agents := flag.Int("agents", 50, "agents to add and fund from")
	gaps := flag.Int("gaps", 2000, "gaps 1…N are registered; funds go to them in turn")
	rounds := flag.Int("rounds", 0, "rounds to close before measuring")
	clients := flag.Int("clients", 64, "concurrent fund clients")
	requests := flag.Int("requests", 20000, "fund requests per run")
	pollers := flag.Int("pollers", 4, "concurrent /stats readers in the second run (0: one run only)")
	poll := flag.String("poll", "stats", "what the pollers read: stats (/api/gaps/funding/stats and gaps' funding, in turn) or healthz (the cheapest request: a control for what any 4 busy clients take from funding)")
	asJSON := flag.Bool("json", false, "print the figures as JSON")
	warm := flag.Bool("warm", true, "read every gap's funding once before measuring, as the pollers will: what the service reads once per match (a gap's page of past matches) is then not what the pollers are measured on")
	flag.Parse()
	if *poll != "stats" && *poll != "healthz" {
		fail("loadgen: -poll " + *poll + ": want stats or healthz")
	}
	if *admin == "" {
		fail("loadgen: -admin-key (or QF_ADMIN_KEY) is required")
	}
	g := &gen{url: *url, cl: &http.Client{Timeout: time.Minute, Transport: &http.Transport{
		MaxIdleConns: *clients + *pollers + 8, MaxIdleConnsPerHost: *clients + *pollers + 8}}}
	keys := make([]string, *agents)
	for i := range keys {
		var out struct{ Key string }
		g.must(g.call("POST", "/api/agents", *admin, fmt.Sprintf(`{"name":"load%d"}`, i), "", http.StatusCreated, &out))
		keys[i] = out.Key
		g.must(g.call("POST", fmt.Sprintf("/api/accounts/agent:load%d/credit", i), *admin, `{"amount":"1000000000000"}`, "", http.StatusOK, nil))
	}
	var seq atomic.Int64
	idemPrefix := "load-" + strconv.Itoa(os.Getpid()) + "-"
	fund := func(call caller, i int64) error {
		return call("POST", "/api/gaps/"+strconv.FormatInt(1+i%int64(*gaps), 10)+"/fund", keys[i%int64(len(keys))], `{"amount":"7"}`,
			idemPrefix+strconv.FormatInt(i, 10), http.StatusCreated, nil)
	}
	for r := range *rounds {
		for range 20 {
			g.must(fund(g.call, seq.Add(1)))
		}
		g.must(g.call("POST", "/api/accounts/pool/credit", *admin, `{"amount":"1000000"}`, "", http.StatusOK, nil))
		g.must(g.call("POST", "/api/gaps/funding/match", *admin, "", "", http.StatusOK, nil))
		if (r+1)%100 == 0 {
			fmt.Fprintf(os.Stderr, "loadgen: %d rounds closed\n", r+1)
		}
	}
	// One read of each kind first: what the service computes once per
	// match or per projection is not what the pollers are measured on.
	g.must(g.call("GET", "/api/gaps/funding/stats", "", "", "", http.StatusOK, nil))
	g.must(g.call("GET", "/api/gaps/1/funding", "", "", "", http.StatusOK, nil))
	if *warm && *pollers > 0 && *poll == "stats" {
		c := g.dial()
		for i := 2; i <= *gaps; i++ {
			g.must(c.call("GET", "/api/gaps/"+strconv.Itoa(i)+"/funding", "", "", "", http.StatusOK, nil))
		}
		c.close()
	}
	next := func(call caller) error { return fund(call, seq.Add(1)) }
	res := map[string]run{"alone": g.run(*clients, *requests, 0, *gaps, *poll, next)}
	if *pollers > 0 {
		res["polled"] = g.run(*clients, *requests, *pollers, *gaps, *poll, next)
	}
	if *asJSON {
		_ = json.NewEncoder(os.Stdout).Encode(res)
		return
	}
	for _, name := range []string{"alone", "polled"} {
		r, ok := res[name]
		if !ok {
			continue
		}
		fmt.Printf("%-7s %d clients, %d %s pollers: %8.0f fund req/s  p50 %6.2f ms  p99 %6.2f ms", name, *clients, r.Pollers, *poll, r.PerSec, r.P50, r.P99)
		if r.Pollers > 0 {
			fmt.Printf("  (pollers: %.0f req/s)", r.PollsPerSec)
		}
		if r.ServerCPU > 0 {
			fmt.Printf("  server CPU %.0f µs/fund", r.ServerCPU)
		}
		fmt.Println()
	}
	if p, ok := res["polled"]; ok {
		fmt.Printf("funding with %d pollers: %.0f%% of its rate alone\n", *pollers, 100*p.PerSec/res["alone"].PerSec)
	}
}

type gen struct {
	url string
	cl  *http.Client
}

// run is one measurement.
type run struct {
	Pollers     int     `json:"pollers"`
	Requests    int     `json:"requests"`
	PerSec      float64 `json:"perSec"`
	P50         float64 `json:"p50ms"`
	P99         float64 `json:"p99ms"`
	PollsPerSec float64 `json:"pollsPerSec,omitempty"`
	// ServerCPU is the server's CPU time over the run (its
	// process_cpu_seconds_total on /metrics), per fund request, in µs:
	// what the pollers cost it shows however busy the machine is.
	ServerCPU float64 `json:"serverCpuPerFundUs,omitempty"`
}

// caller sends a request and checks its status (see gen.call).
type caller func(method, path, key, body, idem string, want int, out any) error

// run measures requests funds from clients connections while pollers
// more read; each client and poller has a connection of its own
// (conn.call), as a keep-alive client would.
func (g *gen) run(clients, requests, pollers, gaps int, poll string, fund func(caller) error) run {
	var next, polls atomic.Int64
	stop := make(chan struct{})
	var pw sync.WaitGroup
	for p := range pollers {
		pw.Add(1)
		go func() {
			defer pw.Done()
			c := g.dial()
			defer c.close()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				path := "/api/gaps/funding/stats"
				switch {
				case poll == "healthz":
					path = "/healthz"
				case i%2 == 1:
					path = "/api/gaps/" + strconv.Itoa(1+(p+i)%gaps) + "/funding"
				}
				g.must(c.call("GET", path, "", "", "", http.StatusOK, nil))
				polls.Add(1)
			}
		}()
	}
	cpu0 := g.serverCPU()
	lat := make([][]time.Duration, clients)
	conns := make([]*conn, clients)
	for c := range conns {
		conns[c] = g.dial()
		defer conns[c].close()
	}
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[c] = make([]time.Duration, 0, requests/clients+1)
			for next.Add(1) <= int64(requests) {
				t0 := time.Now()
				g.must(fund(conns[c].call))
				lat[c] = append(lat[c], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stop)
	pw.Wait()
	all := slices.Concat(lat...)
	slices.Sort(all)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	cpu := g.serverCPU() - cpu0
	r := run{Pollers: pollers, Requests: len(all), PerSec: float64(len(all)) / elapsed.Seconds(), ServerCPU: cpu * 1e6 / float64(len(all)),
		P50: ms(all[len(all)/2]), P99: ms(all[len(all)*99/100])}
	if pollers > 0 {
		r.PollsPerSec = float64(polls.Load()) / elapsed.Seconds()
	}
	return r
}

// call sends a request and checks its status; out, if not nil, gets the
// JSON reply. It is written to cost the generator little CPU, which it
// shares with the server: headers set directly (canonical names), the
// reply read into a pooled buffer and kept only when needed.
func (g *gen) call(method, path, key, body, idem string, want int, out any) error {
	req, err := http.NewRequest(method, g.url+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	if key != "" {
		req.Header["Authorization"] = []string{"Bearer " + key}
	}
	if idem != "" {
		req.Header["Idempotency-Key"] = []string{idem}
	}
	resp, err := g.cl.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(buf.Bytes()))
	}
	if out != nil {
		return json.Unmarshal(buf.Bytes(), out)
	}
	return nil
}

// serverCPU is the server's process_cpu_seconds_total (0 if /metrics
// does not have it).
func (g *gen) serverCPU() float64 {
	c := g.dial()
	defer c.close()
	if err := c.call("GET", "/metrics", "", "", "", http.StatusOK, nil); err != nil {
		return 0
	}
	for _, line := range strings.Split(c.body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, "process_cpu_seconds_total "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (g *gen) must(err error) {
	if err != nil {
		fail("loadgen: " + err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}

// conn is one keep-alive HTTP/1.1 connection driven by hand: the request
// written in one go, the reply read with net/http's own parser
// (http.ReadResponse: chunked or sized bodies) but without
// http.Transport's two goroutines and channel hand-offs per request, which
// made the generator (on the same 2 cores as the server) cost a third of
// the server's CPU.
type conn struct {
	g    *gen
	host string
	c    net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
	body bytes.Buffer
}

func (g *gen) dial() *conn {
	host, ok := strings.CutPrefix(g.url, "http://")
	if !ok {
		fail("loadgen: -url " + g.url + ": want http://HOST:PORT (the load runs over plain HTTP)")
	}
	c := &conn{g: g, host: strings.TrimSuffix(host, "/")}
	c.redial()
	return c
}

func (c *conn) redial() {
	if c.c != nil {
		_ = c.c.Close()
	}
	nc, err := net.Dial("tcp", c.host)
	if err != nil {
		fail("loadgen: " + err.Error())
	}
	c.c, c.br, c.bw = nc, bufio.NewReaderSize(nc, 64<<10), bufio.NewWriterSize(nc, 4<<10)
}

func (c *conn) close() { _ = c.c.Close() }

// call is gen.call over this connection.
func (c *conn) call(method, path, key, body, idem string, want int, out any) error {
	w := c.bw
	w.WriteString(method)
	w.WriteByte(' ')
	w.WriteString(path)
	w.WriteString(" HTTP/1.1\r\nHost: ")
	w.WriteString(c.host)
	w.WriteString("\r\n")
	if key != "" {
		w.WriteString("Authorization: Bearer ")
		w.WriteString(key)
		w.WriteString("\r\n")
	}
	if idem != "" {
		w.WriteString("Idempotency-Key: ")
		w.WriteString(idem)
		w.WriteString("\r\n")
	}
	if body != "" {
		w.WriteString("Content-Type: application/json\r\nContent-Length: ")
		w.WriteString(strconv.Itoa(len(body)))
		w.WriteString("\r\n")
	}
	w.WriteString("\r\n")
	w.WriteString(body)
	if err := w.Flush(); err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	c.body.Reset()
	_, err = c.body.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if resp.Close {
		c.redial() // the server ends the connection after this reply
	}
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(c.body.Bytes()))
	}
	if out != nil {
		return json.Unmarshal(c.body.Bytes(), out)
	}
	return nil
}
