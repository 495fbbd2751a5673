//go:build js && wasm

package ui

import (
	"fmt"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
)

// tourKey is the start of the localStorage key that remembers a closed tour
// (one per preset).
const tourKey = "lstm-playground-tour:"

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

// tourState is the tour shown: its preset and step.
type tourState struct {
	id    string
	step  int
	quiet bool // a teacher link's embed or single chart: never shown by itself
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

// showTour shows the tour of a preset from its first step, unless the person
// closed it before (force: show it anyway).
func (a *app) showTour(id string, force bool) {
	t, v := &a.tourSt, &a.v.tour
	steps := content.Tour(id)
	if len(steps) == 0 || (!force && (t.quiet || browser.StorageGet(true, tourKey+id) == "done")) {
		t.id = ""
		browser.SetHidden(v.root, true)
		return
	}
	t.id, t.step = id, 0
	a.paintTour()
}

// paintTour shows the tour's current step.
func (a *app) paintTour() {
	t, v := &a.tourSt, &a.v.tour
	steps := content.Tour(t.id)
	if len(steps) == 0 {
		browser.SetHidden(v.root, true)
		return
	}
	t.step = max(0, min(t.step, len(steps)-1))
	browser.SetText(v.count, fmt.Sprintf("Tip %d of %d", t.step+1, len(steps)))
	browser.SetText(v.text, steps[t.step])
	v.back.SetDisabled(t.step == 0)
	v.next.SetDisabled(t.step == len(steps)-1)
	browser.SetHidden(v.root, false)
}

// closeTour hides the tour and remembers it for this preset.
func (a *app) closeTour() {
	t, v := &a.tourSt, &a.v.tour
	if t.id != "" {
		browser.StorageSet(true, tourKey+t.id, "done")
	}
	t.id = ""
	browser.SetHidden(v.root, true)
	v.open.Focus()
}

// wireTour connects the tour's buttons.
func (a *app) wireTour() {
	v := &a.v.tour
	browser.Listen(v.next, "click", func(dom.Event) {
		a.tourSt.step++
		a.paintTour()
		if v.next.Disabled() {
			v.close.Focus()
		}
	})
	browser.Listen(v.back, "click", func(dom.Event) {
		a.tourSt.step--
		a.paintTour()
	})
	browser.Listen(v.close, "click", func(dom.Event) { a.closeTour() })
	browser.Listen(v.open, "click", func(dom.Event) {
		id := ""
		if i := content.PresetIndex(a.presets, a.v.preset.Value()); i >= 0 {
			id = a.presets[i].ID
		}
		if len(content.Tour(id)) == 0 {
			id = "rhyme" // own text: the first tour, which fits any text
		}
		a.showTour(id, true)
		a.v.tour.text.Focus()
	})
}
