package record

import (
	"errors"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Contribution is one contribution row: as parsed from a file by ingest,
// as stored and read back by the store. Byte slices are only valid during
// the callback that yields the row.
type Contribution struct {
	Line   int    // CSV line or JSON item
	Item   bool   // Line counts JSON items
	ID     []byte // empty when the input has no id
	Donor  []byte // canonical (see calc.NormalizeDonor)
	Gap    uint256.Int
	Amount uint256.Int // > 0
	Weight []byte      // raw weight column, empty if none
	Score  []byte      // raw score column, empty if none
	// Token is the token the amount is in (canonical, see
	// price.ParseToken), empty for the round's match token; Chain is its
	// chain id, empty if not given. A row with a token has its amount in
	// that token's base units, converted by the round's price ledger.
	Token []byte
	Chain []byte
	// Seq is the row's place in its round's arrival order, counted from
	// 1 by the store (0: unknown). Coordinated QF needs it: a pledge's
	// saturation speed depends on when it joined.
	Seq uint64
}

// FieldError lets a row callback blame a field (e.g. "gap" for an unknown gap).
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// ErrConflict reports a contribution id given again with other content.
var ErrConflict = errors.New("an id names one contribution")

// IsPledgerAddress reports whether a (canonical) donor can be paid a
// coordinated-QF refund: a full 0x address.
func IsPledgerAddress(donor string) bool {
	return len(donor) == 42 && common.IsHexAddress(donor)
}
