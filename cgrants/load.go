package cgrants

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/holiman/uint256"
	"github.com/ulikunitz/xz"
)

// Decimals is the fixed-point scale of USD amounts: 1 USD = 10^18 units.
const Decimals = 18

// File names inside the data directory.
const (
	ContributionsFile = "contributions.csv.xz"
	RoundsFile        = "clr_rounds.csv"
	GrantsFile        = "grants_data.csv"
)

// ErrData reports a malformed data file; the message names file, line and
// field.
var ErrData = errors.New("bad data")

// ErrNoRound reports a round the data does not describe.
var ErrNoRound = errors.New("round not in the data")

// Gift is one contribution inside a round's window.
type Gift struct {
	Donor  string
	Grant  int32 // index into Round.Grants
	Amount uint256.Int
}

// Round is one Gitcoin Grants round joined from the three files.
type Round struct {
	Number     int
	Start, End time.Time
	// Grants are the titles contributed to in the window, sorted.
	Grants []string
	Gifts  []Gift
	// Zero counts contributions of 0 USD in the window, left out.
	Zero int
	// Published maps a grant title to its published match (18 decimals).
	Published map[string]*big.Int
	// PublishedTotal is Σ Published, the pool the comparison distributes.
	PublishedTotal *big.Int
}

// Load reads rounds (e.g. 1…8) from the data directory dir.
func Load(dir string, rounds []int) ([]*Round, error) {
	out := make([]*Round, len(rounds))
	byNum := map[int]*Round{}
	for i, n := range rounds {
		out[i] = &Round{Number: n, Published: map[string]*big.Int{}, PublishedTotal: new(big.Int)}
		byNum[n] = out[i]
	}
	if err := readWindows(filepath.Join(dir, RoundsFile), byNum); err != nil {
		return nil, err
	}
	if err := readPublished(filepath.Join(dir, GrantsFile), byNum); err != nil {
		return nil, err
	}
	if err := readGifts(filepath.Join(dir, ContributionsFile), out); err != nil {
		return nil, err
	}
	return out, nil
}

// table reads a CSV with a header, calling row with a field getter.
type table struct {
	path string
	r    *csv.Reader
	cols map[string]int
}

func openTable(path string, r io.Reader, need ...string) (*table, error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<20))
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading %s: header: %w", path, err)
	}
	t := &table{path: path, r: cr, cols: map[string]int{}}
	for i, h := range head {
		t.cols[h] = i
	}
	for _, n := range need {
		if _, ok := t.cols[n]; !ok {
			return nil, fmt.Errorf("%s: %w: no %q column", path, ErrData, n)
		}
	}
	return t, nil
}

// each calls fn for every row; get returns a column of the current row.
func (t *table) each(fn func(line int, get func(string) string) error) error {
	for {
		rec, err := t.r.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := t.r.FieldPos(0)
		if err != nil {
			return fmt.Errorf("reading %s: %w", t.path, err)
		}
		if err := fn(line, func(c string) string { return rec[t.cols[c]] }); err != nil {
			return fmt.Errorf("%s:%d: %w", t.path, line, err)
		}
	}
}

func readWindows(path string, rounds map[int]*Round) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	t, err := openTable(path, f, "round_num", "customer_name", "start_date", "end_date")
	if err != nil {
		return err
	}
	err = t.each(func(_ int, get func(string) string) error {
		if get("customer_name") != "ethereum" { // other customers number their own rounds
			return nil
		}
		n, err := strconv.Atoi(get("round_num"))
		if err != nil {
			return fmt.Errorf("%w: round_num %q", ErrData, get("round_num"))
		}
		r := rounds[n]
		if r == nil {
			return nil
		}
		s, err := time.Parse(time.RFC3339, get("start_date"))
		if err != nil {
			return fmt.Errorf("%w: start_date: %v", ErrData, err)
		}
		e, err := time.Parse(time.RFC3339, get("end_date"))
		if err != nil {
			return fmt.Errorf("%w: end_date: %v", ErrData, err)
		}
		if r.Start.IsZero() || s.Before(r.Start) {
			r.Start = s
		}
		if e.After(r.End) {
			r.End = e
		}
		return nil
	})
	if err != nil {
		return err
	}
	for n, r := range rounds {
		if r.Start.IsZero() {
			return fmt.Errorf("%s: %w: GR%d", path, ErrNoRound, n)
		}
	}
	return nil
}

