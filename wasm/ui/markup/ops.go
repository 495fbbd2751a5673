package markup

import (
	"errors"
	"strings"
)

// The instructions a tree of markup is built by in the browser in one call
// (boot.js's lstmPlayground.tree; wasm/ui/browser's Build.Markup): making the
// elements one JavaScript call at a time cost the page's start more than a
// tenth of a second. Each instruction is its code and its fields, every one
// followed by Sep; the markup's texts never hold Sep (Ops refuses one).
const (
	Sep = "\x00"

	OpOpen  = "<" // tag: a new element, in the current one (the first is the root); it becomes the current one
	OpClose = ">" // the current element's parent is the current one again
	OpAttr  = "=" // name, value: an attribute of the current element
	OpText  = "#" // text: a text node, appended to the current element
	OpMark  = "~" // attribute name ("" for a text), English, translation: remembered on the node made last (Relabel)
	OpRef   = "@" // the current element is the next of the elements returned after the root
)

// RefAttr marks an element Go needs (data-ref="name"); it is not written
// into the page.
const RefAttr = "data-ref"

var errNUL = errors.New("markup: a NUL character in a text, an attribute or a translation")

// Ref is an element marked with RefAttr: its name and its tag.
type Ref struct {
	Name, Tag string
}

// Ops returns the instructions that build n, its texts and the attributes
// translatable says are words in the page's language by tr, and the
// elements marked with RefAttr, in the order they are returned.
func (n *Node) Ops(tr func(string) string, translatable func(name string) bool) (ops string, refs []Ref, err error) {
	var b strings.Builder
	field := func(s string) {
		if strings.Contains(s, Sep) {
			err = errNUL
		}
		b.WriteString(s)
		b.WriteString(Sep)
	}
	var walk func(n *Node)
	walk = func(n *Node) {
		if n.Tag == "" {
			t := tr(n.Text)
			field(OpText)
			field(t)
			if t != n.Text {
				field(OpMark)
				field("")
				field(n.Text)
				field(t)
			}
			return
		}
		field(OpOpen)
		field(n.Tag)
		for _, a := range n.Attrs {
			switch {
			case a.Name == RefAttr:
				field(OpRef)
				refs = append(refs, Ref{a.Value, n.Tag})
			case translatable(a.Name):
				t := tr(a.Value)
				field(OpAttr)
				field(a.Name)
				field(t)
				if t != a.Value {
					field(OpMark)
					field(a.Name)
					field(a.Value)
					field(t)
				}
			default:
				field(OpAttr)
				field(a.Name)
				field(a.Value)
			}
		}
		for _, k := range n.Kids {
			walk(k)
		}
		field(OpClose)
	}
	walk(n)
	return b.String(), refs, err
}
