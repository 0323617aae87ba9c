package store

import (
	"encoding/binary"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
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

// TestCanonicalDonor: the fresh sums' quick look at a donor agrees with
// calc.NormalizeDonor on what is canonical.
func TestCanonicalDonor(t *testing.T) {
	for _, name := range []string{
		"0x00000000000000000000000000000000000000ab",
		"0x52908400098527886E0F7030069857D2E4169EE7", // checksummed: canonical is lower case
		"0x52908400098527886e0f7030069857d2e4169ee7",
		"0X52908400098527886e0f7030069857d2e4169ee7",
		"0x52908400098527886e0f7030069857d2e4169eeg",
		"0x52908400098527886e0f7030069857d2e4169ee",
		"0x52908400098527886e0f7030069857d2e4169ee77",
		"alice",
		"Alice Smith",
		"",
		" alice",
	} {
		t.Run(name, func(t *testing.T) {
			d, err := calc.NormalizeDonor(name)
			require.Equal(t, err == nil && d == name, canonicalDonor([]byte(name)))
		})
	}
}
