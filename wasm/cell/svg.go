package cell

import (
	"math"
	"strconv"
	"strings"

	"lstmplayground/wasm/mathtext"
)

// Text sizes of the figure, in viewBox units.
const (
	sizeSymbol = 15
	sizeValue  = 14
	sizeSmall  = 11
	sizeBand   = 13
)

// AppendSVG appends sc as a standalone SVG document (UTF-8, vector, text
// sizes in viewBox units), with its title and Describe's text as the
// document's title and description, every text escaped.
func AppendSVG(dst []byte, sc *Scene, tr Text) []byte {
	if tr == nil {
		tr = English
	}
	b := &svgWriter{buf: dst}
	b.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.raw(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + itoa(ViewW) + ` ` + itoa(ViewH) +
		`" width="` + itoa(ViewW) + `" height="` + itoa(ViewH) + `" role="img" aria-labelledby="cell-title cell-desc"` +
		` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` + "\n")
	b.elem("title", `id="cell-title"`, sc.Title)
	b.elem("desc", `id="cell-desc"`, Describe(sc, tr))
	b.raw(`<defs><marker id="cell-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse"` +
		` markerWidth="9" markerHeight="9" orient="auto"><path d="M0 0L10 5L0 10z" fill="#555555"/></marker></defs>` + "\n")
	b.raw(`<rect width="` + itoa(ViewW) + `" height="` + itoa(ViewH) + `" fill="#ffffff"/>` + "\n")
	for i := range sc.Bands {
		b.band(&sc.Bands[i])
	}
	b.raw(`<g fill="none" stroke-linecap="round" stroke-linejoin="round">` + "\n")
	for i := range sc.Wires {
		b.wire(&sc.Wires[i])
	}
	b.raw("</g>\n")
	for i := range sc.Parts {
		b.part(&sc.Parts[i])
	}
	for i := range sc.Legends {
		b.legend(&sc.Legends[i], i)
	}
	for i := range sc.Notes {
		n := &sc.Notes[i]
		b.lineAt(n.X, n.Y, n.Anchor, n.Line, gradInk)
	}
	b.raw("</svg>\n")
	return b.buf
}

// svgWriter appends SVG markup to buf.
type svgWriter struct{ buf []byte }

func (b *svgWriter) raw(s string) { b.buf = append(b.buf, s...) }

// esc appends s escaped for text and for attribute values in double quotes.
func (b *svgWriter) esc(s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.raw("&amp;")
		case '<':
			b.raw("&lt;")
		case '>':
			b.raw("&gt;")
		case '"':
			b.raw("&quot;")
		case '\'':
			b.raw("&#39;")
		default:
			if r < 0x20 && r != '\n' && r != '\t' || r == 0xfffd || r >= 0xfffe && r <= 0xffff {
				b.raw("\uFFFD") // a character XML cannot carry
				continue
			}
			b.buf = append(b.buf, string(r)...)
		}
	}
}

// elem appends <name attrs>text</name>.
func (b *svgWriter) elem(name, attrs, text string) {
	b.raw("<" + name)
	if attrs != "" {
		b.raw(" " + attrs)
	}
	b.raw(">")
	b.esc(text)
	b.raw("</" + name + ">\n")
}

// attr appends ` name="value"` with value escaped.
func (b *svgWriter) attr(name, value string) {
	b.raw(" " + name + `="`)
	b.esc(value)
	b.raw(`"`)
}

// text appends a <text> at (x, y) of size, anchored, in fill.
func (b *svgWriter) text(x, y float64, size int, anchor, fill, s string, extra string) {
	b.raw(`<text x="` + ftoa(x) + `" y="` + ftoa(y) + `" font-size="` + itoa(size) + `"`)
	b.attr("text-anchor", anchor)
	b.attr("fill", fill)
	if extra != "" {
		b.raw(" " + extra)
	}
	b.raw(">")
	b.esc(s)
	b.raw("</text>\n")
}

func (b *svgWriter) band(bd *Band) {
	b.raw(`<rect x="` + ftoa(bd.X) + `" y="` + ftoa(bd.Y) + `" width="` + ftoa(bd.W) + `" height="` + ftoa(bd.H) + `" rx="10"`)
	b.attr("fill", bd.Fill)
	b.attr("stroke", bd.Line)
	b.raw(` stroke-dasharray="5 3"/>` + "\n")
	b.text(bd.X+bd.W/2, bd.Y+bd.H-6, sizeBand, "middle", bd.Line, bd.Label, `font-weight="600"`)
}

// wire draws a dark casing with the arrowhead, then the value's colour.
func (b *svgWriter) wire(w *Wire) {
	var pts strings.Builder
	for i, p := range w.Points {
		if i > 0 {
			pts.WriteByte(' ')
		}
		pts.WriteString(ftoa(p.X) + "," + ftoa(p.Y))
	}
	b.raw(`<polyline points="` + pts.String() + `" stroke="#555555" stroke-width="` + ftoa(w.Width+1.5) + `" marker-end="url(#cell-arrow)"/>` + "\n")
	b.raw(`<polyline points="` + pts.String() + `"`)
	b.attr("stroke", w.Color)
	b.raw(` stroke-width="` + ftoa(w.Width) + `"/>` + "\n")
}

