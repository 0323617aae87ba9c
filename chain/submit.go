package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
)

// Submitted is what SubmitRoot did.
type Submitted struct {
	Sent
	// AlreadySet is true when the contract held this root already and
	// nothing was sent.
	AlreadySet bool `json:"alreadySet"`
	// Replaced is the root this one replaced inside its challenge window.
	Replaced *common.Hash `json:"replaced,omitempty"`
	// FinalAt is when the root becomes final and claims open (unix seconds).
	FinalAt uint64 `json:"finalAt"`
}

// SubmitRoot posts root with setMatchingRoot (a CQFRound: setPayoutRoot),
// signed by opts. Posting opens the root's challenge window. It is
// idempotent: when the contract already holds root nothing is sent. It
// refuses (before sending anything) a contract holding a different root
// (unless replace is set and that root's window is still open; never once
// it is final), a signer that is not the owner, and a round whose end the
// chain has not passed.
func (r *Round) SubmitRoot(ctx context.Context, opts *bind.TransactOpts, root common.Hash, replace bool) (Submitted, error) {
	if root == (common.Hash{}) {
		return Submitted{}, fmt.Errorf("refusing to post the zero root")
	}
	st, err := r.RootState(ctx)
	if err != nil {
		return Submitted{}, fmt.Errorf("reading the posted root: %w", err)
	}
	now, number, err := r.now(ctx)
	if err != nil {
		return Submitted{}, err
	}
	var replaced *common.Hash
	switch {
	case st.Root == root:
		return Submitted{AlreadySet: true, FinalAt: st.FinalAt}, nil
	case st.Root != common.Hash{} && st.Final(now):
		return Submitted{}, fmt.Errorf("%w: %s holds %s since %d; this round's root is %s", ErrRootFinal, r.addr.Hex(), st.Root.Hex(), st.FinalAt, root.Hex())
	case st.Root != common.Hash{} && !replace:
		return Submitted{}, fmt.Errorf("%w: %s holds %s (%w until %d, %d s from now); this round's root is %s",
			ErrRootDiffers, r.addr.Hex(), st.Root.Hex(), ErrReplaceable, st.FinalAt, st.FinalAt-now, root.Hex())
	case st.Root != common.Hash{}:
		old := st.Root
		replaced = &old
	}
	if opts.From != r.Owner {
		return Submitted{}, fmt.Errorf("%w: %s signs, %s owns %s", ErrNotOwner, opts.From.Hex(), r.Owner.Hex(), r.addr.Hex())
	}
	if now <= r.End {
		return Submitted{}, fmt.Errorf("%w: it ends at %d, the latest block (%s) is at %d; retry in %d s",
			ErrRoundNotEnded, r.End, number, now, r.End-now+1)
	}
	// The next block is at least now+1: its root becomes final at
	// now+1+Window and must leave claimants one more Window.
	if now+1+2*r.Window > r.ClaimDeadline {
		return Submitted{}, fmt.Errorf("%w: posted now it would be final at %d, and claims close at %d; the unclaimed pool goes to the sweep address after that",
			ErrTooLate, now+1+r.Window, r.ClaimDeadline)
	}
	data, what := r.qf.PackSetMatchingRoot, "setMatchingRoot"
	if r.kind == KindCQF {
		data, what = r.cqf.PackSetPayoutRoot, "setPayoutRoot"
	}
	s, err := send(ctx, r.b, r.bound, opts, data(root), what)
	if err != nil {
		return Submitted{Sent: s}, err
	}
	st, err = r.RootState(ctx)
	if err != nil {
		return Submitted{Sent: s, Replaced: replaced}, fmt.Errorf("%s mined in tx %s; reading it back: %w", what, s.Tx.Hex(), err)
	}
	return Submitted{Sent: s, Replaced: replaced, FinalAt: st.FinalAt}, nil
}

