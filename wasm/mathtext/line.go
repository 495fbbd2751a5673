package mathtext

import "strings"

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

// Span is one piece of an equation line; the page sets each as its own
// element with its text (textContent), never as markup.
type Span struct {
	Kind SpanKind
	Text string
}

// Line is one line of an equation.
type Line []Span

// String writes the line with Unicode sub- and superscripts where they
// exist, for tooltips, tests and screen-reader text: "cᵗ = zᶠ ⊙ cᵗ⁻¹ + zⁱ ⊙ z"
// (the figure's superscripts), "cₜ = zᶠ ⊙ cₜ₋₁" (the inspector's subscripts).
func (l Line) String() string {
	var b strings.Builder
	for _, s := range l {
		switch s.Kind {
		case Sub:
			script(&b, s.Text, subscripts)
		case Sup:
			script(&b, s.Text, superscripts)
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Speak writes the line for a screen reader: a sub- or superscript follows
// its symbol after a space ("c t−1"), since speech has neither.
func (l Line) Speak() string {
	var b strings.Builder
	for _, s := range l {
		if s.Kind == Sup || s.Kind == Sub {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

var (
	subscripts   = map[rune]rune{'t': 'ₜ', '−': '₋', '-': '₋', '1': '₁', '0': '₀'}
	superscripts = map[rune]rune{'t': 'ᵗ', '−': '⁻', '1': '¹', 'f': 'ᶠ', 'i': 'ⁱ', 'o': 'ᵒ'}
)

func script(b *strings.Builder, s string, table map[rune]rune) {
	for _, r := range s {
		if m, ok := table[r]; ok {
			b.WriteRune(m)
		} else {
			b.WriteRune(r)
		}
	}
}
