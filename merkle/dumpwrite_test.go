package merkle_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/merkle"
)

func requireWriteJSONIsMarshalIndent(t *testing.T, tree *merkle.Tree) {
	t.Helper()
	want, err := json.MarshalIndent(tree, "", " ")
	require.NoError(t, err)
	var got bytes.Buffer
	require.NoError(t, tree.WriteJSON(&got))
	require.Equal(t, string(append(want, '\n')), got.String())
	var back merkle.Tree
	require.NoError(t, json.Unmarshal(got.Bytes(), &back), "the streamed dump loads")
	require.Equal(t, tree.Root(), back.Root())
}

// WriteJSON streams exactly what json.MarshalIndent(tree, "", " ") writes
// (what publications wrote as tree.json before), on every shape of tree
// and on values that need escaping.
func TestWriteJSONIsMarshalIndent(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 5))
	for _, n := range []int{1, 2, 3, 7, 64, 1000, 3000} {
		t.Run(fmt.Sprint("payout n=", n), func(t *testing.T) {
			tree, err := merkle.NewPayoutTree(payouts(n))
			require.NoError(t, err)
			requireWriteJSONIsMarshalIndent(t, tree)
		})
	}
	t.Run("allo", func(t *testing.T) {
		tree, err := merkle.NewAlloTree(payouts(9))
		require.NoError(t, err)
		requireWriteJSONIsMarshalIndent(t, tree)
	})
	t.Run("strings that need escaping, bools, bytes", func(t *testing.T) {
		var values [][]string
		for i, s := range []string{"a b", `quote"`, "<tag>&", "é", "line\nbreak", "", "tab\t", "\u2028"} {
			values = append(values, []string{s, fmt.Sprint(i%2 == 0), fmt.Sprintf("0x%02x", r.IntN(256))})
		}
		tree, err := merkle.New([]string{"string", "bool", "bytes"}, values, merkle.Options{})
		require.NoError(t, err)
		requireWriteJSONIsMarshalIndent(t, tree)
	})
	t.Run("unsorted", func(t *testing.T) {
		values := [][]string{{"3"}, {"1"}, {"2"}}
		tree, err := merkle.New([]string{"uint256"}, values, merkle.Options{Unsorted: true})
		require.NoError(t, err)
		requireWriteJSONIsMarshalIndent(t, tree)
	})
}

func TestWriteJSONOpenZeppelinVectors(t *testing.T) {
	for _, c := range readCases(t, "testdata/oz-standard-merkle-tree.json") {
		t.Run(c.Name, func(t *testing.T) {
			var tree merkle.Tree
			require.NoError(t, json.Unmarshal(c.Dump, &tree))
			requireWriteJSONIsMarshalIndent(t, &tree)
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteJSONReportsWriteErrors(t *testing.T) {
	tree, err := merkle.NewPayoutTree(payouts(5000))
	require.NoError(t, err)
	require.EqualError(t, tree.WriteJSON(failWriter{}), "disk full")
}
