package calc_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

func TestParseAmount(t *testing.T) {
	max := "115792089237316195423570985008687907853269984665640564039457584007913129639935"
	cases := []struct {
		name     string
		in       string
		decimals uint8
		want     string
		err      error
	}{
		{"integer", "1000", 0, "1000", nil},
		{"zero parses (callers reject it)", "0", 0, "0", nil},
		{"leading zeros", "007", 0, "7", nil},
		{"max uint256", max, 0, max, nil},
		{"max plus one", "115792089237316195423570985008687907853269984665640564039457584007913129639936", 0, "", calc.ErrOverflow},
		{"80 digits", "10000000000000000000000000000000000000000000000000000000000000000000000000000000", 0, "", calc.ErrOverflow},
		{"negative", "-5", 0, "", calc.ErrNegative},
		{"decimal without --decimals", "1.5", 0, "", calc.ErrAmount},
		{"decimals", "1.5", 18, "1500000000000000000", nil},
		{"whole with decimals", "2", 6, "2000000", nil},
		{"trailing zeros are exact", "1.2500", 2, "125", nil},
		{"too many decimals", "1.001", 2, "", calc.ErrInexact},
		{"garbage", "12a", 0, "", calc.ErrAmount},
		{"exponent", "1e18", 0, "", calc.ErrAmount},
		{"plus sign", "+1", 0, "", calc.ErrAmount},
		{"empty", "", 0, "", calc.ErrAmount},
		{"only dot", ".5", 2, "", calc.ErrAmount},
		{"spaces", " 1", 0, "", calc.ErrAmount},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := calc.ParseAmount(c.in, c.decimals)
			if c.err != nil {
				require.ErrorIs(t, err, c.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, got.Dec())
		})
	}
}

func TestParseGap(t *testing.T) {
	for in, want := range map[string]string{"7": "7", "0x10": "16", "0x0010": "16", "0X1f": "31"} {
		g, err := calc.ParseGap(in)
		require.NoError(t, err, in)
		require.Equal(t, want, g.Dec(), in)
	}
	for _, bad := range []string{"", "-1", "abc", "0x", "0xzz", "1.0", "0x1" + string(make([]byte, 0)) + "0000000000000000000000000000000000000000000000000000000000000000"} {
		_, err := calc.ParseGap(bad)
		require.ErrorIs(t, err, calc.ErrGap, bad)
	}
}
