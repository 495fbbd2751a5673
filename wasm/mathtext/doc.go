// Package mathtext is how the page writes its numbers and equations, in one
// place: the LSTM cell figure (wasm/cell) and the step inspector
// (wasm/ui/present) both print through it, so the two cannot disagree. A
// value has 3 decimals and a true minus sign (FormatValue); an equation is a
// Line of Spans (a symbol, its sub- or superscript, an operator, a number)
// that the page sets one element per span, as text.
//
// The package is pure Go and small: strconv, strings and math only.
package mathtext
