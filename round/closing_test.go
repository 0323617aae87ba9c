package round

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// genRound is a generated round's shape.
type genRound struct {
	rows     int    // rows generated (before duplicates)
	files    int    // the imports they come in
	gaps     int    // registered gaps
	donors   int    // distinct donors besides the recipients
	pool     string // decimal
	mech     string
	capBps   uint32
	noUp     bool
	leaf     payout.Leaf
	voids    int // rows voided between the imports
	fixes    int // corrections: a row voided and imported again under a new id, amount changed
	endVoids int // voids after the last import
	// newRecipient: the first gap's recipient changed after the imports
	// to a donor that gave to it (its cell becomes the recipient's own)
	newRecipient bool
	seed         uint64
}

// pow2 is 2^n.
func pow2(n uint) *uint256.Int { return new(uint256.Int).Lsh(uint256.NewInt(1), n) }

// makeRound stores generated round g in a fresh database: gaps (one id
// past 2^64, one past 2^200), rows of 1 wei, small amounts, 2^200 and
// 2^200−1, from donors and from the gaps' recipients to their own gaps,
// in g.files imports (one batch, or the bulk import of a file, by turns),
// each after the first repeating some earlier rows (duplicates), with
// voids and corrections in between. It returns the store and whether the
// round's total is known exactly from the last adding import's checks:
// no void after it, or no void before it.
func makeRound(t *testing.T, g genRound) (*store.Store, bool) {
	t.Helper()
	rng := rand.New(rand.NewPCG(g.seed, 0x9e3779b97f4a7c15))
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	gaps := make([]calc.Gap, g.gaps)
	for i := range gaps {
		gaps[i].ID = *uint256.NewInt(uint64(i + 1))
		gaps[i].Recipient = common.BigToAddress(uint256.NewInt(uint64(0xb00 + i)).ToBig())
		gaps[i].RecipientID = common.BigToAddress(uint256.NewInt(uint64(0xc00 + i)).ToBig())
	}
	if g.gaps > 2 {
		gaps[1].ID = *new(uint256.Int).AddUint64(pow2(70), 3)
		gaps[2].ID = *new(uint256.Int).AddUint64(pow2(200), 9)
	}
	_, err = s.AddGaps(gaps)
	require.NoError(t, err)
	pool, err := uint256.FromDecimal(g.pool)
	require.NoError(t, err)
	_, err = s.CreateRound(store.Round{Config: calc.Config{Mechanism: g.mech, Pool: *pool, CapBps: g.capBps, NoUpscale: g.noUp}, Leaf: string(g.leaf)})
	require.NoError(t, err)

	donor := func() string {
		if rng.IntN(10) == 0 { // a recipient, maybe to its own gap
			return "0x" + fmt.Sprintf("%x", gaps[rng.IntN(len(gaps))].Recipient[:])
		}
		return fmt.Sprintf("0x%040x", 0xa000+rng.IntN(g.donors))
	}
	amount := func() uint256.Int {
		switch rng.IntN(12) {
		case 0:
			return *uint256.NewInt(1)
		case 1:
			return *pow2(200)
		case 2:
			return *new(uint256.Int).SubUint64(pow2(200), 1)
		case 3:
			return *uint256.NewInt(rng.Uint64() | 1)
		}
		return *uint256.NewInt(1 + rng.Uint64N(1000))
	}
	all := make([]*record.Contribution, g.rows)
	for i := range all {
		all[i] = &record.Contribution{ID: fmt.Appendf(nil, "r%d", i), Donor: []byte(donor()), Gap: gaps[rng.IntN(len(gaps))].ID, Amount: amount()}
	}
	if g.rows > 0 && g.gaps > 0 { // a recipient giving to its own gap, twice
		r := all[0]
		r.Donor, r.Gap = []byte("0x"+fmt.Sprintf("%x", gaps[0].Recipient[:])), gaps[0].ID
		*all[len(all)-1] = record.Contribution{ID: []byte("own2"), Donor: r.Donor, Gap: r.Gap, Amount: *uint256.NewInt(5)}
	}
	copyRow := func(r *record.Contribution) *record.Contribution { c := *r; return &c }
	feed := func(rows []*record.Contribution) func(func(*record.Contribution) error) error {
		return func(add func(*record.Contribution) error) error {
			for _, r := range rows {
				if err := add(copyRow(r)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	var stored []*record.Contribution // imported, not voided
	voided := map[string]bool{}
	nv, v0 := 0, 0 // voids so far; at the last import that added rows
	void := func(why string) {
		if len(stored) == 0 {
			return
		}
		i := rng.IntN(len(stored))
		r := stored[i]
		_, err := s.VoidContribution(1, string(r.ID), why)
		require.NoError(t, err)
		voided[string(r.ID)] = true
		nv++
		stored = append(stored[:i], stored[i+1:]...)
	}
	files := max(g.files, 1)
	for f := range files {
		part := all[f*len(all)/files : (f+1)*len(all)/files]
		in := append([]*record.Contribution(nil), part...)
		if f > 0 && len(stored) > 0 { // rows stored before, again: duplicates
			for range 1 + rng.IntN(3) {
				if r := stored[rng.IntN(len(stored))]; !voided[string(r.ID)] {
					in = append(in, r)
				}
			}
		}
		for range g.fixes / files { // corrections of stored rows: void, then the row again under a new id
			if len(stored) == 0 {
				break
			}
			old := stored[rng.IntN(len(stored))]
			_, err := s.VoidContribution(1, string(old.ID), "correction")
			require.NoError(t, err)
			voided[string(old.ID)] = true
			nv++
			fixed := copyRow(old)
			fixed.ID = append(append([]byte(nil), old.ID...), 'c')
			fixed.Amount.AddUint64(&fixed.Amount, 1)
			in = append(in, fixed)
			for i, r := range stored {
				if r == old {
					stored = append(stored[:i], stored[i+1:]...)
					break
				}
			}
		}
		imp := s.Import
		if f%2 == 1 {
			imp = s.ImportFile
		}
		st, err := imp(1, feed(in))
		require.NoError(t, err, "import %d", f)
		for _, r := range in {
			if _, ok := find(stored, r.ID); !ok && !voided[string(r.ID)] {
				stored = append(stored, r)
			}
		}
		if st.Added > 0 {
			v0 = nv
		}
		if f < files-1 {
			for range g.voids / files {
				void("generated")
			}
		}
	}
	for range g.endVoids {
		void("after the last import")
	}
	if g.newRecipient {
		for _, r := range stored {
			if r.Gap == gaps[0].ID && string(r.Donor) != "0x"+fmt.Sprintf("%x", gaps[0].Recipient[:]) {
				moved := gaps[0]
				moved.Recipient = common.HexToAddress(string(r.Donor))
				_, err := s.SetGap(moved)
				require.NoError(t, err)
				break
			}
		}
	}
	return s, nv == v0 || v0 == 0
}

func find(rows []*record.Contribution, id []byte) (int, bool) {
	for i, r := range rows {
		if string(r.ID) == string(id) {
			return i, true
		}
	}
	return 0, false
}

// same asserts two outcomes are the same byte for byte: the report's
// JSON, the root and every leaf (the tree's dump).
func same(t *testing.T, want, got *Outcome) {
	t.Helper()
	w, err := json.Marshal(want.Report)
	require.NoError(t, err)
	g, err := json.Marshal(got.Report)
	require.NoError(t, err)
	require.Equal(t, string(w), string(g), "report")
	require.Equal(t, want.Tree == nil, got.Tree == nil, "tree")
	if want.Tree != nil {
		require.Equal(t, want.Tree.Root(), got.Tree.Root(), "root")
		w, err := json.Marshal(want.Tree)
		require.NoError(t, err)
		g, err := json.Marshal(got.Tree)
		require.NoError(t, err)
		require.Equal(t, string(w), string(g), "leaves")
	}
}

// Property: on generated rounds (sizes up to past the block path's
// threshold, several imports, voids, corrections, duplicate imports,
// 1-wei and 2^200 amounts, odd pools, recipients giving to their own
// gaps, a recipient changed after the rows came in), the match's computation from the sums is byte for byte the one
// from the rows, and it is taken whenever the round's last write was an
// import that added rows, or came before every void (after voids both
// before and after it the total cannot be checked: rows).
func TestClosingFromSumsIsFromRows(t *testing.T) {
	odd := new(uint256.Int).AddUint64(pow2(100), 7).Dec()
	huge := new(uint256.Int).SubUint64(pow2(255), 1).Dec()
	cases := []struct {
		name      string
		g         genRound
		blockFrom int // 0: the default
	}{
		{name: "empty round", g: genRound{gaps: 3, donors: 1, pool: "1000", mech: "qf"}},
		{name: "one row, one-wei pool", g: genRound{rows: 1, files: 1, gaps: 1, donors: 1, pool: "1", mech: "qf"}},
		{name: "small qf, odd pool", g: genRound{rows: 40, files: 3, gaps: 4, donors: 9, pool: odd, mech: "qf"}},
		{name: "small linear, voids and corrections", g: genRound{rows: 60, files: 3, gaps: 5, donors: 12, pool: "999999999999999999999", mech: "linear", voids: 6, fixes: 3}},
		{name: "a recipient changed to a donor of its gap", g: genRound{rows: 60, files: 2, gaps: 4, donors: 6, pool: odd, mech: "qf", endVoids: 2, newRecipient: true}},
		{name: "qf capped, no upscale, allo leaves", g: genRound{rows: 120, files: 4, gaps: 6, donors: 20, pool: odd, mech: "qf", capBps: 2500, noUp: true, leaf: payout.LeafAllo, voids: 4, fixes: 4}},
		{name: "huge pool, block path", g: genRound{rows: 300, files: 2, gaps: 7, donors: 40, pool: huge, mech: "qf", voids: 2, fixes: 2}, blockFrom: 16},
		{name: "voids before and after the last import", g: genRound{rows: 80, files: 2, gaps: 4, donors: 10, pool: odd, mech: "qf", voids: 2, endVoids: 1}},
		{name: "voids after the only import", g: genRound{rows: 80, files: 1, gaps: 4, donors: 10, pool: odd, mech: "linear", endVoids: 5}},
		{name: "voids after the only import, block path", g: genRound{rows: 400, files: 1, gaps: 9, donors: 50, pool: huge, mech: "qf", endVoids: 30}, blockFrom: 16},
		{name: "past blockFrom, five files", g: genRound{rows: blockFrom + 500, files: 5, gaps: 40, donors: 700, pool: odd, mech: "qf", voids: 10, fixes: 5, newRecipient: true}},
	}
	for _, tc := range cases {
		for seed := range uint64(3) {
			if tc.g.rows > 1000 && seed > 0 {
				continue // one large round is enough
			}
			t.Run(fmt.Sprintf("%s/seed %d", tc.name, seed), func(t *testing.T) {
				if tc.blockFrom != 0 {
					defer func(b int) { blockFrom = b }(blockFrom)
					blockFrom = tc.blockFrom
				}
				g := tc.g
				g.seed = seed + 1
				if g.leaf == "" {
					g.leaf = payout.LeafStandard
				}
				s, checkable := makeRound(t, g)
				r, err := s.Round(1)
				require.NoError(t, err)
				rows, err := FromStore(s, r, r.Config, nil)
				require.NoError(t, err)
				got, src, err := Closing(s, r, r.Config, false, nil)
				require.NoError(t, err)
				same(t, rows, got)
				if r.Contributions == 0 || checkable {
					require.True(t, src.Sums, "from the sums: %v", src.Why)
				} else {
					require.False(t, src.Sums)
					require.ErrorIs(t, src.Why, ErrSumsUnchecked)
				}
				forced, src, err := Closing(s, r, r.Config, true, nil)
				require.NoError(t, err)
				require.False(t, src.Sums)
				require.ErrorIs(t, src.Why, ErrRowsAsked)
				same(t, rows, forced)
				var sum uint256.Int
				for _, p := range payout.Payouts(got.Result) {
					sum.Add(&sum, &p.Amount)
				}
				require.False(t, sum.Gt(&r.Config.Pool), "Σ payouts %s > pool %s", sum.Dec(), r.Config.Pool.Dec())
			})
		}
	}
}

// Rounds the sums cannot compute are computed from their rows, with the
// reason, and the same outcome as FromStore's.
func TestClosingFromRowsWhenSettingsNeedThem(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  func(*calc.Config)
		row  func(*record.Contribution)
		why  error
	}{
		{name: "minimum amount", cfg: func(c *calc.Config) { c.MinAmount = *uint256.NewInt(3) }, why: errNoSums},
		{name: "pairwise", cfg: func(c *calc.Config) { c.Mechanism, c.Params = "pairwise", calc.Params{"M": "1000"} }, why: errNoSums},
		{name: "a weighted row", row: func(r *record.Contribution) { r.Weight = []byte("0.5") }, why: store.ErrNoSums},
		{name: "a scored row", row: func(r *record.Contribution) { r.Score = []byte("20") }, why: store.ErrNoSums},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.Open(t.TempDir())
			require.NoError(t, err)
			defer s.Close()
			_, err = s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.HexToAddress("0xb1")}, {ID: *uint256.NewInt(2), Recipient: common.HexToAddress("0xb2")}})
			require.NoError(t, err)
			cfg := calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)}
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			_, err = s.CreateRound(store.Round{Config: cfg, Leaf: string(payout.LeafStandard)})
			require.NoError(t, err)
			rows := []*record.Contribution{
				{ID: []byte("a"), Donor: []byte("0x00000000000000000000000000000000000000a1"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(4)},
				{ID: []byte("b"), Donor: []byte("0x00000000000000000000000000000000000000a2"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(9)},
				{ID: []byte("c"), Donor: []byte("0x00000000000000000000000000000000000000a1"), Gap: *uint256.NewInt(2), Amount: *uint256.NewInt(2)},
			}
			if tc.row != nil {
				tc.row(rows[1])
			}
			_, err = s.Import(1, func(add func(*record.Contribution) error) error {
				for _, r := range rows {
					if err := add(r); err != nil {
						return err
					}
				}
				return nil
			})
			require.NoError(t, err)
			r, err := s.Round(1)
			require.NoError(t, err)
			want, err := FromStore(s, r, r.Config, nil)
			require.NoError(t, err)
			got, src, err := Closing(s, r, r.Config, false, nil)
			require.NoError(t, err)
			require.False(t, src.Sums)
			require.True(t, errors.Is(src.Why, tc.why), "why: %v", src.Why)
			same(t, want, got)
		})
	}
}

