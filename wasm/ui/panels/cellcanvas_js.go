//go:build js && wasm

package panels

import (
	"math"
	"strconv"

	"lstmplayground/wasm/cell"
	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/mathtext"
	"lstmplayground/wasm/ui/browser"
)

// CellCanvas paints cell scenes on a figure's canvas: the scene's Marks, the
// shapes and texts AppendSVG writes, so that the page shows what the SVG
// download holds. A canvas is painted in place: no image document to parse
// and lay out for each new trace, and nothing on the page moves.
type CellCanvas struct {
	c      *browser.DrawCanvas
	pw, ph int // its size in device pixels, as last observed
	marks  []cell.Mark
	path   []byte
	pts    []chart.Point      // a wire's points, for chart.AppendPath
	shown  *cell.Scene        // the scene painted, for a new size
	widths map[string]float64 // by font and text: most of a figure's texts (symbols, operators, names) come back in every scene, and a measure is a call into JavaScript
}

// width returns the width of s in font f, in viewBox units.
func (cc *CellCanvas) width(s, f string) float64 {
	k := f + "\x00" + s
	if w, ok := cc.widths[k]; ok {
		return w
	}
	if len(cc.widths) > 1000 { // numbers that came and went
		clear(cc.widths)
	}
	w := cc.c.TextWidth(s, f)
	cc.widths[k] = w
	return w
}

// NewCellCanvas paints on fig's canvas and paints the scene again when the
// canvas's size changes (it follows the page's layout and zoom).
func NewCellCanvas(fig *CellFig) *CellCanvas {
	cc := &CellCanvas{c: browser.NewDrawCanvas(fig.Canvas), widths: map[string]float64{}}
	browser.ObserveSize(fig.Canvas, func(pw, ph int) {
		if pw == cc.pw && ph == cc.ph {
			return
		}
		cc.pw, cc.ph = pw, ph
		if cc.shown != nil {
			cc.Paint(cc.shown)
		}
	})
	return cc
}

// Paint paints sc (kept, for a new size). A canvas not laid out yet is
// painted once its size is known.
func (cc *CellCanvas) Paint(sc *cell.Scene) {
	cc.shown = sc
	if cc.pw <= 0 || cc.ph <= 0 {
		return
	}
	cc.c.BeginUnits(cc.pw, cc.ph, cell.ViewW, cell.ViewH)
	cc.marks = sc.Marks(cc.marks[:0])
	for i := range cc.marks {
		cc.mark(&cc.marks[i])
	}
}

// mark paints one mark.
func (cc *CellCanvas) mark(m *cell.Mark) {
	c := cc.c
	switch m.Kind {
	case cell.MarkPaper:
		c.Rect(0, 0, m.W, m.H, m.Fill)
	case cell.MarkRect:
		cc.path = roundRect(cc.path[:0], m.X, m.Y, m.W, m.H, m.R)
		cc.shape(m)
	case cell.MarkCircle:
		cc.path = circle(cc.path[:0], m.X, m.Y, m.R)
		cc.shape(m)
	case cell.MarkWire:
		cc.pts = cc.pts[:0]
		for _, p := range m.Points {
			cc.pts = append(cc.pts, chart.Point{X: p.X, Y: p.Y})
		}
		cc.path = chart.AppendPath(cc.path[:0], cc.pts)
		line := c.Path(cc.path)
		c.StrokeRound(line, cell.Casing, m.Width+1.5)
		cc.path = arrowhead(cc.path[:0], m.Points)
		c.Fill(cc.path, cell.Casing)
		c.StrokeRound(line, m.Line, m.Width)
	case cell.MarkText:
		cc.text(m)
	case cell.MarkBar:
		c.GradientRect(m.X, m.Y, m.W, m.H, m.Stops, m.Line, m.Width)
	}
}

// shape fills a rectangle or circle and draws its outline.
func (cc *CellCanvas) shape(m *cell.Mark) {
	width := m.Width
	if width == 0 {
		width = 1
	}
	var dash []float64
	if m.Dashed {
		dash = []float64{5, 3}
	}
	cc.c.FillStroke(cc.path, m.Fill, m.Line, width, dash)
}

