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
}

// Version counts the ledger's committed changes since it was opened:
// every fund, credit, match, void and round opened moves it on. It is read
// without the ledger's lock, so a read cache can tell in an atomic load
// whether anything it shows may have changed.
func (l *Ledger) Version() uint64 { return l.view.ver.Load() }

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
