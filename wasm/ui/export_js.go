//go:build js && wasm

package ui

import (
	"bytes"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/export"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// This file is Export: every chart as a PNG, the shown trace and the loss
// history as CSV, and the weights as JSON in PyTorch's layout (package
// export), each offered as a download (a blob URL, revoked after use).

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
func (a *app) savePNG(t *panels.PNGTarget) {
	a.invalidate(a.st.SetError(present.FieldExport, ""))
	w, h := t.Canvas.Width(), t.Canvas.Height()
	if w == 0 || h == 0 {
		a.invalidate(a.st.SetErrorBy(present.FieldExport, func() string { return sayLang("ui.export.empty", say(t.Title)) }))
		return
	}
	sx, sy := 1.0, 1.0
	if t.Pixels {
		// A heatmap is T×H pixels: scale each cell up to about 12 px.
		sx = float64(max(1, 720/w))
		sy = float64(max(1, 360/h))
	}
	name := fileStem + "-" + slug(t.Title) + "-update-" + strconv.FormatUint(a.st.Update, 10) + ".png"
	label := t.Title + " · LSTM Playground · update " + present.FormatCount(a.st.Update)
	if tr := a.st.Shown(); t.Pixels && tr != nil {
		label = t.Title + " · " + tr.Cell.String() + ", " + strconv.Itoa(tr.H) + " units × " + strconv.Itoa(tr.T) + " steps · update " + present.FormatCount(tr.Update)
	}
	if err := browser.DownloadCanvasPNG(t.Canvas, name, label, sx, sy); err != nil {
		a.invalidate(a.st.SetErrorBy(present.FieldExport, func() string { return sayLang("ui.export.png", err.Error()) }))
	}
}

// saveTraceCSV downloads the shown trace.
func (a *app) saveTraceCSV() {
	a.invalidate(a.st.SetError(present.FieldExport, ""))
	tr := a.st.Shown()
	if tr == nil || tr.T == 0 {
		a.invalidate(a.st.SetError(present.FieldExport, "There is no trace yet: press Train or One update, and type a probe text."))
		return
	}
	var buf bytes.Buffer
	if err := export.TraceCSV(&buf, *tr); err != nil {
		a.invalidate(a.st.SetErrorBy(present.FieldExport, func() string { return sayLang("ui.export.trace", err.Error()) }))
		return
	}
	browser.Download(fileStem+"-trace-update-"+strconv.FormatUint(tr.Update, 10)+".csv", "text/csv", buf.Bytes())
}

// saveLossCSV downloads the loss history.
func (a *app) saveLossCSV() {
	a.invalidate(a.st.SetError(present.FieldExport, ""))
	h := &a.st.Losses
	if h.Len() == 0 {
		a.invalidate(a.st.SetError(present.FieldExport, "There is no loss history yet: press Train."))
		return
	}
	var buf bytes.Buffer
	if err := h.WriteCSV(&buf); err != nil {
		a.invalidate(a.st.SetErrorBy(present.FieldExport, func() string { return sayLang("ui.export.loss", err.Error()) }))
		return
	}
	browser.Download(fileStem+"-loss-update-"+strconv.FormatUint(a.st.Update, 10)+".csv", "text/csv", buf.Bytes())
}

// savePyTorch asks the engine for the model; downloadPyTorch writes it.
func (a *app) savePyTorch() {
	a.invalidate(a.st.SetError(present.FieldExport, ""))
	if a.st.Status.Params == 0 {
		a.invalidate(a.st.SetError(present.FieldExport, "There is no model yet: type a training text or pick a preset."))
		return
	}
	a.st.Export(tagPyTorch)
}

// downloadPyTorch writes a model file as PyTorch JSON and offers it.
func (a *app) downloadPyTorch(file []byte) {
	var buf bytes.Buffer
	if err := export.PyTorchJSONFile(&buf, file); err != nil {
		a.invalidate(a.st.SetError(present.FieldExport, words.Export(lang, err)))
		return
	}
	browser.Download(fileStem+"-weights-update-"+strconv.FormatUint(a.st.Update, 10)+".json", "application/json", buf.Bytes())
}

// wireExport connects the download buttons.
func (a *app) wireExport() {
	e := &a.v.Exp
	browser.Listen(e.Trace, "click", func(dom.Event) { a.saveTraceCSV() })
	browser.Listen(e.Losses, "click", func(dom.Event) { a.saveLossCSV() })
	browser.Listen(e.PyTorch, "click", func(dom.Event) { a.savePyTorch() })
	for _, t := range e.PNGs {
		browser.Listen(t.Btn, "click", func(dom.Event) { a.savePNG(t) })
	}
}
