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
