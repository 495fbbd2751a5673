//go:build js && wasm

package panels

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// buildOutputColumn builds the output column: the loss, the step inspector,
// Generate and the gradient reach, with the comparison's and the snapshots'
// parts made by the model column.
func (v *View) buildOutputColumn(cmpRow, cmpRace, snapSamples dom.HTMLElement, maxGenerate int) dom.HTMLElement {
	b := v.B
	lossCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "loss-title"), browser.Attr("aria-describedby", "loss-note")).(*dom.HTMLCanvasElement)
	v.Loss = browser.NewDrawCanvas(lossCv)
	v.LossNote = b.El("p", browser.Cls("hint"), browser.ID("loss-note"), browser.Attr("aria-live", "off"))
	v.LossFig = b.El("figure", browser.Cls("loss-fig"), browser.Attr("aria-labelledby", "loss-title"),
		v.pngButton("Loss", lossCv, false), b.El("h3", browser.ID("loss-title"), "Loss"),
		b.El("p", browser.Cls("howto"), "How to read: how surprised the model is by the next character at each update (lower is better); the faint line is every update, the bold one their moving average."),
		lossCv, v.LossNote)

	reachCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "reach-title"), browser.Attr("aria-describedby", "reach-note")).(*dom.HTMLCanvasElement)
	v.Reach = browser.NewDrawCanvas(reachCv)
	v.ReachNote = b.El("p", browser.Cls("hint"), browser.ID("reach-note"))
	v.ReachFig = b.El("figure", browser.Cls("reach-fig"), browser.Attr("aria-labelledby", "reach-title"),
		v.pngButton("Gradient reach", reachCv, false), b.El("h3", browser.ID("reach-title"), "Gradient reach"),
		b.El("p", browser.Cls("howto"), "How to read: at k, how strongly the error at the end of a window still pushes on h k steps earlier, on a log scale; a line that drops steeply means the model cannot learn from that far back (the vanishing gradient)."),
		reachCv, v.ReachNote)

	v.InspHead = b.El("p", browser.Cls("insp-head"))
	v.InspPred = b.El("p", browser.Cls("hint insp-pred"))
	v.InspValues = b.El("dl", browser.Cls("insp-values"))
	v.InspEqC = b.El("div", browser.Cls("eq"))
	v.InspEqH = b.El("div", browser.Cls("eq"))
	barsCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "bars-title"), browser.Attr("aria-describedby", "bars-note")).(*dom.HTMLCanvasElement)
	v.Bars = browser.NewDrawCanvas(barsCv)
	v.BarsNote = b.El("p", browser.Cls("hint"), browser.ID("bars-note"))
	v.BarsFig = b.El("figure", browser.Cls("bars-fig"), browser.Attr("aria-labelledby", "bars-title"),
		v.pngButton("The three stages", barsCv, false),
		b.El("h3", browser.ID("bars-title"), "The three stages at this step, every unit"),
		b.El("p", browser.Cls("bars-legend"),
			b.El("span", browser.Cls("key key-kept"), browser.Attr("aria-hidden", "true")), "1 forget: kept ", b.El("var", "z"), b.El("sup", "f"), " ⊙ ", b.El("var", "c"), b.El("sub", "t−1"), "  ",
			b.El("span", browser.Cls("key key-written"), browser.Attr("aria-hidden", "true")), "2 select memory: written ", b.El("var", "z"), b.El("sup", "i"), " ⊙ ", b.El("var", "z"), "  ",
			b.El("span", browser.Cls("key key-c"), browser.Attr("aria-hidden", "true")), b.El("var", "c"), b.El("sub", "t"), " = kept + written (tick)  ",
			b.El("span", browser.Cls("key key-out"), browser.Attr("aria-hidden", "true")), "3 output ", b.El("var", "z"), b.El("sup", "o"), " ⊙ tanh ", b.El("var", "c"), b.El("sub", "t"), " = ", b.El("var", "h"), b.El("sub", "t")),
		b.El("p", browser.Cls("howto"), "How to read: one group of three bars per unit, left to right; bars above the line are positive. The tick shows the new cell state, the sum of the first two bars."),
		barsCv, v.BarsNote)
	v.GrpInspector = b.El("section", browser.Cls("inspector"), browser.Attr("aria-labelledby", "h-insp"),
		b.El("h3", browser.ID("h-insp"), "Time-step inspector"),
		v.InspHead, v.InspPred, v.InspValues, v.InspEqC, v.InspEqH, v.BarsFig)

	var primeF, lenF, tempF Field
	v.Prime, primeF = v.input("prime", present.FieldPrime, "text", "", browser.Attr("spellcheck", "false"), browser.Attr("autocapitalize", "off"))
	v.Length, lenF = v.input("length", present.FieldLength, "number", "", browser.Attr("min", "1"), browser.Attr("max", strconv.Itoa(maxGenerate)), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"))
	v.Temperature, tempF = v.input("temperature", present.FieldTemperature, "number", "", browser.Attr("min", "0"), browser.Attr("max", strconv.Itoa(lstm.MaxTemperature)), browser.Attr("step", "0.1"), browser.Attr("inputmode", "decimal"))
	v.TempField = tempF.Root
	v.Generate = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-primary"), "Generate").(*dom.HTMLButtonElement)
	v.SamplePrime = b.El("span", browser.Cls("sample-prime"), browser.Attr("translate", "no"))
	v.SampleGen = b.El("span", browser.Cls("sample-gen"), browser.Attr("translate", "no"))
	v.SampleText = b.El("pre", browser.Cls("sample"), browser.Attr("role", "region"), browser.Attr("aria-live", "polite"), browser.Attr("aria-label", "Generated text"), browser.Attr("tabindex", "0"))
	v.SampleNote = b.El("p", browser.Cls("hint"), browser.ID("sample-note"))
	sampleCv := b.El("canvas", browser.Attr("role", "img"), browser.Attr("aria-labelledby", "sample-title")).(*dom.HTMLCanvasElement)
	v.SampleChart = browser.NewDrawCanvas(sampleCv)
	v.SampleFig = b.El("figure", browser.Cls("sample-fig"), browser.Attr("aria-labelledby", "sample-title"),
		v.pngButton("Continuation", sampleCv, false),
		b.El("h4", browser.ID("sample-title"), "Your sequence and the model's continuation"),
		b.El("p", browser.Cls("howto"), "How to read: the solid line is the numbers of the prime; the dashed line, after the vertical mark, is what the model predicts next, value after value."),
		sampleCv)
	browser.SetHidden(v.SampleFig, true)
	genRow := b.El("div", browser.Cls("gen-row"), primeF.Root, lenF.Root, tempF.Root)
	v.GrpGenerate = b.El("section", browser.Cls("generate"), browser.Attr("aria-labelledby", "h-gen"),
		b.El("h3", browser.ID("h-gen"), "Generate"),
		genRow, b.El("div", browser.Cls("gen-actions"), v.Generate, v.SampleNote), v.Alert(present.FieldGenerate),
		v.SampleText, v.SampleFig)

	v.outCol = b.El("section", browser.Cls("col col-out"), browser.Attr("aria-labelledby", "h-out"),
		b.El("h2", browser.ID("h-out"), "What it does"),
		cmpRow, v.LossFig, cmpRace, v.buildGap(), v.GrpInspector, v.GrpGenerate, snapSamples, v.ReachFig)
	return v.outCol
}
