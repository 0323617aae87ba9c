package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/google/uuid"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

var (
	// ErrInsufficient reports a debit larger than the account's balance.
	ErrInsufficient = errors.New("insufficient balance")
	// ErrAccount reports a malformed account name.
	ErrAccount = errors.New("bad account name")
	// ErrIdempotencyConflict reports an idempotency key reused for a
	// different request.
	ErrIdempotencyConflict = errors.New("idempotency key already used for a different request")
	// ErrNoOpenRound reports a ledger operation that needs an open round
	// when there is none (qf round create, or qf serve opens one).
	ErrNoOpenRound = errors.New("no open round")
	// ErrLedger reports a failed consistency check.
	ErrLedger = errors.New("ledger inconsistent")
	// ErrOverflow reports a balance that would exceed 2^256 − 1.
	ErrOverflow = errors.New("amount overflows 2^256-1")
)

// PoolAccount is the matching pool's account.
const PoolAccount = "pool"

// AgentAccount and EscrowAccount name an agent's and a gap's accounts.
func AgentAccount(agent string) string    { return "agent:" + agent }
func EscrowAccount(g *uint256.Int) string { return "gap:" + g.Dec() }

// Ledger keys: 'a'+account → balance (32 bytes), 'S' → total supply,
// 'I'+agent+0+key → the receipt of an idempotent request, 'M'+round → the
// match record, 'Z' → the scheduler's state.
func accountKey(account string) []byte { return append([]byte{'a'}, account...) }

var supplyKey = []byte{'S'}
var scheduleKey = []byte{'Z'}

func idemKey(agent, key string) []byte {
	return append(append(append([]byte{'I'}, agent...), 0), key...)
}

// ValidAccount checks an account name: pool, agent:NAME or gap:ID.
func ValidAccount(account string) error {
	switch {
	case account == PoolAccount:
		return nil
	case strings.HasPrefix(account, "agent:"):
		return ValidAgentName(account[len("agent:"):])
	case strings.HasPrefix(account, "gap:"):
		var g uint256.Int
		if err := g.SetFromDecimal(account[len("gap:"):]); err != nil {
			return fmt.Errorf("%w: %q: the gap id is not a decimal number", ErrAccount, account)
		}
		if g.Dec() != account[len("gap:"):] {
			return fmt.Errorf("%w: %q: write the gap id without leading zeros", ErrAccount, account)
		}
		return nil
	}
	return fmt.Errorf("%w: %q: want pool, agent:NAME or gap:ID", ErrAccount, account)
}

// Ledger is the token ledger of a store: balances in base units, moved only
// in atomic batches that also record what the move was for, so the total
// supply (what was credited) always equals the sum of balances. It keeps
// balances and the open round's figures in memory; the store must not be
// written by other processes while a Ledger is in use.
type Ledger struct {
	s    *Store
	mu   sync.Mutex
	bal  map[string]*uint256.Int
	gaps map[uint256.Int]bool
	open *Round // the open round contributions go to; nil if none
	// tally of the open round, per gap: direct total and donors.
	direct map[uint256.Int]*uint256.Int
	donors map[uint256.Int]map[string]bool
	total  uint256.Int // Σ direct: kept within 2^256−1, as computing the round needs
}

// Ledger returns the store's ledger, loading the open round's tally.
func (s *Store) Ledger() (*Ledger, error) {
	l := &Ledger{s: s, bal: map[string]*uint256.Int{}}
	if err := l.reload(); err != nil {
		return nil, err
	}
	return l, nil
}

// reload rebuilds the in-memory state from the store.
func (l *Ledger) reload() error {
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
		if rs[i].Status == StatusOpen {
			l.open = &rs[i]
			break
		}
	}
	if l.open == nil {
		return nil
	}
	return l.s.EachContribution(l.open.Number, func(r *ingest.Row) error {
		l.count(&r.Gap, string(r.Donor), &r.Amount)
		return nil
	})
}

// resetTally empties the open round's figures (a new round has none).
func (l *Ledger) resetTally() {
	l.direct, l.donors = map[uint256.Int]*uint256.Int{}, map[uint256.Int]map[string]bool{}
	l.total.Clear()
}

func (l *Ledger) count(g *uint256.Int, donor string, amount *uint256.Int) {
	d := l.direct[*g]
	if d == nil {
		d = new(uint256.Int)
		l.direct[*g] = d
		l.donors[*g] = map[string]bool{}
	}
	d.Add(d, amount)
	l.total.Add(&l.total, amount)
	l.donors[*g][donor] = true
}

