package store

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var (
	// ErrStorage reports a database that failed to write: the store takes
	// no more writes (the service answers 503 and its process exits).
	ErrStorage = errors.New("storage failed")
	// ErrLowSpace reports a write refused because the database's
	// filesystem has less free space than [Options.MinFree].
	ErrLowSpace = errors.New("disk space low")
)

// Options set up [OpenWith].
type Options struct {
	// Log receives Pebble's errors (and, with Verbose, its informational
	// messages: WAL replay, flushes, compactions); nil discards them.
	Log     *log.Logger
	Verbose bool
	// OnFail is called once, with the error, when a write fails or Pebble
	// reports a fatal error: a service exits from it, so that a
	// supervisor restarts it on what was made durable. It may return; the
	// store then refuses every later write with ErrStorage. nil: nothing
	// but the refusals (and a panic for Pebble's fatal errors, which
	// Pebble does not expect to return).
	OnFail func(error)
	// MinFree, if set, is the free space in bytes under which the
	// ledger's writes are refused with ErrLowSpace (reads still work), so
	// that the disk never fills in the middle of a commit.
	MinFree uint64
}

// health is a store's failure state, shared with its snapshots.
type health struct {
	dir    string
	opt    Options
	failed atomic.Pointer[error]
	once   sync.Once
	// free reports the filesystem's free bytes (tests replace it).
	free func(dir string) (uint64, error)
	// lastFree is the last statfs figure and when it was taken (see
	// writable).
	freeMu   sync.Mutex
	lastFree uint64
	lastAt   time.Time
	now      func() time.Time // nil: time.Now (tests replace it)
}

// freeRecheck is how long a free-space figure of at least twice
// Options.MinFree is trusted: a statfs per write was 2.5% of the fund
// path, under the ledger's lock, and no write rate qf reaches fills
// MinFree (64 MiB by default) in that time. Under twice MinFree every
// write checks again.
const freeRecheck = 20 * time.Millisecond

// Failed returns the error that stopped the store's writes, or nil.
func (h *health) Failed() error {
	if e := h.failed.Load(); e != nil {
		return *e
	}
	return nil
}

// fail records a storage failure and calls OnFail, once.
func (h *health) fail(err error) error {
	err = fmt.Errorf("%w: %v", ErrStorage, err)
	h.once.Do(func() {
		h.failed.Store(&err)
		if h.opt.OnFail != nil {
			h.opt.OnFail(err)
		} else if h.opt.Log != nil {
			h.opt.Log.Printf("%v", err)
		}
	})
	return h.Failed()
}

// writable refuses a write when the store has failed or free space is
// below the threshold.
func (h *health) writable() error {
	if err := h.Failed(); err != nil {
		return err
	}
	if h.opt.MinFree == 0 {
		return nil
	}
	n, err := h.freeBytes()
	if err != nil {
		return fmt.Errorf("checking free space of %s: %w", h.dir, err)
	}
	if n < h.opt.MinFree {
		return fmt.Errorf("%w: %d bytes free on the database's filesystem, under the %d kept free; free space or move the database", ErrLowSpace, n, h.opt.MinFree)
	}
	return nil
}

// freeBytes is the filesystem's free space: the last figure while it is
// under freeRecheck old and at least twice MinFree, else a new one.
func (h *health) freeBytes() (uint64, error) {
	h.freeMu.Lock()
	defer h.freeMu.Unlock()
	now := time.Now()
	if h.now != nil {
		now = h.now()
	}
	if !h.lastAt.IsZero() && now.Sub(h.lastAt) < freeRecheck && !now.Before(h.lastAt) && h.lastFree/2 >= h.opt.MinFree {
		return h.lastFree, nil
	}
	free := h.free
	if free == nil {
		free = statfsFree
	}
	n, err := free(h.dir)
	if err != nil {
		h.lastAt = time.Time{}
		return 0, err
	}
	h.lastFree, h.lastAt = n, now
	return n, nil
}

func statfsFree(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return st.Bavail * uint64(st.Bsize), nil
}

// storeLogger sends Pebble's log to Options.Log and turns its fatal
// errors into a storage failure.
type storeLogger struct{ h *health }

func (l storeLogger) Infof(format string, args ...any) {
	if l.h.opt.Log != nil && l.h.opt.Verbose {
		l.h.opt.Log.Printf("pebble: "+format, args...)
	}
}

func (l storeLogger) Errorf(format string, args ...any) {
	if l.h.opt.Log != nil {
		l.h.opt.Log.Printf("pebble: error: "+format, args...)
	}
}

// Fatalf: Pebble does not expect it to return, so after the failure is
// recorded (and OnFail, which exits a service, has run) it panics.
func (l storeLogger) Fatalf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !strings.HasPrefix(msg, "pebble:") {
		msg = "pebble: " + msg
	}
	l.h.fail(errors.New(msg))
	panic(msg)
}
