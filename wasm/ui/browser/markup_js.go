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
//   - Line breaks with the white space around them are the source's layout,
//     not text: every run of white space that holds a line break is dropped
//     before the markup is parsed (dropLayout). Write a tag whole on one
//     line, and an element's text on the line of its tags; spaces within a
//     line are kept.
//   - An empty comment <!----> splits a text into two text nodes, each
//     translated on its own (as two string parts of El are); comments are
//     removed. A comment can also hold a line break, to split a long line.
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
	tpl.Set("innerHTML", dropLayout(string(html))) // a constant of our own markup only (see markup)
	frag := tpl.Get("content")
	translateTexts(doc, frag)
	t := &Tree{refs: map[string]js.Value{}}
	t.elements(frag)
	root := frag.Get("firstElementChild")
	if root.IsNull() || frag.Get("childNodes").Length() != 1 {
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

// Button, Input, Select, TextArea, Canvas, Anchor and Image return the
// element marked data-ref=name, of that tag.
func (t *Tree) Button(name string) *dom.HTMLButtonElement {
	return t.El(name).(*dom.HTMLButtonElement)
}

func (t *Tree) Input(name string) *dom.HTMLInputElement { return t.El(name).(*dom.HTMLInputElement) }

func (t *Tree) Select(name string) *dom.HTMLSelectElement {
	return t.El(name).(*dom.HTMLSelectElement)
}

func (t *Tree) TextArea(name string) *dom.HTMLTextAreaElement {
	return t.El(name).(*dom.HTMLTextAreaElement)
}

func (t *Tree) Canvas(name string) *dom.HTMLCanvasElement {
	return t.El(name).(*dom.HTMLCanvasElement)
}

func (t *Tree) Anchor(name string) *dom.HTMLAnchorElement {
	return t.El(name).(*dom.HTMLAnchorElement)
}

func (t *Tree) Image(name string) *dom.HTMLImageElement { return t.El(name).(*dom.HTMLImageElement) }

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

// translateTexts writes each text under frag in the page's language,
// marked with its English for Relabel (as El's textNode), and removes the
// comments.
func translateTexts(doc, frag js.Value) {
	const showTextAndComments = 0x4 | 0x80 // NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT
	w := doc.Call("createTreeWalker", frag, showTextAndComments)
	var comments []js.Value
	for n := w.Call("nextNode"); !n.IsNull(); n = w.Call("nextNode") {
		if n.Get("nodeType").Int() == 8 {
			comments = append(comments, n)
			continue
		}
		en := n.Get("data").String()
		if tr := words(en); tr != en {
			n.Set("data", tr)
			mark(n, "", en, tr)
		}
	}
	for _, c := range comments {
		c.Call("remove")
	}
}

// elements collects the data-ref elements under frag (removing the
// attribute) and writes their translatable attributes in the page's
// language, marked (as SetLabel).
func (t *Tree) elements(frag js.Value) {
	list := frag.Call("querySelectorAll", "[data-ref]")
	for i := range list.Length() {
		e := list.Index(i)
		t.refs[e.Call("getAttribute", "data-ref").String()] = e
		e.Call("removeAttribute", "data-ref")
	}
	list = frag.Call("querySelectorAll", translatableSelector)
	for i := range list.Length() {
		e := list.Index(i)
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
}

// dropLayout removes every run of white space that holds a line break (the
// markup's layout, see markup).
func dropLayout(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		if j == i {
			out.WriteByte(s[i])
			i++
			continue
		}
		if !strings.Contains(s[i:j], "\n") {
			out.WriteString(s[i:j])
		}
		i = j
	}
	return out.String()
}

// All returns the elements of the tree, its root first, that match the CSS
// selector, in document order.
func (t *Tree) All(selector string) []dom.HTMLElement {
	var out []dom.HTMLElement
	if t.Root.Underlying().Call("matches", selector).Bool() {
		out = append(out, t.Root)
	}
	list := t.Root.Underlying().Call("querySelectorAll", selector)
	for i := range list.Length() {
		e := list.Index(i)
		out = append(out, wrapTag(strings.ToLower(e.Get("tagName").String()), e))
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
