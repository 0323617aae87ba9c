package store_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// scanOutcome is what an import of a file gave, and whether its first
// scan was the parallel one.
type scanOutcome struct {
	st       store.ImportStats
	err      string
	parallel bool
}

// importText imports CSV text into round 1 of s: whole (ImportFile) or,
// with size above 0, first in parts of size bytes on cores goroutines
// (ImportFileParts).
func importText(t *testing.T, s *store.Store, round uint64, text string, size, cores int) scanOutcome {
	t.Helper()
	var o scanOutcome
	defer store.SetScanCores(cores)()
	store.SetTestPoint(func(stage string) { o.parallel = o.parallel || stage == "scanned parts" })
	defer store.SetTestPoint(nil)
	scan := func(add func(*record.Contribution) error) error {
		return ingest.Contributions("c.csv", []byte(text), ingest.Options{}, add)
	}
	var st store.ImportStats
	var err error
	if size == 0 {
		st, err = s.ImportFile(round, scan)
	} else {
		p, ok := ingest.ContributionParts("c.csv", []byte(text), ingest.Options{}, size, cores)
		require.True(t, ok)
		st, err = s.ImportFileParts(round, scan, p)
	}
	o.st = st
	if err != nil {
		o.err = err.Error()
	}
	return o
}

// scanFiles are the named cases of TestParallelScanAgreesWithSerial:
// files imported one after the other into a round, each with the error
// the serial scan reports ("" for none), and whether the parallel scan
// takes it (false: it gives up, and the serial scan runs).
var scanFiles = []struct {
	name  string
	files []string
	errs  []string
	takes bool
}{
	{"plain", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7\nc2,0xbf99d373afba8217d92b7c2a97d0d542dd00aa19,1,330000000000000000\n"}, []string{""}, true},
	{"duplicates", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7\nc0,alice,1,5\nc1,bob,2,7\n"}, []string{""}, true},
	{"conflict", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7\nc0,alice,1,6\n"},
		[]string{`c.csv:4: id: an id names one contribution: "c0" is also at line 2 with other content`}, true},
	{"conflict with a stored row", []string{"id,donor,gap,amount\nc0,alice,1,5\n", "id,donor,gap,amount\nc1,bob,2,7\nc0,alice,2,5\n"},
		[]string{"", `c.csv:3: id: an id names one contribution: "c0" is already stored with other content (stored row: donor alice, gap 1, amount 5); give this contribution another id`}, true},
	{"duplicates of stored rows", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7\n", "id,donor,gap,amount\nc1,bob,2,7\nc2,carol,1,9\nc0,alice,1,5\n"},
		[]string{"", ""}, true},
	{"automatic ids", []string{"donor,gap,amount\nalice,1,5\nalice,1,5\nbob,2,7\nalice,1,5\n", "donor,gap,amount\nalice,1,5\nbob,2,7\nbob,2,7\n"}, []string{"", ""}, true},
	{"some automatic ids", []string{"id,donor,gap,amount\nc0,alice,1,5\n,alice,1,5\n,alice,1,5\nc1,bob,2,7\n, bob ,2,7\n"}, []string{""}, true},
	{"weights", []string{"id,donor,gap,amount,weight\nc0,alice,1,5,1.5\nc1,bob,2,7,\nc2,alice,2,3,1.5\n"}, []string{""}, true},
	{"two weights for a donor", []string{"id,donor,gap,amount,weight\nc0,alice,1,5,1.5\nc1,alice,2,7,2\n"},
		[]string{"c.csv:3: weight: bad weight: donor alice has weight 2 here and 1.5 at line 2; a donor has one weight"}, true},
	{"unregistered gap", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,3,7\nc2,carol,4,1\n"},
		[]string{"c.csv:3: gap: unknown gap 3"}, true},
	{"zero amount", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,0\n"}, []string{"c.csv:3: amount: amount must be greater than zero"}, false},
	{"CRLF", []string{"id,donor,gap,amount\r\nc0,alice,1,5\r\nc1,bob,2,7\r\n"}, []string{""}, true},
	{"no final newline", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7"}, []string{""}, true},
	{"BOM", []string{"\xef\xbb\xbfid,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7\n"}, []string{""}, true},
	{"blank lines", []string{"id,donor,gap,amount\n\nc0,alice,1,5\n \n\nc1,bob,2,7\n\n"}, []string{""}, true},
	{"bad amount", []string{"id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,x\n"}, []string{`c.csv:3: amount: bad amount: "x" is not a decimal integer`}, false},
	{"header only", []string{"id,donor,gap,amount\n"}, []string{"c.csv: no rows: the file has a header but no contributions"}, false},
}

// TestParallelScanAgreesWithSerial: a file's import whose first scan runs
// in parts, cut at sizes from one byte to the whole file, doubling (see
// ingest.TestContributionPartsScanAsContributions for every size), on 1,
// 2 and 4 cores, gives the same counts, the same error and the same stored
// database, key for key, as the serial scan; and takes the parallel scan
// unless a row fails to parse.
func TestParallelScanAgreesWithSerial(t *testing.T) {
	defer store.ForceParts()()
	for _, tc := range scanFiles {
		t.Run(tc.name, func(t *testing.T) {
			serial, _ := setup(t)
			defer serial.Close()
			var want []scanOutcome
			for i, f := range tc.files {
				o := importText(t, serial, 1, f, 0, 1)
				require.False(t, o.parallel)
				require.Equal(t, tc.errs[i], o.err)
				want = append(want, o)
			}
			d := dump(t, serial)
			for _, cores := range []int{1, 2, 4} {
				var sizes []int // 1, 2, 4, …, and the whole file: one part
				for size := 1; size < len(tc.files[len(tc.files)-1]); size *= 2 {
					sizes = append(sizes, size)
				}
				for _, size := range append(sizes, len(tc.files[len(tc.files)-1])) {
					s, _ := setup(t)
					for i, f := range tc.files {
						o := importText(t, s, 1, f, size, cores)
						require.Equal(t, tc.takes, o.parallel, "file %d, %d cores, parts of %d bytes", i, cores, size)
						o.parallel = false
						require.Equal(t, want[i], o, "file %d, %d cores, parts of %d bytes", i, cores, size)
					}
					require.Equal(t, d, dump(t, s), "%d cores, parts of %d bytes", cores, size)
					require.NoError(t, s.Close())
				}
			}
		})
	}
}

// randomText makes a contributions file of n rows: ids from a pool (a
// repeat mostly with the same content, now and then with other: a
// conflict, when conflicts), automatic ids with identical rows among
// them, weights (one per donor), big amounts, unregistered gaps (when
// badGaps), and at random CRLF line ends, blank lines, a BOM, no final
// newline.
func randomText(rng *rand.Rand, n int, conflicts, badGaps bool) string {
	var b strings.Builder
	eol := "\n"
	if rng.IntN(3) == 0 {
		eol = "\r\n"
	}
	if rng.IntN(3) == 0 {
		b.WriteString("\xef\xbb\xbf")
	}
	b.WriteString("id,donor,gap,amount,weight" + eol)
	for range n {
		k := rng.IntN(n)
		id := fmt.Sprintf("i%d", k)
		if rng.IntN(5) == 0 {
			id = "" // automatic
		}
		dk := k % 97 // the donor
		donor := fmt.Sprintf("d%d", dk)
		if k%3 == 0 {
			dk = 100 + k%89
			donor = fmt.Sprintf("0x%040x", dk)
		}
		gap, amount, weight := 1+k%2, fmt.Sprint(1+k%13), ""
		if k%37 == 0 {
			amount = "1" + strings.Repeat("0", 40+k%30) // past 2^128
		}
		if dk%7 == 0 {
			weight = fmt.Sprint(1 + dk%2) // the donor's weight
		}
		switch p := rng.IntN(1000); {
		case p < 3 && conflicts:
			amount += "0" // other content
		case p < 6 && badGaps:
			gap = 3
		}
		fmt.Fprintf(&b, "%s,%s,%d,%s,%s%s", id, donor, gap, amount, weight, eol)
		if rng.IntN(100) == 0 {
			b.WriteString(eol) // a blank line
		}
	}
	s := b.String()
	if rng.IntN(3) == 0 {
		s = strings.TrimSuffix(s, eol)
	}
	return s
}

// TestParallelScanAgreesWithSerialRandom: random rounds of two files
// (duplicates, conflicts, automatic ids, weights, big amounts,
// unregistered gaps, CRLF, blank lines, BOMs, no final newline), each
// imported with the serial scan and in parts of random sizes on 1, 2 and
// 4 cores: the same counts, errors and stored database.
func TestParallelScanAgreesWithSerialRandom(t *testing.T) {
	defer store.ForceParts()()
	for seed := range uint64(12) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 77))
			files := []string{
				randomText(rng, 200+rng.IntN(2000), seed%3 == 1, seed%4 == 2),
				randomText(rng, 200+rng.IntN(2000), seed%3 == 2, false),
			}
			serial, _ := setup(t)
			defer serial.Close()
			var want []scanOutcome
			for _, f := range files {
				want = append(want, importText(t, serial, 1, f, 0, 1))
			}
			d := dump(t, serial)
			for _, cores := range []int{1, 2, 4} {
				size := 16 + rng.IntN(2048)
				s, _ := setup(t)
				for i, f := range files {
					o := importText(t, s, 1, f, size, cores)
					require.True(t, o.parallel, "file %d", i)
					o.parallel = false
					require.Equal(t, want[i], o, "file %d, %d cores, parts of %d bytes", i, cores, size)
				}
				require.Equal(t, d, dump(t, s), "%d cores, parts of %d bytes", cores, size)
				require.NoError(t, s.Close())
			}
			if seed%3 == 0 && seed%4 != 2 { // (neither conflicts nor unregistered gaps)
				require.Empty(t, want[0].err)
				require.Empty(t, want[1].err)
				require.NotZero(t, want[1].st.Duplicates)
			}
		})
	}
}

