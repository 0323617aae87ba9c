package app_test

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/internal/simchain"
)

// alloStrategy is a deployed AlloAllocations (the Allo v2 strategy's
// Allocated events, exact signatures) on the simulated chain.
type alloStrategy struct {
	t     *testing.T
	sim   *simchain.Chain
	abi   *contracts.AlloAllocations
	bound *bind.BoundContract
	addr  common.Address
	block uint64 // deploy block
}

func deployAllo(t *testing.T, sim *simchain.Chain, end uint64) *alloStrategy {
	ctx := context.Background()
	id, err := sim.Client().ChainID(ctx)
	require.NoError(t, err)
	a := contracts.NewAlloAllocations()
	addr, tx, err := bind.DeployContract(bind.NewKeyedTransactor(sim.Keys[0], id), common.FromHex(contracts.AlloAllocationsMetaData.Bin), sim.Client(), a.PackConstructor(end))
	require.NoError(t, err)
	_, err = bind.WaitDeployed(ctx, sim.Client(), tx.Hash())
	require.NoError(t, err)
	r, err := sim.Client().TransactionReceipt(ctx, tx.Hash())
	require.NoError(t, err)
	return &alloStrategy{t: t, sim: sim, abi: a, bound: a.Instance(sim.Client(), addr), addr: addr, block: r.BlockNumber.Uint64()}
}

// send signs data to the strategy as key i and waits for it.
func (a *alloStrategy) send(i int, data []byte) {
	ctx := context.Background()
	id, err := a.sim.Client().ChainID(ctx)
	require.NoError(a.t, err)
	tx, err := bind.Transact(a.bound, bind.NewKeyedTransactor(a.sim.Keys[i], id), data)
	require.NoError(a.t, err)
	r, err := bind.WaitMined(ctx, a.sim.Client(), tx.Hash())
	require.NoError(a.t, err)
	require.Equal(a.t, types.ReceiptStatusSuccessful, r.Status)
}

