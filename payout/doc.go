// Package payout turns a computed round ([calc.Result]) into what claimants
// and contracts consume: the Merkle tree of (gap, recipient, amount) leaves,
// one proof file per gap, and exports in the formats of Gitcoin's and Allo's
// tools. Gaps with a zero match get no leaf.
//
// A published report.json also carries the round's [Settings] (pool,
// decimals, units, mechanism and parameters, cap, min amount, score scale,
// leaf) and its [Input] files' SHA-256, so a verifier recomputes the round
// from the publication alone (qf verify bundle).
package payout