// TestParallelScanGivesUpPastTheBudget: rows that would not fit in the
// sort's memory make the parallel scan give up, keeping nothing: the
// serial scan (which spills runs) stores exactly what it stores alone —
// whether the file is bigger than the budget (it gives up at once) or
// its rows' entries are (it gives up when the arena is full).
func TestParallelScanGivesUpPastTheBudget(t *testing.T) {
	for _, tc := range []struct {
		name   string
		budget int
	}{{"a file past the budget", 4 << 10}, {"entries past the budget", 0}} {
		t.Run(tc.name, func(t *testing.T) { givesUpPastTheBudget(t, tc.budget) })
	}
}

func givesUpPastTheBudget(t *testing.T, budget int) {
	rng := rand.New(rand.NewPCG(5, 5))
	text := randomText(rng, 3000, false, false)
	if budget == 0 { // just the file: the entries, bigger, do not fit
		budget = len(text) - strings.Index(text, "\n") - 1
	}
	serial, _ := setup(t)
	defer serial.Close()
	restore := store.ForceIngest(budget)
	defer restore()
	want := importText(t, serial, 1, text, 0, 1)
	require.Empty(t, want.err)
	for _, cores := range []int{1, 2, 4} {
		t.Run(fmt.Sprint(cores, " cores"), func(t *testing.T) {
			s, _ := setup(t)
			defer s.Close()
			got := importText(t, s, 1, text, 512, cores)
			require.False(t, got.parallel)
			require.Equal(t, want, got)
			require.Equal(t, dump(t, serial), dump(t, s))
		})
	}
}