// balance reads an account's balance through the cache. Callers hold mu.
func (l *Ledger) balance(account string) (*uint256.Int, error) {
	if b, ok := l.bal[account]; ok {
		return b, nil
	}
	v, ok, err := l.s.get(accountKey(account))
	if err != nil {
		return nil, err
	}
	b := new(uint256.Int)
	if ok {
		b.SetBytes(v)
	}
	l.bal[account] = b
	return b, nil
}

// Balance returns an account's balance.
func (l *Ledger) Balance(account string) (*uint256.Int, error) {
	if err := ValidAccount(account); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, err := l.balance(account)
	if err != nil {
		return nil, err
	}
	return new(uint256.Int).Set(b), nil
}

// move is a pending set of balance changes applied with one batch. Its
// creator closes it (defer m.b.Close()), committed or not: a batch closed
// twice could release one that the pool has since handed to someone else.
type move struct {
	l   *Ledger
	b   *pebble.Batch
	new map[string]*uint256.Int
}

func (l *Ledger) newMove() *move {
	return &move{l: l, b: l.s.db.NewBatch(), new: map[string]*uint256.Int{}}
}

func (m *move) get(account string) (*uint256.Int, error) {
	if b, ok := m.new[account]; ok {
		return b, nil
	}
	b, err := m.l.balance(account)
	if err != nil {
		return nil, err
	}
	c := new(uint256.Int).Set(b)
	m.new[account] = c
	return c, nil
}

func (m *move) transfer(from, to string, amount *uint256.Int) error {
	fb, err := m.get(from)
	if err != nil {
		return err
	}
	if fb.Lt(amount) {
		return fmt.Errorf("%w: %s holds %s, needs %s", ErrInsufficient, from, fb.Dec(), amount.Dec())
	}
	tb, err := m.get(to)
	if err != nil {
		return err
	}
	if _, over := new(uint256.Int).AddOverflow(tb, amount); over {
		return fmt.Errorf("%w: %s", ErrOverflow, to)
	}
	fb.Sub(fb, amount)
	tb.Add(tb, amount)
	return nil
}

// commit writes the balances into the batch and applies it. With sync
// false the batch is applied in order but not yet fsynced: [Ledger.Sync]
// makes it (and everything before it) durable, letting concurrent
// requests share one fsync.
func (m *move) commit(sync bool) error {
	for acct, b := range m.new {
		v := b.Bytes32()
		if err := m.b.Set(accountKey(acct), v[:], nil); err != nil {
			return err
		}
	}
	opt := pebble.NoSync
	if sync {
		opt = pebble.Sync
	}
	m.l.s.mu.Lock()
	err := m.l.s.db.Apply(m.b, opt)
	m.l.s.mu.Unlock()
	if err != nil {
		return err
	}
	for acct, b := range m.new {
		m.l.bal[acct] = b
	}
	return nil
}

// Sync makes every applied ledger write durable. Pebble's WAL is written
// in order, so this also covers writes other requests applied before.
func (l *Ledger) Sync() error { return l.s.db.LogData(nil, pebble.Sync) }

