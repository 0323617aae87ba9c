package service

import "github.com/qf-dev/qf/site"

// siteRoutes serves the round page of every closed round at
// /rounds/{round}/ (package site): claim and verify in the browser.
func (s *Server) siteRoutes() {
	s.mux.Handle("GET /rounds/", s.instrument("GET /rounds/", site.Handler(s.st)))
}
