// Package plot draws the small charts qf's reports write: line and scatter
// charts with linear or logarithmic axes, and grouped bar charts, as
// self-contained SVG.
//
// Output is a pure function of the input (coordinates printed with fixed
// precision, series in the order given), so a report's plots are
// reproducible byte for byte and can be kept as golden files. Plots are for
// reading: nothing here touches a payout.
//
//	svg := plot.Chart{Title: "pot", XLabel: "arrival", YLabel: "tokens",
//		Series: []plot.Series{{Name: "constant", X: xs, Y: ys}}}.SVG()
package plot
