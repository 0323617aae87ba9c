package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/chain"
)

// TestOnChainCQFRound is a coordinated-QF round through the command line
// against a node over JSON-RPC running the real CQFRound bytecode:
// pledgers escrow their limits with `qf chain pledge`, `qf import chain`
// stores the PledgeMade events in join order, `qf match` solves the round,
// `qf submit` posts the root with setPayoutRoot, and every leaf (each
// recipient's Σ pay, each pledger's refund) is claimed with `qf claim`.
// Each account receives exactly its leaf and the contract ends at 0.
func TestOnChainCQFRound(t *testing.T) {
	const owner, pledgers, nGaps = 0, 4, 2
	sim, q, as := onChain(t, 1+pledgers+nGaps)
	ctx := context.Background()
	recipient := func(g int) common.Address { return sim.Addr(pledgers + g) }

	var token, rd struct{ Address common.Address }
	q.json(&token, append([]string{"chain", "deploy-token"}, as(owner)...)...)
	head, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Contains(t, q.fail(append([]string{"chain", "deploy-round", "--cqf", "--pool", "5", "--token", token.Address.Hex()}, as(owner)...)...), "a CQFRound has no matching pool")
	q.json(&rd, append([]string{"chain", "deploy-round", "--cqf", "--token", token.Address.Hex(),
		"--start", fmt.Sprint(head.Time), "--duration", "1h", "--window", "10m"}, as(owner)...)...)
	contract := rd.Address.Hex()
	for g := 1; g <= nGaps; g++ {
		q.run(append([]string{"chain", "register-gap", "--contract", contract, "--gap", fmt.Sprint(g), "--recipient", recipient(g).Hex()}, as(owner)...)...)
	}

	escrow := new(big.Int)
	eth := big.NewInt(1e18)
	for p := 1; p <= pledgers; p++ {
		q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", sim.Addr(p).Hex(), "--amount", "100000000000000000000"}, as(owner)...)...)
		for g := 1; g <= nGaps; g++ {
			if p%2 == 0 && g == 2 {
				continue
			}
			limit := new(big.Int).Mul(big.NewInt(int64(p*g+3)), eth)
			out := q.run(append([]string{"chain", "pledge", "--contract", contract, "--gap", fmt.Sprint(g), "--amount", limit.String()}, as(p)...)...)
			require.Contains(t, out, "pledged "+limit.String())
			escrow.Add(escrow, limit)
		}
	}
	tok := chain.NewToken(sim.Client(), token.Address)
	held, err := tok.Balance(ctx, rd.Address)
	require.NoError(t, err)
	require.Equal(t, escrow, held, "the contract escrows every limit")

	q.run("round", "create", "--mechanism", "cqf", "--param", "sigma=1e-10", "--param", "decay=0.5")
	importArgs := []string{"import", "chain", "--round", "1", "--rpc", sim.URL, "--confirmations", "0"}
	q.run("round", "create", "--pool", "1")
	require.Contains(t, q.fail(append(importArgs[:3:3], "2", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0")...), "not a QFRound")
	out := q.run(append(importArgs, "--contract", contract)...)
	require.Contains(t, out, "6 PledgeMade events, stored 6")
	require.Contains(t, out, "2 gaps registered")
	require.Contains(t, q.fail("match", "--round", "1"), "the on-chain import has not read past the round's end")
	sim.Warp(2 * time.Hour)
	out = q.run(append(importArgs, "--contract", contract)...)
	require.Contains(t, out, "past the round's end: every donation is stored")

	var matched struct {
		Root   common.Hash
		Leaves string
	}
	q.json(&matched, "match", "--round", "1")
	require.Equal(t, escrow.String(), matched.Leaves, "Σ leaves = Σ escrowed limits")
	submit := append([]string{"submit", "--round", "1"}, as(owner)...)
	q.run(submit...)
	rnd, err := chain.Open(ctx, sim.Client(), rd.Address, chain.KindCQF)
	require.NoError(t, err)
	onChain, err := rnd.Root(ctx)
	require.NoError(t, err)
	require.Equal(t, matched.Root, onChain)

	require.Contains(t, q.fail(append([]string{"claim", "--round", "1", "--gap", "1", "--contract", contract}, as(1)...)...), "the root's challenge window is still open")
	sim.Warp(10 * time.Minute)

	// Every leaf of the stored tree is claimed, each by its own account.
	var tree struct {
		Values []struct{ Value []string }
	}
	require.NoError(t, json.Unmarshal([]byte(q.run("tree", "--round", "1")), &tree))
	require.Len(t, tree.Values, nGaps+6, "one leaf per recipient, one refund per pledge (all partly paid)")
	paid := new(big.Int)
	for _, v := range tree.Values {
		gap, account := v.Value[0], common.HexToAddress(v.Value[1])
		amount, _ := new(big.Int).SetString(v.Value[2], 10)
		who := -1
		for i := range sim.Keys {
			if sim.Addr(i) == account {
				who = i
			}
		}
		require.NotEqual(t, -1, who)
		args := []string{"claim", "--round", "1", "--gap", gap, "--contract", contract}
		if who <= pledgers {
			args = append(args, "--account", account.Hex())
		}
		before, err := tok.Balance(ctx, account)
		require.NoError(t, err)
		q.run(append(args, as(who)...)...)
		after, err := tok.Balance(ctx, account)
		require.NoError(t, err)
		require.Equal(t, amount, new(big.Int).Sub(after, before), "gap %s, %s receives its leaf", gap, account.Hex())
		require.Contains(t, q.fail(append(args, as(who)...)...), "already claimed")
		paid.Add(paid, amount)
	}
	require.Equal(t, escrow, paid)
	left, err := tok.Balance(ctx, rd.Address)
	require.NoError(t, err)
	require.Zero(t, left.Sign(), "the contract ends holding exactly 0")
}
