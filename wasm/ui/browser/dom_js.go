//go:build js && wasm

package browser

import (
	"honnef.co/go/js/dom/v2"
)

// This file has the small helpers the page is built with: elements are made
// with createElement and filled with textContent only, never with markup.

// Attribute is an attribute set on a new element.
type Attribute struct{ Name, Value string }

// Attr returns the attribute name=value, for El.
func Attr(name, value string) Attribute { return Attribute{name, value} }

// Cls is a class attribute.
type Cls string

// Build makes elements.
type Build struct{ Doc dom.Document }

// El creates a tag with the given parts: cls and attr values, strings (text
// nodes, set as text) and child nodes, in order.
func (b Build) El(tag string, parts ...any) dom.HTMLElement {
	e := b.Doc.CreateElement(tag).(dom.HTMLElement)
	for _, p := range parts {
		switch p := p.(type) {
		case Cls:
			e.Class().SetString(string(p))
		case Attribute:
			e.SetAttribute(p.Name, p.Value)
		case string:
			e.AppendChild(b.Doc.CreateTextNode(p))
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

// SetText replaces an element's content with text (textContent, never markup).
func SetText(e dom.Element, s string) {
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

// Listen adds an event listener for the life of the page. The page is built
// once and never torn down, so these listeners and their js.Func wrappers
// (dom/v2 AddEventListener) are never removed or released.
func Listen(e dom.EventTarget, typ string, f func(dom.Event)) {
	e.AddEventListener(typ, false, f)
}
