package ingest

import (
	"encoding/binary"
	"math/bits"
)

// Eight ASCII characters at a time ("SIMD within a register"): a million-
// row file has 18 digits of amount and 40 hex digits of address per row,
// and a byte at a time those loops are a third of the parse.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// inRange has the high bit of each byte of v set where that byte (below
// 0x80) is in [lo, hi]. Each sum stays within its byte, so nothing carries.
func inRange(v uint64, lo, hi byte) uint64 {
	return (v + (0x80-uint64(lo))*ones) &^ (v + (0x7f-uint64(hi))*ones) & highs
}

// digits8 parses 8 decimal digits.
func digits8(b []byte) (uint64, bool) {
	v := binary.LittleEndian.Uint64(b)
	if v&highs != 0 || inRange(v, '0', '9') != highs {
		return 0, false
	}
	v -= '0' * ones
	v = (v * 10) + (v >> 8)                                // each 16-bit lane: 2 digits
	v = ((v & 0x000000ff000000ff) * (100 + 1000000<<32)) + // 4 digits per 32-bit lane…
		(((v >> 16) & 0x000000ff000000ff) * (1 + 10000<<32)) // …and all 8 in the top half
	return v >> 32, true
}

// parseUint parses up to 19 decimal digits, 8 at a time where it can.
func parseUint(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var v uint64
	for len(b) >= 8 {
		d, ok := digits8(b)
		if !ok {
			return 0, false
		}
		v = v*100_000_000 + d
		b = b[8:]
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}

// parseUint128 parses 20 to 38 decimal digits with no leading zero (token
// amounts of 100 and more in 18-decimal base units) as hi·2^64 + lo.
func parseUint128(b []byte) (hi, lo uint64, ok bool) {
	if len(b) < 20 || len(b) > 38 || b[0] == '0' {
		return 0, 0, false
	}
	top, ok1 := parseUint(b[:len(b)-19])
	low, ok2 := parseUint(b[len(b)-19:])
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	hi, lo = bits.Mul64(top, 1e19) // top < 10^19: the product is below 10^38 < 2^127
	lo, carry := bits.Add64(lo, low, 0)
	return hi + carry, lo, true
}

// hex8 decodes 8 hex digits (either case) into 4 bytes.
func hex8(b []byte, out []byte) bool {
	v := binary.LittleEndian.Uint64(b)
	if v&highs != 0 || inRange(v, '0', '9')|inRange(v|0x20*ones, 'a', 'f') != highs {
		return false
	}
	n := v&(0x0f*ones) + (v>>6)&ones*9                        // each byte its nibble ('a' = 0x61: 1 + 9)
	n = (n&0x000f000f000f000f)<<4 | (n>>8)&0x000f000f000f000f // each 16-bit lane: one byte
	n = (n | n>>8) & 0x0000ffff0000ffff                       // each 32-bit lane: two
	binary.LittleEndian.PutUint32(out, uint32(n|n>>16))
	return true
}

// hexAddr decodes "0x"/"0X" + 40 hex digits of either case: the donors
// calc.NormalizeDonor turns into lower-case addresses.
func hexAddr(b []byte, a *[20]byte) bool {
	if len(b) != 42 || b[0] != '0' || (b[1] != 'x' && b[1] != 'X') {
		return false
	}
	for i := range 5 {
		if !hex8(b[2+8*i:], a[4*i:]) {
			return false
		}
	}
	return true
}

// mixedCase reports whether a hex address that hexAddr accepted ("0x" and
// 40 hex digits) has both lower- and upper-case letters, and so must pass
// its EIP-55 checksum. Letters are the digits with bit 0x40 set; lower
// case ones also have bit 0x20.
func mixedCase(b []byte) bool {
	var lower, upper uint64
	for i := range 5 {
		v := binary.LittleEndian.Uint64(b[2+8*i:])
		letter := v & (0x40 * ones) >> 1
		lower |= v & letter
		upper |= letter &^ v
	}
	return lower != 0 && upper != 0
}

// lowerHexAddr reports whether b is "0x" or "0X" and 40 lower-case hex
// digits: an address calc.NormalizeDonor keeps as it is (but for "0X").
func lowerHexAddr(b []byte) bool {
	if len(b) != 42 || b[0] != '0' || (b[1] != 'x' && b[1] != 'X') {
		return false
	}
	for i := range 5 {
		v := binary.LittleEndian.Uint64(b[2+8*i:])
		if v&highs != 0 || inRange(v, '0', '9')|inRange(v, 'a', 'f') != highs {
			return false
		}
	}
	return true
}
