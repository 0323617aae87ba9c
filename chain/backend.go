package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
)

// Backend is what qf needs from a node: contract calls, transactions, logs,
// receipts and the chain's head. *ethclient.Client and the client of
// go-ethereum's simulated chain both implement it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
	NonceAt(ctx context.Context, account common.Address, block *big.Int) (uint64, error)
}

// Dial connects to a node over JSON-RPC (http, ws or ipc) and checks that it
// answers, and, when want is not nil, that it serves chain id want.
func Dial(ctx context.Context, url string, want *big.Int) (Backend, *big.Int, error) {
	if url == "" {
		return nil, nil, ErrNoRPC
	}
	c, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, nil, fmt.Errorf("%w at %s: %v", ErrUnreachable, url, err)
	}
	b := Backend(c)
	id, err := CheckChainID(ctx, b, want)
	if err != nil {
		c.Close()
		if errors.Is(err, ErrChainID) {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("%w at %s: %v", ErrUnreachable, url, err)
	}
	return b, id, nil
}

// CheckChainID returns the node's chain id, and ErrChainID when want is not
// nil and differs.
func CheckChainID(ctx context.Context, b Backend, want *big.Int) (*big.Int, error) {
	id, err := b.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	if want != nil && id.Cmp(want) != 0 {
		return nil, fmt.Errorf("%w: the node serves chain id %s, expected %s", ErrChainID, id, want)
	}
	return id, nil
}
