package store_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// statsBothWays is round n's report (or error) from its sums
// (round.Projected) and from its rows (round.FromStore).
func statsBothWays(t *testing.T, s *store.Store, n uint64) (fromSums, fromRows string) {
	t.Helper()
	r, err := s.Round(n)
	require.NoError(t, err)
	show := func(o *round.Outcome, err error) string {
		if err != nil {
			return "error: " + err.Error()
		}
		j, err := json.Marshal(o.Report)
		require.NoError(t, err)
		return string(j)
	}
	return show(round.Projected(s, r, r.Config, nil)), show(round.FromStore(s, r, r.Config, nil))
}

// bigGap is a registered gap id above 2^64 (attackSetup's registry).
var bigGap = new(uint256.Int).Add(new(uint256.Int).Lsh(uint256.NewInt(1), 200), uint256.NewInt(5))

// attackSetup is setup with a third gap whose id is above 2^64.
func attackSetup(t *testing.T) *store.Store {
	t.Helper()
	s, _ := setup(t)
	_, err := s.AddGaps([]calc.Gap{{ID: *bigGap, Recipient: common.BigToAddress(big.NewInt(0xb3))}})
	require.NoError(t, err)
	return s
}

// attackFile is a hostile file: its rows and the error its scan ends with.
type attackFile struct {
	rows  []*record.Contribution
	after error
}

func (f attackFile) scan(add func(*record.Contribution) error) error {
	for _, r := range f.rows {
		if err := add(r); err != nil {
			return err
		}
	}
	return f.after
}

// attackRows makes n plain rows (ids a0.., donors among d, gaps 1, 2 and
// bigGap), then lets edit change row i.
func attackRows(n, donors int, edit func(i int, r *record.Contribution)) []*record.Contribution {
	rows := make([]*record.Contribution, n)
	for i := range rows {
		r := row(fmt.Sprintf("a%d", i), fmt.Sprintf("donor-%d", i*7%donors), uint64(1+i%2), uint64(1+i%13))
		if i%5 == 4 {
			r.Gap = *bigGap
		}
		r.Line = i + 2
		if edit != nil {
			edit(i, r)
		}
		rows[i] = r
	}
	return rows
}

