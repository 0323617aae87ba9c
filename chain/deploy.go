package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/contracts"
)

// Settings are a round contract's constructor arguments.
type Settings struct {
	Token         common.Address // the ERC-20 donated (pledged)
	Pool          *big.Int       // QFRound's matching pool; nil for a CQFRound
	Start, End    uint64         // donations are taken from Start to End (unix seconds)
	Window        uint64         // challenge window after each root, seconds (> 0)
	ClaimDeadline uint64         // no claims after, sweep only after (> End + 2×Window)
	SweepTo       common.Address // where sweep sends what is left
}

// Check refuses settings the constructor would refuse, with a message that
// names the setting.
func (s Settings) Check(cqf bool) error {
	switch {
	case s.Token == (common.Address{}):
		return fmt.Errorf("the token is the zero address")
	case !cqf && (s.Pool == nil || s.Pool.Sign() <= 0):
		return fmt.Errorf("the matching pool must be positive")
	case s.Start >= s.End:
		return fmt.Errorf("the start (%d) is not before the end (%d)", s.Start, s.End)
	case s.Window == 0:
		return fmt.Errorf("the challenge window is 0")
	case s.ClaimDeadline <= s.End+2*s.Window:
		return fmt.Errorf("the claim deadline (%d) is not after the end plus twice the challenge window (%d): a root must leave claimants one window", s.ClaimDeadline, s.End+2*s.Window)
	case s.SweepTo == (common.Address{}):
		return fmt.Errorf("the sweep address is the zero address")
	}
	return nil
}

func u(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

// DeployRound deploys a QFRound v2 owned by opts.From.
func DeployRound(ctx context.Context, b Backend, opts *bind.TransactOpts, s Settings) (common.Address, Sent, error) {
	if err := s.Check(false); err != nil {
		return common.Address{}, Sent{}, fmt.Errorf("deploying QFRound: %w", err)
	}
	ctor := contracts.NewQFRound().PackConstructor(s.Token, s.Pool, u(s.Start), u(s.End), u(s.Window), u(s.ClaimDeadline), s.SweepTo)
	return deploy(ctx, b, opts, contracts.QFRoundMetaData.Bin, ctor, "deploying QFRound")
}

// DeployCQFRound deploys a CQFRound v2 owned by opts.From (s.Pool unused).
func DeployCQFRound(ctx context.Context, b Backend, opts *bind.TransactOpts, s Settings) (common.Address, Sent, error) {
	if err := s.Check(true); err != nil {
		return common.Address{}, Sent{}, fmt.Errorf("deploying CQFRound: %w", err)
	}
	ctor := contracts.NewCQFRound().PackConstructor(s.Token, u(s.Start), u(s.End), u(s.Window), u(s.ClaimDeadline), s.SweepTo)
	return deploy(ctx, b, opts, contracts.CQFRoundMetaData.Bin, ctor, "deploying CQFRound")
}

// DeployToken deploys the mintable test ERC-20 (for test chains only:
// anyone can mint it).
func DeployToken(ctx context.Context, b Backend, opts *bind.TransactOpts) (common.Address, Sent, error) {
	return deploy(ctx, b, opts, contracts.TestTokenMetaData.Bin, nil, "deploying TestToken")
}

func deploy(ctx context.Context, b Backend, opts *bind.TransactOpts, bin string, ctor []byte, what string) (common.Address, Sent, error) {
	o := prepared(opts)
	o.Context = ctx
	addr, tx, err := bind.DeployContract(o, common.FromHex(bin), b, ctor)
	if err != nil {
		return common.Address{}, Sent{}, sendErr(ctx, b, opts.From, what, err)
	}
	consumed(opts)
	s, err := wait(ctx, b, tx, what)
	if err != nil {
		return common.Address{}, s, err
	}
	if code, err := b.CodeAt(ctx, addr, nil); err != nil || len(code) == 0 {
		return common.Address{}, s, fmt.Errorf("%s: no code at %s after tx %s", what, addr.Hex(), s.Tx.Hex())
	}
	return addr, s, nil
}

// Token is a deployed ERC-20 (the test token's mint included).
type Token struct {
	b     Backend
	abi   *contracts.TestToken
	bound *bind.BoundContract
}

// NewToken binds the ERC-20 at addr.
func NewToken(b Backend, addr common.Address) *Token {
	abi := contracts.NewTestToken()
	return &Token{b: b, abi: abi, bound: abi.Instance(b, addr)}
}

// Balance reads who's balance.
func (t *Token) Balance(ctx context.Context, who common.Address) (*big.Int, error) {
	return bind.Call(t.bound, &bind.CallOpts{Context: ctx}, t.abi.PackBalanceOf(who), t.abi.UnpackBalanceOf)
}

// Decimals reads the token's decimals().
func (t *Token) Decimals(ctx context.Context) (uint8, error) {
	return bind.Call(t.bound, &bind.CallOpts{Context: ctx}, t.abi.PackDecimals(), t.abi.UnpackDecimals)
}

// Mint mints amount to `to` (test token only).
func (t *Token) Mint(ctx context.Context, opts *bind.TransactOpts, to common.Address, amount *big.Int) (Sent, error) {
	return send(ctx, t.b, t.bound, opts, t.abi.PackMint(to, amount), "mint")
}

// Approve lets spender take amount from opts.From.
func (t *Token) Approve(ctx context.Context, opts *bind.TransactOpts, spender common.Address, amount *big.Int) (Sent, error) {
	return send(ctx, t.b, t.bound, opts, t.abi.PackApprove(spender, amount), "approve")
}

// Donate approves the round for amount and, from opts.From, donates it to
// gap (a CQFRound: pledges it as a limit, escrowed until the payout). It
// refuses, before sending, a gap the contract has not registered.
func (r *Round) Donate(ctx context.Context, opts *bind.TransactOpts, gap, amount *big.Int) (Sent, error) {
	g, err := r.Gap(ctx, gap)
	if err != nil {
		return Sent{}, fmt.Errorf("reading gap %s: %w", gap, err)
	}
	if g.Recipient == (common.Address{}) {
		return Sent{}, fmt.Errorf("gap %s: %w %s", gap, ErrUnknownGap, r.addr.Hex())
	}
	if _, err := NewToken(r.b, r.Token).Approve(ctx, opts, r.addr, amount); err != nil {
		return Sent{}, err
	}
	if r.kind == KindCQF {
		return send(ctx, r.b, r.bound, opts, r.cqf.PackPledge(gap, amount), "pledge")
	}
	return send(ctx, r.b, r.bound, opts, r.qf.PackDonate(gap, amount), "donate")
}
