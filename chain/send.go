package chain

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Sent is a mined transaction.
type Sent struct {
	Tx      common.Hash `json:"tx"`
	Block   uint64      `json:"block"`
	GasUsed uint64      `json:"gasUsed"`
}

// send signs calldata to contract with opts (EIP-1559 fees when the chain
// has a base fee: bind fills tip and fee cap from the node), waits for the
// receipt and turns failures into one-line errors.
func send(ctx context.Context, b Backend, contract *bind.BoundContract, opts *bind.TransactOpts, data []byte, what string) (Sent, error) {
	o := *opts
	o.Context = ctx
	tx, err := bind.Transact(contract, &o, data)
	if err != nil {
		return Sent{}, sendErr(ctx, b, opts.From, what, err)
	}
	return wait(ctx, b, tx, what)
}

func wait(ctx context.Context, b Backend, tx *types.Transaction, what string) (Sent, error) {
	rc, err := waitMined(ctx, b, tx.Hash())
	if err != nil {
		return Sent{Tx: tx.Hash()}, fmt.Errorf("%s: waiting for transaction %s: %w", what, tx.Hash().Hex(), err)
	}
	s := Sent{Tx: tx.Hash(), Block: rc.BlockNumber.Uint64(), GasUsed: rc.GasUsed}
	if rc.Status != types.ReceiptStatusSuccessful {
		return s, fmt.Errorf("%s: %w: %s in block %d", what, ErrReverted, tx.Hash().Hex(), s.Block)
	}
	return s, nil
}

func sendErr(ctx context.Context, b Backend, from common.Address, what string, err error) error {
	if strings.Contains(err.Error(), "insufficient funds") {
		bal, berr := b.BalanceAt(ctx, from, nil)
		if berr == nil {
			return fmt.Errorf("%s: %w: %s holds %s wei", what, ErrFunds, from.Hex(), bal)
		}
		return fmt.Errorf("%s: %w: %s", what, ErrFunds, from.Hex())
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