// text writes a text mark: span by span for an equation line (symbols in
// italics, superscripts smaller and raised), placed by its whole width.
func (cc *CellCanvas) text(m *cell.Mark) {
	c := cc.c
	if !m.Math {
		if len(m.Text) == 0 {
			return
		}
		c.Text(m.Text[0].Text, m.X, m.Y, font(m.Size, m.Bold, false), m.Fill, align(m.Anchor), "alphabetic")
		return
	}
	var total float64
	for pass := 0; pass < 2; pass++ {
		x := m.X
		switch m.Anchor {
		case "middle":
			x -= total / 2
		case "end":
			x -= total
		}
		dy, raised := 0.0, false
		for _, sp := range m.Text {
			size, italic := m.Size, false
			switch {
			case sp.Kind == mathtext.Sup:
				dy -= cell.SupRaise
				size, raised = cell.SupSize, true
			case raised:
				dy += cell.SupRaise
				italic, raised = sp.Kind == mathtext.Var, false
			default:
				italic = sp.Kind == mathtext.Var
			}
			f := font(size, m.Bold, italic)
			w := cc.width(sp.Text, f)
			if pass == 1 {
				c.Text(sp.Text, x, m.Y+dy, f, m.Fill, "left", "alphabetic")
			}
			x += w
		}
		total = x - m.X
	}
}

// font is a canvas font of size units in the figure's family.
func font(size int, bold, italic bool) string {
	f := ""
	if italic {
		f = "italic "
	}
	if bold {
		f += "600 "
	}
	return f + strconv.Itoa(size) + "px " + cell.FontFamily
}

// align is the canvas's textAlign for an SVG text-anchor.
func align(anchor string) string {
	switch anchor {
	case "middle":
		return "center"
	case "end":
		return "right"
	}
	return "left"
}

// num appends v to an SVG path.
func num(d []byte, v float64) []byte {
	d = strconv.AppendFloat(d, math.Round(v*100)/100, 'f', -1, 64)
	return append(d, ' ')
}

// roundRect appends the path of a rectangle with corners of radius r.
func roundRect(d []byte, x, y, w, h, r float64) []byte {
	r = min(r, w/2, h/2)
	arc := func(d []byte, dx, dy float64) []byte {
		d = append(d, 'a')
		d = num(d, r)
		d = num(d, r)
		d = append(d, "0 0 1 "...)
		d = num(d, dx)
		return num(d, dy)
	}
	d = append(d, 'M')
	d = num(d, x+r)
	d = num(d, y)
	d = append(d, 'h')
	d = num(d, w-2*r)
	d = arc(d, r, r)
	d = append(d, 'v')
	d = num(d, h-2*r)
	d = arc(d, -r, r)
	d = append(d, 'h')
	d = num(d, -(w - 2*r))
	d = arc(d, -r, -r)
	d = append(d, 'v')
	d = num(d, -(h - 2*r))
	d = arc(d, r, -r)
	return append(d, 'z')
}

// circle appends the path of a circle of radius r about (cx, cy).
func circle(d []byte, cx, cy, r float64) []byte {
	d = append(d, 'M')
	d = num(d, cx-r)
	d = num(d, cy)
	for _, dx := range [2]float64{2 * r, -2 * r} {
		d = append(d, 'a')
		d = num(d, r)
		d = num(d, r)
		d = append(d, "0 1 0 "...)
		d = num(d, dx)
		d = num(d, 0)
	}
	return append(d, 'z')
}

// arrowhead appends the arrowhead at the end of pts, along its last
// segment: the SVG's marker (a triangle 9 units long and wide, its tip 0.9
// beyond the end).
func arrowhead(d []byte, pts []cell.Point) []byte {
	n := len(pts)
	if n < 2 {
		return d
	}
	e, s := pts[n-1], pts[n-2]
	dx, dy := e.X-s.X, e.Y-s.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return d
	}
	ux, uy := dx/l, dy/l
	at := func(along, across float64) (float64, float64) {
		return e.X + ux*along - uy*across, e.Y + uy*along + ux*across
	}
	for i, p := range [3][2]float64{{-8.1, -4.5}, {0.9, 0}, {-8.1, 4.5}} {
		x, y := at(p[0], p[1])
		if i == 0 {
			d = append(d, 'M')
		} else {
			d = append(d, 'L')
		}
		d = num(d, x)
		d = num(d, y)
	}
	return append(d, 'z')
}
