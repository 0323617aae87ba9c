// Package mapfile reads a large input file by mapping it into memory.
//
// A million-row contributions file is about 70 MiB. Reading it copies every
// byte out of the page cache into fresh memory, whose first touch costs a
// page fault per 4 KiB; mapping the file (read-only, pre-faulted with
// MAP_POPULATE) shares the cached pages instead and takes a few
// milliseconds. Small files, non-regular files and other systems are read
// the ordinary way.
//
// [Stream] maps a file that is read front to back (maybe twice, as `qf
// import contributions` does) without pre-faulting it, and gives back the
// pages behind the reader, so that a 10M-row file does not count its
// 700 MiB in the process's resident memory.
package mapfile

import (
	"fmt"
	"io"
	"os"
)

// minMapped is the smallest file worth mapping.
const minMapped = 4 << 20

// Read returns the contents of path and a function that releases them. The
// contents must not be modified, nor used after release. Truncating a mapped
// file while it is in use is not supported (the process may crash), as for
// any program that maps its input.
func Read(path string) ([]byte, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if st.Mode().IsRegular() && st.Size() >= minMapped && int64(int(st.Size())) == st.Size() {
		if data, release, err := mmap(f, int(st.Size())); err == nil {
			return data, release, nil
		}
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return data, func() {}, nil
}

// Stream is [Read] for a file that is read front to back, maybe more than
// once: a large file is mapped without pre-faulting its pages, and
// drop(upTo) gives back the mapped pages before upTo (read again from the
// page cache if touched again), so that the process's resident memory
// does not grow with the file. drop may be called with any offset (a
// smaller one starts a new pass); it does nothing for a file read the
// ordinary way.
func Stream(path string) (data []byte, drop func(upTo int), release func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if st.Mode().IsRegular() && st.Size() >= minMapped && int64(int(st.Size())) == st.Size() {
		if data, drop, release, err := mmapStream(f, int(st.Size())); err == nil {
			return data, drop, release, nil
		}
	}
	data, err = io.ReadAll(f)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return data, func(int) {}, func() {}, nil
}
