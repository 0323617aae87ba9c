// Command genround writes a synthetic round for the publication benchmark
// (bench/proofs.sh) without Python: gaps with Zipf popularity, donors with
// Zipf activity, repeated donor/gap pairs, amounts in 18-decimal base
// units, as ../shared/bench/gen_round.py shapes them. The same arguments
// always give the same files.
//
// usage: go run ./bench/genround N_CONTRIB N_GAPS N_DONORS SEED OUTDIR
// writes OUTDIR/contributions.csv (id,donor,gap,amount) and OUTDIR/gaps.csv
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "genround:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 5 {
		return fmt.Errorf("usage: genround N_CONTRIB N_GAPS N_DONORS SEED OUTDIR")
	}
	var nums [4]int
	for i := range nums {
		v, err := strconv.Atoi(args[i])
		if err != nil || v <= 0 {
			return fmt.Errorf("argument %d: %q: want a positive integer", i+1, args[i])
		}
		nums[i] = v
	}
	n, gaps, donors, seed, out := nums[0], nums[1], nums[2], nums[3], args[4]
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := write(filepath.Join(out, "gaps.csv"), func(w *bufio.Writer) {
		w.WriteString("gap,recipient\n")
		for j := 1; j <= gaps; j++ {
			fmt.Fprintf(w, "%d,%s\n", j, addr("gap", j))
		}
	}); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(seed), 21))
	gapCum, donorCum := cumulative(gaps, 1.1), cumulative(donors, 0.7)
	donorAddr := make([]string, donors)
	for i := range donorAddr {
		donorAddr[i] = addr("donor", i+1)
	}
	return write(filepath.Join(out, "contributions.csv"), func(w *bufio.Writer) {
		w.WriteString("id,donor,gap,amount\n")
		for k := range n {
			d, g := pick(r, donorCum), pick(r, gapCum)+1
			amount := uint64(1+r.IntN(100)) * 1e16 // 0.01 to 1 token
			if r.Float64() < 0.001 {
				amount *= 1000 // a whale
			}
			fmt.Fprintf(w, "c%d,%s,%d,%d\n", k, donorAddr[d], g, amount)
		}
	})
}

// cumulative is the running sum of 1/i^s for i = 1..n.
func cumulative(n int, s float64) []float64 {
	c := make([]float64, n)
	sum := 0.0
	for i := range c {
		sum += 1 / math.Pow(float64(i+1), s)
		c[i] = sum
	}
	return c
}

func pick(r *rand.Rand, cum []float64) int {
	return sort.SearchFloat64s(cum, r.Float64()*cum[len(cum)-1])
}

func addr(tag string, i int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s:%d", tag, i)))
	return "0x" + hex.EncodeToString(h[:20])
}

func write(path string, fn func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fn(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
