//go:build js && wasm

package browser

import (
	"errors"
	"strings"
	"syscall/js"

	"lstmplayground/wasm/ui/keep"
)

// This file has the link to an engine worker: it sends protocol messages as
// transferred bytes, hands received bytes to a callback, and says in a
// sentence why a worker failed.

// EngineLink is the page's end of a worker: it sends protocol messages as
// transferred bytes and hands received bytes to a callback.
type EngineLink struct {
	worker     js.Value
	uint8Array js.Value
	onMessage  js.Func  // released by Close
	onError    js.Func  // released by Close
	beacon     js.Value // the port of the worker's beacon (worker.js), once it said so; else undefined
	onBeacon   js.Func  // released by Close
	news       js.Value // the port of worker.js's own news (boot.js), or undefined
	onNews     js.Func  // released by Close
	echoed     func(sent float64)
	closed     bool
	start      func() // Start's work, until it is done
}

// StartEngine finds the worker boot.js started and listens to it. received
// gets the bytes of every message, failed a sentence if the worker fails.
// Messages that arrived before the page listened (boot.js keeps them in
// lstmPlayground.early) are delivered first, in order. Close releases its
// handlers (when the engine died and another replaces it).
func StartEngine(received func([]byte), failed func(string)) (*EngineLink, error) {
	pg := js.Global().Get("lstmPlayground")
	if pg.IsUndefined() || pg.IsNull() || pg.Get("worker").IsUndefined() {
		return nil, errors.New("the engine worker was not started")
	}
	return linkWorker(pg, received, failed), nil
}

// RestartEngine starts a new main engine from the page's compiled module
// (lstmPlayground.replaceWorker, in boot.js, which also makes it
// lstmPlayground.worker) and listens to it.
func RestartEngine(received func([]byte), failed func(string)) (*EngineLink, error) {
	pg := js.Global().Get("lstmPlayground")
	if pg.IsUndefined() || pg.IsNull() || pg.Get("replaceWorker").Type() != js.TypeFunction {
		return nil, errors.New("this page cannot start a new engine")
	}
	var w js.Value
	if err := jsCall(func() { w = pg.Call("replaceWorker") }); err != nil {
		return nil, err
	}
	return linkWorker(w, received, failed), nil
}

// StartSecondEngine starts another engine from the page's compiled module
// (lstmPlayground.startWorker, in boot.js), for a side-by-side comparison.
// Its owner ends it with Close, which releases its handlers.
func StartSecondEngine(received func([]byte), failed func(string)) (*EngineLink, error) {
	pg := js.Global().Get("lstmPlayground")
	if pg.IsUndefined() || pg.IsNull() || pg.Get("startWorker").Type() != js.TypeFunction {
		return nil, errors.New("this page cannot start a second engine")
	}
	var w js.Value
	if err := jsCall(func() { w = pg.Call("startWorker") }); err != nil {
		return nil, err
	}
	l := linkWorker(w, received, failed)
	l.Start()
	return l, nil
}

// linkWorker makes the link to a worker; Start listens to it, first
// delivering the messages kept in early.
//
// w is what boot.js's startWorker returns: the worker, its early messages,
// and the port of worker.js's own news (news, newsEarly).
func linkWorker(w js.Value, received func([]byte), failed func(string)) *EngineLink {
	worker, early, news, newsEarly := w.Get("worker"), w.Get("early"), w.Get("news"), w.Get("newsEarly")
	l := &EngineLink{worker: worker, uint8Array: js.Global().Get("Uint8Array"), beacon: js.Undefined(), news: js.Undefined()}
	if news.Type() == js.TypeObject && !news.IsNull() {
		l.news = news
	}
	l.onBeacon = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if d := args[0].Get("data"); d.Type() == js.TypeNumber && l.echoed != nil {
			l.echoed(d.Float())
		}
		return nil
	})
	// worker.js's own news: its beacon, or that the engine's Go program
	// ended (a panic, out of memory).
	tell := func(data js.Value) {
		if data.Type() != js.TypeObject || data.IsNull() || l.closed {
			return
		}
		if p := data.Get("lpBeacon"); p.Type() == js.TypeObject && !p.IsNull() {
			l.beacon = p
			p.Set("onmessage", l.onBeacon)
			return
		}
		if c := data.Get("lpExit"); c.Type() == js.TypeNumber || c.Type() == js.TypeString {
			failed(exitCause(c, data.Get("lpLog")))
		}
	}
	l.onNews = js.FuncOf(func(_ js.Value, args []js.Value) any {
		tell(args[0].Get("data"))
		return nil
	})
	deliver := func(data js.Value) {
		if data.IsUndefined() || data.IsNull() || data.Get("byteLength").IsUndefined() {
			return // not ours (boot.js talks to the worker with plain objects)
		}
		u8 := l.uint8Array.New(data)
		b := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(b, u8)
		received(b)
	}
	// Neither handler blocks: deliver copies the bytes and the page's handler
	// only updates state and asks for a frame.
	l.onMessage = js.FuncOf(func(_ js.Value, args []js.Value) any {
		deliver(args[0].Get("data"))
		return nil
	})
	l.onError = onWorkerError(failed)
	l.start = func() {
		if early.Type() == js.TypeObject {
			for i := range early.Length() {
				deliver(early.Index(i))
			}
			early.Set("length", 0)
		}
		if newsEarly.Type() == js.TypeObject {
			for i := range newsEarly.Length() {
				tell(newsEarly.Index(i))
			}
			newsEarly.Set("length", 0)
		}
		if !l.news.IsUndefined() {
			l.news.Set("onmessage", l.onNews)
		}
		l.worker.Set("onmessage", l.onMessage)
		l.worker.Call("addEventListener", "error", l.onError)
		l.worker.Call("addEventListener", "messageerror", l.onError)
	}
	return l
}

