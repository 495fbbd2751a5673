//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"
	"lstmplayground/wasm/ui/present"
)

// This file has the small helpers the page is built with: elements are made
// with createElement and filled with textContent only, never with markup.

// attr is an attribute set on a new element.
type attr struct{ name, value string }

// cls is a class attribute.
type cls string

// build makes elements.
type build struct{ doc dom.Document }

// el creates a tag with the given parts: cls and attr values, strings (text
// nodes, set as text) and child nodes, in order.
func (b build) el(tag string, parts ...any) dom.HTMLElement {
	e := b.doc.CreateElement(tag).(dom.HTMLElement)
	for _, p := range parts {
		switch p := p.(type) {
		case cls:
			e.Class().SetString(string(p))
		case attr:
			e.SetAttribute(p.name, p.value)
		case string:
			e.AppendChild(b.doc.CreateTextNode(p))
		case dom.Node:
			if p != nil {
				e.AppendChild(p)
			}
		case []dom.HTMLElement:
			for _, c := range p {
				e.AppendChild(c)
			}
		case nil:
		default:
			panic("ui: build.el: unexpected part")
		}
	}
	return e
}

func id(v string) attr { return attr{"id", v} }

// setText replaces an element's content with text (textContent, never markup).
func setText(e dom.Element, s string) {
	if e.TextContent() != s {
		e.SetTextContent(s)
	}
}

// clear removes every child of e.
func clear(e dom.Element) { e.SetTextContent("") }

// setHidden shows or hides an element with the hidden attribute.
func setHidden(e dom.Element, hidden bool) {
	if hidden {
		e.SetAttribute("hidden", "")
	} else if e.HasAttribute("hidden") {
		e.RemoveAttribute("hidden")
	}
}

// setClass adds or removes a class.
func setClass(e dom.Element, name string, on bool) {
	if on {
		if !e.Class().Contains(name) {
			e.Class().Add(name)
		}
	} else if e.Class().Contains(name) {
		e.Class().Remove(name)
	}
}

// listen adds an event listener for the life of the page. The page is built
// once and never torn down, so these listeners and their js.Func wrappers
// (dom/v2 AddEventListener) are never removed or released.
func listen(e dom.EventTarget, typ string, f func(dom.Event)) {
	e.AddEventListener(typ, false, f)
}

// spans renders an equation line as elements, each piece its own element with
// its text: symbols in <var>, sub- and superscripts in <sub> and <sup>.
// If nums is not nil, the elements of the Num and Result pieces are appended
// to it, so that their numbers can be changed later.
func (b build) spans(line present.Line, nums *[]dom.HTMLElement) dom.HTMLElement {
	row := b.el("div", cls("eq-line"))
	for _, s := range line {
		var e dom.HTMLElement
		switch s.Kind {
		case present.Var:
			e = b.el("var", s.Text)
		case present.Sub:
			e = b.el("sub", s.Text)
		case present.Sup:
			e = b.el("sup", s.Text)
		case present.Num:
			e = b.el("span", cls("num"), s.Text)
		case present.Result:
			e = b.el("strong", cls("num"), s.Text)
		default:
			e = b.el("span", s.Text)
		}
		if nums != nil && (s.Kind == present.Num || s.Kind == present.Result) {
			*nums = append(*nums, e)
		}
		row.AppendChild(e)
	}
	return row
}
