//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// snapView holds the snapshot controls.
type snapView struct {
	Row     dom.HTMLElement
	Slider  *dom.HTMLInputElement
	Label   dom.HTMLElement
	Samples dom.HTMLElement // the Samples along training section
	List    dom.HTMLElement
	Items   []SnapItem
}

// buildSnap makes the Training snapshot slider (model column) and the
// samples along training (output column).
func (v *View) buildSnap() (row, samples dom.HTMLElement) {
	b, s := v.B, &v.Snap
	s.Slider = b.El("input", browser.Attr("type", "range"), browser.ID("snapshot"), browser.Attr("min", "0"), browser.Attr("max", "0"), browser.Attr("step", "1"),
		browser.Attr("value", "0"), browser.Attr("aria-describedby", "snapshot-label")).(*dom.HTMLInputElement)
	s.Label = b.El("output", browser.ID("snapshot-label"), browser.Attr("for", "snapshot"), browser.Cls("snap-label"))
	s.Row = b.El("div", browser.Cls("snap-row"),
		b.El("label", browser.Attr("for", "snapshot"), "Training snapshot"), s.Slider, s.Label)
	browser.SetHidden(s.Row, true)
	s.List = b.El("ol", browser.Cls("snap-list"))
	s.Samples = b.El("section", browser.Cls("snap-samples"), browser.Attr("aria-labelledby", "h-snap"),
		b.El("h3", browser.ID("h-snap"), "Samples along training"),
		b.El("p", browser.Cls("howto"), "How to read: the same short sample (same start, seed and temperature) drawn from the model at update 0, 100, 300, 1,000, …: watch it go from noise to the training text's patterns."),
		s.List)
	browser.SetHidden(s.Samples, true)
	return s.Row, s.Samples
}

// SnapItem is a row of Samples along training.
type SnapItem struct{ Li, Upd, Text dom.HTMLElement }
