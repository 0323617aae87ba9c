package ledger

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

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
	it, err := l.s.NewIter([]byte{store.PrefixAccount}, []byte{store.PrefixAccount + 1})
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
	err = Journal(l.s, 0, func(e JournalEntry) bool {
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
		} else if !errors.Is(err, store.ErrNoRound) {
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
				if rd.Status == store.StatusVoid {
					rep.Unfunded++ // voided: it never moves anything
					return nil
				}
				return fmt.Errorf("%w: round %d: contribution %s (%s gave %s to gap %s) has no journal entry: it was not funded through the ledger (written directly, not by a fund?); remove it or void the round",
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
