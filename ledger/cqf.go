package ledger

import (
	"fmt"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/store"
)

// MatchCQFOn closes the open coordinated-QF round: compute solves it on a
// snapshot, outside the lock, and one batch stores the outcome and tree,
// moves each pledge's refund (limit − pay) from the gap's escrow back to
// the pledger's account (journaled), so the escrow keeps what the pledges
// pay the recipient, records the match and opens the next round, as
// [Ledger.MatchOn] does.
func (l *Ledger) MatchCQFOn(o Origin, compute func(snap *store.Store) store.ComputeCQF) (MatchRecord, error) {
	r, _, snap, err := l.beginMatch(true, nil)
	if err != nil {
		return MatchRecord{}, err
	}
	defer l.endMatch(snap)
	out, err := compute(snap)(r)
	if err != nil {
		return MatchRecord{}, err
	}
	expired, err := expiredKeys(snap, o.at())
	if err != nil {
		return MatchRecord{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil || l.open.Number != r.Number {
		return MatchRecord{}, ErrRoundChanged
	}
	m := l.newMove()
	defer m.b.Close()
	rec := MatchRecord{Round: r.Number, Pool: new(uint256.Int), Matched: new(uint256.Int), Status: store.StatusClosed, At: o.at()}
	paid := new(uint256.Int)
	for i := range out.Gaps {
		g := &out.Gaps[i]
		var refunded uint256.Int
		for j := range g.Refunds {
			p := &g.Refunds[j]
			if p.Amount.IsZero() {
				continue
			}
			if err := m.transfer(JournalRefund, EscrowAccount(&g.Gap), AgentAccount(p.Donor), &p.Amount, r.Number, "", o); err != nil {
				return rec, fmt.Errorf("refunding %s on gap %s: %w", p.Donor, g.Gap.Dec(), err)
			}
			refunded.Add(&refunded, &p.Amount)
		}
		if !g.Total.IsZero() {
			rec.GapsFunded++
		}
		paid.Add(paid, &g.Total)
		rec.Gaps = append(rec.Gaps, MatchRecordGap{Gap: g.Gap.Dec(), Direct: new(uint256.Int).Set(&g.Limits), Match: new(uint256.Int), Paid: new(uint256.Int).Set(&g.Total), Refunded: &refunded})
	}
	rec.Matched = paid
	if out.Tree != nil {
		rec.Root = out.Tree.Root().Hex()
	}
	if err := l.s.CloseInto(m.b, &r, store.PrefixCQFOutcome, out.Outcome, out.Tree); err != nil {
		return rec, err
	}
	return rec, l.finishMatch(m, r, rec, o, true, expired)
}
