package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
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
	// KindQF is QFRound: donations forwarded to registered gaps
	// (DonationMade), a matching pool, one claim per gap (setMatchingRoot,
	// claimMatching).
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

// RootEvent is the name of the kind's root event.
func (k Kind) RootEvent() string {
	if k == KindCQF {
		return "PayoutRootSet"
	}
	return "MatchingRootSet"
}

// Round is a deployed QFRound or CQFRound (v2) contract and its settings,
// which are immutable on chain.
type Round struct {
	b     Backend
	addr  common.Address
	kind  Kind
	qf    *contracts.QFRound
	cqf   *contracts.CQFRound
	bound *bind.BoundContract

	Start, End    uint64         // roundStart, roundEnd, unix seconds
	Window        uint64         // challengeWindow, seconds
	ClaimDeadline uint64         // unix seconds: no claim after, sweep only after
	SweepTo       common.Address // where sweep sends what is left
	DeployBlock   uint64         // the block the contract was deployed in
	Owner         common.Address // who may register gaps and post the root
	Token         common.Address // the ERC-20 deposited
	Pool          *big.Int       // a QFRound's matchingPool; nil for CQFRound
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
	var nums [5]*big.Int // start, end, window, deadline, deploy block
	call := func(data []byte, dst **big.Int) func() error {
		return func() (err error) {
			*dst, err = bind.Call(r.bound, opts, data, func(b []byte) (*big.Int, error) {
				return new(big.Int).SetBytes(b), checkWord(b)
			})
			return err
		}
	}
	var steps []func() error
	if kind == KindCQF {
		c := contracts.NewCQFRound()
		r.cqf, r.bound = c, c.Instance(b, addr)
		steps = []func() error{
			call(c.PackRoundStart(), &nums[0]), call(c.PackRoundEnd(), &nums[1]), call(c.PackChallengeWindow(), &nums[2]),
			call(c.PackClaimDeadline(), &nums[3]), call(c.PackDeployBlock(), &nums[4]),
			func() (err error) { r.Owner, err = bind.Call(r.bound, opts, c.PackOwner(), c.UnpackOwner); return },
			func() (err error) { r.Token, err = bind.Call(r.bound, opts, c.PackToken(), c.UnpackToken); return },
			func() (err error) {
				r.SweepTo, err = bind.Call(r.bound, opts, c.PackSweepTo(), c.UnpackSweepTo)
				return
			},
		}
	} else {
		c := contracts.NewQFRound()
		r.qf, r.bound = c, c.Instance(b, addr)
		steps = []func() error{
			call(c.PackRoundStart(), &nums[0]), call(c.PackRoundEnd(), &nums[1]), call(c.PackChallengeWindow(), &nums[2]),
			call(c.PackClaimDeadline(), &nums[3]), call(c.PackDeployBlock(), &nums[4]),
			func() (err error) { r.Owner, err = bind.Call(r.bound, opts, c.PackOwner(), c.UnpackOwner); return },
			func() (err error) {
				r.Token, err = bind.Call(r.bound, opts, c.PackDonationToken(), c.UnpackDonationToken)
				return
			},
			func() (err error) {
				r.SweepTo, err = bind.Call(r.bound, opts, c.PackSweepTo(), c.UnpackSweepTo)
				return
			},
			func() (err error) {
				r.Pool, err = bind.Call(r.bound, opts, c.PackMatchingPool(), c.UnpackMatchingPool)
				return
			},
		}
	}
	for _, step := range steps {
		if err = step(); err != nil {
			break
		}
	}
	if err == nil {
		_, err = r.RootState(ctx)
	}
	notRound := ErrNotQFRound
	if kind == KindCQF {
		notRound = ErrNotCQFRound
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", addr.Hex(), notRound, err)
	}
	for i, dst := range []*uint64{&r.Start, &r.End, &r.Window, &r.ClaimDeadline, &r.DeployBlock} {
		if !nums[i].IsUint64() {
			return nil, fmt.Errorf("%s: %w: setting %d is %s", addr.Hex(), notRound, i, nums[i])
		}
		*dst = nums[i].Uint64()
	}
	return r, nil
}

