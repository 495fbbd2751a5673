// Package ui is the playground's page: controls, charts and the bridge to the
// engine worker. It draws and never trains.
//
// The files tagged js && wasm hold everything that touches the browser: the
// DOM (honnef.co/go/js/dom/v2), painting, and the bridge files (bridge_js.go:
// the engine, frames, canvases, downloads; bridge_keep_js.go: IndexedDB,
// storage, fetch, the address, the clipboard) for syscall/js. Beside the page
// itself (app_js.go, view_js.go, paint_js.go) they are: keep_js.go (the
// session saved in the browser, share links, the share service, teacher
// links), compare_js.go (RNN beside LSTM: a second engine), inside_js.go (the
// unit view: sorted rows, coloured text, feature correlations, gate
// statistics, interventions), snap_js.go (training snapshots), export_js.go
// (PNG, CSV, PyTorch JSON) and tour_js.go (the guided tour).
//
// The untagged files are pure and tested natively: the presets and their
// tours, number formatting, setting ranges, the page's state machine (State,
// which takes engine messages and says what to redraw), the layout maths, the
// values and equations of the step inspector, the saved session's record and
// the link's setup (session.go), and the unit view's helpers (inside.go).
package ui
