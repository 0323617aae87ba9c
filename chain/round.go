package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/contracts"
)

// Round is a deployed QFRound contract.
type Round struct {
	b     Backend
	addr  common.Address
	abi   *contracts.QFRound
	bound *bind.BoundContract
	End   uint64         // roundEnd, unix seconds
	Owner common.Address // who may post the root
	Token common.Address // donationToken
	Pool  *big.Int       // matchingPool as deployed
}

// OpenRound checks that addr holds a QFRound (code, and answers to its
// calls) and reads its settings.
func OpenRound(ctx context.Context, b Backend, addr common.Address) (*Round, error) {
	code, err := b.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("reading code at %s: %w", addr.Hex(), err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("%s: %w", addr.Hex(), ErrNoCode)
	}
	abi := contracts.NewQFRound()
	r := &Round{b: b, addr: addr, abi: abi, bound: abi.Instance(b, addr)}
	opts := &bind.CallOpts{Context: ctx}
	end, err := bind.Call(r.bound, opts, abi.PackRoundEnd(), abi.UnpackRoundEnd)
	if err == nil {
		r.Owner, err = bind.Call(r.bound, opts, abi.PackOwner(), abi.UnpackOwner)
	}
	if err == nil {
		r.Token, err = bind.Call(r.bound, opts, abi.PackDonationToken(), abi.UnpackDonationToken)
	}
	if err == nil {
		r.Pool, err = bind.Call(r.bound, opts, abi.PackMatchingPool(), abi.UnpackMatchingPool)
	}
	if err == nil {
		_, err = r.Root(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", addr.Hex(), ErrNotQFRound, err)
	}
	if !end.IsUint64() {
		return nil, fmt.Errorf("%s: %w: roundEnd %s", addr.Hex(), ErrNotQFRound, end)
	}
	r.End = end.Uint64()
	return r, nil
}

// Address is the contract's address.
func (r *Round) Address() common.Address { return r.addr }

// Root reads the posted matching root (zero when none).
func (r *Round) Root(ctx context.Context) (common.Hash, error) {
	h, err := bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackMatchingMerkleRoot(), r.abi.UnpackMatchingMerkleRoot)
	return common.Hash(h), err
}

// Claimed reports whether gap's match was claimed.
func (r *Round) Claimed(ctx context.Context, gap *big.Int) (bool, error) {
	return bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.abi.PackMatchingClaimed(gap), r.abi.UnpackMatchingClaimed)
}
