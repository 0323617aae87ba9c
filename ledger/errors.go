package ledger

import (
	"errors"

	"github.com/qf-dev/qf/calc"
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
	// ErrOverflow reports a balance that would exceed 2^256 − 1. It is
	// [calc.ErrOverflow]: one error for every amount out of range.
	ErrOverflow = calc.ErrOverflow
	// ErrRoundChanged reports a match or void of a round that another
	// match or void closed while it was being computed.
	ErrRoundChanged = errors.New("the open round changed while matching")
)

// ErrMatching reports a match or void asked for while a match computes.
var ErrMatching = errors.New("a match is computing: try again when it is done")

// ErrFundLimit reports a fund the open round's mechanism could not match:
// refused when it is asked for, so that the match never fails on it.
var ErrFundLimit = errors.New("refused: the round's mechanism cannot match this")