// The per-gap bounds never refuse true sums: for generated cells (1 wei,
// 2^200, 2^248, random; 1 to 60 donors, the recipient's among them or
// not), the gap's exact Σ√ passes; for one donor, a Σ√ one off either
// way does not.
func TestGapSumsBoundsHoldForTrueSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	cell := func() uint256.Int {
		switch rng.IntN(6) {
		case 0:
			return *uint256.NewInt(1)
		case 1:
			return *pow2(200)
		case 2:
			return *new(uint256.Int).Rsh(new(uint256.Int).SetAllOne(), 8) // every cell at most 2^248: 60 of them fit
		case 3:
			return *uint256.NewInt(rng.Uint64() | 1)
		}
		return *uint256.NewInt(1 + rng.Uint64N(100))
	}
	for i := range 300 {
		n := 1 + rng.IntN(60)
		if i < 20 {
			n = 1
		}
		t.Run(fmt.Sprintf("%d cells #%d", n, i), func(t *testing.T) {
			var g store.GapSum
			g.Donors = n
			for k := range n {
				c := cell()
				g.Direct.Add(&g.Direct, &c)
				r := calc.QFRoot(&c, calc.One)
				g.Roots.Add(&g.Roots, &r)
				if k == 0 && i%3 == 0 {
					g.Own = c
				}
			}
			require.NoError(t, checkGapSums(&g))
			if n == 1 { // one cell: Σ√ is pinned exactly
				for _, d := range []int64{-1, 1} {
					bad := g
					if d < 0 {
						bad.Roots.SubUint64(&bad.Roots, 1)
					} else {
						bad.Roots.AddUint64(&bad.Roots, 1)
					}
					require.Error(t, checkGapSums(&bad), "Σ√ %+d", d)
				}
			}
		})
	}
}

// A round read before a write that came after it is not matched from the
// sums (made for the round as it is now), but from the rows, as
// FromStore computes them for that record.
func TestClosingRoundChangedSinceRead(t *testing.T) {
	s, checkable := makeRound(t, genRound{rows: 20, files: 2, gaps: 3, donors: 5, pool: "1001", mech: "qf", leaf: payout.LeafStandard, seed: 5})
	require.True(t, checkable)
	old, err := s.Round(1)
	require.NoError(t, err)
	_, err = s.Import(1, func(add func(*record.Contribution) error) error {
		return add(&record.Contribution{ID: []byte("late"), Donor: []byte("0x00000000000000000000000000000000000000aa"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(3)})
	})
	require.NoError(t, err)
	want, err := FromStore(s, old, old.Config, nil)
	require.NoError(t, err)
	got, src, err := Closing(s, old, old.Config, false, nil)
	require.NoError(t, err)
	require.False(t, src.Sums)
	require.ErrorIs(t, src.Why, ErrSumsDisagree)
	require.EqualError(t, src.Why, "the round's statistics sums disagree with its records: round 1: the round's record changed since it was read (20 contributions, 0 voided; now 21, 0)")
	same(t, want, got)
}
