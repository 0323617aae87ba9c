// Package ingest reads round inputs (contributions and gap registries, as CSV
// or JSON) into rows, with errors that name the file, line and field. It
// checks every field's syntax; whether a gap exists or an id repeats is for
// the consumer (a calculator or the store), which sees each row in order.
//
// CSV files need a header row. contributions: donor,gap,amount and optional
// id, weight, score; gaps: gap,recipient. Other columns are ignored, so
// exports with extra fields load as they are. JSON files hold an array of
// objects with the same keys; numbers may be strings or JSON numbers.
//
// A CSV line longer than [MaxLine] (16 KiB, far past any valid row) is
// refused with [ErrLineTooLong] where it is met, before any of it is
// copied, so a wrong or hostile file costs no memory.
package ingest
