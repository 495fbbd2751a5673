//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"
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

	offer        dom.HTMLElement
	offerText    dom.HTMLElement
	offerRestore *dom.HTMLButtonElement
	offerDismiss *dom.HTMLButtonElement
	notice       dom.HTMLElement
}

// buildKeep makes the share and session controls of the data column.
func (v *view) buildKeep() dom.HTMLElement {
	b, k := v.b, &v.keep
	k.shareSetup = b.el("button", attr{"type", "button"}, cls("btn"),
		attr{"title", "A link to this text and these settings, with the trained weights when they fit"}, "Link to this setup").(*dom.HTMLButtonElement)
	k.shareModel = b.el("button", attr{"type", "button"}, cls("btn"),
		attr{"title", "Upload the trained model to this site's share service, or put it in the link"}, "Share trained model").(*dom.HTMLButtonElement)
	k.link = b.el("input", attr{"type", "text"}, id("share-link"), attr{"readonly", ""}, attr{"spellcheck", "false"},
		attr{"autocomplete", "off"}, attr{"aria-describedby", "share-note"}).(*dom.HTMLInputElement)
	k.copy = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Copy link").(*dom.HTMLButtonElement)
	k.linkNote = b.el("p", cls("hint"), id("share-note"), attr{"aria-live", "polite"})
	k.linkBox = b.el("div", cls("field share-box"),
		b.el("label", attr{"for", "share-link"}, FieldShare),
		b.el("div", cls("inline-row"), k.link, k.copy), k.linkNote)
	setHidden(k.linkBox, true)
	k.fresh = b.el("button", attr{"type", "button"}, cls("btn btn-quiet-border"), attr{"aria-describedby", "fresh-hint"}, "Start fresh").(*dom.HTMLButtonElement)
	k.saved = b.el("p", cls("hint"), id("fresh-hint"), "This page keeps your session in this browser as you train, so a reload comes back where it was.")
	return b.el("div", cls("keep"),
		b.el("div", cls("file-row share-row"), k.shareSetup, k.shareModel),
		k.linkBox, v.alert(FieldShare),
		b.el("div", cls("fresh-row"), k.fresh), k.saved, v.alert(FieldFresh))
}

// buildKeepBar makes the offer to restore the last session and the notice of
// what the page restored or loaded, shown under the top bar.
func (v *view) buildKeepBar() dom.HTMLElement {
	b, k := v.b, &v.keep
	k.offerText = b.el("span")
	k.offerRestore = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Restore last session").(*dom.HTMLButtonElement)
	k.offerDismiss = b.el("button", attr{"type", "button"}, cls("btn btn-small btn-quiet"), "Not now").(*dom.HTMLButtonElement)
	k.offer = b.el("div", cls("notice offer"), attr{"role", "region"}, attr{"aria-label", "Saved session"},
		k.offerText, k.offerRestore, k.offerDismiss)
	setHidden(k.offer, true)
	k.notice = b.el("p", cls("notice"), attr{"role", "status"})
	setHidden(k.notice, true)
	return b.el("div", k.offer, k.notice)
}
