package store_test

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// deferredRound is setup (gaps 1 and 2 paid to 0xb1 and 0xb2, open qf
// round 1) with agent alice credited on the ledger, and a bulk import of
// rows into the fresh round, whose sums it requires deferred.
func deferredRound(t *testing.T, gaps []calc.Gap, rows ...*record.Contribution) *store.Store {
	t.Helper()
	s, _ := setup(t)
	if len(gaps) > 0 {
		_, err := s.AddGaps(gaps)
		require.NoError(t, err)
	}
	_, _, err := s.AddAgent("alice", false)
	require.NoError(t, err)
	l, err := ledger.New(s)
	require.NoError(t, err)
	_, err = l.Credit(ledger.AgentAccount("alice"), uint256.NewInt(1<<40))
	require.NoError(t, err)
	_, err = s.ImportFile(1, feed(rows...))
	require.NoError(t, err)
	deferred, err := s.SumsDeferred(1)
	require.NoError(t, err)
	require.True(t, deferred, "the fresh import defers")
	return s
}

// agree requires stats and the match of round 1 from its sums to be
// those from its rows, and the sums to be usable; the match to use them
// too unless funded (a ledger fund leaves the round's total to its rows:
// round.ErrSumsUnchecked).
func agree(t *testing.T, s *store.Store, step string, funded bool) {
	t.Helper()
	fromSums, fromRows := statsBothWays(t, s, 1)
	require.Equal(t, fromRows, fromSums, "%s: stats", step)
	r, err := s.Round(1)
	require.NoError(t, err)
	gaps, err := s.Gaps()
	require.NoError(t, err)
	_, err = s.OpenSums(r, gaps)
	require.NoError(t, err, "%s: the sums are usable", step)
	mSums, mRows, used := matchBothWays(t, s, 1)
	require.Equal(t, mRows, mSums, "%s: match", step)
	require.Equal(t, !funded, used, "%s: the match uses the sums", step)
}

// bigRow is a row to bigGap.
func bigRow(id, donor string, amount uint64) *record.Contribution {
	r := row(id, donor, 0, amount)
	r.Gap = *bigGap
	return r
}

// lower is a lower-case address as a donor.
func lower(x int64) string { return strings.ToLower(common.BigToAddress(big.NewInt(x)).Hex()) }

