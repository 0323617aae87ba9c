package plot

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strconv"
)

// Kind is how a [Chart] draws its series.
type Kind int

const (
	// Lines joins each series' points in order.
	Lines Kind = iota
	// Points draws each point as a dot.
	Points
)

// Series is one named set of points. Bar charts use Y only.
type Series struct {
	Name string
	X, Y []float64
	// Lo and Hi, if set, draw a shaded band around a line (e.g. mean ± sd).
	Lo, Hi []float64
}

// Chart is a line or scatter chart.
type Chart struct {
	Title, XLabel, YLabel string
	Kind                  Kind
	LogX, LogY            bool // points ≤ 0 are left out of a log axis
	Series                []Series
	// Diagonal draws y = x (for "computed vs published" scatter plots).
	Diagonal bool
}

// Bars is a grouped bar chart: one group per label, one bar per series.
type Bars struct {
	Title, YLabel string
	Groups        []string
	Series        []Series
}

// Canvas size and margins, in SVG user units.
const (
	width, height            = 820.0, 440.0
	left, right, top, bottom = 70.0, 250.0, 40.0, 50.0
)

// palette is colour-blind safe (Okabe–Ito).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"}

// Color returns the i-th series colour.
func Color(i int) string { return palette[i%len(palette)] }

type axis struct {
	lo, hi   float64
	log      bool
	from, to float64 // pixel range
}

func (a axis) pos(v float64) float64 {
	lo, hi := a.lo, a.hi
	if a.log {
		v, lo, hi = math.Log10(v), math.Log10(lo), math.Log10(hi)
	}
	return a.from + (v-lo)/(hi-lo)*(a.to-a.from)
}

func (a axis) ok(v float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0) && (!a.log || v > 0)
}

// ticks returns the tick values: powers of ten on a log axis, round steps on
// a linear one.
func (a axis) ticks() []float64 {
	var ts []float64
	if a.log {
		for e := math.Floor(math.Log10(a.lo)); e <= math.Ceil(math.Log10(a.hi)); e++ {
			if v := math.Pow(10, e); v >= a.lo*(1-1e-9) && v <= a.hi*(1+1e-9) {
				ts = append(ts, v)
			}
		}
		return ts
	}
	step := niceStep((a.hi - a.lo) / 5)
	for v := math.Ceil(a.lo/step) * step; v <= a.hi+step*1e-9; v += step {
		ts = append(ts, v)
	}
	return ts
}

func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// span fits an axis to the values, padded on a linear axis and widened to
// whole decades on a log one.
func span(vals []float64, log bool, from, to float64) axis {
	a := axis{lo: math.Inf(1), hi: math.Inf(-1), log: log, from: from, to: to}
	for _, v := range vals {
		if a.ok(v) {
			a.lo, a.hi = math.Min(a.lo, v), math.Max(a.hi, v)
		}
	}
	switch {
	case math.IsInf(a.lo, 1):
		a.lo, a.hi = 1, 10
		if !log {
			a.lo = 0
		}
	case log:
		a.lo, a.hi = math.Pow(10, math.Floor(math.Log10(a.lo))), math.Pow(10, math.Ceil(math.Log10(a.hi)))
		if a.lo == a.hi {
			a.hi *= 10
		}
	default:
		if a.lo > 0 && a.lo < a.hi/2 {
			a.lo = 0 // bars and counts read best from zero
		}
		if a.lo == a.hi {
			a.lo, a.hi = a.lo-1, a.hi+1
		}
		// Round the ends out to whole ticks so the axis is labelled at both.
		step := niceStep((a.hi - a.lo) / 5)
		a.lo, a.hi = math.Floor(a.lo/step)*step, math.Ceil(a.hi/step)*step
	}
	return a
}

