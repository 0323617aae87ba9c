package store

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// TestLowerHexAddr: the fast check of a fresh import's donors takes
// exactly the lower-case 0x addresses, which calc.CheckCanonical takes
// too (anything else goes to CheckCanonical itself).
func TestLowerHexAddr(t *testing.T) {
	for _, tc := range []struct {
		name  string
		donor string
		want  bool
	}{
		{"canonical", "0x00000000000000000000000000000000000000d0", true},
		{"every digit", "0x0123456789abcdef0123456789abcdef01234567", true},
		{"upper case", "0x0123456789ABCDEF0123456789abcdef01234567", false},
		{"0X", "0X0123456789abcdef0123456789abcdef01234567", false},
		{"short", "0x0123456789abcdef0123456789abcdef0123456", false},
		{"long", "0x0123456789abcdef0123456789abcdef012345678", false},
		{"not hex", "0x0123456789abcdeg0123456789abcdef01234567", false},
		{"a name", "alice", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, lowerHexAddr([]byte(tc.donor)))
		})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("0123456789abcdefABCDEFgx ")
	for range 20000 {
		d := []byte("0x")
		for range 40 {
			if rng.IntN(50) == 0 {
				d = append(d, alphabet[rng.IntN(len(alphabet))])
			} else {
				d = append(d, alphabet[rng.IntN(16)])
			}
		}
		if lowerHexAddr(d) {
			require.NoError(t, calc.CheckCanonical(d), "%s", d)
		}
	}
}
