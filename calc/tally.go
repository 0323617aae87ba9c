package calc

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Gap is a registry entry: a gap id and the address its payout goes to.
type Gap struct {
	ID        uint256.Int
	Recipient common.Address
}

// MaxDonorLen is the longest donor id accepted, in bytes.
const MaxDonorLen = 128

// NormalizeDonor returns the canonical form of a donor: a 0x address in lower
// case, or any other non-empty UTF-8 string of at most [MaxDonorLen] bytes
// exactly as given.
func NormalizeDonor(s string) (string, error) {
	if len(s) == 42 && (s[:2] == "0x" || s[:2] == "0X") && common.IsHexAddress(s) {
		return "0x" + strings.ToLower(s[2:]), nil
	}
	switch {
	case s == "":
		return "", fmt.Errorf("%w: empty", ErrDonor)
	case len(s) > MaxDonorLen:
		return "", fmt.Errorf("%w: longer than %d bytes", ErrDonor, MaxDonorLen)
	case !utf8.ValidString(s):
		return "", fmt.Errorf("%w: not UTF-8", ErrDonor)
	}
	return s, nil
}

// cell is one donor's total to one gap.
type cell struct {
	gap, donor int32
	direct     uint256.Int // every contribution
	eligible   uint256.Int // contributions at or above the minimum
}

// Tally sums contributions per (gap, donor). It is the first step of every
// mechanism; the zero value is not usable, build one with [NewTally].
type Tally struct {
	gaps       []Gap
	recipients []string // lower-case hex, for the self-donation check
	gapIndex   map[uint256.Int]int32
	donors     []string
	donorIndex map[string]int32
	addrIndex  map[[20]byte]int32 // donors that are addresses: a cheaper key
	weights    []Bps
	cellIndex  map[uint64]int32
	cells      []cell
	min        uint256.Int
	rows       int
}

// NewTally starts a tally over the gap registry. Contributions below
// minAmount (nil for none) count as direct funding but are not matched.
func NewTally(gaps []Gap, minAmount *uint256.Int) (*Tally, error) {
	t := &Tally{
		gaps:       make([]Gap, len(gaps)),
		recipients: make([]string, len(gaps)),
		gapIndex:   make(map[uint256.Int]int32, len(gaps)),
		donorIndex: make(map[string]int32),
		addrIndex:  make(map[[20]byte]int32),
		cellIndex:  make(map[uint64]int32),
	}
	copy(t.gaps, gaps)
	sort.Slice(t.gaps, func(i, j int) bool { return t.gaps[i].ID.Lt(&t.gaps[j].ID) })
	for i, g := range t.gaps {
		if i > 0 && t.gaps[i-1].ID.Eq(&g.ID) {
			return nil, fmt.Errorf("%w: %s", ErrDuplicateGap, g.ID.Dec())
		}
		t.gapIndex[g.ID] = int32(i)
		t.recipients[i] = strings.ToLower(g.Recipient.Hex())
	}
	if minAmount != nil {
		t.min = *minAmount
	}
	return t, nil
}

// Grow reserves room for about n more contributions.
func (t *Tally) Grow(n int) {
	if len(t.cells) == 0 && n > 0 {
		t.cellIndex = make(map[uint64]int32, n)
		t.cells = make([]cell, 0, n)
		t.addrIndex = make(map[[20]byte]int32, n/4)
	}
}

// Gaps returns the registry in ascending gap id order; gap indices used by
// the tally refer to this order.
func (t *Tally) Gaps() []Gap { return t.gaps }

// Donors returns the donors in the order first seen.
func (t *Tally) Donors() []string { return t.donors }

// Rows is the number of contributions added.
func (t *Tally) Rows() int { return t.rows }

// GapIndex finds a gap's index.
func (t *Tally) GapIndex(id *uint256.Int) (int32, bool) {
	i, ok := t.gapIndex[*id]
	return i, ok
}

// DonorIndex returns the index of a canonical donor, adding it if new.
func (t *Tally) DonorIndex(donor string) int32 {
	if i, ok := t.donorIndex[donor]; ok {
		return i
	}
	i := int32(len(t.donors))
	t.donorIndex[donor] = i
	t.donors = append(t.donors, donor)
	t.weights = append(t.weights, One)
	return i
}

