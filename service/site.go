package service

import "github.com/qf-dev/qf/site"

// siteRoutes serves the round page of every closed round at
// /rounds/{round}/ (package site): claim and verify in the browser.
func (s *Server) siteRoutes() {
	s.mux.Handle("GET /rounds/", site.Handler(s.st)) // metered and logged by serveHTTP like every route
}