// num prints a coordinate with fixed precision, so output is reproducible.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// label prints a tick value briefly: 1e+06 style for big or small numbers.
func label(v float64) string {
	if v == 0 {
		return "0"
	}
	if a := math.Abs(v); a >= 1e5 || a < 1e-3 {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

type svg struct{ bytes.Buffer }

func (s *svg) f(format string, args ...any) { fmt.Fprintf(&s.Buffer, format, args...) }

func (s *svg) header(title string) {
	s.f(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif" font-size="12">`+"\n",
		num(width), num(height), num(width), num(height))
	s.f(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	s.f(`<text x="%s" y="24" font-size="15" text-anchor="middle">%s</text>`+"\n", num((left+width-right)/2), html.EscapeString(title))
}

func (s *svg) axes(x, y axis, xlabel, ylabel string, xticks bool) {
	x0, x1, y0, y1 := left, width-right, height-bottom, top
	s.f(`<g stroke="#999" stroke-width="1" fill="none"><path d="M%s %sH%sM%s %sV%s"/></g>`+"\n", num(x0), num(y0), num(x1), num(x0), num(y0), num(y1))
	for _, t := range y.ticks() {
		p := y.pos(t)
		s.f(`<path d="M%s %sH%s" stroke="#eee"/><text x="%s" y="%s" text-anchor="end">%s</text>`+"\n",
			num(x0), num(p), num(x1), num(x0-6), num(p+4), label(t))
	}
	if xticks {
		for _, t := range x.ticks() {
			p := x.pos(t)
			s.f(`<text x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", num(p), num(y0+16), label(t))
		}
	}
	s.f(`<text x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", num((x0+x1)/2), num(height-12), html.EscapeString(xlabel))
	s.f(`<text transform="translate(16 %s) rotate(-90)" text-anchor="middle">%s</text>`+"\n", num((y0+y1)/2), html.EscapeString(ylabel))
}

func (s *svg) legend(series []Series) {
	for i, sr := range series {
		y := top + 10 + float64(i)*18
		s.f(`<rect x="%s" y="%s" width="12" height="12" fill="%s"/><text x="%s" y="%s">%s</text>`+"\n",
			num(width-right+14), num(y-10), Color(i), num(width-right+32), num(y), html.EscapeString(sr.Name))
	}
}

// SVG renders the chart.
func (c Chart) SVG() []byte {
	var xs, ys []float64
	for _, sr := range c.Series {
		xs = append(xs, sr.X...)
		ys = append(ys, sr.Y...)
		ys = append(ys, sr.Lo...)
		ys = append(ys, sr.Hi...)
	}
	if c.Diagonal { // same range on both axes so y = x is the diagonal
		xs = append(xs, ys...)
		ys = xs
	}
	x := span(xs, c.LogX, left, width-right)
	y := span(ys, c.LogY, height-bottom, top)
	var s svg
	s.header(c.Title)
	s.axes(x, y, c.XLabel, c.YLabel, true)
	if c.Diagonal {
		s.f(`<path d="M%s %sL%s %s" stroke="#bbb" stroke-dasharray="4 3"/>`+"\n", num(x.pos(x.lo)), num(y.pos(x.lo)), num(x.pos(x.hi)), num(y.pos(x.hi)))
	}
	for i, sr := range c.Series {
		col := Color(i)
		if len(sr.Lo) == len(sr.X) && len(sr.Hi) == len(sr.X) && len(sr.X) > 0 {
			var band bytes.Buffer
			for j := range sr.X {
				if x.ok(sr.X[j]) && y.ok(sr.Hi[j]) {
					fmt.Fprintf(&band, "%s%s %s", cmd(band.Len()), num(x.pos(sr.X[j])), num(y.pos(sr.Hi[j])))
				}
			}
			for j := len(sr.X) - 1; j >= 0; j-- {
				if x.ok(sr.X[j]) && y.ok(sr.Lo[j]) {
					fmt.Fprintf(&band, "L%s %s", num(x.pos(sr.X[j])), num(y.pos(sr.Lo[j])))
				}
			}
			s.f(`<path d="%sZ" fill="%s" fill-opacity="0.18" stroke="none"/>`+"\n", band.String(), col)
		}
		switch c.Kind {
		case Lines:
			var d bytes.Buffer
			for j := range sr.X {
				if j < len(sr.Y) && x.ok(sr.X[j]) && y.ok(sr.Y[j]) {
					fmt.Fprintf(&d, "%s%s %s", cmd(d.Len()), num(x.pos(sr.X[j])), num(y.pos(sr.Y[j])))
				}
			}
			s.f(`<path d="%s" fill="none" stroke="%s" stroke-width="1.8"/>`+"\n", d.String(), col)
		case Points:
			s.f(`<g fill="%s" fill-opacity="0.7">`, col)
			for j := range sr.X {
				if j < len(sr.Y) && x.ok(sr.X[j]) && y.ok(sr.Y[j]) {
					s.f(`<circle cx="%s" cy="%s" r="2.5"/>`, num(x.pos(sr.X[j])), num(y.pos(sr.Y[j])))
				}
			}
			s.f("</g>\n")
		}
	}
	s.legend(c.Series)
	s.f("</svg>\n")
	return s.Bytes()
}

func cmd(n int) string {
	if n == 0 {
		return "M"
	}
	return "L"
}

// SVG renders the bar chart.
func (b Bars) SVG() []byte {
	var ys []float64
	for _, sr := range b.Series {
		ys = append(ys, sr.Y...)
	}
	ys = append(ys, 0)
	y := span(ys, false, height-bottom, top)
	x := axis{lo: 0, hi: float64(max(len(b.Groups), 1)), from: left, to: width - right}
	var s svg
	s.header(b.Title)
	s.axes(x, y, "", b.YLabel, false)
	slot := (x.to - x.from) / x.hi
	bw := slot * 0.8 / float64(max(len(b.Series), 1))
	zero := y.pos(0)
	for g, name := range b.Groups {
		gx := x.from + float64(g)*slot + slot*0.1
		for i, sr := range b.Series {
			if g >= len(sr.Y) || !y.ok(sr.Y[g]) {
				continue
			}
			p := y.pos(sr.Y[g])
			s.f(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
				num(gx+float64(i)*bw), num(math.Min(p, zero)), num(bw*0.92), num(math.Abs(zero-p)), Color(i))
		}
		s.f(`<text x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", num(gx+slot*0.4), num(height-bottom+16), html.EscapeString(name))
	}
	s.legend(b.Series)
	s.f("</svg>\n")
	return s.Bytes()
}
