//go:build js && wasm

package browser

import (
	"syscall/js"
)

// This file has the browser's raw DEFLATE (CompressionStream and
// DecompressionStream, format 'deflate-raw'), the share links' codec, so that
// the page carries no compressor of its own.

// Deflate is the browser's raw DEFLATE as a share link codec (share.Codec).
// Its methods wait for the browser's promises: call them from the page's
// main goroutine or from one started with go, never straight from a callback
// of JavaScript's (an event, a timer, a fetch's answer), whose goroutine holds
// up the event loop that would answer them.
type Deflate struct{}

// HasDeflate reports whether the browser has 'deflate-raw' streams (Chrome
// 103, Firefox 113, Safari 16.4 and later).
func HasDeflate() bool {
	g := js.Global()
	if !g.Get("CompressionStream").Truthy() || !g.Get("DecompressionStream").Truthy() {
		return false
	}
	return jsCall(func() {
		g.Get("CompressionStream").New("deflate-raw")
		g.Get("DecompressionStream").New("deflate-raw")
	}) == nil
}

// inflateChunk is the size of the pieces Inflate writes: the browser inflates
// one piece per read, so a piece of a zip bomb (at most about 1,032 times its
// size) is all that is inflated beyond the limit.
const inflateChunk = 1 << 10

// Deflate compresses b.
func (Deflate) Deflate(b []byte) ([]byte, error) {
	return pipe("CompressionStream", b, len(b)+1, -1)
}

// Inflate inflates z, reading its output in chunks and stopping (cancelling
// the stream) once it has more than limit bytes.
func (Deflate) Inflate(z []byte, limit int) ([]byte, error) {
	return pipe("DecompressionStream", z, inflateChunk, limit)
}

// pipe writes b, in pieces of at most chunk bytes, through a new stream of
// the class typ and reads its output: all of it, or (limit ≥ 0) at most the
// first limit+1 bytes.
func pipe(typ string, b []byte, chunk, limit int) ([]byte, error) {
	g := js.Global()
	var stream js.Value
	if err := jsCall(func() { stream = g.Get(typ).New("deflate-raw") }); err != nil {
		return nil, err
	}
	u8 := g.Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	w := stream.Get("writable").Call("getWriter")
	for i := 0; i < len(b); i += chunk {
		ignoreRejection(w.Call("write", u8.Call("subarray", i, min(i+chunk, len(b)))))
	}
	ignoreRejection(w.Call("close"))
	r := stream.Get("readable").Call("getReader")
	var out []byte
	for {
		res, err := await(r.Call("read"))
		if err != nil {
			return nil, err
		}
		if res.Get("done").Truthy() {
			return out, nil
		}
		v := res.Get("value")
		n := v.Length()
		out = append(out, make([]byte, n)...)
		js.CopyBytesToGo(out[len(out)-n:], v)
		if limit >= 0 && len(out) > limit {
			ignoreRejection(r.Call("cancel"))
			return out[:limit+1], nil
		}
	}
}

// await waits for the promise p and returns its value, or its rejection as
// an error.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then(p, func(v js.Value) { ch <- result{v: v} }, func(err error) { ch <- result{err: err} })
	r := <-ch
	return r.v, r.err
}

// ignore is a JavaScript function that does nothing, kept for the page's life.
var ignore = js.FuncOf(func(js.Value, []js.Value) any { return nil })

// ignoreRejection marks the promise p as handled: a write or a close whose
// stream failed or was cancelled is answered by the reads.
func ignoreRejection(p js.Value) { p.Call("catch", ignore) }
