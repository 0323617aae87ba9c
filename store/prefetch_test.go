package store_test

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// storedRows lists a round's stored rows (voids included) as text: id,
// content, arrival sequence, void reason (and the error a damaged row
// gives, where it stops).
func storedRows(t *testing.T, s *store.Store, n uint64) []string {
	var out []string
	err := s.EachStored(n, func(r *record.Contribution, v *store.Void) error {
		line := fmt.Sprintf("%s %s seq %d", r.ID, hex.EncodeToString(store.EncodeContent(r)), r.Seq)
		if v != nil {
			line += " void " + v.Reason
		}
		out = append(out, line)
		return nil
	})
	if err != nil { // a damaged row: where the listing stops
		out = append(out, err.Error())
	}
	return out
}

// TestImportFileAgreesWithImport runs each case through Import and
// ImportFile (committed in a batch, and ingested with a sort that spills
// every few rows) on identical stores: same counts, same error text (the
// same first failing row, in file order), same stored rows.
func TestImportFileAgreesWithImport(t *testing.T) {
	at := func(line int, r *record.Contribution) *record.Contribution { r.Line = line; return r }
	auto := func(donor string, amount uint64) *record.Contribution { return row("", donor, 1, amount) }
	boom := errors.New("c.csv:9: amount: not a number")
	stored := []*record.Contribution{row("a", "alice", 1, 5), row("b", "bob", 2, 7), row("c", "carol", 1, 9), auto("dave", 3), auto("dave", 3)}
	for _, tc := range []struct {
		name   string
		rows   []*record.Contribution
		after  error // what scan returns once its rows are fed
		prefix bool  // err is how the error starts
		added  int
		dups   int
		err    string
	}{
		{name: "re-import of the stored rows", rows: []*record.Contribution{row("c", "carol", 1, 9), row("a", "alice", 1, 5), auto("dave", 3), row("b", "bob", 2, 7), auto("dave", 3)}, dups: 5},
		{name: "stored and new rows interleaved", rows: []*record.Contribution{row("z", "zoe", 1, 1), row("a", "alice", 1, 5), row("d", "dan", 2, 2), row("b", "bob", 2, 7)}, added: 2, dups: 2},
		{name: "a third identical automatic row is new", rows: []*record.Contribution{auto("dave", 3), auto("dave", 3), auto("dave", 3)}, added: 1, dups: 2},
		{name: "a stored id twice in the file", rows: []*record.Contribution{row("a", "alice", 1, 5), row("a", "alice", 1, 5)}, dups: 2},
		{name: "a new id twice, same content", rows: []*record.Contribution{at(2, row("n", "nan", 1, 4)), at(3, row("n", "nan", 1, 4))}, added: 1, dups: 1},
		{name: "the first conflict in file order is reported, not the first in id order",
			rows: []*record.Contribution{at(2, row("n", "nan", 1, 4)), at(3, row("c", "carol", 1, 10)), at(4, row("a", "alice", 1, 6))},
			err:  `id: an id names one contribution: "c" is already stored with other content (stored row: donor carol, gap 1, amount 9); give this contribution another id`},
		{name: "a conflict after a stored duplicate of the same id",
			rows: []*record.Contribution{at(2, row("b", "bob", 2, 7)), at(3, row("b", "bob", 2, 8))},
			err:  `id: an id names one contribution: "b" is already stored with other content (stored row: donor bob, gap 2, amount 7); give this contribution another id`},
		{name: "a row error before a stored conflict wins", // (the gap error's advice is the CLI's on main: compare the start)
			rows: []*record.Contribution{at(2, row("n", "nan", 9, 4)), at(3, row("a", "alice", 1, 6))},
			err:  `gap: unknown gap 9`, prefix: true},
		{name: "a new id twice with other content", rows: []*record.Contribution{at(2, row("n", "nan", 1, 4)), at(3, row("n", "nan", 1, 5))},
			err: `id: an id names one contribution: "n" is also at line 2 with other content`},
		{name: "a stored conflict before the scan's own error wins",
			rows: []*record.Contribution{at(2, row("a", "alice", 1, 6))}, after: boom,
			err: `id: an id names one contribution: "a" is already stored with other content (stored row: donor alice, gap 1, amount 5); give this contribution another id`},
		{name: "the scan's error after good rows", rows: []*record.Contribution{row("a", "alice", 1, 5), row("n", "nan", 1, 4)}, after: boom, err: boom.Error()},
		{name: "a conflict with a voided row", rows: []*record.Contribution{row("v", "vic", 1, 2)},
			err: `id: an id names one contribution: "v" is already stored with other content (stored row, voided: donor vic, gap 1, amount 1); give this contribution another id`},
		{name: "a voided row given again", rows: []*record.Contribution{row("v", "vic", 1, 1)}, dups: 1},
		{name: "an explicit id equal to a stored automatic one, after that row",
			rows: []*record.Contribution{at(2, auto("dave", 3)), at(3, row(string(store.AutoID(auto("dave", 3), 0)), "eve", 1, 1))},
			err:  `id: an id names one contribution: "` + string(store.AutoID(auto("dave", 3), 0)) + `" is already stored with other content (stored row: donor dave, gap 1, amount 3); give this contribution another id`},
		{name: "a damaged stored row", rows: []*record.Contribution{row("x", "xi", 1, 1)}, err: `round 1 contribution "x": damaged contribution record`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type outcome struct {
				st   store.ImportStats
				err  string
				rows []string
			}
			run := func(file, ingest bool) outcome {
				if ingest {
					defer store.ForceIngest(64)()
				}
				s, _ := setup(t)
				defer s.Close()
				_, err := s.Import(1, feed(append(stored, row("v", "vic", 1, 1))...))
				require.NoError(t, err)
				_, err = s.VoidContribution(1, "v", "test")
				require.NoError(t, err)
				if tc.name == "a damaged stored row" {
					require.NoError(t, s.SetRaw(store.ContribKey(1, []byte("x")), []byte{0xff}))
				}
				before := storedRows(t, s, 1)
				scans := 0
				scan := func(add func(*record.Contribution) error) error {
					scans++
					if err := feed(tc.rows...)(add); err != nil {
						return err
					}
					return tc.after
				}
				imp := s.Import
				if file {
					imp = s.ImportFile
				}
				st, err := imp(1, scan)
				o := outcome{st: st, rows: storedRows(t, s, 1)}
				if err != nil {
					o.err = err.Error()
					require.Equal(t, before, o.rows, "nothing stored")
				}
				want := 1
				switch {
				case !file && tc.name == "a damaged stored row":
					want = 0 // loading the stored rows for the checks fails first
				case file && tc.err == "":
					want = 1 // plain rows and no error: the sort decided it all
				case file && tc.name == "a damaged stored row":
					want = 1 // the sort, then loading the stored rows for the checks fails
				case file:
					want = 2 // the sort, then the checks in file order
				}
				require.Equal(t, want, scans, "runs of scan")
				return o
			}
			one, two, three := run(false, false), run(true, false), run(true, true)
			require.Equal(t, one, three)
			if tc.prefix {
				require.True(t, strings.HasPrefix(one.err, tc.err), "error %q starts with %q", one.err, tc.err)
			} else {
				require.Equal(t, tc.err, one.err)
			}
			require.Equal(t, one, two)
			if tc.err == "" {
				require.Equal(t, store.ImportStats{Added: tc.added, Duplicates: tc.dups}, one.st)
			}
		})
	}
}

