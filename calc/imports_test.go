package calc_test

import (
	"go/build"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestImportsFollowTheData: calc, the bottom of the round computation,
// imports nothing of qf but internal helpers, and cqf nothing above calc.
func TestImportsFollowTheData(t *testing.T) {
	const mod = "github.com/qf-dev/qf/"
	for _, c := range []struct {
		dir     string
		allowed func(string) bool
	}{
		{".", func(p string) bool { return strings.HasPrefix(p, mod+"internal/") }},
		{"../cqf", func(p string) bool { return p == mod+"calc" || strings.HasPrefix(p, mod+"internal/") }},
	} {
		t.Run(c.dir, func(t *testing.T) {
			pkg, err := build.ImportDir(c.dir, 0)
			require.NoError(t, err)
			for _, p := range pkg.Imports {
				if strings.HasPrefix(p, mod) {
					require.True(t, c.allowed(p), "%s imports %s", pkg.Name, p)
				}
			}
		})
	}
}
