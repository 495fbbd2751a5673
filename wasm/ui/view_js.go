//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
)

// heatKind names the six heatmaps, in the order they are stacked.
type heatKind int

const (
	heatC heatKind = iota
	heatH
	heatZf
	heatZi
	heatZ
	heatZo
	heatCount
)

// heatTitles are the heatmaps' visible titles, exactly as DESIGN.md names them.
var heatTitles = [heatCount]string{"Cell state c", "Hidden state h", "Forget gate zf", "Input gate zi", "Candidate z", "Output gate zo"}

// heatNotes say in a few words what each heatmap shows.
var heatNotes = [heatCount]string{
	"the memory; changes slowly",
	"the output of each step",
	"1 keeps the old c, 0 forgets it",
	"how much of z is written",
	"the new content, −1 … 1",
	"how much of tanh c is shown",
}

// heatBlock is one heatmap with its title, legend and axis.
type heatBlock struct {
	root        dom.HTMLElement
	canvas      *browser.PixelCanvas
	canvasEl    *dom.HTMLCanvasElement
	legend      *browser.PixelCanvas
	legendLo    dom.HTMLElement
	legendMid   dom.HTMLElement
	legendHi    dom.HTMLElement
	axisTop     dom.HTMLElement
	axisBottom  dom.HTMLElement
	unitMark    dom.HTMLElement
	colMark     dom.HTMLElement
	note        dom.HTMLElement
	plot        dom.HTMLElement
	limit       float64 // the colour scale's end shown in the legend
	legendDrawn bool
}

// field is a labelled control with its hint and alert.
type field struct {
	root  dom.HTMLElement
	alert dom.HTMLElement
}

// view holds the page's elements.
type view struct {
	b browser.Build

	app   dom.HTMLElement
	boot  dom.HTMLElement
	fatal dom.HTMLElement

	// top bar
	train      *dom.HTMLButtonElement
	trainIcon  dom.HTMLElement
	trainLabel dom.HTMLElement
	step       *dom.HTMLButtonElement
	reset      *dom.HTMLButtonElement
	statUpdate dom.HTMLElement
	statLoss   dom.HTMLElement
	statRate   dom.HTMLElement
	cell       *dom.HTMLSelectElement
	hidden     *dom.HTMLInputElement
	lr         *dom.HTMLInputElement
	largeText  *dom.HTMLButtonElement
	notice     dom.HTMLElement

	// data column
	preset      *dom.HTMLSelectElement
	presetAbout dom.HTMLElement
	text        *dom.HTMLTextAreaElement
	dataInfo    dom.HTMLElement
	dataLimits  dom.HTMLElement
	modeText    *dom.HTMLInputElement
	modeNumbers *dom.HTMLInputElement
	seqLen      *dom.HTMLInputElement
	optimizer   *dom.HTMLSelectElement
	clip        *dom.HTMLInputElement
	seed        *dom.HTMLInputElement
	layers      *dom.HTMLSelectElement
	forgetBias  *dom.HTMLInputElement
	save        *dom.HTMLButtonElement
	load        *dom.HTMLInputElement
	vocab       dom.HTMLElement

	// model column
	probe      *dom.HTMLTextAreaElement
	probeNote  dom.HTMLElement
	layerField dom.HTMLElement
	layer      *dom.HTMLSelectElement
	traceNote  dom.HTMLElement
	heatHow    dom.HTMLElement // the heatmaps' "How to read", which describes each of them
	stack      dom.HTMLElement
	empty      dom.HTMLElement
	probeRow   dom.HTMLElement
	probeChars []dom.HTMLElement
	probeLine  *browser.DrawCanvas
	probeLineE dom.HTMLElement
	heat       [heatCount]*heatBlock
	lineMarks  []dom.HTMLElement // the time cursor over each line chart
	stackWrap  dom.HTMLElement
	liveCursor dom.HTMLElement
	liveTrain  dom.HTMLElement // says "Training started.", "Paused at update n, loss x." (State.Announce)
	unitsC     *browser.DrawCanvas
	unitsH     *browser.DrawCanvas
	unitsCFig  dom.HTMLElement
	unitsCT    dom.HTMLElement
	unitsHT    dom.HTMLElement
	delta      *browser.DrawCanvas
	deltaText  dom.HTMLElement
	deltaT     dom.HTMLElement
	units      *dom.HTMLInputElement
	unitsAuto  *dom.HTMLButtonElement
	lineFigs   dom.HTMLElement

	// output column
	loss        *browser.DrawCanvas
	lossFig     dom.HTMLElement
	reach       *browser.DrawCanvas
	reachFig    dom.HTMLElement
	reachNote   dom.HTMLElement
	lossNote    dom.HTMLElement
	prime       *dom.HTMLInputElement
	length      *dom.HTMLInputElement
	temperature *dom.HTMLInputElement
	tempField   dom.HTMLElement
	generate    *dom.HTMLButtonElement
	sampleText  dom.HTMLElement
	samplePrime dom.HTMLElement
	sampleGen   dom.HTMLElement
	sampleChart *browser.DrawCanvas
	sampleFig   dom.HTMLElement
	sampleNote  dom.HTMLElement
	inspHead    dom.HTMLElement
	inspPred    dom.HTMLElement
	inspValues  dom.HTMLElement
	inspEqC     dom.HTMLElement
	inspEqH     dom.HTMLElement
	bars        *browser.DrawCanvas
	barsFig     dom.HTMLElement
	barsNote    dom.HTMLElement

	// groups a teacher link can hide, and the page's parts
	top, columns, footer          dom.HTMLElement
	dataCol, modelCol, outCol     dom.HTMLElement
	grpRun, grpArch               dom.HTMLElement
	grpData, grpSettings          dom.HTMLElement
	grpExport, grpProbe, grpUnits dom.HTMLElement
	grpInspector, grpGenerate     dom.HTMLElement
	deltaFig                      dom.HTMLElement

	keep keepView
	cmp  compareView
	in   insideView
	snap snapView
	exp  exportView
	tour tourView

	alerts   map[string]dom.HTMLElement // by field name
	controls map[string]dom.HTMLElement // the control of each field, for aria-invalid
}

