//go:build js && wasm

package panels

import (
	"math"
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/lesson"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// gapView holds the memory-gap figure (issue 15): the gap slider and the
// chart of recall against the gap, LSTM and RNN, and the comparison's
// learning rate of the other model.
type gapView struct {
	Fig    dom.HTMLElement
	Slider *dom.HTMLInputElement
	Value  dom.HTMLElement // the slider's value, as text
	How    dom.HTMLElement
	Chart  *browser.DrawCanvas
	Note   dom.HTMLElement
	LR     *dom.HTMLSelectElement // the other model's learning rate in a comparison; "" the same
}

// GapMaxSlider is the longest gap the slider offers: a window of the
// default sequence length (32) still holds both letters.
const GapMaxSlider = 30

// OwnLRs are the learning rates offered for the other model of a comparison.
var OwnLRs = []float64{0.03, 0.01, 0.003, 0.001, 0.0003}

// buildGap makes the memory-gap figure, hidden until the memory-gap text is
// trained.
func (v *View) buildGap() dom.HTMLElement {
	b, g := v.B, &v.Gap
	g.Slider = b.El("input", browser.ID("gap-n"), browser.Attr("type", "range"), browser.Attr("min", "1"),
		browser.Attr("max", strconv.Itoa(GapMaxSlider)), browser.Attr("step", "1"), browser.Attr("value", strconv.Itoa(lesson.DefaultGap))).(*dom.HTMLInputElement)
	g.Value = b.El("output", browser.Attr("for", "gap-n"), strconv.Itoa(lesson.DefaultGap))
	cv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "gap-title"), browser.Attr("aria-describedby", "gap-note")).(*dom.HTMLCanvasElement)
	g.Chart = browser.NewDrawCanvas(cv)
	g.Note = b.El("p", browser.Cls("hint"), browser.ID("gap-note"), browser.Attr("aria-live", "off"))
	g.How = b.El("p", browser.Cls("howto"), "How to read: each point is how often a model named the first letter after the last dash, on fresh lines with that gap (its likeliest guess); blue solid LSTM, orange dashed RNN. Move the slider to train on another gap: each gap you try adds its point.")
	g.Fig = b.El("figure", browser.Cls("gap-fig"), browser.Attr("aria-labelledby", "gap-title"),
		v.pngButton("Memory gap", cv, false), b.El("h3", browser.ID("gap-title"), "Memory gap: recall against the gap"),
		g.How,
		b.El("div", browser.Cls("inline-row"), b.El("label", browser.Attr("for", "gap-n"), "Gap (dashes)"), g.Slider, g.Value),
		cv, g.Note)
	browser.SetHidden(g.Fig, true)
	return g.Fig
}

// buildOwnLR makes the comparison's choice of the other model's learning rate.
func (v *View) buildOwnLR() dom.HTMLElement {
	b, g := v.B, &v.Gap
	opts := []any{browser.ID("cmp-lr"), browser.Attr("aria-describedby", "cmp-lr-hint"), b.El("option", browser.Attr("value", ""), "the same as this model's")}
	for _, lr := range OwnLRs {
		s := strconv.FormatFloat(lr, 'g', -1, 64)
		opts = append(opts, b.El("option", browser.Attr("value", s), s))
	}
	g.LR = b.El("select", opts...).(*dom.HTMLSelectElement)
	return b.El("div", browser.Cls("inline-row cmp-lr"), b.El("label", browser.Attr("for", "cmp-lr"), "The other model's learning rate"), g.LR,
		b.El("p", browser.Cls("hint"), browser.ID("cmp-lr-hint"), "Each model of a comparison can train at its own learning rate: the plain RNN often needs a smaller one."))
}

// GapRun is one model's recall on the memory-gap task: its cell and its
// score at each gap it was measured at, sorted by gap.
type GapRun struct {
	Cell   lstm.Cell
	Scores []lesson.GapScore
}

// Gap draws recall (0 … 100 %) against the gap, a line per model through
// the gaps it was measured at, and a mark at the gap now trained (n).
func (a *Painter) Gap(v *View, runs []GapRun, n int) {
	cv := v.Gap.Chart
	w, h := a.BeginChart(cv, v.Gap.Fig, 11)
	lf := a.Font(0.72, "600")
	left, bottom := math.Round(3.2*a.Rem), math.Round(2.4*a.Rem)
	r := chart.PlotRect(w, h, chart.Margins{Top: math.Round(1.5 * a.Rem), Right: 12, Bottom: bottom, Left: left})
	x := r.X0
	for _, rn := range runs {
		col, dash := raceStyle(rn.Cell)
		cv.Stroke([]byte("M"+fnum(x)+" 7.5L"+fnum(x+22)+" 7.5"), col, 2, dash)
		cv.Text(rn.Cell.String(), x+26, 7.5, lf, col, "left", "middle")
		x += 26 + cv.TextWidth(rn.Cell.String(), lf) + a.Rem
	}
	xs := chart.Linear{D0: 0, D1: GapMaxSlider, R0: r.X0, R1: r.X1}
	ys := chart.Linear{D0: 0, D1: 1, R0: r.Y1, R1: r.Y0}
	yt := ys.Ticks(4)
	for i := range yt {
		yt[i].Label = present.FormatPercent(yt[i].Value)
	}
	a.ChartAxes(cv, r, h, browser.Say("gap (dashes)"), browser.Say("recall"), yt, xs.Ticks(a.XTickCount(r)))
	mx := math.Round(xs.Map(float64(n))) + 0.5
	cv.Line(mx, r.Y0, mx, r.Y1, ColAxis, 1)
	for _, rn := range runs {
		col, dash := raceStyle(rn.Cell)
		pts := a.Bufs.Pts[:0]
		for _, s := range rn.Scores {
			if acc := s.Accuracy(); acc >= 0 {
				pts = append(pts, chart.Point{X: xs.Map(float64(s.Gap)), Y: ys.Map(acc)})
			}
		}
		a.Bufs.Pts = pts
		if len(pts) > 1 {
			a.Bufs.Path = chart.AppendPath(a.Bufs.Path[:0], pts)
			cv.Stroke(a.Bufs.Path, col, 2, dash)
		}
		for _, p := range pts {
			cv.Rect(p.X-3, p.Y-3, 6, 6, col)
		}
	}
}

func fnum(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
