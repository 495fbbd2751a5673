//go:build js && wasm

package ui

import (
	"fmt"
	"lstmplayground/wasm/ui/content"

	"honnef.co/go/js/dom/v2"
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
	t.count = b.el("span", cls("tour-count"))
	t.text = b.el("p", cls("tour-text"), attr{"aria-live", "polite"}, attr{"tabindex", "-1"})
	t.back = b.el("button", attr{"type", "button"}, cls("btn btn-small btn-quiet"), "Previous tip").(*dom.HTMLButtonElement)
	t.next = b.el("button", attr{"type", "button"}, cls("btn btn-small"), "Next tip").(*dom.HTMLButtonElement)
	t.close = b.el("button", attr{"type", "button"}, cls("btn btn-small btn-quiet"), "Close tour").(*dom.HTMLButtonElement)
	t.root = b.el("section", cls("tour"), attr{"aria-labelledby", "tour-title"},
		b.el("div", cls("tour-head"), b.el("h2", id("tour-title"), "Predict before you press Train"), t.count),
		t.text,
		b.el("div", cls("tour-actions"), t.back, t.next, t.close))
	setHidden(t.root, true)
	t.open = b.el("button", attr{"type", "button"}, cls("btn btn-quiet"), attr{"title", "Short tips for this preset, for students"}, "Guided tour").(*dom.HTMLButtonElement)
	return t.root, t.open
}

// showTour shows the tour of a preset from its first step, unless the person
// closed it before (force: show it anyway).
func (a *app) showTour(id string, force bool) {
	t, v := &a.tourSt, &a.v.tour
	steps := content.Tour(id)
	if len(steps) == 0 || (!force && (t.quiet || storageGet(true, tourKey+id) == "done")) {
		t.id = ""
		setHidden(v.root, true)
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
		setHidden(v.root, true)
		return
	}
	t.step = max(0, min(t.step, len(steps)-1))
	setText(v.count, fmt.Sprintf("Tip %d of %d", t.step+1, len(steps)))
	setText(v.text, steps[t.step])
	v.back.SetDisabled(t.step == 0)
	v.next.SetDisabled(t.step == len(steps)-1)
	setHidden(v.root, false)
}

// closeTour hides the tour and remembers it for this preset.
func (a *app) closeTour() {
	t, v := &a.tourSt, &a.v.tour
	if t.id != "" {
		storageSet(true, tourKey+t.id, "done")
	}
	t.id = ""
	setHidden(v.root, true)
	v.open.Focus()
}

// wireTour connects the tour's buttons.
func (a *app) wireTour() {
	v := &a.v.tour
	listen(v.next, "click", func(dom.Event) {
		a.tourSt.step++
		a.paintTour()
		if v.next.Disabled() {
			v.close.Focus()
		}
	})
	listen(v.back, "click", func(dom.Event) {
		a.tourSt.step--
		a.paintTour()
	})
	listen(v.close, "click", func(dom.Event) { a.closeTour() })
	listen(v.open, "click", func(dom.Event) {
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
