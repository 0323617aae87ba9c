package calc_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// TestCheckCanonical: the quick look at a donor (a lower-case 0x address
// passes unparsed) agrees with NormalizeDonor on what is canonical.
func TestCheckCanonical(t *testing.T) {
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
			require.Equal(t, err == nil && d == name, calc.CheckCanonical([]byte(name)) == nil)
		})
	}
}
