//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// PNGTarget is a chart with a "save as PNG" button.
type PNGTarget struct {
	Btn    *dom.HTMLButtonElement
	Canvas *dom.HTMLCanvasElement
	Title  string
	Pixels bool // a heatmap: one pixel per cell, scaled up without smoothing
}

// exportView holds the download buttons.
type exportView struct {
	Trace   *dom.HTMLButtonElement
	Losses  *dom.HTMLButtonElement
	PyTorch *dom.HTMLButtonElement
	PNGs    []*PNGTarget
}

// png registers btn, a chart's PNG button written in markup (type button,
// class "btn btn-tiny png-btn", aria-label "Save <title> as PNG", title
// "Save this chart as a PNG image", text PNG), to save the canvas.
func (v *View) png(btn dom.HTMLElement, title string, canvas *dom.HTMLCanvasElement, pixels bool) {
	v.Exp.PNGs = append(v.Exp.PNGs, &PNGTarget{Btn: btn.(*dom.HTMLButtonElement), Canvas: canvas, Title: title, Pixels: pixels})
}

// exportMarkup is the download buttons of the Keep and share group.
const exportMarkup = `
<div class="downloads">
  <h3>Downloads</h3>
  <div class="file-row">
    <button type="button" class="btn btn-small" data-ref="trace">Download trace (CSV)</button>
    <button type="button" class="btn btn-small" data-ref="losses">Download loss history (CSV)</button>
    <button type="button" class="btn btn-small" data-ref="pytorch">Download weights (PyTorch JSON)</button>
  </div>
  <p class="hint">The trace: every gate and state of every unit at every step of the probe, one row each. The weights: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 (gates i, f, g, o), as torch.nn.LSTM loads them. Every chart has a PNG button.</p>
  <p class="field-error" role="alert" data-field="Downloads" hidden></p>
</div>`

// pngLabel names a PNG button written in markup with an empty aria-label
// (a markup built more than once) for its chart's title, and registers it
// (png).
func (v *View) pngLabel(btn dom.HTMLElement, title string, canvas *dom.HTMLCanvasElement, pixels bool) {
	browser.SetLabel(btn, "aria-label", "Save "+title+" as PNG")
	v.png(btn, title, canvas, pixels)
}

// buildExport makes the download buttons of the Keep and share group.
func (v *View) buildExport() dom.HTMLElement {
	t, e := v.B.Markup(exportMarkup), &v.Exp
	v.AlertsOf(t)
	e.Trace = t.Button("trace")
	e.Losses = t.Button("losses")
	e.PyTorch = t.Button("pytorch")
	return t.Root
}
