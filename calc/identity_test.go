package calc_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

func TestNormalizeDonor(t *testing.T) {
	const lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
	for _, tc := range []struct{ name, in, want, err string }{
		{name: "lower-case address", in: lower, want: lower},
		{name: "upper-case address", in: "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", want: lower},
		{name: "0X prefix", in: "0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", want: lower},
		{name: "EIP-55 checksum", in: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", want: lower},
		{name: "bad checksum", in: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
			err: `bad donor: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" fails its EIP-55 checksum (the checksummed form is 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed): check the address, or write it in lower case`},
		{name: "not hex", in: "0xZZaeb6053f3e94c9b9a09f33669435e7ef1beaed",
			err: `bad donor: "0xZZaeb6053f3e94c9b9a09f33669435e7ef1beaed" starts with 0x but is not an address (0x and 40 hex digits)`},
		{name: "39 hex digits", in: lower[:41],
			err: `bad donor: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae" starts with 0x but is not an address (0x and 40 hex digits)`},
		{name: "41 hex digits", in: lower + "0",
			err: `bad donor: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed0" starts with 0x but is not an address (0x and 40 hex digits)`},
		{name: "40 hex digits without 0x", in: lower[2:],
			err: `bad donor: "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" is 40 hex digits: write an address with its 0x (0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed)`},
		{name: "id", in: "alice", want: "alice"},
		{name: "numeric id", in: "1234567890", want: "1234567890"},
		{name: "41 hex digits without 0x is an id", in: lower[2:] + "0", want: lower[2:] + "0"},
		{name: "unicode id", in: "zoë", want: "zoë"},
		{name: "empty", in: "", err: "bad donor: empty"},
		{name: "too long", in: strings.Repeat("a", 129), err: "bad donor: longer than 128 bytes"},
		{name: "not UTF-8", in: "a\xff", err: "bad donor: not UTF-8"},
		{name: "control character", in: "al\tice", err: `bad donor: "al\tice" has a control character`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := calc.NormalizeDonor(tc.in)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				require.ErrorIs(t, err, calc.ErrDonor)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}
