//go:build js && wasm

// Package browser holds every call the page makes into the browser through
// syscall/js, behind small typed functions: the link to an engine worker,
// animation frames, timers and page visibility, canvases, downloads and file
// reads (engine_js.go, time_js.go, canvas_js.go, files_js.go); IndexedDB,
// local and session storage, fetch, the address and the clipboard
// (storage_js.go, net_js.go, files_js.go); and the DOM helpers the panels
// are built with, which set text with textContent only (dom_js.go). No other package of the page uses syscall/js.
package browser
