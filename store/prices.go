package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/record"
)

// A round's price ledger is stored under 'P'+round as its canonical JSON
// (price.Ledger.JSON): every price a multi-token round was converted
// with, kept with the round so that its publication carries them.

// tokenMark starts a stored contribution's token and chain, after its
// score. A record's trailing arrival sequence is a uvarint of a positive
// number, which never starts with a 0 byte, so records without a token
// (all records before multi-token rounds) read as they always did.
const tokenMark = 0

// appendToken appends a row's token and chain, when it has a token.
func appendToken(v []byte, r *record.Contribution) []byte {
	if len(r.Token) == 0 {
		return v
	}
	v = append(v, tokenMark)
	v = binary.AppendUvarint(v, uint64(len(r.Token)))
	v = append(v, r.Token...)
	v = binary.AppendUvarint(v, uint64(len(r.Chain)))
	return append(v, r.Chain...)
}

// ErrPrices reports a price ledger a round cannot take.
var ErrPrices = errors.New("the round cannot take these prices")

// ErrNoDecimals reports a price ledger for a round created without the
// match token's decimals: prices are in whole match tokens.
var ErrNoDecimals = errors.New("it has no decimals, and prices are in whole match tokens")

// Prices returns a round's price ledger, nil if it has none.
func (s *Store) Prices(n uint64) (*price.Ledger, error) {
	v, ok, err := s.get(roundKey(PrefixPrices, n))
	if err != nil || !ok {
		return nil, err
	}
	l, err := price.Parse(fmt.Sprintf("round %d's stored prices", n), v)
	if err != nil {
		return nil, fmt.Errorf("damaged price ledger: %w", err)
	}
	return l, nil
}

// converter is a converter for round r's stored ledger (nil if none).
func (s *Store) converter(r Round) (*price.Converter, error) {
	l, err := s.Prices(r.Number)
	if err != nil || l == nil {
		return nil, err
	}
	return l.Converter(r.Decimals, r.Config.Mechanism == calc.GrantsStackName), nil
}

// ImportPrices adds a price ledger's entries to an open round's ledger and
// returns how many were new. An entry the round already has with the same
// content is skipped; with other content it is refused, as is everything
// else in the same import: a stored price is final, since stored
// contributions were checked against it. A coordinated-QF round takes no
// prices (its pledges are refunded in the token they came in), nor does
// a round without decimals (prices are in whole match tokens).
func (s *Store) ImportPrices(n uint64, l *price.Ledger) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.Round(n)
	if err != nil {
		return 0, err
	}
	switch {
	case r.Status != StatusOpen:
		return 0, fmt.Errorf("%w: round %d is %s; its prices are final", ErrRoundClosed, n, r.Status)
	case r.Config.Mechanism == calc.CQFName:
		return 0, fmt.Errorf("%w: round %d is a coordinated-QF round, whose pledges are refunded in the token they came in: pledge in the match token", ErrPrices, n)
	case r.Decimals == 0:
		return 0, fmt.Errorf("%w: round %d: %w", ErrPrices, n, ErrNoDecimals)
	}
	if err := l.CheckRound(r.Decimals); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrPrices, err)
	}
	if err := l.CheckMechanism(r.Config.Mechanism); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrPrices, err)
	}
	old, err := s.Prices(n)
	if err != nil {
		return 0, err
	}
	merged, added, err := old.Merge(l)
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrPrices, err)
	}
	if added == 0 {
		return 0, nil
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := b.Set(roundKey(PrefixPrices, n), merged.JSON(), nil); err != nil {
		return 0, err
	}
	return added, s.commitLocked(b) // s.mu is held above
}
