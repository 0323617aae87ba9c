package ledger

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/qf-dev/qf/store"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/calc"
)

// MatchRecord is the ledger's record of one matching round.
type MatchRecord struct {
	Round      uint64           `json:"round_number"`
	Pool       *uint256.Int     `json:"pool"`
	Matched    *uint256.Int     `json:"matched"`
	GapsFunded int              `json:"gaps_funded"`
	Status     store.Status     `json:"status"`
	At         time.Time        `json:"at"`
	Root       string           `json:"root,omitempty"`
	Gaps       []MatchRecordGap `json:"gaps"`
}

// MatchRecordGap is one gap's line in a [MatchRecord]. In a cqf round
// Direct is the gap's pledged limits, Match is 0 (no pool), Paid what the
// pledges pay its recipient and Refunded what went back to the pledgers.
// In a voided round Direct is what was contributed and Refunded all of it.
type MatchRecordGap struct {
	Gap      string       `json:"gap"`
	Direct   *uint256.Int `json:"direct"`
	Match    *uint256.Int `json:"match"`
	Paid     *uint256.Int `json:"paid,omitempty"`     // cqf rounds only
	Refunded *uint256.Int `json:"refunded,omitempty"` // cqf and voided rounds only
}

// Match is [Ledger.MatchOn] with compute reading the live store, for
// callers that write nothing while it runs (the command line).
func (l *Ledger) Match(size *uint256.Int, at time.Time, compute store.Compute) (MatchRecord, error) {
	return l.MatchOn(size, Origin{At: at}, func(*store.Store) store.Compute { return compute })
}

// MatchOn closes the open round: pool is min(size, the pool account's
// balance) (size nil: the whole balance). The round is computed outside
// the ledger's lock, by the store.Compute that compute makes for a snapshot of
// the store taken when the match starts, so funding goes on meanwhile;
// then one batch stores the results, moves each gap's match from the pool
// into its escrow (journaled), records the match, opens the next round —
// with the contributions funded during the computation, and the settings
// a restart asked for if they changed — and stamps the scheduler's state
// with o.At.
func (l *Ledger) MatchOn(size *uint256.Int, o Origin, compute func(snap *store.Store) store.Compute) (MatchRecord, error) {
	r, pool, snap, err := l.beginMatch(false, size)
	if err != nil {
		return MatchRecord{}, err
	}
	defer l.endMatch(snap)
	cfg := r.Config
	cfg.Pool = *pool
	res, err := compute(snap)(r, cfg)
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
	at := o.at()
	rec := MatchRecord{Round: r.Number, Pool: new(uint256.Int).Set(&cfg.Pool), Matched: new(uint256.Int).Set(&res.Matched), Status: store.StatusClosed, At: at}
	for i := range res.Gaps {
		g := &res.Gaps[i]
		if !g.Match.IsZero() {
			rec.GapsFunded++
			if err := m.transfer(JournalMatch, PoolAccount, EscrowAccount(&g.Gap), &g.Match, r.Number, "", o); err != nil {
				return rec, err
			}
		}
		rec.Gaps = append(rec.Gaps, MatchRecordGap{Gap: g.Gap.Dec(), Direct: new(uint256.Int).Set(&g.Direct), Match: new(uint256.Int).Set(&g.Match)})
	}
	r.Config = cfg
	if res.Tree != nil {
		rec.Root = res.Tree.Root().Hex()
	}
	if err := l.s.CloseInto(m.b, &r, store.PrefixReport, res.Report, res.Tree); err != nil {
		return rec, err
	}
	return rec, l.finishMatch(m, r, rec, o, true, expired)
}

// beginMatch marks a match as computing and returns the open round as it
// is now, the pool it pays (pool rounds) and a snapshot of the store.
func (l *Ledger) beginMatch(cqf bool, size *uint256.Int) (store.Round, *uint256.Int, *store.Store, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		return store.Round{}, nil, nil, ErrNoOpenRound
	}
	if l.matching {
		return store.Round{}, nil, nil, ErrMatching
	}
	r := *l.open
	if cqf && r.Config.Mechanism != calc.CQFName {
		return r, nil, nil, store.NotCQF(r)
	}
	pool := new(uint256.Int)
	if !cqf {
		var err error
		if pool, err = l.matchPool(size); err != nil {
			return r, nil, nil, err
		}
	}
	if f := l.span.floor(l.lim); f != nil {
		r.Config.MinAmount = *f // stored with the closed round: verifiers replay it
	}
	l.matching, l.late = true, nil
	return r, pool, l.s.Snapshot(), nil
}

