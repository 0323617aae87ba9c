package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/google/uuid"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/record"
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
	// ErrRoundChanged reports a match or void of a round that another
	// match or void closed while it was being computed.
	ErrRoundChanged = errors.New("the open round changed while matching")
)

// IdempotencyTTL is how long a fund's idempotency key is kept: a retry
// within it returns the first receipt; after it the key is forgotten and
// may be used again (a retry that late moves tokens again). Each match
// deletes the expired records (up to 100,000 at a time).
const IdempotencyTTL = 24 * time.Hour

// PoolAccount is the matching pool's account.
const PoolAccount = "pool"

// AgentAccount and EscrowAccount name an agent's and a gap's accounts.
func AgentAccount(agent string) string    { return "agent:" + agent }
func EscrowAccount(g *uint256.Int) string { return "gap:" + g.Dec() }

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
	var err error
	if l.jseq, err = l.s.lastJournalSeq(); err != nil {
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
		if rs[i].Status == StatusOpen {
			l.open = &rs[i]
			break
		}
	}
	if l.open != nil {
		l.lim = LimitsFor(l.open.Config)
		err := l.s.EachContribution(l.open.Number, func(r *record.Contribution) error {
			l.count(&r.Gap, string(r.Donor), &r.Amount)
			return nil
		})
		if err != nil {
			return err
		}
	}
	if l.jseq == 0 {
		return l.openJournal()
	}
	return nil
}

// openJournal starts the journal of a ledger kept before it existed: one
// opening entry per nonzero balance, so that the journal adds up to the
// balances; the open round's contributions so far predate it.
func (l *Ledger) openJournal() error {
	it, err := l.s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixAccount}, UpperBound: []byte{prefixAccount + 1}})
	if err != nil {
		return err
	}
	defer it.Close()
	m := l.newMove()
	defer m.b.Close()
	o := Origin{Key: "cli"}
	for it.First(); it.Valid(); it.Next() {
		b := new(uint256.Int).SetBytes(it.Value())
		if b.IsZero() {
			continue
		}
		if err := m.journal(JournalOpening, "", string(it.Key()[1:]), b, 0, "", o); err != nil {
			return err
		}
	}
	if err := it.Error(); err != nil {
		return err
	}
	if m.entries == 0 && (l.open == nil || l.open.Contributions == 0) {
		return nil // a new ledger
	}
	// The last entry marks where the journal starts in the open round.
	round, n := uint64(0), 0
	if l.open != nil {
		round, n = l.open.Number, l.open.Contributions
	}
	m.entries++
	e := JournalEntry{Seq: l.jseq + uint64(m.entries), Kind: JournalOpening, To: PoolAccount, Amount: "0", Round: round,
		Contributions: n, Key: o.key(), At: o.at()}
	v, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := m.b.Set(journalKey(e.Seq), v, nil); err != nil {
		return err
	}
	return m.commit(true)
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

// move is a pending set of balance changes applied with one batch, with
// their journal entries. Its creator closes it (defer m.b.Close()),
// committed or not: a batch closed twice could release one that the pool
// has since handed to someone else.
type move struct {
	l       *Ledger
	b       *pebble.Batch
	new     map[string]*uint256.Int
	entries int // journal entries added
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

// transfer moves amount from one account to another and journals it.
func (m *move) transfer(kind, from, to string, amount *uint256.Int, round uint64, contribution string, o Origin) error {
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
	return m.journal(kind, from, to, amount, round, contribution, o)
}

// commit writes the balances into the batch and applies it. With sync
// false the batch is applied in order but not yet fsynced: [Ledger.Sync]
// makes it (and everything before it) durable, letting concurrent
// requests share one fsync. A failed write fails the store (see
// [Options.OnFail]): nothing after it is written.
func (m *move) commit(sync bool) error {
	if err := m.l.s.writable(); err != nil {
		return err
	}
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
	if err := m.l.s.apply(m.b, opt); err != nil {
		return err
	}
	for acct, b := range m.new {
		m.l.bal[acct] = b
	}
	m.l.jseq += uint64(m.entries)
	return nil
}

// apply applies a batch under the store's writer lock; a failure fails
// the store.
func (s *Store) apply(b *pebble.Batch, opt *pebble.WriteOptions) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Apply(b, opt); err != nil {
		return s.fail(err)
	}
	return nil
}

