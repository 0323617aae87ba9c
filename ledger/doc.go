// Package ledger is the token ledger of a qf service (qf serve): agents'
// and the matching pool's balances in base units, each gap's escrow, the
// open round's contributions funded from them, and the match that closes
// a round and pays it.
//
// It sits on top of package store, which keeps the records; the ledger
// holds the rules. Every balance change is a double-entry journal line
// ([JournalEntry]) written in the same atomic batch as the balances and the
// contribution it pays for, so the total supply (what was credited, see
// [Ledger.CreditFrom]) always equals the sum of balances, and
// [Ledger.Check] rebuilds every balance from the journal and flags any
// contribution that no journal entry paid for.
//
// The files follow the jobs:
//
//	ledger.go       the Ledger: open round, its tally, settings of the next round
//	accounts.go     account names, balances, moves (transfer, commit), credits
//	fund.go         Fund: agent → gap escrow, one contribution, idempotent
//	idempotency.go  idempotency records: bound to route and body, expiring
//	limits.go       funding limits: what a match could not compute is refused at fund time
//	match.go        pool match: computed on a snapshot outside the lock, booked in one batch
//	cqf.go          coordinated-QF match: pledges pay up to their limits, the rest refunded
//	void.go         void: every funded contribution of the open round back to its agent
//	schedule.go     the scheduler's record (last match, anchor)
//	journal.go      the journal: kinds, entries, reading it
//	index.go        match records and the per-gap index of past matches
//	check.go        Check: the whole ledger replayed from the journal
//
// A match computes outside the ledger's lock: [Ledger.MatchOn] takes a
// function that makes a [store.Compute] for a snapshot of the store
// (package round provides it: round.LedgerCompute), so funding goes on
// while a round is computed; contributions funded meanwhile go to the next
// round.
package ledger
