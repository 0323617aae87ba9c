package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"
)

var (
	// ErrNoDatabase reports a database folder that does not exist (or holds
	// no database) where one must already be.
	ErrNoDatabase = errors.New("no qf database")
	// ErrNotQF reports a folder that is not a qf database: a file, a folder
	// of other files, or a Pebble database some other program made.
	ErrNotQF = errors.New("not a qf database")
	// ErrLocked reports a database another process has open.
	ErrLocked = errors.New("database in use")
	// ErrDamaged reports a database whose files are corrupt.
	ErrDamaged = errors.New("database damaged")
)

const markerValue = "qf database v1"

// prefixes are the first bytes of every key qf writes (see the package
// documentation), by which a database made before the marker is known.
const prefixes = "gcrRQTAaSZIM"

// Mode says whether [OpenMode] may start a new database.
type Mode int

// Modes of [OpenMode].
const (
	// MustExist opens only an existing qf database: read commands, and
	// writes that need what an earlier command stored.
	MustExist Mode = iota
	// MayCreate also starts a new database in a folder that does not exist
	// yet (its parent must) or is empty.
	MayCreate
)

// Open opens the qf database in dir, creating it if needed (see
// [MayCreate]).
func Open(dir string) (*Store, error) { return OpenMode(dir, MayCreate) }

// OpenMode opens the qf database in dir. It never creates parent folders,
// never starts a database inside a folder holding other files, and refuses
// a Pebble database without qf's marker key. Its errors wrap
// [ErrNoDatabase], [ErrNotQF], [ErrLocked] or [ErrDamaged] and say what to
// do.
func OpenMode(dir string, mode Mode) (*Store, error) { return OpenModeWith(dir, mode, Options{}) }

// OpenModeWith is [OpenMode] with the storage options o ([OpenWith]):
// where Pebble's log goes and what a storage failure does.
func OpenModeWith(dir string, mode Mode, o Options) (*Store, error) {
	fresh, err := prepare(dir, mode)
	if err != nil {
		return nil, err
	}
	h := &health{dir: dir, opt: o}
	s := &Store{dir: dir, health: h}
	// Pebble's default on finding a corrupt file is to log it as fatal,
	// which panics, in whichever goroutine found it: note it instead (the
	// read that found it returns the error too).
	events := &pebble.EventListener{DataCorruption: func(info pebble.DataCorruptionInfo) {
		err := Damaged(dir, info.Details)
		s.damage.CompareAndSwap(nil, &err)
	}}
	popts := tune(&pebble.Options{FS: linkFS{vfs.Default}, Logger: storeLogger{h}, EventListener: events, ErrorIfNotExists: !fresh})
	db, err := pebble.Open(dir, popts)
	if err != nil {
		return nil, explainOpen(dir, err)
	}
	popts.EnsureDefaults()
	s.db, s.rd, s.popts = db, db, popts
	if err := s.checkMarker(dir, fresh); err != nil {
		db.Close()
		return nil, err
	}
	// Under the database's lock: no import of another process is running.
	if err := removeLeftovers(dir); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening database %s: removing a killed import's temporary files: %w", dir, err)
	}
	return s, nil
}

// prepare checks dir before Pebble touches it and reports whether a new
// database is to be made there.
func prepare(dir string, mode Mode) (fresh bool, err error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if mode == MustExist {
			return false, fmt.Errorf("%w at %s", ErrNoDatabase, dir)
		}
		parent := filepath.Dir(filepath.Clean(dir))
		if pst, perr := os.Stat(parent); perr != nil || !pst.IsDir() {
			return false, fmt.Errorf("%w at %s: %w", ErrNoDatabase, dir, &NoParentError{Parent: parent})
		}
		return true, nil
	case err != nil:
		return false, fmt.Errorf("opening database %s: %w", dir, err)
	case !st.IsDir():
		return false, fmt.Errorf("%w: %s is a file, not a database folder", ErrNotQF, dir)
	}
	desc, err := pebble.Peek(dir, vfs.Default)
	if err != nil {
		return false, explainOpen(dir, err)
	}
	if desc.Exists {
		return false, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("opening database %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("%w: %s holds other files (%s…) and no database", ErrNotQF, dir, entries[0].Name())
	}
	if mode == MustExist {
		return false, fmt.Errorf("%w at %s: the folder is empty", ErrNoDatabase, dir)
	}
	return true, nil
}

// checkMarker writes the marker into a new database and checks it in an
// existing one. A database an older qf made (only qf's key prefixes, no
// marker) gets its marker now.
func (s *Store) checkMarker(dir string, fresh bool) error {
	v, found, err := s.get(markerKey)
	if err != nil {
		return Explain(dir, err)
	}
	if found {
		if string(v) != markerValue {
			return fmt.Errorf("%w: %s was made by %w (%q)", ErrNotQF, dir, ErrVersion, v)
		}
		return nil
	}
	if !fresh {
		first, last, empty, err := s.keyRange()
		if err != nil {
			return Explain(dir, err)
		}
		if !empty && (!strings.ContainsRune(prefixes, rune(first)) || !strings.ContainsRune(prefixes, rune(last))) {
			return fmt.Errorf("%w: %s is a Pebble database another program made (it has no qf marker)", ErrNotQF, dir)
		}
	}
	if err := s.db.Set(markerKey, []byte(markerValue), pebble.Sync); err != nil {
		return Explain(dir, err)
	}
	return nil
}

// keyRange returns the first bytes of the smallest and largest keys.
func (s *Store) keyRange() (first, last byte, empty bool, err error) {
	it, err := s.db.NewIter(nil)
	if err != nil {
		return 0, 0, false, err
	}
	defer it.Close()
	if !it.First() {
		return 0, 0, true, it.Error()
	}
	first = it.Key()[0]
	if !it.Last() {
		return 0, 0, false, it.Error()
	}
	return first, it.Key()[0], false, it.Error()
}

// explainOpen turns Pebble's open errors into what a user can act on.
func explainOpen(dir string, err error) error {
	if errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EWOULDBLOCK) || strings.Contains(err.Error(), "resource temporarily unavailable") {
		return fmt.Errorf("%w: %s is open in another process (a qf serve, or a long import or match): wait for it or stop it, then retry", ErrLocked, dir)
	}
	return Explain(dir, err)
}

// Explain turns a corruption error from the database in dir into
// [ErrDamaged] with what to do; other errors are returned as they are.
func Explain(dir string, err error) error {
	if err == nil || errors.Is(err, ErrDamaged) {
		return err
	}
	if pebble.IsCorruptionError(err) || errors.Is(err, pebble.ErrCorruption) {
		return Damaged(dir, err)
	}
	return err
}

// Damage reports the first corrupt file Pebble found while the store was
// open, as [ErrDamaged] (nil if none).
func (s *Store) Damage() error {
	if p := s.damage.Load(); p != nil {
		return *p
	}
	return nil
}

// Damaged is the error for a database whose files are corrupt; cause is
// what Pebble reported (an error or a recovered panic).
func Damaged(dir string, cause any) error {
	msg := strings.SplitN(fmt.Sprint(cause), "\n", 2)[0]
	return fmt.Errorf("%w: %s: %s", ErrDamaged, dir, msg)
}
