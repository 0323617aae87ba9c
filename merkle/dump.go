package merkle

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// DumpFormat is the format tag StandardMerkleTree.dump writes and load requires.
const DumpFormat = "standard-v1"

// Dump is the JSON form of a tree that StandardMerkleTree.load reads.
type Dump struct {
	Format       string        `json:"format"`
	LeafEncoding []string      `json:"leafEncoding"`
	Tree         []common.Hash `json:"tree"`
	Values       []Value       `json:"values"`
}

// Dump returns the tree in standard-v1 form.
func (t *Tree) Dump() Dump {
	return Dump{Format: DumpFormat, LeafEncoding: t.Encoding(), Tree: t.nodes, Values: t.values}
}

// MarshalJSON writes the standard-v1 dump.
func (t *Tree) MarshalJSON() ([]byte, error) { return json.Marshal(t.Dump()) }

// Load rebuilds a tree from a dump and validates it: every value must hash to
// the leaf at its tree index and every inner node to its children. A dump
// that passes describes exactly one root.
func Load(d Dump) (*Tree, error) {
	if d.Format != DumpFormat {
		return nil, fmt.Errorf("%w: unknown format %q, want %q", ErrInvalidTree, d.Format, DumpFormat)
	}
	enc, err := NewEncoder(d.LeafEncoding)
	if err != nil {
		return nil, err
	}
	n := len(d.Values)
	if n == 0 || len(d.Tree) != 2*n-1 {
		return nil, fmt.Errorf("%w: %d nodes for %d values", ErrInvalidTree, len(d.Tree), n)
	}
	t := &Tree{enc: enc, nodes: d.Tree, values: d.Values}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	t.indexLeaves()
	return t, nil
}

// UnmarshalJSON reads and validates a standard-v1 dump.
func (t *Tree) UnmarshalJSON(b []byte) error {
	var raw struct {
		Format       string          `json:"format"`
		LeafEncoding []string        `json:"leafEncoding"`
		Tree         []common.Hash   `json:"tree"`
		Values       []jsonValueLeaf `json:"values"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTree, err)
	}
	d := Dump{Format: raw.Format, LeafEncoding: raw.LeafEncoding, Tree: raw.Tree}
	for _, v := range raw.Values {
		d.Values = append(d.Values, Value{Value: v.Value, TreeIndex: v.TreeIndex})
	}
	lt, err := Load(d)
	if err != nil {
		return err
	}
	*t = *lt
	return nil
}

// jsonValueLeaf accepts values written as JSON strings, numbers or booleans.
type jsonValueLeaf struct {
	Value     []string
	TreeIndex int
}

func (v *jsonValueLeaf) UnmarshalJSON(b []byte) error {
	var raw struct {
		Value     []json.RawMessage `json:"value"`
		TreeIndex int               `json:"treeIndex"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	v.TreeIndex = raw.TreeIndex
	for _, r := range raw.Value {
		var s string
		if err := json.Unmarshal(r, &s); err != nil {
			s = strings.TrimSpace(string(r))
		}
		v.Value = append(v.Value, s)
	}
	return nil
}

// Validate checks every leaf and inner node, as StandardMerkleTree.validate.
func (t *Tree) Validate() error {
	n := len(t.values)
	h := newHasher()
	seen := make(map[int]bool, n)
	for i, v := range t.values {
		if v.TreeIndex < n-1 || v.TreeIndex >= len(t.nodes) {
			return fmt.Errorf("%w: value %d: tree index %d is not a leaf", ErrInvalidTree, i, v.TreeIndex)
		}
		if seen[v.TreeIndex] {
			return fmt.Errorf("%w: value %d: tree index %d used twice", ErrInvalidTree, i, v.TreeIndex)
		}
		seen[v.TreeIndex] = true
		b, err := t.enc.Encode(v.Value)
		if err != nil {
			return fmt.Errorf("value %d: %w", i, err)
		}
		if h.leaf(b) != t.nodes[v.TreeIndex] {
			return fmt.Errorf("%w: value %d does not hash to leaf %d", ErrInvalidTree, i, v.TreeIndex)
		}
	}
	for i := len(t.nodes) - 1 - n; i >= 0; i-- {
		if h.pair(t.nodes[2*i+1], t.nodes[2*i+2]) != t.nodes[i] {
			return fmt.Errorf("%w: node %d is not the hash of its children", ErrInvalidTree, i)
		}
	}
	return nil
}
