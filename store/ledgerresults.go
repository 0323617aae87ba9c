package store

import (
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
)

// What a ledger match (package ledger) books: the results a round's
// computation (package round) hands it, as records the store keeps.

// Compute computes a round's outcome from its stored contributions with
// the given config (its pool set); the ledger passes it to
// [Ledger.Match] so the store need not know how rounds are computed
// (round.LedgerCompute is the one qf uses).
type Compute func(r Round, cfg calc.Config) (*PoolResults, error)

// PoolResults is a computed pool round as the ledger books and stores it.
type PoolResults struct {
	// Report is the round's report record, stored as it is (the JSON of a
	// payout.Report).
	Report []byte
	// Tree is the payout tree; nil when no gap has a positive match.
	Tree *merkle.Tree
	// Matched is what the round matched in all (the report's matched).
	Matched uint256.Int
	// Gaps are the report's gaps, in its order.
	Gaps []PoolGap
}

// PoolGap is one gap's figures in [PoolResults].
type PoolGap struct {
	Gap, Direct, Match uint256.Int
}

// ComputeCQF solves a coordinated-QF round from its stored pledges, with
// refunds through the ledger (round.CQFSettings.LedgerRefunds);
// round.LedgerComputeCQF is the one qf uses.
type ComputeCQF func(r Round) (*CQFResults, error)

// CQFResults is a solved coordinated-QF round as the ledger books and
// stores it.
type CQFResults struct {
	// Outcome is the round's outcome record, stored as it is (the JSON of
	// a round.CQFOutcome).
	Outcome []byte
	// Tree is the payout tree; nil when the pledges pay nothing.
	Tree *merkle.Tree
	// Gaps are the outcome's gaps, in its order.
	Gaps []CQFGap
}

// CQFGap is one gap's figures in [CQFResults]: its pledged limits, what
// the pledges pay its recipient, and each pledge's refund in order.
type CQFGap struct {
	Gap, Limits, Total uint256.Int
	Refunds            []Refund
}

// Refund is what goes back to a pledger (an agent) from a gap's escrow.
type Refund struct {
	Donor  string
	Amount uint256.Int
}
