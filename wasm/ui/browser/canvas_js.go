//go:build js && wasm

package browser

import (
	"slices"
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
	w, h   float64  // CSS pixels (Begin)
	ratio  float64
	pw, ph int // the canvas's pixels, as set
	path2D js.Value
	set    ctxState // the context's settings since Begin, so that each is set only when it changes
}

// ctxState is what a canvas context was set to ("" and 0: not known). Each
// setting is a call into JavaScript, and a font string is parsed anew each
// time it is set.
type ctxState struct {
	font, align, baseline string
	fill, stroke, cap     string
	width                 float64
	dash                  []float64 // the line dash as set (a copy); nil for none
	dashSet               bool      // dash is known
}

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
	if w != c.w || h != c.h || ratio != c.ratio {
		st := c.el.Style()
		st.SetProperty("width", Px(w), "")
		st.SetProperty("height", Px(h), "")
		c.w, c.h, c.ratio = w, h, ratio
	}
	c.begin(int(w*ratio+0.5), int(h*ratio+0.5), ratio, ratio)
}

// begin clears pw×ph pixels and scales drawing by sx, sy. The settings are
// set afresh on each drawing: a resized (or lost and restored) canvas has its
// context's defaults.
func (c *DrawCanvas) begin(pw, ph int, sx, sy float64) {
	if pw != c.pw || ph != c.ph {
		c.el.SetWidth(pw)
		c.el.SetHeight(ph)
		c.pw, c.ph = pw, ph
	}
	c.set = ctxState{dash: c.set.dash[:0]} // the dash's buffer kept
	c.ctx.SetTransform(1, 0, 0, 1, 0, 0)
	c.ctx.ClearRect(0, 0, float64(pw), float64(ph))
	c.ctx.SetTransform(sx, 0, 0, sy, 0, 0)
	c.raw.Set("lineJoin", "round")
}

// setting sets the context's property prop to v unless have says it is;
// fillStyle, strokeStyle, lineCap and lineDash set the context's settings
// that changed.
func (c *DrawCanvas) setting(have *string, prop, v string) {
	if *have != v {
		c.raw.Set(prop, v)
		*have = v
	}
}

func (c *DrawCanvas) fillStyle(color string) { c.setting(&c.set.fill, "fillStyle", color) }

func (c *DrawCanvas) strokeStyle(color string, width float64) {
	c.setting(&c.set.stroke, "strokeStyle", color)
	if c.set.width != width {
		c.raw.Set("lineWidth", width)
		c.set.width = width
	}
}

func (c *DrawCanvas) lineCap(cap string) { c.setting(&c.set.cap, "lineCap", cap) }

func (c *DrawCanvas) lineDash(dash []float64) {
	if c.set.dashSet && slices.Equal(c.set.dash, dash) {
		return
	}
	arr := js.Global().Get("Array").New(len(dash))
	for i, v := range dash {
		arr.SetIndex(i, v)
	}
	c.raw.Call("setLineDash", arr)
	c.set.dash, c.set.dashSet = append(c.set.dash[:0], dash...), true
}

// Stroke draws an SVG path (chart.AppendPath) with one Path2D and one stroke.
func (c *DrawCanvas) Stroke(d []byte, color string, width float64, dash []float64) {
	if len(d) == 0 {
		return
	}
	c.lineCap("butt")
	c.stroke(c.path2D.New(string(d)), color, width, dash)
}

// stroke strokes a Path2D.
func (c *DrawCanvas) stroke(p js.Value, color string, width float64, dash []float64) {
	c.strokeStyle(color, width)
	c.lineDash(dash)
	c.raw.Call("stroke", p)
}

// Fill fills an SVG path.
func (c *DrawCanvas) Fill(d []byte, color string) {
	if len(d) == 0 {
		return
	}
	c.fillStyle(color)
	c.raw.Call("fill", c.path2D.New(string(d)))
}

// Rect fills a rectangle.
func (c *DrawCanvas) Rect(x, y, w, h float64, color string) {
	c.fillStyle(color)
	c.raw.Call("fillRect", x, y, w, h)
}

// Line draws a straight line.
func (c *DrawCanvas) Line(x0, y0, x1, y1 float64, color string, width float64) {
	c.strokeStyle(color, width)
	c.lineCap("butt")
	c.lineDash(nil)
	c.raw.Call("beginPath")
	c.raw.Call("moveTo", x0, y0)
	c.raw.Call("lineTo", x1, y1)
	c.raw.Call("stroke")
}

