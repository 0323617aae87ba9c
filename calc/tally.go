package calc

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
	"github.com/qf-dev/qf/internal/radix"
)

// Gap is a registry entry: a gap id, the address its payout goes to and,
// optionally, its Allo v2 recipientId.
type Gap struct {
	ID        uint256.Int
	Recipient common.Address
	// RecipientID is the gap's Allo v2 recipientId (its registry profile's
	// anchor), which Allo leaves carry besides the payout address; zero when
	// the gap has none (Allo leaves then use the payout address). Standard
	// leaves and every computation ignore it.
	RecipientID common.Address
}

// MaxDonorLen is the longest donor id accepted, in bytes.
const MaxDonorLen = 128

// NormalizeDonor returns the canonical form of a donor: a 0x address in lower
// case, or any other non-empty UTF-8 string of at most [MaxDonorLen] bytes
// exactly as given. It refuses what could be a mistyped address, so that a
// typo never becomes an extra donor (see [CheckDonorID]).
func NormalizeDonor(s string) (string, error) {
	if len(s) == 42 && (s[:2] == "0x" || s[:2] == "0X") && common.IsHexAddress(s) {
		if err := CheckAddressCase(s); err != nil {
			return "", fmt.Errorf("%w: %w", ErrDonor, err)
		}
		return "0x" + strings.ToLower(s[2:]), nil
	}
	if err := CheckDonorID(s); err != nil {
		return "", err
	}
	return s, nil
}

// Contributions are kept as radix pairs, 16 bytes each: Key is gap<<32 |
// donor, and Val the amount, or, when the amount does not fit in 64 bits
// (bigAmount set in Key), its index in Tally.big.
const bigAmount = 1 << 63

// Tally sums contributions per (gap, donor). It is the first step of every
// mechanism; the zero value is not usable, build one with [NewTally].
//
// Adding a contribution only appends it; the per-(gap, donor) sums are made
// once, by a radix sort, when the terms are first asked for. That keeps the
// per-row cost to one donor lookup, and the grouping is by (gap, donor
// index) whatever order the rows came in.
type Tally struct {
	gaps       []Gap
	recipients []string              // lower-case hex, for the self-donation check
	denseGaps  []int32               // gap id -> index+1 (0: none), when the ids are small
	smallGaps  map[uint64]int32      // gap ids below 2^64: an 8-byte key, hashed fast
	bigGaps    map[uint256.Int]int32 // the others
	donors     []string
	indexed    int // donors[:indexed] are in the maps below
	donorIndex map[string]int32
	addrIndex  map[[20]byte]int32 // donors that are addresses: a cheaper key
	weights    []Bps
	entries    []radix.Pair
	big        []uint256.Int
	gapStart   []int         // where each gap's entries start, when grouped == len(entries)
	grouped    int           // entries[:grouped] are grouped by gap (see sum.go)
	cells      []Term        // per (gap, donor), Amount the direct total; valid when summed == len(entries)
	eligible   []uint256.Int // per cell, when there is a minimum; else direct is eligible
	summed     int
	min        uint256.Int
}

// NewTally starts a tally over the gap registry. Contributions below
// minAmount (nil for none) count as direct funding but are not matched.
func NewTally(gaps []Gap, minAmount *uint256.Int) (*Tally, error) {
	t := &Tally{
		gaps:       make([]Gap, len(gaps)),
		recipients: make([]string, len(gaps)),
		smallGaps:  make(map[uint64]int32, len(gaps)),
		bigGaps:    make(map[uint256.Int]int32),
		donorIndex: make(map[string]int32),
		addrIndex:  make(map[[20]byte]int32),
		summed:     -1,
		grouped:    -1,
	}
	copy(t.gaps, gaps)
	sort.Slice(t.gaps, func(i, j int) bool { return t.gaps[i].ID.Lt(&t.gaps[j].ID) })
	for i, g := range t.gaps {
		if i > 0 && t.gaps[i-1].ID.Eq(&g.ID) {
			return nil, fmt.Errorf("%w: %s", ErrDuplicateGap, g.ID.Dec())
		}
		if g.ID.IsUint64() {
			t.smallGaps[g.ID.Uint64()] = int32(i)
		} else {
			t.bigGaps[g.ID] = int32(i)
		}
		t.recipients[i] = strings.ToLower(g.Recipient.Hex())
	}
	t.denseGaps = denseIndex(t.gaps)
	if minAmount != nil {
		t.min = *minAmount
	}
	return t, nil
}

