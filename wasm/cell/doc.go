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
// # Use from the page
//
// Fill a Step from the step inspector's values of the unit and step under
// the time cursor (wasm/ui StepValues: the same fields), plus X (the symbol
// read, as DisplayRune shows it), Y and P (the trace's Top and TopP at that
// step) and CLimit (the c heatmap's limit); then
//
//	sc := cell.Build(step, tr)          // the scene: paint its Parts, Wires, Bands, Legends
//	svg := cell.AppendSVG(nil, &sc, tr) // "Export as SVG" (draw it on a canvas for PNG)
//	text := cell.Describe(&sc, tr)      // the screen reader's text (aria-describedby)
//	id := sc.At(cell.ToView(px, py, w, h)) // hover: the part under the pointer; "" for none
//	eq := sc.Part(id).Equation          // its equation with the numbers, as spans
//
// Focus walks sc.Parts in order (the article's). Build takes about a
// millisecond in WebAssembly (BenchmarkBuild): once per cursor move or trace,
// not once per painted frame.
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
