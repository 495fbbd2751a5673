//go:build js && wasm

package browser

import (
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	pagemarkup "lstmplayground/wasm/ui/markup"
)

// The page's static structure is written as markup: each panel's elements in
// one HTML constant next to the Go that wires them (far less code in
// app.wasm than an El call per element). wasm/ui/markup reads it into a
// tree, and Markup makes the elements one by one (createElement,
// setAttribute, createTextNode), giving each text and translatable attribute
// exactly what El gives its parts: the page's language, marked with its
// English for Relabel. No string reaches the browser's HTML parser.
//
// Markup is unexported, so another package can pass only an untyped string
// constant where a markup is asked for, never a variable: the markup read is
// always the page's own, written in its source (build.sh refuses a
// conversion to markup). Text that is not the page's goes into the built
// elements afterwards with SetContent (textContent) as before.
//
// Writing markup (wasm/ui/markup says what it reads):
//   - Line breaks with the white space around them are the source's layout,
//     not text. Write a tag whole on one line, and an element's text on the
//     line of its tags; spaces within a line are kept.
//   - An empty comment <!----> splits a text into two texts, each translated
//     on its own (as two string parts of El are). A comment can also hold a
//     line break, to split a long line.
//   - data-ref="name" marks an element Go needs (Tree.El); it is not written
//     into the page.
//   - <go-part data-ref="name"></go-part> is a place for an element Go
//     builds (Tree.Put replaces it).
type markup string

// Tree is a piece of the page built from markup: its root and the elements
// marked with data-ref.
type Tree struct {
	Root  dom.HTMLElement
	built js.Value           // the root, then the marked elements (Ops' order)
	refs  map[string]treeRef // each marked element, by its data-ref
}

// treeRef is where a marked element is in Tree.built, and its tag.
type treeRef struct {
	i   int
	tag string
}

// Markup builds the single root element of html (a constant of the page's
// own markup: see markup) in the page's language. The instructions
// (markup's Ops) are followed by boot.js's lstmPlayground.tree in one call;
// a boot.js older than this program (a static host may keep one in the
// browser's cache for some minutes after a deploy) has none, and they are
// followed here, one call at a time.
func (b Build) Markup(html markup) *Tree {
	root, err := pagemarkup.Parse(string(html))
	if err != nil {
		panic("browser: " + err.Error()) // the page's tests read every markup constant
	}
	ops, refs, err := root.Ops(words, isTranslatable)
	if err != nil {
		panic("browser: " + err.Error())
	}
	t := &Tree{refs: make(map[string]treeRef, len(refs))}
	for i, r := range refs {
		t.refs[r.Name] = treeRef{i + 1, r.Tag}
	}
	if tree := treeBuilder(); tree.Type() == js.TypeFunction {
		t.built = tree.Invoke(ops)
	} else {
		t.built = buildOps(b.Doc.Underlying(), ops)
	}
	t.Root = wrapTag(root.Tag, t.built.Index(0))
	return t
}

// treeBuilder returns boot.js's lstmPlayground.tree, or undefined.
func treeBuilder() js.Value {
	pg := js.Global().Get("lstmPlayground")
	if pg.Type() != js.TypeObject {
		return js.Undefined()
	}
	return pg.Get("tree")
}

// buildOps follows the instructions ops as boot.js's tree does and returns
// the same array: the root, then the marked elements.
func buildOps(doc js.Value, ops string) js.Value {
	f := strings.Split(ops, pagemarkup.Sep)
	out := js.Global().Get("Array").New()
	var cur, last js.Value
	for i := 0; i < len(f)-1; {
		op := f[i]
		i++
		switch op {
		case pagemarkup.OpOpen:
			e := doc.Call("createElement", f[i])
			i++
			if cur.IsUndefined() {
				out.Call("push", e)
			} else {
				cur.Call("append", e)
			}
			cur, last = e, e
		case pagemarkup.OpClose:
			cur = cur.Get("parentNode")
		case pagemarkup.OpAttr:
			cur.Call("setAttribute", f[i], f[i+1])
			i += 2
		case pagemarkup.OpText:
			last = doc.Call("createTextNode", f[i])
			i++
			cur.Call("append", last)
		case pagemarkup.OpMark:
			mark(last, f[i], f[i+1], f[i+2])
			i += 3
		case pagemarkup.OpRef:
			out.Call("push", cur)
		default:
			panic("browser: an unknown markup instruction " + op)
		}
	}
	return out
}

// El returns the element marked data-ref=name, as El would have made it
// (a *dom.HTMLButtonElement for a button…: wrapTag).
func (t *Tree) El(name string) dom.HTMLElement {
	r, ok := t.refs[name]
	if !ok {
		panic("browser: Tree.El: no data-ref " + name)
	}
	return wrapTag(r.tag, t.built.Index(r.i))
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