func (v *view) alert(field string) dom.HTMLElement {
	a := v.b.El("p", browser.Cls("field-error"), browser.Attr("role", "alert"), browser.Attr("data-field", field))
	browser.SetHidden(a, true)
	v.alerts[field] = a
	return a
}

// input makes a labelled input with a hint line and an alert.
func (v *view) input(idv, label, typ string, hint string, attrs ...browser.Attribute) (*dom.HTMLInputElement, field) {
	b := v.b
	in := b.El("input", browser.ID(idv), browser.Attr("type", typ), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	for _, a := range attrs {
		in.SetAttribute(a.Name, a.Value)
	}
	f := field{alert: v.alert(label)}
	v.controls[label] = in
	var hintEl dom.HTMLElement
	if hint != "" {
		hintEl = b.El("p", browser.Cls("hint"), browser.ID(idv+"-hint"), hint)
		in.SetAttribute("aria-describedby", idv+"-hint")
	}
	f.root = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", idv), label), in, hintEl, f.alert)
	return in, f
}

// selectField makes a labelled select.
func (v *view) selectField(idv, label, hint string, options [][2]string) (*dom.HTMLSelectElement, field) {
	b := v.b
	sel := b.El("select", browser.ID(idv)).(*dom.HTMLSelectElement)
	for _, o := range options {
		sel.AppendChild(b.El("option", browser.Attr("value", o[0]), o[1]))
	}
	f := field{alert: v.alert(label)}
	v.controls[label] = sel
	var hintEl dom.HTMLElement
	if hint != "" {
		hintEl = b.El("p", browser.Cls("hint"), browser.ID(idv+"-hint"), hint)
		sel.SetAttribute("aria-describedby", idv+"-hint")
	}
	f.root = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", idv), label), sel, hintEl, f.alert)
	return sel, f
}

const (
	hintResets = "↺ Changing this resets the model."
	hintLive   = "Changes live, without a reset."
)

// Choices are what the page's controls offer: the presets, the suggested
// hidden sizes and learning rates, and the longest Generate.
type Choices struct {
	Presets       []content.Preset
	HiddenSizes   []int
	LearningRates []float64
	MaxGenerate   int
}

// newView builds the page inside #app. Nothing in it comes from the person
// except through textContent and input values.
func newView(doc dom.Document, ch Choices) *view {
	v := &view{b: browser.Build{Doc: doc}, alerts: map[string]dom.HTMLElement{}, controls: map[string]dom.HTMLElement{}}
	b := v.b
	v.app = doc.GetElementByID("app").(dom.HTMLElement)
	if boot, ok := doc.GetElementByID("boot").(dom.HTMLElement); ok {
		v.boot = boot
	}
	browser.Clear(v.app)

	top, barAlerts := v.buildTopBar(ch.HiddenSizes, ch.LearningRates)
	dataCol := v.buildDataColumn(ch.Presets)
	modelCol, cmpRow, cmpRace, snapSamples := v.buildModelColumn()
	outCol := v.buildOutputColumn(cmpRow, cmpRace, snapSamples, ch.MaxGenerate)

	v.fatal = b.El("p", browser.Cls("fatal"), browser.Attr("role", "alert"))
	browser.SetHidden(v.fatal, true)
	v.app.AppendChild(top)
	v.app.AppendChild(barAlerts)
	v.app.AppendChild(v.fatal)
	v.columns = b.El("main", browser.Cls("columns"), dataCol, modelCol, outCol)
	v.app.AppendChild(v.columns)
	v.footer = b.El("footer", browser.Cls("footer"),
		b.El("p", "Everything runs in your browser: the Go core, compiled to WebAssembly, trains in a Web Worker. ",
			"Keys: Space trains or pauses when no field has focus; arrow keys move the time cursor when the heatmaps have focus."))
	v.app.AppendChild(v.footer)
	return v
}
