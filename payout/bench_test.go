package payout_test

import (
	"io"
	"math/rand/v2"
	"testing"

	"github.com/qf-dev/qf/payout"
)

// BenchmarkWriteProofLines writes every leaf's proof line of a tree the
// size of the 200k-pledge cqf round's (bench/proofs.sh: 175k leaves),
// without the disk.
func BenchmarkWriteProofLines(b *testing.B) {
	tree := cqfLikeTree(b, rand.New(rand.NewPCG(21, 7)), 45_000)
	b.Logf("%d leaves", tree.Len())
	b.ResetTimer()
	for range b.N {
		if err := payout.WriteProofLines(io.Discard, tree, nil); err != nil {
			b.Fatal(err)
		}
	}
}
