//go:build js && wasm

// Package panels builds the page's parts, each in its own file, and holds
// their elements in View: the top bar (topbar_js.go), the data column with
// its training settings (data_js.go), inside the model — the probe, the
// heatmaps, the line charts, the units (model_js.go) and the unit view
// (inside_js.go) — what it does: the loss, the step inspector, Generate, the
// gradient reach (output_js.go), keep and share (keep_js.go, export_js.go),
// training snapshots (snap_js.go), LSTM beside RNN (compare_js.go) and the
// guided tour (tour_js.go). Painter (chart_js.go) draws the charts on their
// canvases and fills the step inspector. Elements are made with package browser's
// helpers and filled with textContent only. The page (package ui) wires
// them and paints them.
package panels