// onWorkerError returns the handler of a worker's error and messageerror
// events: it tells failed the cause in a sentence.
func onWorkerError(failed func(string)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		cause := "The training engine failed"
		if len(args) > 0 {
			if args[0].Get("type").String() == "messageerror" {
				cause = "The training engine sent a message the page could not read"
			} else if m := args[0].Get("message"); m.Type() == js.TypeString && m.String() != "" {
				cause += " (" + strings.TrimPrefix(m.String(), "Uncaught ") + ")"
			}
			args[0].Call("preventDefault")
		}
		failed(cause)
		return nil
	})
}

// Start delivers the messages that came before the page listened, then
// listens to the worker.
func (l *EngineLink) Start() {
	if f := l.start; f != nil && !l.closed {
		l.start = nil
		f()
	}
}

// exitCause says why the engine's Go program ended, from worker.js's lpExit
// (the exit code, or an error's message) and lpLog (the end of what it wrote).
func exitCause(code, log js.Value) string {
	tail := ""
	if log.Type() == js.TypeString {
		tail = log.String()
	}
	if code.Type() == js.TypeString {
		return keep.ExitCause(-1, code.String()+"\n"+tail)
	}
	return keep.ExitCause(code.Int(), tail)
}

// Close ends the worker and releases the link's handlers.
func (l *EngineLink) Close() {
	if l.closed {
		return
	}
	l.closed = true
	l.worker.Set("onmessage", js.Null())
	l.worker.Call("removeEventListener", "error", l.onError)
	l.worker.Call("removeEventListener", "messageerror", l.onError)
	l.worker.Call("terminate")
	for _, p := range []js.Value{l.beacon, l.news} {
		if !p.IsUndefined() {
			p.Set("onmessage", js.Null())
			p.Call("close")
		}
	}
	l.beacon, l.news = js.Undefined(), js.Undefined()
	l.onMessage.Release()
	l.onError.Release()
	l.onBeacon.Release()
	l.onNews.Release()
}

// Watch calls echoed with the time each ping was sent, as the worker's
// beacon echoes it.
func (l *EngineLink) Watch(echoed func(sent float64)) { l.echoed = echoed }

// Ping sends the beacon the time now; it reports false if the worker has not
// said where its beacon is yet.
func (l *EngineLink) Ping(now float64) bool {
	if l.closed || l.beacon.IsUndefined() {
		return false
	}
	l.beacon.Call("postMessage", now)
	return true
}

// Send posts b to the worker, transferring its buffer.
func (l *EngineLink) Send(b []byte) {
	u8 := l.uint8Array.New(len(b))
	js.CopyBytesToJS(u8, b)
	l.worker.Call("postMessage", u8, []any{u8.Get("buffer")})
}

// PageShown tells boot.js that the page is on screen (lstmPlayground.shown):
// it then registers the service worker that keeps the site for offline use,
// whose install would otherwise compete with the page's start, and calls
// idle when the browser is next idle. A boot.js older than the program
// (a cache kept it) calls no idle.
func PageShown(idle func()) {
	pg := js.Global().Get("lstmPlayground")
	if pg.Type() != js.TypeObject || pg.Get("shown").Type() != js.TypeFunction {
		return // a page started without boot.js (tests)
	}
	var fn js.Func
	fn = js.FuncOf(func(js.Value, []js.Value) any {
		fn.Release()
		idle()
		return nil
	})
	_ = jsCall(func() { pg.Call("shown", fn) })
}

// Mark sets a performance mark (the User Timing API): a named moment of the
// page's life that tools read (performance.getEntriesByName).
func Mark(name string) {
	_ = jsCall(func() { js.Global().Get("performance").Call("mark", name) })
}