// part draws one part in a group with its equation as a tooltip.
func (b *svgWriter) part(p *Part) {
	b.raw(`<g`)
	b.attr("id", "cell-"+p.ID)
	b.raw(">")
	var eq []string
	for _, l := range p.Equation {
		eq = append(eq, l.String())
	}
	b.elem("title", "", p.Name+": "+strings.Join(eq, " "))
	cx, cy := p.X+p.W/2, p.Y+p.H/2
	if p.Shape == Round {
		b.raw(`<circle cx="` + ftoa(cx) + `" cy="` + ftoa(cy) + `" r="` + ftoa(p.W/2) + `"`)
		b.attr("fill", p.Fill)
		b.raw(` stroke="#333333" stroke-width="` + ftoa(p.Width) + `"/>` + "\n")
		size := sizeSymbol + 3
		if len(p.Op) > 3 {
			size = sizeSmall
		}
		b.text(cx, cy+float64(size)/3, size, "middle", p.Ink, p.Op, "")
		if p.Anchor != "" {
			b.text(p.TextAt.X, p.TextAt.Y, sizeSmall+1, p.Anchor, "#1a1a1a", p.Text, "")
		}
		b.raw("</g>\n")
		return
	}
	b.raw(`<rect x="` + ftoa(p.X) + `" y="` + ftoa(p.Y) + `" width="` + ftoa(p.W) + `" height="` + ftoa(p.H) + `" rx="6"`)
	b.attr("fill", p.Fill)
	b.raw(` stroke="#333333" stroke-width="` + ftoa(p.Width) + `"/>` + "\n")
	if p.Note != "" {
		b.text(p.X+p.W-4, p.Y-4, sizeSmall, "end", "#333333", p.Note, "")
	}
	symY, valY := cy-2, cy+15
	if p.Text == "" {
		symY = cy + 5
	}
	b.line(cx, symY, p.Symbol, p.Ink)
	if p.Text != "" {
		b.text(cx, valY, sizeValue, "middle", p.Ink, p.Text, `font-weight="600"`)
	}
	b.raw("</g>\n")
}

// line writes an equation line as one <text>, centred, superscripts raised.
func (b *svgWriter) line(x, y float64, l mathtext.Line, fill string) {
	b.lineAt(x, y, "middle", l, fill)
}

// lineAt writes an equation line as one <text> anchored at (x, y).
func (b *svgWriter) lineAt(x, y float64, anchor string, l mathtext.Line, fill string) {
	b.raw(`<text x="` + ftoa(x) + `" y="` + ftoa(y) + `" font-size="` + itoa(sizeSymbol) + `"`)
	b.attr("text-anchor", anchor)
	b.attr("fill", fill)
	b.raw(">")
	raised := false
	for _, s := range l {
		switch {
		case s.Kind == mathtext.Sup:
			b.raw(`<tspan dy="-6" font-size="` + itoa(sizeSmall) + `">`)
			raised = true
		case raised:
			b.raw(`<tspan dy="6"`)
			if s.Kind == mathtext.Var {
				b.raw(` font-style="italic"`)
			}
			b.raw(">")
			raised = false
		case s.Kind == mathtext.Var:
			b.raw(`<tspan font-style="italic">`)
		default:
			b.raw("<tspan>")
		}
		b.esc(s.Text)
		b.raw("</tspan>")
	}
	b.raw("</text>\n")
}

// legend draws a colour bar with a gradient of its stops.
func (b *svgWriter) legend(l *Legend, i int) {
	id := "cell-legend-" + itoa(i)
	b.raw(`<linearGradient id="` + id + `">`)
	for k, c := range l.Stops {
		off := 0.0
		if len(l.Stops) > 1 {
			off = float64(k) / float64(len(l.Stops)-1)
		}
		b.raw(`<stop offset="` + ftoa(off) + `"`)
		b.attr("stop-color", c)
		b.raw("/>")
	}
	b.raw("</linearGradient>\n")
	b.text(l.X, l.Y-4, sizeSmall, "start", "#333333", l.Label, "")
	b.raw(`<rect x="` + ftoa(l.X) + `" y="` + ftoa(l.Y) + `" width="` + ftoa(l.W) + `" height="` + ftoa(l.H) +
		`" fill="url(#` + id + `)" stroke="#555555" stroke-width="0.5"/>` + "\n")
	b.text(l.X, l.Y+l.H+12, sizeSmall, "start", "#333333", l.Lo, "")
	b.text(l.X+l.W, l.Y+l.H+12, sizeSmall, "end", "#333333", l.Hi, "")
}

func itoa(i int) string { return strconv.Itoa(i) }

// ftoa writes a coordinate to 0.01 unit.
func ftoa(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
