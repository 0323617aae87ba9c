// Package layout holds no code: its test asserts the import rules of
// qf's packages (imports follow the data: readers and records at the
// bottom, the store above them, the computation of rounds above the
// store, the HTTP service and the CLI on top). See the README's "Layout".
package layout
