// Package payout turns a computed round ([calc.Result]) into what claimants
// and contracts consume: the Merkle tree of (gap, recipient, amount) leaves,
// one proof file per gap, and exports in the formats of Gitcoin's and Allo's
// tools. Gaps with a zero match get no leaf.
//
// An Allo tree ([LeafAllo]) has leaves (index, recipientId,
// recipientAddress, amount): index is the gap's rank among the positive
// matches (ascending gap id), recipientId the gap's Allo recipientId or,
// when it has none, its payout address. Its leaves do not name the gap, so
// [GapProof] finds a gap's leaf through the round's [Report]; [ProofForLeaf]
// refuses Allo trees rather than match a gap id against an index.
// A published report.json also carries the round's [Settings] (pool,
// decimals, units, mechanism and parameters, cap, min amount, score scale,
// leaf) and its [Input] files' SHA-256, so a verifier recomputes the round
// from the publication alone (qf verify bundle).
//
// [EachProof] yields every leaf's proof file in (gap, recipient) order in
// O(N log N) total; a large publication writes them as [ProofsFile], one
// compact JSON line each ([WriteProofLines]), which [FindProof] searches
// by bisection, so a claimant's lookup reads O(log N) lines of it.
package payout
