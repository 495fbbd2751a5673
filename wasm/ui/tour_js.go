//go:build js && wasm

package ui

import (
	"strconv"

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
	t, v := &a.tourSt, &a.v.Tour
	steps := content.Tour(id)
	if len(steps) == 0 || (!force && (t.quiet || browser.StorageGet(true, tourKey+id) == "done")) {
		t.id = ""
		browser.SetHidden(v.Root, true)
		return
	}
	t.id, t.step = id, 0
	a.paintTour()
}

// paintTour shows the tour's current step.
func (a *app) paintTour() {
	t, v := &a.tourSt, &a.v.Tour
	steps := content.Tour(t.id)
	if len(steps) == 0 {
		browser.SetHidden(v.Root, true)
		return
	}
	t.step = max(0, min(t.step, len(steps)-1))
	browser.SetText(v.Count, "Tip "+strconv.Itoa(t.step+1)+" of "+strconv.Itoa(len(steps)))
	browser.SetText(v.Text, steps[t.step])
	v.Back.SetDisabled(t.step == 0)
	v.Next.SetDisabled(t.step == len(steps)-1)
	browser.SetHidden(v.Root, false)
}

// closeTour hides the tour and remembers it for this preset.
func (a *app) closeTour() {
	t, v := &a.tourSt, &a.v.Tour
	if t.id != "" {
		browser.StorageSet(true, tourKey+t.id, "done")
	}
	t.id = ""
	browser.SetHidden(v.Root, true)
	v.Open.Focus()
}

// wireTour connects the tour's buttons.
func (a *app) wireTour() {
	v := &a.v.Tour
	browser.Listen(v.Next, "click", func(dom.Event) {
		a.tourSt.step++
		a.paintTour()
		if v.Next.Disabled() {
			v.Close.Focus()
		}
	})
	browser.Listen(v.Back, "click", func(dom.Event) {
		a.tourSt.step--
		a.paintTour()
	})
	browser.Listen(v.Close, "click", func(dom.Event) { a.closeTour() })
	browser.Listen(v.Open, "click", func(dom.Event) {
		id := ""
		if i := content.PresetIndex(a.presets, a.v.Preset.Value()); i >= 0 {
			id = a.presets[i].ID
		}
		if len(content.Tour(id)) == 0 {
			id = "rhyme" // own text: the first tour, which fits any text
		}
		a.showTour(id, true)
		a.v.Tour.Text.Focus()
	})
}
