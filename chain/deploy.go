package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/contracts"
)

// DeployRound deploys a QFRound taking donations in token from start to end
// (unix seconds), for a matching pool of pool base units, owned by opts.From.
func DeployRound(ctx context.Context, b Backend, opts *bind.TransactOpts, token common.Address, pool *big.Int, start, end uint64) (common.Address, Sent, error) {
	ctor := contracts.NewQFRound().PackConstructor(token, pool, new(big.Int).SetUint64(start), new(big.Int).SetUint64(end))
	return deploy(ctx, b, opts, contracts.QFRoundMetaData.Bin, ctor, "deploying QFRound")
}

// DeployCQFRound deploys a CQFRound taking pledges in token from start to
// end (unix seconds), owned by opts.From.
func DeployCQFRound(ctx context.Context, b Backend, opts *bind.TransactOpts, token common.Address, start, end uint64) (common.Address, Sent, error) {
	ctor := contracts.NewCQFRound().PackConstructor(token, new(big.Int).SetUint64(start), new(big.Int).SetUint64(end))
	return deploy(ctx, b, opts, contracts.CQFRoundMetaData.Bin, ctor, "deploying CQFRound")
}

// DeployToken deploys the mintable test ERC-20 (for test chains only:
// anyone can mint it).
func DeployToken(ctx context.Context, b Backend, opts *bind.TransactOpts) (common.Address, Sent, error) {
	return deploy(ctx, b, opts, contracts.TestTokenMetaData.Bin, nil, "deploying TestToken")
}

func deploy(ctx context.Context, b Backend, opts *bind.TransactOpts, bin string, ctor []byte, what string) (common.Address, Sent, error) {
	o := *opts
	o.Context = ctx
	addr, tx, err := bind.DeployContract(&o, common.FromHex(bin), b, ctor)
	if err != nil {
		return common.Address{}, Sent{}, sendErr(ctx, b, opts.From, what, err)
	}
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

// Mint mints amount to `to` (test token only).
func (t *Token) Mint(ctx context.Context, opts *bind.TransactOpts, to common.Address, amount *big.Int) (Sent, error) {
	return send(ctx, t.b, t.bound, opts, t.abi.PackMint(to, amount), "mint")
}

// Approve lets spender take amount from opts.From.
func (t *Token) Approve(ctx context.Context, opts *bind.TransactOpts, spender common.Address, amount *big.Int) (Sent, error) {
	return send(ctx, t.b, t.bound, opts, t.abi.PackApprove(spender, amount), "approve")
}

// Donate approves the round for amount and, from opts.From, donates it to
// gap (a CQFRound: pledges it as a limit, escrowed until the payout).
func (r *Round) Donate(ctx context.Context, opts *bind.TransactOpts, gap, amount *big.Int) (Sent, error) {
	if _, err := NewToken(r.b, r.Token).Approve(ctx, opts, r.addr, amount); err != nil {
		return Sent{}, err
	}
	if r.kind == KindCQF {
		return send(ctx, r.b, r.bound, opts, r.cqf.PackPledge(gap, amount), "pledge")
	}
	return send(ctx, r.b, r.bound, opts, r.qf.PackDonate(gap, amount), "donate")
}