// TestImportChainAllo: qf import chain --source allo reads an Allo v2
// strategy's Allocated events (both signatures: sender as donor, or origin
// when the event has it) into a round, maps each recipientId to its gap,
// skips other tokens and zero amounts, waits for allocationEndTime, and
// the round closes to the same root qf calc computes from the same
// donations in files.
func TestImportChainAllo(t *testing.T) {
	sim, q, _ := onChain(t, 6)
	ctx := context.Background()
	sim.Commit() // a block at the chain's clock (genesis is at time 0)
	head, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	strat := deployAllo(t, sim, head.Time+3600)
	usdc := common.HexToAddress("0x00000000000000000000000000000000000000C0")
	junk := common.HexToAddress("0x00000000000000000000000000000000000000EE")
	anchor1, anchor3 := common.HexToAddress("0x00000000000000000000000000000000000000A1"), common.HexToAddress("0x00000000000000000000000000000000000000A3")
	donor8, donor9 := common.HexToAddress("0x00000000000000000000000000000000000000d8"), common.HexToAddress("0x00000000000000000000000000000000000000d9")

	gaps := "gap,recipient,recipient_id\n" +
		"1," + sim.Addr(1).Hex() + "," + anchor1.Hex() + "\n" +
		"2," + sim.Addr(2).Hex() + ",\n" + // no recipientId: Allo knows it by its payout address
		"3," + sim.Addr(3).Hex() + "," + anchor3.Hex() + "\n"
	dir := t.TempDir()
	gapsFile := filepath.Join(dir, "gaps.csv")
	require.NoError(t, os.WriteFile(gapsFile, []byte(gaps), 0o644))
	q.run("import", "gaps", gapsFile)
	q.run("round", "create", "--pool", "10000", "--leaf", "allo")

	n := big.NewInt
	strat.send(3, strat.abi.PackAllocate(anchor1, n(400), usdc))
	strat.send(4, strat.abi.PackAllocate(anchor1, n(100), usdc))
	strat.send(3, strat.abi.PackAllocate(sim.Addr(2), n(900), usdc))
	strat.send(4, strat.abi.PackAllocate(sim.Addr(2), n(100), usdc))
	strat.send(5, strat.abi.PackAllocateWithOrigin(anchor3, n(100), usdc, donor9)) // key 5 is a checkout contract: the donor is origin
	strat.send(5, strat.abi.PackAllocateWithOrigin(anchor3, n(25), usdc, donor8))
	strat.send(4, strat.abi.PackAllocate(anchor3, n(16), usdc))
	strat.send(4, strat.abi.PackAllocate(anchor3, new(big.Int).Lsh(n(1), 200), junk)) // a worthless token: not counted
	strat.send(3, strat.abi.PackAllocate(anchor1, n(0), usdc))                        // nothing given: not stored

	args := []string{"import", "chain", "--source", "allo", "--round", "1", "--rpc", sim.URL, "--contract", strat.addr.Hex(), "--token", usdc.Hex(), "--confirmations", "0"}
	var rep struct {
		From, Logs, Added, Duplicates, ZeroAmount int
		FromBlock                                 uint64
		OtherTokens                               map[string]int
		PastEnd                                   bool
		AllocationEndTime, ReadThrough            uint64
	}
	// Nothing to read yet (importRange): why, and the first import after still starts at the deploy block.
	require.Regexp(t, `round 1: nothing to import: the chain has \d+ blocks, fewer than --confirmations 1000000`,
		q.run(append(args[:len(args)-2:len(args)-2], "--confirmations", "1000000")...))
	require.Regexp(t, fmt.Sprintf(`round 1: nothing to import: blocks below %d are stored; the newest safe block \(confirmations\) is \d+`, strat.block),
		q.run(append(args[:len(args):len(args)], "--to-block", fmt.Sprint(strat.block-1))...))
	q.json(&rep, args...)
	require.Equal(t, strat.block, rep.FromBlock, "the first import starts at the strategy's deploy block, found on chain")
	require.Equal(t, 9, rep.Logs)
	require.Equal(t, 7, rep.Added)
	require.Equal(t, 1, rep.ZeroAmount)
	require.Equal(t, map[string]int{junk.Hex(): 1}, rep.OtherTokens)
	require.False(t, rep.PastEnd, "%+v", rep)
	require.Regexp(t, `^qf: round 1: the on-chain import has not read past the round's end: it ends at \d+`, q.fail("match", "--round", "1"))

	sim.Warp(2 * time.Hour)
	out := q.run(args...)
	require.Contains(t, out, "stored 0, skipped 0 already stored")
	require.Contains(t, out, "past allocationEndTime: every allocation is stored")
	require.Contains(t, q.run(append(args[:len(args):len(args)], "--from-block", fmt.Sprint(strat.block))...), "stored 0, skipped 7 already stored",
		"rereading the same blocks stores nothing twice")

	var closed struct{ Root string }
	q.json(&closed, "match", "--round", "1")

	// The same donations as files give the same root.
	lc := func(a common.Address) string { return strings.ToLower(a.Hex()) }
	csv := "donor,gap,amount\n" +
		lc(sim.Addr(3)) + ",1,400\n" + lc(sim.Addr(4)) + ",1,100\n" +
		lc(sim.Addr(3)) + ",2,900\n" + lc(sim.Addr(4)) + ",2,100\n" +
		lc(donor9) + ",3,100\n" + lc(donor8) + ",3,25\n" + lc(sim.Addr(4)) + ",3,16\n"
	cFile := filepath.Join(dir, "c.csv")
	require.NoError(t, os.WriteFile(cFile, []byte(csv), 0o644))
	var calc struct{ Root string }
	q.json(&calc, "calc", "-c", cFile, "-g", gapsFile, "--pool", "10000", "--leaf", "allo")
	require.Equal(t, calc.Root, closed.Root)
	require.NotEqual(t, "0x0000000000000000000000000000000000000000000000000000000000000000", closed.Root)
}

