package present

import (
	"math"

	"lstmplayground/wasm/mathtext"
)

// An equation is a Line of Spans (wasm/mathtext, which the LSTM cell figure
// writes too): the inspector writes its symbols with subscripts (Sub), c_{t−1}.
type (
	SpanKind = mathtext.SpanKind
	Span     = mathtext.Span
	Line     = mathtext.Line
)

const (
	Plain  = mathtext.Plain
	Var    = mathtext.Var
	Sub    = mathtext.Sub
	Sup    = mathtext.Sup
	Num    = mathtext.Num
	Result = mathtext.Result
)

// Symbols of the article, as spans.
var (
	SymZf    = []Span{{Kind: Var, Text: "z"}, {Kind: Sup, Text: "f"}}
	SymZi    = []Span{{Kind: Var, Text: "z"}, {Kind: Sup, Text: "i"}}
	SymZo    = []Span{{Kind: Var, Text: "z"}, {Kind: Sup, Text: "o"}}
	symZ     = []Span{{Kind: Var, Text: "z"}}
	symC     = []Span{{Kind: Var, Text: "c"}, {Kind: Sub, Text: "t"}}
	symCPrev = []Span{{Kind: Var, Text: "c"}, {Kind: Sub, Text: "t−1"}}
	symH     = []Span{{Kind: Var, Text: "h"}, {Kind: Sub, Text: "t"}}
	symHPrev = []Span{{Kind: Var, Text: "h"}, {Kind: Sub, Text: "t−1"}}
	symXt    = []Span{{Kind: Var, Text: "x"}, {Kind: Sub, Text: "t"}}
)

func cat(parts ...[]Span) Line {
	var l Line
	for _, p := range parts {
		l = append(l, p...)
	}
	return l
}

func op(s string) []Span   { return []Span{{Kind: Plain, Text: s}} }
func num(v float64) []Span { return []Span{{Kind: Num, Text: FormatOperand(v)}} }
func res(v float64) []Span { return []Span{{Kind: Result, Text: FormatValue(v)}} }

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
			cat(symH, op(" = tanh("), []Span{{Kind: Var, Text: "W"}}, op(" "), symXt, op(" + "), []Span{{Kind: Var, Text: "U"}}, op(" "), symHPrev, op(" + "), []Span{{Kind: Var, Text: "b"}}, op(")")),
			cat(op("= tanh("), []Span{{Kind: Num, Text: FormatValue(math.Atanh(clampOpen(s.H)))}}, op(") = "), res(s.H)),
		}
	}
	tc := math.Tanh(s.C)
	return []Line{
		cat(symH, op(" = "), SymZo, op(" ⊙ tanh("), symC, op(")")),
		cat(op("= "), num(s.Zo), op(" × tanh("), []Span{{Kind: Num, Text: FormatValue(s.C)}}, op(")")),
		cat(op("= "), num(s.Zo), op(" × "), num(tc), op(" = "), res(s.H)),
	}
}

// clampOpen keeps v inside (−1, 1), so that atanh stays finite.
func clampOpen(v float64) float64 {
	const edge = 1 - 1e-7
	return max(-edge, min(edge, v))
}
