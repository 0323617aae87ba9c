package payout_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

// cqfLikeTree is a standard tree with several leaves per gap (as a
// coordinated-QF round's refunds), gaps given out of order and some of
// them above 2^64, single-leaf gaps among them.
func cqfLikeTree(t testing.TB, r *rand.Rand, gaps int) *merkle.Tree {
	t.Helper()
	var ps []merkle.Payout
	for g := range gaps {
		gap := uint256.Int{uint64(g*7 + 1), 0, 0, 0}
		if g%5 == 4 {
			gap[2] = r.Uint64()
		}
		for k := range 1 + (g%4)*r.IntN(5) {
			a := common.BigToAddress(new(uint256.Int).SetUint64(r.Uint64() + uint64(k)).ToBig())
			ps = append(ps, merkle.Payout{Gap: gap, Recipient: a, Amount: *uint256.NewInt(1 + r.Uint64N(1e18))})
		}
	}
	r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	tree, err := merkle.NewPayoutTree(ps)
	require.NoError(t, err)
	return tree
}

func allProofs(t *testing.T, tree *merkle.Tree, rep *payout.Report) []payout.Proof {
	t.Helper()
	var out []payout.Proof
	require.NoError(t, payout.EachProof(tree, rep, func(p *payout.Proof) error {
		q := *p
		q.Proof = slices.Clone(p.Proof)
		if p.RecipientID != nil {
			id := *p.RecipientID
			q.RecipientID = &id
		}
		out = append(out, q)
		return nil
	}))
	return out
}

// Every leaf's proof, in (gap, recipient) order, equal to the per-leaf
// lookup ProofForLeaf and checking on its own.
func TestEachProofStandard(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 1))
	for _, gaps := range []int{1, 2, 9, 60} {
		t.Run(fmt.Sprint(gaps, " gaps"), func(t *testing.T) {
			tree := cqfLikeTree(t, r, gaps)
			got := allProofs(t, tree, nil)
			require.Len(t, got, tree.Len())
			for k, p := range got {
				if k > 0 {
					prev := got[k-1]
					pg, _ := uint256.FromDecimal(prev.Gap)
					g, _ := uint256.FromDecimal(p.Gap)
					require.True(t, pg.Lt(g) || pg.Eq(g) && bytes.Compare(prev.Recipient[:], p.Recipient[:]) < 0, "line %d is not after line %d", k, k-1)
				}
				g, _ := uint256.FromDecimal(p.Gap)
				a := common.Address(p.Recipient)
				want, err := payout.ProofForLeaf(tree, g, &a)
				require.NoError(t, err)
				require.Equal(t, *want, p, "leaf (%s, %s)", p.Gap, a.Hex())
				require.NoError(t, p.Check())
			}
		})
	}
}

func TestEachProofAllo(t *testing.T) {
	tree, rep := alloRound(t)
	got := allProofs(t, tree, rep)
	require.Len(t, got, 3)
	for k, gap := range []uint64{10, 30, 40} {
		want, err := payout.GapProof(tree, rep, uint256.NewInt(gap), nil)
		require.NoError(t, err)
		require.Equal(t, *want, got[k], "gap %d", gap)
		require.NoError(t, got[k].Check())
	}
}

func TestEachProofAlloErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(rep *payout.Report) *payout.Report
		err    string
	}{
		{"no report", func(*payout.Report) *payout.Report { return nil },
			"the tree has Allo leaves (index, recipientId, recipientAddress, amount): its leaves are found by gap with the round's report"},
		{"match changed", func(rep *payout.Report) *payout.Report { rep.Gaps[2].Match = uint256.NewInt(3001); return rep },
			"the round's tree and report disagree: leaf 1 is (0x00000000000000000000000000000000000000b3, 0x00000000000000000000000000000000000000b3, 3000), the report has gap 30 paying 3001 to 0x00000000000000000000000000000000000000b3 (recipientId 0x00000000000000000000000000000000000000b3)"},
		{"extra positive match", func(rep *payout.Report) *payout.Report { rep.Gaps[1].Match = uint256.NewInt(5); return rep },
			"the round's tree and report disagree: the report gives gap 40 index 3, which the tree does not have"},
		{"missing positive match", func(rep *payout.Report) *payout.Report { rep.Gaps[3].Match = uint256.NewInt(0); return rep },
			"the round's tree and report disagree: the tree has 3 leaves, the report 2 positive matches"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tree, rep := alloRound(t)
			err := payout.EachProof(tree, c.change(rep), func(*payout.Proof) error { return nil })
			require.EqualError(t, err, c.err)
		})
	}
}

