package ingest

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// refUint is the byte-at-a-time parse parseUint replaces.
func refUint(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(string(b), 10, 64)
	return v, err == nil
}

// refAddr is the table decode hexAddr replaces.
func refAddr(b []byte) ([20]byte, bool) {
	var a [20]byte
	if len(b) != 42 || b[0] != '0' || (b[1] != 'x' && b[1] != 'X') {
		return a, false
	}
	n, err := hex.Decode(a[:], b[2:])
	return a, err == nil && n == 20
}

// TestSWARAgainstReference: every length up to 20 digits, and every byte
// value at every position of a valid number and of a valid address.
func TestSWARAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	check := func(b []byte) {
		v, ok := parseUint(b)
		wv, wok := refUint(b)
		require.Equal(t, wok, ok, "%q", b)
		require.Equal(t, wv, v, "%q", b)
		var got [20]byte
		ok = hexAddr(b, &got)
		want, wok := refAddr(b)
		require.Equal(t, wok, ok, "%q", b)
		if ok {
			require.Equal(t, want, got, "%q", b)
		}
	}
	for n := 0; n <= 20; n++ {
		for range 50 {
			b := make([]byte, n)
			for i := range b {
				b[i] = '0' + byte(r.IntN(10))
			}
			check(b)
		}
	}
	check([]byte("18446744073709551615")) // 2^64-1: 20 digits, not parsed here
	check([]byte("9999999999999999999"))
	for _, base := range [][]byte{[]byte("1234567890123456789"), []byte("0x" + "0123456789abcdefABCDEF0123456789aBcDeF01")} {
		for i := range base {
			for c := range 256 {
				b := bytes.Clone(base)
				b[i] = byte(c)
				check(b)
			}
		}
	}
}

func FuzzSWAR(f *testing.F) {
	f.Add([]byte("0x0123456789abcdefABCDEF0123456789aBcDeF01"))
	f.Add([]byte("123456789012345678"))
	f.Add([]byte("0x0123456789abcdef0123456789abcdef01234567"))
	f.Add([]byte("0X0123456789abcdef0123456789abcdef01234567"))
	f.Add([]byte(" 0x0123456789abcdef0123456789abcdef0123456g"))
	f.Add([]byte("0x0123456789abcdef0123456789abcdef0123456:"))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, ok := parseUint(b)
		wv, wok := refUint(b)
		require.Equal(t, wok, ok)
		require.Equal(t, wv, v)
		var got [20]byte
		ok = hexAddr(b, &got)
		want, wok := refAddr(b)
		require.Equal(t, wok, ok)
		if ok {
			require.Equal(t, want, got)
		}
		if d, err := donor(b, new([42]byte), checksums{}); err == nil { // the fast donor agrees with calc's
			want, werr := calc.NormalizeDonor(string(bytes.TrimSpace(b)))
			require.NoError(t, werr)
			require.Equal(t, want, string(d))
		} else {
			_, werr := calc.NormalizeDonor(string(bytes.TrimSpace(b)))
			require.Error(t, werr)
		}
		if hi, lo, ok := parseUint128(b); ok {
			v := new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64)
			require.Equal(t, string(b), v.Add(v, new(big.Int).SetUint64(lo)).String())
		}
	})
}

// TestParseUint128: 20 to 38 digits agree with math/big; anything else
// (too short or long, a leading zero, a non-digit) is left to ParseAmount.
func TestParseUint128(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	for n := 18; n <= 40; n++ {
		for range 40 {
			b := make([]byte, n)
			for i := range b {
				b[i] = '0' + byte(r.IntN(10))
			}
			if r.IntN(4) > 0 {
				b[0] = '1' + byte(r.IntN(9))
			}
			hi, lo, ok := parseUint128(b)
			want := n >= 20 && n <= 38 && b[0] != '0'
			require.Equal(t, want, ok, "%s", b)
			if ok {
				got := new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64)
				got.Add(got, new(big.Int).SetUint64(lo))
				require.Equal(t, string(b), got.String())
			}
		}
	}
	for _, s := range []string{"99999999999999999999999999999999999999", "100000000000000000000", "1234567890123456789x"} {
		hi, lo, ok := parseUint128([]byte(s))
		if s[len(s)-1] == 'x' {
			require.False(t, ok)
			continue
		}
		require.True(t, ok)
		got := new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64)
		require.Equal(t, s, got.Add(got, new(big.Int).SetUint64(lo)).String())
	}
}

// TestTrim: trim is bytes.TrimSpace, ASCII and Unicode spaces alike.
func TestTrim(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "\ta\r", "\u00a0a", "a\u0085", "\u3000", "ab c", "é", "x\u2028"} {
		require.Equal(t, string(bytes.TrimSpace([]byte(s))), string(trim([]byte(s))), "%q", s)
	}
}
