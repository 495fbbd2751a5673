//go:build js && wasm

package browser

import (
	"strconv"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// This file has the small helpers the page is built with. A panel's static
// structure is written as markup (markup_js.go); El makes the elements that
// come from data (a table's rows, a list's items, a select's options), with
// createElement, filled with textContent only, never with markup.

// Attribute is an attribute set on a new element.
type Attribute struct{ Name, Value string }

// Attr returns the attribute name=value, for El.
func Attr(name, value string) Attribute { return Attribute{name, value} }

// Cls is a class attribute.
type Cls string

// Build makes elements.
type Build struct{ Doc dom.Document }

// El creates a tag with the given parts: cls and attr values, strings (text
// nodes, set as text) and child nodes, in order. The element is a
// *dom.HTMLButtonElement, *dom.HTMLInputElement, *dom.HTMLSelectElement,
// *dom.HTMLTextAreaElement, *dom.HTMLCanvasElement, *dom.HTMLAnchorElement or
// *dom.HTMLImageElement for those tags, a *dom.BasicHTMLElement otherwise
// (see wrapTag).
func (b Build) El(tag string, parts ...any) dom.HTMLElement {
	e := wrapTag(tag, b.Doc.Underlying().Call("createElement", tag))
	for _, p := range parts {
		switch p := p.(type) {
		case Cls:
			e.Class().SetString(string(p))
		case Attribute:
			if isTranslatable(p.Name) {
				SetLabel(e, p.Name, p.Value)
			} else {
				e.SetAttribute(p.Name, p.Value)
			}
		case string:
			e.AppendChild(textNode(b.Doc, p))
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
			panic("browser: Build.El: unexpected part")
		}
	}
	return e
}

// ID is the attribute id=v.
func ID(v string) Attribute { return Attribute{"id", v} }

// SetText replaces an element's content with text (textContent, never
// markup) in the page's language (SetWords).
func SetText(e dom.Element, s string) {
	t := words(s)
	if e.TextContent() != t {
		e.SetTextContent(t)
		if c := e.Underlying().Get("firstChild"); t != s && !c.IsNull() {
			mark(c, "", s, t)
		}
	}
}

// SetContent replaces an element's content with text that is not the
// page's (the person's text, the model's samples): never translated.
func SetContent(e dom.Element, s string) {
	if e.TextContent() != s {
		e.SetTextContent(s)
	}
}

// Clear removes every child of e.
func Clear(e dom.Element) { e.SetTextContent("") }

// SetHidden shows or hides an element with the hidden attribute.
func SetHidden(e dom.Element, hidden bool) {
	if hidden {
		e.SetAttribute("hidden", "")
	} else if e.HasAttribute("hidden") {
		e.RemoveAttribute("hidden")
	}
}

// SetClass adds or removes a class.
func SetClass(e dom.Element, name string, on bool) {
	if on {
		if !e.Class().Contains(name) {
			e.Class().Add(name)
		}
	} else if e.Class().Contains(name) {
		e.Class().Remove(name)
	}
}

// ClientRect returns an element's position on the screen.
func ClientRect(el dom.Element) (left, top, width, height float64) {
	r := el.GetBoundingClientRect()
	return r.Left(), r.Top(), r.Width(), r.Height()
}

// PointerXY returns the client coordinates of a pointer event.
func PointerXY(ev dom.Event) (x, y float64) {
	v := ev.Underlying()
	return v.Get("clientX").Float(), v.Get("clientY").Float()
}

// EventKey returns the key of a keyboard event.
func EventKey(ev dom.Event) string {
	return ev.Underlying().Get("key").String()
}

// EventModified reports whether Ctrl, Alt or Meta was held.
func EventModified(ev dom.Event) bool {
	v := ev.Underlying()
	return v.Get("ctrlKey").Bool() || v.Get("altKey").Bool() || v.Get("metaKey").Bool()
}

// OnResize calls f when the window's size changes. Program lifetime: the
// listener is never removed.
func OnResize(f func()) {
	js.Global().Call("addEventListener", "resize", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
}

func Px(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) + "px" }

// IsFocused reports whether el has the keyboard focus.
func IsFocused(el dom.Element) bool {
	return js.Global().Get("document").Get("activeElement").Equal(el.Underlying())
}

// ActiveTag returns the lower-case tag name of the focused element ("" if none).
func ActiveTag() string {
	a := js.Global().Get("document").Get("activeElement")
	if a.IsNull() || a.IsUndefined() {
		return ""
	}
	return strings.ToLower(a.Get("tagName").String())
}
