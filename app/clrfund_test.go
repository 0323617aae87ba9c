package app_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVerifyClrfund runs qf verify clrfund over every published round in
// clrfund/testdata: the six that reproduce pass together, each of the
// three that do not fails naming its projects, files with no tally are
// refused.
func TestVerifyClrfund(t *testing.T) {
	q := cli{t: t, db: filepath.Join(t.TempDir(), "db")}
	dir := filepath.Join("..", "clrfund", "testdata")
	f := func(name string) string { return filepath.Join(dir, name) }
	out := q.run("verify", "clrfund", f("clrarb_806F.json"), f("clrarb_96FB.json"),
		f("clr_0x18604d042A77C6Ed870Bb86Bc59042daf20BC2Fe.json"), f("clr_0x1c1DF3c3612E140B295F8D37636cBdAf209C2d99.json"),
		f("clr_0x5D259f67FBB03bcF2F1c3f35Ec12F711d7A2D439.json"), f("clr_0xA61aAd9fc284ef75B2b39575E3E0f16863e755bc.json"))
	require.Contains(t, out, "clrarb_806F.json: formula v2: all 82 allocations equal to the wei")
	require.Contains(t, out, "clr_0x1c1DF3c3612E140B295F8D37636cBdAf209C2d99.json: formula v1: all 33 allocations equal to the wei")

	for _, name := range []string{"clr_0xbC8b6F9e55466217522ce382047191312e51e67D.json", "clr_0xcf0228760a6da7c77677588314b3f87966cd76d8.json", "clr_0xd07aa7faeba14efde87f2538699c0d6c9a566c20.json"} {
		out, errOut, code := q.try("verify", "clrfund", f(name))
		require.Equal(t, 1, code)
		require.Contains(t, errOut, "verification failed: 1 of 1 clr.fund rounds differ")
		require.Contains(t, out, "allocations differ")
		require.Contains(t, out, "  project 1 (")
	}
	out, errOut, code := q.try("verify", "clrfund", f("clr_0x4a7242887b004E6C2919E8F040E5B3Cf3369Cd7C.json"))
	require.Equal(t, 1, code)
	require.Contains(t, out, "no tally in the file")
	require.Equal(t, "qf: verification failed: 0 of 1 clr.fund rounds differ from their published allocations, 1 could not be checked\n", errOut)
	require.Contains(t, q.fail("verify", "clrfund", "--formula", "v9", f("clrarb_96FB.json")), "unknown formula")
	require.Contains(t, q.fail("verify", "clrfund", "--formula", "v1", f("clrarb_96FB.json")), "differ")
}

// TestVerifyClrfundReportsEveryFile: files that cannot be checked (missing,
// no tally) do not stop the others; each gets its verdict, exit 1.
func TestVerifyClrfundReportsEveryFile(t *testing.T) {
	q := cli{t: t, db: filepath.Join(t.TempDir(), "db")}
	dir := filepath.Join("..", "clrfund", "testdata")
	f := func(name string) string { return filepath.Join(dir, name) }
	files := []string{f("clr_0x4a7242887b004E6C2919E8F040E5B3Cf3369Cd7C.json"), f("no-such-round.json"),
		f("clr_0xbC8b6F9e55466217522ce382047191312e51e67D.json"), f("clrarb_806F.json")}
	out, errOut, code := q.try(append([]string{"verify", "clrfund"}, files...)...)
	require.Equal(t, 1, code)
	require.Equal(t, "qf: verification failed: 1 of 4 clr.fund rounds differ from their published allocations, 2 could not be checked\n", errOut)
	for _, want := range []string{
		files[0] + ": cannot check: ",
		files[1] + ": cannot check: reading " + files[1] + ": open " + files[1] + ": no such file or directory",
		files[2] + ": formula ",
		files[3] + ": formula v2: all 82 allocations equal to the wei",
	} {
		t.Run(filepath.Base(strings.SplitN(want, ":", 2)[0]), func(t *testing.T) { require.Contains(t, out, want) })
	}

	t.Run("json", func(t *testing.T) {
		out, _, code := q.try(append([]string{"verify", "clrfund", "--json"}, files...)...)
		require.Equal(t, 1, code)
		var v struct {
			OK    bool   `json:"ok"`
			Error string `json:"error"`
			Files []struct {
				File  string `json:"file"`
				Error string `json:"error"`
				Exact *bool  `json:"exact"`
			} `json:"files"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &v), "one JSON document: %s", out)
		require.False(t, v.OK)
		require.Equal(t, "verification failed: 1 of 4 clr.fund rounds differ from their published allocations, 2 could not be checked", v.Error)
		require.Len(t, v.Files, 4)
		require.NotEmpty(t, v.Files[0].Error)
		require.NotEmpty(t, v.Files[1].Error)
		require.Empty(t, v.Files[3].Error)
	})
}
