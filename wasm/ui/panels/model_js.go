//go:build js && wasm

package panels

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// buildModelColumn builds the model column: the probe, the heatmaps and line
// charts, the units field, the unit view, and the comparison's and the
// snapshots' parts; it returns those of the output column too.
func (v *View) buildModelColumn() (modelCol, cmpRow, cmpRace, snapSamples dom.HTMLElement) {
	b := v.B
	v.Probe = b.El("textarea", browser.ID("probe"), browser.Cls("probe"), browser.Attr("rows", "2"), browser.Attr("spellcheck", "false"), browser.Attr("autocomplete", "off"),
		browser.Attr("autocapitalize", "off"), browser.Attr("aria-describedby", "probe-hint")).(*dom.HTMLTextAreaElement)
	v.probeNote = b.El("p", browser.Cls("hint"), browser.ID("probe-hint"), "The model reads this from a zero state; the heatmaps show every step (up to 60).")
	probeF := Field{alert: v.Alert(present.FieldProbe)}
	v.Controls[present.FieldProbe] = v.Probe
	probeF.Root = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "probe"), present.FieldProbe), v.Probe, v.probeNote, probeF.alert)
	v.Layer = b.El("select", browser.ID("layer")).(*dom.HTMLSelectElement)
	v.LayerField = b.El("div", browser.Cls("field inline"), b.El("label", browser.Attr("for", "layer"), "Show"), v.Layer)
	browser.SetHidden(v.LayerField, true)
	v.TraceNote = b.El("p", browser.Cls("trace-note"), browser.Attr("aria-live", "polite"))
	v.heatHow = b.El("p", browser.Cls("howto"), browser.ID("heat-how"), "How to read the heatmaps: one row per unit, one column per step of the probe (its characters are written above); the colour is the value after reading that step, on the scale right of each title. Point at a cell, or use the arrow keys, to move the time cursor.")

	v.Empty = b.El("div", browser.Cls("empty"), "Press Train to start. The heatmaps will show the model reading the probe text, step by step.")
	v.ProbeRow = b.El("div", browser.Cls("probe-row"), browser.Attr("aria-hidden", "true"))
	probeLineEl := b.El("canvas", browser.Cls("probe-line"), browser.Attr("aria-hidden", "true")).(*dom.HTMLCanvasElement)
	v.ProbeLine = browser.NewDrawCanvas(probeLineEl)
	v.ProbeLineE = probeLineEl
	v.LiveCursor = b.El("p", browser.Cls("visually-hidden"), browser.Attr("aria-live", "polite"))

	heats := make([]dom.HTMLElement, 0, HeatCount)
	for k := range HeatCount {
		hb := v.buildHeatBlock(k)
		v.Heat[k] = hb
		heats = append(heats, hb.Root)
	}

	var unitsHFig dom.HTMLElement
	v.UnitsC, v.UnitsCFig, v.UnitsCT = v.lineFig("units-c-title", "c along the probe",
		"How to read: one line per chosen unit (numbers at the right), its cell state after each step; c is the memory, so it tends to drift rather than jump.")
	v.UnitsH, unitsHFig, v.UnitsHT = v.lineFig("units-h-title", "h along the probe",
		"How to read: the same units' hidden state, between −1 and 1; h is what the cell shows at each step, so it jumps.")
	v.Delta, v.deltaFig, v.DeltaT = v.lineFig("delta-title", "Mean change per step: |Δc| and |Δh|",
		"How to read: how much c and h change from one step to the next, averaged over the units; the claim to check is that c changes slowly and h a lot.")
	v.DeltaText = b.El("p", browser.Cls("delta-text"), browser.Attr("aria-live", "polite"))
	v.deltaFig.AppendChild(v.DeltaText)
	v.LineFigs = b.El("div", browser.Cls("line-figs"), v.UnitsCFig, unitsHFig, v.deltaFig)

	v.Stack = b.El("div", browser.Cls("stack"), browser.Attr("tabindex", "0"), browser.Attr("role", "group"),
		browser.Attr("aria-label", "Heatmaps over the probe text. Left and right arrow keys move the time cursor; up and down change the unit."),
		v.Empty, v.ProbeRow, probeLineEl, heats, v.LineFigs)
	v.StackWrap = b.El("div", browser.Cls("stack-scroll"), v.Stack)

	unitsF := v.buildUnitsField()

	cmpRow, cmpRace, cmpSide := v.buildCompare()
	snapRow, snapSamples := v.buildSnap()
	v.GrpProbe = probeF.Root
	v.grpUnits = unitsF.Root
	v.modelCol = b.El("section", browser.Cls("col col-model"), browser.Attr("aria-labelledby", "h-model"),
		b.El("div", browser.Cls("col-head"), b.El("h2", browser.ID("h-model"), "Inside the model"), v.LayerField),
		probeF.Root, snapRow, v.TraceNote, v.heatHow, v.buildCScale(), v.StackWrap, v.LiveCursor, v.buildCellFig(), cmpSide, unitsF.Root, v.buildInside())
	return v.modelCol, cmpRow, cmpRace, snapSamples
}

