//go:build js && wasm

package panels

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// outputMarkup is the output column; Go fills the go-parts and wires the
// data-ref elements (buildOutputColumn).
const outputMarkup = `
<section class="col col-out" aria-labelledby="h-out">
  <h2 id="h-out">What it does</h2>
  <go-part data-ref="cmp-row"></go-part>
  <figure class="loss-fig" aria-labelledby="loss-title">
    <button type="button" class="btn btn-tiny png-btn" aria-label="Save Loss as PNG" title="Save this chart as a PNG image" data-ref="loss-png">PNG</button>
    <h3 id="loss-title">Loss</h3>
    <p class="howto">How to read: how surprised the model is by the next character at each update (lower is better); the faint line is every update, the bold one their moving average.</p>
    <canvas role="img" aria-labelledby="loss-title" aria-describedby="loss-note" data-ref="loss"></canvas>
    <p class="hint" id="loss-note" aria-live="off" data-ref="loss-note"></p>
  </figure>
  <go-part data-ref="cmp-race"></go-part>
  <go-part data-ref="gap"></go-part>
  <section class="inspector" aria-labelledby="h-insp" data-ref="inspector">
    <h3 id="h-insp">Time-step inspector</h3>
    <p class="insp-head" data-ref="insp-head"></p>
    <p class="hint insp-pred" data-ref="insp-pred"></p>
    <dl class="insp-values" data-ref="insp-values"></dl>
    <div class="eq" data-ref="eq-c"></div>
    <div class="eq" data-ref="eq-h"></div>
    <figure class="bars-fig" aria-labelledby="bars-title" data-ref="bars-fig">
      <button type="button" class="btn btn-tiny png-btn" aria-label="Save The three stages as PNG" title="Save this chart as a PNG image" data-ref="bars-png">PNG</button>
      <h3 id="bars-title">The three stages at this step, every unit</h3>
      <p class="bars-legend"><span class="key key-kept" aria-hidden="true"></span>1 forget: kept <var>z</var><sup>f</sup> ⊙ <var>c</var><sub>t−1</sub>  <!--
      --><span class="key key-written" aria-hidden="true"></span>2 select memory: written <var>z</var><sup>i</sup> ⊙ <var>z</var>  <!--
      --><span class="key key-c" aria-hidden="true"></span><var>c</var><sub>t</sub> = kept + written (tick)  <!--
      --><span class="key key-out" aria-hidden="true"></span>3 output <var>z</var><sup>o</sup> ⊙ tanh <var>c</var><sub>t</sub> = <var>h</var><sub>t</sub></p>
      <p class="howto">How to read: one group of three bars per unit, left to right; bars above the line are positive. The tick shows the new cell state, the sum of the first two bars.</p>
      <canvas role="img" aria-labelledby="bars-title" aria-describedby="bars-note" data-ref="bars"></canvas>
      <p class="hint" id="bars-note" data-ref="bars-note"></p>
    </figure>
  </section>
  <section class="generate" aria-labelledby="h-gen" data-ref="generate">
    <h3 id="h-gen">Generate</h3>
    <div class="gen-row">
      <div class="field">
        <label for="prime">Prime</label>
        <input id="prime" type="text" autocomplete="off" spellcheck="false" autocapitalize="off" data-ref="prime">
        <p class="field-error" role="alert" data-field="Prime" hidden></p>
      </div>
      <div class="field">
        <label for="length">Length</label>
        <input id="length" type="number" autocomplete="off" min="1" max="" step="1" inputmode="numeric" data-ref="length">
        <p class="field-error" role="alert" data-field="Length" hidden></p>
      </div>
      <div class="field" data-ref="temperature-field">
        <label for="temperature">Temperature</label>
        <input id="temperature" type="number" autocomplete="off" min="0" max="" step="0.1" inputmode="decimal" data-ref="temperature">
        <p class="field-error" role="alert" data-field="Temperature" hidden></p>
      </div>
    </div>
    <div class="gen-actions">
      <button type="button" class="btn btn-primary" data-ref="generate-btn">Generate</button>
      <p class="hint" id="sample-note" data-ref="sample-note"></p>
    </div>
    <p class="field-error" role="alert" data-field="Generate" hidden></p>
    <pre class="sample" role="region" aria-live="polite" aria-label="Generated text" tabindex="0" data-ref="sample"></pre>
    <figure class="sample-fig" aria-labelledby="sample-title" hidden data-ref="sample-fig">
      <button type="button" class="btn btn-tiny png-btn" aria-label="Save Continuation as PNG" title="Save this chart as a PNG image" data-ref="sample-png">PNG</button>
      <h4 id="sample-title">Your sequence and the model's continuation</h4>
      <p class="howto">How to read: the solid line is the numbers of the prime; the dashed line, after the vertical mark, is what the model predicts next, value after value.</p>
      <canvas role="img" aria-labelledby="sample-title" data-ref="sample-chart"></canvas>
    </figure>
  </section>
  <go-part data-ref="snap-samples"></go-part>
  <figure class="reach-fig" aria-labelledby="reach-title">
    <button type="button" class="btn btn-tiny png-btn" aria-label="Save Gradient reach as PNG" title="Save this chart as a PNG image" data-ref="reach-png">PNG</button>
    <h3 id="reach-title">Gradient reach</h3>
    <p class="howto">How to read: at k, how strongly the error at the end of a window still pushes on h k steps earlier, on a log scale; a line that drops steeply means the model cannot learn from that far back (the vanishing gradient).</p>
    <canvas role="img" aria-labelledby="reach-title" aria-describedby="reach-note" data-ref="reach"></canvas>
    <p class="hint" id="reach-note" data-ref="reach-note"></p>
  </figure>
</section>`

