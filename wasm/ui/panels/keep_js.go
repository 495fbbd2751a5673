//go:build js && wasm

package panels

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
	ShareSetup *dom.HTMLButtonElement
	ShareModel *dom.HTMLButtonElement
	LinkBox    dom.HTMLElement
	Link       *dom.HTMLInputElement
	Copy       *dom.HTMLButtonElement
	LinkNote   dom.HTMLElement
	Fresh      *dom.HTMLButtonElement
	Saved      dom.HTMLElement

	Teacher    dom.HTMLElement // details: the link's options for teachers
	Hide       map[string]*dom.HTMLInputElement
	Only       *dom.HTMLSelectElement
	Embed      *dom.HTMLInputElement
	EmbedCode  *dom.HTMLTextAreaElement
	EmbedField dom.HTMLElement

	Offer        dom.HTMLElement
	OfferText    dom.HTMLElement
	OfferRestore *dom.HTMLButtonElement
	OfferDismiss *dom.HTMLButtonElement
	Notice       dom.HTMLElement
}

// buildKeep makes the share and session controls of the data column.
func (v *View) buildKeep() dom.HTMLElement {
	b, k := v.B, &v.Keep
	k.ShareSetup = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"),
		browser.Attr("title", "A link to this text and these settings, with the trained weights when they fit"), "Link to this setup").(*dom.HTMLButtonElement)
	k.ShareModel = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"),
		browser.Attr("title", "Upload the trained model to this site's share service, or put it in the link"), "Share trained model").(*dom.HTMLButtonElement)
	k.Link = b.El("input", browser.Attr("type", "text"), browser.ID("share-link"), browser.Attr("readonly", ""), browser.Attr("spellcheck", "false"),
		browser.Attr("autocomplete", "off"), browser.Attr("aria-describedby", "share-note")).(*dom.HTMLInputElement)
	k.Copy = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Copy link").(*dom.HTMLButtonElement)
	k.LinkNote = b.El("p", browser.Cls("hint"), browser.ID("share-note"), browser.Attr("aria-live", "polite"))
	k.LinkBox = b.El("div", browser.Cls("field share-box"),
		b.El("label", browser.Attr("for", "share-link"), present.FieldShare),
		b.El("div", browser.Cls("inline-row"), k.Link, k.Copy), k.LinkNote)
	browser.SetHidden(k.LinkBox, true)
	k.Teacher = v.buildTeacher()
	k.Fresh = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-quiet-border"), browser.Attr("aria-describedby", "fresh-hint"), "Start fresh").(*dom.HTMLButtonElement)
	k.Saved = b.El("p", browser.Cls("hint"), browser.ID("fresh-hint"), "This page keeps your session in this browser as you train, so a reload comes back where it was.")
	return b.El("div", browser.Cls("keep"),
		b.El("div", browser.Cls("file-row share-row"), k.ShareSetup, k.ShareModel),
		k.Teacher, k.LinkBox, v.Alert(present.FieldShare),
		b.El("div", browser.Cls("fresh-row"), k.Fresh), k.Saved, v.Alert(present.FieldFresh))
}

// buildKeepBar makes the offer to restore the last session and the notice of
// what the page restored or loaded, shown under the top bar.
func (v *View) buildKeepBar() dom.HTMLElement {
	b, k := v.B, &v.Keep
	k.OfferText = b.El("span")
	k.OfferRestore = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Restore last session").(*dom.HTMLButtonElement)
	k.OfferDismiss = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Not now").(*dom.HTMLButtonElement)
	k.Offer = b.El("div", browser.Cls("notice offer"), browser.Attr("role", "region"), browser.Attr("aria-label", "Saved session"),
		k.OfferText, k.OfferRestore, k.OfferDismiss)
	browser.SetHidden(k.Offer, true)
	k.Notice = b.El("p", browser.Cls("notice"), browser.Attr("role", "status"))
	browser.SetHidden(k.Notice, true)
	return b.El("div", k.Offer, k.Notice)
}

// hideLabels name what each of a link's hide options hides.
var hideLabels = map[string]string{
	share.HideData:      "Hide the data",
	share.HideSettings:  "Hide the settings",
	share.HideTrain:     "Hide Train, One update and Reset",
	share.HideProbe:     "Hide the probe text",
	share.HideGenerate:  "Hide Generate",
	share.HideInspector: "Hide the time-step inspector",
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
func (v *View) buildTeacher() dom.HTMLElement {
	b, k := v.B, &v.Keep
	k.Hide = map[string]*dom.HTMLInputElement{}
	hides := b.El("fieldset", browser.Cls("teacher-hide"), b.El("legend", "Controls the link hides"))
	for _, name := range share.HideNames() {
		in := b.El("input", browser.Attr("type", "checkbox"), browser.ID("hide-"+name), browser.Attr("value", name)).(*dom.HTMLInputElement)
		k.Hide[name] = in
		hides.AppendChild(b.El("label", browser.Cls("check"), in, " "+hideLabels[name]))
	}
	opts := [][2]string{{"", "All of them"}}
	for _, c := range share.Charts() {
		opts = append(opts, [2]string{c, chartLabels[c]})
	}
	var f Field
	k.Only, f = v.SelectField("link-only", "Charts the link shows", "", opts)
	k.Embed = b.El("input", browser.Attr("type", "checkbox"), browser.ID("link-embed")).(*dom.HTMLInputElement)
	k.EmbedCode = b.El("textarea", browser.ID("embed-code"), browser.Attr("readonly", ""), browser.Attr("rows", "3"), browser.Attr("spellcheck", "false")).(*dom.HTMLTextAreaElement)
	k.EmbedField = b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "embed-code"), "Embed code"), k.EmbedCode,
		b.El("p", browser.Cls("hint"), "Paste this into a course page: the playground fills the frame, without its title and footer."))
	browser.SetHidden(k.EmbedField, true)
	return b.El("details", browser.Cls("teacher"),
		b.El("summary", "Link options for teachers"),
		b.El("p", browser.Cls("hint"), "Choose before making the link: what it hides, a single chart, or the embed mode for an iframe."),
		hides, f.Root,
		b.El("label", browser.Cls("check"), k.Embed, " Embed mode, for an iframe"),
		k.EmbedField)
}

// ChartTargets returns the elements of a chart a link shows alone.
func (v *View) ChartTargets(name string) []dom.HTMLElement {
	heat := func(k HeatKind) []dom.HTMLElement {
		return []dom.HTMLElement{v.Heat[k].Root, v.ProbeRow, v.ProbeLineE, v.Empty, v.TraceNote, v.heatHow}
	}
	switch name {
	case share.ChartC:
		return heat(HeatC)
	case share.ChartH:
		return heat(HeatH)
	case share.ChartZi:
		return heat(HeatZi)
	case share.ChartZf:
		return heat(HeatZf)
	case share.ChartZ:
		return heat(HeatZ)
	case share.ChartZo:
		return heat(HeatZo)
	case share.ChartLoss:
		return []dom.HTMLElement{v.LossFig}
	case share.ChartReach:
		return []dom.HTMLElement{v.ReachFig}
	case share.ChartDelta:
		return []dom.HTMLElement{v.deltaFig, v.Empty, v.TraceNote}
	}
	return nil
}
