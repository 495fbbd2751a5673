//go:build js && wasm

package ui

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/present"
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

// newView builds the page inside #app. Nothing in it comes from the person
// except through textContent and input values.
func newView(doc dom.Document, presets []content.Preset) *view {
	v := &view{b: browser.Build{Doc: doc}, alerts: map[string]dom.HTMLElement{}, controls: map[string]dom.HTMLElement{}}
	b := v.b
	v.app = doc.GetElementByID("app").(dom.HTMLElement)
	if boot, ok := doc.GetElementByID("boot").(dom.HTMLElement); ok {
		v.boot = boot
	}
	browser.Clear(v.app)

	top, barAlerts := v.buildTopBar()
	dataCol := v.buildDataColumn(presets)
	modelCol, cmpRow, cmpRace, snapSamples := v.buildModelColumn()
	outCol := v.buildOutputColumn(cmpRow, cmpRace, snapSamples)

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

// buildTopBar builds the top bar (Train, Step, Reset, the figures, the cell,
// hidden units and learning rate, the tour and Large text) and the alerts
// under it.
func (v *view) buildTopBar() (top, barAlerts dom.HTMLElement) {
	b := v.b
	v.trainIcon = b.El("span", browser.Cls("icon"), browser.Attr("aria-hidden", "true"), "▶")
	v.trainLabel = b.El("span", "Train")
	v.train = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-train"), browser.Attr("aria-keyshortcuts", "Space"),
		v.trainIcon, v.trainLabel).(*dom.HTMLButtonElement)
	v.step = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), browser.Attr("title", "Train exactly one update"), "Step").(*dom.HTMLButtonElement)
	v.reset = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), browser.Attr("title", "Start again from a fresh model"), "Reset").(*dom.HTMLButtonElement)
	stat := func(idv, label string, title string) dom.HTMLElement {
		out := b.El("output", browser.ID(idv), browser.Attr("aria-labelledby", idv+"-l"), browser.Attr("aria-live", "off"), browser.Cls("stat-value"), "–")
		return b.El("div", browser.Cls("stat"), browser.Attr("title", title), b.El("span", browser.Cls("stat-label"), browser.ID(idv+"-l"), label), out)
	}
	statU := stat("stat-update", "Update", "Updates (optimizer steps) the model has had")
	statL := stat("stat-loss", "Loss", "Loss of the last update")
	statR := stat("stat-rate", "Chars/s", "Training speed: characters (or values) per second")
	v.statUpdate = statU.LastChild().(dom.HTMLElement)
	v.statLoss = statL.LastChild().(dom.HTMLElement)
	v.statRate = statR.LastChild().(dom.HTMLElement)

	compact := func(idv, label, note string, control dom.HTMLElement) (dom.HTMLElement, dom.HTMLElement) {
		control.SetAttribute("aria-describedby", idv+"-note")
		a := v.alert(label)
		v.controls[label] = control
		return b.El("div", browser.Cls("compact"),
			b.El("label", browser.Attr("for", idv), label), control,
			b.El("span", browser.Cls("compact-note"), browser.ID(idv+"-note"), note)), a
	}
	v.cell = b.El("select", browser.ID("cell"),
		b.El("option", browser.Attr("value", "0"), "LSTM"), b.El("option", browser.Attr("value", "1"), "RNN")).(*dom.HTMLSelectElement)
	v.hidden = b.El("input", browser.ID("hidden"), browser.Attr("type", "number"), browser.Attr("min", "1"), browser.Attr("max", strconv.Itoa(lstm.MaxHidden)),
		browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"), browser.Attr("list", "hidden-list"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	v.lr = b.El("input", browser.ID("lr"), browser.Attr("type", "number"), browser.Attr("min", "0.000001"), browser.Attr("max", "1"),
		browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"), browser.Attr("list", "lr-list"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	hiddenList := b.El("datalist", browser.ID("hidden-list"))
	for _, n := range HiddenSizes {
		hiddenList.AppendChild(b.El("option", browser.Attr("value", strconv.Itoa(n))))
	}
	lrList := b.El("datalist", browser.ID("lr-list"))
	for _, r := range LearningRates {
		lrList.AppendChild(b.El("option", browser.Attr("value", strconv.FormatFloat(r, 'f', -1, 64))))
	}
	cellC, cellA := compact("cell", present.FieldCell, "↺ resets", v.cell)
	hidC, hidA := compact("hidden", present.FieldHidden, "↺ resets", v.hidden)
	lrC, lrA := compact("lr", present.FieldLR, "live", v.lr)
	v.largeText = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-quiet"), browser.Attr("aria-pressed", "false"),
		browser.Attr("title", "Bigger text for projectors"), "Large text").(*dom.HTMLButtonElement)
	v.notice = b.El("p", browser.Cls("notice"), browser.Attr("role", "status"))
	browser.SetHidden(v.notice, true)
	general := v.alert("")
	general.Class().Add("general-error")

	tourCard, tourOpen := v.buildTour()
	v.liveTrain = b.El("p", browser.Cls("visually-hidden"), browser.Attr("role", "status"), browser.Attr("aria-label", "Training state"))
	v.grpRun = b.El("div", browser.Cls("run"), browser.Attr("role", "group"), browser.Attr("aria-label", "Training"), v.train, v.step, v.reset, v.liveTrain)
	v.grpArch = b.El("div", browser.Cls("arch"), browser.Attr("role", "group"), browser.Attr("aria-label", "Model"), cellC, hidC, lrC, hiddenList, lrList)
	v.top = b.El("header", browser.Cls("topbar"),
		b.El("div", browser.Cls("brand"), b.El("h1", "LSTM Playground"), b.El("span", browser.Cls("tagline"), "watch a recurrent net learn")),
		v.grpRun,
		b.El("div", browser.Cls("stats"), statU, statL, statR),
		v.grpArch,
		b.El("div", browser.Cls("view-opts"), tourOpen, v.largeText),
	)
	barAlerts = b.El("div", browser.Cls("bar-alerts"), cellA, hidA, lrA, general, v.alert(present.FieldLink), v.notice, v.buildKeepBar(), tourCard)
	return v.top, barAlerts
}

