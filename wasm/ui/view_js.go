//go:build js && wasm

package ui

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
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
	canvas      *pixelCanvas
	canvasEl    *dom.HTMLCanvasElement
	legend      *pixelCanvas
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
	b build

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
	probeLine  *drawCanvas
	probeLineE dom.HTMLElement
	heat       [heatCount]*heatBlock
	lineMarks  []dom.HTMLElement // the time cursor over each line chart
	stackWrap  dom.HTMLElement
	liveCursor dom.HTMLElement
	liveTrain  dom.HTMLElement // says "Training started.", "Paused at update n, loss x." (State.Announce)
	unitsC     *drawCanvas
	unitsH     *drawCanvas
	unitsCFig  dom.HTMLElement
	unitsCT    dom.HTMLElement
	unitsHT    dom.HTMLElement
	delta      *drawCanvas
	deltaText  dom.HTMLElement
	deltaT     dom.HTMLElement
	units      *dom.HTMLInputElement
	unitsAuto  *dom.HTMLButtonElement
	lineFigs   dom.HTMLElement

	// output column
	loss        *drawCanvas
	lossFig     dom.HTMLElement
	reach       *drawCanvas
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
	sampleChart *drawCanvas
	sampleFig   dom.HTMLElement
	sampleNote  dom.HTMLElement
	inspHead    dom.HTMLElement
	inspPred    dom.HTMLElement
	inspValues  dom.HTMLElement
	inspEqC     dom.HTMLElement
	inspEqH     dom.HTMLElement
	bars        *drawCanvas
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
	a := v.b.el("p", cls("field-error"), attr{"role", "alert"}, attr{"data-field", field})
	setHidden(a, true)
	v.alerts[field] = a
	return a
}

// input makes a labelled input with a hint line and an alert.
func (v *view) input(idv, label, typ string, hint string, attrs ...attr) (*dom.HTMLInputElement, field) {
	b := v.b
	in := b.el("input", id(idv), attr{"type", typ}, attr{"autocomplete", "off"}).(*dom.HTMLInputElement)
	for _, a := range attrs {
		in.SetAttribute(a.name, a.value)
	}
	f := field{alert: v.alert(label)}
	v.controls[label] = in
	var hintEl dom.HTMLElement
	if hint != "" {
		hintEl = b.el("p", cls("hint"), id(idv+"-hint"), hint)
		in.SetAttribute("aria-describedby", idv+"-hint")
	}
	f.root = b.el("div", cls("field"), b.el("label", attr{"for", idv}, label), in, hintEl, f.alert)
	return in, f
}

// selectField makes a labelled select.
func (v *view) selectField(idv, label, hint string, options [][2]string) (*dom.HTMLSelectElement, field) {
	b := v.b
	sel := b.el("select", id(idv)).(*dom.HTMLSelectElement)
	for _, o := range options {
		sel.AppendChild(b.el("option", attr{"value", o[0]}, o[1]))
	}
	f := field{alert: v.alert(label)}
	v.controls[label] = sel
	var hintEl dom.HTMLElement
	if hint != "" {
		hintEl = b.el("p", cls("hint"), id(idv+"-hint"), hint)
		sel.SetAttribute("aria-describedby", idv+"-hint")
	}
	f.root = b.el("div", cls("field"), b.el("label", attr{"for", idv}, label), sel, hintEl, f.alert)
	return sel, f
}

const (
	hintResets = "↺ Changing this resets the model."
	hintLive   = "Changes live, without a reset."
)

