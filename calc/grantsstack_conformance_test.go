package calc

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// gsCase is one conformance case in testdata/grantsstack: an expected
// result asserted by the Grants Stack indexer's or pluralistic.js's own
// tests, with the source it was taken from.
type gsCase struct {
	Source struct {
		Repo, Path, Test string
	} `json:"source"`
	Note       string               `json:"note"`
	Pool       string               `json:"pool"`
	Params     Params               `json:"params"`
	CapBps     uint32               `json:"capBps"`
	MinAmount  string               `json:"minAmount"`
	Weights    map[string]string    `json:"weights"` // donor -> coefficient
	Votes      [][3]string          `json:"votes"`   // donor, project, amount
	Expect     map[string]gsProject `json:"expect"`  // project -> fields
	Total      string               `json:"totalMatched"`
	MaxDiff    string               `json:"maxDifference"`
	ScoreScale string               `json:"scoreScale"`
	Coeffs     []struct {
		Score, Expect string
	} `json:"coefficients"`
	VoteCap *struct {
		Amount           string `json:"amount"`
		AmountRoundToken string `json:"amountRoundToken"`
		Cap              string `json:"cap"`
		Expect           string `json:"expect"`
	} `json:"voteCap"`
}

// gsProject holds the fields of pluralistic's Calculation a test asserts
// (empty: not asserted).
type gsProject struct {
	ContributionsCount *int   `json:"contributionsCount"`
	SumOfSqrt          string `json:"sumOfSqrt"`
	SumOfSqrtRemainder string `json:"sumOfSqrtRemainder"`
	TotalReceived      string `json:"totalReceived"`
	MatchedWithoutCap  string `json:"matchedWithoutCap"`
	Matched            string `json:"matched"`
	CapOverflow        string `json:"capOverflow"`
}

func loadGSCases(t *testing.T) map[string]gsCase {
	t.Helper()
	files, err := filepath.Glob("testdata/grantsstack/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no conformance cases: %v", err)
	}
	cases := map[string]gsCase{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c gsCase
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if c.Source.Repo == "" || c.Source.Path == "" || c.Source.Test == "" {
			t.Fatalf("%s: the case must cite its source repo, path and test", f)
		}
		cases[strings.TrimSuffix(filepath.Base(f), ".json")] = c
	}
	return cases
}

func bigOf(t *testing.T, s string) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad integer %q", s)
	}
	return v
}

// TestGrantsStackConformance runs every case in testdata/grantsstack
// through the real path: a Tally, a Config with --mechanism grants-stack,
// and Compute.
func TestGrantsStackConformance(t *testing.T) {
	cases := loadGSCases(t)
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		c := cases[name]
		t.Run(name, func(t *testing.T) {
			t.Logf("source: %s %s: %s", c.Source.Repo, c.Source.Path, c.Source.Test)
			asserted := 0
			if c.VoteCap != nil {
				got := bigOf(t, c.VoteCap.AmountRoundToken)
				if c.VoteCap.Cap != "" {
					var err error
					if got, err = GrantsStackVoteCap(bigOf(t, c.VoteCap.Amount), got, bigOf(t, c.VoteCap.Cap)); err != nil {
						t.Fatal(err)
					}
				}
				if got.String() != c.VoteCap.Expect {
					t.Errorf("vote counts %s, want %s", got, c.VoteCap.Expect)
				}
				asserted++
			}
			if len(c.Coeffs) > 0 {
				sc, err := ParseScoreScale(c.ScoreScale)
				if err != nil {
					t.Fatal(err)
				}
				sc.GrantsStack = true // as round.Tally sets it for grants-stack rounds
				for _, k := range c.Coeffs {
					w, err := sc.Weight(k.Score)
					if err != nil {
						t.Fatal(err)
					}
					want, err := ParseWeight(k.Expect)
					if err != nil {
						t.Fatal(err)
					}
					if w != want {
						t.Errorf("score %s: coefficient %s, want %s", k.Score, w, want)
					}
					asserted++
				}
			}
			if len(c.Votes) > 0 {
				asserted += runGSRound(t, c)
			}
			if asserted == 0 {
				t.Fatal("the case asserts nothing")
			}
		})
	}
}

