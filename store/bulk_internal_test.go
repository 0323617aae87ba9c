package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/record"
)

// TestSameRecord: a stored record is the same row as a content when it is
// that content with or without a sequence, and not when it carries more
// (a token, a longer field) or a non-canonical encoding (which the import
// then compares decoded).
func TestSameRecord(t *testing.T) {
	r := record.Contribution{Donor: []byte("alice"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(300)}
	content := encodeContent(&r)
	withSeq := func(seq uint64) []byte { return binary.AppendUvarint(encodeContent(&r), seq) }
	tok := r
	tok.Token, tok.Chain = []byte("USDC"), []byte("10")
	longer := r
	longer.Amount.SetUint64(300 << 8)
	for _, tc := range []struct {
		name   string
		stored []byte
		same   bool
	}{
		{"content", content, true},
		{"with a sequence", withSeq(7), true},
		{"with a long sequence", withSeq(1 << 40), true},
		{"with a token", encodeContent(&tok), false},
		{"with a token and a sequence", binary.AppendUvarint(encodeContent(&tok), 3), false},
		{"a zero sequence", withSeq(0), false},
		{"two sequences", binary.AppendUvarint(withSeq(1), 1), false},
		{"another amount", encodeContent(&longer), false},
		{"cut short", content[:len(content)-1], false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.same, sameRecord(tc.stored, content))
			if tc.same { // what the decoded comparison says too
				var old record.Contribution
				require.NoError(t, decodeContribution(tc.stored, &old))
				require.Equal(t, content, encodeContent(&old))
			}
		})
	}
}

// TestPlainRecord: reading a stored record in place (the fresh sums, the
// parallel read of a round) agrees with decodeContribution on every
// record, damaged ones included: plain when it decodes with no weight,
// score or token and an amount above zero, and then the same donor, gap
// and amount.
func TestPlainRecord(t *testing.T) {
	plain := record.Contribution{Donor: []byte("alice"), Gap: *uint256.NewInt(7), Amount: *uint256.NewInt(5)}
	content := encodeContent(&plain)
	check := func(t *testing.T, v []byte) {
		var got record.Contribution
		err := decodeContribution(v, &got)
		want := err == nil && len(got.Weight) == 0 && len(got.Score) == 0 && len(got.Token) == 0 && !got.Amount.IsZero()
		var donor []byte
		var gap, amount uint256.Int
		require.Equal(t, want, plainRecord(v, &donor, &gap, &amount), "%x", v)
		if want {
			require.Equal(t, got.Donor, donor)
			require.Equal(t, got.Gap, gap)
			require.Equal(t, got.Amount, amount)
		}
	}
	for _, tc := range []struct {
		name string
		v    []byte
	}{
		{"content", content},
		{"with a sequence", binary.AppendUvarint(bytes.Clone(content), 9)},
		{"a zero sequence", append(bytes.Clone(content), 0)},
		{"a sequence cut short", append(bytes.Clone(content), 0x80)},
		{"two sequences", append(bytes.Clone(content), 1, 1)},
		{"a token mark", append(bytes.Clone(content), tokenMark, 4, 'U', 'S', 'D', 'C', 0)},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.v) })
	}
	rng := rand.New(rand.NewPCG(3, 9))
	for i := range 3000 {
		r := record.Contribution{Donor: []byte(fmt.Sprintf("0x%040x", rng.Uint64())), Amount: *uint256.NewInt(rng.Uint64N(3))}
		r.Gap.Lsh(uint256.NewInt(rng.Uint64()), uint(rng.IntN(200)))
		if rng.IntN(3) == 0 {
			r.Amount.Lsh(&r.Amount, 190)
		}
		switch rng.IntN(8) {
		case 0:
			r.Weight = []byte("2")
		case 1:
			r.Score = []byte("1.5")
		case 2:
			r.Token, r.Chain = []byte("USDC"), []byte("10")
		case 3:
			r.Donor = nil
		}
		if rng.IntN(2) == 0 {
			r.Seq = rng.Uint64N(1 << 40)
		}
		v := encodeContribution(&r)
		switch rng.IntN(6) {
		case 0:
			v = v[:rng.IntN(len(v))] // cut short
		case 1:
			v = append(v, byte(rng.IntN(256))) // one byte more
		case 2:
			v[rng.IntN(len(v))] ^= byte(1 + rng.IntN(255)) // one byte changed
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { check(t, v) })
	}
}

// TestByName: the fresh sums' donor order is the names' byte order, for
// names sharing long prefixes, shorter than 8 bytes, empty, and with
// bytes above 0x7f.
func TestByName(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	alphabet := []byte{0, 'a', 'b', 0x7f, 0x80, 0xff}
	for round := range 200 {
		n := rng.IntN(300)
		names := make([][]byte, n)
		for i := range names {
			name := []byte("0x0000")[:rng.IntN(7)]
			for range rng.IntN(12) {
				name = append(name, alphabet[rng.IntN(len(alphabet))])
			}
			names[i] = name
		}
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			got := byName(names)
			require.Len(t, got, n)
			seen := make([]bool, n)
			for k, i := range got {
				require.False(t, seen[i])
				seen[i] = true
				if k > 0 {
					require.LessOrEqual(t, bytes.Compare(names[got[k-1]], names[i]), 0, "%q before %q", names[got[k-1]], names[i])
				}
			}
		})
	}
}
