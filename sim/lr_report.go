package sim

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/qf-dev/qf/plot"
)

// lrLabels describe each mechanism in the report.
var lrLabels = map[string]string{
	"qf":       "QF (unbounded pool)",
	"linear":   "private contributions",
	"capped":   "capped QF (finite pool)",
	"pairwise": "pairwise-bounded QF",
	"sme":      "QF with SME weights",
}

// LRTable is the markdown report of many societies: one row per mechanism.
func LRTable(cfg LRConfig, results []LRResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d societies of %d citizens (seeds %d…%d); capped QF's pool is %g of QF's deficit; pairwise M = %g; experts (the community) weigh %g under sme.\n\n",
		len(results), cfg.Citizens, cfg.Seed, cfg.Seed+uint64(len(results))-1, cfg.PoolShare, cfg.PairwiseM, cfg.SMEWeight)
	b.WriteString("| mechanism | welfare share | welfare lost | funding / optimum | deficit (match paid) | not converged |\n|---|--:|--:|--:|--:|--:|\n")
	for _, s := range SummarizeLR(results) {
		fmt.Fprintf(&b, "| %s | %.4f ± %.4f | %.2f%% | %.3f ± %.3f | %.3f ± %.3f | %d |\n", lrLabels[s.Mechanism],
			s.Share.Mean, s.Share.SD, 100*(1-s.Share.Mean), s.Funding.Mean, s.Funding.SD, s.Deficit.Mean, s.Deficit.SD, s.Failures)
	}
	return b.String()
}

// LRSocietyTable is one society's funding per good under each mechanism
// next to the optimum.
func LRSocietyTable(r LRResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Society (seed %d): %d citizens, community of %d, %d goods.\n\n| good | optimum |", r.Seed, r.Society.Citizens, len(r.Society.Community), len(r.Optimum))
	for _, o := range r.Outcomes {
		b.WriteString(" " + o.Mechanism + " |")
	}
	b.WriteString("\n|---|--:|" + strings.Repeat("--:|", len(r.Outcomes)) + "\n")
	for p, f := range r.Optimum {
		fmt.Fprintf(&b, "| %d (by %d) | %.4f |", p, r.Society.Goods[p].Proposer, f)
		for _, o := range r.Outcomes {
			fmt.Fprintf(&b, " %.4f |", o.Funding[p])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "| welfare | %.4f |", r.OptWelfare)
	for _, o := range r.Outcomes {
		fmt.Fprintf(&b, " %.4f |", o.Welfare)
	}
	b.WriteString("\n")
	return b.String()
}

// LRFiles renders `qf simulate lr --out`: lr.md, lr.json, society.json (the
// first society, readable with --society), lr-values.svg (its value
// functions per good, mean ± sd over citizens), lr-funding.svg (its
// funding per good under each mechanism vs the optimum) and
// lr-welfare.svg (welfare share per mechanism over all societies).
func LRFiles(cfg LRConfig, results []LRResult) (map[string][]byte, error) {
	first, summary := results[0], SummarizeLR(results)
	j, err := json.MarshalIndent(map[string]any{"config": cfg, "summary": summary, "societies": results}, "", "  ")
	if err != nil {
		return nil, err
	}
	soc, err := json.MarshalIndent(first.Society, "", "  ")
	if err != nil {
		return nil, err
	}
	md := "# Mechanism lab: the Liberal Radicalism model\n\n" + LRTable(cfg, results) + "\n" + LRSocietyTable(first)

	values := plot.Chart{Title: "Value of each good's funding (mean ± sd over citizens)", XLabel: "funding", YLabel: "value to a citizen"}
	top := 0.0
	for _, f := range first.Optimum {
		top = max(top, f)
	}
	top = max(1, 1.5*top)
	const steps = 60
	for p, g := range first.Society.Goods {
		s := plot.Series{Name: fmt.Sprintf("good %d", p)}
		for k := 0; k <= steps; k++ {
			x := top * float64(k) / steps
			vs := make([]float64, len(g.Values))
			for i, v := range g.Values {
				vs[i] = v.At(x)
			}
			st := stat(vs)
			s.X, s.Y = append(s.X, x), append(s.Y, st.Mean)
			s.Lo, s.Hi = append(s.Lo, st.Mean-st.SD), append(s.Hi, st.Mean+st.SD)
		}
		values.Series = append(values.Series, s)
	}

	funding := plot.Bars{Title: fmt.Sprintf("Funding per good, society %d", first.Seed), YLabel: "funding"}
	for p := range first.Optimum {
		funding.Groups = append(funding.Groups, fmt.Sprintf("good %d", p))
	}
	funding.Series = append(funding.Series, plot.Series{Name: "optimum", Y: first.Optimum})
	for _, o := range first.Outcomes {
		funding.Series = append(funding.Series, plot.Series{Name: lrLabels[o.Mechanism], Y: o.Funding})
	}

	welfare := plot.Bars{Title: fmt.Sprintf("Welfare share of the optimum, mean over %d societies", len(results)), YLabel: "welfare share"}
	var shares []float64
	for _, s := range summary {
		welfare.Groups = append(welfare.Groups, s.Mechanism)
		shares = append(shares, s.Share.Mean)
	}
	welfare.Series = []plot.Series{{Name: "welfare share", Y: shares}}

	return map[string][]byte{
		"lr.md":          []byte(md),
		"lr.json":        append(j, '\n'),
		"society.json":   append(soc, '\n'),
		"lr-values.svg":  values.SVG(),
		"lr-funding.svg": funding.SVG(),
		"lr-welfare.svg": welfare.SVG(),
	}, nil
}
