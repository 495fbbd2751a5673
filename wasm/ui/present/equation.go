package present

import (
	"math"

	"lstmplayground/wasm/mathtext"
)

// Symbols of the article, as spans of an equation (wasm/mathtext's Line,
// which the LSTM cell figure writes too): the inspector writes them with
// subscripts, c_{t−1}.
var (
	SymZf    = []mathtext.Span{{Kind: mathtext.Var, Text: "z"}, {Kind: mathtext.Sup, Text: "f"}}
	SymZi    = []mathtext.Span{{Kind: mathtext.Var, Text: "z"}, {Kind: mathtext.Sup, Text: "i"}}
	SymZo    = []mathtext.Span{{Kind: mathtext.Var, Text: "z"}, {Kind: mathtext.Sup, Text: "o"}}
	symZ     = []mathtext.Span{{Kind: mathtext.Var, Text: "z"}}
	symC     = []mathtext.Span{{Kind: mathtext.Var, Text: "c"}, {Kind: mathtext.Sub, Text: "t"}}
	symCPrev = []mathtext.Span{{Kind: mathtext.Var, Text: "c"}, {Kind: mathtext.Sub, Text: "t−1"}}
	symH     = []mathtext.Span{{Kind: mathtext.Var, Text: "h"}, {Kind: mathtext.Sub, Text: "t"}}
	symHPrev = []mathtext.Span{{Kind: mathtext.Var, Text: "h"}, {Kind: mathtext.Sub, Text: "t−1"}}
	symXt    = []mathtext.Span{{Kind: mathtext.Var, Text: "x"}, {Kind: mathtext.Sub, Text: "t"}}
)

func cat(parts ...[]mathtext.Span) mathtext.Line {
	var l mathtext.Line
	for _, p := range parts {
		l = append(l, p...)
	}
	return l
}

func op(s string) []mathtext.Span { return []mathtext.Span{{Kind: mathtext.Plain, Text: s}} }
func num(v float64) []mathtext.Span {
	return []mathtext.Span{{Kind: mathtext.Num, Text: FormatOperand(v)}}
}
func res(v float64) []mathtext.Span {
	return []mathtext.Span{{Kind: mathtext.Result, Text: FormatValue(v)}}
}

// ValueRow is one named value of the step inspector: "forget gate", zᶠ, 0.932.
type ValueRow struct {
	Name   string
	Symbol mathtext.Line
	Value  float64
}

// InspectorRows returns the values of one unit at one step in the order the
// equations use them: zᶠ, c_{t−1}, zⁱ, z, c_t, zᵒ, h_t (the RNN: h_{t−1}, h_t).
func InspectorRows(s StepValues) []ValueRow {
	if !s.LSTM {
		return []ValueRow{
			{"previous h", mathtext.Line(symHPrev), s.HPrev},
			{"hidden state", mathtext.Line(symH), s.H},
		}
	}
	return []ValueRow{
		{"forget gate", mathtext.Line(SymZf), s.Zf},
		{"previous c", mathtext.Line(symCPrev), s.CPrev},
		{"input gate", mathtext.Line(SymZi), s.Zi},
		{"candidate", mathtext.Line(symZ), s.Z},
		{"cell state", mathtext.Line(symC), s.C},
		{"output gate", mathtext.Line(SymZo), s.Zo},
		{"hidden state", mathtext.Line(symH), s.H},
	}
}

// CellEquation returns c_t = zᶠ ⊙ c_{t−1} + zⁱ ⊙ z with the step's numbers
// filled in, as three lines: the equation, the factors, the products and the sum.
func CellEquation(s StepValues) []mathtext.Line {
	return []mathtext.Line{
		cat(symC, op(" = "), SymZf, op(" ⊙ "), symCPrev, op(" + "), SymZi, op(" ⊙ "), symZ),
		cat(op("= "), num(s.Zf), op(" × "), num(s.CPrev), op(" + "), num(s.Zi), op(" × "), num(s.Z)),
		cat(op("= "), num(s.Kept()), op(" + "), num(s.Written()), op(" = "), res(s.C)),
	}
}

// HiddenEquation returns h_t = zᵒ ⊙ tanh(c_t) with the numbers filled in; for
// the RNN, h_t = tanh(W x_t + U h_{t−1} + b) and its value.
func HiddenEquation(s StepValues) []mathtext.Line {
	if !s.LSTM {
		return []mathtext.Line{
			cat(symH, op(" = tanh("), []mathtext.Span{{Kind: mathtext.Var, Text: "W"}}, op(" "), symXt, op(" + "), []mathtext.Span{{Kind: mathtext.Var, Text: "U"}}, op(" "), symHPrev, op(" + "), []mathtext.Span{{Kind: mathtext.Var, Text: "b"}}, op(")")),
			cat(op("= tanh("), []mathtext.Span{{Kind: mathtext.Num, Text: FormatValue(math.Atanh(clampOpen(s.H)))}}, op(") = "), res(s.H)),
		}
	}
	tc := math.Tanh(s.C)
	return []mathtext.Line{
		cat(symH, op(" = "), SymZo, op(" ⊙ tanh("), symC, op(")")),
		cat(op("= "), num(s.Zo), op(" × tanh("), []mathtext.Span{{Kind: mathtext.Num, Text: FormatValue(s.C)}}, op(")")),
		cat(op("= "), num(s.Zo), op(" × "), num(tc), op(" = "), res(s.H)),
	}
}

// clampOpen keeps v inside (−1, 1), so that atanh stays finite.
func clampOpen(v float64) float64 {
	const edge = 1 - 1e-7
	return max(-edge, min(edge, v))
}
