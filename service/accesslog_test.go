package service_test

import (
	"bytes"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/service"
)

// lockedBuffer is a bytes.Buffer safe for the flusher and the test.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
	fail   error
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fail != nil {
		return 0, l.fail
	}
	l.writes++
	return l.b.Write(p)
}

func (l *lockedBuffer) snapshot() (string, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String(), l.writes
}

func TestLogBuffer(t *testing.T) {
	t.Run("lines are written together on Flush and Close", func(t *testing.T) {
		var out lockedBuffer
		b := service.NewLogBuffer(&out, time.Hour) // no periodic flush in the test
		for range 100 {
			_, err := b.Write([]byte("msg=request status=201\n"))
			require.NoError(t, err)
		}
		s, n := out.snapshot()
		require.Empty(t, s, "buffered until a flush")
		require.Zero(t, n)
		require.NoError(t, b.Flush())
		s, n = out.snapshot()
		require.Equal(t, 100, bytes.Count([]byte(s), []byte("\n")))
		require.Equal(t, 1, n, "one write for 100 lines")
		_, err := b.Write([]byte("last\n"))
		require.NoError(t, err)
		require.NoError(t, b.Close())
		s, _ = out.snapshot()
		require.True(t, bytes.HasSuffix([]byte(s), []byte("status=201\nlast\n")))
		require.NoError(t, b.Close(), "a second Close is harmless")
	})
	t.Run("a full buffer is written without waiting", func(t *testing.T) {
		var out lockedBuffer
		b := service.NewLogBuffer(&out, time.Hour)
		line := bytes.Repeat([]byte("x"), 1023)
		line = append(line, '\n')
		for range 65 { // 65 KiB > the 64 KiB buffer
			_, err := b.Write(line)
			require.NoError(t, err)
		}
		_, n := out.snapshot()
		require.Equal(t, 1, n)
		require.NoError(t, b.Close())
		s, _ := out.snapshot()
		require.Len(t, s, 65*1024)
	})
	t.Run("the periodic flush writes without a Close", func(t *testing.T) {
		var out lockedBuffer
		b := service.NewLogBuffer(&out, time.Millisecond)
		defer b.Close()
		_, err := b.Write([]byte("line\n"))
		require.NoError(t, err)
		require.Eventually(t, func() bool { s, _ := out.snapshot(); return s == "line\n" }, time.Minute, time.Millisecond)
	})
	t.Run("a write error sticks", func(t *testing.T) {
		full := errors.New("no space left on device")
		out := lockedBuffer{fail: full}
		b := service.NewLogBuffer(&out, time.Hour)
		_, err := b.Write([]byte("line\n"))
		require.NoError(t, err, "buffered")
		require.ErrorIs(t, b.Flush(), full)
		_, err = b.Write([]byte("next\n"))
		require.ErrorIs(t, err, full)
		require.ErrorIs(t, b.Close(), full)
	})
}
