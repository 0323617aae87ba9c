package calc

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
)

// ErrChecksum reports a mixed-case address whose letters do not match its
// EIP-55 checksum: most likely a mistyped address.
var ErrChecksum = errors.New("fails its EIP-55 checksum")

// Donor identities. A donor is either an address or an id (an agent name,
// an account number…), and the two must never be confused, or a mistyped
// address would count as one more donor and draw more matching:
//
//   - a donor that starts with 0x or 0X must be 0x and 40 hex digits; in
//     lower or upper case, or mixed case that passes its EIP-55 checksum;
//   - any other donor id is 1 to [MaxDonorLen] bytes of UTF-8 with no
//     control characters, and is not 40 hex digits (an address without
//     its 0x).

// CheckAddressCase checks a "0x"+40-hex-digit address's letter case: all
// lower, all upper, or mixed case that matches the EIP-55 checksum.
func CheckAddressCase(s string) error {
	hex := s[2:]
	if strings.ToLower(hex) == hex || strings.ToUpper(hex) == hex {
		return nil
	}
	if want := common.HexToAddress(s).Hex(); want[2:] != hex {
		return fmt.Errorf("%q %w (the checksummed form is %s): check the address, or write it in lower case", s, ErrChecksum, want)
	}
	return nil
}

// CheckDonorID checks a donor id that is not an address (see the rules
// above); an address is refused too.
func CheckDonorID(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("%w: empty", ErrDonor)
	case len(s) > MaxDonorLen:
		return fmt.Errorf("%w: longer than %d bytes", ErrDonor, MaxDonorLen)
	case !utf8.ValidString(s):
		return fmt.Errorf("%w: not UTF-8", ErrDonor)
	case len(s) == 42 && common.IsHexAddress(s):
		return fmt.Errorf("%w: %q is an address, where an id that is not one is wanted", ErrDonor, s)
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		return fmt.Errorf("%w: %q starts with 0x but is not an address (0x and 40 hex digits)", ErrDonor, s)
	case len(s) == 40 && isHex(s):
		return fmt.Errorf("%w: %q is 40 hex digits: write an address with its 0x (0x%s)", ErrDonor, s, s)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%w: %q has a control character", ErrDonor, s)
	}
	return nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
