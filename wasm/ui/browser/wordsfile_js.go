//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// The catalogue of a language other than English is a file of its own
// (build.json's words, by language tag; wasm/words' Install): boot.js
// fetches the one of the language it chose beside the program, and the page
// fetches another when the person switches to its language.

// ErrNoWords is FetchWords' error when the catalogue file did not come
// (offline and never kept, refused, or not in the build).
var ErrNoWords = errors.New("the catalogue file did not come")

// BootWords returns the text of the catalogue file boot.js fetched for its
// language (lstmPlayground.words), once: nil for English or if none came.
func BootWords() []byte {
	pg := js.Global().Get("lstmPlayground")
	if pg.Type() != js.TypeObject {
		return nil
	}
	w := pg.Get("words")
	pg.Set("words", "") // the page keeps it as Go data only
	if w.Type() != js.TypeString {
		return nil
	}
	return []byte(w.String()) // empty: none came
}

// FetchWords fetches the catalogue file of the language tag that build.json
// names (boot.js's lstmPlayground.loadWords) and gives done its bytes, or
// ErrNoWords.
func FetchWords(tag string, done func([]byte, error)) {
	pg := js.Global().Get("lstmPlayground")
	if pg.Type() != js.TypeObject || pg.Get("loadWords").Type() != js.TypeFunction {
		done(nil, ErrNoWords)
		return
	}
	then(pg.Call("loadWords", tag), func(text js.Value) {
		if text.Type() != js.TypeString || text.String() == "" {
			done(nil, ErrNoWords)
			return
		}
		done([]byte(text.String()), nil)
	}, func(error) { done(nil, ErrNoWords) })
}

// Fire dispatches a plain event of type typ on el: its listeners run now,
// in order, as for the person's own.
func Fire(el dom.Element, typ string) {
	el.Underlying().Call("dispatchEvent", js.Global().Get("Event").New(typ))
}
