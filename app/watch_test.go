package app_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// TestWatchFlagsWrongRoot: the owner posts a root computed with another
// mechanism than the round's; qf watch, recomputing from the chain's own
// events, flags it inside the challenge window (exit 1, the differing
// leaves named with the published tree), and agrees once the owner
// replaces it with the right root.
func TestWatchFlagsWrongRoot(t *testing.T) {
	const owner = 0
	sim, q, as := onChain(t, 6)
	var token, round struct{ Address common.Address }
	q.json(&token, append([]string{"chain", "deploy-token"}, as(owner)...)...)
	q.json(&round, append([]string{"chain", "deploy-round", "--token", token.Address.Hex(), "--pool", "1000000", "--duration", "1h", "--window", "10m"}, as(owner)...)...)
	contract := round.Address.Hex()
	watch := []string{"watch", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0", "--once"}
	require.Contains(t, q.run(watch...), "no root posted yet")

	q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", contract, "--amount", "1000000"}, as(owner)...)...)
	for g := 1; g <= 2; g++ {
		q.run(append([]string{"chain", "register-gap", "--contract", contract, "--gap", fmt.Sprint(g), "--recipient", sim.Addr(3 + g).Hex()}, as(owner)...)...)
	}
	for d := 1; d <= 3; d++ {
		q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", sim.Addr(d).Hex(), "--amount", "100000"}, as(owner)...)...)
		q.run(append([]string{"chain", "donate", "--contract", contract, "--gap", "1", "--amount", fmt.Sprint(100 * d * d)}, as(d)...)...)
	}
	q.run(append([]string{"chain", "donate", "--contract", contract, "--gap", "2", "--amount", "5000"}, as(1)...)...)
	q.run(append([]string{"chain", "donate", "--contract", contract, "--gap", "2", "--amount", "1"}, as(2)...)...)
	sim.Warp(2 * time.Hour)

	// The operator closes the round with the wrong mechanism and posts it.
	importArgs := func(r int) []string {
		return []string{"import", "chain", "--round", fmt.Sprint(r), "--rpc", sim.URL, "--contract", contract, "--confirmations", "0"}
	}
	q.run("round", "create", "--pool", "1000000", "--mechanism", "linear")
	q.run(importArgs(1)...)
	q.run("match", "--round", "1")
	q.run(append([]string{"submit", "--round", "1"}, as(owner)...)...)
	treeFile := filepath.Join(t.TempDir(), "tree.json")
	require.NoError(t, os.WriteFile(treeFile, []byte(q.run("tree", "--round", "1")), 0o600))

	out, errOut, code := q.try(watch...)
	require.Equal(t, 1, code, out)
	require.Contains(t, out, "MISMATCH")
	require.Contains(t, out, "inside its challenge window until")
	require.Contains(t, errOut, "verification failed: the root "+contract+" holds")
	out, _, code = q.try(append(watch, "--tree", treeFile)...)
	require.Equal(t, 1, code)
	require.Contains(t, out, "  gap 1 "+sim.Addr(4).Hex()+": expected ")
	require.Contains(t, out, "  gap 2 "+sim.Addr(5).Hex()+": expected ")
	out, _, code = q.try(append(watch, "--tree", treeFile, "--json")...)
	require.Equal(t, 1, code)
	var checks []struct {
		NewRoot, Expected common.Hash
		Agree, Final      bool
		DifferingLeaves   []struct{ Gap, Account, Expected, Posted string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &checks), out)
	require.Len(t, checks, 1)
	require.False(t, checks[0].Agree)
	require.False(t, checks[0].Final)
	require.Len(t, checks[0].DifferingLeaves, 2)
	require.NotEqual(t, checks[0].DifferingLeaves[0].Expected, checks[0].DifferingLeaves[0].Posted)

	// The right round (qf, the contract's pool) replaces it inside the window.
	q.run("round", "create", "--pool", "1000000")
	q.run(importArgs(2)...)
	var right struct{ Root common.Hash }
	q.json(&right, "match", "--round", "2")
	require.Contains(t, q.fail(append([]string{"submit", "--round", "2"}, as(owner)...)...), "pass --replace-root")
	q.run(append([]string{"submit", "--round", "2", "--replace-root"}, as(owner)...)...)
	q.json(&checks, append(watch, "--json")...)
	require.Len(t, checks, 2)
	require.False(t, checks[0].Agree, "the replaced root stays flagged")
	require.True(t, checks[1].Agree, "the latest root agrees")
	require.Equal(t, right.Root, checks[1].NewRoot)
	require.Equal(t, right.Root, checks[1].Expected)
	sim.Warp(11 * time.Minute)
	require.Contains(t, q.run(watch...), "agrees with the round recomputed from the chain (final since")
}
