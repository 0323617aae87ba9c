package chain

import (
	"errors"
	"fmt"
)

var (
	// ErrUnreachable reports a node that does not answer.
	ErrUnreachable = errors.New("cannot reach the node")
	// ErrNoRPC reports a node to dial with no URL (an [ErrUnreachable]).
	ErrNoRPC = fmt.Errorf("%w: no RPC URL", ErrUnreachable)
	// ErrReplaceable marks an [ErrRootDiffers] whose root is still inside
	// its challenge window: the owner may post another in its place.
	ErrReplaceable = errors.New("replaceable")
	// ErrChainID reports a node on another chain than the one expected.
	ErrChainID = errors.New("wrong chain")
	// ErrNoCode reports an address with no contract code.
	ErrNoCode = errors.New("no contract code at this address")
	// ErrNotQFRound reports a contract that does not answer QFRound's calls.
	ErrNotQFRound = errors.New("contract is not a QFRound v2 (wrong address or ABI?)")
	// ErrNotCQFRound reports a contract that does not answer CQFRound's calls.
	ErrNotCQFRound = errors.New("contract is not a CQFRound v2 (wrong address, or a QFRound for a pool round?)")
	// ErrRootDiffers reports a contract that already holds another root.
	ErrRootDiffers = errors.New("the contract already holds a different root")
	// ErrRootFinal reports a root whose challenge window has closed: it can
	// never be replaced.
	ErrRootFinal = errors.New("the posted root is final (its challenge window has closed)")
	// ErrChallengeWindow reports a claim while the root's challenge window
	// is still open.
	ErrChallengeWindow = errors.New("the root's challenge window is still open")
	// ErrClaimsClosed reports a claim after the claim deadline.
	ErrClaimsClosed = errors.New("the claim deadline has passed")
	// ErrSweepEarly reports a sweep before the claim deadline.
	ErrSweepEarly = errors.New("the claim deadline has not passed")
	// ErrNotOwner reports a signer that is not the contract's owner.
	ErrNotOwner = errors.New("signer is not the contract owner")
	// ErrRoundNotEnded reports a root posted before the round's end.
	ErrRoundNotEnded = errors.New("the round has not ended on chain yet")
	// ErrRoundEnded reports a gap registered after the round's end.
	ErrRoundEnded = errors.New("the round has ended on chain")
	// ErrGapRegistered reports a gap already registered to another recipient.
	ErrGapRegistered = errors.New("gap already registered on the contract")
	// ErrUnknownGap reports a donation to a gap the contract has not registered.
	ErrUnknownGap = errors.New("gap not registered on the contract")
	// ErrFunds reports a signer that cannot pay for gas.
	ErrFunds = errors.New("insufficient funds for gas")
	// ErrReverted reports a transaction that failed (at estimation or mined).
	ErrReverted = errors.New("transaction reverted")
	// ErrAlreadyClaimed reports a gap whose match was already claimed.
	ErrAlreadyClaimed = errors.New("already claimed")
	// ErrNoRoot reports a claim before any root is posted.
	ErrNoRoot = errors.New("no root posted on the contract yet")
	// ErrKey reports an unusable signing key (keystore, password, hex key).
	ErrKey = errors.New("signing key")
	// ErrPending reports a signer with a transaction still pending: sending
	// another could execute both later. Wait for it, or resend with --replace.
	ErrPending = errors.New("signer has a pending transaction")
	// ErrTimeout reports a transaction not mined in time; it may still be.
	ErrTimeout = errors.New("transaction not mined in time")
	// ErrTooLate reports a root that would become final less than one
	// challenge window before the claim deadline (the contract's
	// TooLateForWindow): claimants would have no time to claim.
	ErrTooLate = errors.New("too late for a root: it would leave claimants less than one challenge window")
)
