//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
)

// HeatKind names the six heatmaps, in the order they are stacked.
type HeatKind int

const (
	HeatC HeatKind = iota
	HeatH
	HeatZf
	HeatZi
	HeatZ
	HeatZo
	HeatCount
)

// heatTitles are the heatmaps' visible titles, exactly as DESIGN.md names them.
var heatTitles = [HeatCount]string{"Cell state c", "Hidden state h", "Forget gate zᶠ", "Input gate zⁱ", "Candidate z", "Output gate zᵒ"}

// HeatNotes say in a few words what each heatmap shows.
var HeatNotes = [HeatCount]string{
	"the memory; changes slowly",
	"the output of each step",
	"1 keeps the old c, 0 forgets it",
	"how much of z is written",
	"the new content, −1 … 1",
	"how much of tanh c is shown",
}

// heatBlock is one heatmap with its title, legend and axis.
type heatBlock struct {
	Root        dom.HTMLElement
	Canvas      *browser.PixelCanvas
	CanvasEl    *dom.HTMLCanvasElement
	Legend      *browser.PixelCanvas
	LegendLo    dom.HTMLElement
	LegendMid   dom.HTMLElement
	LegendHi    dom.HTMLElement
	AxisTop     dom.HTMLElement
	AxisBottom  dom.HTMLElement
	UnitMark    dom.HTMLElement
	ColMark     dom.HTMLElement
	Note        dom.HTMLElement
	plot        dom.HTMLElement
	Limit       float64 // the colour scale's end shown in the legend
	LegendDrawn bool
	scale       CScale // the scale of c the legend was drawn for
}

// Field is a labelled control with its hint and alert.
type Field struct {
	Root  dom.HTMLElement
	alert dom.HTMLElement
}

// View holds the page's elements.
type View struct {
	B browser.Build

	App   dom.HTMLElement
	Boot  dom.HTMLElement
	Fatal dom.HTMLElement

	// top bar
	Train      *dom.HTMLButtonElement
	TrainIcon  dom.HTMLElement
	TrainLabel dom.HTMLElement
	Step       *dom.HTMLButtonElement
	Reset      *dom.HTMLButtonElement
	StatUpdate dom.HTMLElement
	StatLoss   dom.HTMLElement
	StatRate   dom.HTMLElement
	Cell       *dom.HTMLSelectElement
	Hidden     *dom.HTMLInputElement
	LR         *dom.HTMLInputElement
	LargeText  *dom.HTMLButtonElement
	Lang       *dom.HTMLSelectElement // the language switch
	Notice     dom.HTMLElement

	// data column
	Preset      *dom.HTMLSelectElement
	PresetAbout dom.HTMLElement
	Text        *dom.HTMLTextAreaElement
	DataInfo    dom.HTMLElement
	DataLimits  dom.HTMLElement
	ModeText    *dom.HTMLInputElement
	ModeNumbers *dom.HTMLInputElement
	SeqLen      *dom.HTMLInputElement
	Optimizer   *dom.HTMLSelectElement
	Clip        *dom.HTMLInputElement
	Seed        *dom.HTMLInputElement
	Layers      *dom.HTMLSelectElement
	ForgetBias  *dom.HTMLInputElement
	Save        *dom.HTMLButtonElement
	Load        *dom.HTMLInputElement
	Vocab       dom.HTMLElement

	// model column
	Probe      *dom.HTMLTextAreaElement
	probeNote  dom.HTMLElement
	LayerField dom.HTMLElement
	Layer      *dom.HTMLSelectElement
	TraceNote  dom.HTMLElement
	heatHow    dom.HTMLElement // the heatmaps' "How to read", which describes each of them
	Stack      dom.HTMLElement
	Empty      dom.HTMLElement
	ProbeRow   dom.HTMLElement
	ProbeChars []dom.HTMLElement
	ProbeLine  *browser.DrawCanvas
	ProbeLineE dom.HTMLElement
	Heat       [HeatCount]*heatBlock
	LineMarks  []dom.HTMLElement // the time cursor over each line chart
	StackWrap  dom.HTMLElement
	LiveCursor dom.HTMLElement
	LiveTrain  dom.HTMLElement // says "Training started.", "Paused at update n, loss x." (State.Announce)
	UnitsC     *browser.DrawCanvas
	UnitsH     *browser.DrawCanvas
	UnitsCFig  dom.HTMLElement
	UnitsCT    dom.HTMLElement
	UnitsHT    dom.HTMLElement
	Delta      *browser.DrawCanvas
	DeltaText  dom.HTMLElement
	DeltaT     dom.HTMLElement
	Units      *dom.HTMLInputElement
	UnitsAuto  *dom.HTMLButtonElement
	LineFigs   dom.HTMLElement

	// output column
	Loss        *browser.DrawCanvas
	LossFig     dom.HTMLElement
	Reach       *browser.DrawCanvas
	ReachFig    dom.HTMLElement
	ReachNote   dom.HTMLElement
	LossNote    dom.HTMLElement
	Prime       *dom.HTMLInputElement
	Length      *dom.HTMLInputElement
	Temperature *dom.HTMLInputElement
	TempField   dom.HTMLElement
	Generate    *dom.HTMLButtonElement
	SampleText  dom.HTMLElement
	SamplePrime dom.HTMLElement
	SampleGen   dom.HTMLElement
	SampleChart *browser.DrawCanvas
	SampleFig   dom.HTMLElement
	SampleNote  dom.HTMLElement
	InspHead    dom.HTMLElement
	InspPred    dom.HTMLElement
	InspValues  dom.HTMLElement
	InspEqC     dom.HTMLElement
	InspEqH     dom.HTMLElement
	Bars        *browser.DrawCanvas
	BarsFig     dom.HTMLElement
	BarsNote    dom.HTMLElement

	// groups a teacher link can hide, and the page's parts
	top, columns, Footer          dom.HTMLElement
	DataCol, modelCol, outCol     dom.HTMLElement
	GrpRun, GrpArch               dom.HTMLElement
	GrpData, GrpSettings          dom.HTMLElement
	GrpExport, GrpProbe, grpUnits dom.HTMLElement
	GrpInspector, GrpGenerate     dom.HTMLElement
	deltaFig                      dom.HTMLElement

	Keep keepView
	Cmp  compareView
	In   insideView
	Snap snapView
	Exp  exportView
	Tour tourView
	Fig  cellView
	Less lessonView
	Gap  gapView

	CScaleSel *dom.HTMLSelectElement // the colour scale of c (scale_js.go)

	Alerts   map[string]dom.HTMLElement // by field name
	Controls map[string]dom.HTMLElement // the control of each field, for aria-invalid
}

