package record

import (
	"fmt"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/price"
)

// Checker applies to rows, one at a time, every check that computing the
// round makes of its whole input ([Loader] and calc), so that a store can
// refuse at write time a row that would make the round fail later: weight
// and score syntax and range, one weight (and, under a score scale, one
// score) per donor, and the round's total within 2^256−1 (which bounds
// every per-(donor, gap) and per-gap total below it). Field syntax (donor,
// gap, amount) is checked by the parsers before a row gets here.
//
// A store feeds it the rows it already holds with [Checker.Stored], then
// each new row with [Checker.Add]. Errors are [FieldError]s naming the
// column.
type Checker struct {
	scale   *calc.ScoreScale
	weights map[string]given // donor → its weight as first given
	scores  map[string]given // donor → its score, under a score scale
	total   uint256.Int
	// cellLimit, if set, bounds each (donor, gap) total from above
	// (exclusive): coordinated QF sums a pledger's limits per gap.
	cellLimit *uint256.Int
	cells     map[string]*uint256.Int
	// Prices, if set, converts rows in other tokens (the round's price
	// ledger); without it a row with a token is refused.
	Prices *price.Converter
}

// LimitPledges makes the checker refuse a row that takes a donor's total
// to a gap to limit or more: a coordinated-QF round solves each
// pledger's summed limit per gap, below cqf.MaxLimit.
func (c *Checker) LimitPledges(limit *uint256.Int) {
	c.cellLimit, c.cells = limit, map[string]*uint256.Int{}
}

// given is a weight or score and where it was given.
type given struct{ text, where string }

// NewChecker returns a checker for a round with score scale scale (nil:
// the round has none, and scores are checked for syntax only, as
// computing the round ignores them).
func NewChecker(scale *calc.ScoreScale) *Checker {
	return &Checker{scale: scale, weights: map[string]given{}, scores: map[string]given{}}
}

// Stored takes a row the store already holds; where names it in errors
// about later rows (e.g. `in stored row "tx1"`).
func (c *Checker) Stored(r *Contribution, where string) error {
	return c.add(r, where)
}

// Total is the round's total so far: the sum of every row the checker
// took, in the round's match unit (a copy).
func (c *Checker) Total() uint256.Int { return c.total }

// Plain reports whether the checker holds nothing but the total: no
// donor's weight or score and no pledger's limits. A store that knows the
// total of rows with no weight, score or token can then resume checking
// from [Checker.SetTotal] instead of feeding every stored row again.
func (c *Checker) Plain() bool {
	return len(c.weights) == 0 && len(c.scores) == 0 && len(c.cells) == 0
}

// SetTotal makes total the round's total so far, as if rows summing to it
// (with no weight, score or token) had been given to [Checker.Stored].
func (c *Checker) SetTotal(total *uint256.Int) { c.total.Set(total) }

// Add checks a new row and, if it passes, counts it.
func (c *Checker) Add(r *Contribution) error {
	where := "in an earlier row"
	if r.Line > 0 {
		where = fmt.Sprintf("at line %d", r.Line)
		if r.Item {
			where = fmt.Sprintf("at item %d", r.Line)
		}
	}
	return c.add(r, where)
}

func (c *Checker) add(r *Contribution, where string) error {
	if len(r.Weight) > 0 {
		if err := c.weight(r, where); err != nil {
			return &FieldError{Field: "weight", Err: err}
		}
	}
	if len(r.Score) > 0 {
		if err := c.score(r, where); err != nil {
			return &FieldError{Field: "score", Err: err}
		}
	}
	if r.Amount.IsZero() {
		return &FieldError{Field: "amount", Err: calc.ErrZeroAmount}
	}
	amount, err := MatchAmount(c.Prices, r)
	if err != nil {
		return err
	}
	var sum uint256.Int
	if _, over := sum.AddOverflow(&c.total, amount); over {
		return &FieldError{Field: "amount", Err: fmt.Errorf("%w: the round's total with this contribution (%s + %s)", calc.ErrOverflow, c.total.Dec(), amount.Dec())}
	}
	if c.cellLimit != nil {
		g := r.Gap.Bytes32()
		key := string(r.Donor) + "\x00" + string(g[:])
		cell := c.cells[key]
		if cell == nil {
			cell = new(uint256.Int)
		}
		var next uint256.Int
		if _, over := next.AddOverflow(cell, amount); over || !next.Lt(c.cellLimit) {
			return &FieldError{Field: "amount", Err: fmt.Errorf("%w: donor %s's limits to gap %s would total %s + %s; a pledger's total to a gap must be below 2^200",
				cqf.ErrPledge, r.Donor, r.Gap.Dec(), cell.Dec(), amount.Dec())}
		}
		cell.Set(&next)
		c.cells[key] = cell
	}
	c.total = sum
	return nil
}

func (c *Checker) weight(r *Contribution, where string) error {
	w := string(r.Weight)
	if prev, ok := c.weights[string(r.Donor)]; ok {
		if prev.text != w {
			return fmt.Errorf("%w: donor %s has weight %s here and %s %s; a donor has one weight", calc.ErrWeight, r.Donor, w, prev.text, prev.where)
		}
		return nil
	}
	if _, err := calc.ParseWeight(w); err != nil {
		return err
	}
	c.weights[string(r.Donor)] = given{w, where}
	return nil
}

func (c *Checker) score(r *Contribution, where string) error {
	s := string(r.Score)
	if _, err := calc.ParseScore(s); err != nil {
		return err
	}
	if c.scale == nil {
		return nil
	}
	if prev, ok := c.scores[string(r.Donor)]; ok {
		if prev.text != s {
			return fmt.Errorf("%w: donor %s has score %s here and %s %s; a donor has one score", calc.ErrWeight, r.Donor, s, prev.text, prev.where)
		}
		return nil
	}
	c.scores[string(r.Donor)] = given{s, where}
	return nil
}
