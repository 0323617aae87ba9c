package store

import (
	"errors"
	"fmt"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// The store's errors say what is wrong; what to do about it (a command to
// run, a flag to pass) is the caller's to add: the CLI does, in app/errors.go.

var (
	// ErrVersion reports a database another version of qf made (wrapped
	// with [ErrNotQF]).
	ErrVersion = errors.New("another qf version")
	// ErrRecipientID reports a gap registered again with its recipient
	// but another recipientId (wrapped with [ErrGapExists]).
	ErrRecipientID = errors.New("only its recipientId differs")
)

// RoundError is an error about round Round, for callers that name the
// round in their advice. Its message is Err's.
type RoundError struct {
	Round uint64
	Err   error
}

func (e *RoundError) Error() string { return e.Err.Error() }
func (e *RoundError) Unwrap() error { return e.Err }

// BadRowError reports a stored contribution that no longer passes the
// round's checks (written by an older version, or before a rule
// changed): the round cannot be computed until it is voided.
type BadRowError struct {
	Round uint64
	ID    string
	Err   error
}

func (e *BadRowError) Error() string {
	return fmt.Sprintf("round %d's stored contribution %q cannot be computed (%v)", e.Round, e.ID, e.Err)
}
func (e *BadRowError) Unwrap() error { return e.Err }

// NoAgentError reports an agent account (agent:Name) whose agent is not
// registered.
type NoAgentError struct{ Name string }

func (e *NoAgentError) Error() string { return "no such agent" }

// Unwrap makes it an [ErrNoAgent].
func (e *NoAgentError) Unwrap() error { return ErrNoAgent }

// NoParentError reports a new database folder whose parent folder does
// not exist (wrapped with [ErrNoDatabase]): the store creates the
// database folder, not its parents.
type NoParentError struct{ Parent string }

func (e *NoParentError) Error() string {
	return fmt.Sprintf("its parent folder %s does not exist (the database folder is created, not its parents)", e.Parent)
}

// UnregisteredGapError reports a gap the database's registry does not
// hold. It is a [calc.ErrUnknownGap].
type UnregisteredGapError struct{ ID uint256.Int }

func (e *UnregisteredGapError) Error() string { return calc.ErrUnknownGap.Error() + " " + e.ID.Dec() }
func (e *UnregisteredGapError) Unwrap() error { return calc.ErrUnknownGap }
