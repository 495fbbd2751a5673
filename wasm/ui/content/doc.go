// Package content is what the page offers before anyone types: the presets
// (their texts, settings, probes and primes, and how a probe or prime is cut
// from a text) and the guided tours that go with them. It is pure Go, tested
// natively and under WebAssembly.
package content
