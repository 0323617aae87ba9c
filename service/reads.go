package service

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/qf-dev/qf/ledger"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// Public reads cost what they answer, however many rounds the service has
// run, and a reply nothing has changed since is served from a cache
// without the ledger's lock or the store:
//
//   - the open round's projection is a snapshot: with
//     [HTTPConfig.StatsRefresh] set, a goroutine recomputes it at most once
//     per period when the round has new contributions or the pool changed,
//     and reads serve the last snapshot of the open round (so it is at most
//     one period plus one computation behind; a period in which nobody read
//     it computes nothing); with 0, the first read that
//     finds it out of date recomputes it while the others wait for that one
//     computation (one at a time, never one per read);
//   - the last match record is read once per match;
//   - a gap's past matches come from a per-gap index
//     ([ledger.IndexMatches]), brought up to date when a match record
//     newer than it appears, and are read a page at a time;
//   - replies of /stats and /gaps/{g}/funding are kept encoded, per page,
//     in a cache bounded in bytes ([ReadCacheBytes], least recently used
//     first out; errors are not kept), each with what it shows: the
//     projection, the last match, the next match and, for a gap, the
//     ledger's per-gap version ([ledger.Ledger.GapVersion]). A reply is
//     served again only while those are unchanged (with StatsRefresh 0:
//     while nothing at all changed in the ledger), so it is exactly what
//     a new computation would answer, the projection's own period aside;
//     checking costs a few atomic loads. A gap's reply rebuilt after a
//     fund reuses its recipient and past matches until the next match;
//   - /healthz reads an atomic.

// snapshot is the open round's projection at some point.
type snapshot struct {
	ver    atomic.Uint64 // the ledger's version it is known current at
	gen    uint64        // its number among the server's snapshots, from 1 (readEntry.sn)
	round  uint64
	count  int
	pool   string
	report *payout.Report
	cqf    *round.CQFOutcome
	gap    map[string]int // gap → index in report.Gaps
	cqfGap map[string]int // gap → index in cqf.Gaps
}

// projection holds the latest snapshot; mu makes computations one at a
// time.
type projection struct {
	mu     sync.Mutex
	cur    atomic.Pointer[snapshot]
	wanted atomic.Bool   // a read served a snapshot since the last computation
	gens   atomic.Uint64 // snapshots made (snapshot.gen)
}

// projKey is what the projection depends on now.
func (s *Server) projKey() (store.Round, string, error) {
	r, ok := s.led.Open()
	if !ok {
		return r, "", ledger.ErrNoOpenRound
	}
	s.openRound.Store(r.Number)
	if r.Config.Mechanism == calc.CQFName {
		return r, "0", nil
	}
	pool, err := s.led.MatchPool(s.cfg.PoolSize)
	if err != nil {
		return r, "", err
	}
	return r, pool.Dec(), nil
}

// number is sn's gen, 0 for nil (readEntry.sn).
func (sn *snapshot) number() uint64 {
	if sn == nil {
		return 0
	}
	return sn.gen
}

func (sn *snapshot) current(r store.Round, pool string) bool {
	return sn != nil && sn.round == r.Number && sn.count == r.Contributions && sn.pool == pool
}

// projected returns the open round's projection: what it would pay if
// matched now (and, for a cqf round, its outcome), as fresh as
// [HTTPConfig.StatsRefresh] promises.
func (s *Server) projected() (*snapshot, error) {
	if s.http.StatsRefresh > 0 {
		// The last snapshot of the open round, without the ledger's lock.
		if sn := s.proj.cur.Load(); sn != nil {
			if n, ok := s.led.OpenNumber(); ok && n == sn.round {
				s.want(sn)
				return sn, nil
			}
		}
	}
	r, pool, err := s.projKey()
	if err != nil {
		return nil, err
	}
	sn := s.proj.cur.Load()
	if sn.current(r, pool) {
		return sn, nil
	}
	if s.http.StatsRefresh > 0 && sn != nil && sn.round == r.Number {
		s.proj.wanted.Store(true) // for the refresher
		return sn, nil
	}
	return s.recompute()
}

// want asks the refresher for a new snapshot if the ledger changed since
// sn was known current (a credit to an agent changes the version, not the
// projection: the refresher then only checks).
func (s *Server) want(sn *snapshot) {
	if sn.ver.Load() != s.led.Version() && !s.proj.wanted.Load() {
		s.proj.wanted.Store(true)
	}
}

