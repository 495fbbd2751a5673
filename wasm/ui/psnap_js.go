//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// snapView holds the snapshot controls.
type snapView struct {
	row     dom.HTMLElement
	slider  *dom.HTMLInputElement
	label   dom.HTMLElement
	samples dom.HTMLElement // the Samples along training section
	list    dom.HTMLElement
	items   []snapItem
}

// buildSnap makes the Training snapshot slider (model column) and the
// samples along training (output column).
func (v *view) buildSnap() (row, samples dom.HTMLElement) {
	b, s := v.b, &v.snap
	s.slider = b.El("input", browser.Attr("type", "range"), browser.ID("snapshot"), browser.Attr("min", "0"), browser.Attr("max", "0"), browser.Attr("step", "1"),
		browser.Attr("value", "0"), browser.Attr("aria-describedby", "snapshot-label")).(*dom.HTMLInputElement)
	s.label = b.El("output", browser.ID("snapshot-label"), browser.Attr("for", "snapshot"), browser.Cls("snap-label"))
	s.row = b.El("div", browser.Cls("snap-row"),
		b.El("label", browser.Attr("for", "snapshot"), "Training snapshot"), s.slider, s.label)
	browser.SetHidden(s.row, true)
	s.list = b.El("ol", browser.Cls("snap-list"))
	s.samples = b.El("section", browser.Cls("snap-samples"), browser.Attr("aria-labelledby", "h-snap"),
		b.El("h3", browser.ID("h-snap"), "Samples along training"),
		b.El("p", browser.Cls("howto"), "How to read: the same short sample (same start, seed and temperature) drawn from the model at update 0, 100, 300, 1,000, …: watch it go from noise to the training text's patterns."),
		s.list)
	browser.SetHidden(s.samples, true)
	return s.row, s.samples
}

// snapItem is a row of Samples along training.
type snapItem struct{ li, upd, text dom.HTMLElement }
