package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
)

// Sent is a mined transaction.
type Sent struct {
	Tx      common.Hash `json:"tx"`
	Block   uint64      `json:"block"`
	GasUsed uint64      `json:"gasUsed"`
}

// Pending is what CheckPending found about a signer's transactions.
type Pending struct {
	Mined   uint64 // the next nonce at the latest block
	Pending uint64 // the next nonce counting the node's pool
}

// CheckPending refuses, with ErrPending, a signer with transactions still
// in the node's pool: sending another now could let both execute later
// (a retried donate or claim paying twice). With replace set it instead
// points opts at the oldest pending nonce with fees high enough to replace
// that transaction (doubled until the node takes it), so exactly one of
// the two ever executes; the command's later transactions take fresh
// nonces as usual.
func CheckPending(ctx context.Context, b Backend, opts *bind.TransactOpts, replace bool) (Pending, error) {
	mined, err := b.NonceAt(ctx, opts.From, nil)
	if err != nil {
		return Pending{}, fmt.Errorf("reading %s's nonce: %w", opts.From.Hex(), err)
	}
	pending, err := b.PendingNonceAt(ctx, opts.From)
	if err != nil {
		return Pending{}, fmt.Errorf("reading %s's pending nonce: %w", opts.From.Hex(), err)
	}
	p := Pending{Mined: mined, Pending: pending}
	if pending <= mined {
		return p, nil
	}
	if !replace {
		return p, fmt.Errorf("%w: %s has %d transaction(s) not mined yet (nonce %d..%d)",
			ErrPending, opts.From.Hex(), pending-mined, mined, pending-1)
	}
	tip, err := b.SuggestGasTipCap(ctx)
	if err != nil {
		return p, fmt.Errorf("reading the suggested tip: %w", err)
	}
	head, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		return p, fmt.Errorf("reading the chain head: %w", err)
	}
	tip = new(big.Int).Mul(tip, big.NewInt(2))
	if floor := big.NewInt(2 * params.GWei); tip.Cmp(floor) < 0 {
		tip = floor
	}
	feeCap := new(big.Int).Set(tip)
	if head.BaseFee != nil {
		feeCap.Add(feeCap, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	}
	opts.Nonce = new(big.Int).SetUint64(mined)
	opts.GasTipCap, opts.GasFeeCap = tip, feeCap
	return p, nil
}

// prepared is a copy of opts for one transaction.
func prepared(opts *bind.TransactOpts) *bind.TransactOpts {
	o := *opts
	return &o
}

// consumed clears a replacement nonce and its fees once a transaction took
// them, so the command's next transaction gets a fresh nonce.
func consumed(opts *bind.TransactOpts) {
	opts.Nonce, opts.GasTipCap, opts.GasFeeCap = nil, nil, nil
}

// send signs calldata to contract with opts (EIP-1559 fees when the chain
// has a base fee: bind fills tip and fee cap from the node), waits for the
// receipt and turns failures into one-line errors, reverts decoded.
func send(ctx context.Context, b Backend, contract *bind.BoundContract, opts *bind.TransactOpts, data []byte, what string) (Sent, error) {
	o := prepared(opts)
	o.Context = ctx
	if o.GasLimit == 0 {
		// The node's estimate is the least gas that succeeded on the latest
		// block's state and time; the block the transaction lands in can
		// need more (replacing a root in the same second it was posted
		// rewrites rootFinalAt with its own value, a no-op the estimate
		// prices at 100 gas; a later block writes a new value, 2900):
		// send with a quarter more.
		to := contract.Address()
		est, err := b.EstimateGas(ctx, ethereum.CallMsg{From: o.From, To: &to, Data: data, Value: o.Value})
		if err != nil {
			return Sent{}, sendErr(ctx, b, opts.From, what, err)
		}
		o.GasLimit = est + est/4
	}
	tx, err := bind.Transact(contract, o, data)
	// A replacement the node finds underpriced: double the fees, a few times.
	for i := 0; err != nil && opts.Nonce != nil && strings.Contains(err.Error(), "underpriced") && i < 6; i++ {
		o.GasTipCap = new(big.Int).Mul(o.GasTipCap, big.NewInt(2))
		o.GasFeeCap = new(big.Int).Mul(o.GasFeeCap, big.NewInt(2))
		tx, err = bind.Transact(contract, o, data)
	}
	if err != nil {
		return Sent{}, sendErr(ctx, b, opts.From, what, err)
	}
	consumed(opts)
	return wait(ctx, b, tx, what)
}

