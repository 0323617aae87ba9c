package app_test

import (
	"context"
	"fmt"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/internal/simchain"
)

// BenchmarkImportChain measures `qf import chain` over HTTP JSON-RPC from
// the simulated chain into Pebble: 4000 DonationMade events from 40 donors
// to 20 gaps. Reports logs/s.
func BenchmarkImportChain(b *testing.B) {
	const donors, gaps, perDonor = 40, 20, 100
	sim := simchain.New(b, simchain.Options{Accounts: 1 + donors, HTTP: true})
	ctx := context.Background()
	c := sim.Client()
	opts := func(i int) *bind.TransactOpts { return bind.NewKeyedTransactor(sim.Keys[i], big.NewInt(1337)) }
	token, _, err := chain.DeployToken(ctx, c, opts(0))
	require.NoError(b, err)
	head, err := c.HeaderByNumber(ctx, nil)
	require.NoError(b, err)
	addr, _, err := chain.DeployRound(ctx, c, opts(0), chain.Settings{Token: token, Pool: big.NewInt(1e18),
		Start: head.Time, End: head.Time + 86400, Window: 3600, ClaimDeadline: head.Time + 10*86400, SweepTo: sim.Addr(0)})
	require.NoError(b, err)
	rnd, err := chain.OpenRound(ctx, c, addr)
	require.NoError(b, err)
	for g := 1; g <= gaps; g++ { // the import registers them in qf
		_, err := rnd.RegisterGap(ctx, opts(0), big.NewInt(int64(g)), chain.Registered{Recipient: common.BigToAddress(big.NewInt(int64(1000 + g)))})
		require.NoError(b, err)
	}
	tok := chain.NewToken(c, token)
	qf := contracts.NewQFRound()
	round := qf.Instance(c, addr)
	for d := 1; d <= donors; d++ {
		_, err := tok.Mint(ctx, opts(0), sim.Addr(d), big.NewInt(1e18))
		require.NoError(b, err)
		_, err = tok.Approve(ctx, opts(d), addr, big.NewInt(1e18))
		require.NoError(b, err)
	}
	// Many donations per block: explicit nonces and gas, no waiting.
	var hashes []common.Hash
	for d := 1; d <= donors; d++ {
		nonce, err := c.PendingNonceAt(ctx, sim.Addr(d))
		require.NoError(b, err)
		for k := range perDonor {
			o := opts(d)
			o.Nonce, o.GasLimit = new(big.Int).SetUint64(nonce+uint64(k)), 1_000_000
			tx, err := bind.Transact(round, o, qf.PackDonate(big.NewInt(int64(1+(d*7+k)%gaps)), big.NewInt(int64(1000+k))))
			require.NoError(b, err)
			hashes = append(hashes, tx.Hash())
		}
	}
	for _, h := range hashes {
		for {
			if rc, err := c.TransactionReceipt(ctx, h); err == nil {
				require.Equal(b, uint64(1), rc.Status, "gas used %d of block %d", rc.GasUsed, rc.BlockNumber)
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		q := cli{db: filepath.Join(b.TempDir(), fmt.Sprint("db", i))}
		_, e, code := q.try("round", "create", "--pool", "1000")
		require.Zero(b, code, e)
		b.StartTimer()
		out, e, code := q.try("import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", addr.Hex(), "--confirmations", "0")
		require.Zero(b, code, e)
		require.Contains(b, out, fmt.Sprintf("stored %d", donors*perDonor))
	}
	b.ReportMetric(float64(donors*perDonor*b.N)/b.Elapsed().Seconds(), "logs/s")
}
