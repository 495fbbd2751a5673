//go:build js && wasm

// Package browser holds every call the page makes into the browser through
// syscall/js, behind small typed functions: the link to an engine worker,
// animation frames, timers and page visibility, canvases, downloads and file
// reads (bridge_js.go); IndexedDB, local and session storage, fetch, the
// address, the clipboard and page-lifetime events (bridge_keep_js.go); and
// the DOM helpers the panels are built with, which set text with textContent
// only (dom_js.go). No other package of the page uses syscall/js.
package browser
