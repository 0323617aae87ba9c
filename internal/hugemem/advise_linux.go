package hugemem

import (
	"syscall"
	"unsafe"
)

const supported = true

// advise marks [p, p+size), whole huge pages, MADV_HUGEPAGE.
func advise(p unsafe.Pointer, size uintptr) {
	_ = syscall.Madvise(unsafe.Slice((*byte)(p), size), 14 /* MADV_HUGEPAGE */)
}
