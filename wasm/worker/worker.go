//go:build js && wasm

// Package worker is the engine's side of the JavaScript bridge: in the Web
// Worker it receives the UI's messages, hands them to package engine, trains in
// time-boxed chunks and posts the replies back as transferred bytes.
package worker

import (
	"fmt"
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

	// Program-lifetime handler, created once and never released: it copies the
	// bytes and queues them without blocking (a callback must not block).
	onMessage := js.FuncOf(func(this js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.IsUndefined() || data.IsNull() || data.Get("byteLength").IsUndefined() {
			select {
			case cmds <- nil:
			default:
			}
			return nil
		}
		u8 := uint8Array.New(data)
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
			b, _ = protocol.Encode(protocol.Error{Code: protocol.CodeInternal, Message: "The engine could not send a reply: " + err.Error()})
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
	handle := func(b []byte) {
		if b == nil {
			post(protocol.Error{Code: protocol.CodeBadMessage, Message: "The engine received a message that is not bytes."})
			return
		}
		m, err := protocol.Decode(b)
		if err != nil {
			post(protocol.Error{Code: protocol.CodeBadMessage, Message: "The engine received a malformed message: " + err.Error()})
			return
		}
		if !m.Type().ToEngine() {
			post(protocol.Error{Code: protocol.CodeBadMessage, Message: fmt.Sprintf("The engine does not take %v messages.", m.Type())})
			return
		}
		posts(safely(e, func() []protocol.Message { return e.Handle(m, time.Now()) }))
	}

	post(e.Ready())
	for {
		if !e.Running() {
			handle(<-cmds) // blocks: the event loop runs until a message arrives
			continue
		}
		posts(safely(e, func() []protocol.Message { return e.Work(time.Now().Add(chunk), time.Now) }))
		port2.Call("postMessage", nil)
		<-ticks
	drain:
		for {
			select {
			case b := <-cmds:
				handle(b)
			case <-overflow:
				post(protocol.Error{Code: protocol.CodeBadMessage, Message: "The engine was sent too many messages at once; some were dropped."})
			default:
				break drain
			}
		}
	}
}

// safely runs f and turns a panic into an Error message, so that no panic
// crosses into JavaScript and the engine keeps serving.
func safely(e *engine.Engine, f func() []protocol.Message) (out []protocol.Message) {
	defer func() {
		if r := recover(); r != nil {
			e.Handle(protocol.Pause{}, time.Now())
			out = []protocol.Message{protocol.Error{Code: protocol.CodeInternal, Message: fmt.Sprintf("The engine hit a bug and paused: %v", r)}}
		}
	}()
	return f()
}