func (v *View) Alert(field string) dom.HTMLElement {
	a := v.B.El("p", browser.Cls("field-error"), browser.Attr("role", "alert"), browser.Attr("data-field", field))
	browser.SetHidden(a, true)
	v.Alerts[field] = a
	return a
}

// alertsOf registers the alerts of a tree built from markup: each
// <p class="field-error" role="alert" data-field="…" hidden>, as Alert makes
// them.
func (v *View) alertsOf(t *browser.Tree) {
	for _, a := range t.All("[data-field]") {
		v.Alerts[a.GetAttribute("data-field")] = a
	}
}

// input makes a labelled input with a hint line and an alert.
func (v *View) input(idv, label, typ string, hint string, attrs ...browser.Attribute) (*dom.HTMLInputElement, Field) {
	b := v.B
	parts := []any{browser.ID(idv), browser.Attr("type", typ), browser.Attr("autocomplete", "off")}
	for _, a := range attrs {
		parts = append(parts, a) // through El: a placeholder or title is in the page's language
	}
	in := b.El("input", parts...).(*dom.HTMLInputElement)
	f := Field{alert: v.Alert(label)}
	v.Controls[label] = in
	var hintEl dom.HTMLElement
	if hint != "" {
		hintEl = b.El("p", browser.Cls("hint"), browser.ID(idv+"-hint"), hint)
		in.SetAttribute("aria-describedby", idv+"-hint")
	}
	f.Root = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", idv), label), in, hintEl, f.alert)
	return in, f
}

// SelectField makes a labelled select.
func (v *View) SelectField(idv, label, hint string, options [][2]string) (*dom.HTMLSelectElement, Field) {
	b := v.B
	sel := b.El("select", browser.ID(idv)).(*dom.HTMLSelectElement)
	for _, o := range options {
		sel.AppendChild(b.El("option", browser.Attr("value", o[0]), o[1]))
	}
	f := Field{alert: v.Alert(label)}
	v.Controls[label] = sel
	var hintEl dom.HTMLElement
	if hint != "" {
		hintEl = b.El("p", browser.Cls("hint"), browser.ID(idv+"-hint"), hint)
		sel.SetAttribute("aria-describedby", idv+"-hint")
	}
	f.Root = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", idv), label), sel, hintEl, f.alert)
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

// New builds the page inside #app. Nothing in it comes from the person
// except through textContent and input values.
func New(doc dom.Document, ch Choices) *View {
	v := &View{B: browser.Build{Doc: doc}, Alerts: map[string]dom.HTMLElement{}, Controls: map[string]dom.HTMLElement{}}
	b := v.B
	v.App = browser.ByID("app")
	if boot := browser.ByID("boot"); boot != nil {
		v.Boot = boot
	}
	browser.Clear(v.App)

	top, barAlerts := v.buildTopBar(ch.HiddenSizes, ch.LearningRates)
	dataCol := v.buildDataColumn(ch.Presets)
	modelCol, cmpRow, cmpRace, snapSamples := v.buildModelColumn()
	outCol := v.buildOutputColumn(cmpRow, cmpRace, snapSamples, ch.MaxGenerate)

	v.Fatal = b.El("p", browser.Cls("fatal"), browser.Attr("role", "alert"))
	browser.SetHidden(v.Fatal, true)
	v.App.AppendChild(top)
	v.App.AppendChild(barAlerts)
	v.App.AppendChild(v.buildLesson())
	v.App.AppendChild(v.Fatal)
	v.columns = b.El("main", browser.Cls("columns"), dataCol, modelCol, outCol)
	v.App.AppendChild(v.columns)
	v.Footer = b.El("footer", browser.Cls("footer"),
		b.El("p", "Everything runs in your browser: the Go core, compiled to WebAssembly, trains in a Web Worker. ",
			"Keys: Space trains or pauses when no field has focus; arrow keys move the time cursor when the heatmaps have focus."))
	v.App.AppendChild(v.Footer)
	return v
}
