package payout_test

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

func addr(b int64) common.Address { return common.BigToAddress(big.NewInt(b)) }

// alloRound is a computed round with Allo leaves: gap 20 has no match (no
// leaf), gaps 10 and 40 have a recipientId, gap 30 has none.
func alloRound(t *testing.T) (*merkle.Tree, *payout.Report) {
	res := &calc.Result{Mechanism: "qf", Pool: *uint256.NewInt(10000), Scale: big.NewInt(1)}
	for _, g := range []struct {
		gap, match int64
		rcpt, id   common.Address
	}{{10, 1000, addr(0xb1), addr(0xa1)}, {20, 0, addr(0xb2), addr(0xa2)}, {30, 3000, addr(0xb3), common.Address{}}, {40, 4000, addr(0xb4), addr(0xa4)}} {
		res.Gaps = append(res.Gaps, calc.GapResult{Gap: *uint256.NewInt(uint64(g.gap)), Recipient: g.rcpt, RecipientID: g.id,
			Match: *uint256.NewInt(uint64(g.match)), Raw: big.NewInt(g.match)})
		res.Matched.Add(&res.Matched, uint256.NewInt(uint64(g.match)))
	}
	tree, err := payout.Tree(payout.Payouts(res), payout.LeafAllo)
	require.NoError(t, err)
	return tree, payout.NewReport(res, tree.Root(), payout.LeafAllo)
}

// A gap's proof in an Allo tree is its own leaf, found through the report:
// index = rank among positive matches; it checks on its own.
func TestGapProofAllo(t *testing.T) {
	tree, rep := alloRound(t)
	cases := []struct {
		gap                        uint64
		index, id, recipient, amnt string
	}{
		{10, "0", addr(0xa1).Hex(), addr(0xb1).Hex(), "1000"},
		{30, "1", addr(0xb3).Hex(), addr(0xb3).Hex(), "3000"}, // no recipientId: the payout address
		{40, "2", addr(0xa4).Hex(), addr(0xb4).Hex(), "4000"},
	}
	for _, tc := range cases {
		t.Run("gap "+uint256.NewInt(tc.gap).Dec(), func(t *testing.T) {
			p, err := payout.GapProof(tree, rep, uint256.NewInt(tc.gap), nil)
			require.NoError(t, err)
			require.Equal(t, uint256.NewInt(tc.gap).Dec(), p.Gap)
			require.Equal(t, tc.index, p.Index)
			require.Equal(t, tc.id, p.RecipientID.Hex())
			require.Equal(t, tc.recipient, p.Recipient.Hex())
			require.Equal(t, tc.amnt, p.Amount)
			require.True(t, p.Allo())
			require.NoError(t, p.Check())
			idx, _ := uint256.FromDecimal(tc.index)
			a, _ := uint256.FromDecimal(tc.amnt)
			want := merkle.Payout{Recipient: common.HexToAddress(tc.recipient), RecipientID: common.HexToAddress(tc.id), Amount: *a}.AlloLeafHash(idx)
			require.Equal(t, want, p.Leaf)
			require.Equal(t, tree.Root(), p.Root)
		})
	}
	t.Run("report names the recipientId", func(t *testing.T) {
		require.Equal(t, addr(0xa1).Hex(), rep.Gaps[0].RecipientID.Hex())
		require.Nil(t, rep.Gaps[2].RecipientID)
	})
	t.Run("zero match has no leaf", func(t *testing.T) {
		_, err := payout.GapProof(tree, rep, uint256.NewInt(20), nil)
		require.ErrorIs(t, err, payout.ErrNotInTree)
		require.EqualError(t, err, "gap has no leaf in this round's tree (zero match or unknown gap): gap 20")
	})
	t.Run("unknown gap", func(t *testing.T) {
		_, err := payout.GapProof(tree, rep, uint256.NewInt(1), nil)
		require.ErrorIs(t, err, payout.ErrNotInTree)
	})
	t.Run("refund account", func(t *testing.T) {
		a := addr(0xc1)
		_, err := payout.GapProof(tree, rep, uint256.NewInt(10), &a)
		require.ErrorIs(t, err, payout.ErrAlloTree)
	})
	// The bug: looking a gap up by the tree's first value found the leaf
	// whose index equals the gap id, with an address as its amount.
	t.Run("lookup by index refused", func(t *testing.T) {
		_, err := payout.ProofFor(tree, uint256.NewInt(1))
		require.ErrorIs(t, err, payout.ErrAlloTree)
		require.EqualError(t, err, "the tree has Allo leaves (index, recipientId, recipientAddress, amount): its leaves are found by gap with the round's report (GapProof)")
	})
	t.Run("report of another round", func(t *testing.T) {
		other := *rep
		other.Gaps = append([]payout.GapReport(nil), rep.Gaps...)
		other.Gaps[2].Match = uint256.NewInt(3001)
		_, err := payout.GapProof(tree, &other, uint256.NewInt(30), nil)
		require.ErrorIs(t, err, payout.ErrTreeReport)
		require.EqualError(t, err, "the round's tree and report disagree: leaf 1 is ("+addr(0xb3).Hex()+", "+addr(0xb3).Hex()+", 3000), the report has gap 30 paying 3001 to "+addr(0xb3).Hex()+" (recipientId "+addr(0xb3).Hex()+")")
	})
}