// buildOutputColumn builds the output column: the loss, the step inspector,
// Generate and the gradient reach, with the comparison's and the snapshots'
// parts made by the model column.
func (v *View) buildOutputColumn(cmpRow, cmpRace, snapSamples dom.HTMLElement, maxGenerate int) dom.HTMLElement {
	t := v.B.Markup(outputMarkup)
	v.AlertsOf(t)
	lossCv := t.Canvas("loss")
	v.Loss, v.LossNote, v.LossFig = browser.NewDrawCanvas(lossCv), t.El("loss-note"), browser.Parent(lossCv)
	v.png(t.El("loss-png"), "Loss", lossCv, false)
	reachCv := t.Canvas("reach")
	v.Reach, v.ReachNote, v.ReachFig = browser.NewDrawCanvas(reachCv), t.El("reach-note"), browser.Parent(reachCv)
	v.png(t.El("reach-png"), "Gradient reach", reachCv, false)

	v.InspHead, v.InspPred, v.InspValues = t.El("insp-head"), t.El("insp-pred"), t.El("insp-values")
	v.InspEqC, v.InspEqH = t.El("eq-c"), t.El("eq-h")
	barsCv := t.Canvas("bars")
	v.Bars, v.BarsNote, v.BarsFig = browser.NewDrawCanvas(barsCv), t.El("bars-note"), t.El("bars-fig")
	v.png(t.El("bars-png"), "The three stages", barsCv, false)
	v.GrpInspector = t.El("inspector")

	v.Prime = t.Input("prime")
	v.Length = t.Input("length")
	v.Length.SetAttribute("max", strconv.Itoa(maxGenerate))
	v.Temperature = t.Input("temperature")
	v.Temperature.SetAttribute("max", strconv.Itoa(lstm.MaxTemperature))
	v.Controls[present.FieldPrime], v.Controls[present.FieldLength], v.Controls[present.FieldTemperature] = v.Prime, v.Length, v.Temperature
	v.TempField = t.El("temperature-field")
	v.Generate = t.Button("generate-btn")
	v.SampleText, v.SampleNote = t.El("sample"), t.El("sample-note")
	v.SamplePrime = v.B.El("span", browser.Cls("sample-prime"), browser.Attr("translate", "no"))
	v.SampleGen = v.B.El("span", browser.Cls("sample-gen"), browser.Attr("translate", "no"))
	sampleCv := t.Canvas("sample-chart")
	v.SampleChart, v.SampleFig = browser.NewDrawCanvas(sampleCv), t.El("sample-fig")
	v.png(t.El("sample-png"), "Continuation", sampleCv, false)
	v.GrpGenerate = t.El("generate")

	t.Put("cmp-row", cmpRow)
	t.Put("cmp-race", cmpRace)
	t.Put("gap", v.buildGap())
	t.Put("snap-samples", snapSamples)
	v.outCol = t.Root
	return v.outCol
}
