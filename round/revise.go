package round

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strings"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
)

// ErrRevisionInput reports a coefficient or deny-list file qf cannot apply
// to the round.
var ErrRevisionInput = errors.New("bad revision input")

// Overrides are what a revision changes in a closed round's inputs: a
// coefficient (the weight column) per donor, and donors to leave out.
// Donors are canonical ([calc.NormalizeDonor]).
type Overrides struct {
	// Coefficients maps a donor to the coefficient that replaces their
	// weight, as written in the file.
	Coefficients map[string]string `json:"coefficients,omitempty"`
	// Deny lists donors whose contributions the revision leaves out.
	Deny map[string]bool `json:"deny,omitempty"`
}

// Stored is what a revision reads of the round it revises: every
// contribution's donor by id, and the donors.
type Stored struct {
	DonorOf map[string]string   // contribution id → donor
	Donors  map[string]struct{} // every donor
}

// NewStored indexes a round's stored contributions.
func NewStored(each func(fn func(*ingest.Row) error) error) (*Stored, error) {
	st := &Stored{DonorOf: map[string]string{}, Donors: map[string]struct{}{}}
	err := each(func(r *ingest.Row) error {
		d := string(r.Donor)
		st.DonorOf[string(r.ID)] = d
		st.Donors[d] = struct{}{}
		return nil
	})
	return st, err
}

// ParseCoefficients reads a coefficient CSV: a header with `coefficient`
// and either `id` (Grants Stack's overrides file: a vote id, here a stored
// contribution's id) or `voter` (or `donor`, `address`). qf weighs all of
// a donor's contributions with one coefficient, so an id's coefficient is
// its donor's, and a donor given two different ones is refused. Each
// coefficient must parse as the round's weights do (parse: the mechanism's
// weight parser); every id or voter must be in the round. name is the
// file's name for errors.
func ParseCoefficients(data []byte, name string, st *Stored, parse func(string) (calc.Bps, error)) (map[string]string, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: no header: want columns id (or voter) and coefficient", ErrRevisionInput, name)
	}
	col := columns(head)
	coef, ok := col["coefficient"]
	if !ok {
		return nil, fmt.Errorf("%w: %s:1: no coefficient column (want columns id or voter, and coefficient)", ErrRevisionInput, name)
	}
	key, byID := -1, false
	if i, ok := col["id"]; ok {
		key, byID = i, true
	} else {
		for _, n := range []string{"voter", "donor", "address"} {
			if i, ok := col[n]; ok {
				key = i
				break
			}
		}
	}
	if key < 0 {
		return nil, fmt.Errorf("%w: %s:1: no id or voter column (want columns id or voter, and coefficient)", ErrRevisionInput, name)
	}
	out := map[string]string{}
	lineOf := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrRevisionInput, name, err)
		}
		if len(rec) <= max(key, coef) {
			return nil, fmt.Errorf("%w: %s:%d: %d fields, the header has %d", ErrRevisionInput, name, line, len(rec), len(head))
		}
		k, c := strings.TrimSpace(rec[key]), strings.TrimSpace(rec[coef])
		if _, err := parse(c); err != nil {
			return nil, fmt.Errorf("%w: %s:%d: coefficient: %w", ErrRevisionInput, name, line, err)
		}
		var donor string
		if byID {
			d, ok := st.DonorOf[k]
			if !ok {
				return nil, fmt.Errorf("%w: %s:%d: id %q: no such contribution in the round", ErrRevisionInput, name, line, k)
			}
			donor = d
		} else {
			d, err := calc.NormalizeDonor(k)
			if err != nil {
				return nil, fmt.Errorf("%w: %s:%d: voter: %w", ErrRevisionInput, name, line, err)
			}
			if _, ok := st.Donors[d]; !ok {
				return nil, fmt.Errorf("%w: %s:%d: voter %s has no contribution in the round", ErrRevisionInput, name, line, d)
			}
			donor = d
		}
		if prev, ok := out[donor]; ok && prev != c {
			return nil, fmt.Errorf("%w: %s:%d: donor %s has coefficient %s on line %d and %s here: qf weighs a donor's contributions with one coefficient",
				ErrRevisionInput, name, line, donor, prev, lineOf[donor], c)
		}
		if _, ok := out[donor]; !ok {
			out[donor], lineOf[donor] = c, line
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %s: no rows", ErrRevisionInput, name)
	}
	return out, nil
}

