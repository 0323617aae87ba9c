package merkle_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/merkle"
)

// ozCase is one case of a vector file written by the real
// @openzeppelin/merkle-tree (see merkle/testdata and scripts/ozcheck).
type ozCase struct {
	Name         string          `json:"name"`
	LeafEncoding []string        `json:"leafEncoding"`
	SortLeaves   *bool           `json:"sortLeaves"`
	Values       [][]string      `json:"values"`
	Root         common.Hash     `json:"root"`
	LeafHashes   []common.Hash   `json:"leafHashes"`
	Proofs       [][]common.Hash `json:"proofs"`
	MultiProof   *struct {
		Indices    []int         `json:"indices"`
		Leaves     [][]string    `json:"leaves"`
		Proof      []common.Hash `json:"proof"`
		ProofFlags []bool        `json:"proofFlags"`
	} `json:"multiProof02"`
	Dump json.RawMessage `json:"dump"`
}

func readCases(t *testing.T, path string) []ozCase {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var f struct {
		Generator string   `json:"generator"`
		Cases     []ozCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(b, &f))
	require.NotEmpty(t, f.Cases, "no cases in %s", path)
	return f.Cases
}

// checkCase compares our tree with everything OpenZeppelin recorded.
func checkCase(t *testing.T, c ozCase) {
	// The shared file's "payout 7 leaves" case lists an 8th value that its
	// dump, leaf hashes and proofs do not contain (the generator mutated a
	// shared array after building the tree). The dump is what the library
	// produced, so its values are the case's values.
	var d struct {
		Values []struct {
			Value []string `json:"value"`
		} `json:"values"`
	}
	require.NoError(t, json.Unmarshal(c.Dump, &d))
	if len(d.Values) != len(c.Values) {
		require.Len(t, c.LeafHashes, len(d.Values), "values and dump disagree beyond the known defect")
		c.Values = c.Values[:0]
		for _, v := range d.Values {
			c.Values = append(c.Values, v.Value)
		}
	}
	opts := merkle.Options{Unsorted: c.SortLeaves != nil && !*c.SortLeaves}
	tree, err := merkle.New(c.LeafEncoding, c.Values, opts)
	require.NoError(t, err)
	require.Equal(t, c.Root, tree.Root(), "root")

	enc, err := merkle.NewEncoder(c.LeafEncoding)
	require.NoError(t, err)
	for i, v := range c.Values {
		lh, err := enc.LeafHash(v)
		require.NoError(t, err)
		require.Equal(t, c.LeafHashes[i], lh, "leaf hash %d", i)
		proof, err := tree.Proof(i)
		require.NoError(t, err)
		require.Equal(t, c.Proofs[i], nonNil(proof), "proof %d", i)
		require.True(t, merkle.Verify(c.Root, lh, proof), "verify %d", i)
	}
	each := 0
	require.NoError(t, tree.EachProof(nil, func(i int, proof []common.Hash) error {
		require.Equal(t, c.Proofs[i], proof, "EachProof %d", i)
		each++
		return nil
	}))
	require.Equal(t, len(c.Values), each, "EachProof visits every value")

	if mp := c.MultiProof; mp != nil {
		indices := mp.Indices
		if indices == nil {
			indices = []int{0, 2} // the shared vectors prove values 0 and 2
		}
		indices = indices[:min(len(indices), len(c.Values))]
		if len(c.Values) < 3 {
			indices = indices[:1]
		}
		got, err := tree.MultiProof(indices)
		require.NoError(t, err)
		require.Equal(t, mp.Proof, nonNil(got.Proof), "multiproof nodes")
		require.Equal(t, mp.ProofFlags, nonNilB(got.ProofFlags), "multiproof flags")
		var leaves []common.Hash
		for k, vi := range got.Leaves {
			require.Equal(t, mp.Leaves[k], c.Values[vi], "multiproof leaf %d", k)
			lh, _ := tree.LeafHash(vi)
			leaves = append(leaves, lh)
		}
		root, err := merkle.ProcessMultiProof(leaves, got.Proof, got.ProofFlags)
		require.NoError(t, err)
		require.Equal(t, c.Root, root, "multiproof root")
	}

	ours, err := json.Marshal(tree)
	require.NoError(t, err)
	require.JSONEq(t, string(c.Dump), string(ours), "dump")

	var loaded merkle.Tree
	require.NoError(t, json.Unmarshal(c.Dump, &loaded), "load their dump")
	require.Equal(t, c.Root, loaded.Root())
}

func nonNil(h []common.Hash) []common.Hash {
	if h == nil {
		return []common.Hash{}
	}
	return h
}

func nonNilB(b []bool) []bool {
	if b == nil {
		return []bool{}
	}
	return b
}

func TestOpenZeppelinVectors(t *testing.T) {
	for _, c := range readCases(t, "testdata/oz-standard-merkle-tree.json") {
		t.Run(c.Name, func(t *testing.T) { checkCase(t, c) })
	}
}

// TestOpenZeppelinCrossCheck runs the cases that scripts/ozcheck/gen.mjs
// generates with the real npm package. .ci/run sets QF_OZ_CASES; without it
// the test is skipped (it needs node and the pinned package installed).
func TestOpenZeppelinCrossCheck(t *testing.T) {
	path := os.Getenv("QF_OZ_CASES")
	if path == "" {
		t.Skip("QF_OZ_CASES not set: run scripts/ozcheck (done by .ci/run)")
	}
	cases := readCases(t, path)
	require.GreaterOrEqual(t, len(cases), 50, "expected the generator's full set")
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) { checkCase(t, c) })
	}
}