// denseIndex returns a table from gap id to index+1 when every id is below
// 16 times the number of gaps plus 2^16 (ids numbered from 0 or 1, as
// registries number them): one load per row instead of a hash lookup.
func denseIndex(gaps []Gap) []int32 {
	if len(gaps) == 0 {
		return nil
	}
	last := &gaps[len(gaps)-1].ID // gaps are sorted by id
	if !last.IsUint64() || last.Uint64() >= uint64(16*len(gaps)+1<<16) {
		return nil
	}
	dense := make([]int32, last.Uint64()+1)
	for i := range gaps {
		dense[gaps[i].ID.Uint64()] = int32(i) + 1
	}
	return dense
}

// Grow reserves room for about n more contributions.
func (t *Tally) Grow(n int) {
	if n > 0 && cap(t.entries)-len(t.entries) < n {
		t.entries = append(hugemem.Make[radix.Pair](0, len(t.entries)+n), t.entries...)
	}
}

// Gaps returns the registry in ascending gap id order; gap indices used by
// the tally refer to this order.
func (t *Tally) Gaps() []Gap { return t.gaps }

// Donors returns the donors in the order first seen.
func (t *Tally) Donors() []string { return t.donors }

// Rows is the number of contributions added.
func (t *Tally) Rows() int { return len(t.entries) }

// GapIndex finds a gap's index. Safe for concurrent use with other lookups.
func (t *Tally) GapIndex(id *uint256.Int) (int32, bool) {
	if id.IsUint64() && id.Uint64() < uint64(len(t.denseGaps)) {
		i := t.denseGaps[id.Uint64()]
		return i - 1, i != 0
	}
	if id.IsUint64() {
		i, ok := t.smallGaps[id.Uint64()]
		return i, ok
	}
	i, ok := t.bigGaps[*id]
	return i, ok
}

// addDonors appends donors known to be canonical and distinct from each
// other and from every donor already in the tally (a bulk loader that has
// grouped its rows itself). The tally may keep the slice itself.
func (t *Tally) addDonors(donors []string) {
	if len(t.donors) == 0 {
		t.donors = slices.Clip(donors)
	} else {
		t.donors = append(t.donors, donors...)
	}
	t.weights = slices.Grow(t.weights, len(donors))
	for range donors {
		t.weights = append(t.weights, One)
	}
}

// index brings the lookup maps up to date with donors added in bulk.
func (t *Tally) index() {
	for ; t.indexed < len(t.donors); t.indexed++ {
		d, i := t.donors[t.indexed], int32(t.indexed)
		t.donorIndex[d] = i
		if a, ok := parseCanonicalAddr([]byte(d)); ok {
			t.addrIndex[a] = i
		}
	}
}

// DonorIndex returns the index of a canonical donor, adding it if new.
func (t *Tally) DonorIndex(donor string) int32 {
	t.index()
	if i, ok := t.donorIndex[donor]; ok {
		return i
	}
	return t.newDonor(donor)
}

func (t *Tally) newDonor(donor string) int32 {
	i := int32(len(t.donors))
	t.donorIndex[donor] = i
	t.donors = append(t.donors, donor)
	t.weights = append(t.weights, One)
	t.indexed++
	return i
}

// DonorIndexBytes is DonorIndex for a byte slice, without allocating for a
// donor already seen. Canonical addresses are keyed by their 20 bytes. A
// new donor that is not canonical ([NormalizeDonor]) is an error.
func (t *Tally) DonorIndexBytes(donor []byte) (int32, error) {
	t.index()
	if a, ok := parseCanonicalAddr(donor); ok {
		if i, ok := t.addrIndex[a]; ok {
			return i, nil
		}
		i := t.newDonor(string(donor))
		t.addrIndex[a] = i
		return i, nil
	}
	if i, ok := t.donorIndex[string(donor)]; ok {
		return i, nil
	}
	if err := CheckCanonical(donor); err != nil {
		return 0, err
	}
	return t.newDonor(string(donor)), nil
}

// CheckCanonical checks that a donor is in the form [NormalizeDonor] gives
// (a lower-case 0x address without a look further).
func CheckCanonical(donor []byte) error {
	if _, ok := parseCanonicalAddr(donor); ok {
		return nil
	}
	s := string(donor)
	norm, err := NormalizeDonor(s)
	if err != nil {
		return err
	}
	if norm != s {
		return fmt.Errorf("%w: %q is not in canonical form (%s)", ErrDonor, s, norm)
	}
	return nil
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
	g, ok := t.GapIndex(gap)
	if !ok {
		return fmt.Errorf("%w: %s", ErrUnknownGap, gap.Dec())
	}
	return t.AddIndexed(t.DonorIndex(donor), g, amount)
}

