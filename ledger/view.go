package ledger

import (
	"sync/atomic"

	"github.com/holiman/uint256"
)

// view is what readers may learn of the ledger without its lock: a
// version counting its committed changes, the open round's number and the
// last match record's round. Writers update it under the lock after the
// change is applied (in memory and in the store), the version last; a
// reader that loads the version first and then reads the state (under the
// lock, or from the store) never takes older state for a newer version.
type view struct {
	ver       atomic.Uint64
	open      atomic.Uint64 // open round's number + 1; 0: none
	lastMatch atomic.Uint64 // last match record's round + 1; 0: none
	// gaps counts funds per stripe of gaps (a gap's stripe is a hash of
	// its id): fixed memory however many gaps are registered; a fund to a
	// gap moves its stripe, so a gap's version may also move with another
	// gap's fund, never stay put with its own.
	gaps [gapStripes]atomic.Uint64
}

const gapStripes = 4096

func gapStripe(g *uint256.Int) int {
	h := g[0] ^ g[1]*0x9e3779b97f4a7c15 ^ g[2]*0xc2b2ae3d27d4eb4f ^ g[3]*0x165667b19e3779f9
	// splitmix64's finalizer
	h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
	h = (h ^ h>>27) * 0x94d049bb133111eb
	h ^= h >> 31
	return int(h % gapStripes)
}

// Version counts the ledger's committed changes since it was opened:
// every fund, credit, match, void and round opened moves it on. It is read
// without the ledger's lock, so a read cache can tell in an atomic load
// whether anything it shows may have changed.
func (l *Ledger) Version() uint64 { return l.view.ver.Load() }

// GapVersion moves with every fund to gap g (and may move with funds to
// other gaps): with [Ledger.LastMatched] it tells, without the ledger's
// lock, whether g's escrow and open-round figures may have changed (only
// a fund, a match or a void changes them). Read it before the figures.
func (l *Ledger) GapVersion(g *uint256.Int) uint64 { return l.view.gaps[gapStripe(g)].Load() }

// OpenNumber is the open round's number (ok false if none), read without
// the ledger's lock.
func (l *Ledger) OpenNumber() (n uint64, ok bool) {
	if v := l.view.open.Load(); v != 0 {
		return v - 1, true
	}
	return 0, false
}

// LastMatched is the round of the last match (or void) record, read
// without the ledger's lock or the store (ok false before the first); it
// is [LastMatchRound] kept in memory.
func (l *Ledger) LastMatched() (n uint64, ok bool) {
	if v := l.view.lastMatch.Load(); v != 0 {
		return v - 1, true
	}
	return 0, false
}

// publish updates the view after a change. Callers hold mu.
func (l *Ledger) publish() {
	if l.open != nil {
		l.view.open.Store(l.open.Number + 1)
	} else {
		l.view.open.Store(0)
	}
	l.view.ver.Add(1)
}

// funded records a fund to gap g. Callers hold mu.
func (l *Ledger) funded(g *uint256.Int) { l.view.gaps[gapStripe(g)].Add(1) }

// published records a match record stored for round n. Callers hold mu.
func (l *Ledger) published(n uint64) {
	l.view.lastMatch.Store(n + 1)
	l.publish()
}

// GapFigures returns a gap's escrow balance and its figures in the open
// round, under one acquisition of the ledger's lock (a public read's share
// of it).
func (l *Ledger) GapFigures(g *uint256.Int) (escrow uint256.Int, t GapTally, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, err := l.balance(EscrowAccount(g))
	if err != nil {
		return escrow, t, err
	}
	escrow.Set(b)
	if d := l.direct[*g]; d != nil {
		t.Direct, t.Contributors = *d, len(l.donors[*g])
	}
	return escrow, t, nil
}