// AppendJSON is byte for byte json.Marshal.
func TestProofAppendJSON(t *testing.T) {
	tree, rep := alloRound(t)
	allo := allProofs(t, tree, rep)
	std := allProofs(t, cqfLikeTree(t, rand.New(rand.NewPCG(2, 2)), 3), nil)
	id := payout.Address(addr(0xa1))
	for name, p := range map[string]payout.Proof{
		"standard":          std[0],
		"allo":              allo[0],
		"allo, no id":       allo[1],
		"empty proof list":  {Gap: "1", Recipient: payout.Address(addr(1)), Amount: "5", Proof: []common.Hash{}},
		"nil proof":         {Gap: "1", Amount: "5"},
		"escaped strings":   {Gap: "<1>\"&", Index: "é\n", RecipientID: &id, Amount: "1 0"},
		"zero-valued proof": {},
	} {
		t.Run(name, func(t *testing.T) {
			want, err := json.Marshal(&p)
			require.NoError(t, err)
			require.Equal(t, string(want), string(p.AppendJSON(nil)))
		})
	}
}

func proofLines(t *testing.T, tree *merkle.Tree, rep *payout.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, payout.WriteProofLines(&b, tree, rep))
	return b.Bytes()
}

// FindProof finds every leaf of a proofs file by binary search, and says
// what is wrong when it cannot.
func TestFindProof(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 3))
	for _, gaps := range []int{1, 2, 9, 60} {
		t.Run(fmt.Sprint(gaps, " gaps"), func(t *testing.T) {
			tree := cqfLikeTree(t, r, gaps)
			file := proofLines(t, tree, nil)
			want := allProofs(t, tree, nil)
			require.Equal(t, len(want), bytes.Count(file, []byte("\n")))
			perGap := map[string]int{}
			for _, p := range want {
				perGap[p.Gap]++
			}
			for _, p := range want {
				g, _ := uint256.FromDecimal(p.Gap)
				a := common.Address(p.Recipient)
				got, err := payout.FindProof(bytes.NewReader(file), int64(len(file)), g, &a)
				require.NoError(t, err)
				require.Equal(t, p, *got)
				got, err = payout.FindProof(bytes.NewReader(file), int64(len(file)), g, nil)
				if perGap[p.Gap] == 1 {
					require.NoError(t, err)
					require.Equal(t, p, *got)
				} else {
					require.EqualError(t, err, "gap "+p.Gap+" has several leaves (a coordinated-QF round: the recipient's and one refund per pledger): name the account")
				}
			}
		})
	}
}

func TestFindProofMisses(t *testing.T) {
	tree := cqfLikeTree(t, rand.New(rand.NewPCG(21, 4)), 9) // gaps 1, 8, 15, …
	file := proofLines(t, tree, nil)
	first := allProofs(t, tree, nil)[0]
	other := addr(0xdead)
	for _, c := range []struct {
		name    string
		gap     uint64
		account *common.Address
		err     string
	}{
		{"gap below every leaf", 0, nil, "gap has no leaf in this round's tree (zero match or unknown gap): gap 0"},
		{"gap between leaves", 2, nil, "gap has no leaf in this round's tree (zero match or unknown gap): gap 2"},
		{"gap above every leaf", 1000, nil, "gap has no leaf in this round's tree (zero match or unknown gap): gap 1000"},
		{"account without a leaf", 1, &other, "gap has no leaf in this round's tree (zero match or unknown gap): gap 1, account 0x000000000000000000000000000000000000dEaD (it made no pledge to this gap?)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := payout.FindProof(bytes.NewReader(file), int64(len(file)), uint256.NewInt(c.gap), c.account)
			require.ErrorIs(t, err, payout.ErrNotInTree)
			require.EqualError(t, err, c.err)
		})
	}
	t.Run("empty file", func(t *testing.T) {
		_, err := payout.FindProof(bytes.NewReader(nil), 0, uint256.NewInt(1), nil)
		require.EqualError(t, err, "gap has no leaf in this round's tree (zero match or unknown gap): gap 1")
	})
	t.Run("not a proof line", func(t *testing.T) {
		bad := append([]byte("not json\n"), file...)
		_, err := payout.FindProof(bytes.NewReader(bad), int64(len(bad)), uint256.NewInt(1), nil)
		require.ErrorIs(t, err, payout.ErrProofsFile)
		require.ErrorContains(t, err, "proofs file: line at byte 0 is not a proof: invalid character")
	})
	t.Run("a line too long to be a proof", func(t *testing.T) {
		long := append(bytes.Repeat([]byte("x"), 2<<20), '\n')
		_, err := payout.FindProof(bytes.NewReader(long), int64(len(long)), uint256.NewInt(1), nil)
		require.ErrorIs(t, err, payout.ErrProofsFile)
		require.EqualError(t, err, "proofs file: the line at byte 0 is longer than 1048576 bytes: not a proof")
	})
	t.Run("tampered amount", func(t *testing.T) {
		line := string(first.AppendJSON(nil))
		bad := []byte(strings.Replace(string(file), line, strings.Replace(line, `"amount":"`, `"amount":"9`, 1), 1))
		g, _ := uint256.FromDecimal(first.Gap)
		a := common.Address(first.Recipient)
		_, err := payout.FindProof(bytes.NewReader(bad), int64(len(bad)), g, &a)
		require.ErrorIs(t, err, payout.ErrProofsFile)
		require.ErrorContains(t, err, "proofs file: line at byte 0: leaf "+first.Leaf.Hex()+" is not the hash of (gap "+first.Gap+", recipient "+a.Hex()+", amount 9")
	})
}