// attackFiles are the files the fresh sums are attacked with.
func attackFiles() []struct {
	name  string
	files []attackFile // imported one after the other
} {
	top := new(uint256.Int).SetAllOne()
	topMinus := func(k uint64) uint256.Int { return *new(uint256.Int).Sub(top, uint256.NewInt(k)) }
	one := func(rows []*record.Contribution) []attackFile { return []attackFile{{rows: rows}} }
	addr := func(i int) string { return fmt.Sprintf("0x%040x", 0xabcdef00+i) }
	return []struct {
		name  string
		files []attackFile
	}{
		{"donors differing only in case", one(attackRows(60, 60, func(i int, r *record.Contribution) {
			r.Donor = []byte([]string{"alice", "Alice", "ALICE", "aLiCe"}[i%4])
		}))},
		{"donors differing only in whitespace", one(attackRows(60, 60, func(i int, r *record.Contribution) {
			r.Donor = []byte([]string{"bob", " bob", "bob ", "b ob", "bob\u00a0"}[i%5])
		}))},
		{"donors in UTF-8 beyond ASCII", one(attackRows(60, 60, func(i int, r *record.Contribution) {
			r.Donor = []byte([]string{"ünï", "日本", "Ω", "émile", "\u00ff", "z"}[i%6])
		}))},
		{"a donor not in UTF-8 mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Donor = []byte("bad\xff")
			}
		}))},
		{"a donor with a control character mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Donor = []byte("tab\tbed")
			}
		}))},
		{"donors that are prefixes of each other", one(attackRows(60, 60, func(i int, r *record.Contribution) {
			r.Donor = []byte(strings.Repeat("z", 1+i%7))
		}))},
		{"donors of length 1 to 100", one(attackRows(200, 1, func(i int, r *record.Contribution) {
			r.Donor = []byte(strings.Repeat(string(rune('a'+i%3)), 1+i%100))
		}))},
		{"a donor of length 0 mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Donor = nil
			}
		}))},
		{"a donor past the longest", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Donor = []byte(strings.Repeat("x", calc.MaxDonorLen+1))
			}
		}))},
		{"lower-case addresses", one(attackRows(90, 1, func(i int, r *record.Contribution) { r.Donor = []byte(addr(i % 17)) }))},
		{"a 0X prefix mid-file", one(attackRows(90, 1, func(i int, r *record.Contribution) {
			r.Donor = []byte(addr(i % 17))
			if i == 45 {
				r.Donor = []byte("0X" + addr(3)[2:])
			}
		}))},
		{"a checksummed address mid-file", one(attackRows(90, 1, func(i int, r *record.Contribution) {
			r.Donor = []byte(addr(i % 17))
			if i == 45 {
				r.Donor = []byte(common.HexToAddress(addr(3)).Hex())
			}
		}))},
		{"upper-case hex address mid-file", one(attackRows(90, 1, func(i int, r *record.Contribution) {
			r.Donor = []byte(addr(i % 17))
			if i == 45 {
				r.Donor = []byte("0x" + strings.ToUpper(addr(0xa)[2:]))
			}
		}))},
		{"40 hex digits without 0x", one(attackRows(40, 5, func(i int, r *record.Contribution) {
			if i == 20 {
				r.Donor = []byte(addr(1)[2:])
			}
		}))},
		{"a recipient donating to itself", one(attackRows(40, 5, func(i int, r *record.Contribution) {
			if i%3 == 0 {
				r.Donor = []byte(strings.ToLower(common.BigToAddress(big.NewInt(0xb1)).Hex()))
			}
		}))},
		{"ids repeated with the same content", one(attackRows(80, 9, func(i int, r *record.Contribution) {
			r.ID = []byte(fmt.Sprintf("a%d", i%20))
			r.Donor = []byte(fmt.Sprintf("donor-%d", i%20%9))
			r.Gap, r.Amount = *uint256.NewInt(uint64(1 + i%20%2)), *uint256.NewInt(uint64(1 + i%20))
		}))},
		{"an id repeated with other content", one(attackRows(80, 9, func(i int, r *record.Contribution) {
			if i == 60 {
				r.ID = []byte("a7")
			}
		}))},
		{"automatic ids, identical rows", one(attackRows(80, 9, func(i int, r *record.Contribution) {
			r.ID = nil
			r.Donor = []byte(fmt.Sprintf("donor-%d", i%4))
			r.Gap, r.Amount = *uint256.NewInt(1), *uint256.NewInt(uint64(1 + i%3))
		}))},
		{"an explicit id equal to an automatic one", func() []attackFile {
			rows := attackRows(10, 3, func(i int, r *record.Contribution) {
				if i < 5 {
					r.ID = nil
				}
			})
			auto := *rows[0]
			auto.ID = nil
			id := store.AutoID(&auto, 0)
			rows[7].ID = append([]byte(nil), id...)
			return one(rows)
		}()},
		{"amounts of 1 wei", one(attackRows(50, 7, func(i int, r *record.Contribution) { r.Amount = *uint256.NewInt(1) }))},
		{"one row of 2^256-1", one(attackRows(1, 1, func(i int, r *record.Contribution) { r.Amount = *top }))},
		{"a file total of exactly 2^256-1 in one cell", one(attackRows(3, 1, func(i int, r *record.Contribution) {
			r.Gap = *bigGap
			r.Amount = *uint256.NewInt(1)
			if i == 0 {
				r.Amount = topMinus(2)
			}
		}))},
		{"a cell past 2^256-1", one(attackRows(2, 1, func(i int, r *record.Contribution) {
			r.Gap, r.Amount = *uint256.NewInt(1), topMinus(0)
		}))},
		{"a gap past 2^256-1 over two donors", one(attackRows(2, 2, func(i int, r *record.Contribution) {
			r.Gap, r.Amount = *uint256.NewInt(1), topMinus(1)
		}))},
		{"a file total past 2^256-1 over two gaps", one(attackRows(2, 2, func(i int, r *record.Contribution) {
			r.Amount = topMinus(1)
		}))},
		{"duplicates summing past 2^256-1", one(attackRows(3, 1, func(i int, r *record.Contribution) {
			r.ID, r.Gap, r.Amount = []byte("same"), *uint256.NewInt(1), topMinus(3)
		}))},
		{"automatic-id duplicates past 2^256-1", one(attackRows(3, 1, func(i int, r *record.Contribution) {
			r.ID, r.Gap, r.Amount = nil, *uint256.NewInt(1), topMinus(3)
		}))},
		{"an unregistered gap mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Gap = *uint256.NewInt(7)
			}
		}))},
		{"an unregistered gap above 2^64 mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Gap.Add(bigGap, uint256.NewInt(1))
			}
		}))},
		{"a weight mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Weight = []byte("1")
			}
		}))},
		{"a score mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Score = []byte("5")
			}
		}))},
		{"a token mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Token = []byte("0x" + strings.Repeat("1", 40))
			}
		}))},
		{"a zero amount mid-file", one(attackRows(60, 9, func(i int, r *record.Contribution) {
			if i == 30 {
				r.Amount.Clear()
			}
		}))},
		{"a scan error after 0 rows", []attackFile{{after: errors.New("c.csv:2: amount: not a number")}}},
		{"a scan error after 37 rows", []attackFile{{rows: attackRows(37, 9, nil), after: errors.New("c.csv:39: amount: not a number")}}},
		{"a scan error then the file again", []attackFile{
			{rows: attackRows(37, 9, nil), after: errors.New("c.csv:39: amount: not a number")},
			{rows: attackRows(37, 9, nil)},
		}},
		{"a second file: the sums behind", []attackFile{
			{rows: attackRows(60, 9, nil)},
			{rows: attackRows(90, 11, nil)},
		}},
		{"a second file after a file the fresh sums could not take", []attackFile{
			{rows: attackRows(60, 9, func(i int, r *record.Contribution) {
				if i == 3 {
					r.Donor = []byte("0X" + strings.Repeat("a", 40))
				}
			})},
			{rows: attackRows(90, 11, nil)},
		}},
	}
}

