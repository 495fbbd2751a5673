//go:build js && wasm

package ui

import (
	"bytes"
	"fmt"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/export"
	"lstmplayground/wasm/words"
)

// This file is Export: every chart as a PNG, the shown trace and the loss
// history as CSV, and the weights as JSON in PyTorch's layout (package
// export), each offered as a download (a blob URL, revoked after use).

// FieldExport names the alert of the downloads.
const FieldExport = "Downloads"

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
	btn := v.b.el("button", attr{"type", "button"}, cls("btn btn-tiny png-btn"),
		attr{"aria-label", "Save " + title + " as PNG"}, attr{"title", "Save this chart as a PNG image"}, "PNG").(*dom.HTMLButtonElement)
	v.exp.pngs = append(v.exp.pngs, &pngTarget{btn: btn, canvas: canvas, title: title, pixels: pixels})
	return btn
}

// buildExport makes the download buttons of the Keep and share group.
func (v *view) buildExport() dom.HTMLElement {
	b, e := v.b, &v.exp
	e.trace = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Download trace (CSV)").(*dom.HTMLButtonElement)
	e.losses = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Download loss history (CSV)").(*dom.HTMLButtonElement)
	e.pytorch = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Download weights (PyTorch JSON)").(*dom.HTMLButtonElement)
	return b.el("div", cls("downloads"),
		b.el("h3", "Downloads"),
		b.el("div", cls("file-row"), e.trace, e.losses, e.pytorch),
		b.el("p", cls("hint"), "The trace: every gate and state of every unit at every step of the probe, one row each. The weights: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 (gates i, f, g, o), as torch.nn.LSTM loads them. Every chart has a PNG button."),
		v.alert(FieldExport))
}

// fileStem is the start of every downloaded file's name.
const fileStem = "lstm-playground"

// slug turns a chart title into a file name part: "Cell state c" → "cell-state-c".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// savePNG downloads a chart.
func (a *app) savePNG(t *pngTarget) {
	a.invalidate(a.st.SetError(FieldExport, ""))
	w, h := t.canvas.Width(), t.canvas.Height()
	if w == 0 || h == 0 {
		a.invalidate(a.st.SetError(FieldExport, "The chart "+t.title+" is empty: train the model first."))
		return
	}
	sx, sy := 1.0, 1.0
	if t.pixels {
		// A heatmap is T×H pixels: scale each cell up to about 12 px.
		sx = float64(max(1, 720/w))
		sy = float64(max(1, 360/h))
	}
	name := fmt.Sprintf("%s-%s-update-%d.png", fileStem, slug(t.title), a.st.Update)
	label := fmt.Sprintf("%s · LSTM Playground · update %s", t.title, FormatCount(a.st.Update))
	if tr := a.st.Shown(); t.pixels && tr != nil {
		label = fmt.Sprintf("%s · %s, %d units × %d steps · update %s", t.title, tr.Cell, tr.H, tr.T, FormatCount(tr.Update))
	}
	if err := downloadCanvasPNG(t.canvas, name, label, sx, sy); err != nil {
		a.invalidate(a.st.SetError(FieldExport, "The chart could not be saved: "+err.Error()+"."))
	}
}

// saveTraceCSV downloads the shown trace.
func (a *app) saveTraceCSV() {
	a.invalidate(a.st.SetError(FieldExport, ""))
	tr := a.st.Shown()
	if tr == nil || tr.T == 0 {
		a.invalidate(a.st.SetError(FieldExport, "There is no trace yet: press Train or Step, and type a probe text."))
		return
	}
	var buf bytes.Buffer
	if err := export.TraceCSV(&buf, *tr); err != nil {
		a.invalidate(a.st.SetError(FieldExport, "The trace could not be written: "+err.Error()+"."))
		return
	}
	download(fmt.Sprintf("%s-trace-update-%d.csv", fileStem, tr.Update), "text/csv", buf.Bytes())
}

// saveLossCSV downloads the loss history.
func (a *app) saveLossCSV() {
	a.invalidate(a.st.SetError(FieldExport, ""))
	h := &a.st.Losses
	if h.Len() == 0 {
		a.invalidate(a.st.SetError(FieldExport, "There is no loss history yet: press Train."))
		return
	}
	var buf bytes.Buffer
	if err := h.WriteCSV(&buf); err != nil {
		a.invalidate(a.st.SetError(FieldExport, "The loss history could not be written: "+err.Error()+"."))
		return
	}
	download(fmt.Sprintf("%s-loss-update-%d.csv", fileStem, a.st.Update), "text/csv", buf.Bytes())
}

// savePyTorch asks the engine for the model; downloadPyTorch writes it.
func (a *app) savePyTorch() {
	a.invalidate(a.st.SetError(FieldExport, ""))
	if a.st.Status.Params == 0 {
		a.invalidate(a.st.SetError(FieldExport, "There is no model yet: type a training text or pick a preset."))
		return
	}
	a.st.Export(tagPyTorch)
}

// downloadPyTorch writes a model file as PyTorch JSON and offers it.
func (a *app) downloadPyTorch(file []byte) {
	var buf bytes.Buffer
	if err := export.PyTorchJSONFile(&buf, file); err != nil {
		a.invalidate(a.st.SetError(FieldExport, words.Export(words.English, err)))
		return
	}
	download(fmt.Sprintf("%s-weights-update-%d.json", fileStem, a.st.Update), "application/json", buf.Bytes())
}

// wireExport connects the download buttons.
func (a *app) wireExport() {
	e := &a.v.exp
	listen(e.trace, "click", func(dom.Event) { a.saveTraceCSV() })
	listen(e.losses, "click", func(dom.Event) { a.saveLossCSV() })
	listen(e.pytorch, "click", func(dom.Event) { a.savePyTorch() })
	for _, t := range e.pngs {
		listen(t.btn, "click", func(dom.Event) { a.savePNG(t) })
	}
}