// TestDeferredSumsUnderAttack runs, on a round whose sums a bulk import
// deferred (only the gaps' sums and the recipients' own cells stored),
// the writes and recipient changes that need the other cells or read
// the own ones, and requires after each step stats and the match from
// the sums equal to those from the rows, the sums still used.
func TestDeferredSumsUnderAttack(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	base := func() []*record.Contribution {
		return []*record.Contribution{
			row("a", lower(0xd0), 1, 900),
			row("b", lower(0xd1), 1, 100),
			row("c", lower(0xd2), 2, 400),
			row("d", lower(0xd0), 2, 49),
			row("e", "alice", 1, 16),
		}
	}
	with := func(extra ...*record.Contribution) []*record.Contribution { return append(base(), extra...) }
	type op struct {
		do    func(t *testing.T, s *store.Store)
		funds bool // a ledger fund
	}
	setGap := func(id uint64, to int64) op {
		return op{do: func(t *testing.T, s *store.Store) {
			_, err := s.SetGap(calc.Gap{ID: *uint256.NewInt(id), Recipient: common.BigToAddress(big.NewInt(to))})
			require.NoError(t, err)
		}}
	}
	void := func(id string) op {
		return op{do: func(t *testing.T, s *store.Store) {
			_, err := s.VoidContribution(1, id, "sybil")
			require.NoError(t, err)
		}}
	}
	fund := func(gap, amount uint64) op {
		return op{funds: true, do: func(t *testing.T, s *store.Store) {
			l, err := ledger.New(s)
			require.NoError(t, err)
			_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *uint256.NewInt(gap), Amount: *uint256.NewInt(amount),
				At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			require.NoError(t, err)
		}}
	}
	imp := func(rows ...*record.Contribution) op {
		return op{do: func(t *testing.T, s *store.Store) {
			_, err := s.ImportFile(1, feed(rows...))
			require.NoError(t, err)
		}}
	}
	addGap := func(id uint64, to int64) op {
		return op{do: func(t *testing.T, s *store.Store) {
			_, err := s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(id), Recipient: common.BigToAddress(big.NewInt(to))}})
			require.NoError(t, err)
		}}
	}
	for _, tc := range []struct {
		name string
		gaps []calc.Gap // registered before the import
		rows []*record.Contribution
		ops  []op
	}{
		{"a recipient to its own gap, its row voided", nil, with(row("own", recipientOf(1), 1, 81)),
			[]op{void("own")}},
		{"a recipient to its own gap, another row of it voided", nil, with(row("own", recipientOf(1), 1, 81), row("own2", recipientOf(1), 1, 19)),
			[]op{void("own2"), void("a")}},
		{"a recipient to another gap, then made its recipient", nil, with(row("x", recipientOf(1), 2, 64)),
			[]op{setGap(2, 0xb1), void("x")}},
		{"the recipient of two gaps, to both", []calc.Gap{{ID: *uint256.NewInt(3), Recipient: common.BigToAddress(big.NewInt(0xb1))}},
			with(row("x", recipientOf(1), 1, 64), row("y", recipientOf(1), 3, 36), row("z", lower(0xd1), 3, 9)),
			[]op{void("z"), setGap(3, 0xd1), void("y")}},
		{"a recipient change, then a fund", nil, base(),
			[]op{setGap(1, 0xd0), fund(1, 7)}},
		{"a fund, then a recipient change to the funder's gap", nil, base(),
			[]op{fund(1, 7), setGap(1, 0xd1), fund(2, 3)}},
		{"a recipient change, then a void of the new recipient's row", nil, base(),
			[]op{setGap(1, 0xd0), void("a")}},
		{"a void, then a recipient change", nil, base(),
			[]op{void("b"), setGap(1, 0xd1)}},
		{"a recipient change to a donor of another gap only", nil, base(),
			[]op{setGap(2, 0xd1), fund(2, 5), void("c")}},
		{"a gap added after the import, paid to a donor of the round", nil, base(),
			[]op{addGap(3, 0xd0), imp(row("f", lower(0xd0), 3, 25)), setGap(3, 0xd2)}},
		{"a gap added after the import, then a recipient change before any row", nil, base(),
			[]op{addGap(3, 0xd0), setGap(3, 0xd1), imp(row("f", lower(0xd1), 3, 25))}},
		{"an import behind, then a recipient change", nil, with(row("own", recipientOf(2), 2, 4)),
			[]op{imp(row("f", lower(0xd0), 1, 25)), setGap(2, 0xd2)}},
		{"the recipient of a gap past 2^64, to it", []calc.Gap{{ID: *bigGap, Recipient: common.BigToAddress(big.NewInt(0xb3))}},
			with(bigRow("big", lower(0xb3), 70), bigRow("big2", lower(0xd0), 30)),
			[]op{void("big2"), setGap(1, 0xb3), fund(1, 4), void("big")}},
		{"the same recipient change twice", nil, base(),
			[]op{setGap(1, 0xd0), setGap(1, 0xd0), setGap(1, 0xb1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := deferredRound(t, tc.gaps, tc.rows...)
			defer s.Close()
			agree(t, s, "deferred", false)
			funded := false
			for i, o := range tc.ops {
				o.do(t, s)
				funded = funded || o.funds
				agree(t, s, fmt.Sprint("after op ", i), funded)
			}
		})
	}
}

// TestDeferredSumsImportBehindWithinBound: an import behind deferred sums
// sums its own rows, as it does behind whole sums: the hook's bound on the
// rows one import sums (sumsMaxImport) is the import's, not the round's,
// so a round the bulk import left within the bound keeps usable sums
// after the next small import, as the batch import's does.
func TestDeferredSumsImportBehindWithinBound(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	defer store.SetSumsMaxImport(store.SetSumsMaxImport(50))
	first := attackRows(50, 17, nil)
	second := attackRows(70, 23, nil)[50:]
	fast, slow := attackSetup(t), attackSetup(t)
	defer fast.Close()
	defer slow.Close()
	_, err := fast.ImportFile(1, feed(first...))
	require.NoError(t, err)
	deferred, err := fast.SumsDeferred(1)
	require.NoError(t, err)
	require.True(t, deferred, "the fresh import defers")
	_, err = slow.Import(1, feed(first...))
	require.NoError(t, err)
	for _, s := range []*store.Store{fast, slow} {
		_, err = s.ImportFile(1, feed(second...))
		require.NoError(t, err)
	}
	for name, s := range map[string]*store.Store{"bulk": fast, "batch": slow} {
		agree(t, s, name, false)
	}
	stored := roundRecords(t, fast)
	require.Equal(t, roundRecords(t, slow), stored, "the records")
}

