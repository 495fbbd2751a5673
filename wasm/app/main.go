//go:build js && wasm

// Command app is LSTM Playground's WebAssembly program. One binary serves both
// threads: in a Web Worker (no document) it is the engine that trains
// (package worker); on the page it is the UI that draws (package ui).
package main

import (
	"syscall/js"

	"lstmplayground/wasm/ui"
	"lstmplayground/wasm/worker"
)

func main() {
	if js.Global().Get("document").IsUndefined() {
		worker.Run()
		return
	}
	ui.Run()
}
