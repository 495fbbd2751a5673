package cell

import "math"

// gateEq is z = act(W·[x^t; h^{t−1}] + b) = act(pre) = z, with the
// pre-activation filled in (σ⁻¹ or tanh⁻¹ of the value).
func gateEq(sym Line, sup string, tanh bool, v float64) []Line {
	w, b := Line{{Var, "W"}}, Line{{Var, "b"}}
	if sup != "" {
		w, b = append(w, Span{Sup, sup}), append(b, Span{Sup, sup})
	}
	act, pre := "σ(", logit(v)
	if tanh {
		act, pre = "tanh(", atanh(v)
	}
	return []Line{
		cat(sym, op(" = "+act), w, op(" · "), symXH, op(" + "), b, op(")")),
		cat(op("= "+act), value(pre), op(") = "), res(v)),
	}
}

// equations returns the equation of part id with s's numbers filled in.
func equations(s Step, id string) []Line {
	switch id {
	case "x":
		return []Line{cat(symX, op(" = "), text(s.X))}
	case "hprev":
		return []Line{cat(symHPrev, op(" = "), res(s.HPrev))}
	case "cprev":
		return []Line{cat(symCPrev, op(" = "), res(s.CPrev))}
	case "concat":
		return []Line{cat(symXH, op(" = ["), text(s.X), op("; "), Line{{Num, FormatValue(s.HPrev)}}, op(" …]"))}
	case "zf":
		return gateEq(symZf, "f", false, s.Zf)
	case "zi":
		return gateEq(symZi, "i", false, s.Zi)
	case "z":
		return gateEq(symZ, "", true, s.Z)
	case "zo":
		return gateEq(symZo, "o", false, s.Zo)
	case "rnn":
		return gateEq(symH, "", true, s.H)
	case "kept":
		return []Line{
			cat(symZf, op(" ⊙ "), symCPrev),
			cat(op("= "), num(s.Zf), op(" × "), num(s.CPrev), op(" = "), res(s.Kept())),
		}
	case "write":
		return []Line{
			cat(symZi, op(" ⊙ "), symZ),
			cat(op("= "), num(s.Zi), op(" × "), num(s.Z), op(" = "), res(s.Written())),
		}
	case "c":
		return []Line{
			cat(symC, op(" = "), symZf, op(" ⊙ "), symCPrev, op(" + "), symZi, op(" ⊙ "), symZ),
			cat(op("= "), num(s.Kept()), op(" + "), num(s.Written()), op(" = "), res(s.C)),
		}
	case "tanhc":
		return []Line{cat(op("tanh("), symC, op(") = tanh("), value(s.C), op(") = "), res(math.Tanh(s.C)))}
	case "h":
		if !s.LSTM {
			return []Line{cat(symH, op(" = "), res(s.H))}
		}
		return []Line{
			cat(symH, op(" = "), symZo, op(" ⊙ tanh("), symC, op(")")),
			cat(op("= "), num(s.Zo), op(" × "), num(math.Tanh(s.C)), op(" = "), res(s.H)),
		}
	case "y":
		return yEq(s)
	}
	return nil
}

// yEq is y^t = softmax(W′h^t) and the most likely next symbol, if known.
func yEq(s Step) []Line {
	if s.Numbers {
		l := []Line{cat(symY, op(" = "), Line{{Var, "W′"}}, op(" "), symH, op(" + "), Line{{Var, "b′"}})}
		if s.Y != "" {
			l = append(l, cat(op("= "), text(s.Y)))
		}
		return l
	}
	l := []Line{cat(symY, op(" = softmax("), Line{{Var, "W′"}}, op(" "), symH, op(")"))}
	if s.Y == "" {
		return l
	}
	top := cat(op("→ "), text(s.Y))
	if !math.IsNaN(s.P) {
		top = cat(top, op(", "), Line{{Result, FormatPercent(s.P)}})
	}
	return append(l, top)
}
