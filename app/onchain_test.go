package app_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/app"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/internal/simchain"
)

// cli runs qf in-process against one database.
type cli struct {
	t  *testing.T
	db string
}

// run returns stdout, or fails the test with stderr.
func (c cli) run(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.try(args...)
	require.Zero(c.t, code, "qf %s: %s", strings.Join(args, " "), errOut)
	return out
}

// fail runs a command that must fail and returns its one-line error.
func (c cli) fail(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.try(args...)
	require.Equal(c.t, 1, code, "qf %s should fail; printed %s", strings.Join(args, " "), out)
	require.Equal(c.t, 1, strings.Count(errOut, "\n"), "one line: %q", errOut)
	return errOut
}

func (c cli) try(args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	code := app.Main(append([]string{"qf", "--db", c.db}, args...), &out, &errOut)
	return out.String(), errOut.String(), code
}

func (c cli) json(v any, args ...string) {
	c.t.Helper()
	out := c.run(append(args, "--json")...)
	require.NoError(c.t, json.Unmarshal([]byte(out), v), out)
}

// onChain starts go-ethereum's simulated chain with the given number of
// funded accounts, served over JSON-RPC, and a qf command line on a fresh
// store; each account's key is in KEY<i>, and as(i) is the flags that make
// a command sign as account i.
func onChain(t *testing.T, accounts int) (*simchain.Chain, cli, func(i int) []string) {
	sim := simchain.New(t, simchain.Options{Accounts: accounts, HTTP: true})
	for i := range sim.Keys {
		t.Setenv(fmt.Sprintf("KEY%d", i), fmt.Sprintf("%x", crypto.FromECDSA(sim.Keys[i])))
	}
	as := func(i int) []string { return []string{"--rpc", sim.URL, "--key-env", fmt.Sprintf("KEY%d", i)} }
	return sim, cli{t: t, db: filepath.Join(t.TempDir(), "qf.db")}, as
}

