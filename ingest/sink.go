package ingest

import (
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/bulk"
)

// Sink is where a [Loader] puts the rows it reads: it numbers gaps and
// donors, and keeps each row and donor weight. *calc.Tally is the sink
// every round uses; ingest knows only these methods, each of which checks
// what it is given.
type Sink interface {
	// GapIndex finds a gap's index in the registry; safe for concurrent use.
	GapIndex(id *uint256.Int) (int32, bool)
	// Gaps returns the registry in gap index order.
	Gaps() []calc.Gap
	// DonorIndexBytes returns a canonical donor's index, adding it if new.
	DonorIndexBytes(donor []byte) (int32, error)
	// Donors returns the donors in the order first seen.
	Donors() []string
	// Rows is the number of contributions added.
	Rows() int
	// Grow reserves room for about n more contributions.
	Grow(n int)
	// AddIndexed records a contribution by donor and gap index.
	AddIndexed(donor, gap int32, amount *uint256.Int) error
	// AddBlock adds the rows the fast path has grouped itself.
	AddBlock(b *bulk.Block) error
	// SetWeight and Weight set and read a donor's matching weight.
	SetWeight(donor int32, w calc.Bps)
	Weight(donor int32) calc.Bps
}
