// Package cell draws the article's LSTM cell, and the plain RNN's, for one
// unit at one step, with that step's numbers: Build turns the values (Step)
// into a Scene — parts, wires and the three stages as plain data in a fixed
// viewBox — which the page paints, AppendSVG writes as a standalone SVG
// document, Describe reads out for a screen reader, and Scene.At hit-tests
// for hover and focus.
//
// The figure follows the article: x^t and h^{t−1} stitched together; four
// products W·[x^t; h^{t−1}] turned into the gates z^f, z^i, z^o (σ, 0…1) and
// the content z (tanh, −1…1); c^{t−1} ⊙ z^f (forget) + z^i ⊙ z (select
// memory) → c^t; tanh(c^t) ⊙ z^o (output) → h^t; y^t = softmax(W′h^t). The
// RNN's cell is h^t = tanh(W·[x^t; h^{t−1}] + b), drawn the same way.
//
// # Words
//
// Every label and caption a person reads comes from a catalogue key through
// a Text function (Build's argument), with numbered placeholders {1} … {9}.
// The English sentences are in one table, en in words.go, for now; they are
// meant to move into the page's catalogue (wasm/words), after which the page
// passes its own Text and this table goes. Numbers are formatted as the
// page's step inspector formats them (FormatValue).
//
// The package is pure Go (no syscall/js, no DOM) and small: no fmt, no
// templates, no reflection.
package cell
