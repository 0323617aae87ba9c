// Package testdata locates the repository's top-level testdata/ folder and
// describes the golden rounds it holds, for the tests of every package that
// checks them (calc, app, and scripts/test.sh's OpenZeppelin cross-check).
// It is for tests only: no library or command imports it.
//
// Each golden round is a folder testdata/<name>/ written by qf itself
// (qf calc --out, or qf cqf --out) from the files in its inputs/ folder
// with the settings in [Round]; testdata/README.md says how to regenerate
// them (go test ./app -run TestGolden -update).
package testdata

import (
	"path/filepath"
	"runtime"
)

// Dir returns the absolute path of the repository's top-level testdata/.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("internal/testdata: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// Round is one golden round: a folder under testdata/ and the settings qf
// computed it with.
type Round struct {
	// Name is the round's folder under testdata/.
	Name string
	// CQF says the round is coordinated QF (written by qf cqf, no pool);
	// otherwise it is a pool round written by qf calc.
	CQF bool
	// Settings are the flags that decide the payouts, as qf calc, qf
	// round create and qf verify round take them (pool rounds).
	Settings []string
	// Sigma and Decay are a cqf round's policy (qf cqf --sigma, --decay;
	// --param sigma=, decay= elsewhere).
	Sigma, Decay string
	// ScoreScale is the round's --score-scale (also in Settings), for
	// tests that apply it themselves.
	ScoreScale string
	// CapBps is the round's --cap-bps (also in Settings).
	CapBps uint32
	// Source, when set, is where the round's inputs come from, relative
	// to the repository root (the demo data); otherwise the inputs are
	// the golden folder's own inputs/.
	Source string
}

// Rounds are the golden rounds, in the order the tests run them.
var Rounds = []Round{
	{Name: "demo", Settings: []string{"--pool", "1000", "--decimals", "18"}, Source: "app/demodata"},
	{Name: "capped", Settings: []string{"--pool", "1000", "--decimals", "18", "--cap-bps", "2000"}, CapBps: 2000, Source: "app/demodata"},
	{Name: "weighted", Settings: []string{"--pool", "1000", "--decimals", "18", "--score-scale", "10:30"}, ScoreScale: "10:30"},
	{Name: "cqf", CQF: true, Sigma: "1e-9", Decay: "0.5"},
}

// Pool is the pool rounds' matching pool in base units (1000 tokens of 18
// decimals, as Settings say).
const Pool = "1000000000000000000000"

// Path returns the path of elem under the round's golden folder.
func (r Round) Path(elem ...string) string {
	return filepath.Join(append([]string{Dir(), r.Name}, elem...)...)
}

// Contributions is the round's contributions (cqf: pledges) file.
func (r Round) Contributions() string { return r.Path("inputs", "contributions.csv") }

// Gaps is the round's gap registry file.
func (r Round) Gaps() string { return r.Path("inputs", "gaps.csv") }

// Params are a cqf round's policy as --param flags.
func (r Round) Params() []string {
	return []string{"--param", "sigma=" + r.Sigma, "--param", "decay=" + r.Decay}
}