// MatchFloor is the minimum amount a match of the open round would use
// when it is above the round's own --min-amount (nil otherwise): in the
// mechanisms with a precision span (cocm, pairwise, cluster; see
// [FundLimits]) amounts under 1/Span of the largest total count as direct
// funding only. The match stores it as the closed round's MinAmount.
func (l *Ledger) MatchFloor() *uint256.Int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.span.floor(l.lim)
}

func (l *Ledger) endMatch(snap *store.Store) {
	l.mu.Lock()
	l.matching, l.late = false, nil
	l.mu.Unlock()
	_ = snap.Close()
}

// finishMatch adds to a match's (or void's) batch its record, the
// scheduler's stamp (stamp), the next round (the settings asked for, or
// the same) with the contributions funded while the match computed, then
// commits it and moves the ledger on.
func (l *Ledger) finishMatch(m *move, r store.Round, rec MatchRecord, o Origin, stamp bool, expired [][]byte) error {
	cfg := l.open.Config
	if l.next != nil {
		cfg = *l.next
	}
	next := store.Round{Number: r.Number + 1, Name: r.Name, Config: cfg, Decimals: r.Decimals, Leaf: r.Leaf, Status: store.StatusOpen}
	if ok, err := l.s.RoundExists(next.Number); err != nil {
		return err
	} else if ok {
		return fmt.Errorf("%w: %d (the service opens the round after the one it closes)", store.ErrRoundExists, next.Number)
	}
	late := l.late
	// Expired idempotency records go, except those a fund rewrote while
	// the match computed (the snapshot had their old version).
	rewritten := map[string]bool{}
	for _, lr := range late {
		if lr.key != "" {
			rewritten[string(store.IdemKey(string(lr.row.Donor), lr.key))] = true
		}
	}
	for _, k := range expired {
		if !rewritten[string(k)] {
			if err := m.b.Delete(k, nil); err != nil {
				return err
			}
		}
	}
	for i := range late {
		lr := &late[i]
		next.Contributions++
		lr.row.Seq = uint64(next.Contributions)
		if err := store.DeleteContribution(m.b, r.Number, []byte(lr.id)); err != nil {
			return err
		}
		if err := store.PutContribution(m.b, next.Number, []byte(lr.id), &lr.row); err != nil {
			return err
		}
		if lr.key == "" {
			continue
		}
		k := store.IdemKey(string(lr.row.Donor), lr.key)
		v, ok, err := l.s.Get(k)
		if err != nil || !ok {
			return err
		}
		var ir idemRecord
		if err := json.Unmarshal(v, &ir); err != nil {
			return err
		}
		if ir.Receipt.ID == lr.id {
			ir.Receipt.Round = next.Number
			if v, err = json.Marshal(ir); err != nil {
				return err
			}
			if err := m.b.Set(k, v, nil); err != nil {
				return err
			}
		}
	}
	rv, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := m.b.Set(store.MatchKey(r.Number), rv, nil); err != nil {
		return err
	}
	if stamp {
		st, _, err := l.Schedule()
		if err != nil {
			return err
		}
		st.LastMatch = o.at()
		sv, err := json.Marshal(st)
		if err != nil {
			return err
		}
		if err := m.b.Set(store.ScheduleKey, sv, nil); err != nil {
			return err
		}
	}
	if err := l.s.PutRound(m.b, next); err != nil {
		return err
	}
	if err := m.commit(true); err != nil {
		return err
	}
	l.open, l.next, l.late = &next, nil, nil
	l.resetTally()
	for i := range late {
		l.count(&late[i].row.Gap, string(late[i].row.Donor), &late[i].row.Amount)
	}
	l.published(r.Number)
	if len(late) > 0 {
		// The funds carried into the new round have no sums: without them
		// its projection would compute from its rows until it closes. The
		// match stands whatever this does: a failed write fails the store
		// (the next write says so), and sums left missing are refused.
		_ = l.s.CarrySums(next)
	}
	return nil
}

// MatchPool is what a match now would pay out at most: the pool
// account's balance, or size if smaller (size nil: no cap).
func (l *Ledger) MatchPool(size *uint256.Int) (*uint256.Int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.matchPool(size)
}

func (l *Ledger) matchPool(size *uint256.Int) (*uint256.Int, error) {
	pool, err := l.balance(PoolAccount)
	if err != nil {
		return nil, err
	}
	if size != nil && size.Lt(pool) {
		pool = size
	}
	return new(uint256.Int).Set(pool), nil
}

// MatchRecords lists the ledger's matches (and voided rounds) in round
// order.
func (l *Ledger) MatchRecords() ([]MatchRecord, error) {
	it, err := l.s.NewIter([]byte{store.PrefixMatch}, []byte{store.PrefixMatch + 1})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []MatchRecord
	for it.First(); it.Valid(); it.Next() {
		var r MatchRecord
		if err := json.Unmarshal(it.Value(), &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, it.Error()
}
