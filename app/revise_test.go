package app_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/stretchr/testify/require"
)

// dumpDB reads every key and value of the database in dir except those
// under the given first bytes.
func dumpDB(t *testing.T, dir string, skip ...byte) map[string]string {
	t.Helper()
	db, err := pebble.Open(dir, &pebble.Options{ReadOnly: true})
	require.NoError(t, err)
	defer db.Close()
	it, err := db.NewIter(nil)
	require.NoError(t, err)
	defer it.Close()
	out := map[string]string{}
next:
	for ok := it.First(); ok; ok = it.Next() {
		for _, b := range skip {
			if it.Key()[0] == b {
				continue next
			}
		}
		out[string(it.Key())] = string(it.Value())
	}
	require.NoError(t, it.Error())
	return out
}

// TestReviseLeavesTheRoundByteForByte: qf revise writes only its own
// records ('V' revisions, 'W' their trees); every other key and value of
// the database, the round's report, tree and metadata included, is
// byte-for-byte what it was.
func TestReviseLeavesTheRoundByteForByte(t *testing.T) {
	dir := t.TempDir()
	q := cli{t: t, db: filepath.Join(dir, "qf.db")}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	q.run("import", "gaps", write("gaps.csv", "gap,recipient\n3,0x0000000000000000000000000000000000000b03\n5,0x0000000000000000000000000000000000000b05\n"))
	q.run("round", "create", "--pool", "10000")
	q.run("import", "contributions", "--round", "1", write("c.csv", "id,donor,gap,amount\n"+
		"x1,0x00000000000000000000000000000000000000d1,3,400\nx2,0x00000000000000000000000000000000000000d2,3,100\n"+
		"x3,0x00000000000000000000000000000000000000d1,5,900\nx4,0x00000000000000000000000000000000000000d3,5,100\n"))
	q.run("match", "--round", "1")
	before := dumpDB(t, q.db)

	for _, tc := range []struct{ name, flag, file string }{
		{"coefficients", "--coefficients", write("coef.csv", "voter,coefficient\n0x00000000000000000000000000000000000000d2,0.25\n")},
		{"deny", "--deny", write("deny.csv", "voter\n0x00000000000000000000000000000000000000d3\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rev struct{ Root, BaseRoot string }
			q.json(&rev, "revise", "--round", "1", tc.flag, tc.file)
			require.NotEqual(t, rev.BaseRoot, rev.Root)
			require.Equal(t, before, dumpDB(t, q.db, 'V', 'W'))
		})
	}
	all := dumpDB(t, q.db)
	n := 0
	for k := range all {
		if k[0] == 'V' {
			n++
		}
	}
	require.Equal(t, 2, n, "two revisions stored")
}
