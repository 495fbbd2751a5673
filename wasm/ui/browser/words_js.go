//go:build js && wasm

package browser

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// The page writes its sentences in English; every text set through El,
// SetText and SetLabel passes through the page's translator (SetWords) on
// its way to the DOM, and a node whose text was translated keeps its English
// (properties lpEn and lpTr) so that Relabel can write it again in another
// language without the page rebuilding anything. Content marked
// translate="no" (the person's text, the model's samples) is left alone by
// Relabel.

var words = func(s string) string { return s }

// Say returns the page's English sentence s in the page's language.
func Say(s string) string { return words(s) }

// SetWords sets the translator of the page's sentences.
func SetWords(f func(string) string) { words = f }

// idWords writes a catalogue message by its id in the page's language.
var idWords = func(id string, args []string) string { return id }

// SetIDWords sets the writer of catalogue messages by id (RelabelFrom).
func SetIDWords(f func(id string, args []string) string) { idWords = f }

// translatable are the attributes a person reads or hears.
var translatable = [...]string{"title", "aria-label", "placeholder", "alt"}

func isTranslatable(name string) bool {
	for _, a := range translatable {
		if a == name {
			return true
		}
	}
	return false
}

// textNode returns a text node holding s in the page's language.
func textNode(doc dom.Document, s string) dom.Node {
	t := words(s)
	n := rawText(doc, t)
	mark(n.Underlying(), "", s, t)
	return n
}

// mark remembers on v the English en of what it shows as tr (its text, or
// attribute attr), when they differ.
func mark(v js.Value, attr, en, tr string) {
	if en == tr {
		return // a fresh node, or an attribute whose lpTr no longer matches
	}
	v.Set("lpEn"+attr, en)
	v.Set("lpTr"+attr, tr)
}

// source returns the English of what v shows as now (its text or an
// attribute): the remembered English if v still shows its translation,
// else what back finds (a text written in the language before a switch).
func source(v js.Value, attr, now string) string {
	if en, tr := v.Get("lpEn"+attr), v.Get("lpTr"+attr); !en.IsUndefined() && tr.String() == now {
		return en.String()
	}
	if en, ok := back(now); ok {
		return en
	}
	return now
}

// back finds the English of a text the page wrote in the language it showed
// before a switch, during Relabel (RelabelFrom).
var back = func(s string) (string, bool) { return s, false }

// backID finds the catalogue id and arguments of a text the page wrote in
// the language it showed before a switch, during Relabel (RelabelFrom).
var backID = func(string) (string, []string, bool) { return "", nil, false }

// again returns what v (its text, or attribute attr), showing now, shows in
// the page's language, and remembers where it came from: by the catalogue
// id it was written from (remembered from an earlier switch, or found by
// backID), else from its English (source). Going by the id keeps a message
// whole where several ids share its English.
func again(v js.Value, attr, now string) string {
	id, args, ok := markedID(v, attr, now)
	if !ok && (v.Get("lpEn"+attr).IsUndefined() || v.Get("lpTr"+attr).String() != now) {
		id, args, ok = backID(now)
	}
	if !ok {
		en := source(v, attr, now)
		t := words(en)
		mark(v, attr, en, t)
		return t
	}
	t := idWords(id, args)
	list := js.Global().Get("Array").New(len(args))
	for i, a := range args {
		list.SetIndex(i, a)
	}
	v.Set("lpID"+attr, id)
	v.Set("lpArgs"+attr, list)
	v.Set("lpIDTr"+attr, t)
	return t
}

// markedID returns the catalogue id and arguments v was written from
// (again), if it still shows that message as now.
func markedID(v js.Value, attr, now string) (string, []string, bool) {
	id, tr := v.Get("lpID"+attr), v.Get("lpIDTr"+attr)
	if id.IsUndefined() || tr.String() != now {
		return "", nil, false
	}
	list := v.Get("lpArgs" + attr)
	args := make([]string, list.Length())
	for i := range args {
		args[i] = list.Index(i).String()
	}
	return id.String(), args, true
}

// SetLabel sets attribute name of e to value in the page's language.
func SetLabel(e dom.Element, name, value string) {
	t := words(value)
	if e.GetAttribute(name) != t {
		e.SetAttribute(name, t)
		mark(e.Underlying(), name, value, t)
	}
}

// Relabel writes every text and translatable attribute under root again in
// the page's language (after SetWords), from the English each was set in.
func Relabel(root dom.Element) { relabel(root.Underlying()) }

// RelabelFrom is Relabel after a switch from another language, for the
// texts the page wrote from a catalogue id, which keep no English of their
// own: fromID finds the id and arguments of such a text (words.BackID), and
// from, failing that, its English (words.Back).
func RelabelFrom(root dom.Element, from func(string) (string, bool), fromID func(string) (string, []string, bool)) {
	back, backID = from, fromID
	defer func() {
		back = func(s string) (string, bool) { return s, false }
		backID = func(string) (string, []string, bool) { return "", nil, false }
	}()
	relabel(root.Underlying())
}

func relabel(n js.Value) {
	relabelAttrs(n)
	for c := n.Get("firstChild"); !c.IsNull(); c = c.Get("nextSibling") {
		switch c.Get("nodeType").Int() {
		case 3: // text
			now := c.Get("data").String()
			if t := again(c, "", now); t != now {
				c.Set("data", t)
			}
		case 1: // element
			if c.Call("getAttribute", "translate").String() != "no" {
				relabel(c)
			}
		}
	}
}

// relabelAttrs relabels the translatable attributes of element n.
func relabelAttrs(n js.Value) {
	for _, a := range translatable {
		v := n.Call("getAttribute", a)
		if v.IsNull() {
			continue
		}
		now := v.String()
		if t := again(n, a, now); t != now {
			n.Call("setAttribute", a, t)
		}
	}
}

// SetDocumentLang sets <html lang>, the lang of root and the page's title.
func SetDocumentLang(root dom.Element, tag, title string) {
	doc := js.Global().Get("document")
	doc.Get("documentElement").Set("lang", tag)
	root.SetAttribute("lang", tag)
	doc.Set("title", title)
}
