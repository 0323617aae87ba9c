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
}

// SubmitRoot posts root with setMatchingRoot (a CQFRound: setPayoutRoot),
// signed by opts. It is
// idempotent: when the contract already holds root nothing is sent. It
// refuses (before sending anything) a contract holding a different root, a
// signer that is not the owner, and a round whose end the chain has not
// passed.
func (r *Round) SubmitRoot(ctx context.Context, opts *bind.TransactOpts, root common.Hash) (Submitted, error) {
	if root == (common.Hash{}) {
		return Submitted{}, fmt.Errorf("refusing to post the zero root")
	}
	have, err := r.Root(ctx)
	if err != nil {
		return Submitted{}, fmt.Errorf("reading the posted root: %w", err)
	}
	switch {
	case have == root:
		return Submitted{AlreadySet: true}, nil
	case have != common.Hash{}:
		return Submitted{}, fmt.Errorf("%w: %s holds %s, this round's root is %s", ErrRootDiffers, r.addr.Hex(), have.Hex(), root.Hex())
	case opts.From != r.Owner:
		return Submitted{}, fmt.Errorf("%w: %s signs, %s owns %s", ErrNotOwner, opts.From.Hex(), r.Owner.Hex(), r.addr.Hex())
	}
	head, err := r.b.HeaderByNumber(ctx, nil)
	if err != nil {
		return Submitted{}, fmt.Errorf("reading the chain head: %w", err)
	}
	if head.Time <= r.End {
		return Submitted{}, fmt.Errorf("%w: it ends at %d, the latest block (%s) is at %d; retry in %d s",
			ErrRoundNotEnded, r.End, head.Number, head.Time, r.End-head.Time+1)
	}
	data, what := r.qf.PackSetMatchingRoot, "setMatchingRoot"
	if r.kind == KindCQF {
		data, what = r.cqf.PackSetPayoutRoot, "setPayoutRoot"
	}
	s, err := send(ctx, r.b, r.bound, opts, data(root), what)
	return Submitted{Sent: s}, err
}

// Claim sends claimMatching (a CQFRound: claim) for one leaf with its
// proof, from any account (the amount goes to recipient). It refuses,
// before sending, a leaf already claimed (on a QFRound, the gap), a
// contract with no root, and a proof for another root.
func (r *Round) Claim(ctx context.Context, opts *bind.TransactOpts, root common.Hash, gap *big.Int, recipient common.Address, amount *big.Int, proof []common.Hash) (Sent, error) {
	have, err := r.Root(ctx)
	if err != nil {
		return Sent{}, fmt.Errorf("reading the posted root: %w", err)
	}
	if have == (common.Hash{}) {
		return Sent{}, fmt.Errorf("%w (%s)", ErrNoRoot, r.addr.Hex())
	}
	if have != root {
		return Sent{}, fmt.Errorf("%w: %s holds %s, the proof is for %s", ErrRootDiffers, r.addr.Hex(), have.Hex(), root.Hex())
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
