//go:build js && wasm

package browser

import (
	"strconv"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// This file has the canvases: bulk copies of pixels (heatmaps) and a small
// drawing API in CSS pixels at the device's pixel ratio (line charts), and
// the size of a root em.

// PixelCanvas is a canvas filled from an RGBA buffer with one copy and one
// putImageData: its pixels are data cells (a heatmap), scaled by CSS.
type PixelCanvas struct {
	el   *dom.HTMLCanvasElement
	ctx  *dom.CanvasRenderingContext2D
	img  *dom.ImageData
	w, h int
}

func NewPixelCanvas(el *dom.HTMLCanvasElement) *PixelCanvas {
	return &PixelCanvas{el: el, ctx: el.GetContext2d()}
}

// Put shows rgba, an image of w×h pixels (4·w·h bytes).
func (p *PixelCanvas) Put(rgba []byte, w, h int) {
	if w <= 0 || h <= 0 {
		return
	}
	if p.img == nil || w != p.w || h != p.h {
		p.el.SetWidth(w)
		p.el.SetHeight(h)
		p.ctx = p.el.GetContext2d()
		p.img = p.ctx.CreateImageData(w, h)
		p.w, p.h = w, h
	}
	js.CopyBytesToJS(p.img.Data(), rgba)
	p.ctx.PutImageData(p.img, 0, 0)
}

// DrawCanvas is a canvas for lines, axes and text, sized in CSS pixels and
// drawn at the device's pixel ratio.
type DrawCanvas struct {
	el     *dom.HTMLCanvasElement
	ctx    *dom.CanvasRenderingContext2D
	raw    js.Value // the context, for the calls dom/v2 lacks
	w, h   float64  // CSS pixels
	ratio  float64
	path2D js.Value
	text   textStyle // the context's text settings since Begin, so that each is set only when it changes
}

// textStyle is a canvas context's text settings (the font string is parsed
// anew each time it is set).
type textStyle struct{ font, align, baseline string }

func NewDrawCanvas(el *dom.HTMLCanvasElement) *DrawCanvas {
	c := &DrawCanvas{el: el, path2D: js.Global().Get("Path2D")}
	c.ctx = el.GetContext2d()
	c.raw = c.ctx.Value
	return c
}

// Begin sizes the canvas to w×h CSS pixels (if it changed), clears it and sets
// the transform so that drawing is in CSS pixels.
func (c *DrawCanvas) Begin(w, h float64) {
	ratio := js.Global().Get("devicePixelRatio").Float()
	if !(ratio > 0) {
		ratio = 1
	}
	pw, ph := int(w*ratio+0.5), int(h*ratio+0.5)
	if w != c.w || h != c.h || ratio != c.ratio {
		c.el.SetWidth(pw)
		c.el.SetHeight(ph)
		st := c.el.Style()
		st.SetProperty("width", Px(w), "")
		st.SetProperty("height", Px(h), "")
		c.w, c.h, c.ratio = w, h, ratio
	}
	c.text = textStyle{} // set afresh on each drawing: a resized (or lost and restored) canvas has its context's defaults
	c.ctx.SetTransform(1, 0, 0, 1, 0, 0)
	c.ctx.ClearRect(0, 0, float64(pw), float64(ph))
	c.ctx.SetTransform(ratio, 0, 0, ratio, 0, 0)
}

// Stroke draws an SVG path (chart.AppendPath) with one Path2D and one stroke.
func (c *DrawCanvas) Stroke(d []byte, color string, width float64, dash []float64) {
	if len(d) == 0 {
		return
	}
	c.raw.Set("strokeStyle", color)
	c.raw.Set("lineWidth", width)
	c.raw.Set("lineJoin", "round")
	if dash == nil {
		c.raw.Call("setLineDash", js.Global().Get("Array").New())
	} else {
		arr := js.Global().Get("Array").New(len(dash))
		for i, v := range dash {
			arr.SetIndex(i, v)
		}
		c.raw.Call("setLineDash", arr)
	}
	c.raw.Call("stroke", c.path2D.New(string(d)))
}

// Fill fills an SVG path.
func (c *DrawCanvas) Fill(d []byte, color string) {
	if len(d) == 0 {
		return
	}
	c.raw.Set("fillStyle", color)
	c.raw.Call("fill", c.path2D.New(string(d)))
}

// Rect fills a rectangle.
func (c *DrawCanvas) Rect(x, y, w, h float64, color string) {
	c.raw.Set("fillStyle", color)
	c.raw.Call("fillRect", x, y, w, h)
}

// Line draws a straight line.
func (c *DrawCanvas) Line(x0, y0, x1, y1 float64, color string, width float64) {
	c.raw.Set("strokeStyle", color)
	c.raw.Set("lineWidth", width)
	c.raw.Call("setLineDash", js.Global().Get("Array").New())
	c.raw.Call("beginPath")
	c.raw.Call("moveTo", x0, y0)
	c.raw.Call("lineTo", x1, y1)
	c.raw.Call("stroke")
}

// Text writes s at (x, y) with the given alignment ("left", "center", "right")
// and baseline ("top", "middle", "alphabetic", "bottom").
func (c *DrawCanvas) Text(s string, x, y float64, font, color, align, baseline string) {
	c.setFont(font)
	c.raw.Set("fillStyle", color)
	if c.text.align != align {
		c.raw.Set("textAlign", align)
		c.text.align = align
	}
	if c.text.baseline != baseline {
		c.raw.Set("textBaseline", baseline)
		c.text.baseline = baseline
	}
	c.raw.Call("fillText", words(s), x, y)
}

// TextRotated writes s turned a quarter left, centred on (x, y): a y-axis label.
func (c *DrawCanvas) TextRotated(s string, x, y float64, font, color string) {
	c.raw.Call("save")
	kept := c.text
	c.raw.Call("translate", x, y)
	c.raw.Call("rotate", -1.5707963267948966)
	c.Text(s, 0, 0, font, color, "center", "middle")
	c.raw.Call("restore")
	c.text = kept // restore takes the settings back to those of save
}

// TextWidth measures s in font.
func (c *DrawCanvas) TextWidth(s, font string) float64 {
	c.setFont(font)
	return c.raw.Call("measureText", words(s)).Get("width").Float()
}

// setFont sets the context's font, unless it has it.
func (c *DrawCanvas) setFont(font string) {
	if c.text.font != font {
		c.raw.Set("font", font)
		c.text.font = font
	}
}

// RootFontSize returns the page's rem in CSS pixels (it grows in Large text mode).
func RootFontSize() float64 {
	doc := js.Global().Get("document").Get("documentElement")
	v := js.Global().Call("getComputedStyle", doc).Get("fontSize").String()
	// A computed font-size is always in px ("20px"). strconv, not fmt.Sscanf:
	// the scanner alone costs the page's download some 35 KB.
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "px"), 64)
	if err != nil || !(f > 0) {
		return 16
	}
	return f
}
