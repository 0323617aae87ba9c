package ledger

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/qf-dev/qf/store"

	"github.com/google/uuid"
	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
)

// Receipt is what a fund request did; it is stored with the request's
// idempotency key and returned again for a retry.
type Receipt struct {
	ID      string       `json:"id"`
	Round   uint64       `json:"round"`
	Gap     string       `json:"gap"`
	Agent   string       `json:"agent"`
	Amount  *uint256.Int `json:"amount"`
	Balance *uint256.Int `json:"balance"` // the agent's balance after
	Escrow  *uint256.Int `json:"escrow"`  // the gap's escrow after
}

// FundRequest is one agent's contribution to a gap.
type FundRequest struct {
	Agent  string
	Gap    uint256.Int
	Amount uint256.Int
	// Key, if set, makes the request idempotent: a retry with the same key
	// within [IdempotencyTTL] returns the first receipt and moves nothing.
	Key string
	// Request is the request's id for the journal (optional).
	Request string
	// At is the time of the request (zero: now).
	At time.Time
}

// Fund moves amount from the agent's account into the gap's escrow and
// records the contribution in the open round and the journal, in one
// batch. It returns the receipt and whether it is a replay of an earlier
// request with the same key. A fund the round's mechanism could not match
// is refused with [ErrFundLimit] (see [LimitsFor]). The write is applied
// but not fsynced: call [Ledger.Sync] before acknowledging it (FundSync
// does both).
func (l *Ledger) Fund(req FundRequest) (Receipt, bool, error) {
	if err := store.ValidAgentName(req.Agent); err != nil {
		return Receipt{}, false, err
	}
	if err := calc.CheckDonorID(req.Agent); err != nil { // the contribution names the agent as donor
		return Receipt{}, false, fmt.Errorf("%w: %q could be taken for an address: %w", store.ErrAgentName, req.Agent, err)
	}
	if req.Amount.IsZero() {
		return Receipt{}, false, fmt.Errorf("%w: amount must be positive", calc.ErrAmount)
	}
	o := Origin{Key: req.Agent, Request: req.Request, At: req.At}
	if o.Request == "" {
		o.Request = req.Key
	}
	at := o.at()
	reqText := fundRequestText(&req.Gap, &req.Amount)
	l.mu.Lock()
	defer l.mu.Unlock()
	if req.Key != "" {
		v, ok, err := l.s.Get(store.IdemKey(req.Agent, req.Key))
		if err != nil {
			return Receipt{}, false, err
		}
		var rec idemRecord
		if ok {
			if err := json.Unmarshal(v, &rec); err != nil {
				return Receipt{}, false, err
			}
		}
		if ok && (rec.At.IsZero() || at.Sub(rec.At) < IdempotencyTTL) {
			// Records from before keys were bound to the route: gap/amount.
			if rec.Request != reqText && rec.Request != req.Gap.Dec()+"/"+req.Amount.Dec() {
				return Receipt{}, false, fmt.Errorf("%w: key %q funded gap %s with %s", ErrIdempotencyConflict, req.Key, rec.Receipt.Gap, rec.Receipt.Amount)
			}
			return rec.Receipt, true, nil
		}
	}
	if l.open == nil {
		return Receipt{}, false, ErrNoOpenRound
	}
	if !l.gaps[req.Gap] {
		return Receipt{}, false, fmt.Errorf("%w %s", calc.ErrUnknownGap, req.Gap.Dec())
	}
	total, over := new(uint256.Int).AddOverflow(l.total(&req.Gap, req.Agent), &req.Amount)
	if over {
		return Receipt{}, false, fmt.Errorf("%w: %s's total on gap %s", ErrOverflow, req.Agent, req.Gap.Dec())
	}
	if err := l.span.check(l.lim, total, req.Agent, req.Gap.Dec()); err != nil {
		return Receipt{}, false, err
	}
	if _, over := new(uint256.Int).AddOverflow(&l.roundTotal, &req.Amount); over {
		// only reachable when rows imported by the CLI already hold most of 2^256
		return Receipt{}, false, fmt.Errorf("%w: round %d's total with this contribution", calc.ErrOverflow, l.open.Number)
	}
	m := l.newMove()
	defer m.b.Close()
	id := "api:" + req.Agent + ":" + req.Key
	if req.Key == "" {
		id = "api:" + uuid.NewString()
	} else if taken, err := l.s.HasContribution(l.open.Number, []byte(id)); err != nil {
		return Receipt{}, false, err
	} else if taken {
		// The key expired and is used again: a new contribution.
		id += ":" + uuid.NewString()
	}
	agent, escrow := AgentAccount(req.Agent), EscrowAccount(&req.Gap)
	if err := m.transfer(JournalFund, agent, escrow, &req.Amount, l.open.Number, id, o); err != nil {
		return Receipt{}, false, err
	}
	row := record.Contribution{Donor: []byte(req.Agent), Gap: req.Gap, Amount: req.Amount}
	rc := Receipt{ID: id, Round: l.open.Number, Gap: req.Gap.Dec(), Agent: req.Agent, Amount: new(uint256.Int).Set(&req.Amount),
		Balance: new(uint256.Int).Set(m.new[agent]), Escrow: new(uint256.Int).Set(m.new[escrow])}
	r := *l.open
	r.Contributions++
	row.Seq = uint64(r.Contributions)
	err := store.PutContribution(m.b, r.Number, []byte(id), &row)
	if err == nil && req.Key != "" {
		var v []byte
		if v, err = json.Marshal(idemRecord{Request: reqText, Receipt: rc, At: at}); err == nil {
			err = m.b.Set(store.IdemKey(req.Agent, req.Key), v, nil)
		}
	}
	if err == nil { // the open round's statistics, for the projection (store.Store.OpenSums)
		err = l.s.FundSums(m.b, *l.open, &row)
	}
	if err == nil {
		err = l.s.PutRound(m.b, r)
	}
	if err != nil {
		return Receipt{}, false, err
	}
	if err := m.commit(false); err != nil {
		return Receipt{}, false, err
	}
	*l.open = r
	l.count(&req.Gap, req.Agent, &req.Amount)
	l.funded(&req.Gap)
	if l.matching {
		l.late = append(l.late, lateRow{id: id, row: row, key: req.Key})
	}
	return rc, false, nil
}

// FundSync is [Ledger.Fund] made durable before it returns.
func (l *Ledger) FundSync(req FundRequest) (Receipt, bool, error) {
	rc, replay, err := l.Fund(req)
	if err != nil {
		return rc, replay, err
	}
	return rc, replay, l.Sync()
}

// lateRow is a contribution funded while a match computed: the match
// moves it to the next round.
type lateRow struct {
	id  string
	key string
	row record.Contribution
}
