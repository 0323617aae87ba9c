package merkle

import (
	"bytes"
	"errors"
	"fmt"
	"sort"

	"github.com/ethereum/go-ethereum/common"
)

var (
	// ErrEmpty is returned when a tree would have no leaves; OpenZeppelin
	// refuses those too.
	ErrEmpty = errors.New("merkle tree needs at least one leaf")
	// ErrInvalidTree reports a dump whose nodes or leaves do not hash to each other.
	ErrInvalidTree = errors.New("invalid merkle tree")
	// ErrIndex reports a value index outside the tree.
	ErrIndex = errors.New("value index out of range")
)

// Value is one leaf's values (in input order) and the position of its hash
// in the tree array.
type Value struct {
	Value     []string `json:"value"`
	TreeIndex int      `json:"treeIndex"`
}

// Tree is a StandardMerkleTree: the node array and the values in the order
// they were given.
type Tree struct {
	enc    *Encoder
	nodes  []common.Hash
	values []Value
	index  map[common.Hash]int // leaf hash -> value index
}

// Options mirrors StandardMerkleTree.of's options.
type Options struct {
	// Unsorted keeps leaves in input order (OpenZeppelin's sortLeaves: false).
	// The default, sorted by leaf hash, is what everyone else uses.
	Unsorted bool
}

// New builds a tree of values under the leaf encoding types, exactly as
// StandardMerkleTree.of(values, types, opts).
func New(types []string, values [][]string, opts Options) (*Tree, error) {
	enc, err := NewEncoder(types)
	if err != nil {
		return nil, err
	}
	leaves := make([]common.Hash, len(values))
	h := newHasher()
	for i, v := range values {
		b, err := enc.Encode(v)
		if err != nil {
			return nil, fmt.Errorf("value %d: %w", i, err)
		}
		leaves[i] = h.leaf(b)
	}
	return build(enc, values, leaves, opts)
}

func build(enc *Encoder, values [][]string, leaves []common.Hash, opts Options) (*Tree, error) {
	n := len(leaves)
	if n == 0 {
		return nil, ErrEmpty
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if !opts.Unsorted {
		sort.SliceStable(order, func(a, b int) bool {
			return bytes.Compare(leaves[order[a]][:], leaves[order[b]][:]) < 0
		})
	}
	nodes := make([]common.Hash, 2*n-1)
	t := &Tree{enc: enc, nodes: nodes, values: make([]Value, n)}
	for leafIdx, valueIdx := range order {
		ti := len(nodes) - 1 - leafIdx
		nodes[ti] = leaves[valueIdx]
		t.values[valueIdx] = Value{Value: values[valueIdx], TreeIndex: ti}
	}
	h := newHasher()
	for i := len(nodes) - 1 - n; i >= 0; i-- {
		nodes[i] = h.pair(nodes[2*i+1], nodes[2*i+2])
	}
	t.indexLeaves()
	return t, nil
}

func (t *Tree) indexLeaves() {
	t.index = make(map[common.Hash]int, len(t.values))
	for i, v := range t.values {
		t.index[t.nodes[v.TreeIndex]] = i
	}
}

// Root is the tree's root, the bytes32 a contract stores.
func (t *Tree) Root() common.Hash { return t.nodes[0] }

// Len is the number of leaves.
func (t *Tree) Len() int { return len(t.values) }

// Encoding returns the leaf encoding.
func (t *Tree) Encoding() []string { return t.enc.Types() }

// Values returns the values in input order, each with its tree index.
func (t *Tree) Values() []Value { return t.values }

// Nodes returns the tree array (root first).
func (t *Tree) Nodes() []common.Hash { return t.nodes }

// LeafHash returns the hash of value i as stored in the tree.
func (t *Tree) LeafHash(i int) (common.Hash, error) {
	if i < 0 || i >= len(t.values) {
		return common.Hash{}, fmt.Errorf("%w: %d of %d", ErrIndex, i, len(t.values))
	}
	return t.nodes[t.values[i].TreeIndex], nil
}

// Lookup returns the index of the value whose leaf hash is leaf.
func (t *Tree) Lookup(leaf common.Hash) (int, bool) {
	i, ok := t.index[leaf]
	return i, ok
}

// Proof returns the sibling hashes from value i's leaf to the root, as
// StandardMerkleTree.getProof(i).
func (t *Tree) Proof(i int) ([]common.Hash, error) {
	if i < 0 || i >= len(t.values) {
		return nil, fmt.Errorf("%w: %d of %d", ErrIndex, i, len(t.values))
	}
	var proof []common.Hash
	for j := t.values[i].TreeIndex; j > 0; j = (j - 1) / 2 {
		proof = append(proof, t.nodes[sibling(j)])
	}
	return proof, nil
}

func sibling(i int) int {
	if i%2 == 1 {
		return i + 1
	}
	return i - 1
}

// ProcessProof folds a proof onto a leaf, as MerkleProof.processProof.
func ProcessProof(leaf common.Hash, proof []common.Hash) common.Hash {
	h := newHasher()
	for _, p := range proof {
		leaf = h.pair(leaf, p)
	}
	return leaf
}

// Verify reports whether proof proves leaf under root (MerkleProof.verify).
func Verify(root, leaf common.Hash, proof []common.Hash) bool {
	return ProcessProof(leaf, proof) == root
}
