//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// tourView holds the guided tour's elements.
type tourView struct {
	Root  dom.HTMLElement
	Count dom.HTMLElement
	Text  dom.HTMLElement
	Next  *dom.HTMLButtonElement
	Back  *dom.HTMLButtonElement
	Close *dom.HTMLButtonElement
	Open  *dom.HTMLButtonElement // in the top bar
}

// buildTour makes the tour card (under the top bar) and its button (in the
// top bar).
func (v *View) buildTour() (card, open dom.HTMLElement) {
	b, t := v.B, &v.Tour
	t.Count = b.El("span", browser.Cls("tour-count"))
	t.Text = b.El("p", browser.Cls("tour-text"), browser.Attr("aria-live", "polite"), browser.Attr("tabindex", "-1"))
	t.Back = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Previous tip").(*dom.HTMLButtonElement)
	t.Next = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), "Next tip").(*dom.HTMLButtonElement)
	t.Close = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), "Close tour").(*dom.HTMLButtonElement)
	t.Root = b.El("section", browser.Cls("tour"), browser.Attr("aria-labelledby", "tour-title"),
		b.El("div", browser.Cls("tour-head"), b.El("h2", browser.ID("tour-title"), "Predict before you press Train"), t.Count),
		t.Text,
		b.El("div", browser.Cls("tour-actions"), t.Back, t.Next, t.Close))
	browser.SetHidden(t.Root, true)
	t.Open = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-quiet"), browser.Attr("title", "Short tips for this preset, for students"), "Guided tour").(*dom.HTMLButtonElement)
	return t.Root, t.Open
}