// TestOnChainRound is the operator's and claimants' whole flow through the
// qf command line against a node over JSON-RPC (go-ethereum's simulated
// chain running the real bytecode): deploy, register gaps, donate, import
// chain, match, submit, the challenge window, proof, claim, sweep, and the
// refusals along the way.
func TestOnChainRound(t *testing.T) {
	const owner, donors, nGaps = 0, 6, 4
	sim, q, as := onChain(t, 1+donors+nGaps+1)
	ctx := context.Background()
	recipient := func(g int) common.Address { return sim.Addr(donors + g) } // gaps 1..nGaps
	sweepTo := sim.Addr(donors + nGaps + 1)

	// Deploy a token and a round (pool 10^21) on the test chain.
	var token, round struct{ Address common.Address }
	q.json(&token, append([]string{"chain", "deploy-token"}, as(owner)...)...)
	head, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	const pool = "1000000000000000000000"
	require.Contains(t, q.fail(append([]string{"chain", "deploy-round", "--token", token.Address.Hex(), "--pool", pool, "--window", "0s"}, as(owner)...)...),
		"--window must be at least 1s")
	q.json(&round, append([]string{"chain", "deploy-round", "--token", token.Address.Hex(), "--pool", pool,
		"--start", fmt.Sprint(head.Time), "--duration", "1h", "--window", "10m", "--claim-period", "24h", "--sweep-to", sweepTo.Hex()}, as(owner)...)...)
	contract := round.Address.Hex()
	q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", contract, "--amount", pool}, as(owner)...)...)

	// The owner registers gaps 1..3 on the contract; gap 4 comes later.
	register := func(g int) []string {
		return append([]string{"chain", "register-gap", "--contract", contract, "--gap", fmt.Sprint(g), "--recipient", recipient(g).Hex()}, as(owner)...)
	}
	for g := 1; g < nGaps; g++ {
		require.Contains(t, q.run(register(g)...), fmt.Sprintf("gap %d registered to %s", g, recipient(g).Hex()))
	}
	require.Contains(t, q.run(register(1)...), "nothing sent")
	require.Contains(t, q.fail(append([]string{"chain", "register-gap", "--contract", contract, "--gap", "1", "--recipient", sim.Addr(1).Hex()}, as(owner)...)...),
		"gap already registered on the contract: gap 1 pays "+recipient(1).Hex())
	require.Contains(t, q.fail(append([]string{"chain", "register-gap", "--contract", contract, "--gap", "9", "--recipient", sim.Addr(1).Hex()}, as(1)...)...),
		"signer is not the contract owner")

	// Donors give; each donation lands in the recipient's balance at once.
	tok := chain.NewToken(sim.Client(), token.Address)
	donated := map[int]*big.Int{}
	gifts := 0
	for d := 1; d <= donors; d++ {
		q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", sim.Addr(d).Hex(), "--amount", "1000000000000000000000"}, as(owner)...)...)
		for g := 1; g < nGaps; g++ {
			if (d+g)%3 == 0 || (g == 1 && d < 5) {
				amount := big.NewInt(int64(d*g) * 1e15)
				q.run(append([]string{"chain", "donate", "--contract", contract, "--gap", fmt.Sprint(g), "--amount", amount.String()}, as(d)...)...)
				if donated[g] == nil {
					donated[g] = new(big.Int)
				}
				donated[g].Add(donated[g], amount)
				gifts++
			}
		}
	}
	donate4 := append([]string{"chain", "donate", "--contract", contract, "--gap", "4", "--amount", "6000000000000000"}, as(6)...)
	require.Contains(t, q.fail(donate4...), "gap 4: gap not registered on the contract")
	q.run(register(4)...)
	q.run(donate4...)
	q.run(append([]string{"chain", "donate", "--contract", contract, "--gap", "4", "--amount", "2000000000000000"}, as(2)...)...)
	donated[4] = big.NewInt(8e15)
	gifts += 2
	for g := 1; g <= nGaps; g++ {
		got, err := tok.Balance(ctx, recipient(g))
		require.NoError(t, err)
		require.Equal(t, donated[g], got, "gap %d's recipient holds its donations", g)
	}
	held, err := tok.Balance(ctx, round.Address)
	require.NoError(t, err)
	require.Equal(t, pool, held.String(), "the contract holds only the pool")

	q.run("round", "create", "--pool", pool)
	importArgs := []string{"import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0"}
	// A first import reads up to a block in the middle, from the deploy block.
	var imp struct {
		From                    uint64 `json:"fromBlock"`
		To                      uint64 `json:"toBlock"`
		NextBlock               uint64
		Logs, Added, Duplicates int
		Gaps                    int `json:"gapsRegistered"`
		PastEnd                 bool
	}
	q.json(&imp, append(importArgs, "--max-range", "3", "--to-block", "12")...)
	require.Equal(t, uint64(2), imp.From, "the first import starts at the deploy block (token in 1, round in 2)")
	stoppedAt := imp.NextBlock
	require.Equal(t, uint64(13), stoppedAt)
	first := imp.Added
	q.json(&imp, append(importArgs, "--max-range", "3")...)
	require.Equal(t, stoppedAt, imp.From, "picks up where it stopped")
	require.Equal(t, gifts, first+imp.Added)
	require.Zero(t, imp.Duplicates)
	require.False(t, imp.PastEnd)
	var gaps []struct{ Gap, Recipient string }
	q.json(&gaps, "gap", "list")
	require.Len(t, gaps, nGaps, "the contract's registry is imported")
	for i, g := range gaps {
		require.Equal(t, recipient(i+1).Hex(), g.Recipient)
	}
	q.json(&imp, importArgs...)
	require.Zero(t, imp.Added, "nothing new")
	q.json(&imp, append(importArgs, "--from-block", "0")...)
	require.Equal(t, gifts, imp.Logs)
	require.Equal(t, gifts, imp.Duplicates, "every event again: all already stored")

	// Refusals on import: a gap qf knows with another recipient than the
	// contract's registry (a fresh store), and nothing of that window stored.
	other := cli{t: t, db: filepath.Join(t.TempDir(), "other.db")}
	other.run("gap", "add", "--gap", "2", "--recipient", sim.Addr(1).Hex())
	other.run("round", "create", "--pool", pool)
	require.Contains(t, other.fail("import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0"),
		"the contract's GapRegistered: gap already registered: gap 2 is registered to "+sim.Addr(1).Hex()+", not "+recipient(2).Hex())
	var none shownRound
	other.json(&none, "round", "show", "--round", "1")
	require.Zero(t, none.Contributions)
	require.Contains(t, q.fail("import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", token.Address.Hex(), "--confirmations", "0"),
		"the round is tied to contract "+round.Address.Hex())
	require.Contains(t, q.fail("import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", contract, "--chain-id", "5"), "wrong chain: the node serves chain id 1337, expected 5")
	require.Contains(t, q.fail("import", "chain", "--round", "1", "--rpc", "http://127.0.0.1:1", "--contract", contract), "cannot reach the node at http://127.0.0.1:1")
	q.run("round", "create", "--pool", "1")
	require.Contains(t, q.fail("import", "chain", "--round", "2", "--rpc", sim.URL, "--contract", sim.Addr(1).Hex()), "no contract code")
	require.Contains(t, q.fail("import", "chain", "--round", "2", "--rpc", sim.URL, "--contract", token.Address.Hex()), "not a QFRound")

	// The round cannot be closed before the import has read past its end.
	require.Contains(t, q.fail("match", "--round", "1"), "round 1: the on-chain import has not read past the round's end: it ends at")
	sim.Warp(2 * time.Hour)
	q.json(&imp, importArgs...)
	require.True(t, imp.PastEnd)

	// A round created with a larger pool than the contract's is refused at submit.
	q.run("round", "create", "--pool", "2"+pool[1:])
	q.run("import", "chain", "--round", "3", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0")
	q.run("match", "--round", "3")
	require.Contains(t, q.fail(append([]string{"submit", "--round", "3"}, as(owner)...)...),
		"round 3: the tree's leaves do not add up to the contract's matchingPool: the leaves add up to 2000000000000000000000, matchingPool is "+pool)
	// So is a round computed for a token of other decimals.
	q.run("round", "create", "--pool", "1000", "--decimals", "6")
	q.run("import", "chain", "--round", "4", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0")
	q.run("match", "--round", "4")
	require.Contains(t, q.fail(append([]string{"submit", "--round", "4"}, as(owner)...)...),
		"round 4: the token's decimals differ from the round's: token "+token.Address.Hex()+" has 18, round 4 was computed with 6 (--decimals)")

	// Close the round and post the root.
	keyfile := simchain.WriteKeyfile(t, sim.Keys[owner], "correct horse")
	pwfile := filepath.Join(t.TempDir(), "pw")
	require.NoError(t, os.WriteFile(pwfile, []byte("correct horse\n"), 0o600))
	submit := []string{"submit", "--round", "1", "--rpc", sim.URL, "--keystore", keyfile, "--password-file", pwfile}
	require.Contains(t, q.fail(submit...), "still open")
	var matched struct{ Root common.Hash }
	q.json(&matched, "match", "--round", "1")
	badpw := filepath.Join(t.TempDir(), "bad")
	require.NoError(t, os.WriteFile(badpw, []byte("wrong\n"), 0o600))
	require.Contains(t, q.fail("submit", "--round", "1", "--rpc", sim.URL, "--keystore", keyfile, "--password-file", badpw), "wrong password")
	require.Contains(t, q.fail(append(submit, "--chain-id", "1")...), "expected 1")
	require.Contains(t, q.fail("submit", "--round", "1", "--rpc", sim.URL, "--keystore", keyfile), "needs its password: pass --password-file")
	require.Contains(t, q.fail("submit", "--round", "1", "--rpc", sim.URL, "--key-env", "QF_TEST_UNSET"), "no signing key")
	require.Contains(t, q.fail(append([]string{"submit", "--round", "1"}, as(1)...)...), "signer is not the contract owner")
	var sub struct {
		Tx         common.Hash
		Block      uint64
		AlreadySet bool
		FinalAt    uint64
	}
	q.json(&sub, submit...)
	require.False(t, sub.AlreadySet)
	require.NotZero(t, sub.Tx)
	var shown shownRound
	q.json(&shown, "round", "show", "--round", "1")
	require.Equal(t, "submitted", shown.Status)
	require.Equal(t, sub.Tx, shown.SubmitTx)
	require.Contains(t, q.run(submit...), "nothing sent")
	rnd, err := chain.OpenRound(ctx, sim.Client(), round.Address)
	require.NoError(t, err)
	st, err := rnd.RootState(ctx)
	require.NoError(t, err)
	require.Equal(t, chain.RootState{Root: matched.Root, FinalAt: sub.FinalAt}, st)

	// Claims wait for the challenge window.
	dir := t.TempDir()
	proofFile := func(g int) string { return filepath.Join(dir, fmt.Sprintf("gap%d.json", g)) }
	for g := 1; g <= nGaps; g++ {
		q.run("proof", "--round", "1", "--gap", fmt.Sprint(g), "--out", proofFile(g))
	}
	require.Contains(t, q.fail(append([]string{"claim", "--proof", proofFile(1), "--contract", contract}, as(1)...)...), "the root's challenge window is still open: claims open at")
	sim.Warp(10 * time.Minute)
	require.Contains(t, q.fail(append([]string{"chain", "sweep", "--contract", contract}, as(1)...)...), "the claim deadline has not passed")

	// Every recipient claims with the proof qf printed.
	paid := new(big.Int)
	for g := 1; g <= nGaps; g++ {
		file := proofFile(g)
		var p struct{ Amount string }
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, &p))
		amount, _ := new(big.Int).SetString(p.Amount, 10)

		tampered := filepath.Join(dir, "tampered.json")
		require.NoError(t, os.WriteFile(tampered, bytes.Replace(b, []byte(p.Amount), []byte(new(big.Int).Add(amount, big.NewInt(1)).String()), 1), 0o600))
		require.Contains(t, q.fail(append([]string{"claim", "--proof", tampered, "--contract", contract}, as(g)...)...), "verification failed")

		before, err := tok.Balance(ctx, recipient(g))
		require.NoError(t, err)
		q.run(append([]string{"claim", "--proof", file, "--contract", contract}, as(g)...)...)
		after, err := tok.Balance(ctx, recipient(g))
		require.NoError(t, err)
		require.Equal(t, amount, new(big.Int).Sub(after, before), "gap %d receives its match", g)
		require.Equal(t, new(big.Int).Add(donated[g], amount), after, "gap %d holds its donations and its match", g)
		require.Contains(t, q.fail(append([]string{"claim", "--round", "1", "--gap", fmt.Sprint(g), "--contract", contract}, as(g)...)...), "already claimed")
		paid.Add(paid, amount)
	}
	poolInt, _ := new(big.Int).SetString(pool, 10)
	require.Equal(t, poolInt, paid, "the whole pool is paid out")

	// After the claim deadline anyone sweeps what is left (here: nothing).
	q.run(append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", contract, "--amount", "5"}, as(owner)...)...)
	sim.Warp(25 * time.Hour)
	q.run(append([]string{"chain", "sweep", "--contract", contract}, as(1)...)...)
	left, err := tok.Balance(ctx, round.Address)
	require.NoError(t, err)
	require.Zero(t, left.Sign(), "after the claims and the sweep the contract holds 0")
	swept, err := tok.Balance(ctx, sweepTo)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(5), swept)
}