// Sync makes every applied ledger write durable. Pebble's WAL is written
// in order, so this also covers writes other requests applied before.
func (l *Ledger) Sync() error {
	if err := l.s.Failed(); err != nil {
		return err
	}
	if err := l.s.db.LogData(nil, pebble.Sync); err != nil {
		return l.s.fail(err)
	}
	return nil
}

// creditable checks an account a credit may go to: the pool or an
// existing, unrevoked agent's account. Escrows move only through fund and
// match, and admins hold no tokens.
func (s *Store) creditable(account string) error {
	if err := ValidAccount(account); err != nil {
		return err
	}
	if account == PoolAccount {
		return nil
	}
	name, ok := strings.CutPrefix(account, "agent:")
	if !ok {
		return fmt.Errorf("%w: %q: escrows move only through fund and match; credit pool or agent:NAME", ErrAccount, account)
	}
	a, found, err := s.Agent(name)
	if err != nil {
		return err
	}
	switch {
	case !found:
		return fmt.Errorf("%w: %q: no such agent (qf agent add %s first)", ErrAccount, account, name)
	case a.Admin:
		return fmt.Errorf("%w: %q is an admin: admin keys hold no tokens; credit an agent", ErrAccount, account)
	case a.Revoked != nil:
		return fmt.Errorf("%w: %q: the agent was revoked", ErrAccount, account)
	}
	return nil
}

// Credit mints amount into account (the admin's top-up) from the command
// line; see [Ledger.CreditFrom].
func (l *Ledger) Credit(account string, amount *uint256.Int) (*uint256.Int, error) {
	return l.CreditFrom(Origin{}, account, amount)
}

