//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// keepView holds the elements of keeping and sharing: the share buttons and
// link, Start fresh, the saved-session line, and (in the bar) the offer to
// restore the last session and the notice of what was restored.
type keepView struct {
	shareSetup *dom.HTMLButtonElement
	shareModel *dom.HTMLButtonElement
	linkBox    dom.HTMLElement
	link       *dom.HTMLInputElement
	copy       *dom.HTMLButtonElement
	linkNote   dom.HTMLElement
	fresh      *dom.HTMLButtonElement
	saved      dom.HTMLElement

	teacher    dom.HTMLElement // details: the link's options for teachers
	hide       map[string]*dom.HTMLInputElement
	only       *dom.HTMLSelectElement
	embed      *dom.HTMLInputElement
	embedCode  *dom.HTMLTextAreaElement
	embedField dom.HTMLElement

	offer        dom.HTMLElement
	offerText    dom.HTMLElement
	offerRestore *dom.HTMLButtonElement
	offerDismiss *dom.HTMLButtonElement
	notice       dom.HTMLElement
}

// buildKeep makes the share and session controls of the data column.
func (v *view) buildKeep() dom.HTMLElement {
	b, k := v.b, &v.keep
	k.shareSetup = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"),
		browser.Attr("title", "A link to this text and these settings, with the trained weights when they fit"), "Link to this setup").(*dom.HTMLButtonElement)
	k.shareModel = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"),
		browser.Attr("title", "Upload the trained model to this site's share service, or put it in the link"), "Share trained model").(*dom.HTMLButtonElement)
	k.link = b.El("input", browser.Attr("type", "text"), browser.ID("share-link"), browser.Attr("readonly", ""), browser.Attr("spellcheck", "false"),
		browser.Attr("autocomplete", "off"), browser.Attr("aria-describedby", "share-note")).(*dom.HTMLInputElement)
	k.copy = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Copy link").(*dom.HTMLButtonElement)
	k.linkNote = b.El("p", browser.Cls("hint"), browser.ID("share-note"), browser.Attr("aria-live", "polite"))
	k.linkBox = b.El("div", browser.Cls("field share-box"),
		b.El("label", browser.Attr("for", "share-link"), present.FieldShare),
		b.El("div", browser.Cls("inline-row"), k.link, k.copy), k.linkNote)
	browser.SetHidden(k.linkBox, true)
	k.teacher = v.buildTeacher()
	k.fresh = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-quiet-border"), browser.Attr("aria-describedby", "fresh-hint"), "Start fresh").(*dom.HTMLButtonElement)
	k.saved = b.El("p", browser.Cls("hint"), browser.ID("fresh-hint"), "This page keeps your session in this browser as you train, so a reload comes back where it was.")
	return b.El("div", browser.Cls("keep"),
		b.El("div", browser.Cls("file-row share-row"), k.shareSetup, k.shareModel),
		k.teacher, k.linkBox, v.alert(present.FieldShare),
		b.El("div", browser.Cls("fresh-row"), k.fresh), k.saved, v.alert(present.FieldFresh))
}

// buildKeepBar makes the offer to restore the last session and the notice of
// what the page restored or loaded, shown under the top bar.
func (v *view) buildKeepBar() dom.HTMLElement {
	b, k := v.b, &v.keep
	k.offerText = b.El("span")
	k.offerRestore = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Restore last session").(*dom.HTMLButtonElement)
	k.offerDismiss = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Not now").(*dom.HTMLButtonElement)
	k.offer = b.El("div", browser.Cls("notice offer"), browser.Attr("role", "region"), browser.Attr("aria-label", "Saved session"),
		k.offerText, k.offerRestore, k.offerDismiss)
	browser.SetHidden(k.offer, true)
	k.notice = b.El("p", browser.Cls("notice"), browser.Attr("role", "status"))
	browser.SetHidden(k.notice, true)
	return b.El("div", k.offer, k.notice)
}

