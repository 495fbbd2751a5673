//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/browser"
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

// keepMarkup is the share and session controls of the data column, with
// the link options for teachers (buildKeep); keepBarMarkup the offer to
// restore the last session and the notice of what was restored, under the
// top bar (buildKeepBar).
const keepMarkup = `
<div class="keep">
  <div class="file-row share-row">
    <button type="button" class="btn" title="A link to this text and these settings, with the trained weights when they fit" data-ref="share-setup">Link to this setup</button>
    <button type="button" class="btn" title="Upload the trained model to this site's share service, or put it in the link" data-ref="share-model">Share trained model</button>
  </div>
  <details class="teacher" data-ref="teacher">
    <summary>Link options for teachers</summary>
    <p class="hint">Choose before making the link: what it hides, a single chart, or the embed mode for an iframe.</p>
    <fieldset class="teacher-hide" data-ref="hides"><legend>Controls the link hides</legend></fieldset>
    <div class="field">
      <label for="link-only">Charts the link shows</label>
      <select id="link-only" data-ref="only"><option value="">All of them</option></select>
      <p class="field-error" role="alert" data-field="Charts the link shows" hidden></p>
    </div>
    <label class="check"><input type="checkbox" id="link-embed" data-ref="embed"> Embed mode, for an iframe</label>
    <div class="field" hidden data-ref="embed-field">
      <label for="embed-code">Embed code</label>
      <textarea id="embed-code" readonly rows="3" spellcheck="false" data-ref="embed-code"></textarea>
      <p class="hint">Paste this into a course page: the playground fills the frame, without its title and footer.</p>
    </div>
  </details>
  <div class="field share-box" hidden data-ref="link-box">
    <label for="share-link">Share link</label>
    <div class="inline-row">
      <input type="text" id="share-link" readonly spellcheck="false" autocomplete="off" aria-describedby="share-note" data-ref="link">
      <button type="button" class="btn btn-small" data-ref="copy">Copy link</button>
    </div>
    <p class="hint" id="share-note" aria-live="polite" data-ref="link-note"></p>
  </div>
  <p class="field-error" role="alert" data-field="Share link" hidden></p>
  <div class="fresh-row"><button type="button" class="btn btn-quiet-border" aria-describedby="fresh-hint" data-ref="fresh">Start fresh</button></div>
  <p class="hint" id="fresh-hint" data-ref="saved">This page keeps your session in this browser as you train, so a reload comes back where it was.</p>
  <p class="field-error" role="alert" data-field="Start fresh" hidden></p>
</div>`

const keepBarMarkup = `
<div>
  <div class="notice offer" role="region" aria-label="Saved session" hidden data-ref="offer">
    <span data-ref="offer-text"></span>
    <button type="button" class="btn btn-small" data-ref="restore">Restore last session</button>
    <button type="button" class="btn btn-small btn-quiet" data-ref="dismiss">Not now</button>
  </div>
  <p class="notice" role="status" hidden data-ref="notice"></p>
</div>`

// buildKeep makes the share and session controls of the data column.
func (v *View) buildKeep() dom.HTMLElement {
	t, k := v.B.Markup(keepMarkup), &v.Keep
	v.AlertsOf(t)
	k.ShareSetup = t.Button("share-setup")
	k.ShareModel = t.Button("share-model")
	k.Link = t.Input("link")
	k.Copy = t.Button("copy")
	k.LinkNote, k.LinkBox = t.El("link-note"), t.El("link-box")
	k.Fresh = t.Button("fresh")
	k.Saved = t.El("saved")
	v.wireTeacher(t)
	return t.Root
}

// buildKeepBar makes the offer to restore the last session and the notice of
// what the page restored or loaded, shown under the top bar.
func (v *View) buildKeepBar() dom.HTMLElement {
	t, k := v.B.Markup(keepBarMarkup), &v.Keep
	k.Offer, k.OfferText, k.Notice = t.El("offer"), t.El("offer-text"), t.El("notice")
	k.OfferRestore = t.Button("restore")
	k.OfferDismiss = t.Button("dismiss")
	return t.Root
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

// wireTeacher fills and wires the link options for teachers (keepMarkup):
// the controls to hide, the charts to show alone, the embed mode, and the
// iframe code.
func (v *View) wireTeacher(t *browser.Tree) {
	b, k := v.B, &v.Keep
	k.Teacher = t.El("teacher")
	k.Hide = map[string]*dom.HTMLInputElement{}
	hides := t.El("hides")
	for _, name := range share.HideNames() {
		in := b.El("input", browser.Attr("type", "checkbox"), browser.ID("hide-"+name), browser.Attr("value", name)).(*dom.HTMLInputElement)
		k.Hide[name] = in
		hides.AppendChild(b.El("label", browser.Cls("check"), in, " "+hideLabels[name]))
	}
	k.Only = t.Select("only")
	v.Controls["Charts the link shows"] = k.Only
	for _, c := range share.Charts() {
		k.Only.AppendChild(b.El("option", browser.Attr("value", c), chartLabels[c]))
	}
	k.Embed = t.Input("embed")
	k.EmbedCode = t.TextArea("embed-code")
	k.EmbedField = t.El("embed-field")
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
