//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// compareView holds the comparison's elements.
type compareView struct {
	toggle   *dom.HTMLButtonElement
	hint     dom.HTMLElement
	row      dom.HTMLElement
	race     *browser.DrawCanvas
	raceFig  dom.HTMLElement
	raceNote dom.HTMLElement
	side     dom.HTMLElement // the other model over the probe
	sideT    dom.HTMLElement
	sideNote dom.HTMLElement
	sidePred dom.HTMLElement
	heat     [2]*sideHeat // h, then c (LSTM only)
}

// sideHeat is one heatmap of the other model.
type sideHeat struct {
	root     dom.HTMLElement
	title    dom.HTMLElement
	canvas   *browser.PixelCanvas
	canvasEl *dom.HTMLCanvasElement
	colMark  dom.HTMLElement
	axisBot  dom.HTMLElement
}

// buildCompare makes the comparison's controls and charts: the toggle and
// the race chart go to the output column, the other model's heatmaps to the
// model column.
func (v *view) buildCompare() (row, race, side dom.HTMLElement) {
	b, c := v.b, &v.cmp
	c.toggle = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-compare"), browser.Attr("aria-pressed", "false"),
		browser.Attr("aria-describedby", "compare-hint"), "Compare LSTM and RNN").(*dom.HTMLButtonElement)
	c.hint = b.El("p", browser.Cls("hint"), browser.ID("compare-hint"),
		"Trains an LSTM and a plain RNN side by side: same data, seed and size, both from scratch. Clearest on the Counting aⁿXbⁿ and Balanced brackets presets.")
	c.row = b.El("div", browser.Cls("compare-row"), c.toggle, c.hint, v.alert(present.FieldCompare))

	cv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "race-title"), browser.Attr("aria-describedby", "race-note")).(*dom.HTMLCanvasElement)
	c.race = browser.NewDrawCanvas(cv)
	c.raceNote = b.El("p", browser.Cls("hint"), browser.ID("race-note"), browser.Attr("aria-live", "off"))
	c.raceFig = b.El("figure", browser.Cls("race-fig"), browser.Attr("aria-labelledby", "race-title"),
		v.pngButton("Loss race", cv, false), b.El("h3", browser.ID("race-title"), "Loss race: LSTM and RNN"),
		b.El("p", browser.Cls("howto"), "How to read: each model's smoothed loss against its own update count (blue solid LSTM, orange dashed RNN); the lower line has learnt more from the same number of updates."),
		cv, c.raceNote)
	browser.SetHidden(c.raceFig, true)

	c.sideT = b.El("h3", browser.ID("side-title"), "The other model on the same probe")
	c.sideNote = b.El("p", browser.Cls("hint"), "Same probe, same time cursor: move the cursor in either model's heatmaps.")
	c.sidePred = b.El("p", browser.Cls("side-pred"), browser.Attr("aria-live", "polite"))
	heats := make([]dom.HTMLElement, 0, 2)
	for i, name := range []string{"h", "c"} {
		sh := &sideHeat{}
		tid := "side-heat-" + name
		sh.canvasEl = b.El("canvas", browser.Cls("heat"), browser.Attr("role", "img"), browser.Attr("aria-labelledby", tid), browser.Attr("aria-describedby", "heat-how")).(*dom.HTMLCanvasElement)
		sh.canvas = browser.NewPixelCanvas(sh.canvasEl)
		sh.colMark = b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
		sh.title = b.El("h3", browser.ID(tid))
		sh.axisBot = b.El("span")
		sh.root = b.El("figure", browser.Cls("heat-block"), browser.Attr("aria-labelledby", tid),
			b.El("div", browser.Cls("heat-head"), sh.title),
			b.El("div", browser.Cls("heat-plot"),
				b.El("div", browser.Cls("heat-axis"), browser.Attr("aria-hidden", "true"), b.El("span", "1"), b.El("span", browser.Cls("axis-name"), "unit"), sh.axisBot),
				b.El("div", browser.Cls("heat-canvas"), sh.canvasEl, sh.colMark)))
		c.heat[i] = sh
		heats = append(heats, sh.root)
	}
	c.side = b.El("section", browser.Cls("side"), browser.Attr("aria-labelledby", "side-title"), c.sideT, c.sideNote, c.sidePred,
		b.El("div", browser.Cls("side-scroll"), heats))
	browser.SetHidden(c.side, true)
	return c.row, c.raceFig, c.side
}

// compareGroups returns what a teacher link's hide=compare hides.
func (v *view) compareGroups() []dom.HTMLElement {
	return []dom.HTMLElement{v.cmp.row, v.cmp.raceFig, v.cmp.side}
}