// recompute brings the snapshot up to date unless another call just did.
func (s *Server) recompute() (*snapshot, error) {
	s.proj.mu.Lock()
	defer s.proj.mu.Unlock()
	ver := s.led.Version() // before what the snapshot is computed from
	r, pool, err := s.projKey()
	if err != nil {
		return nil, err
	}
	if sn := s.proj.cur.Load(); sn.current(r, pool) {
		sn.ver.Store(ver)
		return sn, nil
	}
	sn := &snapshot{gen: s.proj.gens.Add(1), round: r.Number, count: r.Contributions, pool: pool, gap: map[string]int{}}
	sn.ver.Store(ver)
	s.met.recomputes.Inc()
	if r.Config.Mechanism == calc.CQFName {
		out, err := round.SolveStoredCQF(s.st, r, true)
		if err != nil {
			return nil, err
		}
		sn.report, sn.cqf, sn.cqfGap = cqfReport(out, r.Contributions), out, map[string]int{}
		for i, g := range out.Gaps {
			sn.cqfGap[g.Gap] = i
		}
	} else {
		cfg := r.Config
		if err := cfg.Pool.SetFromDecimal(pool); err != nil {
			return nil, err
		}
		if f := s.led.MatchFloor(); f != nil {
			cfg.MinAmount = *f // as the match will (ledger.Ledger.MatchFloor)
		}
		out, err := round.Projected(s.st, r, cfg, nil) // O(gaps) from the round's sums when they describe it
		if err != nil {
			return nil, err
		}
		sn.report = out.Report
	}
	for i, g := range sn.report.Gaps {
		sn.gap[g.Gap] = i
	}
	s.proj.cur.Store(sn)
	return sn, nil
}

// startRefresher keeps the projection fresh off the request path, every
// StatsRefresh (when set) in which a read was served an out-of-date one;
// the returned func stops it.
func (s *Server) startRefresher() func() {
	every := s.http.StatsRefresh
	if every <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				s.indexPast() // matches since the last tick, so no read waits for them
				if !s.proj.wanted.Swap(false) {
					continue // nobody read a stale snapshot: no need for a new one yet
				}
				if _, err := s.recompute(); err != nil && s.http.Log != nil {
					s.http.Log.Warn("recomputing the open round's projection", "err", err)
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// Refresh brings the open round's projection up to date now (what the
// refresher does every [HTTPConfig.StatsRefresh]).
func (s *Server) Refresh() error {
	_, err := s.recompute()
	return err
}

// lastMatch is the last match record, read from the store once per match.
func (s *Server) lastMatch() (*ledger.MatchRecord, error) {
	n, ok := s.led.LastMatched()
	if !ok {
		return nil, nil
	}
	if c := s.last.Load(); c != nil && c.Round == n {
		return c, nil
	}
	rec, ok, err := ledger.ReadMatchRecord(s.st, n)
	if err != nil || !ok {
		return nil, err
	}
	s.met.recordsRead.Inc()
	s.last.Store(&rec)
	return &rec, nil
}

// gapMatches reads a page of a gap's past matches from the per-gap index,
// first indexing match records stored since it last looked.
func (s *Server) gapMatches(g *uint256.Int, after uint64, limit int) ([]ledger.GapMatch, bool, error) {
	if n, ok := s.led.LastMatched(); ok && s.indexed.Load() < n {
		if err := s.index(n); err != nil {
			return nil, false, err
		}
	}
	return ledger.GapMatches(s.st, g, after, limit)
}

// index brings the per-gap index up to round n (one indexing at a time).
func (s *Server) index(n uint64) error {
	s.indexMu.Lock()
	defer s.indexMu.Unlock()
	if s.indexed.Load() >= n {
		return nil
	}
	done, err := ledger.IndexMatches(s.st, func() { s.met.recordsRead.Inc() })
	if err != nil {
		return err
	}
	s.indexed.Store(done)
	return nil
}

// indexPast indexes the match records not indexed yet.
func (s *Server) indexPast() {
	var err error
	if n, ok := s.led.LastMatched(); ok {
		err = s.index(n)
	}
	if err != nil && s.http.Log != nil {
		s.http.Log.Warn("indexing past matches", "err", err)
	}
}
