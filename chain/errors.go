package chain

import "errors"

var (
	// ErrUnreachable reports a node that does not answer.
	ErrUnreachable = errors.New("cannot reach the node")
	// ErrChainID reports a node on another chain than the one expected.
	ErrChainID = errors.New("wrong chain")
	// ErrNoCode reports an address with no contract code.
	ErrNoCode = errors.New("no contract code at this address")
	// ErrNotQFRound reports a contract that does not answer QFRound's calls.
	ErrNotQFRound = errors.New("contract is not a QFRound (wrong address or ABI?)")
	// ErrNotCQFRound reports a contract that does not answer CQFRound's calls.
	ErrNotCQFRound = errors.New("contract is not a CQFRound (wrong address, or a QFRound for a pool round?)")
	// ErrRootDiffers reports a contract that already holds another root.
	ErrRootDiffers = errors.New("the contract already holds a different root")
	// ErrNotOwner reports a signer that is not the contract's owner.
	ErrNotOwner = errors.New("signer is not the contract owner")
	// ErrRoundNotEnded reports a root posted before the round's end.
	ErrRoundNotEnded = errors.New("the round has not ended on chain yet")
	// ErrFunds reports a signer that cannot pay for gas.
	ErrFunds = errors.New("insufficient funds for gas")
	// ErrReverted reports a mined transaction that failed.
	ErrReverted = errors.New("transaction reverted")
	// ErrAlreadyClaimed reports a gap whose match was already claimed.
	ErrAlreadyClaimed = errors.New("already claimed")
	// ErrNoRoot reports a claim before any root is posted.
	ErrNoRoot = errors.New("no root posted on the contract yet")
	// ErrKey reports an unusable signing key (keystore, password, hex key).
	ErrKey = errors.New("signing key")
)