// TestImportChainAlloRefusals: the exact errors, and nothing stored from
// a window that holds a refused event.
func TestImportChainAlloRefusals(t *testing.T) {
	sim, q, _ := onChain(t, 4)
	ctx := context.Background()
	sim.Commit() // a block at the chain's clock (genesis is at time 0)
	head, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	strat := deployAllo(t, sim, head.Time+3600)
	usdc := common.HexToAddress("0x00000000000000000000000000000000000000C0")
	anchor := common.HexToAddress("0x00000000000000000000000000000000000000A1")
	stray := common.HexToAddress("0x00000000000000000000000000000000000000A9")
	q.run("gap", "add", "--gap", "1", "--recipient", sim.Addr(1).Hex(), "--recipient-id", anchor.Hex())
	q.run("gap", "add", "--gap", "2", "--recipient", sim.Addr(2).Hex(), "--recipient-id", stray.Hex())
	q.run("gap", "add", "--gap", "3", "--recipient", stray.Hex())
	q.run("round", "create", "--pool", "1000", "--leaf", "allo")
	q.run("round", "create", "--pool", "1000")
	strat.send(2, strat.abi.PackAllocate(anchor, big.NewInt(5), usdc))
	base := []string{"import", "chain", "--source", "allo", "--rpc", sim.URL, "--confirmations", "0"}
	with := func(extra ...string) []string { return append(append([]string{}, base...), extra...) }

	for _, tc := range []struct {
		name, want string
		args       []string
	}{
		{"no token", `^qf: usage: --source allo needs --token ADDRESS: the token the round counts \(allocations in any other token are skipped\)\n$`,
			with("--round", "1", "--contract", strat.addr.Hex())},
		{"standard leaves", `^qf: usage: round 2 has standard leaves: an Allo pool pays through its strategy's distribute, which takes Allo leaves \(create the round with --leaf allo\)\n$`,
			with("--round", "2", "--contract", strat.addr.Hex(), "--token", usdc.Hex())},
		{"not a contract", `^qf: ` + sim.Addr(1).Hex() + `: no contract code at this address\n$`,
			with("--round", "1", "--contract", sim.Addr(1).Hex(), "--token", usdc.Hex())},
		{"bad source", `^qf: usage: --source "alo": want qfround or allo\n$`,
			[]string{"import", "chain", "--source", "alo", "--round", "1"}},
		{"token without allo", `^qf: usage: --token is only read with --source allo\n$`,
			[]string{"import", "chain", "--round", "1", "--token", usdc.Hex()}},
	} {
		t.Run(tc.name, func(t *testing.T) { require.Regexp(t, tc.want, q.fail(tc.args...)) })
	}

	// recipientId 0xA9 is gap 2's recipientId and gap 3's payout address:
	// ambiguous, refused, and the window's other allocation not stored.
	strat.send(2, strat.abi.PackAllocate(stray, big.NewInt(7), usdc))
	args := with("--round", "1", "--contract", strat.addr.Hex(), "--token", usdc.Hex())
	require.Regexp(t, `^qf: block \d+ tx 0x[0-9a-f]{64} log 0: Allocated: no single gap has this Allo recipientId: recipientId `+stray.Hex()+
		` belongs to gaps 2, 3 \(give each gap its own with qf gap set --recipient-id\) \(blocks below `+fmt.Sprint(strat.block)+` are stored: rerun to continue\)\n$`, q.fail(args...))
	var shown struct{ Contributions int }
	q.json(&shown, "round", "show", "--round", "1")
	require.Zero(t, shown.Contributions)

	q.run("gap", "set", "--gap", "3", "--recipient", sim.Addr(3).Hex())
	other := common.HexToAddress("0x00000000000000000000000000000000000000B7")
	strat.send(2, strat.abi.PackAllocate(other, big.NewInt(9), usdc))
	require.Regexp(t, `^qf: block \d+ tx 0x[0-9a-f]{64} log 0: Allocated: no single gap has this Allo recipientId: recipientId `+other.Hex()+
		` \(register it: qf gap add --gap G --recipient PAYOUT --recipient-id `+other.Hex()+`\) \(blocks below \d+ are stored: rerun to continue\)\n$`, q.fail(args...))
	q.run("gap", "add", "--gap", "7", "--recipient", sim.Addr(3).Hex(), "--recipient-id", other.Hex())
	require.Contains(t, q.run(args...), "3 Allocated events, stored 3")
}