// checkWord refuses a return value that is not one ABI word (a contract
// without the function answers with nothing).
func checkWord(b []byte) error {
	if len(b) != 32 {
		return fmt.Errorf("answered %d bytes, not a uint256", len(b))
	}
	return nil
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

// Backend is the node the round was opened on.
func (r *Round) Backend() Backend { return r.b }

// RootState is the posted root and when it becomes final.
type RootState struct {
	Root    common.Hash `json:"root"`    // zero when none is posted
	FinalAt uint64      `json:"finalAt"` // unix seconds; claims open then, and the root can no longer be replaced
}

// Final reports whether the root is final at chain time now.
func (s RootState) Final(now uint64) bool { return s.Root != (common.Hash{}) && now >= s.FinalAt }

// RootState reads the posted root and the end of its challenge window.
func (r *Round) RootState(ctx context.Context) (RootState, error) {
	opts := &bind.CallOpts{Context: ctx}
	var (
		h   [32]byte
		fin *big.Int
		err error
	)
	if r.kind == KindCQF {
		h, err = bind.Call(r.bound, opts, r.cqf.PackPayoutRoot(), r.cqf.UnpackPayoutRoot)
		if err == nil {
			fin, err = bind.Call(r.bound, opts, r.cqf.PackRootFinalAt(), r.cqf.UnpackRootFinalAt)
		}
	} else {
		h, err = bind.Call(r.bound, opts, r.qf.PackMatchingMerkleRoot(), r.qf.UnpackMatchingMerkleRoot)
		if err == nil {
			fin, err = bind.Call(r.bound, opts, r.qf.PackRootFinalAt(), r.qf.UnpackRootFinalAt)
		}
	}
	if err != nil {
		return RootState{}, err
	}
	if !fin.IsUint64() {
		return RootState{}, fmt.Errorf("rootFinalAt %s past 64 bits", fin)
	}
	return RootState{Root: h, FinalAt: fin.Uint64()}, nil
}

// Root reads the posted root (zero when none).
func (r *Round) Root(ctx context.Context) (common.Hash, error) {
	s, err := r.RootState(ctx)
	return s.Root, err
}

// Registered is a gap's entry in the contract's registry.
type Registered struct {
	Recipient   common.Address `json:"recipient"`             // zero: not registered
	RecipientID common.Address `json:"recipientId,omitempty"` // Allo v2 recipientId, zero if none
}

// Gap reads gap's registry entry (a zero Recipient: not registered).
func (r *Round) Gap(ctx context.Context, gap *big.Int) (Registered, error) {
	opts := &bind.CallOpts{Context: ctx}
	var g Registered
	var err error
	if r.kind == KindCQF {
		g.Recipient, err = bind.Call(r.bound, opts, r.cqf.PackRecipientOf(gap), r.cqf.UnpackRecipientOf)
		if err == nil {
			g.RecipientID, err = bind.Call(r.bound, opts, r.cqf.PackRecipientIdOf(gap), r.cqf.UnpackRecipientIdOf)
		}
	} else {
		g.Recipient, err = bind.Call(r.bound, opts, r.qf.PackRecipientOf(gap), r.qf.UnpackRecipientOf)
		if err == nil {
			g.RecipientID, err = bind.Call(r.bound, opts, r.qf.PackRecipientIdOf(gap), r.qf.UnpackRecipientIdOf)
		}
	}
	return g, err
}

// ClaimedTotal is what has been paid out in claims so far.
func (r *Round) ClaimedTotal(ctx context.Context) (*big.Int, error) {
	opts := &bind.CallOpts{Context: ctx}
	if r.kind == KindCQF {
		return bind.Call(r.bound, opts, r.cqf.PackClaimedTotal(), r.cqf.UnpackClaimedTotal)
	}
	return bind.Call(r.bound, opts, r.qf.PackClaimedTotal(), r.qf.UnpackClaimedTotal)
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

// now is the chain's clock: the latest block's time.
func (r *Round) now(ctx context.Context) (uint64, *big.Int, error) {
	head, err := r.b.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, nil, fmt.Errorf("reading the chain head: %w", err)
	}
	return head.Time, head.Number, nil
}

func (r *Round) abi() *abi.ABI {
	if r.kind == KindCQF {
		a := r.cqf.GetABI()
		return &a
	}
	a := r.qf.GetABI()
	return &a
}
