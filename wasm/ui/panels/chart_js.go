//go:build js && wasm

package panels

import (
	"math"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/analysis"
	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/mathtext"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// Colours of the charts (the palette of Okabe and Ito, safe for the common
// colour-vision deficiencies), with a dash pattern per series so that colour
// is never the only way to tell lines apart.
var (
	SeriesColors = [...]string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"}
	SeriesDashes = [...][]float64{nil, {6, 3}, {2, 2}, {8, 3, 2, 3}, {4, 4}, {1, 3}}
)

const (
	ColText   = "#1b1b1f"
	ColMuted  = "#5c6370"
	colGrid   = "#e4e6eb"
	ColAxis   = "#9aa0a6"
	colKept   = "#0072B2"
	colWrite  = "#E69F00"
	colOut    = "#009E73"
	colCursor = "rgba(27,27,31,0.08)"
)

// Buffers are reused from frame to frame so that painting does not
// allocate in the steady state.
type Buffers struct {
	RGBA    []byte
	Legend  []byte
	Pts     []chart.Point
	Path    []byte
	DeltaC  []float64
	DeltaH  []float64
	kept    []float64
	written []float64
	series  []float32
	Scratch []float64
	Perm    []float32 // a heatmap's values in the unit view's row order
	norm    []float32 // c divided by each unit's largest |c| (CScalePerUnit)
	rowLim  []float64 // each unit's largest |c| over the probe
	cLim    float64   // the robust limit of c's colour scale
	barsLim float64   // the three-stages bars' robust limit at their step
	seq     *chart.ColorMap
	div     map[float64]*chart.ColorMap

	ProbeKey string // what the probe row shows, to rebuild it only on change
	CursorT  int    // the highlighted probe cell
}

func (p *Buffers) Diverging(limit float64) *chart.ColorMap {
	if p.div == nil {
		p.div = map[float64]*chart.ColorMap{}
	}
	m, ok := p.div[limit]
	if !ok {
		m = chart.Diverging(limit)
		p.div[limit] = m
	}
	return m
}

func (p *Buffers) sequential() *chart.ColorMap {
	if p.seq == nil {
		p.seq = chart.Sequential()
	}
	return p.seq
}

func (a *Painter) Font(scale float64, weight string) string {
	size := math.Round(a.Rem * scale)
	if weight != "" {
		return weight + " " + strconv.FormatFloat(size, 'f', -1, 64) + "px system-ui, sans-serif"
	}
	return strconv.FormatFloat(size, 'f', -1, 64) + "px system-ui, sans-serif"
}

func (a *Painter) Gutter() float64 { return math.Round(2.6 * a.Rem) }

// HeatData returns the array, colour map and scale end of heatmap k.
func (a *Painter) HeatData(k HeatKind, view present.LayerView) ([]float32, *chart.ColorMap, float64) {
	switch k {
	case HeatC:
		// A robust or a per-unit scale (scale_js.go), so that a few large
		// cells do not wash the rest out.
		data, limit := a.cData(view)
		return data, a.Bufs.Diverging(limit), limit
	case HeatH:
		return view.Hid, a.Bufs.Diverging(1), 1
	case HeatZ:
		return view.Z, a.Bufs.Diverging(1), 1
	case HeatZf:
		return view.Zf, a.Bufs.sequential(), 1
	case HeatZi:
		return view.Zi, a.Bufs.sequential(), 1
	}
	return view.Zo, a.Bufs.sequential(), 1
}

// EndLabels writes the labels of lines at their right ends (wanted at ys),
// moved apart so that they do not overlap.
func (a *Painter) EndLabels(c *browser.DrawCanvas, ys []float64, label func(i int) (text, color string), h float64) {
	x := a.Geo.Gutter + float64(a.Geo.PlotW()) + 5
	gap := math.Round(1.05 * a.Rem)
	font := a.Font(0.75, "600")
	for i, y := range present.SpreadLabels(ys, gap, gap/2, h-gap/2) {
		text, color := label(i)
		c.Text(text, x, y, font, color, "left", "middle")
	}
}

// TimeFrame returns the frame of a time-aligned chart of height h: x from step
// 0 to T over the heatmaps' columns, y from lo to hi.
func (a *Painter) TimeFrame(h, lo, hi float64) chart.Frame {
	g := a.Geo
	pad := math.Round(0.45 * a.Rem)
	return chart.NewFrame(chart.Rect{X0: g.Gutter, Y0: pad, X1: g.Gutter + float64(g.PlotW()), Y1: h - pad}, 0, float64(g.T), lo, hi)
}

// YAxis draws horizontal grid lines and their labels left of the frame.
func (a *Painter) YAxis(c *browser.DrawCanvas, f chart.Frame, ticks []float64) {
	r := f.Rect
	for _, t := range ticks {
		y := math.Round(f.Y.Map(t)) + 0.5
		col := colGrid
		if t == 0 {
			col = ColAxis
		}
		c.Line(r.X0, y, r.X1, y, col, 1)
		c.Text(tickLabel(t), r.X0-4, y, a.Font(0.7, ""), ColMuted, "right", "middle")
	}
}

func tickLabel(v float64) string { return mathtext.TrueMinus(strconv.FormatFloat(v, 'g', 3, 64)) }

// paintUnitLines draws units of x, a (T, H) array, one line each.
func (a *Painter) UnitLines(c *browser.DrawCanvas, x []float32, view present.LayerView, units []int, h float64, sym string) {
	g := a.Geo
	c.Begin(g.Width(), h)
	var m float64
	for _, u := range units {
		for t := range view.T {
			m = max(m, math.Abs(float64(x[t*view.H+u])))
		}
	}
	lim := present.NiceLimit(m, 0.1)
	f := a.TimeFrame(h, -lim, lim)
	a.YAxis(c, f, []float64{-lim, 0, lim})
	ends := make([]float64, len(units))
	for i, u := range units {
		a.Bufs.series = a.Bufs.series[:0]
		for t := range view.T {
			a.Bufs.series = append(a.Bufs.series, x[t*view.H+u])
		}
		a.Bufs.Pts = chart.Polyline(a.Bufs.Pts[:0], f, 0.5, 1, a.Bufs.series)
		a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
		k := i % len(SeriesColors)
		c.Stroke(a.Bufs.Path, SeriesColors[k], 2, SeriesDashes[k])
		ends[i] = f.Y.Map(float64(a.Bufs.series[len(a.Bufs.series)-1]))
	}
	a.EndLabels(c, ends, func(i int) (string, string) { return strconv.Itoa(units[i] + 1), SeriesColors[i%len(SeriesColors)] }, h)
	c.TextRotated(sym, a.Rem*0.45, h/2, a.Font(0.8, "italic"), ColMuted)
}

// BeginChart starts a line chart's canvas at the width of its figure (320
// CSS pixels before the page has a layout) and rows root ems high.
func (a *Painter) BeginChart(c *browser.DrawCanvas, fig dom.HTMLElement, rows float64) (w, h float64) {
	w = a.WidthOf(fig)
	if w < 100 {
		w = 320
	}
	h = math.Round(rows * a.Rem)
	c.Begin(w, h)
	return w, h
}

// ChartAxes draws a line chart's frame: the two axis lines, the names of the
// axes, and, when given, the y grid lines with their labels and the x ticks
// with theirs. Every line chart of the page draws its frame this way.
func (a *Painter) ChartAxes(c *browser.DrawCanvas, r chart.Rect, h float64, xName, yName string, yTicks, xTicks []chart.Tick) {
	font := a.Font(0.72, "")
	for _, t := range yTicks {
		y := math.Round(t.Pos) + 0.5
		c.Line(r.X0, y, r.X1, y, colGrid, 1)
		c.Text(t.Label, r.X0-5, y, font, ColMuted, "right", "middle")
	}
	for _, t := range xTicks {
		x := math.Round(t.Pos) + 0.5
		c.Line(x, r.Y1, x, r.Y1+4, ColAxis, 1)
		c.Text(t.Label, x, r.Y1+6, font, ColMuted, "center", "top")
	}
	c.Line(r.X0, r.Y1+0.5, r.X1, r.Y1+0.5, ColAxis, 1)
	c.Line(r.X0+0.5, r.Y0, r.X0+0.5, r.Y1, ColAxis, 1)
	c.Text(xName, (r.X0+r.X1)/2, h-3, font, ColMuted, "center", "bottom")
	if yName != "" {
		c.TextRotated(yName, a.Rem*0.55, (r.Y0+r.Y1)/2, font, ColMuted)
	}
}

// ChartMessage writes a line or two of text in the middle of an empty chart.
func (a *Painter) ChartMessage(c *browser.DrawCanvas, r chart.Rect, lines ...string) {
	y := (r.Y0+r.Y1)/2 - float64(len(lines)-1)*a.Rem*0.7
	for _, l := range lines {
		c.Text(l, (r.X0+r.X1)/2, y, a.Font(0.85, ""), ColMuted, "center", "middle")
		y += 1.4 * a.Rem
	}
}

// XTickCount is how many x ticks fit a plot: one per five root ems.
func (a *Painter) XTickCount(r chart.Rect) int { return max(2, int((r.X1-r.X0)/(5*a.Rem))) }

// Spans renders an equation line as elements, each piece its own element with
// its text: symbols in <var>, sub- and superscripts in <sub> and <sup>.
// If nums is not nil, the elements of the Num and Result pieces are appended
// to it, so that their numbers can be changed later.
func Spans(b browser.Build, line mathtext.Line, nums *[]dom.HTMLElement) dom.HTMLElement {
	row := b.El("div", browser.Cls("eq-line"))
	for _, s := range line {
		var e dom.HTMLElement
		switch s.Kind {
		case mathtext.Var:
			e = b.El("var", s.Text)
		case mathtext.Sub:
			e = b.El("sub", s.Text)
		case mathtext.Sup:
			e = b.El("sup", s.Text)
		case mathtext.Num:
			e = b.El("span", browser.Cls("num"), s.Text)
		case mathtext.Result:
			e = b.El("strong", browser.Cls("num"), s.Text)
		default:
			e = b.El("span", s.Text)
		}
		if nums != nil && (s.Kind == mathtext.Num || s.Kind == mathtext.Result) {
			*nums = append(*nums, e)
		}
		row.AppendChild(e)
	}
	return row
}

// inspectorDOM holds the step inspector's elements whose text changes from
// step to step. They are made once per kind of cell, so that moving the cursor
// only sets texts.
type inspectorDOM struct {
	built bool
	lstm  bool
	rows  []dom.HTMLElement   // the value of each InspectorRows row
	nums  [][]dom.HTMLElement // per equation line (c's, then h's), its Num and Result spans
}

// paintInspector shows every value of one unit at one step, and the equations
// with the numbers filled in.
func (a *Painter) Inspector(v *View, s present.StepValues) {
	b := v.B
	rows := present.InspectorRows(s)
	lines := present.HiddenEquation(s)
	if s.LSTM {
		lines = append(present.CellEquation(s), lines...)
	}
	if !a.insp.built || a.insp.lstm != s.LSTM {
		a.insp = inspectorDOM{built: true, lstm: s.LSTM}
		browser.Clear(v.InspValues)
		for _, row := range rows {
			dd := b.El("dd", browser.Cls("num"))
			a.insp.rows = append(a.insp.rows, dd)
			v.InspValues.AppendChild(b.El("div", browser.Cls("insp-row"),
				b.El("dt", b.El("span", browser.Cls("sym"), Spans(b, row.Symbol, nil)), " ", b.El("span", browser.Cls("name"), row.Name)), dd))
		}
		browser.Clear(v.InspEqC)
		browser.Clear(v.InspEqH)
		cLines := 0
		if s.LSTM {
			cLines = 3
			v.InspEqC.AppendChild(b.El("p", browser.Cls("eq-title"), "Forget and select memory: the new cell state"))
			v.InspEqH.AppendChild(b.El("p", browser.Cls("eq-title"), "Output: the hidden state"))
		} else {
			v.InspEqH.AppendChild(b.El("p", browser.Cls("eq-title"), "The plain RNN's hidden state"))
		}
		for i, l := range lines {
			var nums []dom.HTMLElement
			row := Spans(b, l, &nums)
			a.insp.nums = append(a.insp.nums, nums)
			if i < cLines {
				v.InspEqC.AppendChild(row)
			} else {
				v.InspEqH.AppendChild(row)
			}
		}
	}
	for i, row := range rows {
		browser.SetText(a.insp.rows[i], present.FormatValue(row.Value))
	}
	for i, l := range lines {
		k := 0
		for _, sp := range l {
			if sp.Kind == mathtext.Num || sp.Kind == mathtext.Result {
				browser.SetText(a.insp.nums[i][k], sp.Text)
				k++
			}
		}
	}
}

// paintBars draws, for every unit at step t, the kept and the written part of
// the new cell state, and c_t.
func (a *Painter) Bars(v *View, view present.LayerView, t, sel int) {
	c := v.Bars
	a.Bufs.kept, a.Bufs.written = view.StepBars(t, a.Bufs.kept, a.Bufs.written)
	w := a.WidthOf(v.BarsFig)
	if w < 100 {
		w = 300
	}
	h := math.Round(8 * a.Rem)
	c.Begin(w, h)
	// A robust or per-unit scale (scale_js.go), cut at the edge.
	lim := a.barsLimit(view, t, a.Bufs.kept, a.Bufs.written)
	left := math.Round(2.2 * a.Rem)
	bottom := math.Round(1.3 * a.Rem)
	f := chart.NewFrame(chart.Rect{X0: left, Y0: 4, X1: w - 4, Y1: h - bottom}, 0, float64(view.H), -lim, lim)
	r := f.Rect
	a.YAxis(c, f, []float64{-lim, 0, lim})
	colW := (r.X1 - r.X0) / float64(view.H)
	x0 := f.X.Map(float64(sel))
	c.Rect(x0, r.Y0, colW, r.Y1-r.Y0, colCursor)
	zero := f.Y.Map(0)
	barW := max(1, colW*0.27)
	for j := range view.H {
		x := f.X.Map(float64(j))
		sc := a.barScale(j)
		cut := func(v float64) float64 { return f.Y.Map(max(-lim, min(lim, v*sc))) }
		k, wr := a.Bufs.kept[j], a.Bufs.written[j]
		ho := float64(view.Hid[t*view.H+j]) // zᵒ ⊙ tanh c_t
		yk, yw, yh := cut(k), cut(wr), cut(ho)
		c.Rect(x+colW*0.08, min(yk, zero), barW, math.Abs(yk-zero), colKept)
		c.Rect(x+colW*0.37, min(yw, zero), barW, math.Abs(yw-zero), colWrite)
		c.Rect(x+colW*0.66, min(yh, zero), barW, math.Abs(yh-zero), colOut)
		yc := cut(float64(view.C[t*view.H+j]))
		c.Rect(x+colW*0.04, yc-1, colW*0.62, 2, ColText)
	}
	font := a.Font(0.7, "")
	c.Text("1", r.X0+colW/2, r.Y1+3, font, ColMuted, "center", "top")
	c.Text(strconv.Itoa(view.H), r.X1-colW/2, r.Y1+3, font, ColMuted, "center", "top")
	if x0-r.X0 > 3*a.Rem && r.X1-x0 > 3*a.Rem {
		c.Text("unit "+strconv.Itoa(sel+1), x0+colW/2, r.Y1+3, a.Font(0.7, "600"), ColText, "center", "top")
	}
	s := view.At(t, sel)
	browser.SetText(v.BarsNote, browser.Say("Unit "+strconv.Itoa(sel+1)+": forget keeps "+present.FormatValue(s.Kept())+", select memory writes "+present.FormatValue(s.Written())+
		", so c = "+present.FormatValue(s.C)+"; output shows h = "+present.FormatValue(s.Zo)+" × tanh(c) = "+present.FormatValue(s.H)+
		". Units across; the shaded column is the unit under the cursor.")+" "+a.barsScaleNote())
}

// paintContinuation draws the person's sequence and the model's continuation
// on one chart, the continuation dashed.
func (a *Painter) Continuation(v *View, prime []float64, cont []float32) {
	c := v.SampleChart
	w, h := a.BeginChart(c, v.SampleFig, 10)
	n := len(prime) + len(cont)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range prime {
		lo, hi = min(lo, x), max(hi, x)
	}
	for _, x := range cont {
		lo, hi = min(lo, float64(x)), max(hi, float64(x))
	}
	if !(hi >= lo) {
		return
	}
	r := chart.PlotRect(w, h, chart.Margins{Top: math.Round(1.4 * a.Rem), Right: 10, Bottom: math.Round(2.4 * a.Rem), Left: math.Round(2.8 * a.Rem)})
	xs := chart.Linear{D0: 0, D1: float64(max(n-1, 1)), R0: r.X0, R1: r.X1}
	ys := chart.Linear{D0: lo, D1: hi, R0: r.Y1, R1: r.Y0}.Nice(4)
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.ChartAxes(c, r, h, "step", "", ys.Ticks(4), xs.Ticks(5))
	split := xs.Map(float64(len(prime)) - 0.5)
	c.Line(split, r.Y0, split, r.Y1, ColAxis, 1)
	a.Bufs.Pts = chart.Polyline(a.Bufs.Pts[:0], f, 0, 1, prime)
	a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
	c.Stroke(a.Bufs.Path, ColText, 2, nil)
	// the continuation starts from the prime's last value, so the lines join
	a.Bufs.series = a.Bufs.series[:0]
	start := 0.0
	if len(prime) > 0 {
		a.Bufs.series = append(a.Bufs.series, float32(prime[len(prime)-1]))
		start = float64(len(prime) - 1)
	}
	a.Bufs.series = append(a.Bufs.series, cont...)
	a.Bufs.Pts = chart.Polyline(a.Bufs.Pts[:0], f, start, 1, a.Bufs.series)
	a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
	c.Stroke(a.Bufs.Path, SeriesColors[1], 2, SeriesDashes[1])
	lf := a.Font(0.72, "600")
	first := "— your sequence"
	c.Text(first, r.X0, 2, lf, ColText, "left", "top")
	c.Text("- - the model's continuation", r.X0+c.TextWidth(first, lf)+a.Rem, 2, lf, SeriesColors[1], "left", "top")
}

// paintReach draws ‖∂L_T/∂h_{T−k}‖ against k for the current cell, and the
// other cell's last curve, dashed, to compare the two on the same data.
func (a *Painter) Reach(v *View, reach []*protocol.ReachResult, cell lstm.Cell) {
	c := v.Reach
	w, h := a.BeginChart(c, v.ReachFig, 10)
	font := a.Font(0.72, "")
	lf := a.Font(0.72, "600")
	curves, lo, hi, n := reachCurves(reach)
	// legend labels, on one line if they fit, else one per line
	labels := make([]string, len(curves))
	lineH := math.Round(1.2 * a.Rem)
	total := 0.0
	for i, cv := range curves {
		labels[i] = map[lstm.Cell]string{lstm.CellLSTM: "—", lstm.CellRNN: "- -"}[cv.cell] + " " + cv.cell.String() + ", update " + present.FormatCount(cv.upd)
		total += c.TextWidth(labels[i], lf) + a.Rem
	}
	oneLine := total <= w-8
	top := lineH + 4
	if !oneLine {
		top = float64(len(curves))*lineH + 4
	}
	var ys chart.Log
	ticks := []chart.Tick(nil)
	left := math.Round(3.2 * a.Rem)
	if len(curves) > 0 && hi > 0 {
		if lo == hi {
			lo /= 10
		}
		ys = chart.Log{D0: lo, D1: hi}.Nice()
		ticks = ys.Ticks(4)
		for _, t := range ticks {
			left = max(left, c.TextWidth(t.Label, font)+math.Round(1.9*a.Rem))
		}
	}
	r := chart.PlotRect(w, h, chart.Margins{Top: top, Right: 12, Bottom: math.Round(2.4 * a.Rem), Left: left})
	const about = "The size of the gradient of a window's last loss with respect to h, k steps earlier (top layer): how far back the error signal reaches."
	if len(curves) == 0 || !(hi > 0) {
		a.ChartAxes(c, r, h, "steps back k", "gradient, log", nil, nil)
		a.ChartMessage(c, r, "Train to see how far back the gradient reaches.")
		browser.SetText(v.ReachNote, about+" Press Compare LSTM and RNN to see both on the same data.")
		return
	}
	xs := chart.Linear{D0: 0, D1: float64(max(n-1, 1)), R0: r.X0, R1: r.X1}
	ys.R0, ys.R1 = r.Y1, r.Y0
	for i := range ticks {
		ticks[i].Pos = ys.Map(ticks[i].Value)
	}
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.ChartAxes(c, r, h, "steps back k", "gradient, log", ticks, xs.Ticks(5))
	parts := a.drawReachCurves(c, f, curves, labels, oneLine, cell)
	note := browser.Say(about)
	if len(parts) > 0 {
		note += " " + browser.Say("Relative to k = 0,") + " " + strings.Join(parts, browser.Say("; ")) + browser.Say(".")
	}
	if len(curves) == 1 {
		note += " " + browser.Say("Press Compare LSTM and RNN to train both on the same data and see both curves (the counting, brackets and memory-gap presets show it best).")
	}
	browser.SetText(v.ReachNote, note)
}

// reachCurve is one engine's gradient reach: its cell, the top layer's values
// by steps back, and the update they were measured at.
type reachCurve struct {
	cell lstm.Cell
	vals []float32
	upd  uint64
}

// reachCurves returns the curves of the reach results there are, the range of
// their positive finite values and the longest curve's length.
func reachCurves(reach []*protocol.ReachResult) (curves []reachCurve, lo, hi float64, n int) {
	lo = math.Inf(1)
	for cell, res := range reach {
		if res == nil {
			continue
		}
		vals := res.Layers[len(res.Layers)-1]
		curves = append(curves, reachCurve{lstm.Cell(cell), vals, res.Update})
		n = max(n, len(vals))
		for _, x := range vals {
			if f := float64(x); f > 0 && !math.IsInf(f, 0) {
				lo, hi = min(lo, f), max(hi, f)
			}
		}
	}
	return curves, lo, hi, n
}

// drawReachCurves draws the curves in frame f with their labels, and returns
// what each keeps of its gradient at its far end, in words.
func (a *Painter) drawReachCurves(c *browser.DrawCanvas, f chart.Frame, curves []reachCurve, labels []string, oneLine bool, cell lstm.Cell) []string {
	x, y := 4.0, 2.0
	lf, lineH := a.Font(0.72, "600"), math.Round(1.2*a.Rem)
	var parts []string
	for i, cv := range curves {
		k := int(cv.cell) // LSTM blue and solid, RNN vermilion and dashed
		a.Bufs.Pts = chart.Polyline(a.Bufs.Pts[:0], f, 0, 1, cv.vals)
		a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
		width := 2.0
		if cv.cell != cell {
			width = 1.5
		}
		c.Stroke(a.Bufs.Path, SeriesColors[k], width, SeriesDashes[k])
		c.Text(labels[i], x, y, lf, SeriesColors[k], "left", "top")
		if oneLine {
			x += c.TextWidth(labels[i], lf) + a.Rem
		} else {
			y += lineH
		}
		if len(cv.vals) > 1 && cv.vals[0] > 0 {
			last := float64(cv.vals[len(cv.vals)-1]) / float64(cv.vals[0])
			parts = append(parts, browser.Say("the "+cv.cell.String()+" keeps "+present.FormatSig(last, 2)+" of it "+strconv.Itoa(len(cv.vals)-1)+" steps back"))
		}
	}
	return parts
}

// Painter paints the charts: it knows the size of a root em, the layout of
// the time-aligned charts and the buffers reused from frame to frame.
type Painter struct {
	Rem    float64 // CSS pixels per rem (grows in Large text mode)
	Geo    present.Geometry
	CScale CScale // how c is coloured (scale_js.go)
	Bufs   Buffers
	insp   inspectorDOM
	widths []measured // the widths of the last Measure
	fresh  bool       // widths are this frame's
}

// measured is the width of an element as a frame found it.
type measured struct {
	el dom.HTMLElement
	w  float64
}

// Measure reads the widths of els for the frame about to paint, and reports
// whether one changed since the frame before measured the same elements. A
// frame measures before it writes: a width read after a write to the page
// makes the browser lay the whole page out at once, every time, where these
// reads take the layout it has. EndFrame ends the frame.
func (a *Painter) Measure(els ...dom.HTMLElement) (changed bool) {
	if len(a.widths) != len(els) {
		a.widths = make([]measured, len(els))
	}
	for i, el := range els {
		w := float64(el.OffsetWidth())
		changed = changed || (a.widths[i].el == el && a.widths[i].w != w)
		a.widths[i] = measured{el, w}
	}
	a.fresh = true
	return changed
}

// EndFrame ends the frame: WidthOf reads the page again until the next Measure.
func (a *Painter) EndFrame() { a.fresh = false }

// WidthOf returns the width of el in CSS pixels, as measured for this frame
// (read now if it was not).
func (a *Painter) WidthOf(el dom.HTMLElement) float64 {
	if a.fresh {
		for _, m := range a.widths {
			if m.el == el {
				return m.w
			}
		}
	}
	return float64(el.OffsetWidth())
}

// ResetInspector forgets the inspector's elements, for when it is emptied.
func (a *Painter) ResetInspector() { a.insp = inspectorDOM{} }

// Heat draws heatmap k of view, plotW pixels wide, with its axis, note
// and colour scale.
func (a *Painter) Heat(v *View, k HeatKind, view present.LayerView, plotW float64, order []int) {
	g := a.Geo
	hb := v.Heat[k]
	shown := k == HeatH || view.LSTM()
	browser.SetHidden(hb.Root, !shown)
	if !shown {
		return
	}
	data, cmap, limit := a.HeatData(k, view)
	if order != nil {
		a.Bufs.Perm = present.PermuteUnits(a.Bufs.Perm, data, view.T, view.H, order)
		data = a.Bufs.Perm
	}
	n := 4 * view.T * view.H
	if cap(a.Bufs.RGBA) < n {
		a.Bufs.RGBA = make([]byte, n)
	}
	rgba := a.Bufs.RGBA[:n]
	chart.Heatmap(rgba, data, view.T, view.H, true, cmap)
	hb.Canvas.Put(rgba, view.T, view.H)
	st := hb.CanvasEl.Style()
	st.SetProperty("width", browser.Px(plotW), "")
	st.SetProperty("height", browser.Px(float64(g.HeatH)), "")
	if order != nil {
		browser.SetText(hb.AxisTop, "")
		browser.SetText(hb.AxisBottom, "")
	} else {
		browser.SetText(hb.AxisTop, "1")
		browser.SetText(hb.AxisBottom, strconv.Itoa(view.H))
	}
	if k == HeatC {
		a.cLegend(hb, limit, view)
	}
	if !hb.LegendDrawn || hb.Limit != limit || hb.scale != a.CScale {
		const lw = 64
		if len(a.Bufs.Legend) != 4*lw {
			a.Bufs.Legend = make([]byte, 4*lw)
		}
		chart.Legend(a.Bufs.Legend, lw, 1, cmap, false)
		hb.Legend.Put(a.Bufs.Legend, lw, 1)
		if k == HeatZf || k == HeatZi || k == HeatZo {
			browser.SetText(hb.LegendLo, "0")
			browser.SetText(hb.LegendMid, "0.5")
			browser.SetText(hb.LegendHi, "1")
		} else {
			browser.SetText(hb.LegendMid, "0")
			if k == HeatC {
				a.cLegend(hb, limit, view)
			} else {
				browser.SetText(hb.LegendLo, present.Minus+present.FormatNumber(limit))
				browser.SetText(hb.LegendHi, present.FormatNumber(limit))
			}
		}
		hb.Limit, hb.LegendDrawn, hb.scale = limit, true, a.CScale
	}
}

// Probe writes the probe once along the time axis: its characters, or a
// small line of its values in numbers mode.
func (a *Painter) Probe(v *View, tr *protocol.TraceResult) {
	g := a.Geo
	if tr.Kind == lstm.Numbers {
		browser.SetHidden(v.ProbeRow, true)
		browser.SetHidden(v.ProbeLineE, false)
		c := v.ProbeLine
		h := math.Round(2.2 * a.Rem)
		c.Begin(g.Width(), h)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, x := range tr.Values {
			lo, hi = min(lo, float64(x)), max(hi, float64(x))
		}
		f := chart.NewFrame(chart.Rect{X0: g.Gutter, Y0: 3, X1: g.Gutter + float64(g.PlotW()), Y1: h - 3}, 0, float64(g.T), lo, hi)
		a.Bufs.Pts = chart.Polyline(a.Bufs.Pts[:0], f, 0.5, 1, tr.Values)
		a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
		c.Stroke(a.Bufs.Path, ColText, 1.5, nil)
		c.Text("input", g.Gutter-4, h/2, a.Font(0.7, ""), ColMuted, "right", "middle")
		return
	}
	browser.SetHidden(v.ProbeLineE, true)
	browser.SetHidden(v.ProbeRow, false)
	key := strconv.Itoa(g.ColW) + "|" + strconv.FormatFloat(a.Rem, 'g', -1, 64) + "|" + string(tr.Symbols)
	if key == a.Bufs.ProbeKey {
		return
	}
	a.Bufs.ProbeKey = key
	browser.Clear(v.ProbeRow)
	v.ProbeChars = v.ProbeChars[:0]
	v.ProbeRow.Style().SetProperty("padding-left", browser.Px(g.Gutter), "")
	v.ProbeRow.Style().SetProperty("font-size", browser.Px(g.ProbeFont(math.Round(0.95*a.Rem))), "")
	for t, r := range tr.Symbols {
		s := v.B.El("span", present.DisplayRune(r))
		s.Style().SetProperty("width", browser.Px(float64(g.ColW)), "")
		if r == ' ' || r == '\n' || r == '\t' {
			s.Class().Add("ws")
		}
		browser.SetLabel(s, "title", "step "+strconv.Itoa(t+1)+": "+present.DescribeRune(r))
		v.ProbeRow.AppendChild(s)
		v.ProbeChars = append(v.ProbeChars, s)
	}
	a.Bufs.CursorT = -1
}

// Deltas draws the mean change per step of c and h along the probe, h
// pixels high, and says it in words.
func (a *Painter) Deltas(v *View, view present.LayerView, h float64) {
	g := a.Geo
	var meanC, meanH float64
	a.Bufs.DeltaH, meanH = analysis.MeanAbsDelta(a.Bufs.DeltaH, view.Hid, view.H0, view.T, view.H)
	series := [][]float64{a.Bufs.DeltaH}
	names := []string{"|Δh|"}
	colors := []int{1}
	if view.LSTM() {
		a.Bufs.DeltaC, meanC = analysis.MeanAbsDelta(a.Bufs.DeltaC, view.C, view.C0, view.T, view.H)
		series = [][]float64{a.Bufs.DeltaC, a.Bufs.DeltaH}
		names = []string{"|Δc|", "|Δh|"}
		colors = []int{0, 1}
	}
	top := 0.0
	for _, s := range series {
		for _, x := range s {
			top = max(top, x)
		}
	}
	top = present.NiceLimit(top, 0.01)
	c := v.Delta
	c.Begin(g.Width(), h)
	f := a.TimeFrame(h, 0, top)
	a.YAxis(c, f, []float64{0, top / 2, top})
	ends := make([]float64, len(series))
	for i, s := range series {
		a.Bufs.Pts = chart.Polyline(a.Bufs.Pts[:0], f, 0.5, 1, s)
		a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
		k := colors[i]
		c.Stroke(a.Bufs.Path, SeriesColors[k], 2, SeriesDashes[k])
		ends[i] = f.Y.Map(s[len(s)-1])
	}
	a.EndLabels(c, ends, func(i int) (string, string) { return names[i], SeriesColors[colors[i]] }, h)
	if view.LSTM() {
		browser.SetText(v.DeltaT, "Mean change per step: |Δc| and |Δh|")
	} else {
		browser.SetText(v.DeltaT, "Mean change per step: |Δh|")
	}
	if view.LSTM() {
		text := "Mean over the probe: |Δc| = " + present.FormatValue(meanC) + ", |Δh| = " + present.FormatValue(meanH) + " per step."
		if sc, sh := present.MeanAbs(view.C), present.MeanAbs(view.Hid); sc > 0 && sh > 0 {
			text += " Relative to their mean size (|c| " + present.FormatNumber(sc) + ", |h| " + present.FormatNumber(sh) + "), c changes " +
				present.FormatPercent(meanC/sc) + " and h " + present.FormatPercent(meanH/sh) + " per step."
		}
		browser.SetText(v.DeltaText, text)
	} else {
		browser.SetText(v.DeltaText, "Mean over the probe: |Δh| = "+present.FormatValue(meanH)+" per step. The RNN has no cell state.")
	}
}

// Loss draws the loss of every update (faint) and its moving average (bold)
// on the loss chart, and says the last ones in words.
func (a *Painter) Loss(v *View, hist *client.LossHistory, update uint64) {
	c := v.Loss
	w, h := a.BeginChart(c, v.LossFig, 12)
	left, bottom := math.Round(3.2*a.Rem), math.Round(2.4*a.Rem)
	r := chart.PlotRect(w, h, chart.Margins{Top: 8, Right: 12, Bottom: bottom, Left: left})
	if hist.Len() == 0 || hist.Max == 0 {
		a.ChartAxes(c, r, h, "update", "loss", nil, nil)
		a.ChartMessage(c, r, "Press Train to start:", "the loss of every update is drawn here.")
		browser.SetText(v.LossNote, "No updates yet.")
		return
	}
	first := float64(hist.First)
	last := float64(hist.Next() - 1)
	xs := chart.Linear{D0: first, D1: max(last, first+10), R0: r.X0, R1: r.X1}
	var ys chart.Scale = chart.Linear{D0: 0, D1: hist.Max * 1.02, R0: r.Y1, R1: r.Y0}.Nice(4)
	yName := "loss"
	if hist.LogScale() {
		ys = chart.Log{D0: hist.MinPos, D1: hist.Max, R0: r.Y1, R1: r.Y0}.Nice()
		yName = "loss (log scale)"
	}
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.ChartAxes(c, r, h, "update", yName, ys.Ticks(4), xs.Ticks(a.XTickCount(r)))

	a.Bufs.Pts = hist.AppendRaw(a.Bufs.Pts[:0], f)
	a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
	c.Stroke(a.Bufs.Path, "rgba(0,114,178,0.28)", 1, nil)
	a.Bufs.Pts = hist.AppendSmooth(a.Bufs.Pts[:0], f)
	a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
	c.Stroke(a.Bufs.Path, "#0072B2", 2, nil)

	sm, _ := hist.LastSmooth()
	raw, _ := hist.LastRaw()
	browser.SetText(v.LossNote, "Update "+present.FormatCount(update)+": loss "+present.FormatSig(raw, 4)+", smoothed "+present.FormatSig(sm, 4)+
		". Faint line: every update; bold line: moving average.")
}

// raceStyle returns the colour and dash of a cell's line: LSTM blue and
// solid, RNN vermilion and dashed, as in the gradient reach chart.
func raceStyle(cell lstm.Cell) (string, []float64) {
	k := int(cell)
	return SeriesColors[k], SeriesDashes[k]
}

// RaceRun is one model of the loss race: its cell and its loss history.
type RaceRun struct {
	Cell lstm.Cell
	Hist *client.LossHistory
}

// Race draws the smoothed loss of both models against the update.
func (a *Painter) Race(v *View, runs [2]RaceRun) {
	cv := v.Cmp.Race
	w, h := a.BeginChart(cv, v.Cmp.RaceFig, 11)
	lf := a.Font(0.72, "600")
	var first, last uint64 = math.MaxUint64, 0
	lo, hi := math.Inf(1), 0.0
	for _, r := range runs {
		if r.Hist.Len() == 0 {
			continue
		}
		first = min(first, r.Hist.First)
		last = max(last, r.Hist.Next()-1)
		if l, h, ok := r.Hist.SmoothRange(); ok {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	left, bottom := math.Round(3.2*a.Rem), math.Round(2.4*a.Rem)
	r := chart.PlotRect(w, h, chart.Margins{Top: math.Round(1.5 * a.Rem), Right: 12, Bottom: bottom, Left: left})
	// legend: the line's look and the cell's name
	x := r.X0
	for _, rn := range runs {
		col, dash := raceStyle(rn.Cell)
		cv.Stroke([]byte("M"+strconv.FormatFloat(x, 'g', -1, 64)+" 7.5L"+strconv.FormatFloat(x+22, 'g', -1, 64)+" 7.5"), col, 2, dash)
		cv.Text(rn.Cell.String(), x+26, 7.5, lf, col, "left", "middle")
		x += 26 + cv.TextWidth(rn.Cell.String(), lf) + a.Rem
	}
	if last == 0 || !(hi > 0) {
		a.ChartAxes(cv, r, h, "update", "loss", nil, nil)
		a.ChartMessage(cv, r, "Both models are starting…")
		browser.SetText(v.Cmp.RaceNote, "The loss of each model, smoothed, against its update. The same data, seed and size; only the cell differs.")
		return
	}
	xs := chart.Linear{D0: float64(first), D1: max(float64(last), float64(first)+10), R0: r.X0, R1: r.X1}
	var ys chart.Scale = chart.Linear{D0: 0, D1: hi * 1.05, R0: r.Y1, R1: r.Y0}.Nice(4)
	yName := "loss"
	if hi/lo > 30 {
		ys = chart.Log{D0: lo, D1: hi, R0: r.Y1, R1: r.Y0}.Nice()
		yName = "loss (log)"
	}
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.ChartAxes(cv, r, h, "update", yName, ys.Ticks(4), xs.Ticks(a.XTickCount(r)))
	note := browser.Say("The loss of each model, smoothed, against its update: lower is better.") + " "
	for i, rn := range runs {
		if rn.Hist.Len() == 0 {
			continue
		}
		col, dash := raceStyle(rn.Cell)
		a.Bufs.Pts = rn.Hist.AppendSmooth(a.Bufs.Pts[:0], f)
		a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], a.Bufs.Pts)
		cv.Stroke(a.Bufs.Path, col, 2, dash)
		if sm, ok := rn.Hist.LastSmooth(); ok {
			if i > 0 {
				note += browser.Say("; ")
			}
			note += browser.Say(rn.Cell.String() + ": " + present.FormatSig(sm, 3) + " after " + present.FormatCount(rn.Hist.Next()-1) + " updates")
		}
	}
	note += browser.Say(".")
	// At the same update, the race is fair whatever each engine's speed.
	at := min(runs[0].Hist.Next(), runs[1].Hist.Next())
	if at > 1 && runs[0].Hist.Len() > 0 && runs[1].Hist.Len() > 0 {
		a0, ok0 := smoothAt(runs[0].Hist, at-1)
		a1, ok1 := smoothAt(runs[1].Hist, at-1)
		if ok0 && ok1 {
			note += " " + browser.Say("At update "+present.FormatCount(at-1)+", both: "+runs[0].Cell.String()+" "+present.FormatSig(a0, 3)+", "+runs[1].Cell.String()+" "+present.FormatSig(a1, 3)+".")
			x := math.Round(xs.Map(float64(at-1))) + 0.5
			cv.Line(x, r.Y0, x, r.Y1, ColAxis, 1)
		}
	}
	browser.SetText(v.Cmp.RaceNote, note)
}

// smoothAt returns the smoothed loss of update u, or the nearest before it.
func smoothAt(h *client.LossHistory, u uint64) (float64, bool) { return h.SmoothAt(u) }