// TestFreshSumsUnderAttack imports hostile files into three stores — one
// batch (Import), the bulk import with its sums made row by row, the bulk
// import with the fresh sums ingested beside its rows — and requires the
// same counts, the same error and every record the same, byte for byte,
// after each file, at 1 to 4 cores, with the rows decided in one range or
// several; and that stats from the sums then equal stats from the rows.
func TestFreshSumsUnderAttack(t *testing.T) {
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	for _, tc := range attackFiles() {
		for _, cfg := range []struct {
			procs int
			parts bool
		}{{1, false}, {4, true}} {
			procs, parts := cfg.procs, cfg.parts
			t.Run(fmt.Sprintf("%s/procs %d/parts %v", tc.name, procs, parts), func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				batch, fast, slow := attackSetup(t), attackSetup(t), attackSetup(t)
				defer batch.Close()
				defer fast.Close()
				defer slow.Close()
				for step, f := range tc.files {
					want, wantErr := batch.Import(1, f.scan)
					restore := store.ForceIngest(1 << 20)
					if parts {
						restore = store.ForceParts()
					}
					gotSlow, slowErr := slow.ImportFileRowByRowSums(1, f.scan)
					got, err := fast.ImportFile(1, f.scan)
					restore()
					require.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(slowErr), "step %d: row by row", step)
					require.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(err), "step %d: fresh", step)
					require.Equal(t, want, gotSlow, "step %d: row by row", step)
					require.Equal(t, want, got, "step %d: fresh", step)
					d := dump(t, batch)
					require.Equal(t, d, dump(t, slow), "step %d: row by row", step)
					stored := dump(t, fast)
					require.Equal(t, deferredView(t, batch, d, stored), stored, "step %d: fresh", step)
					// made whole, as the next write would: every record
					require.NoError(t, fast.CompleteSums(1))
					require.Equal(t, d, dump(t, fast), "step %d: fresh, made whole", step)
					fromSums, fromRows := statsBothWays(t, fast, 1)
					require.Equal(t, fromRows, fromSums, "step %d: stats", step)
				}
			})
		}
	}
}
