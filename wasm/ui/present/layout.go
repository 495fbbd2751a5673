package present

import (
	"cmp"
	"math"
	"slices"
)

// Geometry is where the time-aligned charts of the model column go, in CSS
// pixels: every heatmap, the probe row and the line charts share one time axis
// of T columns, ColW wide, starting Gutter from the left.
type Geometry struct {
	T, H   int
	Gutter float64 // room for the axis labels left of the plots
	ColW   int     // width of one step
	RowH   float64 // height of one unit in a heatmap (may be below 1 for large H)
	HeatH  int     // height of one heatmap
}

// Layout limits.
const (
	MinColW     = 10  // narrowest step column (narrower screens scroll)
	maxColW     = 28  // widest step column
	heatTarget  = 100 // a heatmap's height is about this, in units of whole pixels per unit
	maxRowH     = 10
	MaxHeatH    = 160 // a heatmap never gets taller; large H is scaled down
	RightMargin = 34  // room right of the line charts for the units' labels
)

// NewGeometry lays out T steps and H units in a column width pixels wide, with a
// gutter for axis labels.
func NewGeometry(width, gutter float64, T, H int) Geometry {
	g := Geometry{T: max(T, 1), H: max(H, 1), Gutter: gutter}
	avail := width - gutter - RightMargin
	g.ColW = max(MinColW, min(maxColW, int(math.Floor(avail/float64(g.T)))))
	rowH := max(1, min(maxRowH, int(math.Round(heatTarget/float64(g.H)))))
	g.HeatH = min(rowH*g.H, MaxHeatH)
	g.RowH = float64(g.HeatH) / float64(g.H)
	return g
}

// PlotW returns the width of the time axis: T columns.
func (g Geometry) PlotW() int { return g.T * g.ColW }

// Width returns the width of a time-aligned chart: gutter, plot and right margin.
func (g Geometry) Width() float64 { return g.Gutter + float64(g.PlotW()) + RightMargin }

// Step returns the step under x, measured from the left of the plots, clamped
// to 0 … T−1.
func (g Geometry) Step(x float64) int {
	return max(0, min(g.T-1, int(math.Floor(x/float64(g.ColW)))))
}

// Unit returns the unit under y, measured from the top of a heatmap, clamped to
// 0 … H−1.
func (g Geometry) Unit(y float64) int {
	return max(0, min(g.H-1, int(math.Floor(y/g.RowH))))
}

// StepX returns the x of the centre of step t, from the left of the plots.
func (g Geometry) StepX(t int) float64 { return (float64(t) + 0.5) * float64(g.ColW) }

// ProbeFont returns the font size of the probe's characters for the column
// width, in CSS pixels, at most base.
func (g Geometry) ProbeFont(base float64) float64 {
	return max(8, min(base, float64(g.ColW)-1))
}

// SpreadLabels returns the y positions of labels wanted at ys, moved apart so
// that neighbours are at least gap apart and all stay within [lo, hi] where
// possible: the labels at the ends of a chart's lines, which must not overlap.
// The result is in the order of ys.
func SpreadLabels(ys []float64, gap, lo, hi float64) []float64 {
	n := len(ys)
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ys[a], ys[b]) })
	pos := make([]float64, n)
	for k, i := range idx {
		pos[k] = ys[i]
		if k > 0 {
			pos[k] = max(pos[k], pos[k-1]+gap)
		}
	}
	if pos[n-1] > hi {
		pos[n-1] = hi
		for k := n - 2; k >= 0; k-- {
			pos[k] = min(pos[k], pos[k+1]-gap)
		}
	}
	if pos[0] < lo {
		pos[0] = lo
		for k := 1; k < n; k++ {
			pos[k] = max(pos[k], pos[k-1]+gap)
		}
	}
	for k, i := range idx {
		out[i] = pos[k]
	}
	return out
}
