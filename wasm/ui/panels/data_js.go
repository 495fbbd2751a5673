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

// buildDataColumn builds the data column: the data, the training settings,
// and keep and share.
func (v *View) buildDataColumn(presets []content.Preset) dom.HTMLElement {
	b := v.B
	opts := make([][2]string, len(presets)+1)
	for i, p := range presets {
		opts[i] = [2]string{strconv.Itoa(i), p.Name}
	}
	opts[len(presets)] = [2]string{"custom", "Your own text"}
	var f Field
	v.Preset, f = v.SelectField("preset", "Preset", "", opts)
	presetF := f
	v.PresetAbout = b.El("p", browser.Cls("hint"), browser.ID("preset-about"))
	v.Preset.SetAttribute("aria-describedby", "preset-about")
	presetF.Root.InsertBefore(v.PresetAbout, presetF.alert)

	v.Text = b.El("textarea", browser.ID("text"), browser.Attr("rows", "9"), browser.Attr("spellcheck", "false"), browser.Attr("autocomplete", "off"),
		browser.Attr("autocapitalize", "off"), browser.Attr("aria-describedby", "data-info data-limits")).(*dom.HTMLTextAreaElement)
	v.DataInfo = b.El("p", browser.Cls("hint data-info"), browser.ID("data-info"), browser.Attr("aria-live", "polite"))
	v.DataLimits = b.El("p", browser.Cls("hint"), browser.ID("data-limits"))
	textAlert := v.Alert(present.FieldText)
	v.Controls[present.FieldText] = v.Text
	textF := b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "text"), present.FieldText), v.Text, v.DataInfo, v.DataLimits, textAlert)

	v.ModeText = b.El("input", browser.Attr("type", "radio"), browser.Attr("name", "mode"), browser.Attr("value", "text"), browser.ID("mode-text")).(*dom.HTMLInputElement)
	v.ModeNumbers = b.El("input", browser.Attr("type", "radio"), browser.Attr("name", "mode"), browser.Attr("value", "numbers"), browser.ID("mode-numbers")).(*dom.HTMLInputElement)
	modeF := b.El("fieldset", browser.Cls("mode"),
		b.El("legend", "Mode"),
		b.El("label", browser.Cls("radio"), v.ModeText, " Text"),
		b.El("label", browser.Cls("radio"), v.ModeNumbers, " Numbers"),
		b.El("p", browser.Cls("hint"), "Text: predict the next character. Numbers: predict the next value of a list."),
		v.Alert(present.FieldMode))

	var seqF, optF, clipF, seedF, layF, fbF Field
	v.SeqLen, seqF = v.input("seqlen", present.FieldSeqLen, "number", "Steps per update (truncated backpropagation). Keeps the model.",
		browser.Attr("min", "1"), browser.Attr("max", strconv.Itoa(lstm.MaxSeqLen)), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"))
	v.Optimizer, optF = v.SelectField("optimizer", present.FieldOptimizer, hintLive, [][2]string{{"0", "Adam"}, {"1", "RMSProp"}, {"2", "SGD"}})
	v.Clip, clipF = v.input("clip", present.FieldClip, "number", "Changes live. 0 turns clipping off.",
		browser.Attr("min", "0"), browser.Attr("max", strconv.Itoa(lstm.MaxClip)), browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"))
	v.Seed, seedF = v.input("seed", present.FieldSeed, "number", hintResets,
		browser.Attr("min", "0"), browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"))
	v.Layers, layF = v.SelectField("layers", present.FieldLayers, hintResets, [][2]string{{"1", "1"}, {"2", "2"}})
	v.ForgetBias, fbF = v.input("forget-bias", present.FieldForgetBias, "number", hintResets,
		browser.Attr("min", strconv.Itoa(-lstm.MaxForgetB)), browser.Attr("max", strconv.Itoa(lstm.MaxForgetB)), browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"))

	v.Save = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), "Save model").(*dom.HTMLButtonElement)
	v.Load = b.El("input", browser.Attr("type", "file"), browser.ID("load"), browser.Cls("file-input"), browser.Attr("accept", ".lstm,.model,application/octet-stream")).(*dom.HTMLInputElement)
	fileRow := b.El("div", browser.Cls("file-row"),
		v.Save,
		b.El("label", browser.Attr("for", "load"), browser.Cls("btn file-label"), "Load model"),
		v.Load)
	v.Vocab = b.El("p", browser.Cls("hint vocab"), browser.Attr("translate", "no"), browser.Attr("role", "note"), browser.Attr("aria-label", "Vocabulary"))

	v.GrpData = b.El("div", browser.Cls("grp"), b.El("h2", browser.ID("h-data"), "Data"), presetF.Root, textF, modeF, v.Vocab)
	v.GrpSettings = b.El("div", browser.Cls("grp"), b.El("h2", browser.ID("h-training"), "Training"),
		seqF.Root, optF.Root, clipF.Root, seedF.Root, layF.Root, fbF.Root)
	v.GrpExport = b.El("div", browser.Cls("grp"), b.El("h2", browser.ID("h-keep"), "Keep and share"),
		fileRow, v.Alert(present.FieldSave), v.Alert(present.FieldLoad), v.buildKeep(), v.buildExport())
	v.DataCol = b.El("section", browser.Cls("col col-data"), browser.Attr("aria-label", "Data and settings"),
		v.GrpData, v.GrpSettings, v.GrpExport)
	return v.DataCol
}
