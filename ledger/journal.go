package ledger

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/store"
)

// Journal entry kinds. Every balance change of the ledger is one entry (or
// more, one per account pair) written in the same batch as the change: a
// debit of From and a credit of To by Amount. A credit (and the opening
// balances of a ledger kept before the journal existed) has no From: it
// mints, and the supply grows by Amount.
const (
	JournalCredit  = "credit"  // minted into the pool or an agent's account
	JournalFund    = "fund"    // agent → gap escrow; Contribution names the row
	JournalMatch   = "match"   // pool → gap escrow at a match
	JournalRefund  = "refund"  // gap escrow → agent: a cqf pledge's unspent part
	JournalVoid    = "void"    // gap escrow → agent: a voided round's contribution
	JournalOpening = "opening" // a balance that predates the journal
)

// JournalEntry is one line of the ledger's double-entry journal.
type JournalEntry struct {
	Seq    uint64 `json:"seq"`
	Kind   string `json:"kind"`
	From   string `json:"from,omitempty"` // "" for credit and opening: minted
	To     string `json:"to"`
	Amount string `json:"amount"`
	Round  uint64 `json:"round,omitempty"`
	// Contribution is the id of the round's contribution a fund or void
	// entry moved tokens for.
	Contribution string `json:"contribution,omitempty"`
	// Key is who asked: the agent or admin whose API key it was, "cli"
	// for a command run on the database, "scheduler" for a scheduled match.
	Key string `json:"key"`
	// Request is the request's id (the idempotency key of a fund, the
	// HTTP request id when there is one).
	Request string    `json:"request,omitempty"`
	At      time.Time `json:"at"`
	// Contributions, on an opening entry, is how many contributions the
	// open round held when the journal started (they predate it).
	Contributions int `json:"contributions,omitempty"`
}

// Origin says who asks for a ledger write and when; it goes into the
// journal with every entry the write makes.
type Origin struct {
	Key     string    // the API key's agent, "cli" or "scheduler"
	Request string    // request id, optional
	At      time.Time // zero: now
}

func (o Origin) at() time.Time {
	if o.At.IsZero() {
		return time.Now().UTC()
	}
	return o.At.UTC()
}

func (o Origin) key() string {
	if o.Key == "" {
		return "cli"
	}
	return o.Key
}

// lastJournalSeq reads the journal's last sequence number (0: empty).
func lastJournalSeq(s *store.Store) (uint64, error) {
	it, err := s.NewIter([]byte{store.PrefixJournal}, []byte{store.PrefixJournal + 1})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	if !it.Last() {
		return 0, it.Error()
	}
	if len(it.Key()) != 9 {
		return 0, fmt.Errorf("%w: journal key of %d bytes", ErrLedger, len(it.Key()))
	}
	return binary.BigEndian.Uint64(it.Key()[1:]), nil
}

// journal adds an entry to the move's batch; its sequence number is
// assigned here and taken by the ledger when the move commits.
func (m *move) journal(kind, from, to string, amount *uint256.Int, round uint64, contribution string, o Origin) error {
	m.entries++
	e := JournalEntry{Seq: m.l.jseq + uint64(m.entries), Kind: kind, From: from, To: to, Amount: amount.Dec(),
		Round: round, Contribution: contribution, Key: o.key(), Request: o.Request, At: o.at()}
	v, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return m.b.Set(store.JournalKey(e.Seq), v, nil)
}

// Journal calls fn with each journal entry from sequence number from on, in
// order, until fn returns false.
func Journal(s *store.Store, from uint64, fn func(JournalEntry) bool) error {
	it, err := s.NewIter(store.JournalKey(from), []byte{store.PrefixJournal + 1})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		var e JournalEntry
		if err := json.Unmarshal(it.Value(), &e); err != nil {
			return fmt.Errorf("%w: journal entry %x: %v", ErrLedger, it.Key()[1:], err)
		}
		if !fn(e) {
			break
		}
	}
	return it.Error()
}

// journalBack calls fn with each journal entry from the last back, until
// fn returns false.
func journalBack(s *store.Store, fn func(JournalEntry) bool) error {
	it, err := s.NewIter([]byte{store.PrefixJournal}, []byte{store.PrefixJournal + 1})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Last(); it.Valid(); it.Prev() {
		var e JournalEntry
		if err := json.Unmarshal(it.Value(), &e); err != nil {
			return fmt.Errorf("%w: journal entry %x: %v", ErrLedger, it.Key()[1:], err)
		}
		if !fn(e) {
			break
		}
	}
	return it.Error()
}

// openJournal starts the journal of a ledger kept before it existed: one
// opening entry per nonzero balance, so that the journal adds up to the
// balances; the open round's contributions so far predate it.
func (l *Ledger) openJournal() error {
	it, err := l.s.NewIter([]byte{store.PrefixAccount}, []byte{store.PrefixAccount + 1})
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
	if err := m.b.Set(store.JournalKey(e.Seq), v, nil); err != nil {
		return err
	}
	return m.commit(true)
}
