package calc_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// genRound loads a round made by ../shared/bench/gen_round.py (cached in the
// system temp folder), skipping the benchmark when python3 or the shared
// folder is missing.
func genRound(b *testing.B, n, g, d int) *calc.Tally {
	b.Helper()
	script, _ := filepath.Abs("../../shared/bench/gen_round.py")
	if _, err := os.Stat(script); err != nil {
		b.Skip("no ../shared/bench/gen_round.py")
	}
	dir := filepath.Join(os.TempDir(), "qf-bench", strings.Join([]string{strconv.Itoa(n), strconv.Itoa(g), strconv.Itoa(d), "1"}, "-"))
	file := filepath.Join(dir, "contributions.csv")
	if _, err := os.Stat(file); err != nil {
		out, err := exec.Command("python3", script, strconv.Itoa(n), strconv.Itoa(g), strconv.Itoa(d), "1", dir).CombinedOutput()
		if err != nil {
			b.Skipf("gen_round.py: %v: %s", err, out)
		}
	}
	f, err := os.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	t, err := calc.NewTally(gaps(g), nil)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Scan() // header id,donor,gap,amount
	for sc.Scan() {
		fs := strings.Split(sc.Text(), ",")
		gi, _ := strconv.Atoi(fs[2])
		a := uint256.MustFromDecimal(fs[3])
		if err := t.AddIndexed(t.DonorIndex(fs[1]), int32(gi-1), a); err != nil {
			b.Fatal(err)
		}
	}
	return t
}

// The targets: cocm on 200k contributions / 40k donors / 150 gaps
// under 3 s, pairwise on the same under 30 s, cluster on 20k contributions
// under 30 s. Run with -benchtime=1x.
func BenchmarkMechanisms(b *testing.B) {
	for _, tc := range []struct {
		name    string
		n, g, d int
		mech    calc.Mechanism
	}{
		{"cocm/200k", 200_000, 150, 40_000, calc.COCM{}},
		{"pairwise/200k", 200_000, 150, 40_000, mustMech(b, "pairwise", calc.Params{"M": "1e18"})},
		{"cluster/20k", 20_000, 150, 4_000, mustMech(b, "cluster", calc.Params{"D": "1e36"})},
		{"cluster/200k", 200_000, 150, 40_000, mustMech(b, "cluster", calc.Params{"D": "1e36"})},
	} {
		b.Run(tc.name, func(b *testing.B) {
			terms, err := genRound(b, tc.n, tc.g, tc.d).Terms()
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if _, err := tc.mech.Raw(tc.g, terms); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(terms)), "terms")
		})
	}
}

func mustMech(b *testing.B, name string, p calc.Params) calc.Mechanism {
	m, err := calc.NewMechanism(name, p)
	if err != nil {
		b.Fatal(err)
	}
	return m
}
