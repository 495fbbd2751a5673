//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// compareView holds the comparison's elements.
type compareView struct {
	Toggle   *dom.HTMLButtonElement
	hint     dom.HTMLElement
	Row      dom.HTMLElement
	Race     *browser.DrawCanvas
	RaceFig  dom.HTMLElement
	RaceNote dom.HTMLElement
	Side     dom.HTMLElement // the other model over the probe
	SideT    dom.HTMLElement
	sideNote dom.HTMLElement
	SidePred dom.HTMLElement
	Heat     [2]*SideHeat // h, then c (LSTM only)
}

// SideHeat is one heatmap of the other model.
type SideHeat struct {
	Root     dom.HTMLElement
	Title    dom.HTMLElement
	Canvas   *browser.PixelCanvas
	CanvasEl *dom.HTMLCanvasElement
	ColMark  dom.HTMLElement
	AxisBot  dom.HTMLElement
}

// compareMarkup is the comparison's toggle and choice of learning rate, its
// race chart (output column), and the other model's heatmaps beside this
// one's (model column): three roots, so three constants; sideHeatMarkup is
// one of those heatmaps (buildCompare).
const compareMarkup = `
<div class="compare-row">
  <button type="button" class="btn btn-compare" aria-pressed="false" aria-describedby="compare-hint" data-ref="toggle">Compare LSTM and RNN</button>
  <p class="hint" id="compare-hint" data-ref="hint">Trains an LSTM and a plain RNN side by side: same data, seed and size, both from scratch. Clearest on the Counting aⁿXbⁿ, Balanced brackets and Memory gap a–a presets.</p>
  <div class="inline-row cmp-lr">
    <label for="cmp-lr">The other model's learning rate</label>
    <select id="cmp-lr" aria-describedby="cmp-lr-hint" data-ref="lr"><option value="">the same as this model's</option></select>
    <p class="hint" id="cmp-lr-hint">Each model of a comparison can train at its own learning rate: the plain RNN often needs a smaller one.</p>
  </div>
  <p class="field-error" role="alert" data-field="Compare" hidden></p>
</div>`

const raceMarkup = `
<figure class="race-fig" aria-labelledby="race-title" hidden>
  <button type="button" class="btn btn-tiny png-btn" aria-label="Save Loss race as PNG" title="Save this chart as a PNG image" data-ref="png">PNG</button>
  <h3 id="race-title">Loss race: LSTM and RNN</h3>
  <p class="howto">How to read: each model's smoothed loss against its own update count (blue solid LSTM, orange dashed RNN); the lower line has learnt more from the same number of updates.</p>
  <canvas role="img" aria-labelledby="race-title" aria-describedby="race-note" data-ref="chart"></canvas>
  <p class="hint" id="race-note" aria-live="off" data-ref="note"></p>
</figure>`

const sideMarkup = `
<section class="side" aria-labelledby="side-title" hidden>
  <h3 id="side-title" data-ref="title">The other model on the same probe</h3>
  <p class="hint" data-ref="note">Same probe, same time cursor: move the cursor in either model's heatmaps.</p>
  <p class="side-pred" aria-live="polite" data-ref="pred"></p>
  <div class="side-scroll" data-ref="heats"></div>
</section>`

const sideHeatMarkup = `
<figure class="heat-block" aria-labelledby="">
  <div class="heat-head"><h3 id="" data-ref="title"></h3></div>
  <div class="heat-plot">
    <div class="heat-axis" aria-hidden="true"><span>1</span><span class="axis-name">unit</span><span data-ref="axis-bottom"></span></div>
    <div class="heat-canvas">
      <canvas class="heat" role="img" aria-labelledby="" aria-describedby="heat-how" data-ref="canvas"></canvas>
      <div class="col-mark" aria-hidden="true" data-ref="col-mark"></div>
    </div>
  </div>
</figure>`

// buildCompare makes the comparison's controls and charts: the toggle and
// the race chart go to the output column, the other model's heatmaps to the
// model column.
func (v *View) buildCompare() (row, race, side dom.HTMLElement) {
	b, c := v.B, &v.Cmp
	t := b.Markup(compareMarkup)
	v.AlertsOf(t)
	c.Row, c.hint = t.Root, t.El("hint")
	c.Toggle = t.Button("toggle")
	v.fillOwnLR(t.El("lr"))

	r := b.Markup(raceMarkup)
	cv := r.Canvas("chart")
	c.RaceFig, c.Race, c.RaceNote = r.Root, browser.NewDrawCanvas(cv), r.El("note")
	v.png(r.El("png"), "Loss race", cv, false)

	s := b.Markup(sideMarkup)
	c.Side, c.SideT, c.sideNote, c.SidePred = s.Root, s.El("title"), s.El("note"), s.El("pred")
	for i, name := range []string{"h", "c"} {
		h := b.Markup(sideHeatMarkup)
		tid := "side-heat-" + name
		sh := &SideHeat{Root: h.Root, Title: h.El("title"), AxisBot: h.El("axis-bottom"), ColMark: h.El("col-mark")}
		sh.CanvasEl = h.Canvas("canvas")
		sh.Canvas = browser.NewPixelCanvas(sh.CanvasEl)
		for _, e := range []dom.HTMLElement{sh.Root, sh.CanvasEl} {
			e.SetAttribute("aria-labelledby", tid)
		}
		sh.Title.SetAttribute("id", tid)
		c.Heat[i] = sh
		s.El("heats").AppendChild(sh.Root)
	}
	return c.Row, c.RaceFig, c.Side
}

// CompareGroups returns what a teacher link's hide=compare hides.
func (v *View) CompareGroups() []dom.HTMLElement {
	return []dom.HTMLElement{v.Cmp.Row, v.Cmp.RaceFig, v.Cmp.Side}
}
