package cell

import (
	"math"

	"lstmplayground/wasm/mathtext"
)

// Numbers filled into an equation: an operand (in parentheses when
// negative), a value, the result it ends in, a symbol or word as shown.
func num(v float64) mathtext.Span   { return mathtext.Span{Kind: mathtext.Num, Text: FormatOperand(v)} }
func value(v float64) mathtext.Span { return mathtext.Span{Kind: mathtext.Num, Text: FormatValue(v)} }
func res(v float64) mathtext.Span   { return mathtext.Span{Kind: mathtext.Result, Text: FormatValue(v)} }
func text(s string) mathtext.Span   { return mathtext.Span{Kind: mathtext.Result, Text: s} }

// gateEq is z = act(W·[x^t; h^{t−1}] + b) = act(pre) = z, with the
// pre-activation filled in (σ⁻¹ or tanh⁻¹ of the value).
func gateEq(head string, tanh bool, v float64) []mathtext.Line {
	if tanh {
		return []mathtext.Line{eq(head), eq("= tanh(#) = #", value(atanh(v)), res(v))}
	}
	return []mathtext.Line{eq(head), eq("= σ(#) = #", value(logit(v)), res(v))}
}

// equations returns the equation of part id with s's numbers filled in.
func equations(s Step, id string) []mathtext.Line {
	switch id {
	case "x":
		return []mathtext.Line{eq("x^t = #", text(s.shown(s.X)))}
	case "hprev":
		return []mathtext.Line{eq("h^{t−1} = #", res(s.HPrev))}
	case "cprev":
		return []mathtext.Line{eq("c^{t−1} = #", res(s.CPrev))}
	case "concat":
		return []mathtext.Line{eq("[x^t; h^{t−1}] = [#; # …]", text(s.shown(s.X)), value(s.HPrev))}
	case "zf":
		return gateEq("z^f = σ(W^f · [x^t; h^{t−1}] + b^f)", false, s.Zf)
	case "zi":
		return gateEq("z^i = σ(W^i · [x^t; h^{t−1}] + b^i)", false, s.Zi)
	case "z":
		return gateEq("z = tanh(W · [x^t; h^{t−1}] + b)", true, s.Z)
	case "zo":
		return gateEq("z^o = σ(W^o · [x^t; h^{t−1}] + b^o)", false, s.Zo)
	case "rnn":
		return gateEq("h^t = tanh(W · [x^t; h^{t−1}] + b)", true, s.H)
	case "kept":
		return []mathtext.Line{eq("z^f ⊙ c^{t−1}"), eq("= # × # = #", num(s.Zf), num(s.CPrev), res(s.Kept()))}
	case "write":
		return []mathtext.Line{eq("z^i ⊙ z"), eq("= # × # = #", num(s.Zi), num(s.Z), res(s.Written()))}
	case "c":
		return []mathtext.Line{eq("c^t = z^f ⊙ c^{t−1} + z^i ⊙ z"), eq("= # + # = #", num(s.Kept()), num(s.Written()), res(s.C))}
	case "tanhc":
		return []mathtext.Line{eq("tanh(c^t) = tanh(#) = #", value(s.C), res(math.Tanh(s.C)))}
	case "h":
		if !s.LSTM {
			return []mathtext.Line{eq("h^t = #", res(s.H))}
		}
		return []mathtext.Line{eq("h^t = z^o ⊙ tanh(c^t)"), eq("= # × # = #", num(s.Zo), num(math.Tanh(s.C)), res(s.H))}
	case "y":
		return yEq(s)
	}
	return nil
}

// yEq is y^t = softmax(W′h^t) and the most likely next symbol, if known; for
// numbers, y^t = W′h^t + b′ and the value.
func yEq(s Step) []mathtext.Line {
	head := "y^t = softmax(W′ h^t)"
	if s.Numbers {
		head = "y^t = W′ h^t + b′"
	}
	l := []mathtext.Line{eq(head)}
	switch {
	case s.Y == "":
	case s.Numbers:
		l = append(l, eq("= #", text(s.Y)))
	case math.IsNaN(s.P):
		l = append(l, eq("→ #", text(s.shown(s.Y))))
	default:
		l = append(l, eq("→ #, #", text(s.shown(s.Y)), mathtext.Span{Kind: mathtext.Result, Text: FormatPercent(s.P)}))
	}
	return l
}
