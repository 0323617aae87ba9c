package merkle_test

import (
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/merkle"
)

// The reflection-free payout leaf equals the generic ABI encoder's.
func TestPayoutLeafMatchesGenericEncoder(t *testing.T) {
	enc, err := merkle.NewEncoder(merkle.PayoutEncoding)
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(3, 3))
	for range 500 {
		p := merkle.Payout{Gap: uint256.Int{r.Uint64(), r.Uint64() >> r.IntN(64), 0, r.Uint64() >> 60},
			Recipient: common.BigToAddress(new(big.Int).SetUint64(r.Uint64())), Amount: uint256.Int{r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64()}}
		want, err := enc.LeafHash(p.Values())
		require.NoError(t, err)
		require.Equal(t, want, p.LeafHash())
	}
}

func TestLoadRejectsTamperedDumps(t *testing.T) {
	tree, err := merkle.NewPayoutTree(payouts(5))
	require.NoError(t, err)
	good, err := json.Marshal(tree)
	require.NoError(t, err)
	cases := map[string]func(d *merkle.Dump){
		"changed amount": func(d *merkle.Dump) { d.Values[1].Value[2] = "999" },
		"changed node":   func(d *merkle.Dump) { d.Tree[1][0] ^= 1 },
		"changed root":   func(d *merkle.Dump) { d.Tree[0][31] ^= 1 },
		"swapped index": func(d *merkle.Dump) {
			d.Values[0].TreeIndex, d.Values[1].TreeIndex = d.Values[1].TreeIndex, d.Values[0].TreeIndex
		},
		"reused index":     func(d *merkle.Dump) { d.Values[0].TreeIndex = d.Values[1].TreeIndex },
		"inner node index": func(d *merkle.Dump) { d.Values[0].TreeIndex = 0 },
		"wrong format":     func(d *merkle.Dump) { d.Format = "standard-v2" },
		"missing node":     func(d *merkle.Dump) { d.Tree = d.Tree[:len(d.Tree)-1] },
		"bad encoding":     func(d *merkle.Dump) { d.LeafEncoding = []string{"uint257"} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			var d merkle.Dump
			require.NoError(t, json.Unmarshal(good, &d))
			mutate(&d)
			_, err := merkle.Load(d)
			require.Error(t, err)
		})
	}
	var d merkle.Dump
	require.NoError(t, json.Unmarshal(good, &d))
	back, err := merkle.Load(d)
	require.NoError(t, err)
	require.Equal(t, tree.Root(), back.Root())
}

// FuzzMultiProof: for any tree size and subset, the multiproof rebuilds the
// root, and every single proof verifies.
func FuzzMultiProof(f *testing.F) {
	f.Add(uint16(5), uint64(0b10101))
	f.Add(uint16(1), uint64(1))
	f.Fuzz(func(t *testing.T, n uint16, mask uint64) {
		size := int(n%64) + 1
		tree, err := merkle.NewPayoutTree(payouts(size))
		require.NoError(t, err)
		var idx []int
		var leaves []common.Hash
		for i := 0; i < size; i++ {
			p, err := tree.Proof(i)
			require.NoError(t, err)
			leaf, _ := tree.LeafHash(i)
			require.True(t, merkle.Verify(tree.Root(), leaf, p))
			if mask&(1<<uint(i)) != 0 {
				idx = append(idx, i)
			}
		}
		mp, err := tree.MultiProof(idx)
		require.NoError(t, err)
		for _, i := range mp.Leaves {
			l, _ := tree.LeafHash(i)
			leaves = append(leaves, l)
		}
		root, err := merkle.ProcessMultiProof(leaves, mp.Proof, mp.ProofFlags)
		require.NoError(t, err)
		require.Equal(t, tree.Root(), root)
	})
}

func TestEmptyTree(t *testing.T) {
	_, err := merkle.NewPayoutTree(nil)
	require.ErrorIs(t, err, merkle.ErrEmpty)
}
