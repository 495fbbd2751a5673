//go:build js && wasm

package panels

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/present"
)

// dataMarkup is the data column (buildDataColumn).
const dataMarkup = `
<section class="col col-data" aria-label="Data and settings">
  <div class="grp" data-ref="grp-data">
    <h2 id="h-data">Data</h2>
    <div class="field">
      <label for="preset">Preset</label>
      <select id="preset" aria-describedby="preset-about" data-ref="preset"></select>
      <p class="hint" id="preset-about" data-ref="preset-about"></p>
      <p class="field-error" role="alert" data-field="Preset" hidden></p>
    </div>
    <div class="field">
      <label for="text">Training text</label>
      <textarea id="text" rows="9" spellcheck="false" autocomplete="off" autocapitalize="off" aria-describedby="data-info data-limits" data-ref="text"></textarea>
      <p class="hint data-info" id="data-info" aria-live="polite" data-ref="data-info"></p>
      <p class="hint" id="data-limits" data-ref="data-limits"></p>
      <p class="field-error" role="alert" data-field="Training text" hidden></p>
    </div>
    <fieldset class="mode">
      <legend>Mode</legend>
      <label class="radio"><input type="radio" name="mode" value="text" id="mode-text" data-ref="mode-text"> Text</label>
      <label class="radio"><input type="radio" name="mode" value="numbers" id="mode-numbers" data-ref="mode-numbers"> Numbers</label>
      <p class="hint">Text: predict the next character. Numbers: predict the next value of a list.</p>
      <p class="field-error" role="alert" data-field="Mode" hidden></p>
    </fieldset>
    <p class="hint vocab" translate="no" role="note" aria-label="Vocabulary" data-ref="vocab"></p>
  </div>
  <div class="grp" data-ref="grp-settings">
    <h2 id="h-training">Training</h2>
    <div class="field">
      <label for="seqlen">Sequence length</label>
      <input id="seqlen" type="number" autocomplete="off" min="1" max="" step="1" inputmode="numeric" aria-describedby="seqlen-hint" data-ref="seqlen">
      <p class="hint" id="seqlen-hint">Steps per update (truncated backpropagation). Keeps the model.</p>
      <p class="field-error" role="alert" data-field="Sequence length" hidden></p>
    </div>
    <div class="field">
      <label for="optimizer">Optimizer</label>
      <select id="optimizer" aria-describedby="optimizer-hint" data-ref="optimizer"><option value="0">Adam</option><option value="1">RMSProp</option><option value="2">SGD</option></select>
      <p class="hint" id="optimizer-hint">Changes live, without a reset.</p>
      <p class="field-error" role="alert" data-field="Optimizer" hidden></p>
    </div>
    <div class="field">
      <label for="clip">Gradient clip</label>
      <input id="clip" type="number" autocomplete="off" min="0" max="" step="any" inputmode="decimal" aria-describedby="clip-hint" data-ref="clip">
      <p class="hint" id="clip-hint">Changes live. 0 turns clipping off.</p>
      <p class="field-error" role="alert" data-field="Gradient clip" hidden></p>
    </div>
    <div class="field">
      <label for="seed">Seed</label>
      <input id="seed" type="number" autocomplete="off" min="0" step="1" inputmode="numeric" aria-describedby="seed-hint" data-ref="seed">
      <p class="hint" id="seed-hint">↺ Changing this resets the model.</p>
      <p class="field-error" role="alert" data-field="Seed" hidden></p>
    </div>
    <div class="field">
      <label for="layers">Layers</label>
      <select id="layers" aria-describedby="layers-hint" data-ref="layers"><option value="1">1</option><option value="2">2</option></select>
      <p class="hint" id="layers-hint">↺ Changing this resets the model.</p>
      <p class="field-error" role="alert" data-field="Layers" hidden></p>
    </div>
    <div class="field">
      <label for="forget-bias">Forget-gate bias</label>
      <input id="forget-bias" type="number" autocomplete="off" min="" max="" step="any" inputmode="decimal" aria-describedby="forget-bias-hint" data-ref="forget-bias">
      <p class="hint" id="forget-bias-hint">↺ Changing this resets the model.</p>
      <p class="field-error" role="alert" data-field="Forget-gate bias" hidden></p>
    </div>
  </div>
  <div class="grp" data-ref="grp-export">
    <h2 id="h-keep">Keep and share</h2>
    <div class="file-row">
      <button type="button" class="btn" data-ref="save">Save model</button>
      <label for="load" class="btn file-label">Load model</label>
      <input type="file" id="load" class="file-input" accept=".lstm,.model,application/octet-stream" data-ref="load">
    </div>
    <p class="field-error" role="alert" data-field="Save model" hidden></p>
    <p class="field-error" role="alert" data-field="Load model" hidden></p>
    <go-part data-ref="keep"></go-part>
    <go-part data-ref="export"></go-part>
  </div>
</section>`

// buildDataColumn builds the data column: the data, the training settings,
// and keep and share.
func (v *View) buildDataColumn(presets []content.Preset) dom.HTMLElement {
	b := v.B
	t := b.Markup(dataMarkup)
	v.AlertsOf(t)
	v.Preset = t.Select("preset")
	for i, p := range presets {
		v.Preset.AppendChild(b.El("option", browser.Attr("value", strconv.Itoa(i)), p.Name))
	}
	v.Preset.AppendChild(b.El("option", browser.Attr("value", "custom"), "Your own text"))
	v.PresetAbout = t.El("preset-about")
	v.Text = t.TextArea("text")
	v.DataInfo, v.DataLimits = t.El("data-info"), t.El("data-limits")
	v.ModeText = t.Input("mode-text")
	v.ModeNumbers = t.Input("mode-numbers")
	v.Vocab = t.El("vocab")
	v.SeqLen = t.Input("seqlen")
	v.SeqLen.SetAttribute("max", strconv.Itoa(lstm.MaxSeqLen))
	v.Optimizer = t.Select("optimizer")
	v.Clip = t.Input("clip")
	v.Clip.SetAttribute("max", strconv.Itoa(lstm.MaxClip))
	v.Seed = t.Input("seed")
	v.Layers = t.Select("layers")
	v.ForgetBias = t.Input("forget-bias")
	v.ForgetBias.SetAttribute("min", strconv.Itoa(-lstm.MaxForgetB))
	v.ForgetBias.SetAttribute("max", strconv.Itoa(lstm.MaxForgetB))
	for name, c := range map[string]dom.HTMLElement{"Preset": v.Preset, present.FieldText: v.Text, present.FieldSeqLen: v.SeqLen,
		present.FieldOptimizer: v.Optimizer, present.FieldClip: v.Clip, present.FieldSeed: v.Seed, present.FieldLayers: v.Layers, present.FieldForgetBias: v.ForgetBias} {
		v.Controls[name] = c
	}
	v.Save = t.Button("save")
	v.Load = t.Input("load")
	v.GrpData, v.GrpSettings, v.GrpExport = t.El("grp-data"), t.El("grp-settings"), t.El("grp-export")
	t.Put("keep", v.buildKeep())
	t.Put("export", v.buildExport())
	v.DataCol = t.Root
	return v.DataCol
}
