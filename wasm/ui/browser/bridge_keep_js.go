//go:build js && wasm

package browser

// This bridge file holds the browser APIs of keeping and sharing: IndexedDB
// (the saved session), localStorage and sessionStorage (small flags), fetch
// (the share service), the page's address, the clipboard and page-lifetime
// events. Every callback here is one-shot and releases itself, except those
// of onPageHidden, which live as long as the page.

import (
	"errors"
	"fmt"
	"syscall/js"
)

// jsCall calls f and turns a JavaScript exception (a Go panic carrying a
// js.Error) into an error.
func jsCall(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(js.Error); ok {
				err = errors.New(je.Value.Get("message").String())
				return
			}
			err = fmt.Errorf("%v", r)
		}
	}()
	f()
	return nil
}

// then waits for a promise: ok gets its value, fail a sentence. Both
// callbacks are released when either runs.
func then(p js.Value, ok func(js.Value), fail func(error)) {
	var res, rej js.Func
	release := func() { res.Release(); rej.Release() }
	res = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		v := js.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ok(v)
		return nil
	})
	rej = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		msg := "failed"
		if len(args) > 0 {
			if m := args[0].Get("message"); m.Type() == js.TypeString {
				msg = m.String()
			} else if args[0].Type() == js.TypeString {
				msg = args[0].String()
			}
		}
		fail(errors.New(msg))
		return nil
	})
	p.Call("then", res, rej)
}

// onRequest waits for an IndexedDB request (or transaction): ok on success,
// fail on error. Both callbacks are released when either runs.
func onRequest(req js.Value, okEvent string, ok func(js.Value), fail func(error)) {
	var s, e js.Func
	release := func() {
		req.Set("on"+okEvent, js.Null())
		req.Set("onerror", js.Null())
		s.Release()
		e.Release()
	}
	s = js.FuncOf(func(js.Value, []js.Value) any {
		v := js.Undefined()
		if okEvent == "success" {
			v = req.Get("result")
		}
		release()
		ok(v)
		return nil
	})
	e = js.FuncOf(func(js.Value, []js.Value) any {
		msg := "the browser's storage failed"
		if er := req.Get("error"); er.Truthy() {
			msg = er.Get("message").String()
		}
		release()
		fail(errors.New(msg))
		return nil
	})
	req.Set("on"+okEvent, s)
	req.Set("onerror", e)
}

// SessionDB is the page's IndexedDB database of saved sessions: one object
// store, "sessions", of records (Uint8Array, Session.Marshal) keyed by tab id.
type SessionDB struct {
	db js.Value
}

const (
	dbName    = "lstm-playground"
	dbStore   = "sessions"
	dbVersion = 1
)

// OpenSessionDB opens (or creates) the database; done gets nil and an error
// where the browser keeps nothing (private mode, storage turned off).
func OpenSessionDB(done func(*SessionDB, error)) {
	idb := js.Global().Get("indexedDB")
	if !idb.Truthy() {
		done(nil, errors.New("this browser keeps no data for pages (no IndexedDB)"))
		return
	}
	var req js.Value
	if err := jsCall(func() { req = idb.Call("open", dbName, dbVersion) }); err != nil {
		done(nil, err)
		return
	}
	// Released when the database is open (or fails to open).
	upgrade := js.FuncOf(func(js.Value, []js.Value) any {
		db := req.Get("result")
		if !db.Get("objectStoreNames").Call("contains", dbStore).Bool() {
			db.Call("createObjectStore", dbStore)
		}
		return nil
	})
	onRequest(req, "success", func(db js.Value) {
		req.Set("onupgradeneeded", js.Null())
		upgrade.Release()
		done(&SessionDB{db: db}, nil)
	}, func(err error) {
		req.Set("onupgradeneeded", js.Null())
		upgrade.Release()
		done(nil, err)
	})
	req.Set("onupgradeneeded", upgrade)
}

// store returns the object store in a new transaction.
func (d *SessionDB) store(mode string) (js.Value, js.Value, error) {
	var tx, st js.Value
	err := jsCall(func() {
		tx = d.db.Call("transaction", dbStore, mode)
		st = tx.Call("objectStore", dbStore)
	})
	return tx, st, err
}

// Put stores value under key; done (may be nil) gets the outcome once the
// transaction has committed.
func (d *SessionDB) Put(key string, value []byte, done func(error)) {
	if done == nil {
		done = func(error) {}
	}
	tx, st, err := d.store("readwrite")
	if err == nil {
		err = jsCall(func() {
			u8 := js.Global().Get("Uint8Array").New(len(value))
			js.CopyBytesToJS(u8, value)
			st.Call("put", u8, key)
		})
	}
	if err != nil {
		done(err)
		return
	}
	onRequest(tx, "complete", func(js.Value) { done(nil) }, done)
}

