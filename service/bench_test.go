package service_test

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qf-dev/qf/service"
)

// BenchmarkFund is the load test: 64 clients post fund requests over HTTP
// on 127.0.0.1 to a real server, each acknowledged only once fsynced. It
// reports sustained requests per second and the 99th-percentile latency.
//
//	go test ./service -run XXX -bench Fund -benchtime 20000x
func BenchmarkFund(b *testing.B) {
	const clients, agents = 64, 50
	e := newEnv(b, agents, 1<<62, service.Config{})
	var next atomic.Int64
	lat := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) {
					return
				}
				agent := fmt.Sprintf("a%d", i%agents)
				t0 := time.Now()
				code, body, _ := e.do(b, "POST", fmt.Sprintf("/api/gaps/%d/fund", 1+i%3), agent, `{"amount":"1"}`, "Idempotency-Key", fmt.Sprint(i))
				if code != http.StatusCreated {
					b.Errorf("%d: %s", code, body)
					return
				}
				lat[c] = append(lat[c], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	all := slices.Concat(lat...)
	slices.Sort(all)
	if len(all) > 0 {
		b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	}
}