// AddIndexed records a contribution by donor and gap index.
func (t *Tally) AddIndexed(donor, gap int32, amount *uint256.Int) error {
	switch {
	case amount.IsZero():
		return ErrZeroAmount
	case uint32(donor) >= uint32(len(t.donors)):
		return fmt.Errorf("%w: donor index %d of %d", ErrDonor, donor, len(t.donors))
	case uint32(gap) >= uint32(len(t.gaps)):
		return fmt.Errorf("%w: gap index %d of %d", ErrUnknownGap, gap, len(t.gaps))
	}
	e := radix.Pair{Key: uint64(uint32(gap))<<32 | uint64(uint32(donor)), Val: amount[0]}
	if !amount.IsUint64() {
		e.Key |= bigAmount
		e.Val = uint64(len(t.big))
		t.big = append(t.big, *amount)
	}
	t.entries = append(t.entries, e)
	return nil
}

// Term is one donor's matchable total to one gap: what mechanisms see.
type Term struct {
	Gap, Donor int32
	Amount     uint256.Int // c_pi: the donor's eligible total to the gap
	Weight     Bps
}

// Terms returns the matchable (gap, donor) totals in ascending (gap, donor
// index) order. Excluded: contributions below the minimum, zero-weight
// donors, and donors giving to a gap whose recipient they are. When
// nothing is excluded (the usual round) the slice is the tally's own,
// valid until the next Add: callers must not modify it.
func (t *Tally) Terms() ([]Term, error) {
	if err := t.sum(); err != nil {
		return nil, err
	}
	// A donor is excluded from a gap whose recipient it is; flag the few
	// donors that are some gap's recipient so most cells skip the check.
	recipients := make(map[string]bool, len(t.recipients))
	for _, r := range t.recipients {
		recipients[r] = true
	}
	isRecipient := make([]bool, len(t.donors))
	for d, name := range t.donors {
		isRecipient[d] = recipients[name]
	}
	eligible := func(i int) *uint256.Int {
		if t.eligible != nil {
			return &t.eligible[i]
		}
		return &t.cells[i].Amount
	}
	matchable := func(i int) bool {
		c := &t.cells[i]
		return !eligible(i).IsZero() && c.Weight != 0 && (!isRecipient[c.Donor] || t.donors[c.Donor] != t.recipients[c.Gap])
	}
	// Each part sets its cells' weights and counts its matchable ones.
	parts := partsFor(len(t.cells))
	counts := make([]int, parts+1) // then: where part k's terms start
	par.Do(parts, func(k int) {
		n := 0
		lo, hi := par.Span(len(t.cells), parts, k)
		for i := lo; i < hi; i++ {
			t.cells[i].Weight = t.weights[t.cells[i].Donor]
			if matchable(i) {
				n++
			}
		}
		counts[k+1] = n
	})
	for k := range parts {
		counts[k+1] += counts[k]
	}
	if t.eligible == nil && counts[parts] == len(t.cells) {
		return t.cells, nil
	}
	terms := hugemem.Make[Term](counts[parts], counts[parts])
	par.Do(parts, func(k int) {
		j := counts[k]
		lo, hi := par.Span(len(t.cells), parts, k)
		for i := lo; i < hi; i++ {
			if matchable(i) {
				terms[j] = t.cells[i]
				terms[j].Amount = *eligible(i)
				j++
			}
		}
	})
	return terms, nil
}

// gapTotals returns, per gap, the direct total and the number of distinct donors.
func (t *Tally) gapTotals() ([]uint256.Int, []int, error) {
	if err := t.sum(); err != nil {
		return nil, nil, err
	}
	direct := make([]uint256.Int, len(t.gaps))
	donors := make([]int, len(t.gaps))
	for i := range t.cells {
		c := &t.cells[i]
		if _, over := direct[c.Gap].AddOverflow(&direct[c.Gap], &c.Amount); over {
			return nil, nil, fmt.Errorf("%w: direct total of gap %s", ErrOverflow, t.gaps[c.Gap].ID.Dec())
		}
		donors[c.Gap]++
	}
	return direct, donors, nil
}
