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
