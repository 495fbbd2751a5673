//go:build js && wasm

package browser

import "syscall/js"

// This file has the class board's network calls: JSON through the browser's
// JSON.parse and JSON.stringify (the page has no JSON package of its own),
// requests with a teacher key, the Retry-After header, random bytes for a
// token, and the local clock for "last refreshed".

// JSONResult is the answer of FetchJSON.
type JSONResult struct {
	Status     int
	Value      any     // the body as plain values (ParseJSON); nil if it is not JSON
	Body       []byte  // the body as sent (a model file)
	RetryAfter float64 // the Retry-After header in seconds, 0 if none
}

// FetchJSON makes a request relative to the page with body (plain values,
// nil: none) as JSON and, if bearer is not "", the header Authorization:
// Bearer <bearer>; done gets the answer or, with no answer at all, the error.
func FetchJSON(method, url string, body any, bearer string, done func(JSONResult, error)) {
	g := js.Global()
	headers := map[string]any{}
	opts := map[string]any{"method": method, "cache": "no-store", "credentials": "same-origin"}
	if body != nil {
		var text js.Value
		if err := jsCall(func() { text = g.Get("JSON").Call("stringify", js.ValueOf(body)) }); err != nil {
			done(JSONResult{}, err)
			return
		}
		opts["body"] = text
		headers["Content-Type"] = "application/json"
	}
	if bearer != "" {
		headers["Authorization"] = "Bearer " + bearer
	}
	opts["headers"] = headers
	var p js.Value
	if err := jsCall(func() { p = g.Call("fetch", url, opts) }); err != nil {
		done(JSONResult{}, err)
		return
	}
	then(p, func(resp js.Value) {
		res := JSONResult{Status: resp.Get("status").Int()}
		if ra := resp.Get("headers").Call("get", "Retry-After"); ra.Type() == js.TypeString {
			res.RetryAfter = g.Call("Number", ra).Float()
		}
		then(resp.Call("arrayBuffer"), func(buf js.Value) {
			u8 := g.Get("Uint8Array").New(buf)
			res.Body = make([]byte, u8.Length())
			js.CopyBytesToGo(res.Body, u8)
			res.Value = ParseJSON(res.Body)
			done(res, nil)
		}, func(err error) { done(JSONResult{}, err) })
	}, func(err error) { done(JSONResult{}, err) })
}

// ParseJSON parses b with JSON.parse into plain values: map[string]any,
// []any, float64, string, bool or nil; nil if b is not JSON (or nests
// deeper than 32).
func ParseJSON(b []byte) any {
	if len(b) == 0 || b[0] != '{' && b[0] != '[' {
		return nil
	}
	var v js.Value
	if err := jsCall(func() { v = js.Global().Get("JSON").Call("parse", string(b)) }); err != nil {
		return nil
	}
	return plain(v, 0)
}

func plain(v js.Value, depth int) any {
	if depth > 32 {
		return nil
	}
	switch v.Type() {
	case js.TypeString:
		return v.String()
	case js.TypeNumber:
		return v.Float()
	case js.TypeBoolean:
		return v.Bool()
	case js.TypeObject:
		if js.Global().Get("Array").Call("isArray", v).Bool() {
			out := make([]any, v.Length())
			for i := range out {
				out[i] = plain(v.Index(i), depth+1)
			}
			return out
		}
		keys := js.Global().Get("Object").Call("keys", v)
		out := make(map[string]any, keys.Length())
		for i := range keys.Length() {
			k := keys.Index(i).String()
			out[k] = plain(v.Get(k), depth+1)
		}
		return out
	}
	return nil
}

// Random16 returns 16 random bytes from crypto.getRandomValues.
func Random16() (b [16]byte) {
	u8 := js.Global().Get("Uint8Array").New(16)
	js.Global().Get("crypto").Call("getRandomValues", u8)
	js.CopyBytesToGo(b[:], u8)
	return b
}

// LocalTime returns the time of day now, as the browser writes it in the
// page's language (lang: a BCP 47 tag).
func LocalTime(lang string) string {
	var s string
	if err := jsCall(func() { s = js.Global().Get("Date").New().Call("toLocaleTimeString", lang).String() }); err != nil {
		return ""
	}
	return s
}

// LocalDateTime returns the moment iso (RFC 3339, as the service writes it)
// as the browser writes a date and time in the page's language (lang: a BCP
// 47 tag) and the visitor's own time zone, with Intl's medium date and short
// time; "" if the browser cannot read iso.
func LocalDateTime(iso, lang string) string {
	var s string
	err := jsCall(func() {
		d := js.Global().Get("Date").New(iso)
		if t := d.Call("getTime"); t.IsNaN() {
			return
		}
		opts := js.Global().Get("Object").New()
		opts.Set("dateStyle", "medium")
		opts.Set("timeStyle", "short")
		s = d.Call("toLocaleString", lang, opts).String()
	})
	if err != nil {
		return ""
	}
	return s
}

// Random01 returns a random number from 0 up to 1 (Math.random), for jitter.
func Random01() float64 { return js.Global().Get("Math").Call("random").Float() }
