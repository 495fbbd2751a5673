//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
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

// buildCompare makes the comparison's controls and charts: the toggle and
// the race chart go to the output column, the other model's heatmaps to the
// model column.
func (v *View) buildCompare() (row, race, side dom.HTMLElement) {
	b, c := v.B, &v.Cmp
	c.Toggle = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-compare"), browser.Attr("aria-pressed", "false"),
		browser.Attr("aria-describedby", "compare-hint"), "Compare LSTM and RNN").(*dom.HTMLButtonElement)
	c.hint = b.El("p", browser.Cls("hint"), browser.ID("compare-hint"),
		"Trains an LSTM and a plain RNN side by side: same data, seed and size, both from scratch. Clearest on the Counting aⁿXbⁿ, Balanced brackets and Memory gap a–a presets.")
	c.Row = b.El("div", browser.Cls("compare-row"), c.Toggle, c.hint, v.buildOwnLR(), v.Alert(present.FieldCompare))

	cv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "race-title"), browser.Attr("aria-describedby", "race-note")).(*dom.HTMLCanvasElement)
	c.Race = browser.NewDrawCanvas(cv)
	c.RaceNote = b.El("p", browser.Cls("hint"), browser.ID("race-note"), browser.Attr("aria-live", "off"))
	c.RaceFig = b.El("figure", browser.Cls("race-fig"), browser.Attr("aria-labelledby", "race-title"),
		v.pngButton("Loss race", cv, false), b.El("h3", browser.ID("race-title"), "Loss race: LSTM and RNN"),
		b.El("p", browser.Cls("howto"), "How to read: each model's smoothed loss against its own update count (blue solid LSTM, orange dashed RNN); the lower line has learnt more from the same number of updates."),
		cv, c.RaceNote)
	browser.SetHidden(c.RaceFig, true)

	c.SideT = b.El("h3", browser.ID("side-title"), "The other model on the same probe")
	c.sideNote = b.El("p", browser.Cls("hint"), "Same probe, same time cursor: move the cursor in either model's heatmaps.")
	c.SidePred = b.El("p", browser.Cls("side-pred"), browser.Attr("aria-live", "polite"))
	heats := make([]dom.HTMLElement, 0, 2)
	for i, name := range []string{"h", "c"} {
		sh := &SideHeat{}
		tid := "side-heat-" + name
		sh.CanvasEl = b.El("canvas", browser.Cls("heat"), browser.Attr("role", "img"), browser.Attr("aria-labelledby", tid), browser.Attr("aria-describedby", "heat-how")).(*dom.HTMLCanvasElement)
		sh.Canvas = browser.NewPixelCanvas(sh.CanvasEl)
		sh.ColMark = b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
		sh.Title = b.El("h3", browser.ID(tid))
		sh.AxisBot = b.El("span")
		sh.Root = b.El("figure", browser.Cls("heat-block"), browser.Attr("aria-labelledby", tid),
			b.El("div", browser.Cls("heat-head"), sh.Title),
			b.El("div", browser.Cls("heat-plot"),
				b.El("div", browser.Cls("heat-axis"), browser.Attr("aria-hidden", "true"), b.El("span", "1"), b.El("span", browser.Cls("axis-name"), "unit"), sh.AxisBot),
				b.El("div", browser.Cls("heat-canvas"), sh.CanvasEl, sh.ColMark)))
		c.Heat[i] = sh
		heats = append(heats, sh.Root)
	}
	c.Side = b.El("section", browser.Cls("side"), browser.Attr("aria-labelledby", "side-title"), c.SideT, c.sideNote, c.SidePred,
		b.El("div", browser.Cls("side-scroll"), heats))
	browser.SetHidden(c.Side, true)
	return c.Row, c.RaceFig, c.Side
}

// CompareGroups returns what a teacher link's hide=compare hides.
func (v *View) CompareGroups() []dom.HTMLElement {
	return []dom.HTMLElement{v.Cmp.Row, v.Cmp.RaceFig, v.Cmp.Side}
}
