package store

import (
	"encoding/binary"
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
