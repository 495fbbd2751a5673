//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// tourView holds the guided tour's elements.
type tourView struct {
	root  dom.HTMLElement
	count dom.HTMLElement
	text  dom.HTMLElement
	next  *dom.HTMLButtonElement
	back  *dom.HTMLButtonElement
	close *dom.HTMLButtonElement
	open  *dom.HTMLButtonElement // in the top bar
}

// buildTour makes the tour card (under the top bar) and its button (in the
// top bar).
func (v *view) buildTour() (card, open dom.HTMLElement) {
	b, t := v.b, &v.tour
	t.count = b.El("span", browser.Cls("tour-count"))
	t.text = b.El("p", browser.Cls("tour-text"), browser.Attr("aria-live", "polite"), browser.Attr("tabindex", "-1"))
	t.back = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Previous tip").(*dom.HTMLButtonElement)
	t.next = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Next tip").(*dom.HTMLButtonElement)
	t.close = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Close tour").(*dom.HTMLButtonElement)
	t.root = b.El("section", browser.Cls("tour"), browser.Attr("aria-labelledby", "tour-title"),
		b.El("div", browser.Cls("tour-head"), b.El("h2", browser.ID("tour-title"), "Predict before you press Train"), t.count),
		t.text,
		b.El("div", browser.Cls("tour-actions"), t.back, t.next, t.close))
	browser.SetHidden(t.root, true)
	t.open = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-quiet"), browser.Attr("title", "Short tips for this preset, for students"), "Guided tour").(*dom.HTMLButtonElement)
	return t.root, t.open
}
