package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/contracts"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

// TestAlloDistribution: a qf --leaf allo tree pays out through Allo v2's
// distribution logic (leaf of (index, recipientId, recipientAddress,
// amount), OpenZeppelin's MerkleProof, a bitmap per index) on the real
// bytecode: every leaf once, forgeries refused.
func TestAlloDistribution(t *testing.T) {
	const nGaps = 5
	c := newChain(t, 2+nGaps)
	tokenAt := c.deploy(contracts.TestTokenMetaData.Bin, nil)
	c.token = c.tok.Instance(c.backend.Client(), tokenAt)
	allo := contracts.NewAlloDistribution()
	at := c.deploy(contracts.AlloDistributionMetaData.Bin, allo.PackConstructor(tokenAt))
	dist := allo.Instance(c.backend.Client(), at)

	var payouts []merkle.Payout
	pool := new(big.Int)
	for g := range nGaps {
		amount := uint256.NewInt(uint64(1e15 * (g + 1) * (g + 3)))
		payouts = append(payouts, merkle.Payout{Gap: *uint256.NewInt(uint64(10 + 7*g)), Recipient: c.addr(2 + g), Amount: *amount})
		pool.Add(pool, amount.ToBig())
		require.NoError(t, c.send(0, dist, allo.PackRegisterRecipient(c.addr(2+g), c.addr(2+g))))
	}
	tree, err := payout.Tree(payouts, payout.LeafAllo)
	require.NoError(t, err)
	require.NoError(t, c.send(0, c.token, c.tok.PackMint(at, pool)))
	require.NoError(t, c.send(0, dist, allo.PackUpdateDistribution(tree.Root())))

	distribution := func(i int, amount *big.Int, id common.Address) contracts.AlloDistributionDistribution {
		proof, err := tree.Proof(i)
		require.NoError(t, err)
		p := make([][32]byte, len(proof))
		for k, h := range proof {
			p[k] = h
		}
		return contracts.AlloDistributionDistribution{Index: big.NewInt(int64(i)), RecipientId: id, Amount: amount, MerkleProof: p}
	}
	for i, v := range tree.Values() {
		require.Equal(t, uint256.NewInt(uint64(i)).Dec(), v.Value[0], "index is the position in gap order")
		require.Equal(t, payouts[i].Recipient.Hex(), v.Value[2], "recipientAddress")
		require.Equal(t, payouts[i].Amount.Dec(), v.Value[3])
		amount, ok := new(big.Int).SetString(v.Value[3], 10)
		require.True(t, ok)
		to := common.HexToAddress(v.Value[1])
		t.Run("index "+v.Value[0], func(t *testing.T) {
			require.Error(t, c.send(1, dist, allo.PackDistribute([]contracts.AlloDistributionDistribution{distribution(i, new(big.Int).Sub(amount, big.NewInt(1)), to)})), "tampered amount")
			require.Error(t, c.send(1, dist, allo.PackDistribute([]contracts.AlloDistributionDistribution{distribution(i, amount, c.addr(1))})), "other recipient")
			before := c.balance(to)
			require.NoError(t, c.send(1, dist, allo.PackDistribute([]contracts.AlloDistributionDistribution{distribution(i, amount, to)})))
			require.Equal(t, amount, new(big.Int).Sub(c.balance(to), before))
			done, err := bind.Call(dist, nil, allo.PackIsDistributed(big.NewInt(int64(i))), allo.UnpackIsDistributed)
			require.NoError(t, err)
			require.True(t, done)
			require.Error(t, c.send(1, dist, allo.PackDistribute([]contracts.AlloDistributionDistribution{distribution(i, amount, to)})), "second time")
		})
	}
	require.Zero(t, c.balance(at).Sign(), "the pool is paid out exactly")
}

