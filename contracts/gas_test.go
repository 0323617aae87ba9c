package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"

	qfchain "github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/contracts"
)

// mainnetRules is the chain config of Ethereum mainnet today (Osaka with
// the BPO2 blob schedule) from genesis, on the simulated chain's id: not
// geth --dev's, which runs the next fork (state gas priced differently).
func mainnetRules() *params.ChainConfig {
	cfg := *params.AllDevChainProtocolChanges
	cfg.BogotaTime = nil // not scheduled on mainnet
	zero := uint64(0)
	cfg.BPO1Time, cfg.BPO2Time = &zero, &zero
	blobs := *params.MainnetChainConfig.BlobScheduleConfig
	cfg.BlobScheduleConfig = &blobs
	return &cfg
}

// TestGasMainnetRules measures what each round call costs under mainnet
// rules (run with -v for the table the README quotes) and pins upper
// bounds, so a change that makes a call dearer shows up here.
func TestGasMainnetRules(t *testing.T) {
	keys := make([]*ecdsa.PrivateKey, 6)
	alloc := types.GenesisAlloc{}
	for i := range keys {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	backend := simulated.NewBackend(alloc, func(_ *node.Config, e *ethconfig.Config) { e.Genesis.Config = mainnetRules() })
	t.Cleanup(func() { backend.Close() })
	c := &chain{t: t, backend: backend, keys: keys, tok: contracts.NewTestToken(), qf: contracts.NewQFRound()}
	ctx := context.Background()
	head, err := backend.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.False(t, mainnetRules().IsBogota(head.Number, head.Time), "mainnet rules, not the dev fork")
	require.True(t, mainnetRules().IsOsaka(head.Number, head.Time))

	gas := map[string]uint64{}
	var order []string
	measure := func(name string, i int, to *bind.BoundContract, data []byte) {
		o := c.opts(i)
		addr := to.Address()
		est, err := backend.Client().EstimateGas(ctx, ethereum.CallMsg{From: o.From, To: &addr, Data: data})
		require.NoError(t, err, "%s: %s", name, qfchain.RevertName(err))
		o.GasLimit = est + est/4 // as qf sends: the estimate ran in the previous block's time
		tx, err := bind.Transact(to, o, data)
		require.NoError(t, err, name)
		backend.Commit()
		rc, err := bind.WaitMined(ctx, backend.Client(), tx.Hash())
		require.NoError(t, err)
		require.Equal(t, types.ReceiptStatusSuccessful, rc.Status, name)
		gas[name] = rc.GasUsed
		order = append(order, name)
	}

	tokenAt := c.deploy(contracts.TestTokenMetaData.Bin, nil)
	c.token = c.tok.Instance(backend.Client(), tokenAt)
	head, err = backend.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	end := head.Time + 3600
	c.roundAt = c.deploy(contracts.QFRoundMetaData.Bin, c.qf.PackConstructor(tokenAt, big.NewInt(1000), u(head.Time), u(end), u(window), u(end+window+claimPeriod), c.addr(sweeper)))
	c.round = c.qf.Instance(backend.Client(), c.roundAt)
	measure("QFRound registerGap", owner, c.round, c.qf.PackRegisterGap(big.NewInt(1), c.addr(alice), common.Address{}))
	require.NoError(t, c.send(owner, c.round, c.qf.PackRegisterGap(big.NewInt(2), c.addr(bob), common.Address{})))
	for _, d := range []int{donor, attacker} {
		require.NoError(t, c.send(d, c.token, c.tok.PackMint(c.addr(d), big.NewInt(1_000_000))))
		require.NoError(t, c.send(d, c.token, c.tok.PackApprove(c.roundAt, big.NewInt(1_000_000))))
	}
	measure("QFRound donate (first to the recipient)", donor, c.round, c.qf.PackDonate(big.NewInt(1), big.NewInt(100)))
	measure("QFRound donate (repeat)", donor, c.round, c.qf.PackDonate(big.NewInt(1), big.NewInt(100)))
	measure("QFRound donate (another donor)", attacker, c.round, c.qf.PackDonate(big.NewInt(1), big.NewInt(100)))
	require.NoError(t, c.send(owner, c.token, c.tok.PackMint(c.roundAt, big.NewInt(1000))))
	c.warp(2 * time.Hour)
	tr := tree(t, leaf(1, c.addr(alice), 600), leaf(2, c.addr(bob), 400))
	measure("QFRound setMatchingRoot (first)", owner, c.round, c.qf.PackSetMatchingRoot(common.Hash{1}))
	measure("QFRound setMatchingRoot (replace in window)", owner, c.round, c.qf.PackSetMatchingRoot(tr.Root()))
	c.warp(window * time.Second)
	r := &qfRound{chain: c}
	measure("QFRound claimMatching", attacker, c.round, r.claim(tr, 1))
	c.warp(claimPeriod * time.Second)
	measure("QFRound sweep", attacker, c.round, c.qf.PackSweep())

	cqf := contracts.NewCQFRound()
	head, err = backend.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	end = head.Time + 3600
	cqfAt := c.deploy(contracts.CQFRoundMetaData.Bin, cqf.PackConstructor(tokenAt, u(head.Time), u(end), u(window), u(end+window+claimPeriod), c.addr(sweeper)))
	rd := cqf.Instance(backend.Client(), cqfAt)
	require.NoError(t, c.send(owner, rd, cqf.PackRegisterGap(big.NewInt(1), c.addr(alice), common.Address{})))
	require.NoError(t, c.send(donor, c.token, c.tok.PackApprove(cqfAt, big.NewInt(1_000_000))))
	measure("CQFRound pledge (first)", donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(500)))
	measure("CQFRound pledge (top-up)", donor, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(500)))

	var sb strings.Builder
	fmt.Fprintf(&sb, "\n| call | gas |\n|---|---:|\n")
	for _, name := range order {
		fmt.Fprintf(&sb, "| %s | %d |\n", name, gas[name])
	}
	t.Log(sb.String())
	bounds := map[string]uint64{
		"QFRound donate (first to the recipient)": 75_000, "QFRound donate (repeat)": 60_000,
		"QFRound claimMatching": 95_000, "QFRound setMatchingRoot (first)": 80_000, "CQFRound pledge (first)": 140_000, // limitsOf, pledgedTo: the per-gap and per-pledger caps and the no-root refund
	}
	for name, max := range bounds {
		require.LessOrEqual(t, gas[name], max, name)
	}
}
