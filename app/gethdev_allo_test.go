package app_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/internal/simchain"
)

// TestGethDevAllo: qf import chain --source allo against a real geth --dev
// over HTTP JSON-RPC: the strategy's deploy block found by bisecting
// eth_getCode, the node's finalized tag, both Allocated signatures, and
// the closed round's root equal to qf calc's from the same donations.
// The stand-in strategy's allocationEndTime is already past, so no clock
// needs to move.
func TestGethDevAllo(t *testing.T) {
	keys := simchain.Keys(t, 3) // the dev account, two donors
	keyfile := simchain.WriteKeyfile(t, keys[0], "dev password")
	url := simchain.StartGeth(t, keyfile, "dev password")
	eth, err := ethclient.Dial(url)
	require.NoError(t, err)
	defer eth.Close()
	ctx := context.Background()
	addr := func(i int) common.Address { return crypto.PubkeyToAddress(keys[i].PublicKey) }
	for i := 1; i < len(keys); i++ {
		simchain.SendEther(t, eth, keys[0], addr(i))
	}
	id, err := eth.ChainID(ctx)
	require.NoError(t, err)
	head, err := eth.HeaderByNumber(ctx, nil)
	require.NoError(t, err)

	a := contracts.NewAlloAllocations()
	at, tx, err := bind.DeployContract(bind.NewKeyedTransactor(keys[0], id), common.FromHex(contracts.AlloAllocationsMetaData.Bin), eth, a.PackConstructor(head.Time-1))
	require.NoError(t, err)
	_, err = bind.WaitDeployed(ctx, eth, tx.Hash())
	require.NoError(t, err)
	deployed, err := eth.TransactionReceipt(ctx, tx.Hash())
	require.NoError(t, err)
	bound := a.Instance(eth, at)
	send := func(i int, data []byte) {
		tx, err := bind.Transact(bound, bind.NewKeyedTransactor(keys[i], id), data)
		require.NoError(t, err)
		r, err := bind.WaitMined(ctx, eth, tx.Hash())
		require.NoError(t, err)
		require.Equal(t, types.ReceiptStatusSuccessful, r.Status)
	}
	usdc := common.HexToAddress("0x00000000000000000000000000000000000000C0")
	anchor := common.HexToAddress("0x00000000000000000000000000000000000000A1")
	origin := common.HexToAddress("0x00000000000000000000000000000000000000D9")
	send(1, a.PackAllocate(anchor, big.NewInt(900), usdc))
	send(2, a.PackAllocate(anchor, big.NewInt(100), usdc))
	send(2, a.PackAllocate(addr(2), big.NewInt(400), usdc))
	send(1, a.PackAllocateWithOrigin(addr(2), big.NewInt(100), usdc, origin))

	dir := t.TempDir()
	gaps := filepath.Join(dir, "gaps.csv")
	require.NoError(t, os.WriteFile(gaps, []byte("gap,recipient,recipient_id\n1,0x0000000000000000000000000000000000000b01,"+anchor.Hex()+"\n2,"+addr(2).Hex()+",\n"), 0o644))
	q := cli{t: t, db: filepath.Join(dir, "qf.db")}
	q.run("import", "gaps", gaps)
	q.run("round", "create", "--pool", "10000", "--leaf", "allo")
	var imp struct {
		SafeBy           string
		FromBlock, Added int
		PastEnd          bool
	}
	q.json(&imp, "import", "chain", "--source", "allo", "--round", "1", "--rpc", url, "--contract", at.Hex(), "--token", usdc.Hex())
	require.Equal(t, "finalized", imp.SafeBy)
	require.Equal(t, int(deployed.BlockNumber.Int64()), imp.FromBlock)
	if imp.Added < 4 { // the newest blocks may not be finalized yet: a second import reads them
		simchain.SendEther(t, eth, keys[0], addr(1))
		q.json(&imp, "import", "chain", "--source", "allo", "--round", "1", "--rpc", url, "--contract", at.Hex(), "--token", usdc.Hex(), "--confirmations", "0")
	}
	require.True(t, imp.PastEnd)
	var closed, calc struct{ Root string }
	q.json(&closed, "match", "--round", "1")

	lc := func(a common.Address) string { return strings.ToLower(a.Hex()) }
	cFile := filepath.Join(dir, "c.csv")
	require.NoError(t, os.WriteFile(cFile, []byte("donor,gap,amount\n"+lc(addr(1))+",1,900\n"+lc(addr(2))+",1,100\n"+lc(addr(2))+",2,400\n"+lc(origin)+",2,100\n"), 0o644))
	q.json(&calc, "calc", "-c", cFile, "-g", gaps, "--pool", "10000", "--leaf", "allo")
	require.Equal(t, calc.Root, closed.Root)
}
