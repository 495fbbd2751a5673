//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"
)

// tourView holds the guided tour's elements.
type tourView struct {
	Root  dom.HTMLElement
	Count dom.HTMLElement
	Text  dom.HTMLElement
	Next  *dom.HTMLButtonElement
	Back  *dom.HTMLButtonElement
	Close *dom.HTMLButtonElement
	Open  *dom.HTMLButtonElement // in the top bar
}
