package service_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/qf-dev/qf/service"
)

// BenchmarkReads is what one public read costs the server's handler (no
// sockets) after 50 matches, against /healthz: a cached /stats page, a
// gap's reply served from the cache, and one rebuilt after a fund to the
// gap (its past matches reused).
//
//	go test ./service -run XXX -bench Reads -benchmem
func BenchmarkReads(b *testing.B) {
	e := withRounds(b, 50, service.Config{HTTP: service.HTTPConfig{StatsRefresh: time.Hour}})
	h := e.srv.Handler()
	get := func(b *testing.B, path string) {
		req := httptest.NewRequest("GET", path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
	}
	for _, tc := range []struct {
		name, path string
		fund       bool
	}{
		{"healthz", "/healthz", false},
		{"stats cached", "/api/gaps/funding/stats", false},
		{"gap cached", "/api/gaps/1/funding", false},
		{"gap after a fund", "/api/gaps/1/funding", true},
	} {
		b.Run(tc.name, func(b *testing.B) {
			get(b, tc.path)
			for b.Loop() {
				if tc.fund {
					b.StopTimer()
					code, body, _ := e.do(b, "POST", "/api/gaps/1/fund", "a0", `{"amount":"1"}`)
					if code != http.StatusCreated {
						b.Fatalf("%d %s", code, body)
					}
					b.StartTimer()
				}
				get(b, tc.path)
			}
		})
	}
}