// All returns every stored record with its key (nil for a value that is not
// bytes).
func (d *SessionDB) All(done func(keys []string, values [][]byte, err error)) {
	_, st, err := d.store("readonly")
	var kr, vr js.Value
	if err == nil {
		err = jsCall(func() {
			kr = st.Call("getAllKeys")
			vr = st.Call("getAll")
		})
	}
	if err != nil {
		done(nil, nil, err)
		return
	}
	onRequest(kr, "success", func(keys js.Value) {
		onRequest(vr, "success", func(vals js.Value) {
			n := min(keys.Length(), vals.Length())
			ks, vs := make([]string, 0, n), make([][]byte, 0, n)
			u8 := js.Global().Get("Uint8Array")
			for i := range n {
				k, v := keys.Index(i), vals.Index(i)
				if k.Type() != js.TypeString {
					continue
				}
				var b []byte
				if v.Type() == js.TypeObject && v.InstanceOf(u8) {
					b = make([]byte, v.Length())
					js.CopyBytesToGo(b, v)
				}
				ks = append(ks, k.String())
				vs = append(vs, b)
			}
			done(ks, vs, nil)
		}, func(err error) { done(nil, nil, err) })
	}, func(err error) { done(nil, nil, err) })
}

// Delete removes the records of keys; done (may be nil) runs once they are gone.
func (d *SessionDB) Delete(keys []string, done func(error)) {
	if done == nil {
		done = func(error) {}
	}
	tx, st, err := d.store("readwrite")
	if err == nil {
		err = jsCall(func() {
			for _, k := range keys {
				st.Call("delete", k)
			}
		})
	}
	if err != nil {
		done(err)
		return
	}
	onRequest(tx, "complete", func(js.Value) { done(nil) }, done)
}

// Clear removes every record.
func (d *SessionDB) Clear(done func(error)) {
	tx, st, err := d.store("readwrite")
	if err == nil {
		err = jsCall(func() { st.Call("clear") })
	}
	if err != nil {
		done(err)
		return
	}
	onRequest(tx, "complete", func(js.Value) { done(nil) }, done)
}

// StorageGet reads a small flag from localStorage (local) or sessionStorage;
// "" where the browser keeps none.
func StorageGet(local bool, key string) string {
	var out string
	_ = jsCall(func() {
		s := js.Global().Get(storageName(local))
		if !s.Truthy() {
			return
		}
		if v := s.Call("getItem", key); v.Type() == js.TypeString {
			out = v.String()
		}
	})
	return out
}

// StorageSet writes a small flag ("" removes it); it fails silently where the
// browser keeps nothing.
func StorageSet(local bool, key, value string) {
	_ = jsCall(func() {
		s := js.Global().Get(storageName(local))
		if !s.Truthy() {
			return
		}
		if value == "" {
			s.Call("removeItem", key)
		} else {
			s.Call("setItem", key, value)
		}
	})
}

func storageName(local bool) string {
	if local {
		return "localStorage"
	}
	return "sessionStorage"
}

// NowMillis returns the time in ms since 1970.
func NowMillis() int64 { return int64(js.Global().Get("Date").Call("now").Float()) }

// RandomID returns a random id of 16 hex digits for a tab.
func RandomID() string {
	return fmt.Sprintf("%08x%08x", uint32(randomSeed()), uint32(randomSeed()>>20))
}

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

// CopyText puts s on the clipboard; done gets whether it worked.
func CopyText(s string, done func(bool)) {
	cb := js.Global().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		done(false)
		return
	}
	var p js.Value
	if err := jsCall(func() { p = cb.Call("writeText", s) }); err != nil {
		done(false)
		return
	}
	then(p, func(js.Value) { done(true) }, func(error) { done(false) })
}

// OnPageHidden calls f when the page is hidden (another tab, minimised) or
// unloaded (closed, reloaded, navigated away). Program lifetime: the two
// listeners live as long as the page and are never released.
func OnPageHidden(f func()) {
	doc := js.Global().Get("document")
	js.Global().Call("addEventListener", "pagehide", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
	doc.Call("addEventListener", "visibilitychange", js.FuncOf(func(js.Value, []js.Value) any {
		if doc.Get("visibilityState").String() == "hidden" {
			f()
		}
		return nil
	}))
}

// Timeout calls f once after ms milliseconds; the callback releases itself.
func Timeout(ms int, f func()) {
	var fn js.Func
	fn = js.FuncOf(func(js.Value, []js.Value) any {
		fn.Release()
		f()
		return nil
	})
	js.Global().Call("setTimeout", fn, ms)
}

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
