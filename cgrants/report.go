package cgrants

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/plot"
)

// Report renders comparisons (with their rounds, in the same order) as the
// files `qf report gitcoin` writes, by name:
//
//   - gitcoin.md: the per-round table of correlations, and how to read it;
//   - gitcoin.json: the same figures;
//   - gitcoin-matches.csv: every grant's published match next to each
//     mechanism's, in USD;
//   - gitcoin-correlation.svg: Pearson r per round and mechanism;
//   - gitcoin-grN.svg: per round, each mechanism's match against the
//     published one (log-log, with the diagonal).
func Report(rounds []*Round, comps []*Comparison) (map[string][]byte, error) {
	files := map[string][]byte{}
	files["gitcoin.md"] = []byte(Table(comps))
	j, err := json.MarshalIndent(map[string]any{"rounds": comps}, "", "  ")
	if err != nil {
		return nil, err
	}
	files["gitcoin.json"] = append(j, '\n')
	files["gitcoin-matches.csv"] = matchesCSV(rounds, comps)
	if len(comps) == 0 {
		return files, nil
	}
	bars := plot.Bars{Title: "Gitcoin Grants: correlation of each mechanism with the published matches", YLabel: "Pearson r"}
	for _, o := range comps[0].Outcomes {
		bars.Series = append(bars.Series, plot.Series{Name: o.Mechanism})
	}
	for _, c := range comps {
		bars.Groups = append(bars.Groups, fmt.Sprintf("GR%d", c.Round))
		for i, o := range c.Outcomes {
			bars.Series[i].Y = append(bars.Series[i].Y, o.Pearson)
		}
	}
	files["gitcoin-correlation.svg"] = bars.SVG()
	for k, c := range comps {
		r := rounds[k]
		ch := plot.Chart{Title: fmt.Sprintf("GR%d: computed vs published match (USD, %d grants)", c.Round, len(c.Joined)),
			XLabel: "published match (USD)", YLabel: "computed match (USD)", Kind: plot.Points, LogX: true, LogY: true, Diagonal: true}
		for _, o := range c.Outcomes {
			s := plot.Series{Name: o.Mechanism}
			if o.Err == "" {
				for _, i := range c.Joined {
					s.X = append(s.X, usd(r.Published[r.Grants[i]]))
					s.Y = append(s.Y, usd(o.Matches[i]))
				}
			}
			ch.Series = append(ch.Series, s)
		}
		files[fmt.Sprintf("gitcoin-gr%d.svg", c.Round)] = ch.SVG()
	}
	return files, nil
}

// Table is the markdown table of the comparisons.
func Table(comps []*Comparison) string {
	var b strings.Builder
	b.WriteString("| round | contributions | donors | grants | joined | coverage |")
	if len(comps) == 0 {
		return b.String() + "\n"
	}
	for _, o := range comps[0].Outcomes {
		fmt.Fprintf(&b, " %s r (ρ) |", o.Mechanism)
	}
	b.WriteString("\n|---|--:|--:|--:|--:|--:|" + strings.Repeat("--:|", len(comps[0].Outcomes)) + "\n")
	for _, c := range comps {
		fmt.Fprintf(&b, "| GR%d | %d | %d | %d | %d | %.1f%% |", c.Round, c.Contributions, c.Donors, c.Grants, len(c.Joined), 100*c.Coverage)
		for _, o := range c.Outcomes {
			if o.Err != "" {
				b.WriteString(" refused |")
				continue
			}
			fmt.Fprintf(&b, " %.3f (%.3f) |", o.Pearson, o.Spearman)
		}
		b.WriteString("\n")
	}
	b.WriteString(`
r is Pearson's correlation of a mechanism's matches with the published ones
over the joined grants (titles found in both files), ρ Spearman's rank
correlation. Coverage is the share of the published matching that went to
joined grants. Each mechanism distributes the round's published total.
GR1–GR3 used plain QF; later rounds added pairwise matching and trust bonuses
whose inputs are not public, so no mechanism reproduces them exactly.
`)
	return b.String()
}

func matchesCSV(rounds []*Round, comps []*Comparison) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	head := []string{"round", "grant", "published_usd"}
	if len(comps) > 0 {
		for _, o := range comps[0].Outcomes {
			head = append(head, o.Mechanism+"_usd")
		}
	}
	_ = w.Write(head)
	for k, c := range comps {
		r := rounds[k]
		for i, g := range r.Grants {
			pub := ""
			if m, ok := r.Published[g]; ok {
				pub = calc.FormatAmount(mustU256(m), Decimals)
			}
			row := []string{fmt.Sprint(c.Round), g, pub}
			for _, o := range c.Outcomes {
				if o.Err != "" {
					row = append(row, "")
					continue
				}
				row = append(row, calc.FormatAmount(mustU256(o.Matches[i]), Decimals))
			}
			_ = w.Write(row)
		}
	}
	w.Flush()
	return buf.Bytes()
}
