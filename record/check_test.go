package record

import (
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// TestChecker: a row by row check gives the errors computing the round
// would give for the same rows, naming where the first value came from.
func TestChecker(t *testing.T) {
	type r struct {
		line                 int
		donor, weight, score string
		amount               *uint256.Int
	}
	one := uint256.NewInt(1)
	top := new(uint256.Int).SetAllOne()
	for _, tc := range []struct {
		name   string
		scaled bool
		limit  uint64 // LimitPledges, if not 0
		stored []r
		rows   []r
		err    string
	}{
		{name: "weights and scores", rows: []r{{2, "a", "2", "12", one}, {3, "a", "2", "15", one}, {4, "b", "0.5", "", one}}},
		{name: "negative weight", rows: []r{{2, "a", "-1", "", one}}, err: `weight: bad weight: "-1" is negative`},
		{name: "NaN weight", rows: []r{{2, "a", "NaN", "", one}}, err: `weight: bad weight: "NaN" is not a decimal number`},
		{name: "five decimals", rows: []r{{2, "a", "0.00001", "", one}}, err: `weight: bad weight: "0.00001" has more than 4 decimals`},
		{name: "score syntax without a scale", rows: []r{{2, "a", "", "abc", one}}, err: `score: bad weight: score "abc" is not a decimal number`},
		{name: "two weights", rows: []r{{2, "a", "2", "", one}, {5, "a", "2.0", "", one}},
			err: "weight: bad weight: donor a has weight 2.0 here and 2 at line 2; a donor has one weight"},
		{name: "weight against a stored row", stored: []r{{0, "a", "2", "", one}}, rows: []r{{2, "a", "3", "", one}},
			err: `weight: bad weight: donor a has weight 3 here and 2 in stored row "s"; a donor has one weight`},
		{name: "two scores without a scale", rows: []r{{2, "a", "", "12", one}, {3, "a", "", "15", one}}},
		{name: "two scores under a scale", scaled: true, rows: []r{{2, "a", "", "12", one}, {3, "a", "", "15", one}},
			err: "score: bad weight: donor a has score 15 here and 12 at line 2; a donor has one score"},
		{name: "total at 2^256-1", rows: []r{{2, "a", "", "", top}}},
		{name: "total past 2^256-1", stored: []r{{0, "a", "", "", top}}, rows: []r{{2, "b", "", "", one}},
			err: "amount: exceeds 2^256-1: the round's total with this contribution (115792089237316195423570985008687907853269984665640564039457584007913129639935 + 1)"},
		{name: "zero amount", rows: []r{{2, "a", "", "", new(uint256.Int)}}, err: "amount: amount must be greater than zero"},
		{name: "pledges below the limit", limit: 10, stored: []r{{0, "a", "", "", uint256.NewInt(4)}}, rows: []r{{2, "a", "", "", uint256.NewInt(5)}, {3, "b", "", "", uint256.NewInt(9)}}},
		{name: "pledges at the limit", limit: 10, stored: []r{{0, "a", "", "", uint256.NewInt(4)}}, rows: []r{{2, "b", "", "", uint256.NewInt(9)}, {3, "a", "", "", uint256.NewInt(6)}},
			err: "amount: bad pledge: donor a's limits to gap 0 would total 4 + 6; a pledger's total to a gap must be below 2^200"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var scale *calc.ScoreScale
			if tc.scaled {
				var err error
				scale, err = calc.ParseScoreScale("10:20")
				require.NoError(t, err)
			}
			c := NewChecker(scale)
			if tc.limit != 0 {
				c.LimitPledges(uint256.NewInt(tc.limit))
			}
			row := func(x r) *Contribution {
				return &Contribution{Line: x.line, Donor: []byte(x.donor), Weight: []byte(x.weight), Score: []byte(x.score), Amount: *x.amount}
			}
			for _, x := range tc.stored {
				require.NoError(t, c.Stored(row(x), `in stored row "s"`))
			}
			var err error
			for _, x := range tc.rows {
				if err = c.Add(row(x)); err != nil {
					break
				}
			}
			if tc.err == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, tc.err)
		})
	}
}

// TestCheckerResume: a checker given the total of plain stored rows with
// SetTotal checks new rows as one fed those rows; weights, scores under a
// scale and pledge limits make it not Plain.
func TestCheckerResume(t *testing.T) {
	top := new(uint256.Int).SetAllOne()
	fed := NewChecker(nil)
	require.NoError(t, fed.Stored(&Contribution{Donor: []byte("a"), Amount: *uint256.NewInt(7)}, ""))
	require.True(t, fed.Plain())
	total := fed.Total()
	require.Equal(t, "7", total.Dec())
	resumed := NewChecker(nil)
	resumed.SetTotal(&total)
	over := new(uint256.Int).Sub(top, uint256.NewInt(6))
	for _, c := range []*Checker{fed, resumed} {
		err := c.Add(&Contribution{Donor: []byte("b"), Amount: *over, Line: 3})
		require.EqualError(t, err, "amount: exceeds 2^256-1: the round's total with this contribution (7 + "+over.Dec()+")")
	}
	t.Run("weight", func(t *testing.T) {
		c := NewChecker(nil)
		require.NoError(t, c.Add(&Contribution{Donor: []byte("a"), Weight: []byte("2"), Amount: *uint256.NewInt(1)}))
		require.False(t, c.Plain())
	})
	t.Run("score without a scale", func(t *testing.T) {
		c := NewChecker(nil)
		require.NoError(t, c.Add(&Contribution{Donor: []byte("a"), Score: []byte("2"), Amount: *uint256.NewInt(1)}))
		require.True(t, c.Plain())
	})
	t.Run("pledge", func(t *testing.T) {
		c := NewChecker(nil)
		c.LimitPledges(uint256.NewInt(10))
		require.NoError(t, c.Add(&Contribution{Donor: []byte("a"), Amount: *uint256.NewInt(1)}))
		require.False(t, c.Plain())
	})
}
