//go:build js && wasm

package browser

import (
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// The page's static structure is written as markup: each panel's elements in
// one HTML constant next to the Go that wires them (far less code in
// app.wasm than an El call per element). The browser parses it in a
// <template>; the parsed elements then get exactly what El gives its parts:
// each text node and translatable attribute in the page's language, marked
// with its English for Relabel.
//
// Safety: markup is unexported, so another package can pass only an untyped
// string constant where a markup is asked for, never a variable: the markup
// parsed is always the page's own, written in its source, and nothing the
// person types, no file and no model ever reaches it (build.sh refuses a
// conversion to markup, and setting HTML anywhere but here). Text that is not
// the page's goes into the built elements afterwards with SetContent
// (textContent) as before.
//
// Writing markup:
//   - Line breaks with the indentation around them are the source's layout,
//     not text: a text node's leading or trailing run of white space that
//     holds a line break is dropped (a node left empty goes). Spaces within
//     a line are kept.
//   - An empty comment <!----> splits a text into two text nodes, each
//     translated on its own (as two string parts of El are); comments are
//     removed.
//   - data-ref="name" marks an element Go needs (Tree.El); the attribute is
//     removed once read.
//   - <go-part data-ref="name"></go-part> is a place for an element Go
//     builds (Tree.Put replaces it).
type markup string

// Tree is a piece of the page built from markup: its root and the elements
// marked with data-ref.
type Tree struct {
	Root dom.HTMLElement
	refs map[string]js.Value
}

// Markup builds the single root element of html (a constant of the page's
// own markup: see markup) in the page's language.
func (b Build) Markup(html markup) *Tree {
	doc := b.Doc.Underlying()
	tpl := doc.Call("createElement", "template")
	tpl.Set("innerHTML", string(html)) // a constant of our own markup only (see markup)
	t := &Tree{refs: map[string]js.Value{}}
	t.walk(tpl.Get("content"))
	root := tpl.Get("content").Get("firstElementChild")
	if root.IsNull() || !root.Get("nextSibling").IsNull() || !root.Get("previousSibling").IsNull() {
		panic("browser: Markup: not a single root element")
	}
	root = doc.Call("adoptNode", root)
	t.Root = wrapTag(strings.ToLower(root.Get("tagName").String()), root)
	return t
}

// El returns the element marked data-ref=name, as El would have made it
// (a *dom.HTMLButtonElement for a button…: wrapTag).
func (t *Tree) El(name string) dom.HTMLElement {
	v, ok := t.refs[name]
	if !ok {
		panic("browser: Tree.El: no data-ref " + name)
	}
	return wrapTag(strings.ToLower(v.Get("tagName").String()), v)
}

// Put puts n (made by Go) in the place of <go-part data-ref=name>; a nil n
// leaves nothing there.
func (t *Tree) Put(name string, n dom.Node) {
	place := t.El(name).Underlying()
	if n == nil {
		place.Call("remove")
		return
	}
	place.Get("parentNode").Call("replaceChild", n.Underlying(), place)
}

// walk readies the nodes under n: texts trimmed of the source's layout and
// translated, comments removed, refs collected, attributes translated.
func (t *Tree) walk(n js.Value) {
	for c := n.Get("firstChild"); !c.IsNull(); {
		next := c.Get("nextSibling")
		switch c.Get("nodeType").Int() {
		case 1: // element
			t.element(c)
			t.walk(c)
		case 3: // text
			if s := trimLayout(c.Get("data").String()); s == "" {
				c.Call("remove")
			} else {
				tr := words(s)
				c.Set("data", tr)
				mark(c, "", s, tr)
			}
		case 8: // comment
			c.Call("remove")
		}
		c = next
	}
}

// element collects e's data-ref and translates its attributes (SetLabel).
func (t *Tree) element(e js.Value) {
	if r := e.Call("getAttribute", "data-ref"); !r.IsNull() {
		t.refs[r.String()] = e
		e.Call("removeAttribute", "data-ref")
	}
	for _, a := range translatable {
		if v := e.Call("getAttribute", a); !v.IsNull() {
			en := v.String()
			if tr := words(en); tr != en {
				e.Call("setAttribute", a, tr)
				mark(e, a, en, tr)
			}
		}
	}
}

// trimLayout drops a leading and a trailing run of white space that holds a
// line break (the markup's indentation).
func trimLayout(s string) string {
	if i := len(s) - len(strings.TrimLeft(s, " \t\n")); strings.Contains(s[:i], "\n") {
		s = s[i:]
	}
	if i := len(strings.TrimRight(s, " \t\n")); strings.Contains(s[i:], "\n") {
		s = s[:i]
	}
	return s
}

// All returns the elements under the tree's root that match the CSS
// selector, in document order.
func (t *Tree) All(selector string) []dom.HTMLElement {
	list := t.Root.Underlying().Call("querySelectorAll", selector)
	out := make([]dom.HTMLElement, list.Length())
	for i := range out {
		e := list.Index(i)
		out[i] = wrapTag(strings.ToLower(e.Get("tagName").String()), e)
	}
	return out
}

// MoveChildren moves the root's children, in order, to the end of parent:
// markup of several elements is written in one root that is not kept.
func (t *Tree) MoveChildren(parent dom.Node) {
	r, p := t.Root.Underlying(), parent.Underlying()
	for c := r.Get("firstChild"); !c.IsNull(); c = r.Get("firstChild") {
		p.Call("appendChild", c)
	}
}
