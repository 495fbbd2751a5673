//go:build js && wasm

package panels

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// modelMarkup is the model column (buildModelColumn); heatMarkup one of
// its six heatmaps (buildHeatBlock), lineMarkup one of its line charts
// (lineFig).
const modelMarkup = `
<section class="col col-model" aria-labelledby="h-model">
  <div class="col-head">
    <h2 id="h-model">Inside the model</h2>
    <div class="field inline" hidden data-ref="layer-field"><label for="layer">Show</label><select id="layer" data-ref="layer"></select></div>
  </div>
  <div class="field" data-ref="probe-field">
    <label for="probe">Probe text</label>
    <textarea id="probe" class="probe" rows="2" spellcheck="false" autocomplete="off" autocapitalize="off" aria-describedby="probe-hint" data-ref="probe"></textarea>
    <p class="hint" id="probe-hint" data-ref="probe-note">The model reads this from a zero state; the heatmaps show every step (up to 60).</p>
    <p class="field-error" role="alert" data-field="Probe text" hidden></p>
  </div>
  <div class="snap-row" hidden data-ref="snap-row">
    <label for="snapshot">Training snapshot</label>
    <input type="range" id="snapshot" min="0" max="0" step="1" value="0" aria-describedby="snapshot-label" data-ref="snapshot">
    <output id="snapshot-label" for="snapshot" class="snap-label" data-ref="snapshot-label"></output>
  </div>
  <p class="trace-note" aria-live="polite" data-ref="trace-note"></p>
  <p class="howto" id="heat-how" data-ref="heat-how">How to read the heatmaps: one row per unit, one column per step of the probe (its characters are written above); the colour is the value after reading that step, on the scale right of each title. Point at a cell, or use the arrow keys, to move the time cursor.</p>
  <div class="inline-row c-scale">
    <label for="c-scale">Colour scale of c</label>
    <select id="c-scale" data-ref="c-scale"><option value="robust">one for all units: the 98th percentile of |c|</option><option value="unit">per unit: each unit's largest |c| is ±1</option></select>
  </div>
  <div class="stack-scroll" data-ref="stack-scroll">
    <div class="stack" tabindex="0" role="group" aria-label="Heatmaps over the probe text. Left and right arrow keys move the time cursor; up and down change the unit." data-ref="stack">
      <div class="empty" data-ref="empty">Press Train to start. The heatmaps will show the model reading the probe text, step by step.</div>
      <div class="probe-row" aria-hidden="true" data-ref="probe-row"></div>
      <canvas class="probe-line" aria-hidden="true" data-ref="probe-line"></canvas>
      <go-part data-ref="heats"></go-part>
      <div class="line-figs" data-ref="line-figs"></div>
    </div>
  </div>
  <p class="visually-hidden" aria-live="polite" data-ref="live-cursor"></p>
  <go-part data-ref="cell-fig"></go-part>
  <go-part data-ref="cmp-side"></go-part>
  <div class="field units-field" data-ref="units-field">
    <label for="units">Units</label>
    <div class="inline-row">
      <input id="units" type="text" autocomplete="off" spellcheck="false" placeholder="e.g. 1, 2, 3" aria-describedby="units-hint" data-ref="units">
      <button type="button" class="btn btn-small" data-ref="units-auto">Most varying</button>
    </div>
    <p class="hint" id="units-hint">Units drawn in the line charts, numbered from 1 (up to 6).</p>
    <p class="field-error" role="alert" data-field="Units" hidden></p>
  </div>
  <go-part data-ref="inside"></go-part>
</section>`

const heatMarkup = `
<figure class="heat-block" aria-labelledby="">
  <div class="heat-head">
    <h3 id="" data-ref="title"></h3>
    <span class="heat-note" id="" data-ref="note"></span>
    <span class="legend" role="group" aria-label="Colour scale">
      <span data-ref="lo"></span>
      <span class="legend-wrap"><canvas class="legend-bar" aria-hidden="true" width="64" height="1" data-ref="legend"></canvas><span data-ref="mid"></span></span>
      <span data-ref="hi"></span>
    </span>
    <button type="button" class="btn btn-tiny png-btn" aria-label="" title="Save this chart as a PNG image" data-ref="png">PNG</button>
  </div>
  <div class="heat-plot" data-ref="plot">
    <div class="heat-axis" aria-hidden="true"><span data-ref="axis-top">1</span><span class="axis-name">unit</span><span data-ref="axis-bottom"></span></div>
    <div class="heat-canvas">
      <canvas class="heat" role="img" aria-labelledby="" aria-describedby="" data-ref="canvas"></canvas>
      <div class="col-mark" aria-hidden="true" data-ref="col-mark"></div>
      <div class="unit-mark" aria-hidden="true" data-ref="unit-mark"></div>
    </div>
  </div>
</figure>`

const lineMarkup = `
<figure class="line-fig" aria-labelledby="">
  <div class="line-head">
    <h3 id="" data-ref="title"></h3>
    <button type="button" class="btn btn-tiny png-btn" aria-label="" title="Save this chart as a PNG image" data-ref="png">PNG</button>
  </div>
  <p class="howto line-how" id="" data-ref="how"></p>
  <div class="line-plot">
    <canvas role="img" aria-labelledby="" aria-describedby="" data-ref="canvas"></canvas>
    <div class="col-mark" aria-hidden="true" data-ref="mark"></div>
  </div>
</figure>`

