package cgrants

import (
	"bytes"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/ulikunitz/xz"
)

func TestUSD(t *testing.T) {
	for _, tc := range []struct {
		name, in, want, err string
	}{
		{name: "integer", in: "2", want: "2000000000000000000"},
		{name: "decimal", in: "1570.7559889000001", want: "1570755988900000100000"},
		{name: "exponent", in: "4.99941541614e-07", want: "499941541614"},
		{name: "truncated below 1e-18", in: "1.0000000000000000009", want: "1000000000000000000"},
		{name: "zero", in: "0.0", want: "0"},
		{name: "negative", in: "-1", err: `"-1" is negative`},
		{name: "not a number", in: "ten", err: `"ten" is not a number`},
		{name: "empty", in: "", err: `"" is not a number`},
		{name: "too big", in: "1e80", err: "over 2^256-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := USD(tc.in)
			if tc.err != "" {
				require.ErrorIs(t, err, ErrData)
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got.Dec())
		})
	}
}

// writeData makes a data directory from the three files' contents,
// compressing the contributions with xz as the real dataset is.
func writeData(t *testing.T, contributions, rounds, grants string) string {
	t.Helper()
	dir := t.TempDir()
	var buf bytes.Buffer
	w, err := xz.NewWriter(&buf)
	require.NoError(t, err)
	_, err = w.Write([]byte(contributions))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, ContributionsFile), buf.Bytes(), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, RoundsFile), []byte(rounds), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, GrantsFile), []byte(grants), 0o644))
	return dir
}

const (
	fixtureRounds = `round_num,customer_name,start_date,end_date,total_pot
1,ethereum,2019-01-31T17:00:00.000-07:00,2019-02-14T17:00:00.000-07:00,25000
7,ethereum,2020-09-13T18:00:00.000-06:00,2020-10-01T12:00:00.000-06:00,150000
7,ethereum,2020-09-14T18:00:00.000-06:00,2020-10-02T12:00:00.000-06:00,150000
7,filecoin,2020-01-01T00:00:00.000-06:00,2020-12-31T00:00:00.000-06:00,1
`
	fixtureGrants = `round_number,grant_title,match_amount
1,"Burner Wallet, the wallet",200.0
1,Yearn,100
1,Zeros,
7,Burner Wallet,5.5
7,Burner Wallet,4.5
9,Elsewhere,1
`
	fixtureGifts = `time_sequence,created_on,contributor,grant,amount,flag
0,2019-01-31 16:59:59.000000-07:00,a,Yearn,100,0
1,2019-01-31 17:00:00.000000-07:00,a,"Burner Wallet, the wallet",1,0
2,2019-02-01 10:00:00.5-07:00,b,"Burner Wallet, the wallet",4.0,0
3,2019-02-02 10:00:00.000000-07:00,a,Yearn,1,0
4,2019-02-02 10:00:00.000000-07:00,c,Yearn,1e0,0
5,2019-02-03 10:00:00.000000-07:00,d,Zeros,9,0
6,2019-02-03 10:00:00.000000-07:00,e,Zeros,0.0,0
7,2019-02-14 17:00:00.000000-07:00,a,Unpublished,5e-1,0
8,2019-02-14 17:00:01.000000-07:00,a,Yearn,1000,0
9,2020-09-13 18:00:00.000000-06:00,f,Burner Wallet,2,0
10,2020-10-02 12:00:00.000000-06:00,g,Burner Wallet,2,0
`
)

func TestLoadJoinsRounds(t *testing.T) {
	dir := writeData(t, fixtureGifts, fixtureRounds, fixtureGrants)
	rs, err := Load(dir, []int{1, 7})
	require.NoError(t, err)
	r1, r7 := rs[0], rs[1]

	// The window is inclusive at both ends; rows 0 and 8 fall outside it.
	require.Equal(t, []string{"Burner Wallet, the wallet", "Unpublished", "Yearn", "Zeros"}, r1.Grants)
	require.Len(t, r1.Gifts, 6)
	require.Equal(t, 1, r1.Zero)
	require.Equal(t, Gift{Donor: "a", Grant: 0, Amount: r1.Gifts[0].Amount}, r1.Gifts[0])
	require.Equal(t, "1000000000000000000", r1.Gifts[0].Amount.Dec())
	require.Equal(t, int32(1), r1.Gifts[5].Grant) // "Unpublished", sorted after the file order changed it
	require.Equal(t, "500000000000000000", r1.Gifts[5].Amount.Dec())
	require.Equal(t, 4, r1.Donors())
	require.Equal(t, "300000000000000000000", r1.PublishedTotal.String())
	require.Equal(t, big.NewInt(0), r1.Published["Zeros"])

	// GR7: the union of its two Ethereum sub-rounds; the filecoin round 7 is
	// someone else's numbering. A title listed twice has both matches.
	require.Equal(t, "2020-09-13T18:00:00-06:00", r7.Start.Format("2006-01-02T15:04:05Z07:00"))
	require.Equal(t, "2020-10-02T12:00:00-06:00", r7.End.Format("2006-01-02T15:04:05Z07:00"))
	require.Len(t, r7.Gifts, 2)
	require.Equal(t, "10000000000000000000", r7.Published["Burner Wallet"].String())
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		gifts, rounds, grants string
		want                  string
		roundsWanted          []int
	}{
		{name: "bad amount", gifts: fixtureGifts + "11,2019-02-03 10:00:00.000000-07:00,a,Yearn,lots,0\n",
			want: "contributions.csv.xz:13: amount: bad data: \"lots\" is not a number"},
		{name: "negative amount", gifts: fixtureGifts + "11,2019-02-03 10:00:00.000000-07:00,a,Yearn,-3,0\n",
			want: "contributions.csv.xz:13: amount: bad data: \"-3\" is negative"},
		{name: "bad time", gifts: fixtureGifts + "11,yesterday,a,Yearn,3,0\n",
			want: "contributions.csv.xz:13: bad data: created_on"},
		{name: "empty contributor", gifts: fixtureGifts + "11,2019-02-03 10:00:00.000000-07:00,,Yearn,3,0\n",
			want: "contributions.csv.xz:13: bad data: empty contributor or grant"},
		{name: "missing column", gifts: "time_sequence,created_on,contributor,amount\n",
			want: `contributions.csv.xz: bad data: no "grant" column`},
		{name: "bad match", grants: fixtureGrants + "1,Other,1.2.3\n",
			want: "grants_data.csv:8: match_amount: bad data"},
		{name: "bad round number", grants: fixtureGrants + "x,Other,1\n",
			want: `grants_data.csv:8: bad data: round_number "x"`},
		{name: "bad end date", rounds: fixtureRounds + "1,ethereum,2019-01-31T17:00:00.000-07:00,soon,1\n",
			want: "clr_rounds.csv:6: bad data: end_date"},
		{name: "unknown round", roundsWanted: []int{1, 42}, want: "clr_rounds.csv: round not in the data: GR42"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			or := func(s, d string) string {
				if s == "" {
					return d
				}
				return s
			}
			dir := writeData(t, or(tc.gifts, fixtureGifts), or(tc.rounds, fixtureRounds), or(tc.grants, fixtureGrants))
			want := tc.roundsWanted
			if want == nil {
				want = []int{1}
			}
			_, err := Load(dir, want)
			require.ErrorContains(t, err, tc.want)
		})
	}
	t.Run("missing file", func(t *testing.T) {
		_, err := Load(t.TempDir(), []int{1})
		require.ErrorContains(t, err, "clr_rounds.csv: no such file")
	})
}
