// Package radix sorts (key, value) pairs by key, stably, in linear time.
//
// qf groups millions of contributions by (gap, donor), by donor and by id.
// Sorting compact pairs with a least-significant-digit radix sort touches
// memory in a few sequential sweeps, where a hash table of the same size
// would take a cache miss per row; and a stable sort keeps rows with equal
// keys in input order, which is what makes "first wins" rules cheap.
package radix

import (
	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
)

// Pair is a sort key and a value carried along: usually the index of the
// item the key stands for.
type Pair struct {
	Key uint64
	Val uint64
}

const (
	digitBits = 11
	buckets   = 1 << digitBits
	// Below smallSort pairs, 8-bit digits: more passes, but each clears and
	// scans 256 counters instead of 2048, which dominates for short runs.
	smallSort      = 1 << 12
	smallDigitBits = 8
)

// Sort sorts p by Key, stably. Only the low bits of Key are looked at: keys
// must be below 2^bits. scratch, if it has room, is used as the second
// buffer; the result is always in p.
func Sort(p []Pair, bits int, scratch []Pair) {
	if len(p) < 2 {
		return
	}
	if len(p) <= 64 {
		insertion(p, bits)
		return
	}
	if cap(scratch) < len(p) {
		scratch = hugemem.Make[Pair](len(p), len(p))
	}
	digit := digitBits
	if len(p) < smallSort {
		digit = smallDigitBits
	}
	src, dst := p, scratch[:len(p)]
	var counts [buckets]int
	for shift := 0; shift < bits; shift += digit {
		mask := uint64(1)<<digit - 1
		if bits-shift < digit {
			mask = 1<<(bits-shift) - 1 // the top digit: only the bits asked for
		}
		count := counts[:mask+1]
		clear(count)
		for i := range src {
			count[(src[i].Key>>shift)&mask]++
		}
		if count[(src[0].Key>>shift)&mask] == len(src) {
			continue // every key has this digit: nothing to move
		}
		sum := 0
		for d := range count {
			c := count[d]
			count[d] = sum
			sum += c
		}
		for i := range src {
			d := (src[i].Key >> shift) & mask
			dst[count[d]] = src[i]
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &p[0] {
		copy(p, src)
	}
}

func insertion(p []Pair, bits int) {
	m := ^uint64(0)
	if bits < 64 {
		m = 1<<bits - 1
	}
	for i := 1; i < len(p); i++ {
		x := p[i]
		j := i
		for j > 0 && p[j-1].Key&m > x.Key&m {
			p[j] = p[j-1]
			j--
		}
		p[j] = x
	}
}

// Bits returns the number of bits needed to hold n-1 (at least 1): the key
// width of indices below n.
func Bits(n int) int {
	b := 1
	for n-1 >= 1<<b {
		b++
	}
	return b
}

// SortHigh sorts keys by their high 32 bits, stably, cutting each pass
// into parts run concurrently (1 for none). A key that packs a 32-bit hash
// above a 32-bit index, pushed in index order, comes out ordered by (hash,
// index) at half the memory of a [Pair]. scratch is used as for [Sort].
func SortHigh(keys []uint64, scratch []uint64, parts int) {
	if len(keys) < 2 {
		return
	}
	if cap(scratch) < len(keys) {
		scratch = hugemem.Make[uint64](len(keys), len(keys))
	}
	parts = max(1, min(parts, len(keys)/(1<<14))) // a part of fewer keys is not worth a goroutine
	src, dst := keys, scratch[:len(keys)]
	counts := make([][buckets]int, parts)
	part := func(s []uint64, k int) []uint64 { lo, hi := par.Span(len(s), parts, k); return s[lo:hi] }
	for shift := 32; shift < 64; shift += digitBits {
		par.Do(parts, func(k int) {
			count := &counts[k]
			clear(count[:])
			for _, key := range part(src, k) {
				count[(key>>shift)&(buckets-1)]++
			}
		})
		first, total := (src[0]>>shift)&(buckets-1), 0
		for k := range parts {
			total += counts[k][first]
		}
		if total == len(src) {
			continue // every key has this digit: nothing to move
		}
		sum := 0 // part k's keys of digit d follow part k-1's: stable
		for d := range buckets {
			for k := range parts {
				c := counts[k][d]
				counts[k][d] = sum
				sum += c
			}
		}
		par.Do(parts, func(k int) {
			count := &counts[k]
			for _, key := range part(src, k) {
				d := (key >> shift) & (buckets - 1)
				dst[count[d]] = key
				count[d]++
			}
		})
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}
