package ledger

import (
	"bytes"
	"encoding/json"
	"sync"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// Ledger is the token ledger of a store: balances in base units, moved only
// in atomic batches that also record what the move was for, so the total
// supply (what was credited) always equals the sum of balances. It keeps
// balances and the open round's figures in memory; the store must not be
// written by other processes while a Ledger is in use.
type Ledger struct {
	s    *store.Store
	mu   sync.Mutex
	bal  map[string]*uint256.Int
	gaps map[uint256.Int]bool
	open *store.Round // the open round contributions go to; nil if none
	// next, if set, is the settings of the rounds opened from now on (a
	// change asked for while a round with others is open).
	next *calc.Config
	jseq uint64 // the journal's last sequence number
	// tally of the open round, per gap: direct total and each donor's
	// total; the funding limits of its mechanism and their tally.
	direct map[uint256.Int]*uint256.Int
	donors map[uint256.Int]map[string]*uint256.Int
	lim    FundLimits
	span   spanTally
	// matching is set while a match computes outside the lock; late
	// holds the contributions funded meanwhile, which go to the next round.
	matching   bool
	late       []lateRow
	roundTotal uint256.Int // Σ direct: kept within 2^256−1, as computing the round needs
	view       view        // what readers may load without mu (view.go)
}

// New returns the store's ledger, loading the open round's tally.
func New(s *store.Store) (*Ledger, error) {
	l := &Ledger{s: s, bal: map[string]*uint256.Int{}}
	if err := l.reload(); err != nil {
		return nil, err
	}
	return l, nil
}

// reload rebuilds the in-memory state from the store.
func (l *Ledger) reload() error {
	var err error
	if l.jseq, err = lastJournalSeq(l.s); err != nil {
		return err
	}
	l.gaps = map[uint256.Int]bool{}
	if err := l.refreshGaps(); err != nil {
		return err
	}
	l.open = nil
	l.resetTally()
	rs, err := l.s.Rounds()
	if err != nil {
		return err
	}
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].Status == store.StatusOpen {
			l.open = &rs[i]
			break
		}
	}
	if l.open != nil {
		l.lim = LimitsFor(l.open.Config)
		// A bulk import's deferred sums are made whole here, once, not by
		// the first fund (a round's whole rows, about 2 s at a million);
		// if that fails (a full disk), so would the first fund.
		if err := l.s.CompleteDeferredSums(*l.open); err != nil {
			return err
		}
		err := l.s.EachContribution(l.open.Number, func(r *record.Contribution) error {
			l.count(&r.Gap, string(r.Donor), &r.Amount)
			return nil
		})
		if err != nil {
			return err
		}
	}
	if n, ok, err := LastMatchRound(l.s); err != nil {
		return err
	} else if ok {
		l.view.lastMatch.Store(n + 1)
	}
	l.publish()
	if l.jseq == 0 {
		return l.openJournal()
	}
	return nil
}

// resetTally empties the open round's figures (a new round has none).
func (l *Ledger) resetTally() {
	l.direct, l.donors = map[uint256.Int]*uint256.Int{}, map[uint256.Int]map[string]*uint256.Int{}
	l.span = spanTally{}
	l.roundTotal.Clear()
	if l.open != nil {
		l.lim = LimitsFor(l.open.Config)
	}
}

// total is what donor has given gap g in the open round so far.
func (l *Ledger) total(g *uint256.Int, donor string) *uint256.Int {
	if t := l.donors[*g][donor]; t != nil {
		return t
	}
	return new(uint256.Int)
}

func (l *Ledger) count(g *uint256.Int, donor string, amount *uint256.Int) {
	d := l.direct[*g]
	if d == nil {
		d = new(uint256.Int)
		l.direct[*g] = d
		l.donors[*g] = map[string]*uint256.Int{}
	}
	d.Add(d, amount)
	l.roundTotal.Add(&l.roundTotal, amount)
	t := l.donors[*g][donor]
	if t == nil {
		t = new(uint256.Int)
		l.donors[*g][donor] = t
	}
	t.Add(t, amount)
	l.span = l.span.add(l.lim, amount, t)
}

// refreshGaps reloads the gap registry (gaps are registered with the
// service stopped, so loading it at start is enough).
func (l *Ledger) refreshGaps() error {
	gaps, err := l.s.Gaps()
	if err != nil {
		return err
	}
	for _, g := range gaps {
		l.gaps[g.ID] = true
	}
	return nil
}

// OpenRound returns the round contributions go to, opening one with cfg
// (mechanism and parameters; the pool is set at the match) if none is
// open. An empty cfg.Mechanism keeps the open round's settings (a new
// ledger's first round is then qf). If a round with other settings is
// open, it keeps them and cfg applies from the next round: changed says
// so, for the caller to warn.
func (l *Ledger) OpenRound(cfg calc.Config, decimals uint8) (r store.Round, changed bool, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open != nil {
		if cfg.Mechanism != "" && !sameSettings(l.open.Config, cfg) {
			c := cfg
			l.next, changed = &c, true
		}
		return *l.open, changed, nil
	}
	if cfg.Mechanism == "" {
		cfg.Mechanism = "qf"
	}
	r, err = l.s.CreateRound(store.Round{Config: cfg, Decimals: decimals, Name: "service"})
	if err != nil {
		return r, false, err
	}
	l.open = &r
	l.resetTally()
	l.publish()
	return r, false, nil
}

// sameSettings compares two rounds' settings, the pool aside.
func sameSettings(a, b calc.Config) bool {
	a.Pool, b.Pool = uint256.Int{}, uint256.Int{}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// NextSettings is the settings the next round will open with.
func (l *Ledger) NextSettings() (calc.Config, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.next != nil {
		return *l.next, true
	}
	if l.open != nil {
		return l.open.Config, true
	}
	return calc.Config{}, false
}

// GapTally is one gap's figures in the open round.
type GapTally struct {
	Direct       uint256.Int
	Contributors int
}

// Tally returns the open round (nil if none) and its per-gap figures.
func (l *Ledger) Tally() (*store.Round, map[uint256.Int]GapTally) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[uint256.Int]GapTally, len(l.direct))
	for g, d := range l.direct {
		out[g] = GapTally{Direct: *d, Contributors: len(l.donors[g])}
	}
	if l.open == nil {
		return nil, out
	}
	r := *l.open
	return &r, out
}

// Open returns the open round (ok false if none) without copying the
// tally.
func (l *Ledger) Open() (store.Round, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		return store.Round{}, false
	}
	return *l.open, true
}

// GapTally returns one gap's figures in the open round.
func (l *Ledger) GapTally(g *uint256.Int) GapTally {
	l.mu.Lock()
	defer l.mu.Unlock()
	var t GapTally
	if d := l.direct[*g]; d != nil {
		t.Direct, t.Contributors = *d, len(l.donors[*g])
	}
	return t
}
