package ingest

import (
	"github.com/ethereum/go-ethereum/common"
)

// checksums remembers the EIP-55 form of addresses met in mixed case, so
// that a file written in checksummed addresses hashes each address once
// rather than once per row.
type checksums map[[20]byte]string

// ok reports whether b ("0x" and 40 hex digits of the address a, in mixed
// case) is a's EIP-55 form.
func (c checksums) ok(b []byte, a *[20]byte) bool {
	want, seen := c[*a]
	if !seen {
		want = common.Address(*a).Hex()[2:]
		c[*a] = want
	}
	return string(b[2:]) == want
}