// buildDataColumn builds the data column: the data, the training settings,
// and keep and share.
func (v *view) buildDataColumn(presets []content.Preset) dom.HTMLElement {
	b := v.b
	opts := make([][2]string, len(presets)+1)
	for i, p := range presets {
		opts[i] = [2]string{strconv.Itoa(i), p.Name}
	}
	opts[len(presets)] = [2]string{"custom", "Your own text"}
	var f field
	v.preset, f = v.selectField("preset", "Preset", "", opts)
	presetF := f
	v.presetAbout = b.El("p", browser.Cls("hint"), browser.ID("preset-about"))
	v.preset.SetAttribute("aria-describedby", "preset-about")
	presetF.root.InsertBefore(v.presetAbout, presetF.alert)

	v.text = b.El("textarea", browser.ID("text"), browser.Attr("rows", "9"), browser.Attr("spellcheck", "false"), browser.Attr("autocomplete", "off"),
		browser.Attr("autocapitalize", "off"), browser.Attr("aria-describedby", "data-info data-limits")).(*dom.HTMLTextAreaElement)
	v.dataInfo = b.El("p", browser.Cls("hint data-info"), browser.ID("data-info"), browser.Attr("aria-live", "polite"))
	v.dataLimits = b.El("p", browser.Cls("hint"), browser.ID("data-limits"))
	textAlert := v.alert(present.FieldText)
	v.controls[present.FieldText] = v.text
	textF := b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "text"), present.FieldText), v.text, v.dataInfo, v.dataLimits, textAlert)

	v.modeText = b.El("input", browser.Attr("type", "radio"), browser.Attr("name", "mode"), browser.Attr("value", "text"), browser.ID("mode-text")).(*dom.HTMLInputElement)
	v.modeNumbers = b.El("input", browser.Attr("type", "radio"), browser.Attr("name", "mode"), browser.Attr("value", "numbers"), browser.ID("mode-numbers")).(*dom.HTMLInputElement)
	modeF := b.El("fieldset", browser.Cls("mode"),
		b.El("legend", "Mode"),
		b.El("label", browser.Cls("radio"), v.modeText, " Text"),
		b.El("label", browser.Cls("radio"), v.modeNumbers, " Numbers"),
		b.El("p", browser.Cls("hint"), "Text: predict the next character. Numbers: predict the next value of a list."),
		v.alert(present.FieldMode))

	var seqF, optF, clipF, seedF, layF, fbF field
	v.seqLen, seqF = v.input("seqlen", present.FieldSeqLen, "number", "Steps per update (truncated backpropagation). Keeps the model.",
		browser.Attr("min", "1"), browser.Attr("max", strconv.Itoa(lstm.MaxSeqLen)), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"))
	v.optimizer, optF = v.selectField("optimizer", present.FieldOptimizer, hintLive, [][2]string{{"0", "Adam"}, {"1", "RMSProp"}, {"2", "SGD"}})
	v.clip, clipF = v.input("clip", present.FieldClip, "number", "Changes live. 0 turns clipping off.",
		browser.Attr("min", "0"), browser.Attr("max", strconv.Itoa(lstm.MaxClip)), browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"))
	v.seed, seedF = v.input("seed", present.FieldSeed, "number", hintResets,
		browser.Attr("min", "0"), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"))
	v.layers, layF = v.selectField("layers", present.FieldLayers, hintResets, [][2]string{{"1", "1"}, {"2", "2"}})
	v.forgetBias, fbF = v.input("forget-bias", present.FieldForgetBias, "number", hintResets,
		browser.Attr("min", strconv.Itoa(-lstm.MaxForgetB)), browser.Attr("max", strconv.Itoa(lstm.MaxForgetB)), browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"))

	v.save = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), "Save model").(*dom.HTMLButtonElement)
	v.load = b.El("input", browser.Attr("type", "file"), browser.ID("load"), browser.Cls("file-input"), browser.Attr("accept", ".lstm,.model,application/octet-stream")).(*dom.HTMLInputElement)
	fileRow := b.El("div", browser.Cls("file-row"),
		v.save,
		b.El("label", browser.Attr("for", "load"), browser.Cls("btn file-label"), "Load model"),
		v.load)
	v.vocab = b.El("p", browser.Cls("hint vocab"), browser.Attr("role", "note"), browser.Attr("aria-label", "Vocabulary"))

	v.grpData = b.El("div", browser.Cls("grp"), b.El("h2", browser.ID("h-data"), "Data"), presetF.root, textF, modeF, v.vocab)
	v.grpSettings = b.El("div", browser.Cls("grp"), b.El("h2", browser.ID("h-training"), "Training"),
		seqF.root, optF.root, clipF.root, seedF.root, layF.root, fbF.root)
	v.grpExport = b.El("div", browser.Cls("grp"), b.El("h2", browser.ID("h-keep"), "Keep and share"),
		fileRow, v.alert(present.FieldSave), v.alert(present.FieldLoad), v.buildKeep(), v.buildExport())
	v.dataCol = b.El("section", browser.Cls("col col-data"), browser.Attr("aria-label", "Data and settings"),
		v.grpData, v.grpSettings, v.grpExport)
	return v.dataCol
}

// buildModelColumn builds the model column: the probe, the heatmaps and line
// charts, the units field, the unit view, and the comparison's and the
// snapshots' parts; it returns those of the output column too.
func (v *view) buildModelColumn() (modelCol, cmpRow, cmpRace, snapSamples dom.HTMLElement) {
	b := v.b
	v.probe = b.El("textarea", browser.ID("probe"), browser.Cls("probe"), browser.Attr("rows", "2"), browser.Attr("spellcheck", "false"), browser.Attr("autocomplete", "off"),
		browser.Attr("autocapitalize", "off"), browser.Attr("aria-describedby", "probe-hint")).(*dom.HTMLTextAreaElement)
	v.probeNote = b.El("p", browser.Cls("hint"), browser.ID("probe-hint"), "The model reads this from a zero state; the heatmaps show every step (up to 60).")
	probeF := field{alert: v.alert(present.FieldProbe)}
	v.controls[present.FieldProbe] = v.probe
	probeF.root = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "probe"), present.FieldProbe), v.probe, v.probeNote, probeF.alert)
	v.layer = b.El("select", browser.ID("layer")).(*dom.HTMLSelectElement)
	v.layerField = b.El("div", browser.Cls("field inline"), b.El("label", browser.Attr("for", "layer"), "Show"), v.layer)
	browser.SetHidden(v.layerField, true)
	v.traceNote = b.El("p", browser.Cls("trace-note"), browser.Attr("aria-live", "polite"))
	v.heatHow = b.El("p", browser.Cls("howto"), browser.ID("heat-how"), "How to read the heatmaps: one row per unit, one column per step of the probe (its characters are written above); the colour is the value after reading that step, on the scale right of each title. Point at a cell, or use the arrow keys, to move the time cursor.")

	v.empty = b.El("div", browser.Cls("empty"), "Press Train to start. The heatmaps will show the model reading the probe text, step by step.")
	v.probeRow = b.El("div", browser.Cls("probe-row"), browser.Attr("aria-hidden", "true"))
	probeLineEl := b.El("canvas", browser.Cls("probe-line"), browser.Attr("aria-hidden", "true")).(*dom.HTMLCanvasElement)
	v.probeLine = browser.NewDrawCanvas(probeLineEl)
	v.probeLineE = probeLineEl
	v.liveCursor = b.El("p", browser.Cls("visually-hidden"), browser.Attr("aria-live", "polite"))

	heats := make([]dom.HTMLElement, 0, heatCount)
	for k := range heatCount {
		hb := v.buildHeatBlock(k)
		v.heat[k] = hb
		heats = append(heats, hb.root)
	}

	var unitsHFig dom.HTMLElement
	v.unitsC, v.unitsCFig, v.unitsCT = v.lineFig("units-c-title", "c along the probe",
		"How to read: one line per chosen unit (numbers at the right), its cell state after each step; c is the memory, so it tends to drift rather than jump.")
	v.unitsH, unitsHFig, v.unitsHT = v.lineFig("units-h-title", "h along the probe",
		"How to read: the same units' hidden state, between −1 and 1; h is what the cell shows at each step, so it jumps.")
	v.delta, v.deltaFig, v.deltaT = v.lineFig("delta-title", "Mean change per step: |Δc| and |Δh|",
		"How to read: how much c and h change from one step to the next, averaged over the units; the claim to check is that c changes slowly and h a lot.")
	v.deltaText = b.El("p", browser.Cls("delta-text"), browser.Attr("aria-live", "polite"))
	v.deltaFig.AppendChild(v.deltaText)
	v.lineFigs = b.El("div", browser.Cls("line-figs"), v.unitsCFig, unitsHFig, v.deltaFig)

	v.stack = b.El("div", browser.Cls("stack"), browser.Attr("tabindex", "0"), browser.Attr("role", "group"),
		browser.Attr("aria-label", "Heatmaps over the probe text. Left and right arrow keys move the time cursor; up and down change the unit."),
		v.empty, v.probeRow, probeLineEl, heats, v.lineFigs)
	v.stackWrap = b.El("div", browser.Cls("stack-scroll"), v.stack)

	unitsF := v.buildUnitsField()

	cmpRow, cmpRace, cmpSide := v.buildCompare()
	snapRow, snapSamples := v.buildSnap()
	v.grpProbe = probeF.root
	v.grpUnits = unitsF.root
	v.modelCol = b.El("section", browser.Cls("col col-model"), browser.Attr("aria-labelledby", "h-model"),
		b.El("div", browser.Cls("col-head"), b.El("h2", browser.ID("h-model"), "Inside the model"), v.layerField),
		probeF.root, snapRow, v.traceNote, v.heatHow, v.stackWrap, v.liveCursor, cmpSide, unitsF.root, v.buildInside())
	return v.modelCol, cmpRow, cmpRace, snapSamples
}

