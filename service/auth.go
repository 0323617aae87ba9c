package service

import (
	"net/http"
	"strings"
	"time"

	"github.com/qf-dev/qf/store"
)

// access is who may call an endpoint.
type access int

const (
	public access = iota
	agentOnly
	adminOnly
)

// apiKey reads the key from "Authorization: Bearer KEY" or "X-API-Key".
func apiKey(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		if k, ok := strings.CutPrefix(h, "Bearer "); ok {
			return strings.TrimSpace(k)
		}
		return ""
	}
	return r.Header.Get("X-API-Key")
}

// authorize checks the caller's key and runs fn with its agent; errors
// become JSON replies.
func (s *Server) authorize(need access, fn func(http.ResponseWriter, *http.Request, *store.Agent) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var agent *store.Agent
		if need != public {
			key := apiKey(r)
			if key == "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="qf"`)
				writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "missing API key: send Authorization: Bearer KEY (qf agent add issues keys)"})
				return
			}
			a, err := store.Authenticate(s.agent, key)
			if err != nil {
				writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid API key"})
				return
			}
			if need == adminOnly && !a.Admin {
				writeJSON(w, http.StatusForbidden, map[string]string{"error": "this endpoint needs the admin key"})
				return
			}
			agent = &a
			infoOf(r).key = a.Name
			if d := s.keyLim.wait(a.Name, time.Now()); d > 0 {
				s.met.limited.WithLabelValues("key").Inc()
				tooMany(w, d, "API key")
				return
			}
		}
		if err := fn(w, r, agent); err != nil {
			writeJSON(w, statusOf(err), map[string]string{"error": err.Error()})
		}
	}
}

// agent looks an agent up by name.
func (s *Server) agent(name string) (store.Agent, bool) {
	a, ok := s.agents.Load(name)
	if !ok {
		return store.Agent{}, false
	}
	return a.(store.Agent), true
}
