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

// gapMarkup is the memory-gap figure, hidden until the memory-gap text is
// trained (buildGap).
const gapMarkup = `
<figure class="gap-fig" aria-labelledby="gap-title" hidden>
  <button type="button" class="btn btn-tiny png-btn" aria-label="Save Memory gap as PNG" title="Save this chart as a PNG image" data-ref="png">PNG</button>
  <h3 id="gap-title">Memory gap: recall against the gap</h3>
  <p class="howto" data-ref="how">How to read: each point is how often a model named the first letter after the last dash, on fresh lines with that gap (its likeliest guess); blue solid LSTM, orange dashed RNN. Move the slider to train on another gap: each gap you try adds its point.</p>
  <div class="inline-row">
    <label for="gap-n">Gap (dashes)</label>
    <input id="gap-n" type="range" min="1" max="" step="1" value="" data-ref="slider">
    <output for="gap-n" data-ref="value"></output>
  </div>
  <canvas role="img" aria-labelledby="gap-title" aria-describedby="gap-note" data-ref="chart"></canvas>
  <p class="hint" id="gap-note" aria-live="off" data-ref="note"></p>
</figure>`

// buildGap makes the memory-gap figure.
func (v *View) buildGap() dom.HTMLElement {
	t, g := v.B.Markup(gapMarkup), &v.Gap
	g.Fig, g.How, g.Note, g.Value = t.Root, t.El("how"), t.El("note"), t.El("value")
	g.Slider = t.Input("slider")
	g.Slider.SetAttribute("max", strconv.Itoa(GapMaxSlider))
	g.Slider.SetAttribute("value", strconv.Itoa(lesson.DefaultGap))
	browser.SetText(g.Value, strconv.Itoa(lesson.DefaultGap))
	cv := t.Canvas("chart")
	g.Chart = browser.NewDrawCanvas(cv)
	v.png(t.El("png"), "Memory gap", cv, false)
	return g.Fig
}

// fillOwnLR fills the comparison's choice of the other model's learning
// rate (compareMarkup).
func (v *View) fillOwnLR(sel dom.HTMLElement) {
	v.Gap.LR = sel.(*dom.HTMLSelectElement)
	for _, lr := range OwnLRs {
		s := strconv.FormatFloat(lr, 'g', -1, 64)
		sel.AppendChild(v.B.El("option", browser.Attr("value", s), s))
	}
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
