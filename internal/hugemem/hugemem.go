// Package hugemem allocates large slices that the kernel may back with
// transparent huge pages.
//
// A million-row round needs a few hundred MiB of short-lived arrays. On
// Linux every first touch of a 4 KiB page is a page fault, and on virtual
// machines such as the 2-core CI runners a fault costs around 10 µs: a
// 400 MiB working set spends over a second in the kernel. Asking for huge
// pages on the big arrays (madvise MADV_HUGEPAGE, honoured when the system
// setting is "madvise" or "always") cuts the faults 512-fold. The memory is
// ordinary Go heap, garbage collected like any slice; on other systems, or
// if the hint is refused, nothing changes but the speed.
package hugemem

import (
	"runtime"
	"unsafe"
)

const (
	hugePage = 2 << 20
	// threshold is the smallest allocation worth a huge page: 256 faults.
	threshold = 1 << 20
)

// Make returns a slice like make([]T, n, capacity). When it is large it is
// laid out on huge-page boundaries and advised as huge pages. Call it for
// slices about to be filled, before writing to them.
func Make[T any](n, capacity int) []T {
	var zero T
	size := unsafe.Sizeof(zero)
	if !supported || size == 0 || uintptr(capacity)*size < threshold {
		return make([]T, n, capacity)
	}
	// Over-allocate by two huge pages (virtual memory only: untouched
	// pages cost nothing) so the slice can start and end on whole huge
	// pages that belong to this allocation alone.
	extra := int((2*hugePage + size - 1) / size)
	s := make([]T, capacity+extra)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	skip := int(((hugePage-base%hugePage)%hugePage + size - 1) / size)
	s = s[skip : skip+n : skip+capacity]
	p := unsafe.Pointer(unsafe.SliceData(s))
	lead := uintptr(p) % hugePage // < size: skip stopped just past a boundary
	span := (lead + uintptr(capacity)*size + hugePage - 1) &^ (hugePage - 1)
	advise(unsafe.Add(p, -int(lead)), span)
	return s
}

// Recycle collects garbage now, so that the large arrays a finished phase
// of work dropped are reused by the next phase's allocations. Left to
// itself the collector runs when the heap has doubled, by which time the
// next phase has taken fresh memory, and on a virtual machine a fresh page
// can cost more than the work done on it (a 1M-row qf calc: 50 MiB less
// peak memory and a fifth less time on a cold machine). The large arrays
// hold no pointers, so a collection takes a millisecond or two; call it
// only between phases that each allocate tens of MiB.
func Recycle() { runtime.GC() }
