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

// The article's symbols.
var (
	symX     = eq("x^t")
	symHPrev = eq("h^{t−1}")
	symH     = eq("h^t")
	symCPrev = eq("c^{t−1}")
	symC     = eq("c^t")
	symY     = eq("y^t")
	symZf    = eq("z^f")
	symZi    = eq("z^i")
	symZo    = eq("z^o")
	symZ     = eq("z")
	symXH    = eq("[x^t; h^{t−1}]")
)
