package service

import "github.com/qf-dev/qf/store"

// SetCompute replaces how the server computes a pool round's match: the
// tests' way to a match that fails, now that nothing the ledger or the
// store accepts can make one fail.
func (s *Server) SetCompute(c func(*store.Store) store.Compute) { s.compute = c }

// ReadCacheUsage is the read cache's entries and counted bytes.
func (s *Server) ReadCacheUsage() (entries, bytes int) { return s.reads.usage() }

// SetReadCacheBytes bounds the read cache to n bytes (ReadCacheBytes by
// default).
func (s *Server) SetReadCacheBytes(n int) { s.reads.setMax(n) }