// TestDeferredSumsRecipientInAnotherCase: a recipient giving to its own
// gap under its address in checksum case or upper case (stored as given)
// is not the canonical donor the sums count (record.Contribution's donor
// is canonical: the file parsers make it so; the match from the rows
// refuses such a row): the bulk import does not defer, the sums say why
// they cannot describe the round, and stats come from the rows, before
// and after a void and a recipient change.
func TestDeferredSumsRecipientInAnotherCase(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	s, _ := setup(t)
	defer s.Close()
	_, err := s.ImportFile(1, feed(row("a", lower(0xd0), 1, 900), row("b", lower(0xd1), 2, 100),
		row("own", common.BigToAddress(big.NewInt(0xb1)).Hex(), 1, 81), row("own2", "0X"+strings.ToUpper(recipientOf(2)[2:]), 2, 9)))
	require.NoError(t, err)
	deferred, err := s.SumsDeferred(1)
	require.NoError(t, err)
	require.False(t, deferred)
	for i, step := range []func() error{
		func() error { return nil },
		func() error { _, err := s.VoidContribution(1, "own", "sybil"); return err },
		func() error {
			_, err := s.SetGap(calc.Gap{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xd0))})
			return err
		},
	} {
		require.NoError(t, step())
		fromSums, fromRows := statsBothWays(t, s, 1)
		require.Equal(t, fromRows, fromSums, "step %d: stats", i)
		r, err := s.Round(1)
		require.NoError(t, err)
		gaps, err := s.Gaps()
		require.NoError(t, err)
		_, err = s.OpenSums(r, gaps)
		require.EqualError(t, err, "no statistics sums: round 1's cannot describe it (a donor is not in canonical form)", "step %d", i)
	}
}

// sumsKey is the key of round n's record of the sums' prefix p ('h' the
// head, 'o' a gap's sums, 'l' a cell), then rest (a gap id, 32 bytes, and
// a donor).
func sumsKey(p byte, n uint64, rest ...[]byte) []byte {
	k := binary.BigEndian.AppendUint64([]byte{p}, n)
	for _, r := range rest {
		k = append(k, r...)
	}
	return k
}

// gapBytes is gap id g as a key holds it.
func gapBytes(g uint64) []byte { b := uint256.NewInt(g).Bytes32(); return b[:] }

// TestDeferredSumsDamaged damages the records of deferred sums (a gap's
// sums absent or not decodable, every gap's absent): the match refuses
// them (its checks, round.Closing) and computes from the rows, and the
// next write that changes them makes them whole from the rows. (Stats,
// round.Projected, trusts the sums it reads: see
// TestMatchFallsBackFromDamagedSums.)
func TestDeferredSumsDamaged(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, s *store.Store)
		why    string // why the match does not use the sums
	}{
		{"a gap's sums absent", func(t *testing.T, s *store.Store) {
			require.NoError(t, s.DeleteRaw(sumsKey('o', 1, gapBytes(2))))
		}, "the round's statistics sums disagree with its records: round 1: the gaps' direct totals add up to 900, the round's rows to 1016"},
		{"every gap's sums absent", func(t *testing.T, s *store.Store) {
			require.NoError(t, s.DeleteRaw(sumsKey('o', 1, gapBytes(1))))
			require.NoError(t, s.DeleteRaw(sumsKey('o', 1, gapBytes(2))))
		}, "the round's statistics sums disagree with its records: round 1: the gaps' direct totals add up to 0, the round's rows to 1016"},
		{"a gap's sums not decodable", func(t *testing.T, s *store.Store) {
			require.NoError(t, s.SetRaw(sumsKey('o', 1, gapBytes(1)), []byte{0x80}))
		}, "round 1 statistics of gap 1: damaged contribution record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := deferredRound(t, nil, row("a", lower(0xd0), 1, 900), row("b", lower(0xd1), 2, 100), row("own", recipientOf(2), 2, 16))
			defer s.Close()
			tc.damage(t, s)
			r, err := s.Round(1)
			require.NoError(t, err)
			want, err := round.FromStore(s, r, r.Config, nil)
			require.NoError(t, err)
			got, src, err := round.Closing(s, r, r.Config, false, nil)
			require.NoError(t, err)
			require.False(t, src.Sums, "the match uses the sums")
			require.EqualError(t, src.Why, tc.why)
			require.Equal(t, want.Report, got.Report, "the match")

			_, err = s.VoidContribution(1, "b", "sybil")
			require.NoError(t, err)
			agree(t, s, "after a void", false)
		})
	}
}

