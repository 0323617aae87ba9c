// Package record holds the contribution record that flows from the
// readers (ingest) to the store and to a round's computation, and the
// row-at-a-time checks ([Checker]) a store applies at write time.
//
// It sits low in the import graph (it imports only calc, for the rules a
// row must meet), so that ingest and store share the type without store
// importing ingest: ingest yields [Contribution]s, the store keeps them,
// round tallies them.
//
// [Checker] applies, one row at a time, the checks computing a round makes
// of its whole input, for a store to refuse at write time what would make
// the round fail later. Its errors are [FieldError]s naming the column.
package record
