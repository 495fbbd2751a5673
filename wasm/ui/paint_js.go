//go:build js && wasm

package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/analysis"
	"lstmplayground/wasm/chart"
)

// Colours of the charts (the palette of Okabe and Ito, safe for the common
// colour-vision deficiencies), with a dash pattern per series so that colour
// is never the only way to tell lines apart.
var (
	seriesColors = [...]string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"}
	seriesDashes = [...][]float64{nil, {6, 3}, {2, 2}, {8, 3, 2, 3}, {4, 4}, {1, 3}}
)

const (
	colText   = "#1b1b1f"
	colMuted  = "#5c6370"
	colGrid   = "#e4e6eb"
	colAxis   = "#9aa0a6"
	colKept   = "#0072B2"
	colWrite  = "#E69F00"
	colOut    = "#009E73"
	colCursor = "rgba(27,27,31,0.08)"
)

// paintBuffers are reused from frame to frame so that painting does not
// allocate in the steady state.
type paintBuffers struct {
	rgba    []byte
	legend  []byte
	pts     []chart.Point
	path    []byte
	deltaC  []float64
	deltaH  []float64
	kept    []float64
	written []float64
	series  []float32
	scratch []float64
	seq     *chart.ColorMap
	div     map[float64]*chart.ColorMap

	probeKey string // what the probe row shows, to rebuild it only on change
	cursorT  int    // the highlighted probe cell
}

