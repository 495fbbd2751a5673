package cell

import (
	"math"
	"strconv"
	"strings"

	"lstmplayground/wasm/mathtext"
)

// AppendSVG appends sc as a standalone SVG document (UTF-8, vector, text
// sizes in viewBox units), with its title and Describe's text as the
// document's title and description, every text escaped: its Marks, each
// part's in a group with its equation as a tooltip.
func AppendSVG(dst []byte, sc *Scene, tr Text) []byte {
	if tr == nil {
		tr = English
	}
	b := &svgWriter{buf: dst}
	b.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.raw(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + itoa(ViewW) + ` ` + itoa(ViewH) +
		`" width="` + itoa(ViewW) + `" height="` + itoa(ViewH) + `" role="img" aria-labelledby="cell-title cell-desc"` +
		` font-family="` + FontFamily + `">` + "\n")
	b.elem("title", `id="cell-title"`, sc.Title)
	b.elem("desc", `id="cell-desc"`, Describe(sc, tr))
	b.raw(`<defs><marker id="cell-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse"` +
		` markerWidth="9" markerHeight="9" orient="auto"><path d="M0 0L10 5L0 10z" fill="` + Casing + `"/></marker></defs>` + "\n")
	part, wires := 0, false
	for _, m := range sc.Marks(nil) {
		if wires && m.Kind != MarkWire {
			b.raw("</g>\n")
			wires = false
		}
		if m.Part != part {
			if part != 0 {
				b.raw("</g>\n")
			}
			if part = m.Part; part != 0 {
				p := &sc.Parts[part-1]
				b.raw(`<g`)
				b.attr("id", "cell-"+p.ID)
				b.raw(">")
				b.elem("title", "", p.Tooltip())
			}
		}
		if m.Kind == MarkWire && !wires {
			b.raw(`<g fill="none" stroke-linecap="round" stroke-linejoin="round">` + "\n")
			wires = true
		}
		b.mark(&m)
	}
	if wires || part != 0 {
		b.raw("</g>\n")
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

// mark appends one mark.
func (b *svgWriter) mark(m *Mark) {
	switch m.Kind {
	case MarkPaper:
		b.raw(`<rect width="` + ftoa(m.W) + `" height="` + ftoa(m.H) + `"`)
		b.attr("fill", m.Fill)
		b.raw("/>\n")
	case MarkRect:
		b.raw(`<rect x="` + ftoa(m.X) + `" y="` + ftoa(m.Y) + `" width="` + ftoa(m.W) + `" height="` + ftoa(m.H) + `" rx="` + ftoa(m.R) + `"`)
		b.paint(m)
	case MarkCircle:
		b.raw(`<circle cx="` + ftoa(m.X) + `" cy="` + ftoa(m.Y) + `" r="` + ftoa(m.R) + `"`)
		b.paint(m)
	case MarkWire:
		var pts strings.Builder
		for i, p := range m.Points {
			if i > 0 {
				pts.WriteByte(' ')
			}
			pts.WriteString(ftoa(p.X) + "," + ftoa(p.Y))
		}
		b.raw(`<polyline points="` + pts.String() + `" stroke="` + Casing + `" stroke-width="` + ftoa(m.Width+1.5) + `" marker-end="url(#cell-arrow)"/>` + "\n")
		b.raw(`<polyline points="` + pts.String() + `"`)
		b.attr("stroke", m.Line)
		b.raw(` stroke-width="` + ftoa(m.Width) + `"/>` + "\n")
	case MarkText:
		b.text(m)
	case MarkBar:
		id := "cell-legend-" + itoa(m.Legend)
		b.raw(`<linearGradient id="` + id + `">`)
		for k, c := range m.Stops {
			off := 0.0
			if len(m.Stops) > 1 {
				off = float64(k) / float64(len(m.Stops)-1)
			}
			b.raw(`<stop offset="` + ftoa(off) + `"`)
			b.attr("stop-color", c)
			b.raw("/>")
		}
		b.raw("</linearGradient>\n")
		b.raw(`<rect x="` + ftoa(m.X) + `" y="` + ftoa(m.Y) + `" width="` + ftoa(m.W) + `" height="` + ftoa(m.H) +
			`" fill="url(#` + id + `)" stroke="` + m.Line + `" stroke-width="` + ftoa(m.Width) + `"/>` + "\n")
	}
}

// paint appends a shape's fill and outline and closes it.
func (b *svgWriter) paint(m *Mark) {
	b.attr("fill", m.Fill)
	b.attr("stroke", m.Line)
	if m.Width != 0 {
		b.raw(` stroke-width="` + ftoa(m.Width) + `"`)
	}
	if m.Dashed {
		b.raw(` stroke-dasharray="5 3"`)
	}
	b.raw("/>\n")
}

// text appends a <text>: a plain one as its text, an equation line with a
// <tspan> per span, superscripts raised.
func (b *svgWriter) text(m *Mark) {
	b.raw(`<text x="` + ftoa(m.X) + `" y="` + ftoa(m.Y) + `" font-size="` + itoa(m.Size) + `"`)
	b.attr("text-anchor", m.Anchor)
	b.attr("fill", m.Fill)
	if m.Bold {
		b.raw(` font-weight="600"`)
	}
	b.raw(">")
	if !m.Math {
		for _, s := range m.Text {
			b.esc(s.Text)
		}
		b.raw("</text>\n")
		return
	}
	raised := false
	for _, s := range m.Text {
		switch {
		case s.Kind == mathtext.Sup:
			b.raw(`<tspan dy="-` + itoa(SupRaise) + `" font-size="` + itoa(SupSize) + `">`)
			raised = true
		case raised:
			b.raw(`<tspan dy="` + itoa(SupRaise) + `"`)
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

func itoa(i int) string { return strconv.Itoa(i) }

// ftoa writes a coordinate to 0.01 unit.
func ftoa(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
