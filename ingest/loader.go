package ingest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"unsafe"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/bulk"
	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/record"
)

// Loader feeds contribution rows into a [Sink] (a round's tally): it resolves gaps,
// skips repeated ids that repeat the same row (an id repeated with other
// content is an error, [ErrConflict]), and turns weight and score columns
// into donor weights.
type Loader struct {
	sink Sink
	// Dedup skips rows whose id was seen before (the store dedups on its own).
	Dedup bool
	// Duplicates counts rows skipped as repeated ids.
	Duplicates int
	// ParseWeight reads the weight column; nil is calc.ParseWeight
	// (grants-stack rounds read it as the indexer's override coefficient).
	ParseWeight func(string) (calc.Bps, error)
	// Prices converts rows in other tokens to the match token and sums
	// every row per token; nil when the round has no price ledger (a row
	// with a token is then refused).
	Prices *price.Converter

	scale    *calc.ScoreScale
	sizeHint int
	reserved bool              // the tally has room for sizeHint rows
	ids      map[string]idSeen // made on the first row-by-row id
	seed     maphash.Seed
	arena    arena
	weights  map[int32]string // donor -> weight text as first given
	scores   map[int32]string
	scored   []bool
}

// NewLoader returns a loader into s; scale (may be nil) maps score columns
// to weights; sizeHint is the expected number of rows.
func NewLoader(s Sink, scale *calc.ScoreScale, sizeHint int) *Loader {
	return &Loader{sink: s, scale: scale, sizeHint: sizeHint, weights: map[int32]string{}, scores: map[int32]string{}}
}

// idSeen is where an id first came and a hash of what that row said (a
// seeded 64-bit hash: no input can aim at a collision).
type idSeen struct {
	line int
	item bool
	hash uint64
}

func (f idSeen) where() string {
	switch {
	case f.line == 0:
		return "an earlier row"
	case f.item:
		return fmt.Sprintf("item %d", f.line)
	}
	return fmt.Sprintf("line %d", f.line)
}

// contentHash hashes what a row says: donor, gap, amount, weight, score,
// token, chain.
func contentHash(seed maphash.Seed, r *Row) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	var n [8]byte
	for _, b := range [][]byte{r.Donor, r.Weight, r.Score, r.Token, r.Chain} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	g, a := r.Gap.Bytes32(), r.Amount.Bytes32()
	h.Write(g[:])
	h.Write(a[:])
	return h.Sum64()
}

// arena keeps many small strings in a few large blocks (one allocation per
// block instead of one per id; blocks double up to 8 MiB). Blocks are never
// reallocated, so strings pointing into them stay valid.
type arena struct{ cur []byte }

func (a *arena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(a.cur)+len(b) > cap(a.cur) {
		a.cur = hugemem.Make[byte](0, max(min(2*cap(a.cur), 8<<20), 64<<10, len(b)))
	}
	start := len(a.cur)
	a.cur = append(a.cur, b...)
	return unsafe.String(&a.cur[start], len(b))
}

// LoadFile loads a contributions file (CSV or JSON). A plain CSV file into
// an empty sink takes a parallel path that hands the sink one block of
// grouped rows; every other input goes row by row through [Loader.Add].
// Both give the same tally and the same errors.
func (l *Loader) LoadFile(file string, data []byte, opts Options) error {
	switch done, err := l.loadFast(data, opts); {
	case err != nil:
		return &Error{File: file, Err: err}
	case done:
		return nil
	}
	return Contributions(file, data, opts, l.Add)
}

// loadFast loads a file through the fast path ([fastBlock]) into an empty
// sink. It reports false, having changed nothing, when the file needs the
// row-by-row path; an error is the sink's refusal of the block.
func (l *Loader) loadFast(data []byte, opts Options) (bool, error) {
	if l.Prices != nil || l.sink.Rows() != 0 || len(l.sink.Donors()) != 0 {
		return false, nil
	}
	b, dups, ok := fastBlock(data, opts, l.sink.GapIndex, len(l.sink.Gaps()), l.Dedup)
	if !ok {
		return false, nil
	}
	if err := l.sink.AddBlock(b); err != nil {
		return false, err
	}
	l.Duplicates += dups
	return true, nil
}

// GapIndex finds a gap's index in the sink's registry (safe for
// concurrent use, as [calc.Tally.GapIndex]).
func (l *Loader) GapIndex(id *uint256.Int) (int32, bool) { return l.sink.GapIndex(id) }

