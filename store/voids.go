package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
)

var (
	// ErrNoContribution reports a contribution id the round does not have.
	ErrNoContribution = errors.New("no such contribution")
	// ErrVoided reports voiding a contribution that is already voided.
	ErrVoided = errors.New("already voided")
	// ErrReason reports a void without a usable reason.
	ErrReason = errors.New("bad reason")
	// ErrLedgerRow reports voiding a contribution paid from a ledger
	// balance (qf serve): its funds sit in the gap's escrow.
	ErrLedgerRow = errors.New("paid through the ledger")
)

// MaxReasonLen bounds a void's reason, in bytes.
const MaxReasonLen = 500

// Void is why a contribution was voided. A voided contribution stays
// stored and listed, but computing the round leaves it out.
type Void struct {
	Reason string `json:"reason"`
}

// voids returns a round's voided contributions by id.
func (s *Store) voids(round uint64) (map[string]Void, error) {
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: voidKey(round, nil), UpperBound: voidKey(round+1, nil)})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out map[string]Void
	for it.First(); it.Valid(); it.Next() {
		var v Void
		if err := json.Unmarshal(it.Value(), &v); err != nil {
			return nil, fmt.Errorf("round %d void of %q: %w: %v", round, it.Key()[9:], ErrBadRecord, err)
		}
		if out == nil {
			out = map[string]Void{}
		}
		out[string(it.Key()[9:])] = v
	}
	return out, it.Error()
}

// CheckReason checks a void's reason: 1 to [MaxReasonLen] bytes of UTF-8
// text on one line.
func CheckReason(reason string) error {
	switch {
	case strings.TrimSpace(reason) == "":
		return fmt.Errorf("%w: say why the contribution is voided", ErrReason)
	case len(reason) > MaxReasonLen:
		return fmt.Errorf("%w: longer than %d bytes", ErrReason, MaxReasonLen)
	case !utf8.ValidString(reason):
		return fmt.Errorf("%w: not UTF-8", ErrReason)
	case strings.IndexFunc(reason, unicode.IsControl) >= 0:
		return fmt.Errorf("%w: %q has a control character (a reason is one line)", ErrReason, reason)
	}
	return nil
}

// VoidContribution voids a contribution of an open round: it stays stored
// and listed, with reason, and computing the round leaves it out, exactly
// as if it had never been imported. Its id stays taken. A closed round's
// contributions are final; a contribution paid through the ledger (qf
// serve, ids "api:…") cannot be voided, since its funds sit in escrow.
func (s *Store) VoidContribution(round uint64, id, reason string) (Round, error) {
	if err := CheckReason(reason); err != nil {
		return Round{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.Round(round)
	if err != nil {
		return r, err
	}
	if r.Status != StatusOpen {
		return r, fmt.Errorf("%w: round %d is %s, and a closed round's contributions are final", ErrRoundClosed, round, r.Status)
	}
	stored, ok, err := s.get(contribKey(round, []byte(id)))
	if err != nil {
		return r, err
	} else if !ok {
		return r, &RoundError{Round: round, Err: fmt.Errorf("%w: round %d has no contribution %q", ErrNoContribution, round, id)}
	}
	if strings.HasPrefix(id, "api:") {
		return r, fmt.Errorf("%w: contribution %q was paid from an agent's balance through the service's ledger, and voiding it would strand its funds in the gap's escrow", ErrLedgerRow, id)
	}
	if v, ok, err := s.get(voidKey(round, []byte(id))); err != nil {
		return r, err
	} else if ok {
		var old Void
		_ = json.Unmarshal(v, &old)
		return r, fmt.Errorf("%w: contribution %q of round %d was voided before (reason: %s)", ErrVoided, id, round, old.Reason)
	}
	if r.Config.Mechanism != calc.CQFName && !rowChecksSuffice[r.Config.Mechanism] {
		gaps, err := s.Gaps()
		if err != nil {
			return r, err
		}
		if err := s.dryRun(r, gaps, nil, id); err != nil {
			return r, fmt.Errorf("voiding %q: %w", id, err)
		}
	}
	v, err := json.Marshal(Void{Reason: reason})
	if err != nil {
		return r, err
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := b.Set(voidKey(round, []byte(id)), v, nil); err != nil {
		return r, err
	}
	var row record.Contribution
	if err := decodeContribution(stored, &row); err != nil {
		return r, fmt.Errorf("round %d contribution %q: %w", round, id, err)
	}
	row.ID = []byte(id)
	if err := s.voidSums(b, r, &row); err != nil {
		return r, err
	}
	r.Voided++
	if err := s.putRound(b, r); err != nil {
		return r, err
	}
	return r, s.commitLocked(b) // s.mu is held above
}
