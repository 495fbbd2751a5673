// Package keep is what the page keeps and recovers, in pure Go: the
// engine's watchdog and crash guard, and the words that say why an engine
// stopped and what was restored (recover.go). It uses no browser and is
// tested natively and under WebAssembly.
package keep
