package merkle_test

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/merkle"
)

// The payout tree of three (gap, recipient, amount) leaves, its root, and the
// proof that gap 2 is owed 926 base units: the root and proof that
// @openzeppelin/merkle-tree's StandardMerkleTree.of gives for the same values
// with leaf encoding ["uint256", "address", "uint256"], and that Solidity's
// MerkleProof.verify accepts.
func ExampleNewPayoutTree() {
	tree, err := merkle.NewPayoutTree([]merkle.Payout{
		{Gap: *uint256.NewInt(1), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a1"), Amount: *uint256.NewInt(500)},
		{Gap: *uint256.NewInt(2), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a2"), Amount: *uint256.NewInt(926)},
		{Gap: *uint256.NewInt(3), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a3"), Amount: *uint256.NewInt(74)},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("root", tree.Root())
	leaf, err := tree.LeafHash(1) // the second value given: gap 2
	if err != nil {
		panic(err)
	}
	proof, err := tree.Proof(1)
	if err != nil {
		panic(err)
	}
	fmt.Println("leaf", leaf)
	for _, h := range proof {
		fmt.Println("proof", h)
	}
	fmt.Println("verifies:", merkle.Verify(tree.Root(), leaf, proof))
	// Output:
	// root 0xc1d593ec74a5d17a60949110ee58fe7444683410f1d1e89d173c888e198901d9
	// leaf 0x3f672401533d68669f268b4b045a83e42a7ab30e6fa5b8e99475579f5367a8af
	// proof 0xc04c9ef45c9e0296f2408a324b998c415a4b4a95acffb4c8237fa4c232a6fe31
	// proof 0xf55b2bbf76003f1ad2c2a74d6ff0b9776c4c3d4f9152f891d134488c14225dc9
	// verifies: true
}
