package round_test

import (
	"encoding/json"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/round"
)

// TestCQFOutcomeJSON: a coordinated-QF outcome's amounts are uint256s
// that marshal to the quoted decimals its string fields wrote (stored
// outcomes and qf cqf --json stay byte for byte) and read back the same.
func TestCQFOutcomeJSON(t *testing.T) {
	u := uint256.NewInt
	out := round.CQFOutcome{Limits: u(10), Leaves: u(10), Refunds: u(4), Gaps: []round.CQFGapOut{{
		Gap: "1", Recipient: "0x00000000000000000000000000000000000000b1", H: "0.5", Total: u(6), Limits: u(10),
		Pledges: []round.CQFPledgeOut{{Line: 2, Donor: "0x00000000000000000000000000000000000000a1", Limit: u(10), Sigma: "1/100", Pay: u(6), Refund: u(4), Leverage: 1.5}},
	}}}
	const want = `{"gaps":[{"gap":"1","recipient":"0x00000000000000000000000000000000000000b1","h":"0.5","total":"6","limits":"10",` +
		`"pledges":[{"line":2,"donor":"0x00000000000000000000000000000000000000a1","limit":"10","sigma":"1/100","pay":"6","refund":"4","leverage":1.5}]}],` +
		`"root":"0x0000000000000000000000000000000000000000000000000000000000000000","limits":"10","leaves":"10","refunds":"4"}`
	b, err := json.Marshal(out)
	require.NoError(t, err)
	require.Equal(t, want, string(b))
	var back round.CQFOutcome
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, out, back)
}
