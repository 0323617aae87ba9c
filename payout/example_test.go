package payout_test

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

// A computed round (calc.Compute's example: gap 2 matched 926, gap 3 74, gap
// 1 nothing) turned into its payout tree and gap 2's proof file. Gap 1 gets
// no leaf; gap 2's leaf is the one in merkle.NewPayoutTree's example, and its
// proof is gap 3's leaf hash. @openzeppelin/merkle-tree's StandardMerkleTree.of
// gives the same root and proof for the two leaves (2, 0x…a2, 926) and
// (3, 0x…a3, 74).
func ExampleProofFor() {
	gaps := []calc.Gap{
		{ID: *uint256.NewInt(1), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a1")},
		{ID: *uint256.NewInt(2), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a2")},
		{ID: *uint256.NewInt(3), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a3")},
	}
	t, err := calc.NewTally(gaps, nil)
	if err != nil {
		panic(err)
	}
	for _, c := range []struct {
		donor       string
		gap, amount uint64
	}{
		{"alice", 1, 100},
		{"alice", 2, 25}, {"bob", 2, 25}, {"carol", 2, 25}, {"dave", 2, 25},
		{"bob", 3, 9}, {"carol", 3, 16},
	} {
		if err := t.Add(c.donor, uint256.NewInt(c.gap), uint256.NewInt(c.amount)); err != nil {
			panic(err)
		}
	}
	res, err := calc.Compute(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)})
	if err != nil {
		panic(err)
	}
	tree, err := payout.Tree(payout.Payouts(res), payout.LeafStandard)
	if err != nil {
		panic(err)
	}
	fmt.Println("leaves", tree.Len())
	fmt.Println("root", tree.Root())
	p, err := payout.ProofFor(tree, uint256.NewInt(2))
	if err != nil {
		panic(err)
	}
	fmt.Printf("gap %s pays %s to %s\n", p.Gap, p.Amount, common.Address(p.Recipient))
	fmt.Println("leaf", p.Leaf)
	for _, h := range p.Proof {
		fmt.Println("proof", h)
	}
	fmt.Println("verifies:", merkle.Verify(p.Root, p.Leaf, p.Proof))
	// Output:
	// leaves 2
	// root 0xd7d4b4719563141b70ea7276d4485f131fd8cc603f6c75937ddae5d1c2218cae
	// gap 2 pays 926 to 0x00000000000000000000000000000000000000A2
	// leaf 0x3f672401533d68669f268b4b045a83e42a7ab30e6fa5b8e99475579f5367a8af
	// proof 0xc04c9ef45c9e0296f2408a324b998c415a4b4a95acffb4c8237fa4c232a6fe31
	// verifies: true
}