// ParseDeny reads a deny list: a CSV whose header has a `voter` (or
// `donor`, `address`) column, one donor per row. Donors not in the round
// are allowed (a list may be global); it returns the set and how many of
// its donors the round has.
func ParseDeny(data []byte, name string, st *Stored) (map[string]bool, int, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %s: no header: want a voter (or donor, address) column", ErrRevisionInput, name)
	}
	col := columns(head)
	key := -1
	for _, n := range []string{"voter", "donor", "address"} {
		if i, ok := col[n]; ok {
			key = i
			break
		}
	}
	if key < 0 {
		return nil, 0, fmt.Errorf("%w: %s:1: no voter, donor or address column", ErrRevisionInput, name)
	}
	out := map[string]bool{}
	in := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, 0, fmt.Errorf("%w: %s: %w", ErrRevisionInput, name, err)
		}
		if len(rec) <= key {
			return nil, 0, fmt.Errorf("%w: %s:%d: %d fields, the header has %d", ErrRevisionInput, name, line, len(rec), len(head))
		}
		d, err := calc.NormalizeDonor(strings.TrimSpace(rec[key]))
		if err != nil {
			return nil, 0, fmt.Errorf("%w: %s:%d: %w", ErrRevisionInput, name, line, err)
		}
		if out[d] {
			continue
		}
		out[d] = true
		if _, ok := st.Donors[d]; ok {
			in++
		}
	}
	if len(out) == 0 {
		return nil, 0, fmt.Errorf("%w: %s: no rows", ErrRevisionInput, name)
	}
	return out, in, nil
}

func columns(head []string) map[string]int {
	m := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := m[h]; !dup {
			m[h] = i
		}
	}
	return m
}

// WeightParser is the weight parser of a mechanism: the indexer's
// truncating one for grants-stack, exact decimals otherwise.
func WeightParser(mechanism string) func(string) (calc.Bps, error) {
	if mechanism == calc.GrantsStackName {
		return calc.GrantsStackCoefficient
	}
	return calc.ParseWeight
}

// ReviseLoad feeds a closed round's stored rows (each) to a loader with o
// applied: a denied donor's rows are left out (counted in *denied), an
// overridden donor's rows carry the new coefficient as their weight.
func ReviseLoad(each func(fn func(*ingest.Row) error) error, o *Overrides, denied *int) Load {
	return func(l *ingest.Loader) error {
		return each(func(r *ingest.Row) error {
			d := string(r.Donor)
			if o.Deny[d] {
				*denied++
				return nil
			}
			row := *r
			if c, ok := o.Coefficients[d]; ok {
				row.Weight = []byte(c)
			}
			if err := l.Add(&row); err != nil {
				return fmt.Errorf("contribution %s: %w", r.ID, err)
			}
			return nil
		})
	}
}

// GapDiff is one gap's match in a round and in its revision.
type GapDiff struct {
	Gap       string         `json:"gap"`
	Recipient payout.Address `json:"recipient"`
	Old       string         `json:"old"`
	New       string         `json:"new"`
	Delta     string         `json:"delta"` // new − old, signed
}

// Diff lists every gap of either report with its old and new match (0
// where a report lacks the gap) and the difference, in gap order.
func Diff(old, rev *payout.Report) []GapDiff {
	type pair struct {
		rcpt     payout.Address
		old, new *big.Int
	}
	by := map[string]*pair{}
	var order []string
	get := func(g payout.GapReport) *pair {
		p, ok := by[g.Gap]
		if !ok {
			p = &pair{rcpt: g.Recipient, old: new(big.Int), new: new(big.Int)}
			by[g.Gap] = p
			order = append(order, g.Gap)
		}
		return p
	}
	for _, g := range old.Gaps {
		get(g).old.Set(g.Match.ToBig())
	}
	for _, g := range rev.Gaps {
		get(g).new.Set(g.Match.ToBig())
	}
	sort.Slice(order, func(i, j int) bool {
		a, _ := new(big.Int).SetString(order[i], 10)
		b, _ := new(big.Int).SetString(order[j], 10)
		return a.Cmp(b) < 0
	})
	out := make([]GapDiff, len(order))
	for i, g := range order {
		p := by[g]
		out[i] = GapDiff{Gap: g, Recipient: p.rcpt, Old: p.old.String(), New: p.new.String(), Delta: new(big.Int).Sub(p.new, p.old).String()}
	}
	return out
}
