package ledger_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/store"
)

// TestTypedAmountsJSON: match records and receipts carry uint256 amounts,
// which marshal to the quoted decimals the string fields wrote before
// (stored records and API answers stay byte for byte), and records written
// with string fields read back the same.
func TestTypedAmountsJSON(t *testing.T) {
	max := new(uint256.Int).SetAllOne()
	for _, tc := range []struct {
		name string
		v    any
		json string
	}{
		{name: "pool match record", v: &ledger.MatchRecord{Round: 3, Pool: uint256.NewInt(3000), Matched: uint256.NewInt(2999), GapsFunded: 1,
			Status: store.StatusClosed, At: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Root: "0xab",
			Gaps: []ledger.MatchRecordGap{{Gap: "1", Direct: uint256.NewInt(200), Match: uint256.NewInt(2999)}, {Gap: "2", Direct: new(uint256.Int), Match: new(uint256.Int)}}},
			json: `{"round_number":3,"pool":"3000","matched":"2999","gaps_funded":1,"status":"closed","at":"2026-11-30T00:00:00Z","root":"0xab",` +
				`"gaps":[{"gap":"1","direct":"200","match":"2999"},{"gap":"2","direct":"0","match":"0"}]}`},
		{name: "cqf match record", v: &ledger.MatchRecord{Round: 1, Pool: new(uint256.Int), Matched: max, Status: store.StatusClosed,
			At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Gaps: []ledger.MatchRecordGap{{Gap: "7", Direct: max, Match: new(uint256.Int), Paid: max, Refunded: new(uint256.Int)}}},
			json: `{"round_number":1,"pool":"0","matched":"` + max.Dec() + `","gaps_funded":0,"status":"closed","at":"2026-01-02T03:04:05Z",` +
				`"gaps":[{"gap":"7","direct":"` + max.Dec() + `","match":"0","paid":"` + max.Dec() + `","refunded":"0"}]}`},
		{name: "receipt", v: &ledger.Receipt{ID: "api:a:k", Round: 2, Gap: "1", Agent: "a", Amount: uint256.NewInt(10), Balance: uint256.NewInt(90), Escrow: uint256.NewInt(10)},
			json: `{"id":"api:a:k","round":2,"gap":"1","agent":"a","amount":"10","balance":"90","escrow":"10"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.v)
			require.NoError(t, err)
			require.Equal(t, tc.json, string(b))
			switch v := tc.v.(type) {
			case *ledger.MatchRecord:
				var back ledger.MatchRecord
				require.NoError(t, json.Unmarshal(b, &back))
				require.Equal(t, *v, back)
			case *ledger.Receipt:
				var back ledger.Receipt
				require.NoError(t, json.Unmarshal(b, &back))
				require.Equal(t, *v, back)
			}
		})
	}
	t.Run("a match record by value", func(t *testing.T) {
		b, err := json.Marshal(ledger.MatchRecordGap{Gap: "1", Direct: uint256.NewInt(5), Match: uint256.NewInt(6)})
		require.NoError(t, err)
		require.Equal(t, `{"gap":"1","direct":"5","match":"6"}`, string(b))
	})
}
