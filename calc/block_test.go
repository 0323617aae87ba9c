package calc_test

import (
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/bulk"
)

// TestAddBlockRefuses: the tally checks a bulk loader's block and stores
// nothing of one it refuses, into an empty tally (the parallel path) and
// into one with rows (the simple path).
func TestAddBlockRefuses(t *testing.T) {
	fixed := func(rows ...bulk.Row) func(int, *bulk.Row) bool {
		return func(i int, c *bulk.Row) bool { *c = rows[i]; return true }
	}
	row := func(donor, gap int32, amount uint64) bulk.Row {
		return bulk.Row{Donor: donor, Gap: gap, Amount: *uint256.NewInt(amount)}
	}
	reads := 0
	cases := []struct {
		name   string
		block  bulk.Block
		err    string
		simple bool // the simple path reads each row once: no change to see
	}{
		{"donor index past the block's donors", bulk.Block{Donors: []string{"a"}, N: 2, Row: fixed(row(0, 0, 5), row(1, 0, 5))},
			"bad donor: block row 1: donor 1 of 1", false},
		{"negative donor index", bulk.Block{Donors: []string{"a"}, N: 1, Row: fixed(row(-1, 0, 5))},
			"bad donor: block row 0: donor -1 of 1", false},
		{"gap index past the registry", bulk.Block{Donors: []string{"a"}, N: 1, Row: fixed(row(0, 3, 5))},
			"unknown gap: block row 0: gap index 3 of 3", false},
		{"negative gap index", bulk.Block{Donors: []string{"a"}, N: 1, Row: fixed(row(0, -2, 5))},
			"unknown gap: block row 0: gap index -2 of 3", false},
		{"zero amount", bulk.Block{Donors: []string{"a"}, N: 2, Row: fixed(row(0, 0, 5), row(0, 1, 0))},
			"block row 1: amount must be greater than zero", false},
		{"upper-case address", bulk.Block{Donors: []string{"a", "0xABCDEF0123456789ABCDEF0123456789ABCDEF01"}, N: 1, Row: fixed(row(0, 0, 5))},
			`block donor 1: bad donor: "0xABCDEF0123456789ABCDEF0123456789ABCDEF01" is not in canonical form (0xabcdef0123456789abcdef0123456789abcdef01)`, false},
		{"empty donor", bulk.Block{Donors: []string{""}, N: 1, Row: fixed(row(0, 0, 5))},
			"block donor 0: bad donor: empty", false},
		{"rows that change between reads", bulk.Block{Donors: []string{"a"}, N: 1, Row: func(_ int, c *bulk.Row) bool {
			reads++
			*c = row(0, int32(reads%2), 5) // gap 1, then gap 0
			return true
		}}, "a bulk row read differently the second time", true},
	}
	for _, c := range cases {
		for _, withRows := range []bool{false, true} {
			name := c.name
			if withRows {
				name += "/into a tally with rows"
			}
			t.Run(name, func(t *testing.T) {
				tl, err := calc.NewTally(gaps(3), nil)
				require.NoError(t, err)
				if withRows {
					require.NoError(t, tl.Add("early", uint256.NewInt(1), uint256.NewInt(7)))
				}
				before, rows := append([]string(nil), tl.Donors()...), tl.Rows()
				reads = 0
				if withRows && c.simple {
					require.NoError(t, tl.AddBlock(&c.block))
					require.Equal(t, rows+1, tl.Rows(), "each row read once")
					return
				}
				require.EqualError(t, tl.AddBlock(&c.block), c.err)
				require.Equal(t, before, tl.Donors(), "no donor added")
				require.Equal(t, rows, tl.Rows(), "no row added")
			})
		}
	}
}

// TestIndexedChecks: adding by index or bytes checks indices and donors.
func TestIndexedChecks(t *testing.T) {
	tl, err := calc.NewTally(gaps(2), nil)
	require.NoError(t, err)
	d := tl.DonorIndex("a")
	for _, c := range []struct {
		name       string
		donor, gap int32
		amount     uint64
		err        string
	}{
		{"zero amount", d, 0, 0, "amount must be greater than zero"},
		{"donor not added", 1, 0, 5, "bad donor: donor index 1 of 1"},
		{"negative donor", -1, 0, 5, "bad donor: donor index -1 of 1"},
		{"gap past the registry", d, 2, 5, "unknown gap: gap index 2 of 2"},
		{"negative gap", d, -1, 5, "unknown gap: gap index -1 of 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.EqualError(t, tl.AddIndexed(c.donor, c.gap, uint256.NewInt(c.amount)), c.err)
			require.Zero(t, tl.Rows())
		})
	}
	for _, c := range []struct{ name, donor, err string }{
		{"upper-case address", "0xABCDEF0123456789ABCDEF0123456789ABCDEF01",
			`bad donor: "0xABCDEF0123456789ABCDEF0123456789ABCDEF01" is not in canonical form (0xabcdef0123456789abcdef0123456789abcdef01)`},
		{"40 hex digits", "abcdef0123456789abcdef0123456789abcdef01",
			`bad donor: "abcdef0123456789abcdef0123456789abcdef01" is 40 hex digits: write an address with its 0x (0xabcdef0123456789abcdef0123456789abcdef01)`},
		{"empty", "", "bad donor: empty"},
	} {
		t.Run("bytes/"+c.name, func(t *testing.T) {
			_, err := tl.DonorIndexBytes([]byte(c.donor))
			require.EqualError(t, err, c.err)
			require.Equal(t, []string{"a"}, tl.Donors())
		})
	}
	t.Run("bytes/canonical address", func(t *testing.T) {
		i, err := tl.DonorIndexBytes([]byte("0xabcdef0123456789abcdef0123456789abcdef01"))
		require.NoError(t, err)
		require.Equal(t, int32(1), i)
		j, err := tl.DonorIndexBytes([]byte("0xabcdef0123456789abcdef0123456789abcdef01"))
		require.NoError(t, err)
		require.Equal(t, i, j)
	})
}
