package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/merkle"
)

// Kind is which round contract an address holds.
type Kind int

// The round contracts qf drives.
const (
	// KindQF is QFRound: donations (DonationMade), a matching pool, one
	// claim per gap (setMatchingRoot, claimMatching).
	KindQF Kind = iota
	// KindCQF is CQFRound: pledges escrowing their limits (PledgeMade),
	// no pool, one claim per leaf (setPayoutRoot, claim), refunds included.
	KindCQF
)

func (k Kind) String() string {
	if k == KindCQF {
		return "CQFRound"
	}
	return "QFRound"
}

// Event is the name of the kind's deposit event.
func (k Kind) Event() string {
	if k == KindCQF {
		return "PledgeMade"
	}
	return "DonationMade"
}

// Round is a deployed QFRound or CQFRound contract.
type Round struct {
	b     Backend
	addr  common.Address
	kind  Kind
	qf    *contracts.QFRound
	cqf   *contracts.CQFRound
	bound *bind.BoundContract
	End   uint64         // roundEnd, unix seconds
	Owner common.Address // who may post the root
	Token common.Address // the ERC-20 deposited
	Pool  *big.Int       // a QFRound's matchingPool as deployed; nil for CQFRound
}

// OpenRound checks that addr holds a QFRound (code, and answers to its
// calls) and reads its settings.
func OpenRound(ctx context.Context, b Backend, addr common.Address) (*Round, error) {
	return Open(ctx, b, addr, KindQF)
}

// Open checks that addr holds a round contract of kind (code, and answers
// to its calls) and reads its settings.
func Open(ctx context.Context, b Backend, addr common.Address, kind Kind) (*Round, error) {
	code, err := b.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("reading code at %s: %w", addr.Hex(), err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("%s: %w", addr.Hex(), ErrNoCode)
	}
	r := &Round{b: b, addr: addr, kind: kind}
	opts := &bind.CallOpts{Context: ctx}
	var end *big.Int
	if kind == KindCQF {
		r.cqf = contracts.NewCQFRound()
		r.bound = r.cqf.Instance(b, addr)
		end, err = bind.Call(r.bound, opts, r.cqf.PackRoundEnd(), r.cqf.UnpackRoundEnd)
		if err == nil {
			r.Owner, err = bind.Call(r.bound, opts, r.cqf.PackOwner(), r.cqf.UnpackOwner)
		}
		if err == nil {
			r.Token, err = bind.Call(r.bound, opts, r.cqf.PackToken(), r.cqf.UnpackToken)
		}
	} else {
		r.qf = contracts.NewQFRound()
		r.bound = r.qf.Instance(b, addr)
		end, err = bind.Call(r.bound, opts, r.qf.PackRoundEnd(), r.qf.UnpackRoundEnd)
		if err == nil {
			r.Owner, err = bind.Call(r.bound, opts, r.qf.PackOwner(), r.qf.UnpackOwner)
		}
		if err == nil {
			r.Token, err = bind.Call(r.bound, opts, r.qf.PackDonationToken(), r.qf.UnpackDonationToken)
		}
		if err == nil {
			r.Pool, err = bind.Call(r.bound, opts, r.qf.PackMatchingPool(), r.qf.UnpackMatchingPool)
		}
	}
	if err == nil {
		_, err = r.Root(ctx)
	}
	notRound := ErrNotQFRound
	if kind == KindCQF {
		notRound = ErrNotCQFRound
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", addr.Hex(), notRound, err)
	}
	if !end.IsUint64() {
		return nil, fmt.Errorf("%s: %w: roundEnd %s", addr.Hex(), notRound, end)
	}
	r.End = end.Uint64()
	return r, nil
}

// OpenAny opens addr as whichever round contract it holds, QFRound first.
func OpenAny(ctx context.Context, b Backend, addr common.Address) (*Round, error) {
	r, err := Open(ctx, b, addr, KindQF)
	if err == nil {
		return r, nil
	}
	if r, err2 := Open(ctx, b, addr, KindCQF); err2 == nil {
		return r, nil
	}
	return nil, err
}

// Address is the contract's address.
func (r *Round) Address() common.Address { return r.addr }

// Kind is the contract's kind.
func (r *Round) Kind() Kind { return r.kind }

// Root reads the posted root (zero when none).
func (r *Round) Root(ctx context.Context) (common.Hash, error) {
	opts := &bind.CallOpts{Context: ctx}
	if r.kind == KindCQF {
		h, err := bind.Call(r.bound, opts, r.cqf.PackPayoutRoot(), r.cqf.UnpackPayoutRoot)
		return common.Hash(h), err
	}
	h, err := bind.Call(r.bound, opts, r.qf.PackMatchingMerkleRoot(), r.qf.UnpackMatchingMerkleRoot)
	return common.Hash(h), err
}

// Claimed reports whether gap's match was claimed (QFRound).
func (r *Round) Claimed(ctx context.Context, gap *big.Int) (bool, error) {
	if r.kind == KindCQF {
		return false, fmt.Errorf("%s pays per leaf: use LeafClaimed", r.kind)
	}
	return bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.qf.PackMatchingClaimed(gap), r.qf.UnpackMatchingClaimed)
}

// LeafClaimed reports whether the leaf paying amount to account for gap was
// claimed: per gap on a QFRound, per leaf on a CQFRound.
func (r *Round) LeafClaimed(ctx context.Context, gap *big.Int, account common.Address, amount *big.Int) (bool, error) {
	if r.kind == KindQF {
		return r.Claimed(ctx, gap)
	}
	var g, a uint256.Int
	if g.SetFromBig(gap) || a.SetFromBig(amount) {
		return false, fmt.Errorf("gap %s or amount %s past 256 bits", gap, amount)
	}
	leaf := merkle.Payout{Gap: g, Recipient: account, Amount: a}.LeafHash()
	return bind.Call(r.bound, &bind.CallOpts{Context: ctx}, r.cqf.PackLeafClaimed(leaf), r.cqf.UnpackLeafClaimed)
}
