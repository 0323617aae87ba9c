// Package payout turns a computed round ([calc.Result]) into what claimants
// and contracts consume: the Merkle tree of (gap, recipient, amount) leaves,
// one proof file per gap, and exports in the formats of Gitcoin's and Allo's
// tools. Gaps with a zero match get no leaf.
package payout
