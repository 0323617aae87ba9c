package app_test

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/internal/simchain"
)

// TestGethDev runs deploy → donate → import → match → submit → claim
// through the qf command line against a real `geth --dev` over HTTP
// JSON-RPC, with the owner signing from a keystore file.
func TestGethDev(t *testing.T) {
	const donors, nGaps = 3, 2
	keys := simchain.Keys(t, 1+donors+nGaps) // owner, donors, recipients
	keyfile := simchain.WriteKeyfile(t, keys[0], "dev password")
	url := simchain.StartGeth(t, keyfile, "dev password")
	eth, err := ethclient.Dial(url)
	require.NoError(t, err)
	defer eth.Close()
	ctx := context.Background()
	addr := func(i int) common.Address { return crypto.PubkeyToAddress(keys[i].PublicKey) }
	for i := 1; i < len(keys); i++ {
		simchain.SendEther(t, eth, keys[0], addr(i))
		t.Setenv(fmt.Sprintf("GETH_KEY%d", i), fmt.Sprintf("%x", crypto.FromECDSA(keys[i])))
	}
	pwfile := filepath.Join(t.TempDir(), "pw")
	require.NoError(t, os.WriteFile(pwfile, []byte("dev password\n"), 0o600))
	ownerArgs := []string{"--rpc", url, "--keystore", keyfile, "--password-file", pwfile}
	as := func(i int) []string { return []string{"--rpc", url, "--key-env", fmt.Sprintf("GETH_KEY%d", i)} }
	q := cli{t: t, db: filepath.Join(t.TempDir(), "qf.db")}

	var token, round struct {
		Address       common.Address
		End           uint64
		ClaimDeadline uint64
	}
	q.json(&token, append([]string{"chain", "deploy-token"}, ownerArgs...)...)
	head, err := eth.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	const pool = "5000000000000000000"
	q.json(&round, append([]string{"chain", "deploy-round", "--token", token.Address.Hex(), "--pool", pool,
		"--start", fmt.Sprint(head.Time), "--duration", "60s", "--window", "5s", "--claim-period", "1h"}, ownerArgs...)...)
	contract := round.Address.Hex()
	q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", contract, "--amount", pool}, ownerArgs...)...)
	for g := 1; g <= nGaps; g++ {
		q.run(append([]string{"chain", "register-gap", "--contract", contract, "--gap", fmt.Sprint(g), "--recipient", addr(donors + g).Hex()}, ownerArgs...)...)
	}
	for d := 1; d <= donors; d++ {
		q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", addr(d).Hex(), "--amount", "1000000000000000000"}, ownerArgs...)...)
		for g := 1; g <= nGaps; g++ {
			q.run(append([]string{"chain", "donate", "--contract", contract, "--gap", fmt.Sprint(g), "--amount", fmt.Sprint(d * g * 1e15)}, as(d)...)...)
		}
	}
	q.run("round", "create", "--pool", pool)

	// geth --dev seals a block per transaction, each at least a second
	// after its parent: transactions move its clock past the round's end.
	passed := func(at uint64) {
		for {
			head, err := eth.HeaderByNumber(ctx, nil)
			require.NoError(t, err)
			if head.Time > at {
				return
			}
			simchain.SendEther(t, eth, keys[0], addr(1))
		}
	}
	var imp struct {
		Added   int
		SafeBy  string
		PastEnd bool
	}
	q.json(&imp, "import", "chain", "--round", "1", "--rpc", url, "--contract", contract)
	require.Equal(t, "finalized", imp.SafeBy, "geth --dev has a finalized block")
	require.False(t, imp.PastEnd)
	require.Contains(t, q.fail("match", "--round", "1"), "the on-chain import has not read past the round's end")
	// geth --dev finalizes every 32nd block: move the finalized block past the end.
	for {
		fin, err := eth.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
		require.NoError(t, err)
		if fin.Time > round.End {
			break
		}
		simchain.SendEther(t, eth, keys[0], addr(1))
	}
	q.json(&imp, "import", "chain", "--round", "1", "--rpc", url, "--contract", contract)
	require.True(t, imp.PastEnd, "the finalized block is past the end")
	q.run("match", "--round", "1")

	var sub struct {
		Tx      common.Hash
		FinalAt uint64
	}
	q.json(&sub, append([]string{"submit", "--round", "1"}, ownerArgs...)...)
	rc, err := eth.TransactionReceipt(ctx, sub.Tx)
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, rc.Status)
	require.Equal(t, uint8(types.DynamicFeeTxType), rc.Type)

	require.Contains(t, q.fail(append([]string{"claim", "--round", "1", "--gap", "1", "--contract", contract}, as(donors+1)...)...), "challenge window is still open")
	passed(sub.FinalAt)

	tok := chain.NewToken(eth, token.Address)
	paid := new(big.Int)
	for g := 1; g <= nGaps; g++ {
		file := filepath.Join(t.TempDir(), "proof.json")
		q.run("proof", "--round", "1", "--gap", fmt.Sprint(g), "--out", file)
		q.run(append([]string{"claim", "--proof", file, "--contract", contract}, as(donors+g)...)...)
		got, err := tok.Balance(ctx, addr(donors+g))
		require.NoError(t, err)
		donated := big.NewInt(int64(g * 1e15 * donors * (donors + 1) / 2))
		paid.Add(paid, new(big.Int).Sub(got, donated))
	}
	want, _ := new(big.Int).SetString(pool, 10)
	require.Equal(t, want, paid, "the recipients hold their donations and the whole pool")
	left, err := tok.Balance(ctx, round.Address)
	require.NoError(t, err)
	require.Zero(t, left.Sign())
}

// TestGethDevStuckReplaced: on a real geth --dev, a transaction stuck in
// the pool is replaced with --replace and nothing executes twice.
func TestGethDevStuckReplaced(t *testing.T) {
	keys := simchain.Keys(t, 1)
	keyfile := simchain.WriteKeyfile(t, keys[0], "dev password")
	url := simchain.StartGeth(t, keyfile, "dev password")
	t.Setenv("GETH_KEY0", fmt.Sprintf("%x", crypto.FromECDSA(keys[0])))
	q := cli{t: t, db: filepath.Join(t.TempDir(), "qf.db")}
	stuckReplaced(t, q, url, keys[0], []string{"--rpc", url, "--key-env", "GETH_KEY0"})
}
