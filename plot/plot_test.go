package plot

import (
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// elements parses an SVG and returns its elements by name, failing on
// malformed XML.
func elements(t *testing.T, b []byte) map[string][]xml.StartElement {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(b)))
	out := map[string][]xml.StartElement{}
	for {
		tok, err := d.Token()
		if err != nil {
			require.Equal(t, "EOF", err.Error(), "malformed SVG")
			return out
		}
		if se, ok := tok.(xml.StartElement); ok {
			out[se.Name.Local] = append(out[se.Name.Local], se)
		}
	}
}

func attr(se xml.StartElement, name string) float64 {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			v, _ := strconv.ParseFloat(a.Value, 64)
			return v
		}
	}
	return -1
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "%s changed; rerun with -update if intended", path)
}

func TestCharts(t *testing.T) {
	cases := []struct {
		name    string
		svg     []byte
		circles int
		rects   int // besides the background and legend swatches
		texts   []string
	}{
		{
			name: "scatter-log.svg",
			svg: Chart{Title: "matches <vs> published", XLabel: "published", YLabel: "computed", Kind: Points, LogX: true, LogY: true, Diagonal: true,
				Series: []Series{{Name: "qf", X: []float64{1, 10, 1000, 0, -5}, Y: []float64{2, 20, 500, 3, 3}}}}.SVG(),
			circles: 3, // the zero and negative x are left off a log axis
			texts:   []string{"matches &lt;vs&gt; published", "1000", "published"},
		},
		{
			name: "lines-band.svg",
			svg: Chart{Title: "pot over arrivals", XLabel: "arrival", YLabel: "pot", Series: []Series{
				{Name: "constant", X: []float64{0, 1, 2, 3}, Y: []float64{0, 1, 3, 6}, Lo: []float64{0, 0.5, 2, 5}, Hi: []float64{0, 1.5, 4, 7}},
				{Name: "decreasing", X: []float64{0, 1, 2, 3}, Y: []float64{0, 2, 3, 3.5}},
			}}.SVG(),
			texts: []string{"constant", "decreasing", "arrival"},
		},
		{
			name: "bars.svg",
			svg: Bars{Title: "r", YLabel: "Pearson r", Groups: []string{"GR1", "GR2"},
				Series: []Series{{Name: "qf", Y: []float64{0.9, 0.5}}, {Name: "cocm", Y: []float64{0.8, -0.2}}}}.SVG(),
			rects: 4,
			texts: []string{"GR1", "GR2", "cocm"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			els := elements(t, tc.svg)
			require.Len(t, els["circle"], tc.circles)
			nSeries := 1
			if strings.HasPrefix(tc.name, "bars") || strings.HasPrefix(tc.name, "lines") {
				nSeries = 2
			}
			require.Len(t, els["rect"], 1+nSeries+tc.rects)
			for _, c := range els["circle"] {
				require.True(t, attr(c, "cx") >= left && attr(c, "cx") <= width-right, "circle outside the plot")
				require.True(t, attr(c, "cy") >= top && attr(c, "cy") <= height-bottom, "circle outside the plot")
			}
			for _, s := range tc.texts {
				require.Contains(t, string(tc.svg), s)
			}
			golden(t, tc.name, tc.svg)
		})
	}
}

func TestBarsFromZero(t *testing.T) {
	// A negative bar hangs below the zero line, a positive one stands on it.
	els := elements(t, Bars{Groups: []string{"a"}, Series: []Series{{Y: []float64{1}}, {Y: []float64{-1}}}}.SVG())
	bars := els["rect"][1:3]
	require.InDelta(t, attr(bars[0], "y")+attr(bars[0], "height"), attr(bars[1], "y"), 0.11)
}

func TestAxisTicks(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    axis
		want []float64
	}{
		{"log decades", span([]float64{3, 4500}, true, 0, 1), []float64{1, 10, 100, 1000, 10000}},
		{"linear from zero", span([]float64{0, 9.6}, false, 0, 1), []float64{0, 2, 4, 6, 8, 10}},
		{"empty", span(nil, false, 0, 1), []float64{0, 2, 4, 6, 8, 10}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.a.ticks()
			require.Len(t, got, len(tc.want))
			for i := range got {
				require.InDelta(t, tc.want[i], got[i], 1e-9)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	c := Chart{Series: []Series{{Name: "a", X: []float64{1, 2}, Y: []float64{3, 4}}}}
	require.Equal(t, c.SVG(), c.SVG())
}