func wait(ctx context.Context, b Backend, tx *types.Transaction, what string) (Sent, error) {
	rc, err := waitMined(ctx, b, tx.Hash())
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return Sent{Tx: tx.Hash()}, fmt.Errorf("%s: %w: %s (nonce %d) is still pending; it may yet execute",
				what, ErrTimeout, tx.Hash().Hex(), tx.Nonce())
		}
		return Sent{Tx: tx.Hash()}, fmt.Errorf("%s: waiting for transaction %s: %w", what, tx.Hash().Hex(), err)
	}
	s := Sent{Tx: tx.Hash(), Block: rc.BlockNumber.Uint64(), GasUsed: rc.GasUsed}
	if rc.Status != types.ReceiptStatusSuccessful {
		why := ""
		if name := replayRevert(ctx, b, tx, rc); name != "" {
			why = ": " + name
		}
		return s, fmt.Errorf("%s: %w: %s in block %d (gas used %d of %d)%s", what, ErrReverted, tx.Hash().Hex(), s.Block, rc.GasUsed, tx.Gas(), why)
	}
	return s, nil
}

// replayRevert reruns a failed transaction as a call on its block's parent
// state to name the revert (the state it ran on may differ slightly when
// other transactions of the block came first); "" when it cannot tell.
func replayRevert(ctx context.Context, b Backend, tx *types.Transaction, rc *types.Receipt) string {
	from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
	if err != nil || rc.BlockNumber == nil || rc.BlockNumber.Sign() == 0 {
		return ""
	}
	parent := new(big.Int).Sub(rc.BlockNumber, big.NewInt(1))
	_, err = b.CallContract(ctx, ethereum.CallMsg{From: from, To: tx.To(), Gas: tx.Gas(), Value: tx.Value(), Data: tx.Data()}, parent)
	if err == nil {
		if tx.Gas() == rc.GasUsed {
			return "out of gas"
		}
		return ""
	}
	return RevertName(err)
}

// revertSentinels are the custom errors qf has a sentinel for.
var revertSentinels = map[string]error{
	"ChallengeWindowOpen":    ErrChallengeWindow,
	"ClaimsClosed":           ErrClaimsClosed,
	"ClaimDeadlineNotPassed": ErrSweepEarly,
	"RootFinal":              ErrRootFinal,
	"AlreadyClaimed":         ErrAlreadyClaimed,
	"UnknownGap":             ErrUnknownGap,
	"GapAlreadyRegistered":   ErrGapRegistered,
	"RoundNotEnded":          ErrRoundNotEnded,
	"RoundEnded":             ErrRoundEnded,
	"TooLateForWindow":       ErrTooLate,
}

func sendErr(ctx context.Context, b Backend, from common.Address, what string, err error) error {
	if strings.Contains(err.Error(), "insufficient funds") {
		bal, berr := b.BalanceAt(ctx, from, nil)
		if berr == nil {
			return fmt.Errorf("%s: %w: %s holds %s wei", what, ErrFunds, from.Hex(), bal)
		}
		return fmt.Errorf("%s: %w: %s", what, ErrFunds, from.Hex())
	}
	if name := RevertName(err); name != "" {
		bare, _, _ := strings.Cut(name, "(")
		if s, ok := revertSentinels[bare]; ok {
			return fmt.Errorf("%s: %w: %s (%w)", what, ErrReverted, name, s)
		}
		return fmt.Errorf("%s: %w: %s", what, ErrReverted, name)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// waitMined polls for the receipt, first often (dev chains mine at once),
// then every 2 s (a mainnet block is 12 s).
func waitMined(ctx context.Context, b Backend, hash common.Hash) (*types.Receipt, error) {
	delay := 25 * time.Millisecond
	for {
		rc, err := b.TransactionReceipt(ctx, hash)
		if err == nil {
			return rc, nil
		}
		// Not mined yet, or (geth) mined but not indexed yet: wait.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") && ctx.Err() == nil {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 2*time.Second)
	}
}
