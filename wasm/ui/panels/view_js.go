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

// AlertsOf registers the alerts of a tree built from markup: each
// <p class="field-error" role="alert" data-field="…" hidden>, as Alert makes
// them.
func (v *View) AlertsOf(t *browser.Tree) {
	for _, a := range t.All("[data-field]") {
		v.Alerts[a.GetAttribute("data-field")] = a
	}
}

// Choices are what the page's controls offer: the presets, the suggested
// hidden sizes and learning rates, and the longest Generate.
type Choices struct {
	Presets       []content.Preset
	HiddenSizes   []int
	LearningRates []float64
	MaxGenerate   int
}

// pageMarkup is the page inside #app, with the panels' places (New); its
// <div> is not kept (Tree.MoveChildren).
const pageMarkup = `
<div>
  <go-part data-ref="top"></go-part>
  <go-part data-ref="bar-alerts"></go-part>
  <go-part data-ref="lesson"></go-part>
  <p class="fatal" role="alert" hidden data-ref="fatal"></p>
  <main class="columns" data-ref="columns">
    <go-part data-ref="data"></go-part>
    <go-part data-ref="model"></go-part>
    <go-part data-ref="out"></go-part>
  </main>
  <footer class="footer" data-ref="footer">
    <p>Everything runs in your browser: the Go core, compiled to WebAssembly, trains in a Web Worker. <!--
    -->Keys: Space trains or pauses when no field has focus; arrow keys move the time cursor when the heatmaps have focus.</p>
  </footer>
</div>`

// New builds the page inside #app. Nothing in it comes from the person
// except through textContent and input values.
func New(doc dom.Document, ch Choices) *View {
	v := &View{B: browser.Build{Doc: doc}, Alerts: map[string]dom.HTMLElement{}, Controls: map[string]dom.HTMLElement{}}
	v.App = browser.ByID("app")
	if boot := browser.ByID("boot"); boot != nil {
		v.Boot = boot
	}
	browser.Clear(v.App)

	t := v.B.Markup(pageMarkup)
	v.Fatal, v.columns, v.Footer = t.El("fatal"), t.El("columns"), t.El("footer")
	top, barAlerts := v.buildTopBar(ch.HiddenSizes, ch.LearningRates)
	t.Put("top", top)
	t.Put("bar-alerts", barAlerts)
	t.Put("data", v.buildDataColumn(ch.Presets))
	modelCol, cmpRow, cmpRace, snapSamples := v.buildModelColumn()
	t.Put("model", modelCol)
	t.Put("out", v.buildOutputColumn(cmpRow, cmpRace, snapSamples, ch.MaxGenerate))
	t.Put("lesson", v.buildLesson())
	t.MoveChildren(v.App)
	return v
}
