package cell

import (
	"strings"

	"lstmplayground/wasm/mathtext"
)

// The figure's font, and its text sizes in viewBox units.
const (
	FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
	sizeSymbol = 15
	sizeValue  = 14
	sizeSmall  = 11
	sizeBand   = 13
)

// SupRaise is how far a superscript is raised, in viewBox units, and SupSize
// its size.
const (
	SupRaise = 6
	SupSize  = sizeSmall
)

// MarkKind is what a Mark draws.
type MarkKind uint8

const (
	MarkPaper  MarkKind = iota // the white ground under the whole viewBox
	MarkRect                   // a rectangle with corners of radius R
	MarkCircle                 // a circle of radius R about (X, Y)
	MarkWire                   // a polyline in a dark casing with an arrowhead at its end, then in its colour
	MarkText                   // a line of text anchored at (X, Y)
	MarkBar                    // a colour scale: Stops evenly spaced from left to right
)

// Casing is the colour of a wire's casing, its arrowhead and a colour bar's
// outline.
const Casing = "#555555"

// Mark is one shape or text of a drawn scene, in viewBox units: Scene.Marks
// lists them in the order they are drawn, for AppendSVG and for the page's
// canvas alike, so that both draw the same figure.
type Mark struct {
	Kind       MarkKind
	Part       int // 1 + the index of the part it belongs to; 0 for none
	X, Y, W, H float64
	R          float64 // a rectangle's corner radius, a circle's radius
	Fill, Line string  // colours: fill, outline ("" for none); a wire's colour is Line
	Width      float64 // the outline's width (0: the default, 1 unit); a wire's width in its colour
	Dashed     bool    // the outline is dashed 5 on, 3 off
	Points     []Point // a wire's

	// A text: its size, anchor ("start", "middle", "end"), weight and spans
	// (Math: symbols in italics and superscripts raised; else one plain span).
	Size   int
	Anchor string
	Bold   bool
	Math   bool
	Text   mathtext.Line
	Stops  []string // a colour bar's
	Legend int      // a colour bar's index among the scene's legends
}

// marks appends marks to dst.
type marks struct {
	dst  []Mark
	part int
}

func (m *marks) add(k Mark) { k.Part = m.part; m.dst = append(m.dst, k) }

// text adds a plain text.
func (m *marks) text(x, y float64, size int, anchor, fill, s string, bold bool) {
	m.add(Mark{Kind: MarkText, X: x, Y: y, Size: size, Anchor: anchor, Fill: fill, Bold: bold,
		Text: mathtext.Line{{Kind: mathtext.Plain, Text: s}}})
}

// math adds an equation line.
func (m *marks) math(x, y float64, anchor string, l mathtext.Line, fill string) {
	m.add(Mark{Kind: MarkText, X: x, Y: y, Size: sizeSymbol, Anchor: anchor, Fill: fill, Math: true, Text: l})
}

// Marks appends the scene's marks to dst: the paper, the bands, the wires,
// the parts (each part's marks together, in the order of Parts), the
// legends and the gradient notes.
func (sc *Scene) Marks(dst []Mark) []Mark {
	m := &marks{dst: dst}
	m.add(Mark{Kind: MarkPaper, W: ViewW, H: ViewH, Fill: "#ffffff"})
	for i := range sc.Bands {
		bd := &sc.Bands[i]
		m.add(Mark{Kind: MarkRect, X: bd.X, Y: bd.Y, W: bd.W, H: bd.H, R: 10, Fill: bd.Fill, Line: bd.Line, Dashed: true})
		m.text(bd.X+bd.W/2, bd.Y+bd.H-6, sizeBand, "middle", bd.Line, bd.Label, true)
	}
	for i := range sc.Wires {
		w := &sc.Wires[i]
		m.add(Mark{Kind: MarkWire, Points: w.Points, Line: w.Color, Width: w.Width})
	}
	for i := range sc.Parts {
		m.part = i + 1
		m.addPart(&sc.Parts[i])
	}
	m.part = 0
	for i := range sc.Legends {
		l := &sc.Legends[i]
		m.text(l.X, l.Y-4, sizeSmall, "start", "#333333", l.Label, false)
		m.add(Mark{Kind: MarkBar, X: l.X, Y: l.Y, W: l.W, H: l.H, Stops: l.Stops, Line: Casing, Width: 0.5, Legend: i})
		m.text(l.X, l.Y+l.H+12, sizeSmall, "start", "#333333", l.Lo, false)
		m.text(l.X+l.W, l.Y+l.H+12, sizeSmall, "end", "#333333", l.Hi, false)
	}
	for i := range sc.Notes {
		n := &sc.Notes[i]
		m.math(n.X, n.Y, n.Anchor, n.Line, gradInk)
	}
	return m.dst
}

// addPart adds one part: a circle with its operator and the value beside,
// or a box with its caption, symbol and value.
func (m *marks) addPart(p *Part) {
	cx, cy := p.X+p.W/2, p.Y+p.H/2
	if p.Shape == Round {
		m.add(Mark{Kind: MarkCircle, X: cx, Y: cy, R: p.W / 2, Fill: p.Fill, Line: "#333333", Width: p.Width})
		size := sizeSymbol + 3
		if len(p.Op) > 3 {
			size = sizeSmall
		}
		m.text(cx, cy+float64(size)/3, size, "middle", p.Ink, p.Op, false)
		if p.Anchor != "" {
			m.text(p.TextAt.X, p.TextAt.Y, sizeSmall+1, p.Anchor, "#1a1a1a", p.Text, false)
		}
		return
	}
	m.add(Mark{Kind: MarkRect, X: p.X, Y: p.Y, W: p.W, H: p.H, R: 6, Fill: p.Fill, Line: "#333333", Width: p.Width})
	if p.Note != "" {
		m.text(p.X+p.W-4, p.Y-4, sizeSmall, "end", "#333333", p.Note, false)
	}
	symY, valY := cy-2, cy+15
	if p.Text == "" {
		symY = cy + 5
	}
	m.math(cx, symY, "middle", p.Symbol, p.Ink)
	if p.Text != "" {
		m.text(cx, valY, sizeValue, "middle", p.Ink, p.Text, true)
	}
}

// Tooltip is a part's name and its equation on one line: its tooltip in the
// SVG, the line under the figure on the page.
func (p *Part) Tooltip() string {
	eq := make([]string, 0, len(p.Equation))
	for _, l := range p.Equation {
		eq = append(eq, l.String())
	}
	return p.Name + ": " + strings.Join(eq, " ")
}
