package ingest

import (
	"bytes"
	"runtime"

	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
)

// markDuplicates flags every row whose id appeared on an earlier row and
// returns how many there are. ids must be sorted ([radix.SortHigh]). It
// returns -1 as soon as a repeated id has other content than its first
// row (same reports whether two rows say the same): the row-by-row path
// then reports the conflict.
func markDuplicates(data []byte, rows []fastRow, ids []uint64, idCol int, same func(a, b uint32) bool) int {
	n := 0
	idOf := func(i uint32) []byte { return fieldAt(data, rows[i].lineOff, idCol) }
	var reps []uint32 // distinct ids of the current run
	for s := 0; s < len(ids); {
		e := s + 1
		for e < len(ids) && ids[e]>>32 == ids[s]>>32 {
			e++
		}
		// Within a run rows are in file order (the sort is stable): a row
		// is a duplicate if an earlier row of the run has the same id.
		reps = reps[:0]
		for i := s; i < e; i++ {
			row, seen := uint32(ids[i]), false
			for _, r := range reps {
				if bytes.Equal(idOf(row), idOf(r)) {
					if !same(row, r) {
						return -1
					}
					seen = true
					break
				}
			}
			if seen {
				rows[row].gap |= rowDup
				n++
			} else {
				reps = append(reps, row)
			}
		}
		s = e
	}
	return n
}

// Donor grouping runs on every core: the sorted keys are cut at run
// boundaries into parts, each numbers its donors locally, and rows hold
// part<<groupBits | local group until the numbering is made global.
const (
	groupBits = 28
	maxParts  = 1 << (32 - groupBits)
	noGroup   = ^uint32(0) // a repeated row whose donor has no kept row
)

// numberDonors sets every kept row's donor to its donor's index, donors
// numbered in order of first kept row, and returns the donors' canonical
// names. It reports false if a part has too many donors to number (never
// for a file under 4 GiB; the row-by-row path then takes it).
func numberDonors(data []byte, rows []fastRow, donors []uint64) ([]string, bool) {
	parts := min(runtime.GOMAXPROCS(0), maxParts)
	bounds := par.Cut(len(donors), parts, func(i int) bool { return donors[i]>>32 == donors[i-1]>>32 })
	groups := make([]int, parts) // per part, how many donors it found
	nameBytes := 0
	nameBytesOf := make([]int, parts)
	par.Do(parts, func(k int) {
		groups[k], nameBytesOf[k] = groupDonors(data, rows, donors[bounds[k]:bounds[k+1]], uint32(k))
	})
	base := make([]int, parts+1) // part k's groups are base[k]… in the global list
	for k := range parts {
		if groups[k] >= 1<<groupBits-1 {
			return nil, false
		}
		base[k+1] = base[k] + groups[k]
		nameBytes += nameBytesOf[k]
	}
	// Number the groups in order of first kept row, and name each donor
	// there: one pass in file order, every write in order.
	block := hugemem.Make[byte](0, nameBytes)
	a := arena{cur: block}
	names := make([]string, base[parts])
	index := make([]uint32, base[parts]) // global group -> donor index + 1
	next := uint32(0)
	for i := range rows {
		r := &rows[i]
		if r.has(rowDup) {
			continue
		}
		g := base[r.donor>>groupBits] + int(r.donor&(1<<groupBits-1))
		if index[g] == 0 {
			if r.has(rowAddr) {
				names[next] = a.address(&r.addr)
			} else {
				names[next] = a.str(r.donorText(data))
			}
			next++
			index[g] = next
		}
		r.donor = index[g] - 1
	}
	return names, true
}

// donorRef is what grouping needs of a row, gathered in sorted order.
type donorRef struct {
	addr   [20]byte
	text   []byte // the donor as written, when not an address
	isAddr bool
	dup    bool
	group  uint32 // for a run's distinct donors
}

func (x *donorRef) same(y *donorRef) bool {
	if x.isAddr || y.isAddr {
		return x.isAddr == y.isAddr && x.addr == y.addr
	}
	return bytes.Equal(x.text, y.text)
}

// gatherBlock is how many rows groupDonors reads ahead: enough independent
// loads to overlap their cache misses, few enough to stay in cache.
const gatherBlock = 4096

// groupDonors numbers the distinct donors of its part of the sorted keys
// from 0 and sets each row's donor to part<<groupBits | group (noGroup for
// a repeated row whose donor has no kept row). It returns how many donors
// it found and the length of their names.
func groupDonors(data []byte, rows []fastRow, keys []uint64, part uint32) (int, int) {
	groups, nameBytes := 0, 0
	refs := make([]donorRef, gatherBlock)
	var run []donorRef // distinct donors of the current run of equal hashes
	for b := 0; b < len(keys); b += gatherBlock {
		block := keys[b:min(b+gatherBlock, len(keys))]
		for j, k := range block {
			r := &rows[uint32(k)]
			ref := &refs[j]
			*ref = donorRef{addr: r.addr, isAddr: r.has(rowAddr), dup: r.has(rowDup)}
			if !ref.isAddr {
				ref.text = r.donorText(data)
			}
		}
		for j, k := range block {
			if i := b + j; i == 0 || keys[i]>>32 != keys[i-1]>>32 {
				run = run[:0]
			}
			ref, row, g := &refs[j], uint32(k), noGroup
			for r := range run {
				if run[r].same(ref) {
					g = run[r].group
					break
				}
			}
			if g == noGroup && !ref.dup {
				g = uint32(groups)
				groups++
				ref.group = g
				run = append(run, *ref)
				if ref.isAddr {
					nameBytes += 42
				} else {
					nameBytes += len(ref.text)
				}
			}
			if g != noGroup {
				g |= part << groupBits
			}
			rows[row].donor = g
		}
	}
	return groups, nameBytes
}