// buildHeatBlock builds heatmap k: its title, note, colour scale, axis and
// canvas, with the marks of the cursor.
func (v *view) buildHeatBlock(k heatKind) *heatBlock {
	b := v.b
	hb := &heatBlock{}
	titleID := "heat-" + strconv.Itoa(int(k))
	cv := b.El("canvas", browser.Cls("heat"), browser.Attr("role", "img"), browser.Attr("aria-labelledby", titleID),
		browser.Attr("aria-describedby", titleID+"-note heat-how")).(*dom.HTMLCanvasElement)
	hb.canvasEl = cv
	hb.canvas = browser.NewPixelCanvas(cv)
	lg := b.El("canvas", browser.Cls("legend-bar"), browser.Attr("aria-hidden", "true"), browser.Attr("width", "64"), browser.Attr("height", "1")).(*dom.HTMLCanvasElement)
	hb.legend = browser.NewPixelCanvas(lg)
	hb.legendLo = b.El("span")
	hb.legendMid = b.El("span")
	hb.legendHi = b.El("span")
	hb.axisTop = b.El("span", "1")
	hb.axisBottom = b.El("span")
	hb.unitMark = b.El("div", browser.Cls("unit-mark"), browser.Attr("aria-hidden", "true"))
	hb.colMark = b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
	hb.note = b.El("span", browser.Cls("heat-note"), browser.ID(titleID+"-note"), heatNotes[k])
	hb.plot = b.El("div", browser.Cls("heat-plot"),
		b.El("div", browser.Cls("heat-axis"), browser.Attr("aria-hidden", "true"), hb.axisTop, b.El("span", browser.Cls("axis-name"), "unit"), hb.axisBottom),
		b.El("div", browser.Cls("heat-canvas"), cv, hb.colMark, hb.unitMark))
	hb.root = b.El("figure", browser.Cls("heat-block"), browser.Attr("aria-labelledby", titleID),
		b.El("div", browser.Cls("heat-head"),
			b.El("h3", browser.ID(titleID), heatTitles[k]),
			hb.note,
			b.El("span", browser.Cls("legend"), browser.Attr("role", "group"), browser.Attr("aria-label", "Colour scale"),
				hb.legendLo, b.El("span", browser.Cls("legend-wrap"), lg, hb.legendMid), hb.legendHi),
			v.pngButton(heatTitles[k], cv, true)),
		hb.plot)
	return hb
}

