// Package ui is the playground's page: controls, charts and the bridge to the
// engine worker. It draws and never trains.
//
// The files tagged js && wasm hold everything that touches the browser: the
// DOM (honnef.co/go/js/dom/v2), painting, and one bridge file (bridge_js.go)
// for syscall/js. The untagged files are pure and tested natively: the
// presets, number formatting, setting ranges, the page's state machine
// (State, which takes engine messages and says what to redraw), the layout
// maths and the values and equations of the step inspector.
package ui
