package app

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMechanismHelp pins the help texts made from calc's registry, and
// that the commands show them.
func TestMechanismHelp(t *testing.T) {
	const mechanisms = "`NAME` of the mechanism: " +
		"qf (classic quadratic funding, the exact integer rule), " +
		"linear (raw subsidy = the weighted direct total (pro-rata matching)), " +
		"pairwise (pairwise coordination subsidies, each pair bounded; --param M=…), " +
		"cluster (N_p = M_p² cluster-bounded pairwise; --param D=…), " +
		"cocm (Gitcoin's connection-oriented cluster match (markov, harsh; gaps as clusters)), " +
		"grants-stack (the Grants Stack indexer's integer QF: no upscale, its cap loop; --param [ignore-saturation=…] [cap-percent=…]), " +
		"cqf (coordinated QF: pledges with limits, no pool; --param sigma=… [decay=…] [linear=…])"
	const params = "mechanism parameter `k=v` (repeatable): " +
		"pairwise M: the pair bound, in base units (e.g. M=25e18); " +
		"cluster D: the bound, in base units squared (e.g. D=625e36); " +
		"grants-stack ignore-saturation: true scales matches up to the pool even when the scores sum below it; " +
		"grants-stack cap-percent: cap each project at P percent of the pool (e.g. cap-percent=10); " +
		"cqf sigma: the first pledge's saturation speed per √base unit (e.g. sigma=1e-9); " +
		"cqf decay: pledge k gets sigma/(1 + decay·k) (default 0, constant); " +
		"cqf linear: true uses the linear fallback h = Σ pay_i"
	t.Run("mechanism", func(t *testing.T) { require.Equal(t, mechanisms, mechanismUsage("`NAME` of the mechanism")) })
	t.Run("param", func(t *testing.T) { require.Equal(t, params, paramUsage()) })
	t.Run("pool mechanisms", func(t *testing.T) {
		require.Equal(t, "qf, linear, pairwise, cluster, cocm, grants-stack", poolMechanismNames())
	})
	for _, cmd := range [][]string{{"calc"}, {"round", "create"}, {"serve"}, {"compare"}} {
		t.Run(strings.Join(cmd, " ")+" --help", func(t *testing.T) {
			var out, errb bytes.Buffer
			require.Equal(t, 0, Main(append(append([]string{"qf"}, cmd...), "--help"), &out, &errb), errb.String())
			help := strings.Join(strings.Fields(out.String()), " ") // the help wraps long lines
			if cmd[0] == "compare" {
				require.Contains(t, help, "comma-separated mechanism `NAMES`, of qf, linear, pairwise, cluster, cocm, grants-stack")
			} else {
				require.Contains(t, help, "cqf (coordinated QF: pledges with limits, no pool; --param sigma=… [decay=…] [linear=…])")
				require.Contains(t, help, "cqf linear: true uses the linear fallback h = Σ pay_i")
			}
		})
	}
}