// lineFig builds a line chart aligned with the heatmaps' steps: its title,
// its "How to read", its canvas and the cursor's mark.
func (v *view) lineFig(titleID, title, how string) (*browser.DrawCanvas, dom.HTMLElement, dom.HTMLElement) {
	b := v.b
	t := b.El("h3", browser.ID(titleID), title)
	cv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", titleID), browser.Attr("aria-describedby", titleID+"-how")).(*dom.HTMLCanvasElement)
	mark := b.El("div", browser.Cls("col-mark"), browser.Attr("aria-hidden", "true"))
	v.lineMarks = append(v.lineMarks, mark)
	fig := b.El("figure", browser.Cls("line-fig"), browser.Attr("aria-labelledby", titleID), b.El("div", browser.Cls("line-head"), t, v.pngButton(title, cv, false)),
		b.El("p", browser.Cls("howto line-how"), browser.ID(titleID+"-how"), how),
		b.El("div", browser.Cls("line-plot"), cv, mark))
	return browser.NewDrawCanvas(cv), fig, t
}

// buildUnitsField builds the Units field of the line charts.
func (v *view) buildUnitsField() field {
	b := v.b
	var unitsF field
	v.units, unitsF = v.input("units", "Units", "text", "", browser.Attr("spellcheck", "false"), browser.Attr("placeholder", "e.g. 1, 2, 3"))
	v.unitsAuto = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Most varying").(*dom.HTMLButtonElement)
	unitsHint := b.El("p", browser.Cls("hint"), browser.ID("units-hint"), "Units drawn in the line charts, numbered from 1 (up to 6).")
	v.units.SetAttribute("aria-describedby", "units-hint")
	unitsF.root.InsertBefore(b.El("div", browser.Cls("inline-row"), v.units, v.unitsAuto), unitsF.alert)
	unitsF.root.InsertBefore(unitsHint, unitsF.alert)
	unitsF.root.Class().Add("units-field")
	return unitsF
}

