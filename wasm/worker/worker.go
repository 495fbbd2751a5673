//go:build js && wasm

// Package worker is the engine's side of the JavaScript bridge: in the Web
// Worker it receives the UI's messages, hands them to package engine, trains in
// time-boxed chunks and posts the replies back as transferred bytes.
package worker

import (
	"syscall/js"
	"time"

	"lstmplayground/wasm/engine"
	"lstmplayground/wasm/protocol"
)

// chunk is how long the engine trains before it yields to the event loop, so
// that Pause, setting changes and trace requests take effect within one chunk.
// It yields through a MessageChannel round trip, at once, or, when the page
// asked it to rest (protocol.SetPace), for as long as the engine says.
const chunk = 12 * time.Millisecond

// queue is how many incoming messages wait while a chunk runs; more are refused.
const queue = 1024

// Run serves the engine until the worker is terminated.
func Run() {
	self := js.Global()
	uint8Array := self.Get("Uint8Array")
	cmds := make(chan []byte, queue)
	overflow := make(chan struct{}, 1)
	// funcs counts the js.Func callbacks the bridge holds, for Diagnostics:
	// receiver's and yielder's, both program-lifetime, so it stays 2.
	const funcs = 2
	self.Set("onmessage", receiver(self, cmds, overflow))
	port2, onTick, ticks := yielder(self)

	post := func(m protocol.Message) {
		b, err := protocol.Encode(m)
		if err != nil {
			b, _ = protocol.Encode(protocol.Error{ID: protocol.IDOf(m), Code: protocol.CodeInternal, Reason: protocol.ReasonBug, Token: "the engine could not send a reply: " + err.Error()})
		}
		u8 := uint8Array.New(len(b))
		js.CopyBytesToJS(u8, b)
		self.Call("postMessage", u8, []any{u8.Get("buffer")})
	}
	posts := func(ms []protocol.Message) {
		for _, m := range ms {
			post(m)
		}
	}

	e := engine.New()
	e.SetBridgeFuncs(func() int { return funcs })
	handle := func(b []byte) { posts(e.HandleBytes(b, time.Now())) }

	post(e.Ready())
	for {
		start := time.Now()
		switch {
		case e.Running():
			if wait, end := e.Turn(start, chunk); wait > 0 { // another engine's turn
				self.Call("setTimeout", onTick, (wait + time.Millisecond - 1).Milliseconds())
			} else {
				posts(e.WorkSafely(end, time.Now))
				done := time.Now()
				if r := e.Rest(done.Sub(start)); r > 0 {
					self.Call("setTimeout", onTick, r.Milliseconds()) // the core is free meanwhile
				} else {
					port2.Call("postMessage", nil)
				}
			}
		case e.Warming(): // a chunk of the warm-up (protocol.Warm), then the messages
			posts(e.WarmSafely(start.Add(chunk), time.Now))
			port2.Call("postMessage", nil)
		default:
			handle(<-cmds) // blocks: the event loop runs until a message arrives
			continue
		}
		<-ticks
	drain:
		for {
			select {
			case b := <-cmds:
				handle(b)
			case <-overflow:
				post(e.Overflow())
			default:
				break drain
			}
		}
	}
}

// receiver returns the worker's message handler, a program-lifetime
// callback made once and never released: it copies the bytes and queues
// them in cmds without blocking (a callback must not block), or notes an
// overflow. Only an ArrayBuffer or a view of one is bytes: an object that
// merely has a byteLength (and a huge length) would have Uint8Array read it
// element by element for minutes, freezing the engine. Anything else is
// queued as nil, which the engine answers as a bad message.
func receiver(self js.Value, cmds chan<- []byte, overflow chan<- struct{}) js.Func {
	uint8Array := self.Get("Uint8Array")
	arrayBuffer := self.Get("ArrayBuffer")
	isView := arrayBuffer.Get("isView")
	return js.FuncOf(func(this js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeObject || data.IsNull() || !(data.InstanceOf(arrayBuffer) || isView.Invoke(data).Bool()) {
			select {
			case cmds <- nil:
			default:
			}
			return nil
		}
		var u8 js.Value
		if data.InstanceOf(arrayBuffer) {
			u8 = uint8Array.New(data)
		} else { // the bytes of the view, whatever its element type
			u8 = uint8Array.New(data.Get("buffer"), data.Get("byteOffset"), data.Get("byteLength"))
		}
		b := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(b, u8)
		select {
		case cmds <- b:
		default:
			select {
			case overflow <- struct{}{}:
			default:
			}
		}
		return nil
	})
}

// yielder returns the port to post to, its handler and the channel that hears
// back: a MessageChannel round trip returns to the event loop and comes back
// in ~60 µs (a timer would cost ~4 ms); a timer with the handler rests. The
// handler lives as long as the program.
func yielder(self js.Value) (js.Value, js.Func, <-chan struct{}) {
	channel := self.Get("MessageChannel").New()
	ticks := make(chan struct{}, 1)
	onTick := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case ticks <- struct{}{}:
		default:
		}
		return nil
	})
	channel.Get("port1").Set("onmessage", onTick)
	return channel.Get("port2"), onTick, ticks
}
