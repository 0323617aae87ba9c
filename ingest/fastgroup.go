package ingest

import (
	"bytes"
	"runtime"
	"sync"

	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/radix"
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
	firstsOf := make([][]radix.Pair, parts)
	parallel(parts, func(k int) {
		firstsOf[k] = groupDonors(data, rows, donors[bounds[k]:bounds[k+1]], uint32(k))
	})
	base := make([]int, parts+1) // part k's groups are base[k]… in the global list
	for k := range parts {
		if len(firstsOf[k]) >= 1<<groupBits-1 {
			return nil, false
		}
		base[k+1] = base[k] + len(firstsOf[k])
	}
	firsts := hugemem.Make[radix.Pair](0, base[parts])
	for k := range parts {
		for _, f := range firstsOf[k] {
			firsts = append(firsts, radix.Pair{Key: f.Key, Val: f.Val + uint64(base[k])})
		}
	}
	radix.Sort(firsts, radix.Bits(len(rows)), nil) // by first row
	index := make([]uint32, len(firsts))           // global group -> donor index
	for d, f := range firsts {
		index[f.Val] = uint32(d)
	}
	// Names go into one block, each part writing its own range of it.
	nameLen := func(d int) int {
		if r := &rows[firsts[d].Key]; !r.has(rowAddr) {
			return len(r.donorText(data))
		}
		return 42
	}
	at := make([]int, parts+1) // part k's names start at block[at[k]]
	for k := range parts {
		at[k+1] = at[k]
		for d := len(firsts) * k / parts; d < len(firsts)*(k+1)/parts; d++ {
			at[k+1] += nameLen(d)
		}
	}
	block := hugemem.Make[byte](at[parts], at[parts])
	names := make([]string, len(firsts))
	parallel(parts, func(k int) {
		a := arena{cur: block[at[k]:at[k]:at[k+1]]}
		for d := len(firsts) * k / parts; d < len(firsts)*(k+1)/parts; d++ {
			r := &rows[firsts[d].Key]
			if r.has(rowAddr) {
				names[d] = a.address(&r.addr)
			} else {
				names[d] = a.str(r.donorText(data))
			}
		}
	})
	parallel(parts, func(k int) {
		for i := len(rows) * k / parts; i < len(rows)*(k+1)/parts; i++ {
			if g := rows[i].donor; g != noGroup {
				rows[i].donor = index[base[g>>groupBits]+int(g&(1<<groupBits-1))]
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
// from 0, sets each row's donor to part<<groupBits | group (noGroup for a
// repeated row whose donor has no kept row), and returns each group's first
// kept row (Key) and number (Val).
func groupDonors(data []byte, rows []fastRow, keys []uint64, part uint32) []radix.Pair {
	firsts := hugemem.Make[radix.Pair](0, len(keys)) // room for every row to be a new donor: untouched room costs nothing
	refs := make([]donorRef, gatherBlock)
	var reps []donorRef // distinct donors of the current run
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
				reps = reps[:0]
			}
			ref, row, g := &refs[j], uint32(k), noGroup
			for r := range reps {
				if reps[r].same(ref) {
					g = reps[r].group
					break
				}
			}
			if g == noGroup && !ref.dup {
				g = uint32(len(firsts))
				firsts = append(firsts, radix.Pair{Key: uint64(row), Val: uint64(g)})
				ref.group = g
				reps = append(reps, *ref)
			}
			if g != noGroup {
				g |= part << groupBits
			}
			rows[row].donor = g
		}
	}
	return firsts
}

// parallel calls fn(k) for every k in [0, parts) on its own goroutine and
// waits for all of them.
func parallel(parts int, fn func(k int)) {
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k)
		}()
	}
	wg.Wait()
}