// Credit mints amount into account (the admin's top-up): the supply grows
// with it.
func (l *Ledger) Credit(account string, amount *uint256.Int) (*uint256.Int, error) {
	if err := ValidAccount(account); err != nil {
		return nil, err
	}
	if amount.IsZero() {
		return nil, fmt.Errorf("%w: credit amount must be positive", calc.ErrAmount)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	m := l.newMove()
	defer m.b.Close()
	supply, err := l.supply()
	if err != nil {
		return nil, err
	}
	ns, over := new(uint256.Int).AddOverflow(supply, amount)
	if over {
		return nil, fmt.Errorf("%w: total supply", ErrOverflow)
	}
	b, err := m.get(account)
	if err != nil {
		return nil, err
	}
	b.Add(b, amount)
	v := ns.Bytes32()
	if err := m.b.Set(supplyKey, v[:], nil); err != nil {
		return nil, err
	}
	if err := m.commit(true); err != nil {
		return nil, err
	}
	return new(uint256.Int).Set(b), nil
}

func (l *Ledger) supply() (*uint256.Int, error) {
	v, _, err := l.s.get(supplyKey)
	if err != nil {
		return nil, err
	}
	return new(uint256.Int).SetBytes(v), nil
}

// Receipt is what a fund request did; it is stored with the request's
// idempotency key and returned again for a retry.
type Receipt struct {
	ID      string `json:"id"`
	Round   uint64 `json:"round"`
	Gap     string `json:"gap"`
	Agent   string `json:"agent"`
	Amount  string `json:"amount"`
	Balance string `json:"balance"` // the agent's balance after
	Escrow  string `json:"escrow"`  // the gap's escrow after
}

type idemRecord struct {
	Request string  `json:"request"` // hash of what was asked
	Receipt Receipt `json:"receipt"`
}

// FundRequest is one agent's contribution to a gap.
type FundRequest struct {
	Agent  string
	Gap    uint256.Int
	Amount uint256.Int
	// Key, if set, makes the request idempotent: a retry with the same key
	// returns the first receipt and moves nothing.
	Key string
}

// Fund moves amount from the agent's account into the gap's escrow and
// records the contribution in the open round, in one batch. It returns the
// receipt and whether it is a replay of an earlier request with the same
// key. The write is applied but not fsynced: call [Ledger.Sync] before
// acknowledging it (FundSync does both).
func (l *Ledger) Fund(req FundRequest) (Receipt, bool, error) {
	if err := ValidAgentName(req.Agent); err != nil {
		return Receipt{}, false, err
	}
	if err := calc.CheckDonorID(req.Agent); err != nil { // the contribution names the agent as donor
		return Receipt{}, false, fmt.Errorf("%w: %q could be taken for an address: %w", ErrAgentName, req.Agent, err)
	}
	if req.Amount.IsZero() {
		return Receipt{}, false, fmt.Errorf("%w: amount must be positive", calc.ErrAmount)
	}
	reqHash := req.Gap.Dec() + "/" + req.Amount.Dec()
	l.mu.Lock()
	defer l.mu.Unlock()
	if req.Key != "" {
		v, ok, err := l.s.get(idemKey(req.Agent, req.Key))
		if err != nil {
			return Receipt{}, false, err
		}
		if ok {
			var rec idemRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return Receipt{}, false, err
			}
			if rec.Request != reqHash {
				return Receipt{}, false, fmt.Errorf("%w: key %q funded gap %s with %s", ErrIdempotencyConflict, req.Key, rec.Receipt.Gap, rec.Receipt.Amount)
			}
			return rec.Receipt, true, nil
		}
	}
	if l.open == nil {
		return Receipt{}, false, ErrNoOpenRound
	}
	if !l.gaps[req.Gap] {
		if err := l.refreshGaps(); err != nil {
			return Receipt{}, false, err
		}
		if !l.gaps[req.Gap] {
			return Receipt{}, false, fmt.Errorf("%w %s", calc.ErrUnknownGap, req.Gap.Dec())
		}
	}
	if _, over := new(uint256.Int).AddOverflow(&l.total, &req.Amount); over {
		// only reachable when rows imported by the CLI already hold most of 2^256
		return Receipt{}, false, fmt.Errorf("%w: round %d's total with this contribution", calc.ErrOverflow, l.open.Number)
	}
	m := l.newMove()
	defer m.b.Close()
	agent, escrow := AgentAccount(req.Agent), EscrowAccount(&req.Gap)
	if err := m.transfer(agent, escrow, &req.Amount); err != nil {
		return Receipt{}, false, err
	}
	id := "api:" + req.Agent + ":" + req.Key
	if req.Key == "" {
		id = "api:" + uuid.NewString()
	}
	row := ingest.Row{Donor: []byte(req.Agent), Gap: req.Gap, Amount: req.Amount}
	rc := Receipt{ID: id, Round: l.open.Number, Gap: req.Gap.Dec(), Agent: req.Agent, Amount: req.Amount.Dec(),
		Balance: m.new[agent].Dec(), Escrow: m.new[escrow].Dec()}
	r := *l.open
	r.Contributions++
	row.Seq = uint64(r.Contributions)
	err := m.b.Set(contribKey(r.Number, []byte(id)), encodeContribution(&row), nil)
	if err == nil && req.Key != "" {
		var v []byte
		if v, err = json.Marshal(idemRecord{Request: reqHash, Receipt: rc}); err == nil {
			err = m.b.Set(idemKey(req.Agent, req.Key), v, nil)
		}
	}
	if err == nil {
		err = l.s.putRound(m.b, r)
	}
	if err != nil {
		return Receipt{}, false, err
	}
	if err := m.commit(false); err != nil {
		return Receipt{}, false, err
	}
	*l.open = r
	l.count(&req.Gap, req.Agent, &req.Amount)
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
// open.
func (l *Ledger) OpenRound(cfg calc.Config, decimals uint8) (Round, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open != nil {
		return *l.open, nil
	}
	r, err := l.s.CreateRound(Round{Config: cfg, Decimals: decimals, Name: "service"})
	if err != nil {
		return r, err
	}
	l.open = &r
	l.resetTally()
	return r, nil
}

// GapTally is one gap's figures in the open round.
type GapTally struct {
	Direct       uint256.Int
	Contributors int
}

// Tally returns the open round (nil if none) and its per-gap figures.
func (l *Ledger) Tally() (*Round, map[uint256.Int]GapTally) {
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

// MatchRecord is the ledger's record of one matching round.
type MatchRecord struct {
	Round      uint64           `json:"round_number"`
	Pool       string           `json:"pool"`
	Matched    string           `json:"matched"`
	GapsFunded int              `json:"gaps_funded"`
	Status     Status           `json:"status"`
	At         time.Time        `json:"at"`
	Root       string           `json:"root,omitempty"`
	Gaps       []MatchRecordGap `json:"gaps"`
}

// MatchRecordGap is one gap's line in a [MatchRecord]. In a cqf round
// Direct is the gap's pledged limits, Match is 0 (no pool), Paid what the
// pledges pay its recipient and Refunded what went back to the pledgers.
type MatchRecordGap struct {
	Gap      string `json:"gap"`
	Direct   string `json:"direct"`
	Match    string `json:"match"`
	Paid     string `json:"paid,omitempty"`
	Refunded string `json:"refunded,omitempty"`
}

// Compute computes a round's outcome from its stored contributions with
// the given config (its pool set); the ledger passes it to
// [Ledger.Match] so the store need not know how rounds are computed.
type Compute func(r Round, cfg calc.Config) (*payout.Report, *merkle.Tree, error)

// Match closes the open round: pool is min(size, the pool account's
// balance) (size nil: the whole balance); compute gives the payouts, and
// one batch stores the results, moves each gap's match from the pool into
// its escrow, records the match, opens the next round with the same
// settings and stamps the scheduler's state with at.
func (l *Ledger) Match(size *uint256.Int, at time.Time, compute Compute) (MatchRecord, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		return MatchRecord{}, ErrNoOpenRound
	}
	r := *l.open
	pool, err := l.matchPool(size)
	if err != nil {
		return MatchRecord{}, err
	}
	cfg := r.Config
	cfg.Pool = *pool
	rep, tree, err := compute(r, cfg)
	if err != nil {
		return MatchRecord{}, err
	}
	m := l.newMove()
	defer m.b.Close()
	rec := MatchRecord{Round: r.Number, Pool: cfg.Pool.Dec(), Matched: rep.Matched, Status: StatusClosed, At: at.UTC()}
	for _, g := range rep.Gaps {
		var id, match uint256.Int
		if err := id.SetFromDecimal(g.Gap); err != nil {
			return rec, err
		}
		if err := match.SetFromDecimal(g.Match); err != nil {
			return rec, err
		}
		if !match.IsZero() {
			rec.GapsFunded++
			if err := m.transfer(PoolAccount, EscrowAccount(&id), &match); err != nil {
				return rec, err
			}
		}
		rec.Gaps = append(rec.Gaps, MatchRecordGap{Gap: g.Gap, Direct: g.Direct, Match: g.Match})
	}
	r.Config = cfg
	if tree != nil {
		rec.Root = tree.Root().Hex()
	}
	if err := l.s.closeInto(m.b, &r, 'R', rep, tree); err != nil {
		return rec, err
	}
	return rec, l.finishMatch(m, r, rec, at)
}

// ComputeCQF solves a coordinated-QF round from its stored pledges, with
// refunds through the ledger (round.CQFSettings.LedgerRefunds).
type ComputeCQF func(r Round) (*round.CQFOutcome, error)

// MatchCQF closes the open coordinated-QF round: compute solves it, and
// one batch stores the outcome and tree, moves each pledge's refund
// (limit − pay) from the gap's escrow back to the pledger's account, so the
// escrow keeps what the pledges pay the recipient, records the match and
// opens the next round, as [Ledger.Match] does.
func (l *Ledger) MatchCQF(at time.Time, compute ComputeCQF) (MatchRecord, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		return MatchRecord{}, ErrNoOpenRound
	}
	r := *l.open
	if r.Config.Mechanism != calc.CQFName {
		return MatchRecord{}, notCQF(r)
	}
	out, err := compute(r)
	if err != nil {
		return MatchRecord{}, err
	}
	m := l.newMove()
	defer m.b.Close()
	rec := MatchRecord{Round: r.Number, Pool: "0", Matched: "0", Status: StatusClosed, At: at.UTC()}
	paid := new(uint256.Int)
	for _, g := range out.Gaps {
		var id, total, refunded uint256.Int
		if err := id.SetFromDecimal(g.Gap); err != nil {
			return rec, err
		}
		if err := total.SetFromDecimal(g.Total); err != nil {
			return rec, err
		}
		for _, p := range g.Pledges {
			var refund uint256.Int
			if err := refund.SetFromDecimal(p.Refund); err != nil {
				return rec, err
			}
			if refund.IsZero() {
				continue
			}
			if err := m.transfer(EscrowAccount(&id), AgentAccount(p.Donor), &refund); err != nil {
				return rec, fmt.Errorf("refunding %s on gap %s: %w", p.Donor, g.Gap, err)
			}
			refunded.Add(&refunded, &refund)
		}
		if !total.IsZero() {
			rec.GapsFunded++
		}
		paid.Add(paid, &total)
		rec.Gaps = append(rec.Gaps, MatchRecordGap{Gap: g.Gap, Direct: g.Limits, Match: "0", Paid: g.Total, Refunded: refunded.Dec()})
	}
	rec.Matched = paid.Dec()
	if out.Tree != nil {
		rec.Root = out.Root.Hex()
	}
	if err := l.s.closeInto(m.b, &r, 'Q', out, out.Tree); err != nil {
		return rec, err
	}
	return rec, l.finishMatch(m, r, rec, at)
}