// AddBlock hands the sink rows a reader has grouped itself (the store's
// parallel read of a round: round.FromStore): rows without weights,
// scores or tokens, which it checks as it adds them; on an error nothing
// was added. It refuses a loader with a price ledger, which converts and
// counts every row: those go through [Loader.Add].
func (l *Loader) AddBlock(b *bulk.Block) error {
	if l.Prices != nil {
		return errBlockPrices
	}
	return l.sink.AddBlock(b)
}

var errBlockPrices = errors.New("rows under a price ledger go row by row")

// address stores an address in canonical form: 0x and lower-case hex.
func (a *arena) address(addr *[20]byte) string {
	const digits = "0123456789abcdef"
	var buf [42]byte
	buf[0], buf[1] = '0', 'x'
	for i, b := range addr {
		buf[2+2*i], buf[3+2*i] = digits[b>>4], digits[b&15]
	}
	return a.str(buf[:])
}

// Add takes one row. Errors are [FieldError]s naming the column.
func (l *Loader) Add(r *Row) error {
	if !l.reserved { // on the first row: the fast path needs no reservation
		l.sink.Grow(l.sizeHint)
		l.reserved = true
	}
	if l.Dedup && len(r.ID) > 0 {
		if l.ids == nil {
			l.ids = make(map[string]idSeen, l.sizeHint)
			l.seed = maphash.MakeSeed()
		}
		h := contentHash(l.seed, r)
		if first, dup := l.ids[string(r.ID)]; dup {
			if first.hash != h {
				return &FieldError{Field: "id", Err: fmt.Errorf("%w: %q is also at %s with other content", ErrConflict, r.ID, first.where())}
			}
			l.Duplicates++
			return nil
		}
		l.ids[l.arena.str(r.ID)] = idSeen{line: r.Line, item: r.Item, hash: h}
	}
	amount, err := record.MatchAmount(l.Prices, r)
	if err != nil {
		return err
	}
	g, ok := l.sink.GapIndex(&r.Gap)
	if !ok {
		return &FieldError{Field: "gap", Err: fmt.Errorf("%w %s: add it to the gap registry first", calc.ErrUnknownGap, r.Gap.Dec())}
	}
	d, err := l.sink.DonorIndexBytes(r.Donor)
	if err != nil {
		return &FieldError{Field: "donor", Err: err}
	}
	if len(r.Weight) > 0 {
		if err := l.setWeight(d, string(r.Weight)); err != nil {
			return &FieldError{Field: "weight", Err: err}
		}
	}
	if len(r.Score) > 0 && l.scale != nil {
		if err := l.setScore(d, string(r.Score)); err != nil {
			return &FieldError{Field: "score", Err: err}
		}
	}
	if err := l.sink.AddIndexed(d, g, amount); err != nil {
		return &FieldError{Field: "amount", Err: err}
	}
	return nil
}

func (l *Loader) setWeight(d int32, w string) error {
	if prev, ok := l.weights[d]; ok {
		if prev != w {
			return fmt.Errorf("%w: donor %s has weight %s here and %s before; a donor has one weight", calc.ErrWeight, l.sink.Donors()[d], w, prev)
		}
		return nil
	}
	parse := calc.ParseWeight
	if l.ParseWeight != nil {
		parse = l.ParseWeight
	}
	bps, err := parse(w)
	if err != nil {
		return err
	}
	l.weights[d] = w
	l.sink.SetWeight(d, bps)
	return nil
}

func (l *Loader) setScore(d int32, s string) error {
	if prev, ok := l.scores[d]; ok {
		if prev != s {
			return fmt.Errorf("%w: donor %s has score %s here and %s before", calc.ErrWeight, l.sink.Donors()[d], s, prev)
		}
		return nil
	}
	if _, err := l.scale.Weight(s); err != nil {
		return err
	}
	l.scores[d] = s
	return nil
}

// Finish applies scores: under a score scale a donor's weight is its weight
// (1 by default) times the score's weight, floored to a basis point, and a
// donor with no score is not matched (as Gitcoin treats donors without a
// Passport score).
func (l *Loader) Finish() {
	if l.scale == nil {
		return
	}
	for d := range l.sink.Donors() {
		s, ok := l.scores[int32(d)]
		if !ok {
			l.sink.SetWeight(int32(d), 0)
			continue
		}
		sw, _ := l.scale.Weight(s)
		w := uint64(l.sink.Weight(int32(d)))
		l.sink.SetWeight(int32(d), calc.Bps(w*uint64(sw)/uint64(calc.One)))
	}
}
