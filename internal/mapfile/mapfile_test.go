package mapfile

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReadSmallAndMapped(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		size int
	}{{"empty", 0}, {"small", 100}, {"mapped", minMapped + 12345}} {
		t.Run(tc.name, func(t *testing.T) {
			want := bytes.Repeat([]byte("id,donor,gap,amount\n"), tc.size/20+1)[:tc.size]
			path := filepath.Join(dir, tc.name)
			require.NoError(t, os.WriteFile(path, want, 0o644))
			got, release, err := Read(path)
			require.NoError(t, err)
			require.Equal(t, want, got)
			release()
		})
	}
}

func TestReadMissing(t *testing.T) {
	_, _, err := Read(filepath.Join(t.TempDir(), "nope.csv"))
	require.ErrorIs(t, err, os.ErrNotExist)
	require.ErrorContains(t, err, "reading ")
}

// TestStreamDropKeepsContents: pages given back by drop read the same
// when touched again, in a second pass too.
func TestStreamDropKeepsContents(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		size int
	}{{"small", 100}, {"mapped", minMapped*3 + 12345}} {
		t.Run(tc.name, func(t *testing.T) {
			want := bytes.Repeat([]byte("id,donor,gap,amount\n"), tc.size/20+1)[:tc.size]
			path := filepath.Join(dir, tc.name)
			require.NoError(t, os.WriteFile(path, want, 0o644))
			got, drop, release, err := Stream(path)
			require.NoError(t, err)
			defer release()
			for pass := range 2 {
				for off := 0; off < len(got); off += 1 << 16 {
					drop(off)
				}
				drop(len(got))
				require.Equal(t, want, got, "pass %d", pass)
			}
		})
	}
	_, _, _, err := Stream(filepath.Join(dir, "nope.csv"))
	require.ErrorIs(t, err, os.ErrNotExist)
}
