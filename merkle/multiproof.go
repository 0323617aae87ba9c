package merkle

import (
	"errors"
	"fmt"
	"sort"

	"github.com/ethereum/go-ethereum/common"
)

// ErrMultiProof reports a malformed or duplicate-index multiproof.
var ErrMultiProof = errors.New("invalid multiproof")

// MultiProof proves several leaves at once, in the form MerkleProof.multiProofVerify takes.
type MultiProof struct {
	// Leaves holds the proven values' indices, in the order the proof consumes them.
	Leaves     []int
	Proof      []common.Hash
	ProofFlags []bool
}

// MultiProof proves the values at indices together, as
// StandardMerkleTree.getMultiProof.
func (t *Tree) MultiProof(indices []int) (MultiProof, error) {
	treeIdx := make([]int, len(indices))
	for k, i := range indices {
		if i < 0 || i >= len(t.values) {
			return MultiProof{}, fmt.Errorf("%w: %d of %d", ErrIndex, i, len(t.values))
		}
		treeIdx[k] = t.values[i].TreeIndex
	}
	sort.Sort(sort.Reverse(sort.IntSlice(treeIdx)))
	for k := 1; k < len(treeIdx); k++ {
		if treeIdx[k] == treeIdx[k-1] {
			return MultiProof{}, fmt.Errorf("%w: duplicated index", ErrMultiProof)
		}
	}
	stack := append([]int(nil), treeIdx...)
	var mp MultiProof
	for len(stack) > 0 && stack[0] > 0 {
		j := stack[0]
		stack = stack[1:]
		s, p := sibling(j), (j-1)/2
		if len(stack) > 0 && s == stack[0] {
			mp.ProofFlags = append(mp.ProofFlags, true)
			stack = stack[1:]
		} else {
			mp.ProofFlags = append(mp.ProofFlags, false)
			mp.Proof = append(mp.Proof, t.nodes[s])
		}
		stack = append(stack, p)
	}
	if len(indices) == 0 {
		mp.Proof = append(mp.Proof, t.nodes[0])
	}
	for _, ti := range treeIdx {
		mp.Leaves = append(mp.Leaves, t.index[t.nodes[ti]])
	}
	return mp, nil
}

// ProcessMultiProof computes the root implied by leaves (in proof order),
// proof and flags, as MerkleProof.processMultiProof.
func ProcessMultiProof(leaves, proof []common.Hash, flags []bool) (common.Hash, error) {
	falses := 0
	for _, f := range flags {
		if !f {
			falses++
		}
	}
	if len(proof) < falses || len(leaves)+len(proof) != len(flags)+1 {
		return common.Hash{}, fmt.Errorf("%w: %d leaves, %d proof nodes, %d flags", ErrMultiProof, len(leaves), len(proof), len(flags))
	}
	h := newHasher()
	stack := append([]common.Hash(nil), leaves...)
	rest := append([]common.Hash(nil), proof...)
	for _, f := range flags {
		if len(stack) == 0 || (f && len(stack) < 2) {
			return common.Hash{}, fmt.Errorf("%w: flags consume more leaves than given", ErrMultiProof)
		}
		a := stack[0]
		stack = stack[1:]
		var b common.Hash
		if f {
			b, stack = stack[0], stack[1:]
		} else {
			b, rest = rest[0], rest[1:]
		}
		stack = append(stack, h.pair(a, b))
	}
	if len(stack) > 0 {
		return stack[len(stack)-1], nil
	}
	return rest[0], nil
}