func (p *paintBuffers) diverging(limit float64) *chart.ColorMap {
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

func (p *paintBuffers) sequential() *chart.ColorMap {
	if p.seq == nil {
		p.seq = chart.Sequential()
	}
	return p.seq
}

// paint is the frame callback: it sends a due Trace request and draws what
// changed. It returns whether it wants another frame.
func (a *app) paint(now float64) bool {
	if a.st.TraceDue(now) && !a.failed {
		a.st.RequestTrace(now)
	}
	if a.st.ReachDue(now) && !a.failed {
		a.st.RequestReach(now)
	}
	d := a.dirty
	a.dirty = 0
	if d&DirtyLayout != 0 {
		a.rem = rootFontSize()
	}
	if d&DirtyStats != 0 {
		a.paintStats()
	}
	if d&(DirtyStatus|DirtyErrors) != 0 {
		a.paintStatus()
	}
	if d&DirtyErrors != 0 {
		a.paintErrors()
	}
	if d&(DirtyTrace|DirtyLayout) != 0 {
		a.paintTrace()
	}
	if d&(DirtyTrace|DirtyCursor|DirtyLayout) != 0 {
		a.paintCursor()
	}
	if d&(DirtyLoss|DirtyLayout) != 0 {
		a.paintLoss()
	}
	if d&(DirtySample|DirtyLayout) != 0 {
		a.paintSample()
	}
	if d&(DirtyReach|DirtyLayout|DirtyStatus) != 0 {
		a.paintReach()
	}
	cmpWaits := a.comparePaint(now, d)
	inWaits := a.insidePaint(now)
	a.paintInside(d)
	a.paintSnap(d)
	return a.dirty != 0 || a.st.TraceWaiting() || cmpWaits || inWaits
}

func (a *app) font(scale float64, weight string) string {
	size := math.Round(a.rem * scale)
	if weight != "" {
		return weight + " " + strconv.FormatFloat(size, 'f', -1, 64) + "px system-ui, sans-serif"
	}
	return strconv.FormatFloat(size, 'f', -1, 64) + "px system-ui, sans-serif"
}

// ---- top bar ----

func (a *app) paintStats() {
	st, v := a.st, a.v
	if st.Running {
		setText(v.trainLabel, "Pause")
		setText(v.trainIcon, "❚❚")
	} else {
		setText(v.trainLabel, "Train")
		setText(v.trainIcon, "▶")
	}
	setClass(v.train, "running", st.Running)
	a.announceTraining()
	v.train.SetDisabled(a.failed)
	v.step.SetDisabled(a.failed)
	v.reset.SetDisabled(a.failed)
	setText(v.statUpdate, FormatCount(st.Update))
	loss, ok := st.Losses.LastSmooth()
	if !ok && st.HasLoss {
		loss, ok = st.Loss, true
	}
	setText(v.statLoss, FormatLoss(loss, ok && st.Update > 0))
	setText(v.statRate, FormatRate(st.CharsPerSec))
	switch {
	case a.failed:
		setHidden(v.notice, true)
	case st.ModelReset && !st.Running && st.Update == 0:
		setText(v.notice, "A new model was made, so training starts again from update 0. Press Train.")
		setHidden(v.notice, false)
	default:
		setHidden(v.notice, true)
	}
}

// ---- data column ----

func (a *app) paintStatus() {
	st, v := a.st, a.v
	s := st.Status
	lead := ""
	if st.Errors[FieldText] != "" && st.HasData {
		lead = "Still training on the last data it could use: "
	}
	switch {
	case !st.HasData:
		setText(v.dataInfo, "No training data yet.")
	case s.Kind == lstm.Numbers:
		mean := s.Norm.Mean
		if math.Abs(mean) < 1e-9*max(1, s.Norm.Scale) {
			mean = 0
		}
		setText(v.dataInfo, lead+fmt.Sprintf("%s values · mean %s · spread %s · %s parameters",
			FormatCount(s.Length), formatSig(mean, 3), formatSig(s.Norm.Scale, 3), FormatCount(s.Params)))
	default:
		setText(v.dataInfo, lead+fmt.Sprintf("%s characters · %s distinct · %s parameters",
			FormatCount(s.Length), FormatCount(len(s.Vocab)), FormatCount(s.Params)))
	}
	if st.HasData && s.Kind == lstm.Text && len(s.Vocab) > 0 {
		var b strings.Builder
		b.WriteString("Characters: ")
		for i, r := range s.Vocab {
			if i == 160 {
				b.WriteString(" …")
				break
			}
			b.WriteString(DisplayRune(r))
			b.WriteByte(' ')
		}
		setText(v.vocab, b.String())
		setHidden(v.vocab, false)
	} else {
		setHidden(v.vocab, true)
	}
	// the Layer picker of the model column
	layers := max(1, st.Cfg.Layers)
	if v.layer.Length() != layers {
		clear(v.layer)
		for l := range layers {
			v.layer.AppendChild(v.b.el("option", attr{"value", strconv.Itoa(l)}, "Layer "+strconv.Itoa(l+1)))
		}
		a.st.Layer = min(a.st.Layer, layers-1)
		v.layer.SetValue(strconv.Itoa(a.st.Layer))
	}
	setHidden(v.layerField, layers < 2)
	v.save.SetDisabled(st.Status.Params == 0)
	setText(v.dataLimits, TextLimits(st.Mode))
	setHidden(v.tempField, st.Mode == lstm.Numbers)
	if st.Mode == lstm.Numbers {
		v.probe.SetAttribute("placeholder", "e.g. 0, 0.38, 0.71, 0.92, 1")
		v.prime.SetAttribute("placeholder", "e.g. 0, 0.38, 0.71")
	} else {
		v.probe.SetAttribute("placeholder", "a text using the training text's characters")
		v.prime.SetAttribute("placeholder", "the text to start from")
	}
}

func (a *app) paintErrors() {
	for field, el := range a.v.alerts {
		msg := a.st.Errors[field]
		setText(el, msg)
		setHidden(el, msg == "")
		if c, ok := a.v.controls[field]; ok {
			if msg != "" {
				c.SetAttribute("aria-invalid", "true")
			} else if c.HasAttribute("aria-invalid") {
				c.RemoveAttribute("aria-invalid")
			}
		}
	}
}

// ---- model column: heatmaps, probe, line charts ----

func (a *app) gutter() float64 { return math.Round(2.6 * a.rem) }

func (a *app) paintTrace() {
	v := a.v
	view, ok := a.st.View()
	setHidden(v.empty, ok)
	setHidden(v.lineFigs, !ok)
	if !ok {
		for _, hb := range v.heat {
			setHidden(hb.root, true)
		}
		setHidden(v.probeRow, true)
		setHidden(v.probeLineE, true)
		v.stack.Style().RemoveProperty("width")
		switch {
		case a.st.Errors[FieldProbe] != "":
			setText(v.traceNote, "")
		case a.st.Shown() != nil && a.st.Shown().T == 0:
			setText(v.traceNote, "The probe text is empty: type a few characters to see the model read them.")
		default:
			setText(v.traceNote, "")
		}
		return
	}
	tr := a.st.Shown()
	note := fmt.Sprintf("Model after update %s, reading %d steps of the probe", FormatCount(tr.Update), view.T)
	if a.st.ProbeCut {
		note += fmt.Sprintf(" (the first %d)", ProbeSteps)
	}
	switch {
	case a.st.Pinned != nil:
		note = fmt.Sprintf("Training snapshot: the model at update %s, reading %d steps of the probe. Move the Training snapshot slider to its right end for the live model.", FormatCount(tr.Update), view.T)
	case a.st.Errors[FieldProbe] != "":
		note += ": the last probe it could read."
	case tr.Update == 0:
		note += ". Untrained: press Train to start."
	default:
		note += "."
	}
	setText(v.traceNote, note)

	width := float64(v.stackWrap.OffsetWidth())
	a.geo = NewGeometry(width, a.gutter(), view.T, view.H)
	g := a.geo
	plotW := float64(g.PlotW())
	v.stack.Style().SetProperty("--gutter", px(g.Gutter), "")
	// On a narrow screen the steps keep a readable width and the charts scroll sideways.
	if g.Width() > width {
		v.stack.Style().SetProperty("width", px(math.Ceil(g.Width())), "")
	} else {
		v.stack.Style().RemoveProperty("width")
	}

	for k := range heatCount {
		hb := v.heat[k]
		shown := a.heatShown(k, view)
		setHidden(hb.root, !shown)
		if !shown {
			continue
		}
		data, cmap, limit := a.heatData(k, view)
		if order := a.rowOrder(view); order != nil {
			a.in.permBuf = PermuteUnits(a.in.permBuf, data, view.T, view.H, order)
			data = a.in.permBuf
		}
		n := 4 * view.T * view.H
		if cap(a.bufs.rgba) < n {
			a.bufs.rgba = make([]byte, n)
		}
		rgba := a.bufs.rgba[:n]
		chart.Heatmap(rgba, data, view.T, view.H, true, cmap)
		hb.canvas.Put(rgba, view.T, view.H)
		st := hb.canvasEl.Style()
		st.SetProperty("width", px(plotW), "")
		st.SetProperty("height", px(float64(g.HeatH)), "")
		if a.in.sorted {
			setText(hb.axisTop, "")
			setText(hb.axisBottom, "")
		} else {
			setText(hb.axisTop, "1")
			setText(hb.axisBottom, strconv.Itoa(view.H))
		}
		if k == heatC {
			setText(hb.note, fmt.Sprintf("%s; |c| up to %s", heatNotes[k], FormatNumber(math.Round(AbsMax(view.C)*10)/10)))
		}
		if !hb.legendDrawn || hb.limit != limit {
			const lw = 64
			if len(a.bufs.legend) != 4*lw {
				a.bufs.legend = make([]byte, 4*lw)
			}
			chart.Legend(a.bufs.legend, lw, 1, cmap, false)
			hb.legend.Put(a.bufs.legend, lw, 1)
			if k == heatZf || k == heatZi || k == heatZo {
				setText(hb.legendLo, "0")
				setText(hb.legendMid, "0.5")
				setText(hb.legendHi, "1")
			} else {
				setText(hb.legendLo, minus+FormatNumber(limit))
				setText(hb.legendMid, "0")
				setText(hb.legendHi, FormatNumber(limit))
			}
			hb.limit, hb.legendDrawn = limit, true
		}
	}
	a.paintProbe(view)
	a.paintLines(view)
}

// heatData returns the array, colour map and scale end of heatmap k.
func (a *app) heatData(k heatKind, view LayerView) ([]float32, *chart.ColorMap, float64) {
	switch k {
	case heatC:
		// The 98th percentile, so that a few large cells do not wash the rest
		// out; larger values get the end colours.
		var q float64
		q, a.bufs.scratch = AbsQuantile(view.C, 0.98, a.bufs.scratch)
		limit := NiceLimit(q, 1)
		return view.C, a.bufs.diverging(limit), limit
	case heatH:
		return view.Hid, a.bufs.diverging(1), 1
	case heatZ:
		return view.Z, a.bufs.diverging(1), 1
	case heatZf:
		return view.Zf, a.bufs.sequential(), 1
	case heatZi:
		return view.Zi, a.bufs.sequential(), 1
	}
	return view.Zo, a.bufs.sequential(), 1
}

// paintProbe writes the probe once along the time axis: its characters, or a
// small line of its values in numbers mode.
func (a *app) paintProbe(view LayerView) {
	v, g, tr := a.v, a.geo, a.st.Shown()
	if tr.Kind == lstm.Numbers {
		setHidden(v.probeRow, true)
		setHidden(v.probeLineE, false)
		c := v.probeLine
		h := math.Round(2.2 * a.rem)
		c.Begin(g.Width(), h)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, x := range tr.Values {
			lo, hi = min(lo, float64(x)), max(hi, float64(x))
		}
		f := chart.NewFrame(chart.Rect{X0: g.Gutter, Y0: 3, X1: g.Gutter + float64(g.PlotW()), Y1: h - 3}, 0, float64(g.T), lo, hi)
		a.bufs.pts = chart.Polyline(a.bufs.pts[:0], f, 0.5, 1, tr.Values)
		a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
		c.Stroke(a.bufs.path, colText, 1.5, nil)
		c.Text("input", g.Gutter-4, h/2, a.font(0.7, ""), colMuted, "right", "middle")
		return
	}
	setHidden(v.probeLineE, true)
	setHidden(v.probeRow, false)
	key := fmt.Sprintf("%d|%g|%s", g.ColW, a.rem, string(tr.Symbols))
	if key == a.bufs.probeKey {
		return
	}
	a.bufs.probeKey = key
	clear(v.probeRow)
	v.probeChars = v.probeChars[:0]
	v.probeRow.Style().SetProperty("padding-left", px(g.Gutter), "")
	v.probeRow.Style().SetProperty("font-size", px(g.ProbeFont(math.Round(0.95*a.rem))), "")
	for t, r := range tr.Symbols {
		s := v.b.el("span", DisplayRune(r))
		s.Style().SetProperty("width", px(float64(g.ColW)), "")
		if r == ' ' || r == '\n' || r == '\t' {
			s.Class().Add("ws")
		}
		s.SetAttribute("title", fmt.Sprintf("step %d: %s", t+1, DescribeRune(r)))
		v.probeRow.AppendChild(s)
		v.probeChars = append(v.probeChars, s)
	}
	a.bufs.cursorT = -1
}

// paintLines draws the chosen units of c and h along the probe, and the mean
// change per step of c and h.
func (a *app) paintLines(view LayerView) {
	v, g, st := a.v, a.geo, a.st
	units := st.Units
	if !unitsFit(units, view.H) {
		st.autoUnits()
		units = st.Units
	}
	if st.UnitsAuto && !isFocused(v.units) {
		v.units.SetValue(FormatUnits(units))
	}
	h := math.Round(6 * a.rem)
	unitList := FormatUnits(units)
	if view.LSTM() {
		setHidden(v.unitsCFig, false)
		setText(v.unitsCT, "c along the probe, units "+unitList)
		a.paintUnitLines(v.unitsC, view.C, view, units, h, "c")
	} else {
		setHidden(v.unitsCFig, true)
	}
	setText(v.unitsHT, "h along the probe, units "+unitList)
	a.paintUnitLines(v.unitsH, view.Hid, view, units, h, "h")

	// mean |Δ| per step
	var meanC, meanH float64
	a.bufs.deltaH, meanH = analysis.MeanAbsDelta(a.bufs.deltaH, view.Hid, view.H0, view.T, view.H)
	series := [][]float64{a.bufs.deltaH}
	names := []string{"|Δh|"}
	colors := []int{1}
	if view.LSTM() {
		a.bufs.deltaC, meanC = analysis.MeanAbsDelta(a.bufs.deltaC, view.C, view.C0, view.T, view.H)
		series = [][]float64{a.bufs.deltaC, a.bufs.deltaH}
		names = []string{"|Δc|", "|Δh|"}
		colors = []int{0, 1}
	}
	top := 0.0
	for _, s := range series {
		for _, x := range s {
			top = max(top, x)
		}
	}
	top = NiceLimit(top, 0.01)
	c := v.delta
	c.Begin(g.Width(), h)
	f := a.timeFrame(h, 0, top)
	a.yAxis(c, f, []float64{0, top / 2, top})
	ends := make([]float64, len(series))
	for i, s := range series {
		a.bufs.pts = chart.Polyline(a.bufs.pts[:0], f, 0.5, 1, s)
		a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
		k := colors[i]
		c.Stroke(a.bufs.path, seriesColors[k], 2, seriesDashes[k])
		ends[i] = f.Y.Map(s[len(s)-1])
	}
	a.endLabels(c, ends, func(i int) (string, string) { return names[i], seriesColors[colors[i]] }, h)
	if view.LSTM() {
		setText(v.deltaT, "Mean change per step: |Δc| and |Δh|")
	} else {
		setText(v.deltaT, "Mean change per step: |Δh|")
	}
	if view.LSTM() {
		text := fmt.Sprintf("Mean over the probe: |Δc| = %s, |Δh| = %s per step.", FormatValue(meanC), FormatValue(meanH))
		if sc, sh := MeanAbs(view.C), MeanAbs(view.Hid); sc > 0 && sh > 0 {
			text += fmt.Sprintf(" Relative to their mean size (|c| %s, |h| %s), c changes %s and h %s per step.",
				FormatNumber(sc), FormatNumber(sh), FormatPercent(meanC/sc), FormatPercent(meanH/sh))
		}
		setText(v.deltaText, text)
	} else {
		setText(v.deltaText, fmt.Sprintf("Mean over the probe: |Δh| = %s per step. The RNN has no cell state.", FormatValue(meanH)))
	}
}

// endLabels writes the labels of lines at their right ends (wanted at ys),
// moved apart so that they do not overlap.
func (a *app) endLabels(c *drawCanvas, ys []float64, label func(i int) (text, color string), h float64) {
	x := a.geo.Gutter + float64(a.geo.PlotW()) + 5
	gap := math.Round(1.05 * a.rem)
	font := a.font(0.75, "600")
	for i, y := range SpreadLabels(ys, gap, gap/2, h-gap/2) {
		text, color := label(i)
		c.Text(text, x, y, font, color, "left", "middle")
	}
}

// timeFrame returns the frame of a time-aligned chart of height h: x from step
// 0 to T over the heatmaps' columns, y from lo to hi.
func (a *app) timeFrame(h, lo, hi float64) chart.Frame {
	g := a.geo
	pad := math.Round(0.45 * a.rem)
	return chart.NewFrame(chart.Rect{X0: g.Gutter, Y0: pad, X1: g.Gutter + float64(g.PlotW()), Y1: h - pad}, 0, float64(g.T), lo, hi)
}

// yAxis draws horizontal grid lines and their labels left of the frame.
func (a *app) yAxis(c *drawCanvas, f chart.Frame, ticks []float64) {
	r := f.Rect
	for _, t := range ticks {
		y := math.Round(f.Y.Map(t)) + 0.5
		col := colGrid
		if t == 0 {
			col = colAxis
		}
		c.Line(r.X0, y, r.X1, y, col, 1)
		c.Text(tickLabel(t), r.X0-4, y, a.font(0.7, ""), colMuted, "right", "middle")
	}
}

func tickLabel(v float64) string {
	s := strconv.FormatFloat(v, 'g', 3, 64)
	if strings.HasPrefix(s, "-") {
		return minus + s[1:]
	}
	return s
}

// paintUnitLines draws units of x, a (T, H) array, one line each.
func (a *app) paintUnitLines(c *drawCanvas, x []float32, view LayerView, units []int, h float64, sym string) {
	g := a.geo
	c.Begin(g.Width(), h)
	var m float64
	for _, u := range units {
		for t := range view.T {
			m = max(m, math.Abs(float64(x[t*view.H+u])))
		}
	}
	lim := NiceLimit(m, 0.1)
	f := a.timeFrame(h, -lim, lim)
	a.yAxis(c, f, []float64{-lim, 0, lim})
	ends := make([]float64, len(units))
	for i, u := range units {
		a.bufs.series = a.bufs.series[:0]
		for t := range view.T {
			a.bufs.series = append(a.bufs.series, x[t*view.H+u])
		}
		a.bufs.pts = chart.Polyline(a.bufs.pts[:0], f, 0.5, 1, a.bufs.series)
		a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
		k := i % len(seriesColors)
		c.Stroke(a.bufs.path, seriesColors[k], 2, seriesDashes[k])
		ends[i] = f.Y.Map(float64(a.bufs.series[len(a.bufs.series)-1]))
	}
	a.endLabels(c, ends, func(i int) (string, string) { return strconv.Itoa(units[i] + 1), seriesColors[i%len(seriesColors)] }, h)
	c.TextRotated(sym, a.rem*0.45, h/2, a.font(0.8, "italic"), colMuted)
}

// ---- time cursor and step inspector ----

func (a *app) paintCursor() {
	v, st := a.v, a.st
	view, ok := st.View()
	if !ok {
		setText(v.inspHead, "The step inspector shows every value of one step once a trace is shown.")
		setText(v.inspPred, "")
		clear(v.inspValues)
		clear(v.inspEqC)
		clear(v.inspEqH)
		a.insp = inspectorDOM{}
		setHidden(v.barsFig, true)
		return
	}
	g := a.geo
	t, j := st.Cursor.T, st.Cursor.Unit
	// the column cursor over every time-aligned chart
	for k := range heatCount {
		cs := v.heat[k].colMark.Style()
		cs.SetProperty("left", px(float64(t*g.ColW)), "")
		cs.SetProperty("width", px(float64(g.ColW)), "")
	}
	for _, m := range v.lineMarks {
		cs := m.Style()
		cs.SetProperty("left", px(g.Gutter+float64(t*g.ColW)), "")
		cs.SetProperty("width", px(float64(g.ColW)), "")
	}
	if a.bufs.cursorT != t && t < len(v.probeChars) {
		if a.bufs.cursorT >= 0 && a.bufs.cursorT < len(v.probeChars) {
			setClass(v.probeChars[a.bufs.cursorT], "on", false)
		}
		setClass(v.probeChars[t], "on", true)
		a.bufs.cursorT = t
	}
	for k := range heatCount {
		setHidden(v.heat[k].unitMark, !st.CursorMoved)
		m := v.heat[k].unitMark.Style()
		m.SetProperty("top", px(float64(a.rowOfUnit(j))*g.RowH), "")
		m.SetProperty("height", px(max(g.RowH, 1)), "")
		m.SetProperty("width", px(float64(g.PlotW())), "")
	}

	s := view.At(t, j)
	setText(v.inspHead, fmt.Sprintf("Step t = %d of %d · reads %s · unit %d of %d", t+1, view.T, a.stepWhat(t), j+1, view.H))
	setText(v.inspPred, a.prediction(t))

	a.paintInspector(s)
	setHidden(v.barsFig, !s.LSTM)
	if s.LSTM {
		a.paintBars(view, t, j)
	}
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
func (a *app) paintInspector(s StepValues) {
	v, b := a.v, a.v.b
	rows := InspectorRows(s)
	lines := HiddenEquation(s)
	if s.LSTM {
		lines = append(CellEquation(s), lines...)
	}
	if !a.insp.built || a.insp.lstm != s.LSTM {
		a.insp = inspectorDOM{built: true, lstm: s.LSTM}
		clear(v.inspValues)
		for _, row := range rows {
			dd := b.el("dd", cls("num"))
			a.insp.rows = append(a.insp.rows, dd)
			v.inspValues.AppendChild(b.el("div", cls("insp-row"),
				b.el("dt", b.el("span", cls("sym"), b.spans(row.Symbol, nil)), " ", b.el("span", cls("name"), row.Name)), dd))
		}
		clear(v.inspEqC)
		clear(v.inspEqH)
		cLines := 0
		if s.LSTM {
			cLines = 3
			v.inspEqC.AppendChild(b.el("p", cls("eq-title"), "Forget and select memory: the new cell state"))
			v.inspEqH.AppendChild(b.el("p", cls("eq-title"), "Output: the hidden state"))
		} else {
			v.inspEqH.AppendChild(b.el("p", cls("eq-title"), "The plain RNN's hidden state"))
		}
		for i, l := range lines {
			var nums []dom.HTMLElement
			row := b.spans(l, &nums)
			a.insp.nums = append(a.insp.nums, nums)
			if i < cLines {
				v.inspEqC.AppendChild(row)
			} else {
				v.inspEqH.AppendChild(row)
			}
		}
	}
	for i, row := range rows {
		setText(a.insp.rows[i], FormatValue(row.Value))
	}
	for i, l := range lines {
		k := 0
		for _, sp := range l {
			if sp.Kind == Num || sp.Kind == Result {
				setText(a.insp.nums[i][k], sp.Text)
				k++
			}
		}
	}
}

// stepWhat names what the model read at step t.
func (a *app) stepWhat(t int) string {
	tr := a.st.Shown()
	if tr.Kind == lstm.Numbers {
		return FormatNumber(float64(tr.Values[t]))
	}
	return DescribeRune(tr.Symbols[t])
}

// prediction says what the model expects after step t, and what came.
func (a *app) prediction(t int) string {
	tr := a.st.Shown()
	if tr.Kind == lstm.Numbers {
		s := "Predicts next " + FormatNumber(float64(tr.Pred[t]))
		if t+1 < tr.T {
			s += ", actual " + FormatNumber(float64(tr.Values[t+1]))
		}
		return s + "."
	}
	s := fmt.Sprintf("Its guess for the next character: %s (%s)", DescribeRune(tr.Top[t]), FormatPercent(float64(tr.TopP[t])))
	if t+1 < tr.T {
		s += fmt.Sprintf("; the actual next, %s, got %s", DescribeRune(tr.Symbols[t+1]), FormatPercent(float64(tr.PNext[t])))
	}
	return s + "."
}

// paintBars draws, for every unit at step t, the kept and the written part of
// the new cell state, and c_t.
func (a *app) paintBars(view LayerView, t, sel int) {
	c := a.v.bars
	a.bufs.kept, a.bufs.written = view.StepBars(t, a.bufs.kept, a.bufs.written)
	w := float64(a.v.barsFig.OffsetWidth())
	if w < 100 {
		w = 300
	}
	h := math.Round(8 * a.rem)
	c.Begin(w, h)
	var m float64
	for j := range view.H {
		m = max(m, math.Abs(a.bufs.kept[j]), math.Abs(a.bufs.written[j]), math.Abs(float64(view.C[t*view.H+j])), math.Abs(float64(view.Hid[t*view.H+j])))
	}
	lim := NiceLimit(m, 0.1)
	left := math.Round(2.2 * a.rem)
	bottom := math.Round(1.3 * a.rem)
	f := chart.NewFrame(chart.Rect{X0: left, Y0: 4, X1: w - 4, Y1: h - bottom}, 0, float64(view.H), -lim, lim)
	r := f.Rect
	a.yAxis(c, f, []float64{-lim, 0, lim})
	colW := (r.X1 - r.X0) / float64(view.H)
	x0 := f.X.Map(float64(sel))
	c.Rect(x0, r.Y0, colW, r.Y1-r.Y0, colCursor)
	zero := f.Y.Map(0)
	barW := max(1, colW*0.27)
	for j := range view.H {
		x := f.X.Map(float64(j))
		k, wr := a.bufs.kept[j], a.bufs.written[j]
		ho := float64(view.Hid[t*view.H+j]) // zᵒ ⊙ tanh c_t
		yk, yw, yh := f.Y.Map(k), f.Y.Map(wr), f.Y.Map(ho)
		c.Rect(x+colW*0.08, min(yk, zero), barW, math.Abs(yk-zero), colKept)
		c.Rect(x+colW*0.37, min(yw, zero), barW, math.Abs(yw-zero), colWrite)
		c.Rect(x+colW*0.66, min(yh, zero), barW, math.Abs(yh-zero), colOut)
		yc := f.Y.Map(float64(view.C[t*view.H+j]))
		c.Rect(x+colW*0.04, yc-1, colW*0.62, 2, colText)
	}
	font := a.font(0.7, "")
	c.Text("1", r.X0+colW/2, r.Y1+3, font, colMuted, "center", "top")
	c.Text(strconv.Itoa(view.H), r.X1-colW/2, r.Y1+3, font, colMuted, "center", "top")
	if x0-r.X0 > 3*a.rem && r.X1-x0 > 3*a.rem {
		c.Text("unit "+strconv.Itoa(sel+1), x0+colW/2, r.Y1+3, a.font(0.7, "600"), colText, "center", "top")
	}
	s := view.At(t, sel)
	setText(a.v.barsNote, fmt.Sprintf("Unit %d: forget keeps %s, select memory writes %s, so c = %s; output shows h = %s × tanh(c) = %s. Units across; the shaded column is the unit under the cursor.",
		sel+1, FormatValue(s.Kept()), FormatValue(s.Written()), FormatValue(s.C), FormatValue(s.Zo), FormatValue(s.H)))
}

// ---- Line charts: the frame they share ----

// beginChart starts a line chart's canvas at the width of its figure (320
// CSS pixels before the page has a layout) and rows root ems high.
func (a *app) beginChart(c *drawCanvas, fig dom.HTMLElement, rows float64) (w, h float64) {
	w = float64(fig.OffsetWidth())
	if w < 100 {
		w = 320
	}
	h = math.Round(rows * a.rem)
	c.Begin(w, h)
	return w, h
}

// chartAxes draws a line chart's frame: the two axis lines, the names of the
// axes, and, when given, the y grid lines with their labels and the x ticks
// with theirs. Every line chart of the page draws its frame this way.
func (a *app) chartAxes(c *drawCanvas, r chart.Rect, h float64, xName, yName string, yTicks, xTicks []chart.Tick) {
	font := a.font(0.72, "")
	for _, t := range yTicks {
		y := math.Round(t.Pos) + 0.5
		c.Line(r.X0, y, r.X1, y, colGrid, 1)
		c.Text(t.Label, r.X0-5, y, font, colMuted, "right", "middle")
	}
	for _, t := range xTicks {
		x := math.Round(t.Pos) + 0.5
		c.Line(x, r.Y1, x, r.Y1+4, colAxis, 1)
		c.Text(t.Label, x, r.Y1+6, font, colMuted, "center", "top")
	}
	c.Line(r.X0, r.Y1+0.5, r.X1, r.Y1+0.5, colAxis, 1)
	c.Line(r.X0+0.5, r.Y0, r.X0+0.5, r.Y1, colAxis, 1)
	c.Text(xName, (r.X0+r.X1)/2, h-3, font, colMuted, "center", "bottom")
	if yName != "" {
		c.TextRotated(yName, a.rem*0.55, (r.Y0+r.Y1)/2, font, colMuted)
	}
}

// chartMessage writes a line or two of text in the middle of an empty chart.
func (a *app) chartMessage(c *drawCanvas, r chart.Rect, lines ...string) {
	y := (r.Y0+r.Y1)/2 - float64(len(lines)-1)*a.rem*0.7
	for _, l := range lines {
		c.Text(l, (r.X0+r.X1)/2, y, a.font(0.85, ""), colMuted, "center", "middle")
		y += 1.4 * a.rem
	}
}

// xTickCount is how many x ticks fit a plot: one per five root ems.
func (a *app) xTickCount(r chart.Rect) int { return max(2, int((r.X1-r.X0)/(5*a.rem))) }

// ---- Loss chart ----

func (a *app) paintLoss() {
	v, st := a.v, a.st
	c := v.loss
	w, h := a.beginChart(c, v.lossFig, 12)
	hist := &st.Losses
	left, bottom := math.Round(3.2*a.rem), math.Round(2.4*a.rem)
	r := chart.PlotRect(w, h, chart.Margins{Top: 8, Right: 12, Bottom: bottom, Left: left})
	if hist.Len() == 0 || hist.Max == 0 {
		a.chartAxes(c, r, h, "update", "loss", nil, nil)
		a.chartMessage(c, r, "Press Train to start: the loss of every", "update is drawn here.")
		setText(v.lossNote, "No updates yet.")
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
	a.chartAxes(c, r, h, "update", yName, ys.Ticks(4), xs.Ticks(a.xTickCount(r)))

	a.bufs.pts = hist.AppendRaw(a.bufs.pts[:0], f)
	a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
	c.Stroke(a.bufs.path, "rgba(0,114,178,0.28)", 1, nil)
	a.bufs.pts = hist.AppendSmooth(a.bufs.pts[:0], f)
	a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
	c.Stroke(a.bufs.path, "#0072B2", 2, nil)

	sm, _ := hist.LastSmooth()
	raw, _ := hist.LastRaw()
	setText(v.lossNote, fmt.Sprintf("Update %s: loss %s, smoothed %s. Faint line: every update; bold line: moving average.",
		FormatCount(st.Update), formatSig(raw, 4), formatSig(sm, 4)))
}

// ---- Generate ----

func (a *app) paintSample() {
	v, st := a.v, a.st
	switch {
	case st.Generating:
		setText(v.sampleNote, "Generating…")
	case st.Sample != nil && st.Sample.Kind == lstm.Text:
		setText(v.sampleNote, fmt.Sprintf("%s characters after the prime (shown in grey).", FormatCount(len([]rune(st.Sample.Text)))))
	case st.Sample != nil:
		setText(v.sampleNote, fmt.Sprintf("%s values after the prime.", FormatCount(len(st.Sample.Values))))
	default:
		setText(v.sampleNote, "")
	}
	v.generate.SetDisabled(st.Generating || a.failed)
	if st.Sample == nil {
		clear(v.sampleText)
		v.sampleText.AppendChild(v.b.el("span", cls("placeholder"), "The generated text appears here: press Generate."))
		setHidden(v.sampleFig, true)
		return
	}
	if st.Sample.Kind == lstm.Text {
		setHidden(v.sampleFig, true)
		clear(v.sampleText)
		setText(v.samplePrime, st.SamplePrime)
		setText(v.sampleGen, st.Sample.Text)
		v.sampleText.AppendChild(v.samplePrime)
		v.sampleText.AppendChild(v.sampleGen)
		return
	}
	// numbers: the values as text, and the prime with its continuation on one chart
	parts := make([]string, len(st.Sample.Values))
	for i, x := range st.Sample.Values {
		parts[i] = FormatNumber(float64(x))
	}
	clear(v.sampleText)
	setText(v.sampleGen, strings.Join(parts, ", "))
	v.sampleText.AppendChild(v.sampleGen)
	prime, err := lstm.ParseNumbers(st.SamplePrime)
	if err != nil {
		setHidden(v.sampleFig, true)
		return
	}
	setHidden(v.sampleFig, false)
	a.paintContinuation(prime, st.Sample.Values)
}

// paintContinuation draws the person's sequence and the model's continuation
// on one chart, the continuation dashed.
func (a *app) paintContinuation(prime []float64, cont []float32) {
	c := a.v.sampleChart
	w, h := a.beginChart(c, a.v.sampleFig, 10)
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
	r := chart.PlotRect(w, h, chart.Margins{Top: math.Round(1.4 * a.rem), Right: 10, Bottom: math.Round(2.4 * a.rem), Left: math.Round(2.8 * a.rem)})
	xs := chart.Linear{D0: 0, D1: float64(max(n-1, 1)), R0: r.X0, R1: r.X1}
	ys := chart.Linear{D0: lo, D1: hi, R0: r.Y1, R1: r.Y0}.Nice(4)
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.chartAxes(c, r, h, "step", "", ys.Ticks(4), xs.Ticks(5))
	split := xs.Map(float64(len(prime)) - 0.5)
	c.Line(split, r.Y0, split, r.Y1, colAxis, 1)
	a.bufs.pts = chart.Polyline(a.bufs.pts[:0], f, 0, 1, prime)
	a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
	c.Stroke(a.bufs.path, colText, 2, nil)
	// the continuation starts from the prime's last value, so the lines join
	a.bufs.series = a.bufs.series[:0]
	start := 0.0
	if len(prime) > 0 {
		a.bufs.series = append(a.bufs.series, float32(prime[len(prime)-1]))
		start = float64(len(prime) - 1)
	}
	a.bufs.series = append(a.bufs.series, cont...)
	a.bufs.pts = chart.Polyline(a.bufs.pts[:0], f, start, 1, a.bufs.series)
	a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
	c.Stroke(a.bufs.path, seriesColors[1], 2, seriesDashes[1])
	lf := a.font(0.72, "600")
	first := "— your sequence"
	c.Text(first, r.X0, 2, lf, colText, "left", "top")
	c.Text("- - the model's continuation", r.X0+c.TextWidth(first, lf)+a.rem, 2, lf, seriesColors[1], "left", "top")
}

// ---- Gradient reach ----

// paintReach draws ‖∂L_T/∂h_{T−k}‖ against k for the current cell, and the
// other cell's last curve, dashed, to compare the two on the same data.
func (a *app) paintReach() {
	v, st := a.v, a.st
	c := v.reach
	w, h := a.beginChart(c, v.reachFig, 10)
	font := a.font(0.72, "")
	lf := a.font(0.72, "600")
	type curve struct {
		cell lstm.Cell
		vals []float32
		upd  uint64
	}
	var curves []curve
	lo, hi, n := math.Inf(1), 0.0, 0
	for cell, res := range st.Reach {
		if res == nil {
			continue
		}
		vals := res.Layers[len(res.Layers)-1]
		curves = append(curves, curve{lstm.Cell(cell), vals, res.Update})
		n = max(n, len(vals))
		for _, x := range vals {
			if f := float64(x); f > 0 && !math.IsInf(f, 0) {
				lo, hi = min(lo, f), max(hi, f)
			}
		}
	}
	// legend labels, on one line if they fit, else one per line
	labels := make([]string, len(curves))
	lineH := math.Round(1.2 * a.rem)
	total := 0.0
	for i, cv := range curves {
		labels[i] = fmt.Sprintf("%s %s, update %s", map[lstm.Cell]string{lstm.CellLSTM: "—", lstm.CellRNN: "- -"}[cv.cell], cv.cell, FormatCount(cv.upd))
		total += c.TextWidth(labels[i], lf) + a.rem
	}
	oneLine := total <= w-8
	top := lineH + 4
	if !oneLine {
		top = float64(len(curves))*lineH + 4
	}
	var ys chart.Log
	ticks := []chart.Tick(nil)
	left := math.Round(3.2 * a.rem)
	if len(curves) > 0 && hi > 0 {
		if lo == hi {
			lo /= 10
		}
		ys = chart.Log{D0: lo, D1: hi}.Nice()
		ticks = ys.Ticks(4)
		for _, t := range ticks {
			left = max(left, c.TextWidth(t.Label, font)+math.Round(1.9*a.rem))
		}
	}
	r := chart.PlotRect(w, h, chart.Margins{Top: top, Right: 12, Bottom: math.Round(2.4 * a.rem), Left: left})
	const about = "The size of the gradient of a window's last loss with respect to h, k steps earlier (top layer): how far back the error signal reaches."
	if len(curves) == 0 || !(hi > 0) {
		a.chartAxes(c, r, h, "steps back k", "gradient, log", nil, nil)
		a.chartMessage(c, r, "Train to see how far back the gradient reaches.")
		setText(v.reachNote, about+" Press Compare LSTM and RNN to see both on the same data.")
		return
	}
	xs := chart.Linear{D0: 0, D1: float64(max(n-1, 1)), R0: r.X0, R1: r.X1}
	ys.R0, ys.R1 = r.Y1, r.Y0
	for i := range ticks {
		ticks[i].Pos = ys.Map(ticks[i].Value)
	}
	f := chart.Frame{Rect: r, X: xs, Y: ys}
	a.chartAxes(c, r, h, "steps back k", "gradient, log", ticks, xs.Ticks(5))
	x, y := 4.0, 2.0
	var parts []string
	for i, cv := range curves {
		k := int(cv.cell) // LSTM blue and solid, RNN vermilion and dashed
		a.bufs.pts = chart.Polyline(a.bufs.pts[:0], f, 0, 1, cv.vals)
		a.bufs.path = chart.AppendPath(a.bufs.path[:0], a.bufs.pts)
		width := 2.0
		if cv.cell != st.Cfg.Cell {
			width = 1.5
		}
		c.Stroke(a.bufs.path, seriesColors[k], width, seriesDashes[k])
		c.Text(labels[i], x, y, lf, seriesColors[k], "left", "top")
		if oneLine {
			x += c.TextWidth(labels[i], lf) + a.rem
		} else {
			y += lineH
		}
		if len(cv.vals) > 1 && cv.vals[0] > 0 {
			last := float64(cv.vals[len(cv.vals)-1]) / float64(cv.vals[0])
			parts = append(parts, fmt.Sprintf("the %s keeps %s of it %d steps back", cv.cell, formatSig(last, 2), len(cv.vals)-1))
		}
	}
	note := about
	if len(parts) > 0 {
		note += " Relative to k = 0, " + strings.Join(parts, "; ") + "."
	}
	if len(curves) == 1 {
		note += " Press Compare LSTM and RNN to train both on the same data and see both curves (the counting and brackets presets show it best)."
	}
	setText(v.reachNote, note)
}
