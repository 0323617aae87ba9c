package merkle_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/merkle"
)

// collectProofs returns what EachProof gives, copied, by value index.
func collectProofs(t *testing.T, tree *merkle.Tree, order []int) map[int][]common.Hash {
	t.Helper()
	got := map[int][]common.Hash{}
	var seen []int
	err := tree.EachProof(order, func(i int, proof []common.Hash) error {
		require.NotNil(t, proof, "value %d: nil proof", i)
		got[i] = slices.Clone(proof)
		seen = append(seen, i)
		return nil
	})
	require.NoError(t, err)
	if order == nil {
		order = make([]int, tree.Len())
		for i := range order {
			order[i] = i
		}
	}
	require.Equal(t, order, seen, "visiting order")
	return got
}

// Property: on random trees of every shape (sizes 1..n, sorted and
// unsorted, string and payout encodings), the proofs EachProof reads off
// the node array equal the per-leaf Tree.Proof and verify under the root,
// in input order and in any order asked for; no proof is longer than Depth.
func TestEachProofMatchesProof(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 21))
	sizes := []int{1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257, 1000}
	for range 10 {
		sizes = append(sizes, 1+r.IntN(1500))
	}
	for _, n := range sizes {
		for _, unsorted := range []bool{false, true} {
			t.Run(fmt.Sprintf("n=%d/unsorted=%v", n, unsorted), func(t *testing.T) {
				values := make([][]string, n)
				for i := range values {
					values[i] = []string{fmt.Sprint(r.Uint64()), fmt.Sprintf("v%d-%d", i, r.IntN(1000))}
				}
				tree, err := merkle.New([]string{"uint256", "string"}, values, merkle.Options{Unsorted: unsorted})
				require.NoError(t, err)
				perm := r.Perm(n)
				for _, order := range [][]int{nil, perm} {
					got := collectProofs(t, tree, order)
					require.Len(t, got, n)
					for i := range n {
						want, err := tree.Proof(i)
						require.NoError(t, err)
						if want == nil {
							want = []common.Hash{}
						}
						require.Equal(t, want, got[i], "value %d", i)
						require.LessOrEqual(t, len(got[i]), tree.Depth())
						leaf, _ := tree.LeafHash(i)
						require.True(t, merkle.Verify(tree.Root(), leaf, got[i]), "value %d does not verify", i)
					}
				}
			})
		}
	}
}

func TestDepth(t *testing.T) {
	for _, c := range []struct{ leaves, depth int }{{1, 0}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {8, 3}, {9, 4}, {1024, 10}, {1025, 11}} {
		t.Run(fmt.Sprint(c.leaves), func(t *testing.T) {
			tree, err := merkle.NewPayoutTree(payouts(c.leaves))
			require.NoError(t, err)
			require.Equal(t, c.depth, tree.Depth())
			longest := 0
			require.NoError(t, tree.EachProof(nil, func(_ int, p []common.Hash) error { longest = max(longest, len(p)); return nil }))
			require.Equal(t, c.depth, longest)
		})
	}
}

func TestEachProofErrors(t *testing.T) {
	tree, err := merkle.NewPayoutTree(payouts(5))
	require.NoError(t, err)
	t.Run("index out of range", func(t *testing.T) {
		err := tree.EachProof([]int{0, 5}, func(int, []common.Hash) error { return nil })
		require.ErrorIs(t, err, merkle.ErrIndex)
		require.EqualError(t, err, "value index out of range: 5 of 5")
	})
	t.Run("negative index", func(t *testing.T) {
		require.EqualError(t, tree.EachProof([]int{-1}, func(int, []common.Hash) error { return nil }), "value index out of range: -1 of 5")
	})
	t.Run("fn's error stops the walk", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := tree.EachProof(nil, func(i int, _ []common.Hash) error {
			calls++
			if i == 2 {
				return stop
			}
			return nil
		})
		require.ErrorIs(t, err, stop)
		require.Equal(t, 3, calls)
	})
}
