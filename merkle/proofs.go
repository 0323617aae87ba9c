package merkle

import (
	"fmt"
	"math/bits"

	"github.com/ethereum/go-ethereum/common"
)

// Depth is the length of the longest proof in the tree: the number of
// levels below the root.
func (t *Tree) Depth() int { return bits.Len(uint(len(t.nodes))) - 1 }

// EachProof calls fn with the proof of every value, in the order of the
// value indices given (nil: every value in input order), and stops at fn's
// first error. Proofs are read off the node array, never re-hashed: all N
// proofs cost O(N log N) in total and O(log N) memory, however large the
// tree. The slice fn receives is reused by the next call (copy it to keep
// it); it is the same list as [Tree.Proof] returns, never nil.
func (t *Tree) EachProof(order []int, fn func(i int, proof []common.Hash) error) error {
	n := len(t.values)
	buf := make([]common.Hash, 0, t.Depth())
	each := func(i int) error {
		buf = buf[:0]
		for j := t.values[i].TreeIndex; j > 0; j = (j - 1) / 2 {
			buf = append(buf, t.nodes[sibling(j)])
		}
		return fn(i, buf)
	}
	if order == nil {
		for i := range n {
			if err := each(i); err != nil {
				return err
			}
		}
		return nil
	}
	for _, i := range order {
		if i < 0 || i >= n {
			return fmt.Errorf("%w: %d of %d", ErrIndex, i, n)
		}
		if err := each(i); err != nil {
			return err
		}
	}
	return nil
}