// finishMatch adds to a match's batch its record, the scheduler's stamp and
// the next round (same settings), commits it, and moves the ledger on.
func (l *Ledger) finishMatch(m *move, r Round, rec MatchRecord, at time.Time) error {
	next := Round{Number: r.Number + 1, Name: r.Name, Config: l.open.Config, Decimals: r.Decimals, Leaf: r.Leaf, Status: StatusOpen}
	if _, ok, err := l.s.get(roundKey('r', next.Number)); err != nil {
		return err
	} else if ok {
		return fmt.Errorf("%w: %d (the service opens the round after the one it closes)", ErrRoundExists, next.Number)
	}
	rv, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	sv, err := json.Marshal(ScheduleState{LastMatch: at.UTC()})
	if err != nil {
		return err
	}
	for _, kv := range [][2][]byte{{roundKey('M', r.Number), rv}, {scheduleKey, sv}} {
		if err := m.b.Set(kv[0], kv[1], nil); err != nil {
			return err
		}
	}
	if err := l.s.putRound(m.b, next); err != nil {
		return err
	}
	if err := m.commit(true); err != nil {
		return err
	}
	l.open = &next
	l.resetTally()
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

// MatchRecords lists the ledger's matches in round order.
func (l *Ledger) MatchRecords() ([]MatchRecord, error) {
	it, err := l.s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{'M'}, UpperBound: []byte{'M' + 1}})
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

