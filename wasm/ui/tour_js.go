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

// tourState is the tour shown: its preset and step.
type tourState struct {
	id    string
	step  int
	quiet bool // a teacher link's embed or single chart: never shown by itself
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