// newView builds the page inside #app. Nothing in it comes from the person
// except through textContent and input values.
func newView(doc dom.Document, presets []content.Preset) *view {
	v := &view{b: build{doc}, alerts: map[string]dom.HTMLElement{}, controls: map[string]dom.HTMLElement{}}
	b := v.b
	v.app = doc.GetElementByID("app").(dom.HTMLElement)
	if boot, ok := doc.GetElementByID("boot").(dom.HTMLElement); ok {
		v.boot = boot
	}
	clear(v.app)

	// ---- top bar ----
	v.trainIcon = b.el("span", cls("icon"), attr{"aria-hidden", "true"}, "▶")
	v.trainLabel = b.el("span", "Train")
	v.train = b.el("button", attr{"type", "button"}, cls("btn btn-train"), attr{"aria-keyshortcuts", "Space"},
		v.trainIcon, v.trainLabel).(*dom.HTMLButtonElement)
	v.step = b.el("button", attr{"type", "button"}, cls("btn"), attr{"title", "Train exactly one update"}, "Step").(*dom.HTMLButtonElement)
	v.reset = b.el("button", attr{"type", "button"}, cls("btn"), attr{"title", "Start again from a fresh model"}, "Reset").(*dom.HTMLButtonElement)
	stat := func(idv, label string, title string) dom.HTMLElement {
		out := b.el("output", id(idv), attr{"aria-labelledby", idv + "-l"}, attr{"aria-live", "off"}, cls("stat-value"), "–")
		return b.el("div", cls("stat"), attr{"title", title}, b.el("span", cls("stat-label"), id(idv+"-l"), label), out)
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
		return b.el("div", cls("compact"),
			b.el("label", attr{"for", idv}, label), control,
			b.el("span", cls("compact-note"), id(idv+"-note"), note)), a
	}
	v.cell = b.el("select", id("cell"),
		b.el("option", attr{"value", "0"}, "LSTM"), b.el("option", attr{"value", "1"}, "RNN")).(*dom.HTMLSelectElement)
	v.hidden = b.el("input", id("hidden"), attr{"type", "number"}, attr{"min", "1"}, attr{"max", strconv.Itoa(lstm.MaxHidden)},
		attr{"step", "1"}, attr{"inputmode", "numeric"}, attr{"list", "hidden-list"}, attr{"autocomplete", "off"}).(*dom.HTMLInputElement)
	v.lr = b.el("input", id("lr"), attr{"type", "number"}, attr{"min", "0.000001"}, attr{"max", "1"},
		attr{"step", "any"}, attr{"inputmode", "decimal"}, attr{"list", "lr-list"}, attr{"autocomplete", "off"}).(*dom.HTMLInputElement)
	hiddenList := b.el("datalist", id("hidden-list"))
	for _, n := range HiddenSizes {
		hiddenList.AppendChild(b.el("option", attr{"value", strconv.Itoa(n)}))
	}
	lrList := b.el("datalist", id("lr-list"))
	for _, r := range LearningRates {
		lrList.AppendChild(b.el("option", attr{"value", strconv.FormatFloat(r, 'f', -1, 64)}))
	}
	cellC, cellA := compact("cell", FieldCell, "↺ resets", v.cell)
	hidC, hidA := compact("hidden", FieldHidden, "↺ resets", v.hidden)
	lrC, lrA := compact("lr", FieldLR, "live", v.lr)
	v.largeText = b.el("button", attr{"type", "button"}, cls("btn btn-quiet"), attr{"aria-pressed", "false"},
		attr{"title", "Bigger text for projectors"}, "Large text").(*dom.HTMLButtonElement)
	v.notice = b.el("p", cls("notice"), attr{"role", "status"})
	setHidden(v.notice, true)
	general := v.alert("")
	general.Class().Add("general-error")

	tourCard, tourOpen := v.buildTour()
	v.liveTrain = b.el("p", cls("visually-hidden"), attr{"role", "status"}, attr{"aria-label", "Training state"})
	v.grpRun = b.el("div", cls("run"), attr{"role", "group"}, attr{"aria-label", "Training"}, v.train, v.step, v.reset, v.liveTrain)
	v.grpArch = b.el("div", cls("arch"), attr{"role", "group"}, attr{"aria-label", "Model"}, cellC, hidC, lrC, hiddenList, lrList)
	v.top = b.el("header", cls("topbar"),
		b.el("div", cls("brand"), b.el("h1", "LSTM Playground"), b.el("span", cls("tagline"), "watch a recurrent net learn")),
		v.grpRun,
		b.el("div", cls("stats"), statU, statL, statR),
		v.grpArch,
		b.el("div", cls("view-opts"), tourOpen, v.largeText),
	)
	top := v.top
	barAlerts := b.el("div", cls("bar-alerts"), cellA, hidA, lrA, general, v.alert(FieldLink), v.notice, v.buildKeepBar(), tourCard)

	// ---- data column ----
	opts := make([][2]string, len(presets)+1)
	for i, p := range presets {
		opts[i] = [2]string{strconv.Itoa(i), p.Name}
	}
	opts[len(presets)] = [2]string{"custom", "Your own text"}
	var f field
	v.preset, f = v.selectField("preset", "Preset", "", opts)
	presetF := f
	v.presetAbout = b.el("p", cls("hint"), id("preset-about"))
	v.preset.SetAttribute("aria-describedby", "preset-about")
	presetF.root.InsertBefore(v.presetAbout, presetF.alert)

	v.text = b.el("textarea", id("text"), attr{"rows", "9"}, attr{"spellcheck", "false"}, attr{"autocomplete", "off"},
		attr{"autocapitalize", "off"}, attr{"aria-describedby", "data-info data-limits"}).(*dom.HTMLTextAreaElement)
	v.dataInfo = b.el("p", cls("hint data-info"), id("data-info"), attr{"aria-live", "polite"})
	v.dataLimits = b.el("p", cls("hint"), id("data-limits"))
	textAlert := v.alert(FieldText)
	v.controls[FieldText] = v.text
	textF := b.el("div", cls("field"), b.el("label", attr{"for", "text"}, FieldText), v.text, v.dataInfo, v.dataLimits, textAlert)

	v.modeText = b.el("input", attr{"type", "radio"}, attr{"name", "mode"}, attr{"value", "text"}, id("mode-text")).(*dom.HTMLInputElement)
	v.modeNumbers = b.el("input", attr{"type", "radio"}, attr{"name", "mode"}, attr{"value", "numbers"}, id("mode-numbers")).(*dom.HTMLInputElement)
	modeF := b.el("fieldset", cls("mode"),
		b.el("legend", "Mode"),
		b.el("label", cls("radio"), v.modeText, " Text"),
		b.el("label", cls("radio"), v.modeNumbers, " Numbers"),
		b.el("p", cls("hint"), "Text: predict the next character. Numbers: predict the next value of a list."),
		v.alert(FieldMode))

	var seqF, optF, clipF, seedF, layF, fbF field
	v.seqLen, seqF = v.input("seqlen", FieldSeqLen, "number", "Steps per update (truncated backpropagation). Keeps the model.",
		attr{"min", "1"}, attr{"max", strconv.Itoa(lstm.MaxSeqLen)}, attr{"step", "1"}, attr{"inputmode", "numeric"})
	v.optimizer, optF = v.selectField("optimizer", FieldOptimizer, hintLive, [][2]string{{"0", "Adam"}, {"1", "RMSProp"}, {"2", "SGD"}})
	v.clip, clipF = v.input("clip", FieldClip, "number", "Changes live. 0 turns clipping off.",
		attr{"min", "0"}, attr{"max", strconv.Itoa(lstm.MaxClip)}, attr{"step", "any"}, attr{"inputmode", "decimal"})
	v.seed, seedF = v.input("seed", FieldSeed, "number", hintResets,
		attr{"min", "0"}, attr{"step", "1"}, attr{"inputmode", "numeric"})
	v.layers, layF = v.selectField("layers", FieldLayers, hintResets, [][2]string{{"1", "1"}, {"2", "2"}})
	v.forgetBias, fbF = v.input("forget-bias", FieldForgetBias, "number", hintResets,
		attr{"min", strconv.Itoa(-lstm.MaxForgetB)}, attr{"max", strconv.Itoa(lstm.MaxForgetB)}, attr{"step", "any"}, attr{"inputmode", "decimal"})

	v.save = b.el("button", attr{"type", "button"}, cls("btn"), "Save model").(*dom.HTMLButtonElement)
	v.load = b.el("input", attr{"type", "file"}, id("load"), cls("file-input"), attr{"accept", ".lstm,.model,application/octet-stream"}).(*dom.HTMLInputElement)
	fileRow := b.el("div", cls("file-row"),
		v.save,
		b.el("label", attr{"for", "load"}, cls("btn file-label"), "Load model"),
		v.load)
	v.vocab = b.el("p", cls("hint vocab"), attr{"role", "note"}, attr{"aria-label", "Vocabulary"})

	v.grpData = b.el("div", cls("grp"), b.el("h2", id("h-data"), "Data"), presetF.root, textF, modeF, v.vocab)
	v.grpSettings = b.el("div", cls("grp"), b.el("h2", id("h-training"), "Training"),
		seqF.root, optF.root, clipF.root, seedF.root, layF.root, fbF.root)
	v.grpExport = b.el("div", cls("grp"), b.el("h2", id("h-keep"), "Keep and share"),
		fileRow, v.alert(FieldSave), v.alert(FieldLoad), v.buildKeep(), v.buildExport())
	v.dataCol = b.el("section", cls("col col-data"), attr{"aria-label", "Data and settings"},
		v.grpData, v.grpSettings, v.grpExport)
	dataCol := v.dataCol

	// ---- model column ----
	v.probe = b.el("textarea", id("probe"), cls("probe"), attr{"rows", "2"}, attr{"spellcheck", "false"}, attr{"autocomplete", "off"},
		attr{"autocapitalize", "off"}, attr{"aria-describedby", "probe-hint"}).(*dom.HTMLTextAreaElement)
	v.probeNote = b.el("p", cls("hint"), id("probe-hint"), "The model reads this from a zero state; the heatmaps show every step (up to 60).")
	probeF := field{alert: v.alert(FieldProbe)}
	v.controls[FieldProbe] = v.probe
	probeF.root = b.el("div", cls("field"), b.el("label", attr{"for", "probe"}, FieldProbe), v.probe, v.probeNote, probeF.alert)
	v.layer = b.el("select", id("layer")).(*dom.HTMLSelectElement)
	v.layerField = b.el("div", cls("field inline"), b.el("label", attr{"for", "layer"}, "Show"), v.layer)
	setHidden(v.layerField, true)
	v.traceNote = b.el("p", cls("trace-note"), attr{"aria-live", "polite"})
	v.heatHow = b.el("p", cls("howto"), id("heat-how"), "How to read the heatmaps: one row per unit, one column per step of the probe (its characters are written above); the colour is the value after reading that step, on the scale right of each title. Point at a cell, or use the arrow keys, to move the time cursor.")

	v.empty = b.el("div", cls("empty"), "Press Train to start. The heatmaps will show the model reading the probe text, step by step.")
	v.probeRow = b.el("div", cls("probe-row"), attr{"aria-hidden", "true"})
	probeLineEl := b.el("canvas", cls("probe-line"), attr{"aria-hidden", "true"}).(*dom.HTMLCanvasElement)
	v.probeLine = newDrawCanvas(probeLineEl)
	v.probeLineE = probeLineEl
	v.liveCursor = b.el("p", cls("visually-hidden"), attr{"aria-live", "polite"})

	heats := make([]dom.HTMLElement, 0, heatCount)
	for k := range heatCount {
		hb := &heatBlock{}
		titleID := "heat-" + strconv.Itoa(int(k))
		cv := b.el("canvas", cls("heat"), attr{"role", "img"}, attr{"aria-labelledby", titleID},
			attr{"aria-describedby", titleID + "-note heat-how"}).(*dom.HTMLCanvasElement)
		hb.canvasEl = cv
		hb.canvas = newPixelCanvas(cv)
		lg := b.el("canvas", cls("legend-bar"), attr{"aria-hidden", "true"}, attr{"width", "64"}, attr{"height", "1"}).(*dom.HTMLCanvasElement)
		hb.legend = newPixelCanvas(lg)
		hb.legendLo = b.el("span")
		hb.legendMid = b.el("span")
		hb.legendHi = b.el("span")
		hb.axisTop = b.el("span", "1")
		hb.axisBottom = b.el("span")
		hb.unitMark = b.el("div", cls("unit-mark"), attr{"aria-hidden", "true"})
		hb.colMark = b.el("div", cls("col-mark"), attr{"aria-hidden", "true"})
		hb.note = b.el("span", cls("heat-note"), id(titleID+"-note"), heatNotes[k])
		hb.plot = b.el("div", cls("heat-plot"),
			b.el("div", cls("heat-axis"), attr{"aria-hidden", "true"}, hb.axisTop, b.el("span", cls("axis-name"), "unit"), hb.axisBottom),
			b.el("div", cls("heat-canvas"), cv, hb.colMark, hb.unitMark))
		hb.root = b.el("figure", cls("heat-block"), attr{"aria-labelledby", titleID},
			b.el("div", cls("heat-head"),
				b.el("h3", id(titleID), heatTitles[k]),
				hb.note,
				b.el("span", cls("legend"), attr{"role", "group"}, attr{"aria-label", "Colour scale"},
					hb.legendLo, b.el("span", cls("legend-wrap"), lg, hb.legendMid), hb.legendHi),
				v.pngButton(heatTitles[k], cv, true)),
			hb.plot)
		v.heat[k] = hb
		heats = append(heats, hb.root)
	}

	mkLine := func(titleID, title, how string) (*drawCanvas, dom.HTMLElement, dom.HTMLElement) {
		t := b.el("h3", id(titleID), title)
		cv := b.el("canvas", attr{"role", "img"}, attr{"aria-labelledby", titleID}, attr{"aria-describedby", titleID + "-how"}).(*dom.HTMLCanvasElement)
		mark := b.el("div", cls("col-mark"), attr{"aria-hidden", "true"})
		v.lineMarks = append(v.lineMarks, mark)
		fig := b.el("figure", cls("line-fig"), attr{"aria-labelledby", titleID}, b.el("div", cls("line-head"), t, v.pngButton(title, cv, false)),
			b.el("p", cls("howto line-how"), id(titleID+"-how"), how),
			b.el("div", cls("line-plot"), cv, mark))
		return newDrawCanvas(cv), fig, t
	}
	var unitsHFig dom.HTMLElement
	v.unitsC, v.unitsCFig, v.unitsCT = mkLine("units-c-title", "c along the probe",
		"How to read: one line per chosen unit (numbers at the right), its cell state after each step; c is the memory, so it tends to drift rather than jump.")
	v.unitsH, unitsHFig, v.unitsHT = mkLine("units-h-title", "h along the probe",
		"How to read: the same units' hidden state, between −1 and 1; h is what the cell shows at each step, so it jumps.")
	v.delta, v.deltaFig, v.deltaT = mkLine("delta-title", "Mean change per step: |Δc| and |Δh|",
		"How to read: how much c and h change from one step to the next, averaged over the units; the claim to check is that c changes slowly and h a lot.")
	v.deltaText = b.el("p", cls("delta-text"), attr{"aria-live", "polite"})
	v.deltaFig.AppendChild(v.deltaText)
	v.lineFigs = b.el("div", cls("line-figs"), v.unitsCFig, unitsHFig, v.deltaFig)

	v.stack = b.el("div", cls("stack"), attr{"tabindex", "0"}, attr{"role", "group"},
		attr{"aria-label", "Heatmaps over the probe text. Left and right arrow keys move the time cursor; up and down change the unit."},
		v.empty, v.probeRow, probeLineEl, heats, v.lineFigs)
	v.stackWrap = b.el("div", cls("stack-scroll"), v.stack)

	var unitsF field
	v.units, unitsF = v.input("units", "Units", "text", "", attr{"spellcheck", "false"}, attr{"placeholder", "e.g. 1, 2, 3"})
	v.unitsAuto = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Most varying").(*dom.HTMLButtonElement)
	unitsHint := b.el("p", cls("hint"), id("units-hint"), "Units drawn in the line charts, numbered from 1 (up to 6).")
	v.units.SetAttribute("aria-describedby", "units-hint")
	unitsF.root.InsertBefore(b.el("div", cls("inline-row"), v.units, v.unitsAuto), unitsF.alert)
	unitsF.root.InsertBefore(unitsHint, unitsF.alert)
	unitsF.root.Class().Add("units-field")

	cmpRow, cmpRace, cmpSide := v.buildCompare()
	snapRow, snapSamples := v.buildSnap()
	v.grpProbe = probeF.root
	v.grpUnits = unitsF.root
	v.modelCol = b.el("section", cls("col col-model"), attr{"aria-labelledby", "h-model"},
		b.el("div", cls("col-head"), b.el("h2", id("h-model"), "Inside the model"), v.layerField),
		probeF.root, snapRow, v.traceNote, v.heatHow, v.stackWrap, v.liveCursor, cmpSide, unitsF.root, v.buildInside())
	modelCol := v.modelCol

	// ---- output column ----
	lossCv := b.el("canvas", attr{"role", "img"}, attr{"aria-labelledby", "loss-title"}, attr{"aria-describedby", "loss-note"}).(*dom.HTMLCanvasElement)
	v.loss = newDrawCanvas(lossCv)
	v.lossNote = b.el("p", cls("hint"), id("loss-note"), attr{"aria-live", "off"})
	v.lossFig = b.el("figure", cls("loss-fig"), attr{"aria-labelledby", "loss-title"},
		v.pngButton("Loss", lossCv, false), b.el("h3", id("loss-title"), "Loss"),
		b.el("p", cls("howto"), "How to read: how surprised the model is by the next character at each update (lower is better); the faint line is every update, the bold one their moving average."),
		lossCv, v.lossNote)

	reachCv := b.el("canvas", attr{"role", "img"}, attr{"aria-labelledby", "reach-title"}, attr{"aria-describedby", "reach-note"}).(*dom.HTMLCanvasElement)
	v.reach = newDrawCanvas(reachCv)
	v.reachNote = b.el("p", cls("hint"), id("reach-note"))
	v.reachFig = b.el("figure", cls("reach-fig"), attr{"aria-labelledby", "reach-title"},
		v.pngButton("Gradient reach", reachCv, false), b.el("h3", id("reach-title"), "Gradient reach"),
		b.el("p", cls("howto"), "How to read: at k, how strongly the error at the end of a window still pushes on h k steps earlier, on a log scale; a line that drops steeply means the model cannot learn from that far back (the vanishing gradient)."),
		reachCv, v.reachNote)

	v.inspHead = b.el("p", cls("insp-head"))
	v.inspPred = b.el("p", cls("hint insp-pred"))
	v.inspValues = b.el("dl", cls("insp-values"))
	v.inspEqC = b.el("div", cls("eq"))
	v.inspEqH = b.el("div", cls("eq"))
	barsCv := b.el("canvas", attr{"role", "img"}, attr{"aria-labelledby", "bars-title"}, attr{"aria-describedby", "bars-note"}).(*dom.HTMLCanvasElement)
	v.bars = newDrawCanvas(barsCv)
	v.barsNote = b.el("p", cls("hint"), id("bars-note"))
	v.barsFig = b.el("figure", cls("bars-fig"), attr{"aria-labelledby", "bars-title"},
		v.pngButton("The three stages", barsCv, false),
		b.el("h3", id("bars-title"), "The three stages at this step, every unit"),
		b.el("p", cls("bars-legend"),
			b.el("span", cls("key key-kept"), attr{"aria-hidden", "true"}), "1 forget: kept ", b.el("var", "z"), b.el("sup", "f"), " ⊙ ", b.el("var", "c"), b.el("sub", "t−1"), "  ",
			b.el("span", cls("key key-written"), attr{"aria-hidden", "true"}), "2 select memory: written ", b.el("var", "z"), b.el("sup", "i"), " ⊙ ", b.el("var", "z"), "  ",
			b.el("span", cls("key key-c"), attr{"aria-hidden", "true"}), b.el("var", "c"), b.el("sub", "t"), " = kept + written (tick)  ",
			b.el("span", cls("key key-out"), attr{"aria-hidden", "true"}), "3 output ", b.el("var", "z"), b.el("sup", "o"), " ⊙ tanh ", b.el("var", "c"), b.el("sub", "t"), " = ", b.el("var", "h"), b.el("sub", "t")),
		b.el("p", cls("howto"), "How to read: one group of three bars per unit, left to right; bars above the line are positive. The tick shows the new cell state, the sum of the first two bars."),
		barsCv, v.barsNote)
	v.grpInspector = b.el("section", cls("inspector"), attr{"aria-labelledby", "h-insp"},
		b.el("h3", id("h-insp"), "Step inspector"),
		v.inspHead, v.inspPred, v.inspValues, v.inspEqC, v.inspEqH, v.barsFig)

	var primeF, lenF, tempF field
	v.prime, primeF = v.input("prime", FieldPrime, "text", "", attr{"spellcheck", "false"}, attr{"autocapitalize", "off"})
	v.length, lenF = v.input("length", FieldLength, "number", "", attr{"min", "1"}, attr{"max", strconv.Itoa(MaxGenerate)}, attr{"step", "1"}, attr{"inputmode", "numeric"})
	v.temperature, tempF = v.input("temperature", FieldTemperature, "number", "", attr{"min", "0"}, attr{"max", strconv.Itoa(lstm.MaxTemperature)}, attr{"step", "0.1"}, attr{"inputmode", "decimal"})
	v.tempField = tempF.root
	v.generate = b.el("button", attr{"type", "button"}, cls("btn btn-primary"), "Generate").(*dom.HTMLButtonElement)
	v.samplePrime = b.el("span", cls("sample-prime"))
	v.sampleGen = b.el("span", cls("sample-gen"))
	v.sampleText = b.el("pre", cls("sample"), attr{"role", "region"}, attr{"aria-live", "polite"}, attr{"aria-label", "Generated text"}, attr{"tabindex", "0"})
	v.sampleNote = b.el("p", cls("hint"), id("sample-note"))
	sampleCv := b.el("canvas", attr{"role", "img"}, attr{"aria-labelledby", "sample-title"}).(*dom.HTMLCanvasElement)
	v.sampleChart = newDrawCanvas(sampleCv)
	v.sampleFig = b.el("figure", cls("sample-fig"), attr{"aria-labelledby", "sample-title"},
		v.pngButton("Continuation", sampleCv, false),
		b.el("h4", id("sample-title"), "Your sequence and the model's continuation"),
		b.el("p", cls("howto"), "How to read: the solid line is the numbers of the prime; the dashed line, after the vertical mark, is what the model predicts next, value after value."),
		sampleCv)
	setHidden(v.sampleFig, true)
	genRow := b.el("div", cls("gen-row"), primeF.root, lenF.root, tempF.root)
	v.grpGenerate = b.el("section", cls("generate"), attr{"aria-labelledby", "h-gen"},
		b.el("h3", id("h-gen"), "Generate"),
		genRow, b.el("div", cls("gen-actions"), v.generate, v.sampleNote), v.alert(FieldGenerate),
		v.sampleText, v.sampleFig)

	v.outCol = b.el("section", cls("col col-out"), attr{"aria-labelledby", "h-out"},
		b.el("h2", id("h-out"), "What it does"),
		cmpRow, v.lossFig, cmpRace, v.grpInspector, v.grpGenerate, snapSamples, v.reachFig)
	outCol := v.outCol

	v.fatal = b.el("p", cls("fatal"), attr{"role", "alert"})
	setHidden(v.fatal, true)
	v.app.AppendChild(top)
	v.app.AppendChild(barAlerts)
	v.app.AppendChild(v.fatal)
	v.columns = b.el("main", cls("columns"), dataCol, modelCol, outCol)
	v.app.AppendChild(v.columns)
	v.footer = b.el("footer", cls("footer"),
		b.el("p", "Everything runs in your browser: the Go core, compiled to WebAssembly, trains in a Web Worker. ",
			"Keys: Space trains or pauses when no field has focus; arrow keys move the time cursor when the heatmaps have focus."))
	v.app.AppendChild(v.footer)
	return v
}

// announceTraining says a change of the engine's training state in the
// Training state live region (polite), once per change: started, paused at
// an update with its loss, or stopped and why (a divergence, the engine gone).
func (a *app) announceTraining() {
	if a.failed {
		if a.liveRunning {
			a.liveRunning = false
			setText(a.v.liveTrain, "Training stopped: "+a.v.fatal.TextContent())
		}
		return
	}
	if msg, ok := a.st.Announce(a.liveRunning); ok {
		a.liveRunning = !a.liveRunning
		setText(a.v.liveTrain, msg)
	}
}