// TestDeferredSumsTwoOpenRounds: a recipient change makes the deferred
// sums of every open round whole (qf round 1 and linear round 2), and
// each round's stats and match from the sums stay those from its rows.
func TestDeferredSumsTwoOpenRounds(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	s, _ := setup(t)
	defer s.Close()
	_, err := s.CreateRound(store.Round{Config: calc.Config{Mechanism: "linear", Pool: *uint256.NewInt(5000)}})
	require.NoError(t, err)
	for n := uint64(1); n <= 2; n++ {
		_, err = s.ImportFile(n, feed(row("a", lower(0xd0), 1, 900), row("b", lower(0xd1), 2, 100), row("own", recipientOf(2), 2, 16),
			row("c", lower(0xd1), 1, 4*n)))
		require.NoError(t, err)
		deferred, err := s.SumsDeferred(n)
		require.NoError(t, err)
		require.True(t, deferred, "round %d defers", n)
	}
	_, err = s.SetGap(calc.Gap{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xd1))})
	require.NoError(t, err)
	for n := uint64(1); n <= 2; n++ {
		deferred, err := s.SumsDeferred(n)
		require.NoError(t, err)
		require.False(t, deferred, "round %d made whole", n)
		fromSums, fromRows := statsBothWays(t, s, n)
		require.Equal(t, fromRows, fromSums, "round %d: stats", n)
		mSums, mRows, used := matchBothWays(t, s, n)
		require.Equal(t, mRows, mSums, "round %d: match", n)
		require.True(t, used, "round %d: the match uses the sums", n)
	}
}

// headOf is round n's stored sums head, as older versions decode it.
func headOf(t *testing.T, s *store.Store, n uint64) (raw string, old struct{ Contributions, Voided, Rows, Donors int }) {
	t.Helper()
	key := hex.EncodeToString(sumsKey('h', n))
	for _, kv := range dump(t, s) {
		if k, v, _ := strings.Cut(kv, "="); k == key {
			b, err := hex.DecodeString(v)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &old))
			return string(b), old
		}
	}
	t.Fatalf("round %d has no sums head", n)
	return
}

// TestDeferredHeadToOlderVersions: a deferred head is stored with a stamp
// above any round's count (its own kept aside), so that a version from
// before deferred sums, which reads only the stamp, finds them stale and
// not behind the round: it refuses them and rebuilds them whole instead of
// taking them as whole (and merging a fund's or an import's rows into the
// cells they lack). A whole head has no deferred fields (a database from
// before reads as it did), and a deferred head stored with its own stamp
// (as this version's first deferred sums were) is read as deferred.
func TestDeferredHeadToOlderVersions(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	rows := []*record.Contribution{row("a", lower(0xd0), 1, 900), row("b", lower(0xd1), 2, 100), row("own", recipientOf(2), 2, 16)}

	t.Run("deferred", func(t *testing.T) {
		s := deferredRound(t, nil, rows...)
		defer s.Close()
		raw, old := headOf(t, s, 1)
		require.Equal(t, `{"contributions":9223372036854775807,"voided":0,"rows":3,"donors":3,"deferred":true,"deferredContributions":3}`, raw)
		r, err := s.Round(1)
		require.NoError(t, err)
		require.Greater(t, old.Contributions, r.Contributions, "stale, and not behind, to an older version")
		agree(t, s, "deferred", false)
		_, err = s.VoidContribution(1, "b", "sybil")
		require.NoError(t, err)
		raw, _ = headOf(t, s, 1)
		require.Equal(t, `{"contributions":3,"voided":1,"rows":2,"donors":2}`, raw, "whole after the void")
		agree(t, s, "whole", false)
	})
	t.Run("deferred with its own stamp", func(t *testing.T) {
		s := deferredRound(t, nil, rows...)
		defer s.Close()
		require.NoError(t, s.SetRaw(sumsKey('h', 1), []byte(`{"contributions":3,"voided":0,"rows":3,"donors":3,"deferred":true}`)))
		deferred, err := s.SumsDeferred(1)
		require.NoError(t, err)
		require.True(t, deferred)
		agree(t, s, "deferred", false)
		_, err = s.VoidContribution(1, "b", "sybil")
		require.NoError(t, err)
		agree(t, s, "whole", false)
	})
	t.Run("whole", func(t *testing.T) {
		s, _ := setup(t)
		defer s.Close()
		_, err := s.Import(1, feed(rows...))
		require.NoError(t, err)
		raw, _ := headOf(t, s, 1)
		require.Equal(t, `{"contributions":3,"voided":0,"rows":3,"donors":3}`, raw)
		deferred, err := s.SumsDeferred(1)
		require.NoError(t, err)
		require.False(t, deferred)
		_, err = s.VoidContribution(1, "b", "sybil")
		require.NoError(t, err)
		agree(t, s, "after a void", false)
	})
}