func runGSRound(t *testing.T, c gsCase) int {
	t.Helper()
	var projects []string
	ids := map[string]int{}
	for _, v := range c.Votes {
		if _, ok := ids[v[1]]; !ok {
			ids[v[1]] = len(projects)
			projects = append(projects, v[1])
		}
	}
	gaps := make([]Gap, len(projects))
	for i := range gaps {
		gaps[i] = Gap{ID: *uint256.NewInt(uint64(i + 1)), Recipient: common.BigToAddress(big.NewInt(int64(0xa0 + i)))}
	}
	var min uint256.Int
	if c.MinAmount != "" {
		min.SetFromBig(bigOf(t, c.MinAmount))
	}
	tally, err := NewTally(gaps, &min)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range c.Votes {
		var a uint256.Int
		a.SetFromBig(bigOf(t, v[2]))
		if err := tally.Add(v[0], uint256.NewInt(uint64(ids[v[1]]+1)), &a); err != nil {
			t.Fatal(err)
		}
	}
	for donor, coef := range c.Weights {
		w, err := ParseWeight(coef)
		if err != nil {
			t.Fatal(err)
		}
		tally.SetWeight(tally.DonorIndex(donor), w)
	}
	var pool uint256.Int
	pool.SetFromBig(bigOf(t, c.Pool))
	cfg := Config{Mechanism: GrantsStackName, Params: c.Params, Pool: pool, CapBps: c.CapBps, MinAmount: min}
	res, err := Compute(tally, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Matched.Gt(&res.Pool) {
		t.Fatalf("matched %s above the pool %s", res.Matched.Dec(), res.Pool.Dec())
	}
	// The fields pluralistic reports beside matched, from the same terms.
	terms, err := tally.Terms()
	if err != nil {
		t.Fatal(err)
	}
	amounts := make([][]*big.Int, len(gaps))
	for _, tm := range terms {
		amounts[tm.Gap] = append(amounts[tm.Gap], GrantsStackWeighted(tm.Amount.ToBig(), big.NewInt(int64(tm.Weight))))
	}
	scores := make([]*big.Int, len(gaps))
	for i, g := range res.Gaps {
		scores[i] = g.Raw
	}
	mech, err := NewMechanism(GrantsStackName, c.Params)
	if err != nil {
		t.Fatal(err)
	}
	gs := mech.(GrantsStack)
	var capB *big.Int
	if bps := c.CapBps + gs.CapBps; bps > 0 {
		capB = new(big.Int).Mul(pool.ToBig(), big.NewInt(int64(bps)))
		capB.Quo(capB, big.NewInt(10000))
	}
	m, err := GrantsStackMatch(scores, pool.ToBig(), capB, gs.IgnoreSaturation)
	if err != nil {
		t.Fatal(err)
	}
	asserted := 0
	check := func(project, field, want string, got fmt.Stringer) {
		if want == "" {
			return
		}
		asserted++
		if got.String() != want {
			t.Errorf("%s %s = %s, want %s", project, field, got, want)
		}
	}
	for project, want := range c.Expect {
		i, ok := ids[project]
		if !ok {
			t.Fatalf("expected project %q has no votes", project)
		}
		p := GrantsStackScore(amounts[i])
		g := res.Gaps[i]
		if want.ContributionsCount != nil {
			asserted++
			if g.Contributors != *want.ContributionsCount {
				t.Errorf("%s contributionsCount = %d, want %d", project, g.Contributors, *want.ContributionsCount)
			}
		}
		check(project, "sumOfSqrt", want.SumOfSqrt, p.SumOfSqrt)
		check(project, "sumOfSqrtRemainder", want.SumOfSqrtRemainder, p.SumOfSqrtRemainder)
		check(project, "totalReceived", want.TotalReceived, p.TotalReceived)
		check(project, "matchedWithoutCap", want.MatchedWithoutCap, m.MatchedWithoutCap[i])
		check(project, "capOverflow", want.CapOverflow, m.CapOverflow[i])
		check(project, "matched", want.Matched, g.Match.ToBig())
		if g.Match.ToBig().Cmp(m.Matched[i]) != 0 {
			t.Errorf("%s: Compute paid %s, GrantsStackMatch %s", project, g.Match.Dec(), m.Matched[i])
		}
	}
	if c.Total != "" {
		asserted++
		want := bigOf(t, c.Total)
		low := new(big.Int).Set(want)
		if c.MaxDiff != "" {
			low.Sub(low, bigOf(t, c.MaxDiff))
		}
		if got := res.Matched.ToBig(); got.Cmp(want) > 0 || got.Cmp(low) < 0 {
			t.Errorf("total matched %s, want %s (at most %s less)", got, want, c.MaxDiff)
		}
	}
	return asserted
}
