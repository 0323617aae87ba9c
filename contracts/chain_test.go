package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	qfchain "github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/payout"
)

// chain is a simulated go-ethereum chain running the compiled contracts.
type chain struct {
	t       *testing.T
	backend *simulated.Backend
	keys    []*ecdsa.PrivateKey // keys[0] owns the round
	token   *bind.BoundContract
	round   *bind.BoundContract
	roundAt common.Address
	tok     *contracts.TestToken
	qf      *contracts.QFRound
}

func newChain(t *testing.T, accounts int) *chain {
	alloc := types.GenesisAlloc{}
	c := &chain{t: t, tok: contracts.NewTestToken(), qf: contracts.NewQFRound()}
	for range accounts {
		k, err := crypto.GenerateKey()
		require.NoError(t, err)
		c.keys = append(c.keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	c.backend = simulated.NewBackend(alloc)
	t.Cleanup(func() { c.backend.Close() })
	return c
}

func (c *chain) opts(i int) *bind.TransactOpts {
	id, err := c.backend.Client().ChainID(context.Background())
	require.NoError(c.t, err)
	return bind.NewKeyedTransactor(c.keys[i], id)
}

func (c *chain) addr(i int) common.Address { return crypto.PubkeyToAddress(c.keys[i].PublicKey) }

// send commits a transaction and returns its error (a revert shows up at
// gas estimation).
func (c *chain) send(i int, to *bind.BoundContract, data []byte) error {
	tx, err := bind.Transact(to, c.opts(i), data)
	if err != nil {
		return err
	}
	c.backend.Commit()
	r, err := bind.WaitMined(context.Background(), c.backend.Client(), tx.Hash())
	require.NoError(c.t, err)
	require.Equal(c.t, types.ReceiptStatusSuccessful, r.Status)
	return nil
}

func (c *chain) deploy(bin string, ctor []byte) common.Address {
	addr, tx, err := bind.DeployContract(c.opts(0), common.FromHex(bin), c.backend.Client(), ctor)
	require.NoError(c.t, err)
	c.backend.Commit()
	_, err = bind.WaitDeployed(context.Background(), c.backend.Client(), tx.Hash())
	require.NoError(c.t, err)
	return addr
}

// revert sends a transaction that must revert and returns the decoded
// custom error (or reason).
func (c *chain) revert(i int, to *bind.BoundContract, data []byte) string {
	c.t.Helper()
	err := c.send(i, to, data)
	require.Error(c.t, err)
	name := qfchain.RevertName(err)
	require.NotEmpty(c.t, name, "undecoded revert: %v", err)
	return name
}

// warp moves the chain's clock forward by d in a block of its own. The
// simulated chain refuses while its pool still lists a mined transaction
// (the pool catches up with a new head asynchronously): retry until it has.
func (c *chain) warp(d time.Duration) {
	c.t.Helper()
	for i := 0; ; i++ {
		err := c.backend.AdjustTime(d)
		if err == nil {
			break
		}
		require.ErrorContains(c.t, err, "non-empty block")
		require.Less(c.t, i, 10_000, "the pool never caught up")
		time.Sleep(time.Millisecond)
	}
	c.backend.Commit()
}

func u(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

func (c *chain) balance(who common.Address) *big.Int {
	b, err := bind.Call(c.token, nil, c.tok.PackBalanceOf(who), c.tok.UnpackBalanceOf)
	require.NoError(c.t, err)
	return b
}

// TestRoundOnChain: donations on-chain, matching by qf from the contract's
// own DonationMade events, the root posted, every recipient claiming with
// qf's proof on the real bytecode, and every forgery refused.
func TestRoundOnChain(t *testing.T) {
	const donors, nGaps = 6, 3
	c := newChain(t, 1+donors+nGaps)
	ctx := context.Background()
	tokenAt := c.deploy(contracts.TestTokenMetaData.Bin, nil)
	c.token = c.tok.Instance(c.backend.Client(), tokenAt)
	head, err := c.backend.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	start, end, window := head.Time, head.Time+3600, uint64(600)
	pool := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	c.roundAt = c.deploy(contracts.QFRoundMetaData.Bin, c.qf.PackConstructor(tokenAt, pool, u(start), u(end), u(window), u(end+window+86400), c.addr(0)))
	c.round = c.qf.Instance(c.backend.Client(), c.roundAt)

	// Donors fund gaps 1..3 (recipients are the last accounts), registered
	// on the contract first.
	gaps := make([]calc.Gap, nGaps)
	for g := range gaps {
		gaps[g] = calc.Gap{ID: *uint256.NewInt(uint64(g + 1)), Recipient: c.addr(1 + donors + g)}
		require.NoError(t, c.send(0, c.round, c.qf.PackRegisterGap(gaps[g].ID.ToBig(), gaps[g].Recipient, common.Address{})))
	}
	total := new(big.Int)
	received := map[common.Address]*big.Int{}
	hundred := new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))
	for d := 1; d <= donors; d++ {
		require.NoError(t, c.send(d, c.token, c.tok.PackMint(c.addr(d), hundred)))
		require.NoError(t, c.send(d, c.token, c.tok.PackApprove(c.roundAt, hundred)))
		for g := 1; g <= nGaps; g++ {
			if (d+g)%2 == 0 || g == 1 {
				amt := big.NewInt(int64(d*g) * 1e17)
				to := gaps[g-1].Recipient
				before := c.balance(to)
				require.NoError(t, c.send(d, c.round, c.qf.PackDonate(big.NewInt(int64(g)), amt)))
				require.Equal(t, amt, new(big.Int).Sub(c.balance(to), before), "the donation reaches the recipient in the same call")
				if received[to] == nil {
					received[to] = new(big.Int)
				}
				received[to].Add(received[to], amt)
				total.Add(total, amt)
			}
		}
	}
	require.Equal(t, "ZeroAmount()", c.revert(1, c.round, c.qf.PackDonate(big.NewInt(1), big.NewInt(0))))
	require.Zero(t, c.balance(c.roundAt).Sign(), "the contract holds no donation")

	// qf computes the round from the contract's events.
	tally, err := calc.NewTally(gaps, nil)
	require.NoError(t, err)
	it, err := bind.FilterEvents(c.round, &bind.FilterOpts{Start: 0}, c.qf.UnpackDonationMadeEvent)
	require.NoError(t, err)
	events := 0
	for it.Next() {
		ev := it.Value()
		require.NoError(t, tally.Add(ev.Donor.Hex(), uint256.MustFromBig(ev.ProjectId), uint256.MustFromBig(ev.Amount)))
		events++
	}
	require.NoError(t, it.Error())
	require.Positive(t, events)
	res, err := calc.Compute(tally, calc.Config{Mechanism: "qf", Pool: *uint256.MustFromBig(pool)})
	require.NoError(t, err)
	tree, err := payout.Tree(payout.Payouts(res), payout.LeafStandard)
	require.NoError(t, err)
	root := tree.Root()

	// The pool is paid in; the root goes up only after the round ends.
	require.NoError(t, c.send(0, c.token, c.tok.PackMint(c.roundAt, pool)))
	require.Error(t, c.send(0, c.round, c.qf.PackSetMatchingRoot(root)), "before the end")
	c.warp(2 * time.Hour)
	require.Error(t, c.send(1, c.round, c.qf.PackSetMatchingRoot(root)), "not the owner")
	require.NoError(t, c.send(0, c.round, c.qf.PackSetMatchingRoot(root)))
	c.warp(time.Duration(window) * time.Second)
	onChain, err := bind.Call(c.round, nil, c.qf.PackMatchingMerkleRoot(), c.qf.UnpackMatchingMerkleRoot)
	require.NoError(t, err)
	require.Equal(t, [32]byte(root), onChain)

	claim := func(p *payout.Proof, gap, amount *big.Int, recipient common.Address) error {
		proof := make([][32]byte, len(p.Proof))
		for i, h := range p.Proof {
			proof[i] = h
		}
		return c.send(1, c.round, c.qf.PackClaimMatching(gap, recipient, amount, proof))
	}
	paid := new(big.Int)
	for _, g := range res.Gaps {
		if g.Match.IsZero() {
			continue
		}
		p, err := payout.ProofFor(tree, &g.Gap)
		require.NoError(t, err)
		gap, amount := g.Gap.ToBig(), g.Match.ToBig()
		t.Run("gap "+g.Gap.Dec(), func(t *testing.T) {
			require.Error(t, claim(p, gap, new(big.Int).Add(amount, big.NewInt(1)), g.Recipient), "tampered amount")
			require.Error(t, claim(p, gap, amount, c.addr(1)), "wrong recipient")
			require.Error(t, claim(p, new(big.Int).Add(gap, big.NewInt(1)), amount, g.Recipient), "proof for another gap")
			before := c.balance(g.Recipient)
			require.NoError(t, claim(p, gap, amount, g.Recipient))
			require.Equal(t, amount, new(big.Int).Sub(c.balance(g.Recipient), before), "received exactly its match")
			require.Error(t, claim(p, gap, amount, g.Recipient), "second claim")
		})
		paid.Add(paid, amount)
	}
	require.Equal(t, pool, paid, "the whole pool is paid out")
	require.Zero(t, c.balance(c.roundAt).Sign(), "the pool is paid out and the donations never stayed")
	for _, g := range res.Gaps {
		want := new(big.Int).Add(g.Match.ToBig(), received[g.Recipient])
		require.Equal(t, want, c.balance(g.Recipient), "gap %s holds its donations and its match", g.Gap.Dec())
	}
}
