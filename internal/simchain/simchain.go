// Package simchain starts go-ethereum's simulated chain for tests: funded
// keys, blocks mined as soon as transactions arrive (as geth --dev does),
// and optionally a JSON-RPC endpoint on 127.0.0.1 for the qf command line.
// Test code only.
package simchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// Chain is a running simulated chain.
type Chain struct {
	*simulated.Backend
	Keys []*ecdsa.PrivateKey // funded with 2^100 wei each
	URL  string              // JSON-RPC over HTTP, when started with HTTP
	mu   sync.Mutex          // serializes Commit and AdjustTime
}

// Options set up a Chain.
type Options struct {
	Accounts int  // funded keys
	HTTP     bool // serve JSON-RPC on 127.0.0.1
}

// New starts a chain that stops with the test.
func New(t testing.TB, o Options) *Chain {
	t.Helper()
	c := &Chain{}
	alloc := types.GenesisAlloc{}
	c.Keys = Keys(t, o.Accounts)
	for _, k := range c.Keys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	// No deadline on eth_call and gas estimates: geth's default of 5 s
	// aborts them on a loaded machine ("execution aborted (timeout = 5s)"),
	// which would make tests depend on the machine's speed.
	opts := []func(*node.Config, *ethconfig.Config){func(_ *node.Config, e *ethconfig.Config) { e.RPCEVMTimeout = 0 }}
	if o.HTTP {
		port := FreePort(t)
		opts = append(opts, func(n *node.Config, _ *ethconfig.Config) {
			n.HTTPHost, n.HTTPPort, n.HTTPModules = "127.0.0.1", port, []string{"eth", "net", "web3"}
		})
		c.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	}
	c.Backend = simulated.NewBackend(alloc, opts...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go c.mine(ctx, done)
	t.Cleanup(func() {
		cancel()
		<-done
		c.Backend.Close()
	})
	return c
}

// mine commits a block whenever transactions are pending, as geth --dev does.
func (c *Chain) mine(ctx context.Context, done chan struct{}) {
	defer close(done)
	// The simulated client wraps an in-process *ethclient.Client in a field
	// named Client, which hides its Client() method: reach it by reflection.
	rpc := reflect.ValueOf(c.Client()).FieldByName("Client").Interface().(*ethclient.Client).Client()
	for ctx.Err() == nil {
		// The pool, not the pending block: the miner refreshes that lazily.
		var status struct{ Pending hexutil.Uint64 }
		if err := rpc.CallContext(ctx, &status, "txpool_status"); err == nil && status.Pending > 0 {
			c.Commit()
		}
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// Commit mines one block.
func (c *Chain) Commit() common.Hash {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.Backend.Commit()
}

// Warp moves the chain's clock forward and mines a block there.
func (c *Chain) Warp(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// AdjustTime seals a block at the new time. It refuses while the pool
	// still lists a transaction just mined (the pool catches up with a new
	// head asynchronously): retry until it has.
	for i := 0; ; i++ {
		err := c.Backend.AdjustTime(d)
		if err == nil {
			return
		}
		if !strings.Contains(err.Error(), "non-empty block") || i == 10_000 {
			panic(err)
		}
		time.Sleep(time.Millisecond)
	}
}

// Addr is key i's address.
func (c *Chain) Addr(i int) common.Address { return crypto.PubkeyToAddress(c.Keys[i].PublicKey) }

// Keys makes n fresh keys.
func Keys(t testing.TB, n int) []*ecdsa.PrivateKey {
	keys := make([]*ecdsa.PrivateKey, n)
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k
	}
	return keys
}
