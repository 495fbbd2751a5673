package cell

import (
	"strings"

	"lstmplayground/wasm/mathtext"
)

// Describe returns the figure as text for a screen reader: its title, then
// every part in the article's order with its equation and numbers, one
// sentence a part. The + and the output ⊙, which repeat c^t and h^t, are
// read once, as c^t and h^t.
func Describe(sc *Scene, tr Text) string {
	if tr == nil {
		tr = English
	}
	var b strings.Builder
	b.WriteString(sc.Title)
	b.WriteString(".")
	for i := range sc.Parts {
		p := &sc.Parts[i]
		if p.Of != "" {
			continue
		}
		b.WriteByte('\n')
		b.WriteString(tr("cell.describe", describeName(p, tr), speakAll(p.Equation)))
	}
	for _, n := range sc.Notes {
		b.WriteByte('\n')
		b.WriteString(tr("cell.grad", n.Line.Speak()))
	}
	return b.String()
}

// describeName is the part's name, its stage and, for a gate or the
// content, its range.
func describeName(p *Part, tr Text) string {
	name := p.Name
	switch p.ID {
	case "zf", "zi", "zo":
		name += " (" + tr("cell.range.gate") + ")"
	case "z", "rnn":
		name += " (" + tr("cell.range.tanh") + ")"
	}
	if k := p.Stage.Key(); k != "" {
		name = tr(k) + ", " + name
	}
	return name
}

// speakAll joins the lines of an equation for speech.
func speakAll(eq []mathtext.Line) string {
	parts := make([]string, len(eq))
	for i, l := range eq {
		parts[i] = l.Speak()
	}
	return strings.Join(parts, " ")
}
