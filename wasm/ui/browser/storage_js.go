//go:build js && wasm

package browser

import (
	"errors"
	"strconv"
	"strings"
	"syscall/js"
)

// This file has what the browser keeps: IndexedDB (the saved session),
// localStorage and sessionStorage (small flags) and random ids. Every
// callback here is one-shot and releases itself.

// jsCall calls f and turns a JavaScript exception (a Go panic carrying a
// js.Error) into an error.
func jsCall(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch v := r.(type) {
			case js.Error:
				err = errors.New(v.Value.Get("message").String())
			case error:
				err = v
			case string:
				err = errors.New(v)
			default:
				err = errors.New("a panic that is neither an error nor a string")
			}
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
// fail on error, or on abort for a transaction (a full storage quota aborts
// it at commit, with no error event). The callbacks are released when
// either runs.
func onRequest(req js.Value, okEvent string, ok func(js.Value), fail func(error)) {
	var s, e js.Func
	release := func() {
		req.Set("on"+okEvent, js.Null())
		req.Set("onerror", js.Null())
		req.Set("onabort", js.Null())
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
	if okEvent == "complete" {
		req.Set("onabort", e)
	}
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

// RandomID returns a random id of 16 hex digits for a tab.
func RandomID() string {
	return hex8(uint32(randomSeed())) + hex8(uint32(randomSeed()>>20))
}

// hex8 writes v as 8 hexadecimal digits, with leading zeros.
func hex8(v uint32) string {
	s := strconv.FormatUint(uint64(v), 16)
	return strings.Repeat("0", 8-len(s)) + s
}

// randomSeed returns a random number (a tab id is made of it).
func randomSeed() uint64 {
	m := js.Global().Get("Math")
	return uint64(m.Call("random").Float()*(1<<31))<<21 ^ uint64(m.Call("random").Float()*(1<<21))
}

// ClaimTabID returns the id this tab keeps in sessionStorage under key
// (newID() if it has none) and keeps it out of sessionStorage while the page
// lives: a browser copies sessionStorage into a duplicated tab (and a
// window.open), so a copy made now has no id and the new tab makes its own
// instead of sharing, and overwriting, this tab's saved session. The id goes
// back in when the page is hidden for good or for the back-forward cache
// (pagehide), so that a reload of this tab finds it, and out again when the
// page is shown from that cache.
func ClaimTabID(key string, newID func() string) string {
	id := StorageGet(false, key)
	if id == "" {
		id = newID()
	}
	StorageSet(false, key, "")
	js.Global().Call("addEventListener", "pagehide", js.FuncOf(func(js.Value, []js.Value) any {
		StorageSet(false, key, id)
		return nil
	}))
	js.Global().Call("addEventListener", "pageshow", js.FuncOf(func(js.Value, []js.Value) any {
		StorageSet(false, key, "")
		return nil
	}))
	return id
}