// shownRound is what `qf round show --json` prints, in part.
type shownRound struct {
	Contributions int
	Status        string
	SubmitTx      common.Hash
	Chain         struct{ NextBlock uint64 }
}

// stuckReplaced is the flow of a transaction stuck in the node's pool (fee
// cap of 1 wei, below any base fee): qf refuses to send another for the
// same signer, --replace sends the new one in its nonce with higher fees,
// and only that one ever executes.
func stuckReplaced(t *testing.T, q cli, url string, key *ecdsa.PrivateKey, sign []string) {
	ctx := context.Background()
	eth, err := ethclient.Dial(url)
	require.NoError(t, err)
	defer eth.Close()
	from := crypto.PubkeyToAddress(key.PublicKey)
	var token struct{ Address common.Address }
	q.json(&token, append([]string{"chain", "deploy-token"}, sign...)...)
	to := common.Address{0x77}

	id, err := eth.ChainID(ctx)
	require.NoError(t, err)
	nonce, err := eth.PendingNonceAt(ctx, from)
	require.NoError(t, err)
	mint := contracts.NewTestToken().PackMint(to, big.NewInt(1000))
	stuck, err := types.SignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1), Gas: 100_000, To: &token.Address, Data: mint})
	require.NoError(t, err)
	require.NoError(t, eth.SendTransaction(ctx, stuck))

	args := append([]string{"chain", "mint", "--token", token.Address.Hex(), "--to", to.Hex(), "--amount", "1000"}, sign...)
	require.Contains(t, q.fail(args...), fmt.Sprintf("signer has a pending transaction: %s has 1 transaction(s) not mined yet (nonce %d..%d): wait for them, or rerun with --replace", from.Hex(), nonce, nonce))
	var sent struct{ Tx common.Hash }
	q.json(&sent, append(args, "--replace")...)
	tx, _, err := eth.TransactionByHash(ctx, sent.Tx)
	require.NoError(t, err)
	require.Equal(t, nonce, tx.Nonce(), "sent in the stuck transaction's nonce")
	_, err = eth.TransactionReceipt(ctx, stuck.Hash())
	require.ErrorIs(t, err, ethereum.NotFound, "the stuck transaction never executes")
	got, err := chain.NewToken(eth, token.Address).Balance(ctx, to)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(1000), got, "minted once")
	q.run(args...) // nothing pending any more: a new mint goes through normally
}

func TestStuckTransactionReplaced(t *testing.T) {
	sim, q, as := onChain(t, 1)
	stuckReplaced(t, q, sim.URL, sim.Keys[0], as(0))
}
