// Package ingest reads round inputs (contributions and gap registries, as CSV
// or JSON) into rows, with errors that name the file, line and field. It
// checks every field's syntax; whether a gap exists or an id repeats is for
// the consumer (a calculator or the store), which sees each row in order.
// [Loader] puts rows into a [Sink] (a round's calc.Tally, which ingest
// knows only through that interface): it resolves gaps and donors, skips
// repeated ids, and reads weights and scores. A big plain CSV file takes a
// parallel path that groups the rows itself and hands the sink one block
// (internal/bulk), which the sink checks as it adds it.
// [ContributionParts] cuts a CSV file into parts of whole lines that a
// consumer scans at once, on every core, with the same rows, lines and
// errors as [Contributions] (the store's bulk import does).
// [Checker] applies, one row at a time, the checks computing a round makes
// of its whole input, for a store to refuse at write time what would make
// the round fail later.
//
// Donors are addresses or ids that cannot be taken for one (see
// calc.NormalizeDonor): a donor starting with 0x is 0x and 40 hex digits,
// in mixed case only if it passes its EIP-55 checksum; other ids do not
// start with 0x and are not 40 hex digits. Recipients are addresses that
// pass the same case rule and are not zero.
//
// CSV files need a header row. contributions: donor,gap,amount and optional
// id, weight, score, token, chain (a row with a token has its amount in that
// token's base units; the [Loader] converts it through the round's price
// ledger, see package price, and refuses it without one); gaps: gap,recipient and optional recipient_id (or
// allo_recipient_id, the gap's Allo v2 recipientId; empty for none). Other
// columns are ignored, so
// exports with extra fields load as they are. JSON files hold an array of
// objects with the same keys; numbers may be strings or JSON numbers.
//
// A CSV line longer than [MaxLine] (16 KiB, far past any valid row) is
// refused with [ErrLineTooLong] where it is met, before any of it is
// copied, so a wrong or hostile file costs no memory.
package ingest
