//go:build js && wasm

package browser

import (
	"syscall/js"
)

// This file has the network and the address: fetch (the share service), the
// page's address and its fragment, reloading, and reading a few JSON fields.

// HTTPResult is what fetchBytes gets back.
type HTTPResult struct {
	Status int
	Type   string // Content-Type
	Body   []byte
}

// FetchBytes makes an HTTP request relative to the page (body nil: none) and
// gives done the answer, or an error if there was none (offline, refused).
func FetchBytes(method, url string, body []byte, contentType string, done func(HTTPResult, error)) {
	g := js.Global()
	opts := map[string]any{"method": method, "cache": "no-store", "credentials": "same-origin"}
	if body != nil {
		u8 := g.Get("Uint8Array").New(len(body))
		js.CopyBytesToJS(u8, body)
		opts["body"] = u8
		opts["headers"] = map[string]any{"Content-Type": contentType}
	}
	var p js.Value
	if err := jsCall(func() { p = g.Call("fetch", url, opts) }); err != nil {
		done(HTTPResult{}, err)
		return
	}
	then(p, func(resp js.Value) {
		res := HTTPResult{Status: resp.Get("status").Int()}
		if ct := resp.Get("headers").Call("get", "Content-Type"); ct.Type() == js.TypeString {
			res.Type = ct.String()
		}
		then(resp.Call("arrayBuffer"), func(buf js.Value) {
			u8 := g.Get("Uint8Array").New(buf)
			res.Body = make([]byte, u8.Length())
			js.CopyBytesToGo(res.Body, u8)
			done(res, nil)
		}, func(err error) { done(HTTPResult{}, err) })
	}, func(err error) { done(HTTPResult{}, err) })
}

// LocationHash returns the page address's fragment, with its '#'.
func LocationHash() string { return js.Global().Get("location").Get("hash").String() }

// PageAddress returns the page's address without its fragment.
func PageAddress() string {
	h := js.Global().Get("location").Get("href").String()
	for i := 0; i < len(h); i++ {
		if h[i] == '#' {
			return h[:i]
		}
	}
	return h
}

// ReloadPage loads the page again.
func ReloadPage() { js.Global().Get("location").Call("reload") }

// JSONFields parses b as a JSON object (with the browser's JSON.parse, so the
// page needs no JSON package of its own) and returns the values of keys that
// are strings, numbers or booleans; nil if b is not a JSON object.
func JSONFields(b []byte, keys ...string) map[string]any {
	var obj js.Value
	if err := jsCall(func() { obj = js.Global().Get("JSON").Call("parse", string(b)) }); err != nil || obj.Type() != js.TypeObject || obj.IsNull() {
		return nil
	}
	out := map[string]any{}
	for _, k := range keys {
		switch v := obj.Get(k); v.Type() {
		case js.TypeString:
			out[k] = v.String()
		case js.TypeNumber:
			out[k] = v.Float()
		case js.TypeBoolean:
			out[k] = v.Bool()
		}
	}
	return out
}

// LocationSearch returns the page address's query, with its '?'.
func LocationSearch() string { return js.Global().Get("location").Get("search").String() }

// Languages returns the browser's languages (navigator.languages), the most
// preferred first.
func Languages() []string {
	nav := js.Global().Get("navigator")
	l := nav.Get("languages")
	if l.IsUndefined() || l.IsNull() || l.Length() == 0 {
		return []string{nav.Get("language").String()}
	}
	out := make([]string, l.Length())
	for i := range out {
		out[i] = l.Index(i).String()
	}
	return out
}

// Cores returns the machine's number of logical processors
// (navigator.hardwareConcurrency), or 0 if the browser does not say.
func Cores() int {
	n := js.Global().Get("navigator").Get("hardwareConcurrency")
	if n.Type() != js.TypeNumber {
		return 0
	}
	return n.Int()
}