// buildOutputColumn builds the output column: the loss, the step inspector,
// Generate and the gradient reach, with the comparison's and the snapshots'
// parts made by the model column.
func (v *view) buildOutputColumn(cmpRow, cmpRace, snapSamples dom.HTMLElement) dom.HTMLElement {
	b := v.b
	lossCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "loss-title"), browser.Attr("aria-describedby", "loss-note")).(*dom.HTMLCanvasElement)
	v.loss = browser.NewDrawCanvas(lossCv)
	v.lossNote = b.El("p", browser.Cls("hint"), browser.ID("loss-note"), browser.Attr("aria-live", "off"))
	v.lossFig = b.El("figure", browser.Cls("loss-fig"), browser.Attr("aria-labelledby", "loss-title"),
		v.pngButton("Loss", lossCv, false), b.El("h3", browser.ID("loss-title"), "Loss"),
		b.El("p", browser.Cls("howto"), "How to read: how surprised the model is by the next character at each update (lower is better); the faint line is every update, the bold one their moving average."),
		lossCv, v.lossNote)

	reachCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "reach-title"), browser.Attr("aria-describedby", "reach-note")).(*dom.HTMLCanvasElement)
	v.reach = browser.NewDrawCanvas(reachCv)
	v.reachNote = b.El("p", browser.Cls("hint"), browser.ID("reach-note"))
	v.reachFig = b.El("figure", browser.Cls("reach-fig"), browser.Attr("aria-labelledby", "reach-title"),
		v.pngButton("Gradient reach", reachCv, false), b.El("h3", browser.ID("reach-title"), "Gradient reach"),
		b.El("p", browser.Cls("howto"), "How to read: at k, how strongly the error at the end of a window still pushes on h k steps earlier, on a log scale; a line that drops steeply means the model cannot learn from that far back (the vanishing gradient)."),
		reachCv, v.reachNote)

	v.inspHead = b.El("p", browser.Cls("insp-head"))
	v.inspPred = b.El("p", browser.Cls("hint insp-pred"))
	v.inspValues = b.El("dl", browser.Cls("insp-values"))
	v.inspEqC = b.El("div", browser.Cls("eq"))
	v.inspEqH = b.El("div", browser.Cls("eq"))
	barsCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "bars-title"), browser.Attr("aria-describedby", "bars-note")).(*dom.HTMLCanvasElement)
	v.bars = browser.NewDrawCanvas(barsCv)
	v.barsNote = b.El("p", browser.Cls("hint"), browser.ID("bars-note"))
	v.barsFig = b.El("figure", browser.Cls("bars-fig"), browser.Attr("aria-labelledby", "bars-title"),
		v.pngButton("The three stages", barsCv, false),
		b.El("h3", browser.ID("bars-title"), "The three stages at this step, every unit"),
		b.El("p", browser.Cls("bars-legend"),
			b.El("span", browser.Cls("key key-kept"), browser.Attr("aria-hidden", "true")), "1 forget: kept ", b.El("var", "z"), b.El("sup", "f"), " ⊙ ", b.El("var", "c"), b.El("sub", "t−1"), "  ",
			b.El("span", browser.Cls("key key-written"), browser.Attr("aria-hidden", "true")), "2 select memory: written ", b.El("var", "z"), b.El("sup", "i"), " ⊙ ", b.El("var", "z"), "  ",
			b.El("span", browser.Cls("key key-c"), browser.Attr("aria-hidden", "true")), b.El("var", "c"), b.El("sub", "t"), " = kept + written (tick)  ",
			b.El("span", browser.Cls("key key-out"), browser.Attr("aria-hidden", "true")), "3 output ", b.El("var", "z"), b.El("sup", "o"), " ⊙ tanh ", b.El("var", "c"), b.El("sub", "t"), " = ", b.El("var", "h"), b.El("sub", "t")),
		b.El("p", browser.Cls("howto"), "How to read: one group of three bars per unit, left to right; bars above the line are positive. The tick shows the new cell state, the sum of the first two bars."),
		barsCv, v.barsNote)
	v.grpInspector = b.El("section", browser.Cls("inspector"), browser.Attr("aria-labelledby", "h-insp"),
		b.El("h3", browser.ID("h-insp"), "Step inspector"),
		v.inspHead, v.inspPred, v.inspValues, v.inspEqC, v.inspEqH, v.barsFig)

	var primeF, lenF, tempF field
	v.prime, primeF = v.input("prime", present.FieldPrime, "text", "", browser.Attr("spellcheck", "false"), browser.Attr("autocapitalize", "off"))
	v.length, lenF = v.input("length", present.FieldLength, "number", "", browser.Attr("min", "1"), browser.Attr("max", strconv.Itoa(MaxGenerate)), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"))
	v.temperature, tempF = v.input("temperature", present.FieldTemperature, "number", "", browser.Attr("min", "0"), browser.Attr("max", strconv.Itoa(lstm.MaxTemperature)), browser.Attr("step", "0.1"), browser.Attr("inputmode", "decimal"))
	v.tempField = tempF.root
	v.generate = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-primary"), "Generate").(*dom.HTMLButtonElement)
	v.samplePrime = b.El("span", browser.Cls("sample-prime"))
	v.sampleGen = b.El("span", browser.Cls("sample-gen"))
	v.sampleText = b.El("pre", browser.Cls("sample"), browser.Attr("role", "region"), browser.Attr("aria-live", "polite"), browser.Attr("aria-label", "Generated text"), browser.Attr("tabindex", "0"))
	v.sampleNote = b.El("p", browser.Cls("hint"), browser.ID("sample-note"))
	sampleCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "sample-title")).(*dom.HTMLCanvasElement)
	v.sampleChart = browser.NewDrawCanvas(sampleCv)
	v.sampleFig = b.El("figure", browser.Cls("sample-fig"), browser.Attr("aria-labelledby", "sample-title"),
		v.pngButton("Continuation", sampleCv, false),
		b.El("h4", browser.ID("sample-title"), "Your sequence and the model's continuation"),
		b.El("p", browser.Cls("howto"), "How to read: the solid line is the numbers of the prime; the dashed line, after the vertical mark, is what the model predicts next, value after value."),
		sampleCv)
	browser.SetHidden(v.sampleFig, true)
	genRow := b.El("div", browser.Cls("gen-row"), primeF.root, lenF.root, tempF.root)
	v.grpGenerate = b.El("section", browser.Cls("generate"), browser.Attr("aria-labelledby", "h-gen"),
		b.El("h3", browser.ID("h-gen"), "Generate"),
		genRow, b.El("div", browser.Cls("gen-actions"), v.generate, v.sampleNote), v.alert(present.FieldGenerate),
		v.sampleText, v.sampleFig)

	v.outCol = b.El("section", browser.Cls("col col-out"), browser.Attr("aria-labelledby", "h-out"),
		b.El("h2", browser.ID("h-out"), "What it does"),
		cmpRow, v.lossFig, cmpRace, v.grpInspector, v.grpGenerate, snapSamples, v.reachFig)
	return v.outCol
}

// announceTraining says a change of the engine's training state in the
// Training state live region (polite), once per change: started, paused at
// an update with its loss, or stopped and why (a divergence, the engine gone).
func (a *app) announceTraining() {
	if a.failed {
		if a.liveRunning {
			a.liveRunning = false
			browser.SetText(a.v.liveTrain, "Training stopped: "+a.v.fatal.TextContent())
		}
		return
	}
	if msg, ok := a.st.Announce(a.liveRunning); ok {
		a.liveRunning = !a.liveRunning
		browser.SetText(a.v.liveTrain, msg)
	}
}
