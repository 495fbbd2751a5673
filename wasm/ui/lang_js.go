//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// say returns the page's English sentence s in the page's language.
func say(s string) string { return words.Page(lang, s) }

// sayLang returns the catalogue's message id in the page's language.
func sayLang(id string, args ...string) string { return words.Text(lang, id, args...) }

// chooseLang sets the page's language at start, by words.Choose (as boot.js
// does): the link's lang=, the remembered choice, the browser's languages.
func chooseLang() {
	lang = words.Choose(words.LinkLang(browser.LocationHash(), browser.LocationSearch()),
		browser.StorageGet(true, words.StorageKey), browser.Languages())
	if !words.Has(lang) && words.Install(lang, browser.BootWords()) != nil {
		lang, langFileMissing = words.English, true // its catalogue file did not come (langfile_js.go)
	}
	browser.SetWords(say)
	browser.SetIDWords(func(id string, args []string) string { return words.Text(lang, id, args...) })
	present.Lang = lang
	panels.Say = sayLang
}

// showLang marks the document with the page's language and sets the switch.
func (a *app) showLang() {
	browser.SetDocumentLang(a.v.App, lang.Tag(), say("LSTM Playground"))
	a.v.Lang.SetValue(lang.Tag())
}

// wireLang lets the person switch the language at any time: the page
// relabels itself in place and draws again from its state; the engine, the
// model and training go on untouched.
func (a *app) wireLang() {
	a.buildLangAlert()
	browser.Listen(a.v.Lang, "change", func(dom.Event) {
		l, ok := words.ParseTag(a.v.Lang.Value())
		if !ok || l == lang {
			return
		}
		if !words.Has(l) {
			a.fetchLang(l) // then switchLang
			return
		}
		a.switchLang(l)
	})
}

// switchLang shows the page in language l, whose catalogue is there.
func (a *app) switchLang(l words.Lang) {
	was := lang
	lang, present.Lang, a.cls.lang = l, l, l
	panels.Say = sayLang
	browser.StorageSet(true, words.StorageKey, l.Tag())
	a.showLang()
	browser.RelabelFrom(a.v.App, func(s string) (string, bool) { return words.Back(was, s) },
		func(s string) (string, []string, bool) { return words.BackID(was, s) })
	a.showOffer() // a sentence built of parts: written again
	a.rewordKeepNotice()
	a.relinkLesson()
	a.classLinks(nil) // the class's links shown carry lang= too
	a.invalidate(DirtyAll | a.st.Reword())
}
