package sim

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/cqf"
)

// TestSolveMatchesCalc holds the float solver to calc's exact one.
func TestSolveMatchesCalc(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 40 {
		n := 1 + rng.IntN(20)
		ps := make([]Pledge, n)
		exact := make([]cqf.Pledge, n)
		for i := range ps {
			l := math.Round(math.Pow(10, 6+6*rng.Float64()))
			ps[i] = Pledge{Limit: l, Sigma: math.Pow(10, 2*rng.Float64()-1) / math.Sqrt(l)}
			exact[i].Limit.SetUint64(uint64(l))
			exact[i].Sigma = new(big.Rat).SetFloat64(ps[i].Sigma)
		}
		linear := trial%2 == 1
		h, pay := Solve(ps, linear)
		sol, err := cqf.Solve(exact, linear)
		require.NoError(t, err)
		hf, _ := sol.H.Float64()
		require.InEpsilon(t, hf, h, 1e-9, "trial %d", trial)
		for i := range pay {
			require.InDelta(t, float64(sol.Pay[i].Uint64()), pay[i], 1+1e-9*ps[i].Limit, "trial %d pledge %d", trial, i)
		}
	}
	h, pay := Solve(nil, false)
	require.Zero(t, h)
	require.Empty(t, pay)
}

func small() CQFConfig {
	cfg := DefaultCQFConfig()
	cfg.Agents, cfg.Runs = 40, 12
	return cfg
}

func TestRunCQFDeterministic(t *testing.T) {
	a, err := RunCQF(small())
	require.NoError(t, err)
	b, err := RunCQF(small())
	require.NoError(t, err)
	require.Equal(t, a, b)
}

func TestRunCQFInvariants(t *testing.T) {
	cfg := small()
	for _, pol := range cfg.Policies {
		for seed := range uint64(5) {
			r := runCQF(cfg, pol, seed)
			require.LessOrEqual(t, r.Contributors, cfg.Agents)
			for a := 1; a < len(r.Pot); a++ {
				// A new pledge never lowers the pot.
				require.GreaterOrEqual(t, r.Pot[a], r.Pot[a-1]*(1-1e-12), "%s seed %d arrival %d", pol.Name, seed, a)
			}
			// The first arrival is alone: its leverage is exactly 1.
			require.InDelta(t, 1.0, r.Leverage[0], 1e-9)
		}
	}
	// Agents who value the pot at nothing never pledge.
	cfg.ValueMedian = 1e-9
	sums, err := RunCQF(cfg)
	require.NoError(t, err)
	for _, s := range sums {
		require.Zero(t, s.Contributors.Mean)
		require.Zero(t, s.Pot.Mean)
	}
}

// TestCQFFindings pins the README's finding: a moderate constant σ ends
// with a far larger pot than a steeply decreasing σ, which keeps the most
// leverage for late arrivals but lets every pledge pay little.
func TestCQFFindings(t *testing.T) {
	cfg := DefaultCQFConfig()
	cfg.Runs = 40
	sums, err := RunCQF(cfg)
	require.NoError(t, err)
	by := map[string]CQFSummary{}
	for _, s := range sums {
		by[s.Policy.Name] = s
	}
	constant, steep := by["constant σ=0.05"], by["decreasing σ=0.05/(1+k)"]
	require.Greater(t, constant.Pot.Mean, 5*steep.Pot.Mean)
	require.Greater(t, steep.LateLeverage.Mean, constant.LateLeverage.Mean)
	require.Greater(t, steep.Contributors.Mean, constant.Contributors.Mean)

	files, err := CQFFiles(cfg, sums)
	require.NoError(t, err)
	require.Contains(t, string(files["cqf.md"]), "| constant σ=0.05 |")
	require.Contains(t, string(files["cqf-pot.svg"]), "decreasing σ=0.05/(1+k)")
}

func TestRunCQFErrors(t *testing.T) {
	cfg := small()
	cfg.Policies = []CQFPolicy{{Name: "bad", Sigma: 0}}
	_, err := RunCQF(cfg)
	require.ErrorContains(t, err, "policy bad: sigma must be positive")
	cfg.Agents = 0
	_, err = RunCQF(cfg)
	require.ErrorContains(t, err, "need at least one agent")
}
