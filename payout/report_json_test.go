package payout_test

import (
	"encoding/json"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/payout"
)

// TestReportAmountsJSON: a report's amounts are uint256s that marshal to
// the quoted decimals the string fields wrote (stored reports and
// report.json stay byte for byte) and read back; a report missing an
// amount is refused, naming it, so no reader meets a nil amount.
func TestReportAmountsJSON(t *testing.T) {
	max := new(uint256.Int).SetAllOne()
	rep := payout.Report{Pool: uint256.NewInt(1000), Mechanism: "qf", Matched: uint256.NewInt(999), Unspent: uint256.NewInt(1),
		Direct: max, Contributions: 2, Donors: 1,
		Gaps: []payout.GapReport{{Gap: "1", Contributors: 1, Direct: max, Match: uint256.NewInt(999)}}}
	const want = `{"root":"0x0000000000000000000000000000000000000000000000000000000000000000","pool":"1000","mechanism":"qf",` +
		`"matched":"999","unspent":"1","direct":"115792089237316195423570985008687907853269984665640564039457584007913129639935",` +
		`"contributions":2,"donors":1,"gaps":[{"gap":"1","recipient":"0x0000000000000000000000000000000000000000","contributors":1,` +
		`"direct":"115792089237316195423570985008687907853269984665640564039457584007913129639935","match":"999"}]}`
	for _, tc := range []struct {
		name string
		v    any
	}{{"by pointer", &rep}, {"by value", rep}} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.v)
			require.NoError(t, err)
			require.Equal(t, want, string(b))
			var back payout.Report
			require.NoError(t, json.Unmarshal(b, &back))
			require.Equal(t, rep, back)
		})
	}
	for _, tc := range []struct{ name, json, err string }{
		{"no pool", `{"matched":"1","unspent":"0","direct":"1","gaps":[]}`, "report amount missing: pool"},
		{"a gap without its match", `{"pool":"1","matched":"1","unspent":"0","direct":"1","gaps":[{"gap":"7","direct":"1"}]}`,
			`report amount missing: gaps[0] (gap "7") needs direct and match`},
		{"an amount past 2^256-1", `{"pool":"115792089237316195423570985008687907853269984665640564039457584007913129639936","matched":"1","unspent":"0","direct":"1"}`,
			"hex number > 256 bits"}, // uint256's text, for decimals too
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r payout.Report
			require.EqualError(t, json.Unmarshal([]byte(tc.json), &r), tc.err)
		})
	}
}
