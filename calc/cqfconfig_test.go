package calc

import (
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
)

// TestCQFConfig: a cqf round's parameters and the pool settings it refuses.
func TestCQFConfig(t *testing.T) {
	good := func(p Params) Config { return Config{Mechanism: CQFName, Params: p} }
	for _, tc := range []struct {
		name   string
		cfg    Config
		err    string
		sigma  string
		decay  string
		linear bool
	}{
		{name: "constant", cfg: good(Params{"sigma": "1e-9"}), sigma: "1/1000000000", decay: "0"},
		{name: "decreasing linear", cfg: good(Params{"sigma": "0.5", "decay": "0.25", "linear": "true"}), sigma: "1/2", decay: "1/4", linear: true},
		{name: "no sigma", cfg: good(nil), err: "cqf needs the parameter sigma=S"},
		{name: "zero sigma", cfg: good(Params{"sigma": "0"}), err: `sigma="0" must be a positive decimal`},
		{name: "word sigma", cfg: good(Params{"sigma": "fast"}), err: `sigma="fast" must be a positive decimal`},
		{name: "negative decay", cfg: good(Params{"sigma": "1", "decay": "-1"}), err: `decay="-1" must be a non-negative decimal`},
		{name: "bad linear", cfg: good(Params{"sigma": "1", "linear": "maybe"}), err: `linear="maybe" must be true or false`},
		{name: "unknown param", cfg: good(Params{"sigma": "1", "M": "5"}), err: `mechanism cqf takes no parameter "M" (accepted: sigma, decay, linear)`},
		{name: "pool", cfg: Config{Mechanism: CQFName, Params: Params{"sigma": "1"}, Pool: *uint256.NewInt(5)}, err: "cqf has no matching pool, so pool does not apply"},
		{name: "cap and min", cfg: Config{Mechanism: CQFName, Params: Params{"sigma": "1"}, CapBps: 5, MinAmount: *uint256.NewInt(1)}, err: "so cap-bps, min-amount do not apply"},
		{name: "score scale", cfg: Config{Mechanism: CQFName, Params: Params{"sigma": "1"}, ScoreScale: "1:2"}, err: "so score-scale does not apply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cfg.Validate()
			if tc.err != "" {
				require.ErrorIs(t, err, ErrParam)
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			sigma, decay, linear, err := tc.cfg.Params.CQF()
			require.NoError(t, err)
			require.Equal(t, tc.sigma, sigma.RatString())
			require.Equal(t, tc.decay, decay.RatString())
			require.Equal(t, tc.linear, linear)
		})
	}
	// A pool computation of a cqf round says where its results come from.
	_, err := NewMechanism(CQFName, Params{"sigma": "1"})
	require.ErrorIs(t, err, ErrNotPool)
	_, err = Compute(&Tally{}, Config{Mechanism: CQFName, Params: Params{"sigma": "1"}})
	require.ErrorIs(t, err, ErrNotPool)
}
