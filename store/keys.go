package store

import (
	"encoding/binary"

	"github.com/holiman/uint256"
)

// Every Pebble key the store writes starts with one of these prefixes
// (uint64s in keys are big-endian, so keys sort by number; uint256s are
// 32 bytes big-endian). Values are JSON unless said otherwise. The ledger's
// prefixes are here too: it shares the database and the batches.
const (
	// prefixMarker starts markerKey ("\x00qf"), the first key of every qf
	// database; its value names the format (markerValue).
	prefixMarker = 0x00

	// prefixGap: 'g' + gap id (uint256) → the gap's recipient (20 bytes)
	// then, if any, its Allo recipient id (20 bytes) (gapValue).
	prefixGap = 'g'
	// prefixRound: 'r' + round number → the [Round] record.
	prefixRound = 'r'
	// prefixContribution: 'c' + round number + contribution id → the
	// contribution's content then its arrival sequence as a uvarint
	// (encodeContribution).
	prefixContribution = 'c'
	// prefixChecks: 'k' + round number → what an import's checks need
	// of the round's stored rows when none has a weight, score or token
	// (their count, the voided count and their total; [checkState]), so
	// that an import does not read every stored row again.
	prefixChecks = 'k'
	// prefixVoid: 'v' + round number + contribution id → the [Void]
	// record of a voided contribution.
	prefixVoid = 'v'
	// PrefixReport: 'R' + round number → a closed pool round's report
	// record (a payout.Report, written by package round).
	PrefixReport = 'R'
	// PrefixCQFOutcome: 'Q' + round number → a closed coordinated-QF
	// round's outcome record (a round.CQFOutcome, written by package round).
	PrefixCQFOutcome = 'Q'
	// prefixTree: 'T' + round number → a closed round's payout tree (a
	// merkle.Tree); absent when the round paid nothing.
	prefixTree = 'T'
	// PrefixPrices: 'P' + round number → the round's price ledger, as its
	// canonical JSON (price.Ledger.JSON); absent for a single-token round.
	PrefixPrices = 'P'
	// PrefixRevision: 'V' + round number + revision number → a closed
	// round's revision record (a round.Revision, written by package round).
	PrefixRevision = 'V'
	// PrefixRevisionTree: 'W' + round number + revision number → that
	// revision's payout tree (a merkle.Tree); absent when it paid nothing.
	PrefixRevisionTree = 'W'
	// prefixSumsHead: 'h' + round number → an open round's statistics
	// sums' head (JSON [sumsHead]: its rows and distinct donors, stamped
	// with the round record's Contributions and Voided; see opensums.go).
	prefixSumsHead = 'h'
	// prefixGapSums: 'o' + round number + gap id (uint256) → the gap's
	// statistics sums in that open round (binary [gapSum]: donors, direct
	// total, Σ calc.QFRoot of its cells).
	prefixGapSums = 'o'
	// prefixCell: 'l' + round number + gap id (uint256) + donor → the
	// donor's total to the gap in that open round (uint256, big-endian,
	// without leading zeros).
	prefixCell = 'l'
	// prefixDonorRows: 'd' + round number + donor → how many of the
	// donor's rows count in that open round (uvarint).
	prefixDonorRows = 'd'
	// prefixAgent: 'A' + agent name → the [Agent] record (its key's hash).
	prefixAgent = 'A'

	// PrefixAccount: 'a' + account name → the ledger balance (32 bytes,
	// big-endian).
	PrefixAccount = 'a'
	// prefixSupply: 'S' → the ledger's total supply (32 bytes, big-endian).
	prefixSupply = 'S'
	// PrefixIdempotency: 'I' + agent + 0 + key → the idemRecord (the
	// receipt) of an idempotent fund request.
	PrefixIdempotency = 'I'
	// PrefixMatch: 'M' + round number → the [MatchRecord] of a matched or
	// voided round.
	PrefixMatch = 'M'
	// prefixSchedule: 'Z' → the scheduler's [ScheduleState].
	prefixSchedule = 'Z'
	// PrefixJournal: 'J' + sequence number → a [JournalEntry].
	PrefixJournal = 'J'
	// PrefixGapMatch: 'x' + gap id (uint256) + round number → the gap's
	// [MatchRecordGap] line of that round's match record, without the gap
	// (the per-gap index, built by [Store.IndexMatches]).
	PrefixGapMatch = 'x'
	// prefixIndexed: 'X' → the last round the per-gap index holds (8
	// bytes, big-endian).
	prefixIndexed = 'X'
)

// markerKey is the first key of every qf database: no other key starts
// with a zero byte. Its value names the format.
var markerKey = []byte{prefixMarker, 'q', 'f'}

var (
	SupplyKey   = []byte{prefixSupply}
	ScheduleKey = []byte{prefixSchedule}
	IndexedKey  = []byte{prefixIndexed}
)

// roundKey is prefix + round number n (rounds, results, trees, matches).
func roundKey(prefix byte, n uint64) []byte {
	k := make([]byte, 9)
	k[0] = prefix
	binary.BigEndian.PutUint64(k[1:], n)
	return k
}

func gapKey(g *uint256.Int) []byte {
	k := make([]byte, 33)
	k[0] = prefixGap
	g.WriteToSlice(k[1:])
	return k
}

func contribKey(round uint64, id []byte) []byte {
	k := make([]byte, 9, 9+len(id))
	k[0] = prefixContribution
	binary.BigEndian.PutUint64(k[1:], round)
	return append(k, id...)
}

func voidKey(round uint64, id []byte) []byte {
	k := contribKey(round, id)
	k[0] = prefixVoid
	return k
}

func agentKey(name string) []byte { return append([]byte{prefixAgent}, name...) }

func AccountKey(account string) []byte { return append([]byte{PrefixAccount}, account...) }

func IdemKey(agent, key string) []byte {
	return append(append(append([]byte{PrefixIdempotency}, agent...), 0), key...)
}

// MatchKey is the key of round n's [ledger.MatchRecord].
func MatchKey(n uint64) []byte { return roundKey(PrefixMatch, n) }

func JournalKey(seq uint64) []byte {
	k := make([]byte, 9)
	k[0] = PrefixJournal
	binary.BigEndian.PutUint64(k[1:], seq)
	return k
}

func GapMatchKey(g *uint256.Int, round uint64) []byte {
	k := make([]byte, 41)
	k[0] = PrefixGapMatch
	g.WriteToSlice(k[1:33])
	binary.BigEndian.PutUint64(k[33:], round)
	return k
}
