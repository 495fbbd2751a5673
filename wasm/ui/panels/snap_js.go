//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"
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

// snapMarkup is the samples along training (output column); the Training
// snapshot slider is in modelMarkup.
const snapMarkup = `
<section class="snap-samples" aria-labelledby="h-snap" hidden>
  <h3 id="h-snap">Samples along training</h3>
  <p class="howto">How to read: the same short sample (same start, seed and temperature) drawn from the model at update 0, 100, 300, 1,000, …: watch it go from noise to the training text's patterns.</p>
  <ol class="snap-list" data-ref="list"></ol>
</section>`

// buildSnapSamples makes the samples along training (output column).
func (v *View) buildSnapSamples() dom.HTMLElement {
	t := v.B.Markup(snapMarkup)
	v.Snap.Samples, v.Snap.List = t.Root, t.El("list")
	return t.Root
}

// SnapItem is a row of Samples along training.
type SnapItem struct{ Li, Upd, Text dom.HTMLElement }
