//go:build js && wasm

package panels

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// buildTopBar builds the top bar (Train, Step, Reset, the figures, the cell,
// hidden units and learning rate, the tour and Large text) and the alerts
// under it.
func (v *View) buildTopBar(hiddenSizes []int, learningRates []float64) (top, barAlerts dom.HTMLElement) {
	b := v.B
	v.TrainIcon = b.El("span", browser.Cls("icon"), browser.Attr("aria-hidden", "true"), "▶")
	v.TrainLabel = b.El("span", "Train")
	v.Train = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-train"), browser.Attr("aria-keyshortcuts", "Space"),
		v.TrainIcon, v.TrainLabel).(*dom.HTMLButtonElement)
	v.Step = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), browser.Attr("title", "Train exactly one update"), "One update").(*dom.HTMLButtonElement)
	v.Reset = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), browser.Attr("title", "Start again from a fresh model"), "Reset").(*dom.HTMLButtonElement)
	stat := func(idv, label string, title string) dom.HTMLElement {
		out := b.El("output", browser.ID(idv), browser.Attr("aria-labelledby", idv+"-l"), browser.Attr("aria-live", "off"), browser.Cls("stat-value"), "–")
		return b.El("div", browser.Cls("stat"), browser.Attr("title", title), b.El("span", browser.Cls("stat-label"), browser.ID(idv+"-l"), label), out)
	}
	statU := stat("stat-update", "Update", "Updates (optimizer steps) the model has had")
	statL := stat("stat-loss", "Loss", "Loss of the last update")
	statR := stat("stat-rate", "Chars/s", "Training speed: characters (or values) per second")
	v.StatUpdate = browser.LastElement(statU)
	v.StatLoss = browser.LastElement(statL)
	v.StatRate = browser.LastElement(statR)

	compact := func(idv, label, note string, control dom.HTMLElement) (dom.HTMLElement, dom.HTMLElement) {
		control.SetAttribute("aria-describedby", idv+"-note")
		a := v.Alert(label)
		v.Controls[label] = control
		return b.El("div", browser.Cls("compact"),
			b.El("label", browser.Attr("for", idv), label), control,
			b.El("span", browser.Cls("compact-note"), browser.ID(idv+"-note"), note)), a
	}
	v.Cell = b.El("select", browser.ID("cell"),
		b.El("option", browser.Attr("value", "0"), "LSTM"), b.El("option", browser.Attr("value", "1"), "RNN")).(*dom.HTMLSelectElement)
	v.Hidden = b.El("input", browser.ID("hidden"), browser.Attr("type", "number"), browser.Attr("min", "1"), browser.Attr("max", strconv.Itoa(lstm.MaxHidden)),
		browser.Attr("step", "1"), browser.Attr("inputmode", "numeric"), browser.Attr("list", "hidden-list"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	v.LR = b.El("input", browser.ID("lr"), browser.Attr("type", "number"), browser.Attr("min", "0.000001"), browser.Attr("max", "1"),
		browser.Attr("step", "any"), browser.Attr("inputmode", "decimal"), browser.Attr("list", "lr-list"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	hiddenList := b.El("datalist", browser.ID("hidden-list"))
	for _, n := range hiddenSizes {
		hiddenList.AppendChild(b.El("option", browser.Attr("value", strconv.Itoa(n))))
	}
	lrList := b.El("datalist", browser.ID("lr-list"))
	for _, r := range learningRates {
		lrList.AppendChild(b.El("option", browser.Attr("value", strconv.FormatFloat(r, 'f', -1, 64))))
	}
	cellC, cellA := compact("cell", present.FieldCell, "↺ resets", v.Cell)
	hidC, hidA := compact("hidden", present.FieldHidden, "↺ resets", v.Hidden)
	lrC, lrA := compact("lr", present.FieldLR, "live", v.LR)
	v.LargeText = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-quiet"), browser.Attr("aria-pressed", "false"),
		browser.Attr("title", "Bigger text for projectors"), "Large text").(*dom.HTMLButtonElement)
	langC := v.buildLang()
	v.Notice = b.El("p", browser.Cls("notice"), browser.Attr("role", "status"))
	browser.SetHidden(v.Notice, true)
	general := v.Alert("")
	general.Class().Add("general-error")

	tourCard, tourOpen := v.buildTour()
	v.LiveTrain = b.El("p", browser.Cls("visually-hidden"), browser.Attr("role", "status"), browser.Attr("aria-label", "Training state"))
	v.GrpRun = b.El("div", browser.Cls("run"), browser.Attr("role", "group"), browser.Attr("aria-label", "Training"), v.Train, v.Step, v.Reset, v.LiveTrain)
	v.GrpArch = b.El("div", browser.Cls("arch"), browser.Attr("role", "group"), browser.Attr("aria-label", "Model"), cellC, hidC, lrC, hiddenList, lrList)
	v.top = b.El("header", browser.Cls("topbar"),
		b.El("div", browser.Cls("brand"), b.El("h1", "LSTM Playground"), b.El("span", browser.Cls("tagline"), "watch a recurrent net learn")),
		v.GrpRun,
		b.El("div", browser.Cls("stats"), statU, statL, statR),
		v.GrpArch,
		b.El("div", browser.Cls("view-opts"), tourOpen, v.LargeText, langC),
	)
	barAlerts = b.El("div", browser.Cls("bar-alerts"), cellA, hidA, lrA, general, v.Alert(present.FieldLink), v.Notice, v.buildKeepBar(), tourCard)
	return v.top, barAlerts
}

// buildLang builds the language switch: a select named in both languages,
// each language named in itself (not translated).
func (v *View) buildLang() dom.HTMLElement {
	b := v.B
	v.Lang = b.El("select", browser.ID("lang"), browser.Cls("lang-select"), browser.Attr("translate", "no"),
		b.El("option", browser.Attr("value", "en"), browser.Attr("lang", "en"), "English"),
		b.El("option", browser.Attr("value", "zh-CN"), browser.Attr("lang", "zh-CN"), "中文")).(*dom.HTMLSelectElement)
	return b.El("div", browser.Cls("lang-switch"),
		b.El("label", browser.Attr("for", "lang"), browser.Cls("visually-hidden"), browser.Attr("translate", "no"),
			b.El("span", browser.Attr("lang", "en"), "Language"), " / ", b.El("span", browser.Attr("lang", "zh-CN"), "语言")),
		v.Lang)
}
