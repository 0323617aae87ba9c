package payout_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

func TestProofCheck(t *testing.T) {
	var ps []merkle.Payout
	for i := 1; i <= 6; i++ {
		ps = append(ps, merkle.Payout{Gap: *uint256.NewInt(uint64(i * 10)), Recipient: common.BigToAddress(big.NewInt(int64(0xb0 + i))), Amount: *uint256.NewInt(uint64(i * 1000))})
	}
	tree, err := payout.Tree(ps, payout.LeafStandard)
	require.NoError(t, err)
	p, err := payout.ProofFor(tree, uint256.NewInt(30))
	require.NoError(t, err)
	require.NoError(t, p.Check())
	require.Equal(t, "3000", p.Amount)

	tamper := map[string]func(p *payout.Proof){
		"amount":    func(p *payout.Proof) { p.Amount = "3001" },
		"recipient": func(p *payout.Proof) { p.Recipient[19] ^= 1 },
		"gap":       func(p *payout.Proof) { p.Gap = "40" },
		"sibling":   func(p *payout.Proof) { p.Proof[0][0] ^= 1 },
		"root":      func(p *payout.Proof) { p.Root[0] ^= 1 },
	}
	for name, f := range tamper {
		t.Run(name, func(t *testing.T) {
			q, _ := payout.ProofFor(tree, uint256.NewInt(30))
			q.Proof = append([]common.Hash(nil), q.Proof...)
			f(q)
			require.Error(t, q.Check())
		})
	}
	_, err = payout.ProofFor(tree, uint256.NewInt(31))
	require.ErrorIs(t, err, payout.ErrNotInTree)
	_, err = payout.Tree(nil, payout.LeafStandard)
	require.ErrorIs(t, err, payout.ErrNoPayouts)
}
