//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/present"
)

// insideView holds the unit view's elements.
type insideView struct {
	root       dom.HTMLElement
	Order      *dom.HTMLSelectElement
	State      *dom.HTMLSelectElement
	FeatBody   dom.HTMLElement
	FeatNote   dom.HTMLElement
	TextHead   dom.HTMLElement
	Text       dom.HTMLElement
	Spans      []dom.HTMLElement
	GateBody   dom.HTMLElement
	GateNote   dom.HTMLElement
	ClampState *dom.HTMLSelectElement
	ClampUnit  *dom.HTMLInputElement
	ClampValue *dom.HTMLInputElement
	ClampApply *dom.HTMLButtonElement
	ClampClear *dom.HTMLButtonElement
	ClampOut   dom.HTMLElement
	ClampRows  dom.HTMLElement
	ClampCells [][]dom.HTMLElement // reads, guess, clamped: one span per step
	FeatRows   []*FeatRow
	GateRows   []*GateRow
}

// FeatRow is a row of the feature table.
type FeatRow struct {
	Row, Name, Btn, R, Bar dom.HTMLElement
}

// GateRow is a row of the gate statistics.
type GateRow struct {
	Row, Shut, Open, ShutBar, OpenBar dom.HTMLElement
}

// insideMarkup is the unit view (buildInside).
const insideMarkup = `
<section class="inside" aria-labelledby="h-units">
  <h3 id="h-units">Units: what each one does</h3>
  <div class="inline-row unit-opts">
    <div class="field inline">
      <label for="row-order">Heatmap rows</label>
      <select id="row-order" data-ref="order"><option value="number">By unit number</option><option value="similar">Similar units together</option></select>
      <p class="field-error" role="alert" data-field="Heatmap rows" hidden></p>
    </div>
    <div class="field inline">
      <label for="unit-state">Unit state</label>
      <select id="unit-state" data-ref="state"><option value="c">c (the cell state)</option><option value="h">h (the hidden state)</option></select>
      <p class="field-error" role="alert" data-field="Unit state" hidden></p>
    </div>
  </div>
  <div class="unit-part">
    <h4>Units that follow the text</h4>
    <p class="howto">How to read: each row is a simple feature of the training text and the unit whose activation goes up and down with it (r near ±1). Press a unit to colour the text by it.</p>
    <table class="feat-table"><thead><tr><th>feature</th><th>unit</th><th>r</th></tr></thead><tbody data-ref="feat-body"></tbody></table>
    <p class="hint" aria-live="polite" data-ref="feat-note"></p>
  </div>
  <div class="unit-part">
    <h4>The text, coloured by one unit</h4>
    <p class="howto">How to read: every character of the start of the training text is coloured by the chosen unit after reading it: orange positive, blue negative, white near 0. Click a row of a heatmap (or a unit above) to choose the unit.</p>
    <p class="unit-text-head" aria-live="polite" data-ref="text-head"></p>
    <pre class="unit-text" translate="no" tabindex="0" role="region" aria-label="Training text coloured by the chosen unit" data-ref="text"></pre>
  </div>
  <div class="unit-part">
    <h4>Gate statistics</h4>
    <p class="howto">How to read: how often each gate is nearly shut (below 0.1) or wide open (above 0.9) over the start of the training text. A gate that is often shut or open acts like a switch.</p>
    <table class="gate-table"><thead><tr><th>gate</th><th>shut &lt; 0.1</th><th>open &gt; 0.9</th><th aria-hidden="true"></th></tr></thead><tbody data-ref="gate-body"></tbody></table>
    <p class="hint" data-ref="gate-note"></p>
  </div>
  <div class="unit-part">
    <h4>Intervene</h4>
    <p class="howto">Hold one unit of c or h at a value at every step of the probe (0 switches it off) and see how the model's guesses change. A unit that matters changes them.</p>
    <div class="clamp-row">
      <label for="clamp-state">Clamp state</label>
      <select id="clamp-state" data-ref="clamp-state"><option value="c">c</option><option value="h">h</option></select>
      <label for="clamp-unit">Clamp unit</label>
      <input id="clamp-unit" type="number" min="1" step="1" inputmode="numeric" autocomplete="off" data-ref="clamp-unit">
      <label for="clamp-value">Clamp value</label>
      <input id="clamp-value" type="number" step="any" inputmode="decimal" autocomplete="off" value="0" data-ref="clamp-value">
      <button type="button" class="btn btn-small" data-ref="apply">Clamp and compare</button>
      <button type="button" class="btn btn-small btn-quiet" hidden data-ref="clear">Release the unit</button>
    </div>
    <p class="field-error" role="alert" data-field="Clamp unit" hidden></p>
    <p class="field-error" role="alert" data-field="Clamp value" hidden></p>
    <p class="clamp-out" aria-live="polite" data-ref="out"></p>
    <div class="clamp-rows" aria-hidden="true" data-ref="rows"></div>
  </div>
</section>`

// buildInside makes the unit view.
func (v *View) buildInside() dom.HTMLElement {
	t, w := v.B.Markup(insideMarkup), &v.In
	v.AlertsOf(t)
	w.root = t.Root
	w.Order = t.Select("order")
	w.State = t.Select("state")
	w.FeatBody, w.FeatNote, w.TextHead, w.Text = t.El("feat-body"), t.El("feat-note"), t.El("text-head"), t.El("text")
	w.GateBody, w.GateNote, w.ClampOut, w.ClampRows = t.El("gate-body"), t.El("gate-note"), t.El("out"), t.El("rows")
	w.ClampState = t.Select("clamp-state")
	w.ClampUnit = t.Input("clamp-unit")
	w.ClampValue = t.Input("clamp-value")
	w.ClampApply = t.Button("apply")
	w.ClampClear = t.Button("clear")
	v.Controls["Heatmap rows"], v.Controls["Unit state"] = w.Order, w.State
	v.Controls["Clamp state"] = w.ClampState
	v.Controls[present.FieldClampUnit], v.Controls[present.FieldClampValue] = w.ClampUnit, w.ClampValue
	return w.root
}

// UnitGroups returns what a teacher link's hide=units hides.
func (v *View) UnitGroups() []dom.HTMLElement { return []dom.HTMLElement{v.grpUnits, v.In.root} }
