package store_test

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// The statistics sums are a cache and qf match pays money from them
// (round.Closing): sums damaged as a bug or a bad disk might leave them —
// each record rewritten directly — are caught by the match's checks, and
// the match computes the round from its rows, with the rows' outcome
// byte for byte. Where the damage would change what the sums compute
// (projected says so), the unchecked projection (round.Projected) shows
// it does.
func TestMatchFallsBackFromDamagedSums(t *testing.T) {
	g1, g2, g3 := uint256.NewInt(1), uint256.NewInt(2), uint256.NewInt(3)
	for _, tc := range []struct {
		name      string
		damage    func(s *store.Store) error
		is        error
		err       string
		projected bool // the unchecked projection differs from the rows' outcome
		void      bool // x4 voided after the import
	}{
		{name: "undamaged"},
		{name: "a void after the import", void: true},
		{name: "a void after the import, the check state's total one wei less", void: true, is: round.ErrSumsDisagree,
			err: "the round's statistics sums disagree with its records: round 1: the gaps' direct totals add up to 139, the round's rows to 138",
			damage: func(s *store.Store) error {
				return s.DamageCheckState(1, func(_, _ *uint64, _ *bool, total *uint256.Int) { total.SubUint64(total, 1) })
			}},
		{name: "a gap's direct total one wei more", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: the gaps' direct totals add up to 141, the round's rows to 140",
			damage: func(s *store.Store) error {
				return s.DamageGapSums(1, g1, func(d *uint256.Int, _ *int, _ *uint256.Int) { d.AddUint64(d, 1) })
			}},
		{name: "a direct total moved between gaps", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: gap 2: Σ√ 11000000000 is above its bound for 2 donor(s) and direct total 56",
			damage: func(s *store.Store) error {
				if err := s.DamageGapSums(1, g1, func(d *uint256.Int, _ *int, _ *uint256.Int) { d.AddUint64(d, 5) }); err != nil {
					return err
				}
				return s.DamageGapSums(1, g2, func(d *uint256.Int, _ *int, _ *uint256.Int) { d.SubUint64(d, 5) })
			}},
		{name: "a gap's sums zeroed", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: the gaps' direct totals add up to 79, the round's rows to 140",
			damage: func(s *store.Store) error {
				return s.DamageGapSums(1, g2, func(d *uint256.Int, n *int, r *uint256.Int) { d.Clear(); *n = 0; r.Clear() })
			}},
		{name: "Σ√ far above its bound", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: gap 1: Σ√ 1267650600228229401506703205376 is above its bound for 4 donor(s) and direct total 30",
			damage: func(s *store.Store) error {
				return s.DamageGapSums(1, g1, func(_ *uint256.Int, _ *int, r *uint256.Int) { r.Add(r, new(uint256.Int).Lsh(uint256.NewInt(1), 100)) })
			}},
		{name: "Σ√ one too high in a one-donor gap", is: round.ErrSumsDisagree,
			err: "the round's statistics sums disagree with its records: round 1: gap 3: Σ√ 7000000001 is above its bound for 1 donor(s) and direct total 49",
			damage: func(s *store.Store) error {
				return s.DamageGapSums(1, g3, func(_ *uint256.Int, _ *int, r *uint256.Int) { r.AddUint64(r, 1) })
			}},
		{name: "Σ√ one too low in a one-donor gap", is: round.ErrSumsDisagree,
			err: "the round's statistics sums disagree with its records: round 1: gap 3: Σ√ 6999999999 is below its bound for 1 donor(s) and direct total 49",
			damage: func(s *store.Store) error {
				return s.DamageGapSums(1, g3, func(_ *uint256.Int, _ *int, r *uint256.Int) { r.SubUint64(r, 1) })
			}},
		{name: "a donor more in a gap", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: 8 (gap, donor) cells for 5 distinct donors and 7 rows",
			damage: func(s *store.Store) error {
				return s.DamageGapSums(1, g1, func(_ *uint256.Int, n *int, _ *uint256.Int) { *n++ })
			}},
		{name: "the recipient's own cell above its gap's total", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: gap 1: the recipient's own cell 1000000 exceeds the direct total 30",
			damage: func(s *store.Store) error {
				return s.DamageCell(1, g1, "0x00000000000000000000000000000000000000b1", uint256.NewInt(1_000_000))
			}},
		{name: "the head counts a row more", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: they count 8 rows, the round 7 (7 contributions − 0 voided)",
			damage: func(s *store.Store) error {
				return s.DamageSumsHead(1, func(_, _, rows, _ *int) { *rows++ })
			}},
		{name: "the head counts more donors than rows", is: round.ErrSumsDisagree, projected: true,
			err: "the round's statistics sums disagree with its records: round 1: 8 distinct donors for 7 rows",
			damage: func(s *store.Store) error {
				return s.DamageSumsHead(1, func(_, _, rows, donors *int) { *donors = *rows + 1 })
			}},
		{name: "the head stamped with an older round", is: store.ErrNoSums,
			err: "no statistics sums: round 1's are stale (made at 6 contributions, 0 voided; the round has 7, 0 voided)",
			damage: func(s *store.Store) error {
				return s.DamageSumsHead(1, func(c, _, _, _ *int) { *c-- })
			}},
		{name: "the check state's total one wei less", is: round.ErrSumsDisagree,
			err: "the round's statistics sums disagree with its records: round 1: the gaps' direct totals add up to 140, the round's rows to 139",
			damage: func(s *store.Store) error {
				return s.DamageCheckState(1, func(_, _ *uint64, _ *bool, total *uint256.Int) { total.SubUint64(total, 1) })
			}},
		{name: "the check state stamped with other voids", is: round.ErrSumsUnchecked,
			err: "the round's statistics sums cannot be checked: round 1: its total is known from its rows only (a ledger fund since the last import, or voids both before and after it)",
			damage: func(s *store.Store) error {
				return s.DamageCheckState(1, func(_, v *uint64, _ *bool, _ *uint256.Int) { *v++ })
			}},
		{name: "the check state not plain", is: round.ErrSumsUnchecked,
			err: "the round's statistics sums cannot be checked: round 1: its total is known from its rows only (a ledger fund since the last import, or voids both before and after it)",
			damage: func(s *store.Store) error {
				return s.DamageCheckState(1, func(_, _ *uint64, p *bool, _ *uint256.Int) { *p = false })
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := setup(t)
			defer s.Close()
			_, err := s.AddGaps([]calc.Gap{{ID: *g3, Recipient: common.HexToAddress("0xb3")}})
			require.NoError(t, err)
			d := func(b string) string { return "0x00000000000000000000000000000000000000" + b }
			_, err = s.Import(1, feed(
				row("x1", d("a1"), 1, 4), row("x2", d("a2"), 1, 9), row("x3", d("b1"), 1, 16), row("x4", d("a3"), 1, 1),
				row("x5", d("a1"), 2, 25), row("x6", d("a2"), 2, 36),
				row("x7", d("a4"), 3, 49),
			))
			require.NoError(t, err)
			if tc.void {
				_, err = s.VoidContribution(1, "x4", "test")
				require.NoError(t, err)
			}
			r, err := s.Round(1)
			require.NoError(t, err)
			if tc.damage != nil {
				require.NoError(t, tc.damage(s))
			}
			want, err := round.FromStore(s, r, r.Config, nil)
			require.NoError(t, err)
			got, src, err := round.Closing(s, r, r.Config, false, nil)
			require.NoError(t, err)
			if tc.is == nil {
				require.True(t, src.Sums, "%v", src.Why)
			} else {
				require.False(t, src.Sums)
				require.ErrorIs(t, src.Why, tc.is)
				require.EqualError(t, src.Why, tc.err)
			}
			reportJSON := func(o *round.Outcome) string {
				b, err := json.Marshal(o.Report)
				require.NoError(t, err)
				return string(b)
			}
			require.Equal(t, reportJSON(want), reportJSON(got))
			require.Equal(t, want.Report.Root, got.Report.Root)
			proj, err := round.Projected(s, r, r.Config, nil)
			require.NoError(t, err)
			if tc.projected {
				require.NotEqual(t, reportJSON(want), reportJSON(proj), "the damage changes what the sums compute")
			} else {
				require.Equal(t, reportJSON(want), reportJSON(proj))
			}
		})
	}
}
