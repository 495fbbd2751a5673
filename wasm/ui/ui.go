//go:build js && wasm

// Package ui is the playground's page: controls, charts and the bridge to the
// engine worker. It draws and never trains.
package ui

// Run builds the page and serves it until the page is closed.
func Run() {
	select {}
}