// Every field of an Allo proof is bound by its leaf.
func TestAlloProofCheckTampered(t *testing.T) {
	tree, rep := alloRound(t)
	tamper := map[string]func(p *payout.Proof){
		"index":          func(p *payout.Proof) { p.Index = "1" },
		"recipientId":    func(p *payout.Proof) { x := payout.Address(addr(0xa9)); p.RecipientID = &x },
		"recipient":      func(p *payout.Proof) { p.Recipient[19] ^= 1 },
		"amount":         func(p *payout.Proof) { p.Amount = "4001" },
		"sibling":        func(p *payout.Proof) { p.Proof[0][0] ^= 1 },
		"no recipientId": func(p *payout.Proof) { p.RecipientID = nil },
	}
	for name, f := range tamper {
		t.Run(name, func(t *testing.T) {
			p, err := payout.GapProof(tree, rep, uint256.NewInt(40), nil)
			require.NoError(t, err)
			p.Proof = append([]common.Hash(nil), p.Proof...)
			f(p)
			require.Error(t, p.Check())
		})
	}
	t.Run("round trip through JSON", func(t *testing.T) {
		p, err := payout.GapProof(tree, rep, uint256.NewInt(40), nil)
		require.NoError(t, err)
		b, err := json.Marshal(p)
		require.NoError(t, err)
		require.Contains(t, string(b), `"index":"2","recipientId":"`+addr(0xa4).Hex()+`"`)
		var q payout.Proof
		require.NoError(t, json.Unmarshal(b, &q))
		require.NoError(t, q.Check())
	})
}

// A standard proof's JSON has no Allo fields: unchanged.
func TestStandardProofJSONUnchanged(t *testing.T) {
	tree, err := payout.Tree([]merkle.Payout{{Gap: *uint256.NewInt(1), Recipient: addr(0xb1), Amount: *uint256.NewInt(5), RecipientID: addr(0xa1)}}, payout.LeafStandard)
	require.NoError(t, err)
	p, err := payout.ProofFor(tree, uint256.NewInt(1))
	require.NoError(t, err)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	require.Equal(t, `{"root":"`+tree.Root().Hex()+`","gap":"1","recipient":"`+addr(0xb1).Hex()+`","amount":"5","leaf":"`+tree.Root().Hex()+`","proof":[]}`, string(b))
	require.Equal(t, merkle.Payout{Gap: *uint256.NewInt(1), Recipient: addr(0xb1), Amount: *uint256.NewInt(5)}.LeafHash(), tree.Root(), "a recipientId does not enter a standard leaf")
}

// Allo keeps one recipientAddress per recipientId: a tree paying one
// recipientId at two addresses is refused.
func TestAlloRecipientIDConflict(t *testing.T) {
	cases := []struct {
		name    string
		payouts []merkle.Payout
		err     string
	}{
		{"same id, two addresses", []merkle.Payout{
			{Gap: *uint256.NewInt(1), Recipient: addr(0xb1), RecipientID: addr(0xa1), Amount: *uint256.NewInt(1)},
			{Gap: *uint256.NewInt(2), Recipient: addr(0xb2), RecipientID: addr(0xa1), Amount: *uint256.NewInt(1)},
		}, "allo recipientId paid at two addresses: gaps 1 and 2 both have recipientId " + addr(0xa1).Hex() + " but pay " + addr(0xb1).Hex() + " and " + addr(0xb2).Hex() + "; give each its own recipientId or the same payout address"},
		{"id equal to another gap's payout address", []merkle.Payout{
			{Gap: *uint256.NewInt(1), Recipient: addr(0xb1), Amount: *uint256.NewInt(1)},
			{Gap: *uint256.NewInt(2), Recipient: addr(0xb2), RecipientID: addr(0xb1), Amount: *uint256.NewInt(1)},
		}, "allo recipientId paid at two addresses: gaps 1 and 2"},
		{"same id, same address", []merkle.Payout{
			{Gap: *uint256.NewInt(1), Recipient: addr(0xb1), RecipientID: addr(0xa1), Amount: *uint256.NewInt(1)},
			{Gap: *uint256.NewInt(2), Recipient: addr(0xb1), RecipientID: addr(0xa1), Amount: *uint256.NewInt(1)},
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := payout.Tree(tc.payouts, payout.LeafAllo)
			if tc.err == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, payout.ErrAlloRecipient)
			require.True(t, strings.HasPrefix(err.Error(), tc.err), err.Error())
			_, err = payout.Tree(tc.payouts, payout.LeafStandard)
			require.NoError(t, err, "standard leaves do not carry recipientIds")
		})
	}
}