// TestAlloDistributionRecipientID: real Allo v2 pools register recipients
// under their profile anchor, not their payout address. A qf allo tree of
// gaps with recipientIds ≠ payout addresses (and one gap without, whose
// payout address stands in) pays each payout address through Allo's
// distribution logic; the proofs come from qf's gap lookup (GapProof).
func TestAlloDistributionRecipientID(t *testing.T) {
	const nGaps = 4
	c := newChain(t, 2+nGaps)
	tokenAt := c.deploy(contracts.TestTokenMetaData.Bin, nil)
	c.token = c.tok.Instance(c.backend.Client(), tokenAt)
	allo := contracts.NewAlloDistribution()
	at := c.deploy(contracts.AlloDistributionMetaData.Bin, allo.PackConstructor(tokenAt))
	dist := allo.Instance(c.backend.Client(), at)

	res := &calc.Result{Mechanism: "qf", Scale: big.NewInt(1)}
	pool := new(big.Int)
	for g := range nGaps {
		amount := uint256.NewInt(uint64(1e15 * (g + 2)))
		gr := calc.GapResult{Gap: *uint256.NewInt(uint64(100 + g)), Recipient: c.addr(2 + g), Match: *amount, Raw: amount.ToBig()}
		if g != 2 {
			gr.RecipientID = common.BigToAddress(big.NewInt(int64(0xa0 + g))) // an anchor nobody holds keys for
		}
		id := gr.RecipientID
		if id == (common.Address{}) {
			id = gr.Recipient
		}
		require.NoError(t, c.send(0, dist, allo.PackRegisterRecipient(id, gr.Recipient)))
		// also known under its payout address: the old leaf then reaches the proof check
		require.NoError(t, c.send(0, dist, allo.PackRegisterRecipient(gr.Recipient, gr.Recipient)))
		res.Gaps = append(res.Gaps, gr)
		pool.Add(pool, amount.ToBig())
	}
	res.Pool.SetFromBig(pool)
	res.Matched.SetFromBig(pool)
	tree, err := payout.Tree(payout.Payouts(res), payout.LeafAllo)
	require.NoError(t, err)
	rep := payout.NewReport(res, tree.Root(), payout.LeafAllo)
	require.NoError(t, c.send(0, c.token, c.tok.PackMint(at, pool)))
	require.NoError(t, c.send(0, dist, allo.PackUpdateDistribution(tree.Root())))

	for _, g := range res.Gaps {
		t.Run("gap "+g.Gap.Dec(), func(t *testing.T) {
			p, err := payout.GapProof(tree, rep, &g.Gap, nil)
			require.NoError(t, err)
			require.NoError(t, p.Check())
			idx, ok := new(big.Int).SetString(p.Index, 10)
			require.True(t, ok)
			proof := make([][32]byte, len(p.Proof))
			for k, h := range p.Proof {
				proof[k] = h
			}
			d := contracts.AlloDistributionDistribution{Index: idx, RecipientId: common.Address(*p.RecipientID), Amount: g.Match.ToBig(), MerkleProof: proof}
			if g.RecipientID != (common.Address{}) {
				require.Equal(t, g.RecipientID, common.Address(*p.RecipientID))
				wrong := d
				wrong.RecipientId = g.Recipient // the old leaf's recipientId
				err := c.send(1, dist, allo.PackDistribute([]contracts.AlloDistributionDistribution{wrong}))
				require.ErrorContains(t, err, "Invalid proof", "payout address as recipientId")
			}
			before := c.balance(g.Recipient)
			require.NoError(t, c.send(1, dist, allo.PackDistribute([]contracts.AlloDistributionDistribution{d})))
			require.Equal(t, g.Match.ToBig(), new(big.Int).Sub(c.balance(g.Recipient), before), "paid to the payout address")
			require.Error(t, c.send(1, dist, allo.PackDistribute([]contracts.AlloDistributionDistribution{d})), "second time")
		})
	}
	require.Zero(t, c.balance(at).Sign(), "the pool is paid out exactly")
}
