package service

import (
	"sync"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// ComputeStored computes a round from its stored contributions (the
// [store.Compute] a ledger match needs).
func ComputeStored(st *store.Store) store.Compute {
	return func(r store.Round, cfg calc.Config) (*payout.Report, *merkle.Tree, error) {
		gaps, err := st.Gaps()
		if err != nil {
			return nil, nil, err
		}
		in := round.Inputs{Gaps: gaps, Config: cfg, Leaf: payout.Leaf(r.Leaf), SizeHint: r.Contributions}
		out, err := round.Compute(in, func(l *ingest.Loader) error {
			return st.EachContribution(r.Number, func(row *ingest.Row) error { return l.Add(row) })
		})
		if err != nil {
			return nil, nil, err
		}
		return out.Report, out.Tree, nil
	}
}

// projection caches the open round's projected matches, recomputed when
// the round has new contributions or the pool has changed.
type projection struct {
	mu     sync.Mutex
	round  uint64
	count  int
	pool   string
	report *payout.Report
}

// projected returns what the open round would pay if matched now.
func (s *Server) projected() (*payout.Report, error) {
	r, _ := s.led.Tally()
	if r == nil {
		return nil, store.ErrNoOpenRound
	}
	pool, err := s.led.MatchPool(s.cfg.PoolSize)
	if err != nil {
		return nil, err
	}
	cfg := r.Config
	cfg.Pool = *pool
	p := &s.proj
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.report != nil && p.round == r.Number && p.count == r.Contributions && p.pool == cfg.Pool.Dec() {
		return p.report, nil
	}
	rep, _, err := ComputeStored(s.st)(*r, cfg)
	if err != nil {
		return nil, err
	}
	p.round, p.count, p.pool, p.report = r.Number, r.Contributions, cfg.Pool.Dec(), rep
	return rep, nil
}
