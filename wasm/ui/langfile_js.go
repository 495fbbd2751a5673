//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/words"
)

// The page's build has only English compiled in; the catalogue of another
// language is a file (wasm/words' Install) that boot.js fetches beside the
// program when the page starts in that language, and fetchLang when the
// person switches to it. Without it the page stays in English, says so in
// its alert, and works on.

// langFileMissing is set when the language the page chose at start had no
// catalogue file (chooseLang): the page started in English.
var langFileMissing bool

// langAlert says that a language's catalogue file did not come.
var langAlert dom.HTMLElement

// langMissing is the alert's sentence.
const langMissing = "Chinese could not be loaded (are you offline?): the page stays in English. Try again when you are online."

// buildLangAlert adds the alert beside the page's general one (as the page's
// alerts look, but not one of panels' Alerts: those show the state's
// errors) and shows it if the catalogue file was missing at start.
func (a *app) buildLangAlert() {
	langAlert = a.v.B.El("p", browser.Cls("field-error"), browser.Attr("role", "alert"))
	if gen, ok := a.v.Alerts[""]; ok {
		browser.Parent(gen).InsertBefore(langAlert, gen)
	}
	a.showLangAlert(langFileMissing)
}

func (a *app) showLangAlert(show bool) {
	if show {
		browser.SetText(langAlert, langMissing)
	}
	browser.SetHidden(langAlert, !show)
}

// fetchLang fetches the catalogue file of l and then shows the page in l.
// (The select keeps l meanwhile: it is disabled.)
// The switch is busy (disabled) meanwhile; if the file does not come, the
// page keeps its language, the switch shows it again, and the alert says why.
func (a *app) fetchLang(l words.Lang) {
	sel := a.v.Lang
	focused := browser.IsFocused(sel)
	sel.SetDisabled(true)
	sel.SetAttribute("aria-busy", "true")
	browser.FetchWords(l.Tag(), func(data []byte, err error) {
		sel.SetDisabled(false)
		sel.RemoveAttribute("aria-busy")
		if focused {
			sel.Focus()
		}
		if err == nil {
			err = words.Install(l, data)
		}
		a.showLangAlert(err != nil)
		if err != nil {
			sel.SetValue(lang.Tag())
			return
		}
		// The switch's change again, now that l has its catalogue: wireLang's
		// listener switches, and the others (slowmo_js.go's) follow it.
		browser.Fire(sel, "change")
	})
}
