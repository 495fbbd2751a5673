package cell

import "strings"

// SpanKind says how a piece of an equation is set.
type SpanKind uint8

const (
	Plain  SpanKind = iota // operators and words
	Var                    // a symbol, in italics
	Sup                    // a superscript of the symbol before it
	Num                    // a number filled in
	Result                 // the number an equation ends in
)

// Span is one piece of an equation; the page sets each as its own element
// with its text, never as markup.
type Span struct {
	Kind SpanKind
	Text string
}

// Line is one line of an equation.
type Line []Span

// String writes the line with Unicode superscripts where they exist, for
// tooltips and tests: "cᵗ = zᶠ ⊙ cᵗ⁻¹ + zⁱ ⊙ z".
func (l Line) String() string {
	var b strings.Builder
	for _, s := range l {
		if s.Kind != Sup {
			b.WriteString(s.Text)
			continue
		}
		for _, r := range s.Text {
			if m, ok := superscripts[r]; ok {
				b.WriteRune(m)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// Speak writes the line for a screen reader: a superscript follows its
// symbol after a space ("c t−1"), since speech has no superscripts.
func (l Line) Speak() string {
	var b strings.Builder
	for _, s := range l {
		if s.Kind == Sup {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

var superscripts = map[rune]rune{'t': 'ᵗ', '−': '⁻', '1': '¹', 'f': 'ᶠ', 'i': 'ⁱ', 'o': 'ᵒ'}

// The article's symbols, as spans.
var (
	symX     = Line{{Var, "x"}, {Sup, "t"}}
	symHPrev = Line{{Var, "h"}, {Sup, "t−1"}}
	symH     = Line{{Var, "h"}, {Sup, "t"}}
	symCPrev = Line{{Var, "c"}, {Sup, "t−1"}}
	symC     = Line{{Var, "c"}, {Sup, "t"}}
	symY     = Line{{Var, "y"}, {Sup, "t"}}
	symZf    = Line{{Var, "z"}, {Sup, "f"}}
	symZi    = Line{{Var, "z"}, {Sup, "i"}}
	symZo    = Line{{Var, "z"}, {Sup, "o"}}
	symZ     = Line{{Var, "z"}}
	symXH    = cat(op("["), symX, op("; "), symHPrev, op("]"))
)

// cat joins pieces into one line.
func cat(parts ...Line) Line {
	var l Line
	for _, p := range parts {
		l = append(l, p...)
	}
	return l
}

func op(s string) Line     { return Line{{Plain, s}} }
func num(v float64) Line   { return Line{{Num, FormatOperand(v)}} }
func value(v float64) Line { return Line{{Num, FormatValue(v)}} }
func res(v float64) Line   { return Line{{Result, FormatValue(v)}} }
func text(s string) Line   { return Line{{Result, s}} }