// buildHeatBlock builds heatmap k: its title, note, colour scale, axis and
// canvas, with the marks of the cursor.
func (v *View) buildHeatBlock(k HeatKind) *heatBlock {
	b := v.B
	hb := &heatBlock{}
	titleID := "heat-" + strconv.Itoa(int(k))
	cv := b.El("canvas", browser.Cls("heat"), browser.Attr("role", "img"), browser.Attr("aria-labelledby", titleID),
		browser.Attr("aria-describedby", titleID+"-note heat-how")).(*dom.HTMLCanvasElement)
	hb.CanvasEl = cv
	hb.Canvas = browser.NewPixelCanvas(cv)
	lg := b.El("canvas", browser.Cls("legend-bar"), browser.Attr("aria-hidden", "true"), browser.Attr("width", "64"), browser.Attr("height", "1")).(*dom.HTMLCanvasElement)
	hb.Legend = browser.NewPixelCanvas(lg)
	hb.LegendLo = b.El("span")
	hb.LegendMid = b.El("span")
	hb.LegendHi = b.El("span")
	hb.AxisTop = b.El("span", "1")
	hb.AxisBottom = b.El("span")
	hb.UnitMark = b.El("div", browser.Cls("unit-mark"), browser.Attr("aria-hidden", "true"))
	hb.ColMark = b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
	hb.Note = b.El("span", browser.Cls("heat-note"), browser.ID(titleID+"-note"), HeatNotes[k])
	hb.plot = b.El("div", browser.Cls("heat-plot"),
		b.El("div", browser.Cls("heat-axis"), browser.Attr("aria-hidden", "true"), hb.AxisTop, b.El("span", browser.Cls("axis-name"), "unit"), hb.AxisBottom),
		b.El("div", browser.Cls("heat-canvas"), cv, hb.ColMark, hb.UnitMark))
	hb.Root = b.El("figure", browser.Cls("heat-block"), browser.Attr("aria-labelledby", titleID),
		b.El("div", browser.Cls("heat-head"),
			b.El("h3", browser.ID(titleID), heatTitles[k]),
			hb.Note,
			b.El("span", browser.Cls("legend"), browser.Attr("role", "group"), browser.Attr("aria-label", "Colour scale"),
				hb.LegendLo, b.El("span", browser.Cls("legend-wrap"), lg, hb.LegendMid), hb.LegendHi),
			v.pngButton(heatTitles[k], cv, true)),
		hb.plot)
	return hb
}

// lineFig builds a line chart aligned with the heatmaps' steps: its title,
// its "How to read", its canvas and the cursor's mark.
func (v *View) lineFig(titleID, title, how string) (*browser.DrawCanvas, dom.HTMLElement, dom.HTMLElement) {
	b := v.B
	t := b.El("h3", browser.ID(titleID), title)
	cv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", titleID), browser.Attr("aria-describedby", titleID+"-how")).(*dom.HTMLCanvasElement)
	mark := b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
	v.LineMarks = append(v.LineMarks, mark)
	fig := b.El("figure", browser.Cls("line-fig"), browser.Attr("aria-labelledby", titleID), b.El("div", browser.Cls("line-head"), t, v.pngButton(title, cv, false)),
		b.El("p", browser.Cls("howto line-how"), browser.ID(titleID+"-how"), how),
		b.El("div", browser.Cls("line-plot"), cv, mark))
	return browser.NewDrawCanvas(cv), fig, t
}

// buildUnitsField builds the Units field of the line charts.
func (v *View) buildUnitsField() Field {
	b := v.B
	var unitsF Field
	v.Units, unitsF = v.input("units", "Units", "text", "", browser.Attr("spellcheck", "false"), browser.Attr("placeholder", "e.g. 1, 2, 3"))
	v.UnitsAuto = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Most varying").(*dom.HTMLButtonElement)
	unitsHint := b.El("p", browser.Cls("hint"), browser.ID("units-hint"), "Units drawn in the line charts, numbered from 1 (up to 6).")
	v.Units.SetAttribute("aria-describedby", "units-hint")
	unitsF.Root.InsertBefore(b.El("div", browser.Cls("inline-row"), v.Units, v.UnitsAuto), unitsF.alert)
	unitsF.Root.InsertBefore(unitsHint, unitsF.alert)
	unitsF.Root.Class().Add("units-field")
	return unitsF
}
