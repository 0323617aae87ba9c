package ingest

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseAddress(t *testing.T) {
	for _, tc := range []struct{ name, in, err string }{
		{name: "lower case", in: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{name: "EIP-55", in: " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed "},
		{name: "bad checksum", in: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
			err: `bad recipient: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" fails its EIP-55 checksum (the checksummed form is 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed): check the address, or write it in lower case`},
		{name: "zero", in: "0x0000000000000000000000000000000000000000", err: `bad recipient: "0x0000000000000000000000000000000000000000" is the zero address, whose payouts nobody can spend`},
		{name: "no 0x", in: "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", err: `not a 20-byte 0x address: "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"`},
		{name: "short", in: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", err: `not a 20-byte 0x address: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseAddress(tc.in)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", a.Hex())
		})
	}
}

func TestMixedCase(t *testing.T) {
	for _, tc := range []struct {
		in    string
		mixed bool
	}{
		{"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", false},
		{"0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", false},
		{"0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", false},
		{"0x0000000000000000000000000000000000000000", false},
		{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", true},
		{"0xa000000000000000000000000000000000000B00", true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			require.Equal(t, tc.mixed, mixedCase([]byte(tc.in)))
		})
	}
}
