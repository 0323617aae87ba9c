package mapfile

import (
	"os"
	"syscall"
)

func mmap(f *os.File, size int) ([]byte, func(), error) {
	data, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return nil, nil, err
	}
	return data, func() { _ = syscall.Munmap(data) }, nil
}

// dropMargin is how far behind the reader's offset pages are given back
// (a row being parsed may straddle the offset).
const dropMargin = 4 << 20

func mmapStream(f *os.File, size int) ([]byte, func(int), func(), error) {
	data, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, nil, err
	}
	_ = syscall.Madvise(data, syscall.MADV_SEQUENTIAL)
	page := os.Getpagesize()
	done := 0 // pages before it are given back
	drop := func(upTo int) {
		end := (upTo - dropMargin) / page * page
		if end < done {
			done = 0 // a new pass
		}
		if end <= done || end > len(data) {
			return
		}
		_ = syscall.Madvise(data[done:end], syscall.MADV_DONTNEED)
		done = end
	}
	return data, drop, func() { _ = syscall.Munmap(data) }, nil
}