// Claim sends claimMatching (a CQFRound: claim) for one leaf with its
// proof, from any account (the amount goes to recipient). It refuses,
// before sending, a leaf already claimed (on a QFRound, the gap), a
// contract with no root, a proof for another root, a root still inside its
// challenge window, and a claim after the claim deadline.
func (r *Round) Claim(ctx context.Context, opts *bind.TransactOpts, root common.Hash, gap *big.Int, recipient common.Address, amount *big.Int, proof []common.Hash) (Sent, error) {
	st, err := r.RootState(ctx)
	if err != nil {
		return Sent{}, fmt.Errorf("reading the posted root: %w", err)
	}
	if st.Root == (common.Hash{}) {
		return Sent{}, fmt.Errorf("%w (%s)", ErrNoRoot, r.addr.Hex())
	}
	if st.Root != root {
		return Sent{}, fmt.Errorf("%w: %s holds %s, the proof is for %s", ErrRootDiffers, r.addr.Hex(), st.Root.Hex(), root.Hex())
	}
	now, _, err := r.now(ctx)
	if err != nil {
		return Sent{}, err
	}
	if !st.Final(now) {
		return Sent{}, fmt.Errorf("%w: claims open at %d, in %d s", ErrChallengeWindow, st.FinalAt, st.FinalAt-now)
	}
	if now > r.ClaimDeadline {
		return Sent{}, fmt.Errorf("%w: claims closed at %d", ErrClaimsClosed, r.ClaimDeadline)
	}
	done, err := r.LeafClaimed(ctx, gap, recipient, amount)
	if err != nil {
		return Sent{}, fmt.Errorf("reading whether it was claimed: %w", err)
	}
	if done {
		leaf := "gap " + gap.String()
		if r.kind == KindCQF { // claimed per leaf, not per gap
			leaf += ", " + recipient.Hex()
		}
		return Sent{}, fmt.Errorf("%s: %w", leaf, ErrAlreadyClaimed)
	}
	p := make([][32]byte, len(proof))
	for i, h := range proof {
		p[i] = h
	}
	if r.kind == KindCQF {
		return send(ctx, r.b, r.bound, opts, r.cqf.PackClaim(gap, recipient, amount, p), "claim")
	}
	return send(ctx, r.b, r.bound, opts, r.qf.PackClaimMatching(gap, recipient, amount, p), "claimMatching")
}

// Registration is what RegisterGap did.
type Registration struct {
	Sent
	// AlreadySet is true when the gap was registered to the same recipient
	// (and recipientId) already and nothing was sent.
	AlreadySet bool `json:"alreadySet"`
}

// RegisterGap registers gap's payout address (and optional Allo
// recipientId) on the contract, signed by the owner. It is idempotent, and
// refuses before sending a gap registered to someone else, a signer that is
// not the owner, and a round that has ended.
func (r *Round) RegisterGap(ctx context.Context, opts *bind.TransactOpts, gap *big.Int, g Registered) (Registration, error) {
	if g.Recipient == (common.Address{}) {
		return Registration{}, fmt.Errorf("gap %s: the recipient is the zero address", gap)
	}
	have, err := r.Gap(ctx, gap)
	if err != nil {
		return Registration{}, fmt.Errorf("reading gap %s: %w", gap, err)
	}
	switch {
	case have == g:
		return Registration{AlreadySet: true}, nil
	case have.Recipient != common.Address{}:
		return Registration{}, fmt.Errorf("%w: gap %s pays %s (recipientId %s); a registration is final", ErrGapRegistered, gap, have.Recipient.Hex(), have.RecipientID.Hex())
	case opts.From != r.Owner:
		return Registration{}, fmt.Errorf("%w: %s signs, %s owns %s", ErrNotOwner, opts.From.Hex(), r.Owner.Hex(), r.addr.Hex())
	}
	now, _, err := r.now(ctx)
	if err != nil {
		return Registration{}, err
	}
	if now > r.End {
		return Registration{}, fmt.Errorf("%w at %d: gaps are registered before the end", ErrRoundEnded, r.End)
	}
	data := r.qf.PackRegisterGap
	if r.kind == KindCQF {
		data = r.cqf.PackRegisterGap
	}
	s, err := send(ctx, r.b, r.bound, opts, data(gap, g.Recipient, g.RecipientID), "registerGap")
	return Registration{Sent: s}, err
}

// Sweep sends what the contract still holds to its sweep address, after
// the claim deadline; anyone may send it.
func (r *Round) Sweep(ctx context.Context, opts *bind.TransactOpts) (Sent, error) {
	now, _, err := r.now(ctx)
	if err != nil {
		return Sent{}, err
	}
	if now <= r.ClaimDeadline {
		return Sent{}, fmt.Errorf("%w: sweep opens after %d, in %d s", ErrSweepEarly, r.ClaimDeadline, r.ClaimDeadline-now+1)
	}
	data := r.qf.PackSweep
	if r.kind == KindCQF {
		data = r.cqf.PackSweep
	}
	return send(ctx, r.b, r.bound, opts, data(), "sweep")
}
