// Package ui is the playground's page: it wires the panels, keeps the
// conversation with the engine worker, and paints each part when its state
// changes. It draws and never trains.
//
// Its parts live in packages of their own: browser (every syscall/js call:
// the worker link, frames, timers, canvases, storage, IndexedDB, fetch, the
// clipboard, downloads, and the DOM helpers), panels (each part's elements,
// built one file per part, and the Painter that draws the charts), present
// (pure: formatting, equations, layout geometry, trace statistics, the
// fields' names, the settings' ranges), content (pure: presets and tours)
// and keep (pure: the saved session, the link's setup, the watchdog, crash
// guard and recovery messages).
//
// Here, the files tagged js && wasm are the app itself (app_js.go: the app,
// sending and receiving; paint_js.go: the frame) and one file per part for
// its wiring and painting: topbar_js.go, data_js.go, model_js.go (heatmaps,
// line charts, cursor, step inspector), output_js.go (loss, Generate),
// inside_js.go (the unit view), keep_js.go (the saved session, share links,
// the share service, teacher links), export_js.go (PNG, CSV, PyTorch JSON),
// snap_js.go (training snapshots), compare_js.go (RNN beside LSTM: a second
// engine), recover_js.go (an engine that stopped) and tour_js.go. The
// untagged files are pure and tested natively: the page's state (State,
// which takes engine messages and says what to redraw) and the words of the
// engine's errors (engineerror.go).
package ui