// CreditFrom mints amount into account — the pool or an existing agent's
// account — for o, and journals it: the supply grows with it.
func (l *Ledger) CreditFrom(o Origin, account string, amount *uint256.Int) (*uint256.Int, error) {
	if amount.IsZero() {
		return nil, fmt.Errorf("%w: credit amount must be positive", calc.ErrAmount)
	}
	if err := l.s.creditable(account); err != nil {
		return nil, err
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
	if err := m.journal(JournalCredit, "", account, amount, 0, "", o); err != nil {
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
	ID      string       `json:"id"`
	Round   uint64       `json:"round"`
	Gap     string       `json:"gap"`
	Agent   string       `json:"agent"`
	Amount  *uint256.Int `json:"amount"`
	Balance *uint256.Int `json:"balance"` // the agent's balance after
	Escrow  *uint256.Int `json:"escrow"`  // the gap's escrow after
}

type idemRecord struct {
	Request string    `json:"request"` // the route and canonical body asked
	Receipt Receipt   `json:"receipt"`
	At      time.Time `json:"at,omitzero"` // zero: kept before keys expired
}

// fundRequestText is a fund's route and canonical body, what an
// idempotency key is bound to.
func fundRequestText(gap, amount *uint256.Int) string {
	return "POST /api/gaps/" + gap.Dec() + "/fund {\"amount\":\"" + amount.Dec() + "\"}"
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
	if err := ValidAgentName(req.Agent); err != nil {
		return Receipt{}, false, err
	}
	if err := calc.CheckDonorID(req.Agent); err != nil { // the contribution names the agent as donor
		return Receipt{}, false, fmt.Errorf("%w: %q could be taken for an address: %w", ErrAgentName, req.Agent, err)
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
		v, ok, err := l.s.get(idemKey(req.Agent, req.Key))
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
	} else if _, taken, err := l.s.get(contribKey(l.open.Number, []byte(id))); err != nil {
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
	err := m.b.Set(contribKey(r.Number, []byte(id)), encodeContribution(&row), nil)
	if err == nil && req.Key != "" {
		var v []byte
		if v, err = json.Marshal(idemRecord{Request: reqText, Receipt: rc, At: at}); err == nil {
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
func (l *Ledger) OpenRound(cfg calc.Config, decimals uint8) (r Round, changed bool, err error) {
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
	r, err = l.s.CreateRound(Round{Config: cfg, Decimals: decimals, Name: "service"})
	if err != nil {
		return r, false, err
	}
	l.open = &r
	l.resetTally()
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
	Pool       *uint256.Int     `json:"pool"`
	Matched    *uint256.Int     `json:"matched"`
	GapsFunded int              `json:"gaps_funded"`
	Status     Status           `json:"status"`
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

// ErrMatching reports a match or void asked for while a match computes.
var ErrMatching = errors.New("a match is computing: try again when it is done")

// lateRow is a contribution funded while a match computed: the match
// moves it to the next round.
type lateRow struct {
	id  string
	key string
	row record.Contribution
}

// Compute computes a round's outcome from its stored contributions with
// the given config (its pool set); the ledger passes it to
// [Ledger.Match] so the store need not know how rounds are computed
// (round.LedgerCompute is the one qf uses).
type Compute func(r Round, cfg calc.Config) (*PoolResults, error)

// PoolResults is a computed pool round as the ledger books and stores it.
type PoolResults struct {
	// Report is the round's report record, stored as it is (the JSON of a
	// payout.Report).
	Report []byte
	// Tree is the payout tree; nil when no gap has a positive match.
	Tree *merkle.Tree
	// Matched is what the round matched in all (the report's matched).
	Matched uint256.Int
	// Gaps are the report's gaps, in its order.
	Gaps []PoolGap
}

// PoolGap is one gap's figures in [PoolResults].
type PoolGap struct {
	Gap, Direct, Match uint256.Int
}

// ComputeCQF solves a coordinated-QF round from its stored pledges, with
// refunds through the ledger (round.CQFSettings.LedgerRefunds);
// round.LedgerComputeCQF is the one qf uses.
type ComputeCQF func(r Round) (*CQFResults, error)

// CQFResults is a solved coordinated-QF round as the ledger books and
// stores it.
type CQFResults struct {
	// Outcome is the round's outcome record, stored as it is (the JSON of
	// a round.CQFOutcome).
	Outcome []byte
	// Tree is the payout tree; nil when the pledges pay nothing.
	Tree *merkle.Tree
	// Gaps are the outcome's gaps, in its order.
	Gaps []CQFGap
}

// CQFGap is one gap's figures in [CQFResults]: its pledged limits, what
// the pledges pay its recipient, and each pledge's refund in order.
type CQFGap struct {
	Gap, Limits, Total uint256.Int
	Refunds            []Refund
}

// Refund is what goes back to a pledger (an agent) from a gap's escrow.
type Refund struct {
	Donor  string
	Amount uint256.Int
}

// Match is [Ledger.MatchOn] with compute reading the live store, for
// callers that write nothing while it runs (the command line).
func (l *Ledger) Match(size *uint256.Int, at time.Time, compute Compute) (MatchRecord, error) {
	return l.MatchOn(size, Origin{At: at}, func(*Store) Compute { return compute })
}

// MatchOn closes the open round: pool is min(size, the pool account's
// balance) (size nil: the whole balance). The round is computed outside
// the ledger's lock, by the Compute that compute makes for a snapshot of
// the store taken when the match starts, so funding goes on meanwhile;
// then one batch stores the results, moves each gap's match from the pool
// into its escrow (journaled), records the match, opens the next round —
// with the contributions funded during the computation, and the settings
// a restart asked for if they changed — and stamps the scheduler's state
// with o.At.
func (l *Ledger) MatchOn(size *uint256.Int, o Origin, compute func(snap *Store) Compute) (MatchRecord, error) {
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
	expired, err := snap.expiredKeys(o.at())
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
	rec := MatchRecord{Round: r.Number, Pool: new(uint256.Int).Set(&cfg.Pool), Matched: new(uint256.Int).Set(&res.Matched), Status: StatusClosed, At: at}
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
	if err := l.s.closeInto(m.b, &r, prefixReport, res.Report, res.Tree); err != nil {
		return rec, err
	}
	return rec, l.finishMatch(m, r, rec, o, true, expired)
}

// beginMatch marks a match as computing and returns the open round as it
// is now, the pool it pays (pool rounds) and a snapshot of the store.
func (l *Ledger) beginMatch(cqf bool, size *uint256.Int) (Round, *uint256.Int, *Store, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open == nil {
		return Round{}, nil, nil, ErrNoOpenRound
	}
	if l.matching {
		return Round{}, nil, nil, ErrMatching
	}
	r := *l.open
	if cqf && r.Config.Mechanism != calc.CQFName {
		return r, nil, nil, notCQF(r)
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

func (l *Ledger) endMatch(snap *Store) {
	l.mu.Lock()
	l.matching, l.late = false, nil
	l.mu.Unlock()
	_ = snap.Close()
}

// MatchCQF is [Ledger.MatchCQFOn] with compute reading the live store.
func (l *Ledger) MatchCQF(at time.Time, compute ComputeCQF) (MatchRecord, error) {
	return l.MatchCQFOn(Origin{At: at}, func(*Store) ComputeCQF { return compute })
}

// MatchCQFOn closes the open coordinated-QF round: compute solves it on a
// snapshot, outside the lock, and one batch stores the outcome and tree,
// moves each pledge's refund (limit − pay) from the gap's escrow back to
// the pledger's account (journaled), so the escrow keeps what the pledges
// pay the recipient, records the match and opens the next round, as
// [Ledger.MatchOn] does.
func (l *Ledger) MatchCQFOn(o Origin, compute func(snap *Store) ComputeCQF) (MatchRecord, error) {
	r, _, snap, err := l.beginMatch(true, nil)
	if err != nil {
		return MatchRecord{}, err
	}
	defer l.endMatch(snap)
	out, err := compute(snap)(r)
	if err != nil {
		return MatchRecord{}, err
	}
	expired, err := snap.expiredKeys(o.at())
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
	rec := MatchRecord{Round: r.Number, Pool: new(uint256.Int), Matched: new(uint256.Int), Status: StatusClosed, At: o.at()}
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
	if err := l.s.closeInto(m.b, &r, prefixCQFOutcome, out.Outcome, out.Tree); err != nil {
		return rec, err
	}
	return rec, l.finishMatch(m, r, rec, o, true, expired)
}

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
		return MatchRecord{}, fmt.Errorf("%w: round %d is not the open round (%d); only the open round can be voided", ErrRoundClosed, n, r.Number)
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
	rec := MatchRecord{Round: r.Number, Pool: new(uint256.Int), Matched: new(uint256.Int), Status: StatusVoid, At: o.at(), Gaps: []MatchRecordGap{}}
	perGap := map[string]*uint256.Int{}
	var gaps []string
	for _, k := range keys {
		if err := m.transfer(JournalVoid, k.gap, k.agent, back[k], r.Number, "", o); err != nil {
			return rec, fmt.Errorf("voiding round %d: refunding %s from %s: %w (qf ledger check)", r.Number, k.agent, k.gap, err)
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
	r.Status = StatusVoid
	if err := l.s.putRound(m.b, r); err != nil {
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
	err := l.s.journalBack(func(e JournalEntry) bool {
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

// finishMatch adds to a match's (or void's) batch its record, the
// scheduler's stamp (stamp), the next round (the settings asked for, or
// the same) with the contributions funded while the match computed, then
// commits it and moves the ledger on.
func (l *Ledger) finishMatch(m *move, r Round, rec MatchRecord, o Origin, stamp bool, expired [][]byte) error {
	cfg := l.open.Config
	if l.next != nil {
		cfg = *l.next
	}
	next := Round{Number: r.Number + 1, Name: r.Name, Config: cfg, Decimals: r.Decimals, Leaf: r.Leaf, Status: StatusOpen}
	if _, ok, err := l.s.get(roundKey(prefixRound, next.Number)); err != nil {
		return err
	} else if ok {
		return fmt.Errorf("%w: %d (the service opens the round after the one it closes)", ErrRoundExists, next.Number)
	}
	late := l.late
	// Expired idempotency records go, except those a fund rewrote while
	// the match computed (the snapshot had their old version).
	rewritten := map[string]bool{}
	for _, lr := range late {
		if lr.key != "" {
			rewritten[string(idemKey(string(lr.row.Donor), lr.key))] = true
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
		if err := m.b.Delete(contribKey(r.Number, []byte(lr.id)), nil); err != nil {
			return err
		}
		if err := m.b.Set(contribKey(next.Number, []byte(lr.id)), encodeContribution(&lr.row), nil); err != nil {
			return err
		}
		if lr.key == "" {
			continue
		}
		k := idemKey(string(lr.row.Donor), lr.key)
		v, ok, err := l.s.get(k)
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
	if err := m.b.Set(roundKey(prefixMatch, r.Number), rv, nil); err != nil {
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
		if err := m.b.Set(scheduleKey, sv, nil); err != nil {
			return err
		}
	}
	if err := l.s.putRound(m.b, next); err != nil {
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
	return nil
}

// maxPrune bounds the expired idempotency records one match deletes.
const maxPrune = 100_000

// expiredKeys lists the idempotency records older than IdempotencyTTL at
// at (up to maxPrune), for a match to delete: read from a snapshot,
// outside the ledger's lock.
func (s *Store) expiredKeys(at time.Time) ([][]byte, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixIdempotency}, UpperBound: []byte{prefixIdempotency + 1}})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out [][]byte
	for it.First(); it.Valid() && len(out) < maxPrune; it.Next() {
		var rec struct {
			At time.Time `json:"at"`
		}
		if err := json.Unmarshal(it.Value(), &rec); err != nil {
			return nil, fmt.Errorf("idempotency record %q: %w", it.Key(), err)
		}
		if !rec.At.IsZero() && at.Sub(rec.At) >= IdempotencyTTL {
			out = append(out, append([]byte(nil), it.Key()...))
		}
	}
	return out, it.Error()
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
	it, err := l.s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixMatch}, UpperBound: []byte{prefixMatch + 1}})
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
	// Anchor is the time matches are due from: at Anchor + k·period.
	// Zero in a state kept before anchors (the scheduler sets it).
	Anchor time.Time `json:"anchor,omitzero"`
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
	st, _, err := l.Schedule()
	if err != nil {
		return err
	}
	st.LastMatch = at.UTC()
	return l.SetSchedule(st)
}

// SetSchedule stores the scheduler's state.
func (l *Ledger) SetSchedule(st ScheduleState) error {
	if err := l.s.writable(); err != nil {
		return err
	}
	st.LastMatch, st.Anchor = st.LastMatch.UTC(), st.Anchor.UTC()
	v, err := json.Marshal(st)
	if err != nil {
		return err
	}
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	if err := l.s.db.Set(scheduleKey, v, pebble.Sync); err != nil {
		return l.s.fail(err)
	}
	return nil
}

// CheckReport is what [Ledger.Check] found.
type CheckReport struct {
	Accounts int    `json:"accounts"`
	Supply   string `json:"supply"`
	Sum      string `json:"sum"`
	Escrow   string `json:"escrow"`
	Pool     string `json:"pool"`
	Agents   string `json:"agents"`
	// Entries is the journal's length; Contributions how many
	// contributions of the ledger's rounds were matched to their entries.
	Entries       int `json:"journalEntries"`
	Contributions int `json:"contributions"`
	// Unfunded counts contributions with no fund entry left in voided
	// rounds: never matched nor refunded, so they move nothing.
	Unfunded int `json:"unfundedInVoidRounds,omitempty"`
}

// Check verifies the ledger from disk: Σ balances = supply; the journal,
// replayed from zero, gives every account's balance and the supply (a
// balance written around the journal, such as a forged credit, shows);
// and every contribution of a round the ledger has used (the open round,
// every round with journal entries, and the round after one with fund
// entries, where funds made during its match went) is the fund entry that paid for
// it, gap, agent and amount (a contribution written with qf contribute or
// an import has none: void the round to repair it — a voided round's
// unfunded rows are only counted). Contributions the open round held when
// the journal was started on an older ledger are taken as they are.
func (l *Ledger) Check() (CheckReport, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var rep CheckReport
	sum, escrow, agents := new(uint256.Int), new(uint256.Int), new(uint256.Int)
	balances := map[string]*uint256.Int{}
	it, err := l.s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixAccount}, UpperBound: []byte{prefixAccount + 1}})
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

	// Replay the journal.
	type fund struct {
		seq    uint64
		gap    string
		agent  string
		amount uint256.Int
		seen   bool
	}
	funds := map[string]*fund{}
	rounds := map[uint64]bool{}
	if l.open != nil {
		rounds[l.open.Number] = true
	}
	var openingRound uint64
	openingN := -1
	replay, minted := map[string]*uint256.Int{}, new(uint256.Int)
	late := map[uint64]bool{}
	var bad error
	err = l.s.Journal(0, func(e JournalEntry) bool {
		rep.Entries++
		var a uint256.Int
		if a.SetFromDecimal(e.Amount) != nil {
			bad = fmt.Errorf("%w: journal entry %d: amount %q", ErrLedger, e.Seq, e.Amount)
			return false
		}
		if e.Kind == JournalOpening && e.Round != 0 {
			openingRound, openingN = e.Round, e.Contributions
		}
		if e.Round != 0 {
			rounds[e.Round] = true
		}
		if e.From == "" {
			if e.Kind != JournalCredit && e.Kind != JournalOpening {
				bad = fmt.Errorf("%w: journal entry %d: a %s entry with no account to debit", ErrLedger, e.Seq, e.Kind)
				return false
			}
			minted.Add(minted, &a)
		} else {
			fb := replay[e.From]
			if fb == nil || fb.Lt(&a) {
				bad = fmt.Errorf("%w: journal entry %d (%s) takes %s from %s, which holds less by the journal", ErrLedger, e.Seq, e.Kind, e.Amount, e.From)
				return false
			}
			fb.Sub(fb, &a)
		}
		if replay[e.To] == nil {
			replay[e.To] = new(uint256.Int)
		}
		replay[e.To].Add(replay[e.To], &a)
		if e.Kind == JournalFund {
			// A fund made while its round matched is stored in the next
			// round (see [Ledger.MatchOn]): that round is checked too.
			late[e.Round+1] = true
			agent, gap := strings.TrimPrefix(e.From, "agent:"), strings.TrimPrefix(e.To, "gap:")
			funds[e.Contribution] = &fund{seq: e.Seq, gap: gap, agent: agent, amount: a}
		}
		return true
	})
	if err != nil {
		return rep, err
	}
	if bad != nil {
		return rep, bad
	}
	if !minted.Eq(supply) {
		return rep, fmt.Errorf("%w: the supply is %s, but the journal's credits add up to %s (a credit written around the journal?)", ErrLedger, supply.Dec(), minted.Dec())
	}
	accts := make([]string, 0, len(balances)+len(replay))
	for a := range balances {
		accts = append(accts, a)
	}
	for a := range replay {
		if balances[a] == nil {
			accts = append(accts, a)
		}
	}
	slices.Sort(accts)
	for _, a := range accts {
		have, want := balances[a], replay[a]
		if have == nil {
			have = new(uint256.Int)
		}
		if want == nil {
			want = new(uint256.Int)
		}
		if !have.Eq(want) {
			return rep, fmt.Errorf("%w: %s holds %s, but its journal adds up to %s (a balance written around the journal?)", ErrLedger, a, have.Dec(), want.Dec())
		}
	}

	// Every contribution of the ledger's rounds is a fund entry.
	for n := range late {
		if _, err := l.s.Round(n); err == nil {
			rounds[n] = true
		} else if !errors.Is(err, ErrNoRound) {
			return rep, err
		}
	}
	ns := make([]uint64, 0, len(rounds))
	for n := range rounds {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	for _, n := range ns {
		rd, err := l.s.Round(n)
		if err != nil {
			return rep, err
		}
		err = l.s.EachContribution(n, func(row *record.Contribution) error {
			f := funds[string(row.ID)]
			if f == nil {
				if n < openingRound || n == openingRound && int(row.Seq) <= openingN {
					return nil // predates the journal
				}
				if rd.Status == StatusVoid {
					rep.Unfunded++ // voided: it never moves anything
					return nil
				}
				return fmt.Errorf("%w: round %d: contribution %s (%s gave %s to gap %s) has no journal entry: it was not funded through the ledger (written with qf contribute or qf import?); remove it or void the round",
					ErrLedger, n, row.ID, row.Donor, row.Amount.Dec(), row.Gap.Dec())
			}
			if f.seen || f.gap != row.Gap.Dec() || f.agent != string(row.Donor) || !f.amount.Eq(&row.Amount) {
				return fmt.Errorf("%w: round %d: contribution %s (%s gave %s to gap %s) does not match journal entry %d (%s gave %s to gap %s)",
					ErrLedger, n, row.ID, row.Donor, row.Amount.Dec(), row.Gap.Dec(), f.seq, f.agent, f.amount.Dec(), f.gap)
			}
			f.seen = true
			rep.Contributions++
			return nil
		})
		if err != nil {
			return rep, err
		}
	}
	for id, f := range funds {
		if !f.seen {
			return rep, fmt.Errorf("%w: journal entry %d funds contribution %s, which is not stored", ErrLedger, f.seq, id)
		}
	}
	return rep, nil
}
