//go:build js && wasm

package browser

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// This file turns the browser's elements, nodes and events into dom/v2's
// types without dom/v2's wrappers (WrapElement, Document.CreateElement,
// GetElementByID, Node.ParentNode, Event.Target, AddEventListener…). Those
// choose among every element (or event) type dom/v2 knows by its constructor,
// so the linker keeps each method the page calls for all of them, well over a
// megabyte of app.wasm. Here an element is one of the few concrete types the
// page asserts to (by its tag), or a *dom.BasicHTMLElement; an event is a
// *dom.BasicEvent. The page reads what it needs of other kinds of element or
// event through Underlying.
//
// The rest of the page must not call the dom/v2 methods that wrap (the ones
// that return a Node, an Element, an HTMLElement or an Event): use the
// functions below instead: ./build.sh build refuses those calls.

// wrapTag returns v, an element the page made with the tag name tag, as the
// dom/v2 type of that tag.
func wrapTag(tag string, v js.Value) dom.HTMLElement {
	el := &dom.BasicHTMLElement{BasicElement: &dom.BasicElement{BasicNode: &dom.BasicNode{Value: v}}}
	switch tag {
	case "button":
		return &dom.HTMLButtonElement{BasicHTMLElement: el}
	case "input":
		return &dom.HTMLInputElement{BasicHTMLElement: el}
	case "select":
		return &dom.HTMLSelectElement{BasicHTMLElement: el}
	case "textarea":
		return &dom.HTMLTextAreaElement{BasicHTMLElement: el}
	case "canvas":
		return &dom.HTMLCanvasElement{BasicHTMLElement: el}
	case "a":
		return &dom.HTMLAnchorElement{BasicHTMLElement: el, URLUtils: &dom.URLUtils{Value: v}}
	case "img":
		return &dom.HTMLImageElement{BasicHTMLElement: el}
	}
	return el
}

// element returns the element v as a *dom.BasicHTMLElement, or nil (an
// untyped nil interface) when v is null or undefined.
func element(v js.Value) dom.HTMLElement {
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	return &dom.BasicHTMLElement{BasicElement: &dom.BasicElement{BasicNode: &dom.BasicNode{Value: v}}}
}

// node returns the node v (an element, text…) as a *dom.BasicNode, or nil
// when v is null or undefined.
func node(v js.Value) dom.Node {
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	return &dom.BasicNode{Value: v}
}

// Text returns a new text node holding s as it is (not translated).
func (b Build) Text(s string) dom.Node { return rawText(b.Doc, s) }

func rawText(doc dom.Document, s string) *dom.Text {
	return &dom.Text{BasicNode: &dom.BasicNode{Value: doc.Underlying().Call("createTextNode", s)}}
}

func document() js.Value { return js.Global().Get("document") }

// ByID returns the document's element with the id, or nil.
func ByID(id string) dom.HTMLElement {
	return element(document().Call("getElementById", id))
}

// Root returns the document's root element (<html>).
func Root() dom.HTMLElement { return element(document().Get("documentElement")) }

// Parent returns n's parent element, or nil.
func Parent(n dom.Node) dom.HTMLElement { return element(n.Underlying().Get("parentElement")) }

// NextSibling returns the node after n (an element or text), or nil: the
// place to insert after n with InsertBefore.
func NextSibling(n dom.Node) dom.Node { return node(n.Underlying().Get("nextSibling")) }

// LastElement returns n's last child element, or nil.
func LastElement(n dom.Node) dom.HTMLElement {
	return element(n.Underlying().Get("lastElementChild"))
}

// Closest returns the nearest element from e up that matches the CSS
// selector, or nil.
func Closest(e dom.Element, selector string) dom.HTMLElement {
	return element(e.Underlying().Call("closest", selector))
}

// Target returns the element an event was sent to, or nil.
func Target(ev dom.Event) dom.HTMLElement { return element(ev.Underlying().Get("target")) }

// Listen adds an event listener for the life of the page. The page is built
// once and never torn down, so these listeners and their js.Func wrappers are
// never removed or released.
func Listen(n dom.Node, typ string, f func(dom.Event)) {
	n.Underlying().Call("addEventListener", typ, js.FuncOf(func(_ js.Value, args []js.Value) any {
		f(&dom.BasicEvent{Value: args[0]})
		return nil
	}), false)
}