// ScheduleState is what the matching scheduler keeps across restarts.
type ScheduleState struct {
	LastMatch time.Time `json:"lastMatch"`
}

// Schedule reads the scheduler's state; ok is false before the first
// match or stamp.
func (l *Ledger) Schedule() (ScheduleState, bool, error) {
	var st ScheduleState
	v, ok, err := l.s.get(scheduleKey)
	if err != nil || !ok {
		return st, ok, err
	}
	return st, true, json.Unmarshal(v, &st)
}

// StampSchedule records at as the last match time without matching (the
// first start of a scheduled service counts its period from then).
func (l *Ledger) StampSchedule(at time.Time) error {
	v, err := json.Marshal(ScheduleState{LastMatch: at.UTC()})
	if err != nil {
		return err
	}
	return l.s.db.Set(scheduleKey, v, pebble.Sync)
}

// CheckReport is what [Ledger.Check] found.
type CheckReport struct {
	Accounts int    `json:"accounts"`
	Supply   string `json:"supply"`
	Sum      string `json:"sum"`
	Escrow   string `json:"escrow"`
	Pool     string `json:"pool"`
	Agents   string `json:"agents"`
}

// Check verifies the ledger from disk: Σ balances = supply, and every
// gap's escrow equals what was contributed to it through the ledger plus
// the matches it was paid, less the refunds of cqf rounds.
func (l *Ledger) Check() (CheckReport, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var rep CheckReport
	sum, escrow, agents := new(uint256.Int), new(uint256.Int), new(uint256.Int)
	balances := map[string]*uint256.Int{}
	it, err := l.s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{'a'}, UpperBound: []byte{'a' + 1}})
	if err != nil {
		return rep, err
	}
	for it.First(); it.Valid(); it.Next() {
		if len(it.Value()) != 32 {
			it.Close()
			return rep, fmt.Errorf("%w: account %s: balance record of %d bytes", ErrLedger, it.Key()[1:], len(it.Value()))
		}
		acct := string(it.Key()[1:])
		b := new(uint256.Int).SetBytes(it.Value())
		balances[acct] = b
		rep.Accounts++
		if _, over := sum.AddOverflow(sum, b); over {
			it.Close()
			return rep, fmt.Errorf("%w: balances overflow", ErrLedger)
		}
		switch {
		case strings.HasPrefix(acct, "gap:"):
			escrow.Add(escrow, b)
		case strings.HasPrefix(acct, "agent:"):
			agents.Add(agents, b)
		}
	}
	if err := it.Close(); err != nil {
		return rep, err
	}
	supply, err := l.supply()
	if err != nil {
		return rep, err
	}
	rep.Supply, rep.Sum, rep.Escrow, rep.Agents = supply.Dec(), sum.Dec(), escrow.Dec(), agents.Dec()
	if p := balances[PoolAccount]; p != nil {
		rep.Pool = p.Dec()
	} else {
		rep.Pool = "0"
	}
	if !sum.Eq(supply) {
		return rep, fmt.Errorf("%w: balances add up to %s, supply is %s", ErrLedger, sum.Dec(), supply.Dec())
	}
	// Escrows: Σ ledger contributions (ids "api:…") + Σ matches.
	want := map[string]*uint256.Int{}
	add := func(acct string, x *uint256.Int) {
		if want[acct] == nil {
			want[acct] = new(uint256.Int)
		}
		want[acct].Add(want[acct], x)
	}
	rounds, err := l.s.Rounds()
	if err != nil {
		return rep, err
	}
	for _, r := range rounds {
		err := l.s.EachContribution(r.Number, func(row *ingest.Row) error {
			if bytes.HasPrefix(row.ID, []byte("api:")) {
				add(EscrowAccount(&row.Gap), &row.Amount)
			}
			return nil
		})
		if err != nil {
			return rep, err
		}
	}
	recs, err := l.MatchRecords()
	if err != nil {
		return rep, err
	}
	refunded := map[string]*uint256.Int{}
	for _, rec := range recs {
		for _, g := range rec.Gaps {
			var id, m, back uint256.Int
			if id.SetFromDecimal(g.Gap) != nil || m.SetFromDecimal(g.Match) != nil {
				return rep, fmt.Errorf("%w: round %d match record", ErrLedger, rec.Round)
			}
			add(EscrowAccount(&id), &m)
			if g.Refunded != "" {
				if back.SetFromDecimal(g.Refunded) != nil {
					return rep, fmt.Errorf("%w: round %d match record: refunded %q", ErrLedger, rec.Round, g.Refunded)
				}
				acct := EscrowAccount(&id)
				if refunded[acct] == nil {
					refunded[acct] = new(uint256.Int)
				}
				refunded[acct].Add(refunded[acct], &back)
			}
		}
	}
	// Refunds (cqf rounds) left the escrows: take them off what came in.
	for acct, back := range refunded {
		w := want[acct]
		if w == nil || w.Lt(back) {
			return rep, fmt.Errorf("%w: %s refunded %s, more than was contributed and matched to it", ErrLedger, acct, back.Dec())
		}
		w.Sub(w, back)
	}
	for acct, b := range balances {
		if strings.HasPrefix(acct, "gap:") {
			w := want[acct]
			if w == nil {
				w = new(uint256.Int)
			}
			if !w.Eq(b) {
				return rep, fmt.Errorf("%w: %s holds %s, but contributions and matches to it add up to %s", ErrLedger, acct, b.Dec(), w.Dec())
			}
			delete(want, acct)
		}
	}
	for acct, w := range want {
		if !w.IsZero() {
			return rep, fmt.Errorf("%w: %s has no balance, but contributions and matches to it add up to %s", ErrLedger, acct, w.Dec())
		}
	}
	return rep, nil
}
