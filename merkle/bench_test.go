package merkle_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/merkle"
)

func payouts(n int) []merkle.Payout {
	out := make([]merkle.Payout, n)
	for i := range out {
		out[i] = merkle.Payout{Gap: *uint256.NewInt(uint64(i + 1)), Recipient: common.BigToAddress(big.NewInt(int64(i + 7))), Amount: *uint256.NewInt(uint64(i*i + 1))}
	}
	return out
}

func BenchmarkPayoutTree(b *testing.B) {
	for _, n := range []int{2000, 100_000} {
		p := payouts(n)
		b.Run(big.NewInt(int64(n)).String(), func(b *testing.B) {
			for range b.N {
				if _, err := merkle.NewPayoutTree(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkProofAndVerify(b *testing.B) {
	t, _ := merkle.NewPayoutTree(payouts(2000))
	b.ResetTimer()
	for i := range b.N {
		p, _ := t.Proof(i % 2000)
		leaf, _ := t.LeafHash(i % 2000)
		if !merkle.Verify(t.Root(), leaf, p) {
			b.Fatal("proof does not verify")
		}
	}
}

// BenchmarkEachProof reads every proof of a 144k-leaf tree (the 200k-pledge
// cqf round's size) off the node array.
func BenchmarkEachProof(b *testing.B) {
	t, _ := merkle.NewPayoutTree(payouts(144_000))
	b.ResetTimer()
	for range b.N {
		var n int
		_ = t.EachProof(nil, func(_ int, p []common.Hash) error { n += len(p); return nil })
	}
}