// hideLabels name what each of a link's hide options hides.
var hideLabels = map[string]string{
	share.HideData:      "Hide the data",
	share.HideSettings:  "Hide the settings",
	share.HideTrain:     "Hide Train, Step and Reset",
	share.HideProbe:     "Hide the probe text",
	share.HideGenerate:  "Hide Generate",
	share.HideInspector: "Hide the step inspector",
	share.HideUnits:     "Hide the unit view",
	share.HideCompare:   "Hide Compare LSTM and RNN",
	share.HideExport:    "Hide saving, sharing and downloads",
}

// chartLabels name the charts a link can show alone.
// (Not the charts' own titles, which name the charts themselves.)
var chartLabels = map[string]string{
	share.ChartC: "only the heatmap of c", share.ChartH: "only the heatmap of h", share.ChartZi: "only the heatmap of zi",
	share.ChartZf: "only the heatmap of zf", share.ChartZ: "only the heatmap of z", share.ChartZo: "only the heatmap of zo",
	share.ChartLoss: "only the loss chart", share.ChartReach: "only the gradient reach chart", share.ChartDelta: "only the mean change per step",
}

// buildTeacher makes the link options for teachers: controls to hide, one
// chart to show alone, the embed mode, and the iframe code.
func (v *view) buildTeacher() dom.HTMLElement {
	b, k := v.b, &v.keep
	k.hide = map[string]*dom.HTMLInputElement{}
	hides := b.El("fieldset", browser.Cls("teacher-hide"), b.El("legend", "Controls the link hides"))
	for _, name := range share.HideNames() {
		in := b.El("input", browser.Attr("type", "checkbox"), browser.ID("hide-"+name), browser.Attr("value", name)).(*dom.HTMLInputElement)
		k.hide[name] = in
		hides.AppendChild(b.El("label", browser.Cls("check"), in, " "+hideLabels[name]))
	}
	opts := [][2]string{{"", "All of them"}}
	for _, c := range share.Charts() {
		opts = append(opts, [2]string{c, chartLabels[c]})
	}
	var f field
	k.only, f = v.selectField("link-only", "Charts the link shows", "", opts)
	k.embed = b.El("input", browser.Attr("type", "checkbox"), browser.ID("link-embed")).(*dom.HTMLInputElement)
	k.embedCode = b.El("textarea", browser.ID("embed-code"), browser.Attr("readonly", ""), browser.Attr("rows", "3"), browser.Attr("spellcheck", "false")).(*dom.HTMLTextAreaElement)
	k.embedField = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "embed-code"), "Embed code"), k.embedCode,
		b.El("p", browser.Cls("hint"), "Paste this into a course page: the playground fills the frame, without its title and footer."))
	browser.SetHidden(k.embedField, true)
	return b.El("details", browser.Cls("teacher"),
		b.El("summary", "Link options for teachers"),
		b.El("p", browser.Cls("hint"), "Choose before making the link: what it hides, a single chart, or the embed mode for an iframe."),
		hides, f.root,
		b.El("label", browser.Cls("check"), k.embed, " Embed mode, for an iframe"),
		k.embedField)
}

// chartTargets returns the elements of a chart a link shows alone.
func (v *view) chartTargets(name string) []dom.HTMLElement {
	heat := func(k heatKind) []dom.HTMLElement {
		return []dom.HTMLElement{v.heat[k].root, v.probeRow, v.probeLineE, v.empty, v.traceNote, v.heatHow}
	}
	switch name {
	case share.ChartC:
		return heat(heatC)
	case share.ChartH:
		return heat(heatH)
	case share.ChartZi:
		return heat(heatZi)
	case share.ChartZf:
		return heat(heatZf)
	case share.ChartZ:
		return heat(heatZ)
	case share.ChartZo:
		return heat(heatZo)
	case share.ChartLoss:
		return []dom.HTMLElement{v.lossFig}
	case share.ChartReach:
		return []dom.HTMLElement{v.reachFig}
	case share.ChartDelta:
		return []dom.HTMLElement{v.deltaFig, v.empty, v.traceNote}
	}
	return nil
}