func readPublished(path string, rounds map[int]*Round) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	t, err := openTable(path, f, "round_number", "grant_title", "match_amount")
	if err != nil {
		return err
	}
	return t.each(func(_ int, get func(string) string) error {
		n, err := strconv.Atoi(get("round_number"))
		if err != nil {
			return fmt.Errorf("%w: round_number %q", ErrData, get("round_number"))
		}
		r := rounds[n]
		if r == nil {
			return nil
		}
		m := new(big.Int)
		if s := get("match_amount"); s != "" {
			v, err := USD(s)
			if err != nil {
				return fmt.Errorf("match_amount: %w", err)
			}
			m = v.ToBig()
		}
		title := get("grant_title")
		if old, ok := r.Published[title]; ok { // a title listed twice: one grant, both matches
			m.Add(m, old)
		}
		r.Published[title] = m
		r.PublishedTotal.Add(r.PublishedTotal, m)
		return nil
	})
}

// timeLayout is contributions.csv's created_on.
const timeLayout = "2006-01-02 15:04:05.999999-07:00"

func readGifts(path string, rounds []*Round) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := xz.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	t, err := openTable(path, zr, "created_on", "contributor", "grant", "amount")
	if err != nil {
		return err
	}
	grants := make([]map[string]int32, len(rounds))
	for i := range grants {
		grants[i] = map[string]int32{}
	}
	err = t.each(func(_ int, get func(string) string) error {
		at, err := time.Parse(timeLayout, get("created_on"))
		if err != nil {
			return fmt.Errorf("%w: created_on: %v", ErrData, err)
		}
		for i, r := range rounds {
			if at.Before(r.Start) || at.After(r.End) {
				continue
			}
			amt, err := USD(get("amount"))
			if err != nil {
				return fmt.Errorf("amount: %w", err)
			}
			if amt.IsZero() {
				r.Zero++
				continue
			}
			donor, title := get("contributor"), get("grant")
			if donor == "" || title == "" {
				return fmt.Errorf("%w: empty contributor or grant", ErrData)
			}
			g, ok := grants[i][title]
			if !ok {
				g = int32(len(r.Grants))
				grants[i][title] = g
				r.Grants = append(r.Grants, title)
			}
			r.Gifts = append(r.Gifts, Gift{Donor: donor, Grant: g, Amount: amt})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range rounds {
		sortGrants(r)
	}
	return nil
}

// sortGrants orders a round's grants by title, so gap numbers do not depend
// on the order of the file.
func sortGrants(r *Round) {
	order := make([]int32, len(r.Grants))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmpString(r.Grants[a], r.Grants[b]) })
	rank := make([]int32, len(order))
	sorted := make([]string, len(order))
	for i, o := range order {
		rank[o] = int32(i)
		sorted[i] = r.Grants[o]
	}
	r.Grants = sorted
	for i := range r.Gifts {
		r.Gifts[i].Grant = rank[r.Gifts[i].Grant]
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

var usdScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(Decimals), nil)

// USD parses a non-negative amount in USD ("2.0", "4.99e-07") exactly as a
// rational and returns it in units of 10^-18 USD, truncated.
func USD(s string) (uint256.Int, error) {
	var z uint256.Int
	q, ok := new(big.Rat).SetString(s)
	if !ok {
		return z, fmt.Errorf("%w: %q is not a number", ErrData, s)
	}
	if q.Sign() < 0 {
		return z, fmt.Errorf("%w: %q is negative", ErrData, s)
	}
	v := new(big.Int).Mul(q.Num(), usdScale)
	v.Quo(v, q.Denom())
	if z.SetFromBig(v) {
		return z, fmt.Errorf("%w: %q is over 2^256-1 units", ErrData, s)
	}
	return z, nil
}
