package contracts_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/contracts"
	cqfsolve "github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// TestCQFRoundOnChain: pledgers escrow their limits on-chain, qf solves the
// round from the contract's PledgeMade events (join order = event order),
// the owner posts the root, and every leaf (each recipient's Σ pay, each
// pledger's refund) is claimed with qf's proof on the real bytecode. The
// leaves add up to the escrow, so the contract ends holding exactly 0.
func TestCQFRoundOnChain(t *testing.T) {
	const pledgers, nGaps = 5, 2
	c := newChain(t, 1+pledgers+nGaps)
	cqf := contracts.NewCQFRound()
	ctx := context.Background()
	tokenAt := c.deploy(contracts.TestTokenMetaData.Bin, nil)
	c.token = c.tok.Instance(c.backend.Client(), tokenAt)
	head, err := c.backend.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	const window = 600
	roundAt := c.deploy(contracts.CQFRoundMetaData.Bin, cqf.PackConstructor(tokenAt, u(head.Time), u(head.Time+3600), u(window), u(head.Time+3600+window+86400), c.addr(0)))
	rd := cqf.Instance(c.backend.Client(), roundAt)

	gaps := make([]calc.Gap, nGaps)
	for g := range gaps {
		gaps[g] = calc.Gap{ID: *uint256.NewInt(uint64(g + 1)), Recipient: c.addr(1 + pledgers + g)}
		require.NoError(t, c.send(0, rd, cqf.PackRegisterGap(gaps[g].ID.ToBig(), gaps[g].Recipient, common.Address{})))
	}
	require.Equal(t, "UnknownGap(3)", c.revert(1, rd, cqf.PackPledge(big.NewInt(3), big.NewInt(1))))
	escrow := new(big.Int)
	eth := big.NewInt(1e18)
	for p := 1; p <= pledgers; p++ {
		mint := new(big.Int).Mul(big.NewInt(100), eth)
		require.NoError(t, c.send(p, c.token, c.tok.PackMint(c.addr(p), mint)))
		require.NoError(t, c.send(p, c.token, c.tok.PackApprove(roundAt, mint)))
		for g := 1; g <= nGaps; g++ {
			if p%2 == 0 && g == 2 {
				continue
			}
			limit := new(big.Int).Mul(big.NewInt(int64(p*g+3)), eth)
			require.NoError(t, c.send(p, rd, cqf.PackPledge(big.NewInt(int64(g)), limit)))
			escrow.Add(escrow, limit)
		}
	}
	require.Equal(t, "ZeroAmount()", c.revert(1, rd, cqf.PackPledge(big.NewInt(1), big.NewInt(0))))
	require.Equal(t, escrow, c.balance(roundAt))

	// qf solves the round from the events, in the order they happened.
	it, err := bind.FilterEvents(rd, &bind.FilterOpts{Start: 0}, cqf.UnpackPledgeMadeEvent)
	require.NoError(t, err)
	var rows []round.PledgeRow
	for it.Next() {
		ev := it.Value()
		rows = append(rows, round.PledgeRow{Line: len(rows) + 1, Donor: ev.Pledger.Hex(), Gap: *uint256.MustFromBig(ev.ProjectId), Limit: *uint256.MustFromBig(ev.Limit)})
	}
	require.NoError(t, it.Error())
	require.Len(t, rows, 8)
	out, err := round.ComputeCQF(gaps, rows, round.CQFSettings{Policy: cqfsolve.Policy{Sigma: big.NewRat(1, 1e10), Decay: big.NewRat(1, 2)}})
	require.NoError(t, err)
	require.Equal(t, escrow.String(), out.Leaves.Dec(), "Σ leaves = Σ limits")
	for _, g := range out.Gaps {
		total := g.Total.ToBig()
		limits := g.Limits.ToBig()
		require.Positive(t, total.Sign())
		require.Negative(t, total.Cmp(limits), "gap %s: pledges pay part of their limits, the rest is refunded", g.Gap)
	}

	require.Error(t, c.send(0, rd, cqf.PackSetPayoutRoot(out.Root)), "before the end")
	c.warp(2 * time.Hour)
	require.Error(t, c.send(1, rd, cqf.PackSetPayoutRoot(out.Root)), "not the owner")
	require.NoError(t, c.send(0, rd, cqf.PackSetPayoutRoot(out.Root)))
	require.Equal(t, "RoundEnded()", c.revert(1, rd, cqf.PackPledge(big.NewInt(1), eth)))
	c.warp(window * time.Second)

	leaves := out.Tree.Values()
	require.Greater(t, len(leaves), nGaps, "recipients' and refund leaves")
	for _, v := range leaves {
		var gap uint256.Int
		require.NoError(t, gap.SetFromDecimal(v.Value[0]))
		addr := common.HexToAddress(v.Value[1])
		p, err := payout.ProofForLeaf(out.Tree, &gap, &addr)
		require.NoError(t, err)
		amount, ok := new(big.Int).SetString(p.Amount, 10)
		require.True(t, ok)
		proof := make([][32]byte, len(p.Proof))
		for k, h := range p.Proof {
			proof[k] = h
		}
		send := func(amt *big.Int) error {
			return c.send(1, rd, cqf.PackClaim(gap.ToBig(), addr, amt, proof))
		}
		require.Error(t, send(new(big.Int).Add(amount, big.NewInt(1))), "tampered amount")
		before := c.balance(addr)
		require.NoError(t, send(amount))
		require.Equal(t, amount, new(big.Int).Sub(c.balance(addr), before))
		require.Error(t, send(amount), "second claim of the same leaf")
	}
	require.Zero(t, c.balance(roundAt).Sign(), "every escrowed unit paid out, none over")
	require.Contains(t, c.revert(0, rd, cqf.PackSetPayoutRoot(common.Hash{1})), "RootFinal(", "no new root after the window")
}
