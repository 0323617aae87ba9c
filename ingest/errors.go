package ingest

import (
	"errors"
	"fmt"

	"github.com/qf-dev/qf/record"
)

var (
	// ErrHeader reports a missing header row, a missing required column or a repeated one.
	ErrHeader = errors.New("bad header")
	// ErrAddress reports a recipient that is not a 20-byte hex address.
	ErrAddress = errors.New("not a 20-byte 0x address")
	// ErrRecipient reports a recipient address that is well formed but
	// cannot be right: the zero address, or mixed case failing EIP-55.
	ErrRecipient = errors.New("bad recipient")
	// ErrColumns reports a row with fewer fields than the header needs.
	ErrColumns = errors.New("missing fields")
	// ErrConflict reports a contribution id given again with other content.
	ErrConflict = record.ErrConflict
	// ErrEmpty reports an input with no rows.
	ErrEmpty = errors.New("no rows")
)

// Error is a bad input row: it names the file, the line (CSV) or item
// (JSON, 1-based) and the field.
type Error struct {
	File  string
	Line  int // CSV line or JSON item; 0 for the whole file
	Item  bool
	Field string
	Err   error
}

func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		if e.Item {
			where += fmt.Sprintf(": item %d", e.Line)
		} else {
			where += fmt.Sprintf(":%d", e.Line)
		}
	}
	if e.Field != "" {
		where += ": " + e.Field
	}
	return where + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }
