package round

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/store"
)

var (
	// ErrSumsDisagree reports statistics sums that disagree with what
	// they are checked against before a match pays from them (see
	// [Closing]): the match then computes the round from its rows.
	ErrSumsDisagree = errors.New("the round's statistics sums disagree with its records")
	// ErrSumsUnchecked reports statistics sums that cannot be checked
	// against the round's total (a ledger fund since the last import, or
	// voids both before and after it, left the import checks' total
	// behind): the match then computes the round from its rows.
	ErrSumsUnchecked = errors.New("the round's statistics sums cannot be checked")
	// ErrRowsAsked reports a match asked to compute from the rows.
	ErrRowsAsked = errors.New("computing from the rows was asked for")
)

// Source says what [Closing] computed a round from.
type Source struct {
	// Sums is set when the round was computed from its statistics sums.
	Sums bool
	// Why, when it was computed from its rows, says why not from the sums
	// (ErrRowsAsked, errNoSums, store.ErrNoSums, ErrSumsUnchecked,
	// ErrSumsDisagree, ...).
	Why error
}

// qfRootScale is what [calc.QFRoot] scales an unweighted cell by before
// its square root: calc.One basis points times 10^14.
var qfRootScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// Closing computes open round r with config cfg for its match (qf match:
// r.Config), with the outcome [FromStore] gives, byte for byte. Unless
// fromRows is set, it computes it in O(gaps) from the round's statistics
// sums when they describe it (the rounds [Projected] computes from them)
// and pass the checks below; otherwise, and whenever anything about the
// sums is missing, stale or disagrees, it computes it from every row
// ([FromStore], calling progress) — it never fails for the sums' sake.
//
// The sums are a cache and the match pays money, so before using them
// Closing checks them, in the same view of the database, against records
// written independently of their incremental √ arithmetic:
//
//   - the round's record is r's, and the sums are stamped with it;
//   - the rows they count are the round's Contributions − Voided;
//   - Σ over gaps of the direct totals is the round's total of amounts
//     that are not voided, as the last import's checks recorded it, less
//     the voided rows' amounts when every void came after that import
//     (after a ledger fund, or voids both before and after it, the total
//     is not known exactly: the rows are read, ErrSumsUnchecked);
//   - every gap's sums are consistent with one another: no donor without
//     a direct total and back, the recipient's own cell within the gap's,
//     as many distinct donors as the gaps' donors allow, and Σ√ within
//     the bounds its donors and direct total put it in (for a one-donor
//     gap, exactly its √).
//
// A Σ√ damaged within those bounds is not detected: --from-rows (qf
// match) recomputes from every row.
func Closing(st *store.Store, r store.Round, cfg calc.Config, fromRows bool, progress func(rows int)) (*Outcome, Source, error) {
	src := Source{Why: ErrRowsAsked}
	if !fromRows {
		out, err := closingFromSums(st, r, cfg)
		if err == nil {
			return out, Source{Sums: true}, nil
		}
		src.Why = err
	}
	out, err := FromStore(st, r, cfg, progress)
	return out, src, err
}

// closingFromSums computes open round r from its statistics sums once
// they pass [Closing]'s checks, or says why not.
func closingFromSums(st *store.Store, r store.Round, cfg calc.Config) (*Outcome, error) {
	if err := sumsSettings(st, r, cfg); err != nil {
		return nil, err
	}
	gaps, err := st.Gaps()
	if err != nil {
		return nil, err
	}
	m, err := st.MatchSums(r.Number, gaps)
	if err != nil {
		return nil, err
	}
	if err := checkSums(m, r, gaps); err != nil {
		return nil, err
	}
	return sumsOutcome(gaps, m.Sums, r, cfg)
}

// checkSums checks round r's sums for the registry gaps as [Closing]
// says.
func checkSums(m *store.MatchSums, r store.Round, gaps []calc.Gap) error {
	disagree := func(format string, a ...any) error {
		return fmt.Errorf("%w: round %d: %s", ErrSumsDisagree, r.Number, fmt.Sprintf(format, a...))
	}
	got := m.Round
	switch {
	case got.Status != r.Status || got.Contributions != r.Contributions || got.Voided != r.Voided:
		return disagree("the round's record changed since it was read (%d contributions, %d voided; now %d, %d)",
			r.Contributions, r.Voided, got.Contributions, got.Voided)
	case !m.HasTotal:
		return fmt.Errorf("%w: round %d: its total is known from its rows only (a ledger fund since the last import, or voids both before and after it)", ErrSumsUnchecked, r.Number)
	}
	s := m.Sums
	if want := r.Contributions - r.Voided; s.Rows != want {
		return disagree("they count %d rows, the round %d (%d contributions − %d voided)", s.Rows, want, r.Contributions, r.Voided)
	}
	if s.Donors > s.Rows || (s.Rows > 0) != (s.Donors > 0) {
		return disagree("%d distinct donors for %d rows", s.Donors, s.Rows)
	}
	var direct uint256.Int
	cells := 0
	for i := range s.Gaps {
		g := &s.Gaps[i]
		if _, over := direct.AddOverflow(&direct, &g.Direct); over {
			return disagree("the gaps' direct totals add up past 2^256-1")
		}
		if err := checkGapSums(g); err != nil {
			return disagree("gap %s: %v", gaps[i].ID.Dec(), err)
		}
		cells += g.Donors
	}
	if !direct.Eq(&m.Total) {
		return disagree("the gaps' direct totals add up to %s, the round's rows to %s", direct.Dec(), m.Total.Dec())
	}
	if cells < s.Donors || cells > s.Rows {
		return disagree("%d (gap, donor) cells for %d distinct donors and %d rows", cells, s.Donors, s.Rows)
	}
	return nil
}

// checkGapSums checks one gap's sums for consistency: n donors with
// direct total D and Σ√ R (R = Σ isqrt(c·K) over the cells c, K =
// qfRootScale) have R² ≤ n·D·K (Cauchy–Schwarz) and (R + n)² > D·K (each
// isqrt loses less than 1, and Σ√ ≥ √Σ); the recipient's own cell is at
// most D and its root at most R.
func checkGapSums(g *store.GapSum) error {
	if g.Direct.IsZero() || g.Donors == 0 {
		if !g.Direct.IsZero() || g.Donors != 0 || !g.Roots.IsZero() || !g.Own.IsZero() {
			return fmt.Errorf("direct total %s, %d donors, Σ√ %s, own %s", g.Direct.Dec(), g.Donors, g.Roots.Dec(), g.Own.Dec())
		}
		return nil
	}
	if g.Direct.Lt(&g.Own) {
		return fmt.Errorf("the recipient's own cell %s exceeds the direct total %s", g.Own.Dec(), g.Direct.Dec())
	}
	if !g.Own.IsZero() {
		own := calc.QFRoot(&g.Own, calc.One)
		if g.Roots.Lt(&own) {
			return fmt.Errorf("Σ√ %s is below the recipient's own cell's %s", g.Roots.Dec(), own.Dec())
		}
	}
	n := big.NewInt(int64(g.Donors))
	dk := new(big.Int).Mul(g.Direct.ToBig(), qfRootScale)
	roots := g.Roots.ToBig()
	sq := new(big.Int).Mul(roots, roots)
	if sq.Cmp(new(big.Int).Mul(dk, n)) > 0 {
		return fmt.Errorf("Σ√ %s is above its bound for %d donor(s) and direct total %s", g.Roots.Dec(), g.Donors, g.Direct.Dec())
	}
	roots.Add(roots, n)
	if roots.Mul(roots, roots).Cmp(dk) <= 0 {
		return fmt.Errorf("Σ√ %s is below its bound for %d donor(s) and direct total %s", g.Roots.Dec(), g.Donors, g.Direct.Dec())
	}
	return nil
}