// DonorIndexBytes is DonorIndex for a byte slice, without allocating for a
// donor already seen. Canonical addresses are keyed by their 20 bytes.
func (t *Tally) DonorIndexBytes(donor []byte) int32 {
	if a, ok := parseCanonicalAddr(donor); ok {
		if i, ok := t.addrIndex[a]; ok {
			return i
		}
		i := t.DonorIndex(string(donor))
		t.addrIndex[a] = i
		return i
	}
	if i, ok := t.donorIndex[string(donor)]; ok {
		return i
	}
	return t.DonorIndex(string(donor))
}

// parseCanonicalAddr decodes "0x" + 40 lower-case hex digits.
func parseCanonicalAddr(b []byte) (a [20]byte, ok bool) {
	if len(b) != 42 || b[0] != '0' || b[1] != 'x' {
		return a, false
	}
	for i := 0; i < 20; i++ {
		hi, ok1 := unhex(b[2+2*i])
		lo, ok2 := unhex(b[3+2*i])
		if !ok1 || !ok2 {
			return a, false
		}
		a[i] = hi<<4 | lo
	}
	return a, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// SetWeight sets a donor's matching weight.
func (t *Tally) SetWeight(donor int32, w Bps) { t.weights[donor] = w }

// Weight returns a donor's matching weight.
func (t *Tally) Weight(donor int32) Bps { return t.weights[donor] }

// Add records a contribution. donor must be canonical ([NormalizeDonor]).
func (t *Tally) Add(donor string, gap, amount *uint256.Int) error {
	g, ok := t.gapIndex[*gap]
	if !ok {
		return fmt.Errorf("%w: %s", ErrUnknownGap, gap.Dec())
	}
	return t.AddIndexed(t.DonorIndex(donor), g, amount)
}

// AddIndexed records a contribution by donor and gap index.
func (t *Tally) AddIndexed(donor, gap int32, amount *uint256.Int) error {
	if amount.IsZero() {
		return ErrZeroAmount
	}
	key := uint64(uint32(gap))<<32 | uint64(uint32(donor))
	ci, ok := t.cellIndex[key]
	if !ok {
		ci = int32(len(t.cells))
		t.cellIndex[key] = ci
		t.cells = append(t.cells, cell{gap: gap, donor: donor})
	}
	c := &t.cells[ci]
	if _, over := c.direct.AddOverflow(&c.direct, amount); over {
		return fmt.Errorf("%w: %s's total to gap %s", ErrOverflow, t.donors[donor], t.gaps[gap].ID.Dec())
	}
	if !amount.Lt(&t.min) {
		c.eligible.Add(&c.eligible, amount) // cannot overflow: eligible <= direct
	}
	t.rows++
	return nil
}

// Term is one donor's matchable total to one gap: what mechanisms see.
type Term struct {
	Gap, Donor int32
	Amount     uint256.Int // c_pi: the donor's eligible total to the gap
	Weight     Bps
}

// Terms returns the matchable (gap, donor) totals grouped by ascending gap,
// in insertion order within a gap (mechanisms must not depend on that order:
// integer sums do not). Excluded: contributions below the minimum,
// zero-weight donors, and donors giving to a gap whose recipient they are.
func (t *Tally) Terms() []Term {
	// Counting sort by gap: linear, and stable within a gap.
	start := make([]int, len(t.gaps)+1)
	keep := make([]bool, len(t.cells))
	for i := range t.cells {
		c := &t.cells[i]
		w := t.weights[c.donor]
		if c.eligible.IsZero() || w == 0 || t.donors[c.donor] == t.recipients[c.gap] {
			continue
		}
		keep[i] = true
		start[c.gap+1]++
	}
	for g := 1; g <= len(t.gaps); g++ {
		start[g] += start[g-1]
	}
	terms := make([]Term, start[len(t.gaps)])
	for i := range t.cells {
		if !keep[i] {
			continue
		}
		c := &t.cells[i]
		terms[start[c.gap]] = Term{Gap: c.gap, Donor: c.donor, Amount: c.eligible, Weight: t.weights[c.donor]}
		start[c.gap]++
	}
	return terms
}

// gapTotals returns, per gap, the direct total and the number of distinct donors.
func (t *Tally) gapTotals() ([]uint256.Int, []int, error) {
	direct := make([]uint256.Int, len(t.gaps))
	donors := make([]int, len(t.gaps))
	for i := range t.cells {
		c := &t.cells[i]
		if _, over := direct[c.gap].AddOverflow(&direct[c.gap], &c.direct); over {
			return nil, nil, fmt.Errorf("%w: direct total of gap %s", ErrOverflow, t.gaps[c.gap].ID.Dec())
		}
		donors[c.gap]++
	}
	return direct, donors, nil
}
