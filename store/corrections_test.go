package store_test

import (
	"github.com/qf-dev/qf/ledger"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// TestImportConflicts: an id again with the same content is a duplicate;
// with other content it is refused naming both places, and nothing of
// the import is stored.
func TestImportConflicts(t *testing.T) {
	at := func(line int, r *record.Contribution) *record.Contribution { r.Line = line; return r }
	for _, tc := range []struct {
		name string
		rows []*record.Contribution
		err  string
		dups int
	}{
		{name: "same content twice", rows: []*record.Contribution{at(2, row("n", "alice", 1, 5)), at(3, row("n", "alice", 1, 5))}, dups: 1},
		{name: "same as stored", rows: []*record.Contribution{at(2, row("s", "alice", 1, 5))}, dups: 1},
		{name: "other content in the file", rows: []*record.Contribution{at(2, row("n", "alice", 1, 5)), at(3, row("n", "alice", 1, 6))},
			err: `id: an id names one contribution: "n" is also at line 2 with other content`},
		{name: "other content than stored", rows: []*record.Contribution{at(2, row("n", "bob", 1, 1)), at(3, row("s", "bob", 1, 5))},
			err: `id: an id names one contribution: "s" is already stored with other content (stored row: donor alice, gap 1, amount 5); give this contribution another id`},
		{name: "other weight than stored", rows: []*record.Contribution{{ID: []byte("n"), Donor: []byte("alice"), Gap: *uint256.NewInt(2), Amount: *uint256.NewInt(1), Weight: []byte("3")}},
			err: `weight: bad weight: donor alice has weight 3 here and 2 in stored row "w"; a donor has one weight`},
		{name: "past 2^256-1 with the stored rows", rows: []*record.Contribution{{ID: []byte("n"), Donor: []byte("bob"), Gap: *uint256.NewInt(2), Amount: *new(uint256.Int).SetAllOne()}},
			err: `amount: exceeds 2^256-1: the round's total with this contribution (15 + 115792089237316195423570985008687907853269984665640564039457584007913129639935)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := setup(t)
			defer s.Close()
			w := row("w", "alice", 1, 10)
			w.Weight = []byte("2")
			_, err := s.Import(1, feed(row("s", "alice", 1, 5), w))
			require.NoError(t, err)
			st, err := s.Import(1, feed(tc.rows...))
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				require.Equal(t, 2, count(t, s, 1), "nothing stored")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.dups, st.Duplicates)
		})
	}
}

func TestVoidContribution(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	_, err := s.Import(1, feed(row("a", "alice", 1, 5), row("b", "bob", 1, 7), row("api:x:1", "agent", 1, 1)))
	require.NoError(t, err)
	for _, tc := range []struct {
		name, id, reason string
		is               error
		err              string
	}{
		{"no reason", "a", "  ", store.ErrReason, "bad reason: say why the contribution is voided"},
		{"two lines", "a", "x\ny", store.ErrReason, `bad reason: "x\ny" has a control character (a reason is one line)`},
		{"unknown id", "zz", "r", store.ErrNoContribution, `no such contribution: round 1 has no contribution "zz"`},
		{"ledger row", "api:x:1", "r", store.ErrLedgerRow, `paid through the ledger: contribution "api:x:1" was paid from an agent's balance through the service's ledger, and voiding it would strand its funds in the gap's escrow`},
		{"void", "a", "duplicate of b", nil, ""},
		{"twice", "a", "again", store.ErrVoided, `already voided: contribution "a" of round 1 was voided before (reason: duplicate of b)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.VoidContribution(1, tc.id, tc.reason)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, 1, r.Voided)
		})
	}
	// listed with its reason, left out of what computing reads
	var reasons []string
	require.NoError(t, s.EachStored(1, func(r *record.Contribution, v *store.Void) error {
		if v != nil {
			reasons = append(reasons, string(r.ID)+": "+v.Reason)
		}
		return nil
	}))
	require.Equal(t, []string{"a: duplicate of b"}, reasons)
	require.Equal(t, 2, count(t, s, 1))
	// closed: final
	_, err = s.CloseRound(1, nil, nil)
	require.NoError(t, err)
	_, err = s.VoidContribution(1, "b", "late")
	require.ErrorIs(t, err, store.ErrRoundClosed)
}

func TestSetGap(t *testing.T) {
	s, _ := setup(t) // gaps 1 and 2, round 1
	defer s.Close()
	_, err := s.Import(1, feed(row("a", "alice", 1, 5), row("v", "bob", 2, 5)))
	require.NoError(t, err)
	_, err = s.VoidContribution(1, "v", "mistake")
	require.NoError(t, err)
	c1, c2 := common.BigToAddress(big.NewInt(0xc1)), common.BigToAddress(big.NewInt(0xc2))

	prev, err := s.SetGap(calc.Gap{ID: *uint256.NewInt(1), Recipient: c1})
	require.NoError(t, err, "an open round does not hold a recipient")
	require.Equal(t, common.BigToAddress(big.NewInt(0xb1)), prev.Recipient)
	_, err = s.SetGap(calc.Gap{ID: *uint256.NewInt(9), Recipient: c1})
	require.ErrorIs(t, err, calc.ErrUnknownGap)

	_, err = s.CloseRound(1, nil, nil)
	require.NoError(t, err)
	_, err = s.SetGap(calc.Gap{ID: *uint256.NewInt(1), Recipient: c2})
	require.ErrorIs(t, err, store.ErrGapInUse)
	require.EqualError(t, err, "gap is in a closed round: round 1 is closed and pays gap 1's recipient 0x00000000000000000000000000000000000000C1; a closed round's recipients are final (register a new gap for the new recipient)")
	prev, err = s.SetGap(calc.Gap{ID: *uint256.NewInt(1), Recipient: c1})
	require.NoError(t, err, "the same recipient changes nothing")
	require.Equal(t, c1, prev.Recipient)
	_, err = s.SetGap(calc.Gap{ID: *uint256.NewInt(2), Recipient: c2})
	require.NoError(t, err, "gap 2's only contribution was voided: the closed round does not pay it")
	gs, err := s.Gaps()
	require.NoError(t, err)
	require.Equal(t, []common.Address{c1, c2}, []common.Address{gs[0].Recipient, gs[1].Recipient})
}

// TestAgentNamesAreNotAddresses: qf serve's contributions name the agent as
// donor, so an agent cannot be named like an address.
func TestAgentNamesAreNotAddresses(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	for _, tc := range []struct{ name, err string }{
		{"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", `bad agent name: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" could be taken for an address: bad donor: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" is an address, where an id that is not one is wanted`},
		{"5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", `bad agent name: "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" could be taken for an address: bad donor: "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" is 40 hex digits: write an address with its 0x (0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := s.AddAgent(tc.name, false)
			require.ErrorIs(t, err, store.ErrAgentName)
			require.EqualError(t, err, tc.err)
		})
	}
	_, _, err := s.AddAgent("0xfeed", false)
	require.ErrorIs(t, err, store.ErrAgentName)
}

// TestLedgerFundKeepsRoundTotal: a fund through the service cannot take
// the open round's total (CLI imports included) past 2^256-1.
func TestLedgerFundKeepsRoundTotal(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	huge := row("big", "whale", 1, 0)
	huge.Amount.SetAllOne()
	huge.Amount.Sub(&huge.Amount, uint256.NewInt(99))
	_, err := s.Import(1, feed(huge))
	require.NoError(t, err)
	_, _, err = s.AddAgent("alice", false) // credits go only to existing agents
	require.NoError(t, err)
	l, err := ledger.New(s)
	require.NoError(t, err)
	_, err = l.Credit(ledger.AgentAccount("alice"), uint256.NewInt(1000))
	require.NoError(t, err)
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(99)})
	require.NoError(t, err, "up to 2^256-1 exactly")
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *uint256.NewInt(2), Amount: *uint256.NewInt(1)})
	require.ErrorIs(t, err, calc.ErrOverflow)
	require.EqualError(t, err, "exceeds 2^256-1: round 1's total with this contribution")
	b, err := l.Balance(ledger.AgentAccount("alice"))
	require.NoError(t, err)
	require.Equal(t, uint64(901), b.Uint64(), "nothing moved")
	_, err = computeStored(s, 1)
	require.NoError(t, err)
}
