package ledger

import (
	"fmt"
	"strings"

	"github.com/cockroachdb/pebble/v2"
	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/store"
)

// PoolAccount is the matching pool's account.
const PoolAccount = "pool"

// AgentAccount and EscrowAccount name an agent's and a gap's accounts.
func AgentAccount(agent string) string { return "agent:" + agent }

func EscrowAccount(g *uint256.Int) string { return "gap:" + g.Dec() }

// ValidAccount checks an account name: pool, agent:NAME or gap:ID.
func ValidAccount(account string) error {
	switch {
	case account == PoolAccount:
		return nil
	case strings.HasPrefix(account, "agent:"):
		return store.ValidAgentName(account[len("agent:"):])
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

// balance reads an account's balance through the cache. Callers hold mu.
func (l *Ledger) balance(account string) (*uint256.Int, error) {
	if b, ok := l.bal[account]; ok {
		return b, nil
	}
	v, ok, err := l.s.Get(store.AccountKey(account))
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
	return &move{l: l, b: l.s.NewBatch(), new: map[string]*uint256.Int{}}
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
// [store.Options.OnFail]): nothing after it is written.
func (m *move) commit(sync bool) error {
	if err := m.l.s.Writable(); err != nil {
		return err
	}
	for acct, b := range m.new {
		v := b.Bytes32()
		if err := m.b.Set(store.AccountKey(acct), v[:], nil); err != nil {
			return err
		}
	}
	if err := m.l.s.Apply(m.b, sync); err != nil {
		return err
	}
	for acct, b := range m.new {
		m.l.bal[acct] = b
	}
	m.l.jseq += uint64(m.entries)
	m.l.publish()
	return nil
}

// Sync makes every applied ledger write durable. Pebble's WAL is written
// in order, so this also covers writes other requests applied before.
func (l *Ledger) Sync() error {
	if err := l.s.Failed(); err != nil {
		return err
	}
	if err := l.s.SyncWAL(); err != nil {
		return l.s.Fail(err)
	}
	return nil
}

// creditable checks an account a credit may go to: the pool or an
// existing, unrevoked agent's account. Escrows move only through fund and
// match, and admins hold no tokens.
func (l *Ledger) creditable(account string) error {
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
	a, found, err := l.s.Agent(name)
	if err != nil {
		return err
	}
	switch {
	case !found:
		return fmt.Errorf("%w: %q: %w", ErrAccount, account, &store.NoAgentError{Name: name})
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
	if err := l.creditable(account); err != nil {
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
	if err := m.b.Set(store.SupplyKey, v[:], nil); err != nil {
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
	v, _, err := l.s.Get(store.SupplyKey)
	if err != nil {
		return nil, err
	}
	return new(uint256.Int).SetBytes(v), nil
}
