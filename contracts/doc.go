// Package contracts holds the round contracts and their Go bindings.
//
// QFRound.sol (v2) is a QF round that only ever holds its matching pool:
// the owner registers each gap's payout address (and optional Allo v2
// recipientId) with registerGap; donate forwards the tokens to the gap's
// recipient in the same call, records the amount received (balance delta)
// and refuses a token that delivers anything else (fee-on-transfer);
// setMatchingRoot, after the end, opens a challenge window in which the
// owner may replace the root (MatchingRootSet(old, new, finalAt)); after it
// the root is final and claimMatching(projectId, recipient, amount, proof)
// pays each gap once, only to its registered recipient (NotGapRecipient),
// never more than matchingPool in all, until the claim
// deadline, after which sweep sends what is left to the configured address.
// The leaf is OpenZeppelin's double-hashed abi.encode(projectId, recipient,
// amount), checked by MerkleProof.verifyCalldata. Claims and sweeps are
// guarded against reentrancy. A root (first or replacement) must become
// final at least one challenge window before the claim deadline
// (TooLateForWindow), so an owner cannot post it at the last moment and
// sweep the pool before anyone can claim; the constructor refuses a zero
// token, a start not before the end, a zero window, and a deadline not
// after end + 2 × window.
//
// CQFRound.sol (v2) is a coordinated-QF round on the same lifecycle:
// pledgers escrow their limits with pledge (each pledge, a top-up included,
// its own PledgeMade and place in the join order the σ policy counts), the
// owner posts the root of qf's payout tree (round.ComputeCQF: each
// recipient's Σ pay and each pledger's refund), and every leaf is claimed
// once with claim(projectId, account, amount, proof); claims never exceed
// the escrow. If no root is ever posted the escrow stays the pledgers':
// after the claim deadline refund(projectId, pledger) returns a pledger's
// pledges to a gap (pledgedTo) and sweep takes only what lies beyond the
// unrefunded escrow. Whatever the root says, a gap's leaves never take more
// than the gap's escrow (limitsOf), and a leaf to any account but the gap's
// recipient never more than that account's own pledges to the gap.
// TestToken.sol is a mintable ERC-20; SkimToken.sol (1% burnt
// per transfer) and ReentrantToken.sol (calls back into a target from a
// transfer) are hostile tokens for the attack tests, as is OddToken.sol
// (transfer without return data, USDT style, or returning false). AlloDistribution.sol
// is Allo v2's distribution check for --leaf allo trees; AlloAllocations.sol
// emits Allo v2's Allocated events (both signatures, exact) and answers
// allocationEndTime(), the strategy as qf import chain --source allo reads it.
//
// The artifacts in build/ and the abigen v2 bindings are generated and
// committed; one command rebuilds them with the pinned solc-js and
// @openzeppelin/contracts of solc/package.json:
//
//	bash contracts/build.sh
//
// CI rebuilds them and fails if anything changes. The tests deploy the
// bytecode on go-ethereum's simulated chain: every payout claimed, every
// attack of issue 17 refused with the contract's own error, and the gas of
// each call measured under mainnet rules (TestGasMainnetRules).
package contracts
