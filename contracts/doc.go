// Package contracts holds the round contract and its Go bindings.
//
// QFRound.sol is the design note's round controller: donors call donate
// (an ERC-20 transfer that emits DonationMade), the owner posts qf's Merkle
// root with setMatchingRoot after the round ends, and each gap's recipient
// calls claimMatching(projectId, recipient, amount, proof) once, with the
// proof qf printed: the leaf is OpenZeppelin's double-hashed
// abi.encode(projectId, recipient, amount), checked by MerkleProof.verify.
// CQFRound.sol is a coordinated-QF round: pledgers escrow their limits
// with pledge (PledgeMade, whose order is the join order the σ policy
// counts), the owner posts the root of qf's payout tree (round.ComputeCQF:
// each recipient's Σ pay and each pledger's refund), and every leaf is
// claimed once with claim(projectId, account, amount, proof); the leaves
// add up to the escrow exactly. TestToken.sol is a mintable ERC-20 for tests.
//
// The artifacts in build/ and the abigen v2 bindings ([QFRound],
// [CQFRound], [TestToken]) are generated and committed; one command rebuilds them with
// the pinned solc-js and @openzeppelin/contracts of solc/package.json:
//
//	bash contracts/build.sh
//
// CI rebuilds them and fails if anything changes. The tests deploy the
// bytecode on go-ethereum's simulated chain and claim every payout.
package contracts
