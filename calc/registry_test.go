package calc_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// TestRegistry: the registry the help is made from lists what
// NewMechanism builds, with the parameters it accepts; cqf is listed
// without a pool mechanism.
func TestRegistry(t *testing.T) {
	example := map[string]string{"M": "25e18", "D": "625e36", "ignore-saturation": "true", "cap-percent": "10", "sigma": "1e-9", "decay": "0.5", "linear": "true"}
	var names []string
	for _, m := range calc.Mechanisms() {
		names = append(names, m.Name)
		t.Run(m.Name, func(t *testing.T) {
			require.NotEmpty(t, m.Summary)
			params := calc.Params{}
			for _, p := range m.Params {
				require.NotEmpty(t, p.Help, p.Name)
				params[p.Name] = example[p.Name]
			}
			pnames := []string{}
			for _, p := range m.Params {
				pnames = append(pnames, p.Name)
			}
			require.Equal(t, pnames, calc.MechanismParams(m.Name))
			mech, err := calc.NewMechanism(m.Name, params)
			if !m.Pool {
				require.ErrorIs(t, err, calc.ErrNotPool)
				return
			}
			require.NoError(t, err)
			require.Equal(t, m.Name, mech.Name())
			for _, p := range m.Params {
				if p.Required {
					without := calc.Params{}
					for k, v := range params {
						if k != p.Name {
							without[k] = v
						}
					}
					_, err := calc.NewMechanism(m.Name, without)
					require.ErrorIs(t, err, calc.ErrParam, "%s without %s", m.Name, p.Name)
				}
			}
		})
	}
	require.Equal(t, []string{"qf", "linear", "pairwise", "cluster", "cocm", "grants-stack", "cqf"}, names)
	require.Nil(t, calc.MechanismParams("nope"))
}
