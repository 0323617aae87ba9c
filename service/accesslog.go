package service

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// LogBuffer buffers an access log on its way to a file: one write(2) per
// request was a tenth of the fund path's system calls. What is buffered is
// written when 64 KiB have gathered, at the latest every period, and at
// [LogBuffer.Close]; a process killed outright loses at most the last
// period's lines (the ledger's journal, not the access log, is the record
// of what was funded).
type LogBuffer struct {
	mu   sync.Mutex
	w    *bufio.Writer
	err  error // the first write error; later writes return it
	stop chan struct{}
	done chan struct{}
}

// NewLogBuffer starts a [LogBuffer] over w that flushes at least every
// period (a second if period ≤ 0).
func NewLogBuffer(w io.Writer, period time.Duration) *LogBuffer {
	if period <= 0 {
		period = time.Second
	}
	b := &LogBuffer{w: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-b.stop:
				return
			case <-t.C:
				_ = b.Flush()
			}
		}
	}()
	return b
}

// Write buffers p (one log line: slog writes a record at a time).
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.w.Write(p)
	if err != nil {
		b.err = err
	}
	return n, err
}

// Flush writes what is buffered.
func (b *LogBuffer) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	if err := b.w.Flush(); err != nil {
		b.err = err
	}
	return b.err
}

// Close stops the periodic flush and writes what is buffered; it does not
// close the writer under it.
func (b *LogBuffer) Close() error {
	select {
	case <-b.stop:
	default:
		close(b.stop)
	}
	<-b.done
	return b.Flush()
}
