// Package merkle is a Go port of OpenZeppelin's StandardMerkleTree
// (@openzeppelin/merkle-tree 1.0.8), the tree that Solidity's MerkleProof
// library verifies.
//
// A leaf is the double keccak of the ABI encoding of its values:
//
//	leaf = keccak256(bytes.concat(keccak256(abi.encode(values...))))
//
// Inner nodes hash their two children in sorted order, so a proof is a plain
// list of sibling hashes with no left/right flags. The tree is stored as one
// array in which node i has children 2i+1 and 2i+2 and the leaves fill the end
// of the array in reverse; with sorting on (the default, as in
// StandardMerkleTree.of), leaves are ordered by hash first. The same values
// therefore give the same root, proofs, multiproofs and "standard-v1" dump as
// the JavaScript library, byte for byte.
//
// qf builds payout trees with [PayoutEncoding] (gap, recipient, amount) or
// Gitcoin Allo v2's [AlloEncoding]; see [NewPayoutTree] and [NewAlloTree]
// (which documents Allo's index and recipientId). [Tree.EachProof] reads every
// leaf's proof off the node array in O(N log N), for publications of 10^5–10^6
// leaves, and [Tree.WriteJSON] streams the dump as json.MarshalIndent lays it
// out. [Load] reads a dump
// and validates every node, so a verifier can trust a tree it did not build.
package merkle
