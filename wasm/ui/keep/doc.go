// Package keep is what the page keeps and recovers, in pure Go: the saved
// session's record and the share link's setup with its view options
// (session.go), and the engine's watchdog, crash guard and the words that say
// why an engine stopped and what was restored (recover.go). It uses no
// browser and is tested natively and under WebAssembly.
package keep