// buildModelColumn builds the model column: the probe, the heatmaps and line
// charts, the units field, the unit view, and the comparison's and the
// snapshots' parts; it returns those of the output column too.
func (v *View) buildModelColumn() (modelCol, cmpRow, cmpRace, snapSamples dom.HTMLElement) {
	t := v.B.Markup(modelMarkup)
	v.AlertsOf(t)
	v.Probe = t.TextArea("probe")
	v.Units = t.Input("units")
	v.Controls[present.FieldProbe], v.Controls["Units"] = v.Probe, v.Units
	v.probeNote, v.GrpProbe, v.grpUnits = t.El("probe-note"), t.El("probe-field"), t.El("units-field")
	v.UnitsAuto = t.Button("units-auto")
	v.Layer = t.Select("layer")
	v.LayerField, v.TraceNote, v.heatHow = t.El("layer-field"), t.El("trace-note"), t.El("heat-how")
	v.CScaleSel = t.Select("c-scale")
	v.Empty, v.ProbeRow, v.LiveCursor = t.El("empty"), t.El("probe-row"), t.El("live-cursor")
	v.ProbeLineE = t.El("probe-line")
	v.ProbeLine = browser.NewDrawCanvas(v.ProbeLineE.(*dom.HTMLCanvasElement))
	v.Stack, v.StackWrap, v.LineFigs = t.El("stack"), t.El("stack-scroll"), t.El("line-figs")
	s := &v.Snap
	s.Row, s.Label = t.El("snap-row"), t.El("snapshot-label")
	s.Slider = t.Input("snapshot")

	heats := browser.Parent(t.El("heats"))
	for k := range HeatCount {
		v.Heat[k] = v.buildHeatBlock(k)
		heats.InsertBefore(v.Heat[k].Root, t.El("heats"))
	}
	t.Put("heats", nil)
	var unitsHFig dom.HTMLElement
	v.UnitsC, v.UnitsCFig, v.UnitsCT = v.lineFig("units-c-title", "c along the probe",
		"How to read: one line per chosen unit (numbers at the right), its cell state after each step; c is the memory, so it tends to drift rather than jump.")
	v.UnitsH, unitsHFig, v.UnitsHT = v.lineFig("units-h-title", "h along the probe",
		"How to read: the same units' hidden state, between −1 and 1; h is what the cell shows at each step, so it jumps.")
	v.Delta, v.deltaFig, v.DeltaT = v.lineFig("delta-title", "Mean change per step: |Δc| and |Δh|",
		"How to read: how much c and h change from one step to the next, averaged over the units; the claim to check is that c changes slowly and h a lot.")
	v.DeltaText = v.B.El("p", browser.Cls("delta-text"), browser.Attr("aria-live", "polite"))
	v.deltaFig.AppendChild(v.DeltaText)
	for _, f := range []dom.HTMLElement{v.UnitsCFig, unitsHFig, v.deltaFig} {
		v.LineFigs.AppendChild(f)
	}

	cmpRow, cmpRace, cmpSide := v.buildCompare()
	snapSamples = v.buildSnapSamples()
	t.Put("cell-fig", v.buildCellFig())
	t.Put("cmp-side", cmpSide)
	t.Put("inside", v.buildInside())
	v.modelCol = t.Root
	return v.modelCol, cmpRow, cmpRace, snapSamples
}

// buildHeatBlock builds heatmap k: its title, note, colour scale, axis and
// canvas, with the marks of the cursor.
func (v *View) buildHeatBlock(k HeatKind) *heatBlock {
	t := v.B.Markup(heatMarkup)
	titleID := "heat-" + strconv.Itoa(int(k))
	hb := &heatBlock{Root: t.Root, LegendLo: t.El("lo"), LegendMid: t.El("mid"), LegendHi: t.El("hi"), AxisTop: t.El("axis-top"),
		AxisBottom: t.El("axis-bottom"), UnitMark: t.El("unit-mark"), ColMark: t.El("col-mark"), Note: t.El("note"), plot: t.El("plot")}
	hb.CanvasEl = t.Canvas("canvas")
	hb.Canvas = browser.NewPixelCanvas(hb.CanvasEl)
	hb.Legend = browser.NewPixelCanvas(t.Canvas("legend"))
	t.Root.SetAttribute("aria-labelledby", titleID)
	t.El("title").SetAttribute("id", titleID)
	browser.SetText(t.El("title"), heatTitles[k])
	hb.Note.SetAttribute("id", titleID+"-note")
	browser.SetText(hb.Note, HeatNotes[k])
	hb.CanvasEl.SetAttribute("aria-labelledby", titleID)
	hb.CanvasEl.SetAttribute("aria-describedby", titleID+"-note heat-how")
	v.pngLabel(t.El("png"), heatTitles[k], hb.CanvasEl, true)
	return hb
}

// lineFig builds a line chart aligned with the heatmaps' steps: its title,
// its "How to read", its canvas and the cursor's mark.
func (v *View) lineFig(titleID, title, how string) (*browser.DrawCanvas, dom.HTMLElement, dom.HTMLElement) {
	t := v.B.Markup(lineMarkup)
	h, cv, note := t.El("title"), t.Canvas("canvas"), t.El("how")
	t.Root.SetAttribute("aria-labelledby", titleID)
	h.SetAttribute("id", titleID)
	browser.SetText(h, title)
	v.pngLabel(t.El("png"), title, cv, false)
	note.SetAttribute("id", titleID+"-how")
	browser.SetText(note, how)
	cv.SetAttribute("aria-labelledby", titleID)
	cv.SetAttribute("aria-describedby", titleID+"-how")
	v.LineMarks = append(v.LineMarks, t.El("mark"))
	return browser.NewDrawCanvas(cv), t.Root, h
}
