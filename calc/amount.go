package calc

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/holiman/uint256"
)

// ParseAmount parses a non-negative decimal integer in base units. With
// decimals > 0 it also accepts a decimal point ("1.5" with 18 decimals is
// 1500000000000000000); digits the token cannot hold are an error
// ([ErrInexact]), never rounded away. Zero is allowed here; callers that
// need a positive amount check it.
func ParseAmount(s string, decimals uint8) (uint256.Int, error) {
	var z uint256.Int
	if s == "" {
		return z, fmt.Errorf("%w: empty", ErrAmount)
	}
	if s[0] == '-' {
		return z, fmt.Errorf("%w: %s", ErrNegative, s)
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot {
		if decimals == 0 {
			return z, fmt.Errorf("%w: %q %w", ErrAmount, s, ErrBaseUnits)
		}
		trimmed := strings.TrimRight(frac, "0")
		if len(trimmed) > int(decimals) {
			return z, fmt.Errorf("%w: %q has more than %d decimals", ErrInexact, s, decimals)
		}
		if intPart == "" || !allDigits(intPart) || !allDigits(frac) {
			return z, fmt.Errorf("%w: %q is not a decimal number", ErrAmount, s)
		}
		digits := intPart + trimmed + strings.Repeat("0", int(decimals)-len(trimmed))
		return parseDigits(strings.TrimLeft(digits, "0"), s)
	}
	if !allDigits(s) {
		return z, fmt.Errorf("%w: %q is not a decimal integer", ErrAmount, s)
	}
	if decimals > 0 {
		s2 := s + strings.Repeat("0", int(decimals))
		return parseDigits(strings.TrimLeft(s2, "0"), s)
	}
	return parseDigits(s, s)
}

func parseDigits(digits, orig string) (uint256.Int, error) {
	var z uint256.Int
	if digits == "" {
		return z, nil
	}
	if len(digits) > 78 {
		return z, fmt.Errorf("%w: %s", ErrOverflow, orig)
	}
	if err := z.SetFromDecimal(digits); err != nil {
		return z, fmt.Errorf("%w: %s", ErrOverflow, orig)
	}
	return z, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseGap parses a gap id: a uint256 in decimal or 0x hex.
func ParseGap(s string) (uint256.Int, error) {
	var z uint256.Int
	if len(s) > 2 && (s[:2] == "0x" || s[:2] == "0X") {
		b, ok := new(big.Int).SetString(s[2:], 16)
		if !ok || strings.ContainsAny(s[2:], "+-_") {
			return z, fmt.Errorf("%w: %q is not a hex integer", ErrGap, s)
		}
		if z.SetFromBig(b) {
			return z, fmt.Errorf("%w: %q %v", ErrGap, s, ErrOverflow)
		}
		return z, nil
	}
	if !allDigits(s) {
		return z, fmt.Errorf("%w: %q is not a decimal or 0x hex integer", ErrGap, s)
	}
	if err := z.SetFromDecimal(s); err != nil {
		return z, fmt.Errorf("%w: %q %v", ErrGap, s, ErrOverflow)
	}
	return z, nil
}

// FormatAmount renders base units as a decimal with the given decimals
// ("1.5" for 1500000000000000000 at 18), trailing zeros dropped. For display only.
func FormatAmount(a *uint256.Int, decimals uint8) string {
	s := a.Dec()
	if decimals == 0 {
		return s
	}
	d := int(decimals)
	if len(s) <= d {
		s = strings.Repeat("0", d-len(s)+1) + s
	}
	i, f := s[:len(s)-d], strings.TrimRight(s[len(s)-d:], "0")
	if f == "" {
		return i
	}
	return i + "." + f
}
