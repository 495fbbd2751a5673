package present

import (
	"math"
	"strings"
)

// SpanKind says how a piece of an equation is set.
type SpanKind uint8

const (
	Plain  SpanKind = iota // operators and words
	Var                    // a symbol, in italics
	Sub                    // a subscript of the symbol before it
	Sup                    // a superscript of the symbol before it
	Num                    // a number filled in
	Result                 // the number an equation ends in
)

// Span is one piece of an equation line; the page sets each as its own element
// with its text (textContent), never as markup.
type Span struct {
	Kind SpanKind
	Text string
}

// Line is one line of an equation.
type Line []Span

// String writes the line with Unicode sub- and superscripts where they exist, for
// tests, tooltips and screen-reader text: "cₜ = zᶠ ⊙ cₜ₋₁ + zⁱ ⊙ z".
func (l Line) String() string {
	var b strings.Builder
	for _, s := range l {
		switch s.Kind {
		case Sub:
			b.WriteString(script(s.Text, subscripts))
		case Sup:
			b.WriteString(script(s.Text, superscripts))
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

var (
	subscripts   = map[rune]rune{'t': 'ₜ', '−': '₋', '-': '₋', '1': '₁', '0': '₀'}
	superscripts = map[rune]rune{'f': 'ᶠ', 'i': 'ⁱ', 'o': 'ᵒ'}
)

func script(s string, table map[rune]rune) string {
	var b strings.Builder
	for _, r := range s {
		if m, ok := table[r]; ok {
			b.WriteRune(m)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Symbols of the article, as spans.
var (
	SymZf    = []Span{{Var, "z"}, {Sup, "f"}}
	SymZi    = []Span{{Var, "z"}, {Sup, "i"}}
	SymZo    = []Span{{Var, "z"}, {Sup, "o"}}
	symZ     = []Span{{Var, "z"}}
	symC     = []Span{{Var, "c"}, {Sub, "t"}}
	symCPrev = []Span{{Var, "c"}, {Sub, "t−1"}}
	symH     = []Span{{Var, "h"}, {Sub, "t"}}
	symHPrev = []Span{{Var, "h"}, {Sub, "t−1"}}
	symXt    = []Span{{Var, "x"}, {Sub, "t"}}
)

func cat(parts ...[]Span) Line {
	var l Line
	for _, p := range parts {
		l = append(l, p...)
	}
	return l
}

func op(s string) []Span   { return []Span{{Plain, s}} }
func num(v float64) []Span { return []Span{{Num, FormatOperand(v)}} }
func res(v float64) []Span { return []Span{{Result, FormatValue(v)}} }

// ValueRow is one named value of the step inspector: "forget gate", zᶠ, 0.932.
type ValueRow struct {
	Name   string
	Symbol Line
	Value  float64
}

// InspectorRows returns the values of one unit at one step in the order the
// equations use them: zᶠ, c_{t−1}, zⁱ, z, c_t, zᵒ, h_t (the RNN: h_{t−1}, h_t).
func InspectorRows(s StepValues) []ValueRow {
	if !s.LSTM {
		return []ValueRow{
			{"previous h", Line(symHPrev), s.HPrev},
			{"hidden state", Line(symH), s.H},
		}
	}
	return []ValueRow{
		{"forget gate", Line(SymZf), s.Zf},
		{"previous c", Line(symCPrev), s.CPrev},
		{"input gate", Line(SymZi), s.Zi},
		{"candidate", Line(symZ), s.Z},
		{"cell state", Line(symC), s.C},
		{"output gate", Line(SymZo), s.Zo},
		{"hidden state", Line(symH), s.H},
	}
}

// CellEquation returns c_t = zᶠ ⊙ c_{t−1} + zⁱ ⊙ z with the step's numbers
// filled in, as three lines: the equation, the factors, the products and the sum.
func CellEquation(s StepValues) []Line {
	return []Line{
		cat(symC, op(" = "), SymZf, op(" ⊙ "), symCPrev, op(" + "), SymZi, op(" ⊙ "), symZ),
		cat(op("= "), num(s.Zf), op(" × "), num(s.CPrev), op(" + "), num(s.Zi), op(" × "), num(s.Z)),
		cat(op("= "), num(s.Kept()), op(" + "), num(s.Written()), op(" = "), res(s.C)),
	}
}

// HiddenEquation returns h_t = zᵒ ⊙ tanh(c_t) with the numbers filled in; for
// the RNN, h_t = tanh(W x_t + U h_{t−1} + b) and its value.
func HiddenEquation(s StepValues) []Line {
	if !s.LSTM {
		return []Line{
			cat(symH, op(" = tanh("), []Span{{Var, "W"}}, op(" "), symXt, op(" + "), []Span{{Var, "U"}}, op(" "), symHPrev, op(" + "), []Span{{Var, "b"}}, op(")")),
			cat(op("= tanh("), []Span{{Num, FormatValue(math.Atanh(clampOpen(s.H)))}}, op(") = "), res(s.H)),
		}
	}
	tc := math.Tanh(s.C)
	return []Line{
		cat(symH, op(" = "), SymZo, op(" ⊙ tanh("), symC, op(")")),
		cat(op("= "), num(s.Zo), op(" × tanh("), []Span{{Num, FormatValue(s.C)}}, op(")")),
		cat(op("= "), num(s.Zo), op(" × "), num(tc), op(" = "), res(s.H)),
	}
}

// clampOpen keeps v inside (−1, 1), so that atanh stays finite.
func clampOpen(v float64) float64 {
	const edge = 1 - 1e-7
	return max(-edge, min(edge, v))
}
