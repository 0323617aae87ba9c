package ingest

import (
	"bytes"
	"runtime"

	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
)

// markDuplicates flags every row whose id appeared on an earlier row and
// returns how many there are. ids must be sorted ([radix.SortHigh]).
func markDuplicates(data []byte, rows []fastRow, ids []uint64, idCol int) int {
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
	bounds := make([]int, parts+1)
	for i := 1; i < parts; i++ {
		b := max(len(donors)*i/parts, bounds[i-1])
		for b < len(donors) && b > 0 && donors[b]>>32 == donors[b-1]>>32 {
			b++
		}
		bounds[i] = b
	}
	bounds[parts] = len(donors)
	reps := make([][]uint32, parts) // per part, group -> one of its kept rows
	nameBytes := make([]int, parts+1)
	par.Do(parts, func(k int) {
		reps[k], nameBytes[k+1] = groupDonors(data, rows, donors[bounds[k]:bounds[k+1]], uint32(k))
	})
	base := make([]int, parts+1) // part k's groups are base[k]… in the global list
	for k := range parts {
		if len(reps[k]) >= 1<<groupBits-1 {
			return nil, false
		}
		base[k+1] = base[k] + len(reps[k])
		nameBytes[k+1] += nameBytes[k]
	}
	// Number the groups in order of first kept row: one pass in file order.
	index := make([]uint32, base[parts]) // global group -> donor index + 1
	next := uint32(0)
	for i := range rows {
		r := &rows[i]
		if r.has(rowDup) {
			continue
		}
		g := base[r.donor>>groupBits] + int(r.donor&(1<<groupBits-1))
		if index[g] == 0 {
			next++
			index[g] = next
		}
		r.donor = index[g] - 1
	}
	// Names go into one block, each part writing its own range of it.
	block := hugemem.Make[byte](nameBytes[parts], nameBytes[parts])
	names := make([]string, base[parts])
	par.Do(parts, func(k int) {
		a := arena{cur: block[nameBytes[k]:nameBytes[k]:nameBytes[k+1]]}
		for g, row := range reps[k] {
			d, r := index[base[k]+g]-1, &rows[row]
			if r.has(rowAddr) {
				names[d] = a.address(&r.addr)
			} else {
				names[d] = a.str(r.donorText(data))
			}
		}
	})
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
// a repeated row whose donor has no kept row). It returns a kept row of
// each group and the length of the groups' names.
func groupDonors(data []byte, rows []fastRow, keys []uint64, part uint32) ([]uint32, int) {
	reps := hugemem.Make[uint32](0, len(keys)) // room for every row to be a new donor: untouched room costs nothing
	nameBytes := 0
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
				g = uint32(len(reps))
				reps = append(reps, row)
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
	return reps, nameBytes
}