// TestImportFileScans: an import of plain rows (no weight, score or
// token) that passes reads its file once (the sort decides everything),
// one with weights twice (the sort, then the checks in file order).
func TestImportFileScans(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	scans := 0
	st, err := s.ImportFile(1, func(add func(*record.Contribution) error) error {
		scans++
		return feed(row("a", "alice", 1, 5), row("b", "bob", 2, uint256.NewInt(7).Uint64()))(add)
	})
	require.NoError(t, err)
	require.Equal(t, store.ImportStats{Added: 2}, st)
	require.Equal(t, 1, scans)
	scans = 0
	st, err = s.ImportFile(1, func(add func(*record.Contribution) error) error {
		scans++
		return feed(row("a", "alice", 1, 5), row("b", "bob", 2, 7))(add)
	})
	require.NoError(t, err)
	require.Equal(t, store.ImportStats{Duplicates: 2}, st)
	require.Equal(t, 1, scans)
	scans = 0
	weighted := row("w", "wes", 1, 3)
	weighted.Weight = []byte("2")
	st, err = s.ImportFile(1, func(add func(*record.Contribution) error) error {
		scans++
		return feed(weighted)(add)
	})
	require.NoError(t, err)
	require.Equal(t, store.ImportStats{Added: 1}, st)
	require.Equal(t, 2, scans)
}
