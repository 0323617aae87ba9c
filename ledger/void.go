package ledger

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// VoidRound voids the open round n: every contribution made through the
// ledger goes back from its gap's escrow to its agent, in one batch that
// journals each refund, marks the round void, records it with the
// matches and opens the next round. The schedule is not stamped: the
// next match is still due when it was. It is the admin's remedy for a
// round that cannot be matched.
func (l *Ledger) VoidRound(o Origin, n uint64) (MatchRecord, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		return MatchRecord{}, ErrNoOpenRound
	}
	if l.matching {
		return MatchRecord{}, ErrMatching
	}
	r := *l.open
	if n != r.Number {
		return MatchRecord{}, fmt.Errorf("%w: round %d is not the open round (%d); only the open round can be voided", store.ErrRoundClosed, n, r.Number)
	}
	type pair struct{ gap, agent string }
	back := map[pair]*uint256.Int{}
	var skipped int
	funded, err := l.fundedRows(r.Number)
	if err != nil {
		return MatchRecord{}, err
	}
	err = l.s.EachContribution(r.Number, func(row *record.Contribution) error {
		if !bytes.HasPrefix(row.ID, []byte("api:")) || !funded.paid(row) {
			skipped++ // not funded through the ledger: no tokens behind it
			return nil
		}
		k := pair{EscrowAccount(&row.Gap), AgentAccount(string(row.Donor))}
		if back[k] == nil {
			back[k] = new(uint256.Int)
		}
		back[k].Add(back[k], &row.Amount)
		return nil
	})
	if err != nil {
		return MatchRecord{}, err
	}
	keys := make([]pair, 0, len(back))
	for k := range back {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pair) int { return cmp.Or(cmp.Compare(a.gap, b.gap), cmp.Compare(a.agent, b.agent)) })
	m := l.newMove()
	defer m.b.Close()
	rec := MatchRecord{Round: r.Number, Pool: new(uint256.Int), Matched: new(uint256.Int), Status: store.StatusVoid, At: o.at(), Gaps: []MatchRecordGap{}}
	perGap := map[string]*uint256.Int{}
	var gaps []string
	for _, k := range keys {
		if err := m.transfer(JournalVoid, k.gap, k.agent, back[k], r.Number, "", o); err != nil {
			return rec, fmt.Errorf("voiding round %d: refunding %s from %s: %w", r.Number, k.agent, k.gap, err)
		}
		if perGap[k.gap] == nil {
			perGap[k.gap] = new(uint256.Int)
			gaps = append(gaps, k.gap)
		}
		perGap[k.gap].Add(perGap[k.gap], back[k])
	}
	for _, g := range gaps {
		id := strings.TrimPrefix(g, "gap:")
		rec.Gaps = append(rec.Gaps, MatchRecordGap{Gap: id, Direct: new(uint256.Int).Set(perGap[g]), Match: new(uint256.Int), Refunded: new(uint256.Int).Set(perGap[g])})
	}
	slices.SortFunc(rec.Gaps, func(a, b MatchRecordGap) int {
		return cmp.Or(cmp.Compare(len(a.Gap), len(b.Gap)), cmp.Compare(a.Gap, b.Gap))
	})
	r.Status = store.StatusVoid
	if err := l.s.PutRound(m.b, r); err != nil {
		return rec, err
	}
	_ = skipped
	return rec, l.finishMatch(m, r, rec, o, false, nil)
}

// funded is what the journal says paid for round n's contributions.
type funded struct {
	n        uint64
	entries  map[string]JournalEntry // contribution id → its fund entry
	opening  uint64                  // the round open when the journal started (0: none)
	openingN int                     // how many contributions it held then
}

// fundedRows reads the journal's fund entries of round n and of round n-1
// (whose funds made during its match went to n). A void refunds only
// those: a row written around the ledger with an "api:" id (qf import,
// qf contribute) has no tokens behind it and must not be paid out of the
// gap's escrow, which holds other rounds' matches.
//
// It reads the journal from its end back to the first entry of an earlier
// round: entries carry the round open when they were written (credits
// none), so their rounds never go down.
func (l *Ledger) fundedRows(n uint64) (*funded, error) {
	f := &funded{n: n, entries: map[string]JournalEntry{}}
	err := journalBack(l.s, func(e JournalEntry) bool {
		if e.Round != 0 && e.Round+1 < n {
			return false
		}
		switch {
		case e.Kind == JournalOpening && e.Round != 0:
			f.opening, f.openingN = e.Round, e.Contributions
		case e.Kind == JournalFund:
			f.entries[e.Contribution] = e
		}
		return true
	})
	return f, err
}

// paid is true if row was funded through the ledger: its fund entry has
// its gap, agent and amount, or it predates the journal (see
// [Ledger.Check]).
func (f *funded) paid(row *record.Contribution) bool {
	e, ok := f.entries[string(row.ID)]
	if !ok {
		return f.n < f.opening || f.n == f.opening && int(row.Seq) <= f.openingN
	}
	return e.From == AgentAccount(string(row.Donor)) && e.To == EscrowAccount(&row.Gap) && e.Amount == row.Amount.Dec()
}
