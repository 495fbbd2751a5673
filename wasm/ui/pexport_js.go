//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// pngTarget is a chart with a "save as PNG" button.
type pngTarget struct {
	btn    *dom.HTMLButtonElement
	canvas *dom.HTMLCanvasElement
	title  string
	pixels bool // a heatmap: one pixel per cell, scaled up without smoothing
}

// exportView holds the download buttons.
type exportView struct {
	trace   *dom.HTMLButtonElement
	losses  *dom.HTMLButtonElement
	pytorch *dom.HTMLButtonElement
	pngs    []*pngTarget
}

// pngButton makes a small button that saves the chart on canvas as a PNG.
func (v *view) pngButton(title string, canvas *dom.HTMLCanvasElement, pixels bool) dom.HTMLElement {
	btn := v.b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-tiny png-btn"),
		browser.Attr("aria-label", "Save "+title+" as PNG"), browser.Attr("title", "Save this chart as a PNG image"), "PNG").(*dom.HTMLButtonElement)
	v.exp.pngs = append(v.exp.pngs, &pngTarget{btn: btn, canvas: canvas, title: title, pixels: pixels})
	return btn
}

// buildExport makes the download buttons of the Keep and share group.
func (v *view) buildExport() dom.HTMLElement {
	b, e := v.b, &v.exp
	e.trace = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Download trace (CSV)").(*dom.HTMLButtonElement)
	e.losses = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Download loss history (CSV)").(*dom.HTMLButtonElement)
	e.pytorch = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Download weights (PyTorch JSON)").(*dom.HTMLButtonElement)
	return b.El("div", browser.Cls("downloads"),
		b.El("h3", "Downloads"),
		b.El("div", browser.Cls("file-row"), e.trace, e.losses, e.pytorch),
		b.El("p", browser.Cls("hint"), "The trace: every gate and state of every unit at every step of the probe, one row each. The weights: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 (gates i, f, g, o), as torch.nn.LSTM loads them. Every chart has a PNG button."),
		v.alert(present.FieldExport))
}