// Text writes s at (x, y) with the given alignment ("left", "center", "right")
// and baseline ("top", "middle", "alphabetic", "bottom").
func (c *DrawCanvas) Text(s string, x, y float64, font, color, align, baseline string) {
	c.setFont(font)
	c.fillStyle(color)
	c.setting(&c.set.align, "textAlign", align)
	c.setting(&c.set.baseline, "textBaseline", baseline)
	c.raw.Call("fillText", words(s), x, y)
}

// TextRotated writes s turned a quarter left, centred on (x, y): a y-axis label.
func (c *DrawCanvas) TextRotated(s string, x, y float64, font, color string) {
	c.raw.Call("save")
	kept := c.set
	c.raw.Call("translate", x, y)
	c.raw.Call("rotate", -1.5707963267948966)
	c.Text(s, 0, 0, font, color, "center", "middle")
	c.raw.Call("restore")
	c.set = kept // restore takes the settings back to those of save
}

// TextWidth measures s in font.
func (c *DrawCanvas) TextWidth(s, font string) float64 {
	c.setFont(font)
	return c.raw.Call("measureText", words(s)).Get("width").Float()
}

// setFont sets the context's font, unless it has it.
func (c *DrawCanvas) setFont(font string) {
	c.setting(&c.set.font, "font", font)
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

// BeginUnits sizes the canvas's pixels to pw×ph (its size on the page is the
// style sheet's), clears it and sets the transform so that drawing is in
// units of which the canvas is unitsW × unitsH: a figure with a viewBox.
func (c *DrawCanvas) BeginUnits(pw, ph int, unitsW, unitsH float64) {
	c.begin(pw, ph, float64(pw)/unitsW, float64(ph)/unitsH)
}

// Path is an SVG path made once, to be drawn more than once.
func (c *DrawCanvas) Path(d []byte) js.Value { return c.path2D.New(string(d)) }

// StrokeRound strokes a path with round caps.
func (c *DrawCanvas) StrokeRound(p js.Value, color string, width float64) {
	c.lineCap("round")
	c.stroke(p, color, width, nil)
}

// FillStroke fills an SVG path and draws its outline, dashed if dash is set.
func (c *DrawCanvas) FillStroke(d []byte, fill, line string, width float64, dash []float64) {
	p := c.Path(d)
	c.fillStyle(fill)
	c.raw.Call("fill", p)
	c.lineCap("butt")
	c.stroke(p, line, width, dash)
}

// GradientRect fills a rectangle with colours evenly spaced from left to
// right, and outlines it.
func (c *DrawCanvas) GradientRect(x, y, w, h float64, stops []string, line string, width float64) {
	g := c.raw.Call("createLinearGradient", x, 0, x+w, 0)
	for k, s := range stops {
		off := 0.0
		if len(stops) > 1 {
			off = float64(k) / float64(len(stops)-1)
		}
		g.Call("addColorStop", off, s)
	}
	c.raw.Set("fillStyle", g)
	c.set.fill = "" // a gradient
	c.raw.Call("fillRect", x, y, w, h)
	c.strokeStyle(line, width)
	c.lineDash(nil)
	c.raw.Call("strokeRect", x, y, w, h)
}

// ObserveSize calls f with el's content box in device pixels (its CSS size
// times the device's pixel ratio) each time it changes (0 × 0 while el is not
// shown), after the browser laid the page out and before it paints: a canvas
// drawn there is resized and redrawn in the same frame. It watches the device
// pixel box, so that a new pixel ratio (another screen) is seen too.
// Program lifetime: the observer is never disconnected.
func ObserveSize(el dom.Element, f func(pw, ph int)) {
	g := js.Global()
	ro := g.Get("ResizeObserver")
	if ro.IsUndefined() {
		return
	}
	cb := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ratio := g.Get("devicePixelRatio").Float()
		if !(ratio > 0) {
			ratio = 1
		}
		entries := args[0]
		for i := 0; i < entries.Length(); i++ {
			// The content rectangle, not devicePixelContentBoxSize: Chromium
			// emulating a pixel ratio reports that box in CSS pixels.
			r := entries.Index(i).Get("contentRect")
			f(int(r.Get("width").Float()*ratio+0.5), int(r.Get("height").Float()*ratio+0.5))
		}
		return nil
	})
	obs := ro.New(cb)
	opts := g.Get("Object").New()
	opts.Set("box", "device-pixel-content-box")
	func() {
		defer func() {
			if recover() != nil { // a browser without that box
				obs.Call("observe", el.Underlying())
			}
		}()
		obs.Call("observe", el.Underlying(), opts)
	}()
}
