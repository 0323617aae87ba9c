package round_test

import (
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// TestDiff: every gap of either report, in numeric gap order, with a
// signed delta and 0 where a report lacks the gap.
func TestDiff(t *testing.T) {
	rep := func(gm ...string) *payout.Report {
		r := &payout.Report{}
		for i := 0; i < len(gm); i += 2 {
			r.Gaps = append(r.Gaps, payout.GapReport{Gap: gm[i], Match: uint256.MustFromDecimal(gm[i+1])})
		}
		return r
	}
	for _, tc := range []struct {
		name     string
		old, new *payout.Report
		want     [][4]string
	}{
		{"same", rep("1", "5"), rep("1", "5"), [][4]string{{"1", "5", "5", "0"}}},
		{"numeric order, signed", rep("10", "7", "9", "3"), rep("9", "10", "10", "0"), [][4]string{{"9", "3", "10", "7"}, {"10", "7", "0", "-7"}}},
		{"a gap in one report only", rep("2", "4"), rep("2", "1", "3", "3"), [][4]string{{"2", "4", "1", "-3"}, {"3", "0", "3", "3"}}},
		{"past 64 bits", rep("1", "340282366920938463463374607431768211456"), rep("1", "0"),
			[][4]string{{"1", "340282366920938463463374607431768211456", "0", "-340282366920938463463374607431768211456"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got [][4]string
			for _, d := range round.Diff(tc.old, tc.new) {
				got = append(got, [4]string{d.Gap, d.Old, d.New, d.Delta})
			}
			require.Equal(t, tc.want, got)
		})
	}
}
