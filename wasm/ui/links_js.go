//go:build js && wasm

package ui

import (
	"errors"
	"sync"

	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/browser"
)

// This file has the share links' codec: the browser compresses and inflates
// a link's text and model, so that the page carries no compressor of its own.

// linkCodec returns the codec of the page's links: the browser's DEFLATE, or,
// in a browser without it, stored blocks (longer links that every page
// opens; a compressed link gets linkProblem's sentence). Its calls wait for
// the browser: make them in the main goroutine or in one started with go
// (encodeLink, the board's decodeSetups), never straight in a callback. The
// streams answer in promise reactions, before any timer or frame, so Run's
// wait for a link's data lets nothing else of the page run meanwhile.
var linkCodec = sync.OnceValue(func() share.Codec {
	if browser.HasDeflate() {
		return browser.Deflate{}
	}
	return share.Stored
})

// encodeLink makes the fragment of st (the model left out if it does not
// fit: share.State.EncodeFit) in a goroutine of its own, since the browser
// compresses asynchronously, and gives it to done there.
func encodeLink(st share.State, done func(frag string, dropped bool, err error)) {
	go func() {
		f, dropped, err := st.EncodeFit(linkCodec())
		done(f, dropped, err)
	}()
}

// linkProblem is the sentence for a link that cannot be opened: the link's
// own, or, for compressed data this browser cannot inflate, one in the
// page's language.
func linkProblem(err error) string {
	if errors.Is(err, errors.ErrUnsupported) {
		return sayLang("ui.link.oldBrowser")
	}
	return err.Error()
}
