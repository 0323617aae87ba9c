package round_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

func addr(b byte) string { return common.BytesToAddress([]byte{b}).Hex() }

func pledge(line int, donor string, gap, limit uint64) round.PledgeRow {
	r := round.PledgeRow{Line: line, Donor: donor}
	r.Gap.SetUint64(gap)
	r.Limit.SetUint64(limit)
	return r
}

func TestComputeCQF(t *testing.T) {
	gaps := []calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.HexToAddress(addr(0xa1))}, {ID: *uint256.NewInt(2), Recipient: common.HexToAddress(addr(0xa2))}, {ID: *uint256.NewInt(3), Recipient: common.HexToAddress(addr(0xa3))}}
	rows := []round.PledgeRow{
		pledge(2, addr(1), 1, 4_000_000),
		pledge(3, addr(2), 2, 9_000_000),
		pledge(4, addr(2), 1, 1_000_000),
		pledge(5, addr(1), 1, 2_000_000),    // a repeat: one pledge of 6M at line 2's place
		pledge(6, addr(0xa1), 1, 3_000_000), // the recipient pledges to its own gap
	}
	pol := cqf.Policy{Sigma: big.NewRat(1, 1000), Decay: big.NewRat(1, 2)}
	out, err := round.ComputeCQF(gaps, rows, round.CQFSettings{Policy: pol, JoinLeverage: true})
	require.NoError(t, err)
	require.Len(t, out.Gaps, 2) // gap 3 has no pledges
	require.Equal(t, "19000000", out.Limits.Dec())
	require.Equal(t, out.Limits, out.Leaves)

	// Gap 1 is cqf.Solve over (6M, 1M, 3M) with σ/(1 + k/2) in join order.
	ls := []uint256.Int{*uint256.NewInt(6_000_000), *uint256.NewInt(1_000_000), *uint256.NewInt(3_000_000)}
	want, err := cqf.Solve(pol.Pledges(ls), false)
	require.NoError(t, err)
	g1 := out.Gaps[0]
	require.Equal(t, want.Total.Dec(), g1.Total.Dec())
	require.Equal(t, []int{2, 4, 6}, []int{g1.Pledges[0].Line, g1.Pledges[1].Line, g1.Pledges[2].Line})
	require.Equal(t, "1/1500", g1.Pledges[1].Sigma)
	for i, p := range g1.Pledges {
		require.Equal(t, want.Pay[i].Dec(), p.Pay.Dec())
		require.Equal(t, want.Refund[i].Dec(), p.Refund.Dec())
	}
	require.InDelta(t, 1.0, g1.Pledges[0].JoinLeverage, 1e-12)
	require.Greater(t, g1.Pledges[2].JoinLeverage, 1.0)

	// Leaves: gap 1 pays its recipient Σ pay + its own refund, and two
	// pledgers; gap 2 its recipient and one pledger. Each proves.
	vals := out.Tree.Values()
	require.Len(t, vals, 5)
	leaves := map[string]string{}
	for _, v := range vals {
		leaves[v.Value[0]+" "+v.Value[1]] = v.Value[2]
		g, _ := calc.ParseGap(v.Value[0])
		a := common.HexToAddress(v.Value[1])
		p, err := payout.ProofForLeaf(out.Tree, &g, &a)
		require.NoError(t, err)
		require.NoError(t, p.Check())
	}
	var own uint256.Int
	own.Add(&want.Total, &want.Refund[2])
	require.Equal(t, own.Dec(), leaves["1 "+addr(0xa1)])
	require.Equal(t, want.Refund[0].Dec(), leaves["1 "+addr(1)])
	require.Equal(t, out.Gaps[1].Total.Dec(), leaves["2 "+addr(0xa2)])
}

func TestComputeCQFErrors(t *testing.T) {
	gaps := []calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.HexToAddress(addr(0xa1))}}
	pol := round.CQFSettings{Policy: cqf.Policy{Sigma: big.NewRat(1, 1000)}}
	for _, tc := range []struct {
		name string
		rows []round.PledgeRow
		want string
	}{
		{"not an address", []round.PledgeRow{pledge(7, "alice", 1, 5)}, `line 7: donor "alice": coordinated QF pledgers must be 0x addresses`},
		{"unknown gap", []round.PledgeRow{pledge(3, addr(1), 9, 5)}, "line 3: gap: unknown gap: 9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := round.ComputeCQF(gaps, tc.rows, pol)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

// TestComputeCQFTopUpsJoin: with TopUpsJoin (on-chain rounds) a pledger's
// second pledge to a gap takes its own place in join order instead of
// lifting its first, tiny one to the front; its refunds still make one leaf.
func TestComputeCQFTopUpsJoin(t *testing.T) {
	gaps := []calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.HexToAddress(addr(0xa1))}}
	rows := []round.PledgeRow{
		pledge(1, addr(1), 1, 1),         // a tiny first pledge
		pledge(2, addr(2), 1, 5_000_000), // an honest early pledger
		pledge(3, addr(1), 1, 9_000_000), // the real pledge, later
	}
	pol := cqf.Policy{Sigma: big.NewRat(1, 1000), Decay: big.NewRat(1, 2)}
	solve := func(ls ...uint64) *cqf.Solution {
		us := make([]uint256.Int, len(ls))
		for i, l := range ls {
			us[i].SetUint64(l)
		}
		s, err := cqf.Solve(pol.Pledges(us), false)
		require.NoError(t, err)
		return s
	}
	cases := []struct {
		name   string
		join   bool
		lines  []int
		want   *cqf.Solution
		refund func(s *cqf.Solution) uint256.Int // addr(1)'s leaf
	}{
		{"merged at the first place", false, []int{1, 2}, solve(9_000_001, 5_000_000),
			func(s *cqf.Solution) uint256.Int { return s.Refund[0] }},
		{"each pledge its own place", true, []int{1, 2, 3}, solve(1, 5_000_000, 9_000_000),
			func(s *cqf.Solution) uint256.Int { var r uint256.Int; r.Add(&s.Refund[0], &s.Refund[2]); return r }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := round.ComputeCQF(gaps, rows, round.CQFSettings{Policy: pol, TopUpsJoin: tc.join})
			require.NoError(t, err)
			g := out.Gaps[0]
			var lines []int
			for _, p := range g.Pledges {
				lines = append(lines, p.Line)
			}
			require.Equal(t, tc.lines, lines)
			require.Equal(t, tc.want.Total.Dec(), g.Total.Dec())
			require.Equal(t, out.Limits, out.Leaves, "Σ leaves = Σ limits")
			n := 0
			for _, v := range out.Tree.Values() {
				if v.Value[1] == addr(1) {
					n++
					want := tc.refund(tc.want)
					require.Equal(t, want.Dec(), v.Value[2])
				}
			}
			require.Equal(t, 1, n, "one refund leaf for the pledger")
		})
	}
	require.NotEqual(t, solve(9_000_001, 5_000_000).Total, solve(1, 5_000_000, 9_000_000).Total, "the place matters")
}
