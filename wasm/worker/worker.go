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
const chunk = 12 * time.Millisecond

// queue is how many incoming messages wait while a chunk runs; more are refused.
const queue = 1024

// Run serves the engine until the worker is terminated.
func Run() {
	self := js.Global()
	uint8Array := self.Get("Uint8Array")
	cmds := make(chan []byte, queue)
	overflow := make(chan struct{}, 1)
	// funcs counts the js.Func callbacks made below and not released, for
	// Diagnostics: both are program-lifetime handlers, so it stays 2.
	funcs := 0

	// Program-lifetime handler, created once and never released: it copies the
	// bytes and queues them without blocking (a callback must not block).
	// Only an ArrayBuffer or a view of one is bytes: an object that merely
	// has a byteLength (and a huge length) would have Uint8Array read it
	// element by element for minutes, freezing the engine. Anything else is
	// queued as nil, which the engine answers as a bad message.
	arrayBuffer := self.Get("ArrayBuffer")
	isView := arrayBuffer.Get("isView")
	funcs++
	onMessage := js.FuncOf(func(this js.Value, args []js.Value) any {
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
	self.Set("onmessage", onMessage)

	// Yielding: a MessageChannel round trip returns to the event loop and comes
	// back in ~60 µs (a timer would cost ~4 ms). Program-lifetime handler.
	channel := self.Get("MessageChannel").New()
	ticks := make(chan struct{}, 1)
	funcs++
	onTick := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case ticks <- struct{}{}:
		default:
		}
		return nil
	})
	channel.Get("port1").Set("onmessage", onTick)
	port2 := channel.Get("port2")

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
		if !e.Running() {
			handle(<-cmds) // blocks: the event loop runs until a message arrives
			continue
		}
		posts(e.WorkSafely(time.Now().Add(chunk), time.Now))
		port2.Call("postMessage", nil)
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
