//go:build js && wasm

package browser

// This file has the engine worker,
// animation frames and timers, bulk copies into canvases, downloads and file
// reads. Everything else goes through honnef.co/go/js/dom/v2 or these typed
// functions.

import (
	"fmt"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/keep"
	"lstmplayground/wasm/ui/present"
)

// EngineLink is the page's end of a worker: it sends protocol messages as
// transferred bytes and hands received bytes to a callback.
type EngineLink struct {
	worker     js.Value
	uint8Array js.Value
	onMessage  js.Func  // released by Close
	onError    js.Func  // released by Close
	beacon     js.Value // the port of the worker's beacon (worker.js), once it said so; else undefined
	onBeacon   js.Func  // released by Close
	news       js.Value // the port of worker.js's own news (boot.js), or undefined
	onNews     js.Func  // released by Close
	echoed     func(sent float64)
	closed     bool
	start      func() // Start's work, until it is done
}

// StartEngine finds the worker boot.js started and listens to it. received
// gets the bytes of every message, failed a sentence if the worker fails.
// Messages that arrived before the page listened (boot.js keeps them in
// lstmPlayground.early) are delivered first, in order. Close releases its
// handlers (when the engine died and another replaces it).
func StartEngine(received func([]byte), failed func(string)) (*EngineLink, error) {
	pg := js.Global().Get("lstmPlayground")
	if pg.IsUndefined() || pg.IsNull() || pg.Get("worker").IsUndefined() {
		return nil, fmt.Errorf("the engine worker was not started")
	}
	return linkWorker(pg, received, failed), nil
}

// RestartEngine starts a new main engine from the page's compiled module
// (lstmPlayground.replaceWorker, in boot.js, which also makes it
// lstmPlayground.worker) and listens to it.
func RestartEngine(received func([]byte), failed func(string)) (*EngineLink, error) {
	pg := js.Global().Get("lstmPlayground")
	if pg.IsUndefined() || pg.IsNull() || pg.Get("replaceWorker").Type() != js.TypeFunction {
		return nil, fmt.Errorf("this page cannot start a new engine")
	}
	var w js.Value
	if err := jsCall(func() { w = pg.Call("replaceWorker") }); err != nil {
		return nil, err
	}
	return linkWorker(w, received, failed), nil
}

// StartSecondEngine starts another engine from the page's compiled module
// (lstmPlayground.startWorker, in boot.js), for a side-by-side comparison.
// Its owner ends it with Close, which releases its handlers.
func StartSecondEngine(received func([]byte), failed func(string)) (*EngineLink, error) {
	pg := js.Global().Get("lstmPlayground")
	if pg.IsUndefined() || pg.IsNull() || pg.Get("startWorker").Type() != js.TypeFunction {
		return nil, fmt.Errorf("this page cannot start a second engine")
	}
	var w js.Value
	if err := jsCall(func() { w = pg.Call("startWorker") }); err != nil {
		return nil, err
	}
	l := linkWorker(w, received, failed)
	l.Start()
	return l, nil
}

// linkWorker makes the link to a worker; Start listens to it, first
// delivering the messages kept in early.
//
// w is what boot.js's startWorker returns: the worker, its early messages,
// and the port of worker.js's own news (news, newsEarly).
func linkWorker(w js.Value, received func([]byte), failed func(string)) *EngineLink {
	worker, early, news, newsEarly := w.Get("worker"), w.Get("early"), w.Get("news"), w.Get("newsEarly")
	l := &EngineLink{worker: worker, uint8Array: js.Global().Get("Uint8Array"), beacon: js.Undefined(), news: js.Undefined()}
	if news.Type() == js.TypeObject && !news.IsNull() {
		l.news = news
	}
	l.onBeacon = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if d := args[0].Get("data"); d.Type() == js.TypeNumber && l.echoed != nil {
			l.echoed(d.Float())
		}
		return nil
	})
	// worker.js's own news: its beacon, or that the engine's Go program
	// ended (a panic, out of memory).
	tell := func(data js.Value) {
		if data.Type() != js.TypeObject || data.IsNull() || l.closed {
			return
		}
		if p := data.Get("lpBeacon"); p.Type() == js.TypeObject && !p.IsNull() {
			l.beacon = p
			p.Set("onmessage", l.onBeacon)
			return
		}
		if c := data.Get("lpExit"); c.Type() == js.TypeNumber || c.Type() == js.TypeString {
			failed(exitCause(c, data.Get("lpLog")))
		}
	}
	l.onNews = js.FuncOf(func(_ js.Value, args []js.Value) any {
		tell(args[0].Get("data"))
		return nil
	})
	deliver := func(data js.Value) {
		if data.IsUndefined() || data.IsNull() || data.Get("byteLength").IsUndefined() {
			return // not ours (boot.js talks to the worker with plain objects)
		}
		u8 := l.uint8Array.New(data)
		b := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(b, u8)
		received(b)
	}
	// Neither handler blocks: deliver copies the bytes and the page's handler
	// only updates state and asks for a frame.
	l.onMessage = js.FuncOf(func(_ js.Value, args []js.Value) any {
		deliver(args[0].Get("data"))
		return nil
	})
	l.onError = onWorkerError(failed)
	l.start = func() {
		if early.Type() == js.TypeObject {
			for i := range early.Length() {
				deliver(early.Index(i))
			}
			early.Set("length", 0)
		}
		if newsEarly.Type() == js.TypeObject {
			for i := range newsEarly.Length() {
				tell(newsEarly.Index(i))
			}
			newsEarly.Set("length", 0)
		}
		if !l.news.IsUndefined() {
			l.news.Set("onmessage", l.onNews)
		}
		l.worker.Set("onmessage", l.onMessage)
		l.worker.Call("addEventListener", "error", l.onError)
		l.worker.Call("addEventListener", "messageerror", l.onError)
	}
	return l
}

// onWorkerError returns the handler of a worker's error and messageerror
// events: it tells failed the cause in a sentence.
func onWorkerError(failed func(string)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		cause := "The training engine failed"
		if len(args) > 0 {
			if args[0].Get("type").String() == "messageerror" {
				cause = "The training engine sent a message the page could not read"
			} else if m := args[0].Get("message"); m.Type() == js.TypeString && m.String() != "" {
				cause += " (" + strings.TrimPrefix(m.String(), "Uncaught ") + ")"
			}
			args[0].Call("preventDefault")
		}
		failed(cause)
		return nil
	})
}

// Start delivers the messages that came before the page listened, then
// listens to the worker.
func (l *EngineLink) Start() {
	if f := l.start; f != nil && !l.closed {
		l.start = nil
		f()
	}
}

// exitCause says why the engine's Go program ended, from worker.js's lpExit
// (the exit code, or an error's message) and lpLog (the end of what it wrote).
func exitCause(code, log js.Value) string {
	tail := ""
	if log.Type() == js.TypeString {
		tail = log.String()
	}
	if code.Type() == js.TypeString {
		return keep.ExitCause(-1, code.String()+"\n"+tail)
	}
	return keep.ExitCause(code.Int(), tail)
}

// Close ends the worker and releases the link's handlers.
func (l *EngineLink) Close() {
	if l.closed {
		return
	}
	l.closed = true
	l.worker.Set("onmessage", js.Null())
	l.worker.Call("removeEventListener", "error", l.onError)
	l.worker.Call("removeEventListener", "messageerror", l.onError)
	l.worker.Call("terminate")
	for _, p := range []js.Value{l.beacon, l.news} {
		if !p.IsUndefined() {
			p.Set("onmessage", js.Null())
			p.Call("close")
		}
	}
	l.beacon, l.news = js.Undefined(), js.Undefined()
	l.onMessage.Release()
	l.onError.Release()
	l.onBeacon.Release()
	l.onNews.Release()
}

// Watch calls echoed with the time each ping was sent, as the worker's
// beacon echoes it.
func (l *EngineLink) Watch(echoed func(sent float64)) { l.echoed = echoed }

// Ping sends the beacon the time now; it reports false if the worker has not
// said where its beacon is yet.
func (l *EngineLink) Ping(now float64) bool {
	if l.closed || l.beacon.IsUndefined() {
		return false
	}
	l.beacon.Call("postMessage", now)
	return true
}

// Send posts b to the worker, transferring its buffer.
func (l *EngineLink) Send(b []byte) {
	u8 := l.uint8Array.New(len(b))
	js.CopyBytesToJS(u8, b)
	l.worker.Call("postMessage", u8, []any{u8.Get("buffer")})
}

// FrameLoop calls paint in animation frames: Request asks for one; paint returns
// whether it wants the next frame too (self-rescheduling while, for example, a
// trace request waits for its turn). While the tab is hidden it paints
// nothing: what is asked for meanwhile is painted once, in the first frame
// after the tab is shown again.
type FrameLoop struct {
	fn      js.Func // program lifetime: one callback reused for every frame, never released
	raf     js.Value
	pending bool
	hidden  bool // the tab is hidden: no painting
	wanted  bool // a frame was asked for while hidden
}

func NewFrameLoop(paint func(now float64) (again bool)) *FrameLoop {
	f := &FrameLoop{raf: js.Global().Get("requestAnimationFrame")}
	f.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		f.pending = false
		if f.hidden {
			f.wanted = true
			return nil
		}
		if paint(args[0].Float()) {
			f.Request()
		}
		return nil
	})
	return f
}

// Request asks for a frame, unless one is already asked for.
func (f *FrameLoop) Request() {
	if f.hidden {
		f.wanted = true
		return
	}
	if f.pending {
		return
	}
	f.pending = true
	f.raf.Invoke(f.fn)
}

// SetHidden stops painting (the tab is hidden) or starts it again, with one
// frame if anything was asked for meanwhile.
func (f *FrameLoop) SetHidden(hidden bool) {
	f.hidden = hidden
	if !hidden && f.wanted {
		f.wanted = false
		f.Request()
	}
}

// Every calls f every ms milliseconds with the page's clock (performance.now).
// Program lifetime: the callback is never released.
func Every(ms int, f func(now float64)) {
	perf := js.Global().Get("performance")
	js.Global().Call("setInterval", js.FuncOf(func(js.Value, []js.Value) any {
		f(perf.Call("now").Float())
		return nil
	}), ms)
}

// PerfNow returns the page's clock in ms (performance.now).
func PerfNow() float64 { return js.Global().Get("performance").Call("now").Float() }

// PageIsHidden reports whether the tab is hidden (document.visibilityState).
func PageIsHidden() bool {
	return js.Global().Get("document").Get("visibilityState").String() == "hidden"
}

// OnVisibility calls f with whether the page is hidden whenever that changes.
// Program lifetime: the listener is never removed.
func OnVisibility(f func(hidden bool)) {
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "visibilitychange", js.FuncOf(func(js.Value, []js.Value) any {
		f(PageIsHidden())
		return nil
	}))
}

// Debouncer calls fire once, delay milliseconds after the last Arm.
type Debouncer struct {
	fn    js.Func // program lifetime: one callback reused for every arming, never released
	delay int
	id    js.Value
}

func NewDebouncer(delay int, fire func()) *Debouncer {
	d := &Debouncer{delay: delay, id: js.Null()}
	d.fn = js.FuncOf(func(js.Value, []js.Value) any {
		d.id = js.Null()
		fire()
		return nil
	})
	return d
}

// Arm (re)starts the delay.
func (d *Debouncer) Arm() {
	d.Cancel()
	d.id = js.Global().Call("setTimeout", d.fn, d.delay)
}

// Cancel stops a pending call.
func (d *Debouncer) Cancel() {
	if !d.id.IsNull() {
		js.Global().Call("clearTimeout", d.id)
		d.id = js.Null()
	}
}

// Pending reports whether a call is waiting.
func (d *Debouncer) Pending() bool { return !d.id.IsNull() }

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
	pw, ph := int(w*ratio+0.5), int(h*ratio+0.5)
	if w != c.w || h != c.h || ratio != c.ratio {
		c.el.SetWidth(pw)
		c.el.SetHeight(ph)
		st := c.el.Style()
		st.SetProperty("width", Px(w), "")
		st.SetProperty("height", Px(h), "")
		c.w, c.h, c.ratio = w, h, ratio
	}
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
	c.raw.Set("font", font)
	c.raw.Set("fillStyle", color)
	c.raw.Set("textAlign", align)
	c.raw.Set("textBaseline", baseline)
	c.raw.Call("fillText", s, x, y)
}

// TextRotated writes s turned a quarter left, centred on (x, y): a y-axis label.
func (c *DrawCanvas) TextRotated(s string, x, y float64, font, color string) {
	c.raw.Call("save")
	c.raw.Call("translate", x, y)
	c.raw.Call("rotate", -1.5707963267948966)
	c.Text(s, 0, 0, font, color, "center", "middle")
	c.raw.Call("restore")
}

// TextWidth measures s in font.
func (c *DrawCanvas) TextWidth(s, font string) float64 {
	c.raw.Set("font", font)
	return c.raw.Call("measureText", s).Get("width").Float()
}

// RootFontSize returns the page's rem in CSS pixels (it grows in Large text mode).
func RootFontSize() float64 {
	doc := js.Global().Get("document").Get("documentElement")
	v := js.Global().Call("getComputedStyle", doc).Get("fontSize").String()
	var f float64
	if _, err := fmt.Sscanf(v, "%fpx", &f); err != nil || !(f > 0) {
		return 16
	}
	return f
}

// Download offers b to the person as a file.
func Download(name, mime string, b []byte) {
	g := js.Global()
	u8 := g.Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	downloadBlob(name, g.Get("Blob").New([]any{u8}, map[string]any{"type": mime}))
}

// downloadBlob offers a Blob as a file, through a blob URL revoked after use.
func downloadBlob(name string, blob js.Value) {
	g := js.Global()
	url := g.Get("URL").Call("createObjectURL", blob)
	a := g.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	g.Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// Revoke after the click has been handled; the one-shot callback releases itself.
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		g.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	g.Call("setTimeout", revoke, 1000)
}

// DownloadCanvasPNG offers a canvas as a PNG file: on white, scaled by sx
// and sy (without smoothing when scaled: a heatmap's cells stay sharp), with
// label written above it. The toBlob callback is one-shot and releases itself.
func DownloadCanvasPNG(src *dom.HTMLCanvasElement, name, label string, sx, sy float64) error {
	return jsCall(func() {
		g := js.Global()
		w, h := src.Width(), src.Height()
		outW, outH := int(float64(w)*sx), int(float64(h)*sy)
		font := max(12, min(22, outW/60))
		head := 2 * font
		c := g.Get("document").Call("createElement", "canvas")
		c.Set("width", outW)
		c.Set("height", outH+head)
		ctx := c.Call("getContext", "2d")
		ctx.Set("fillStyle", "#ffffff")
		ctx.Call("fillRect", 0, 0, outW, outH+head)
		ctx.Set("imageSmoothingEnabled", sx == 1 && sy == 1)
		ctx.Call("drawImage", src.Underlying(), 0, head, outW, outH)
		ctx.Set("fillStyle", "#1b1b1f")
		ctx.Set("font", fmt.Sprintf("600 %dpx system-ui, sans-serif", font))
		ctx.Set("textBaseline", "middle")
		ctx.Call("fillText", label, 6, head/2)
		var done js.Func
		done = js.FuncOf(func(_ js.Value, args []js.Value) any {
			done.Release()
			if len(args) > 0 && args[0].Truthy() {
				downloadBlob(name, args[0])
			}
			return nil
		})
		c.Call("toBlob", done, "image/png")
	})
}

// ReadFirstFile reads the first file chosen in a file input and calls done with
// its bytes or an error. The callbacks are one-shot and release themselves.
func ReadFirstFile(input *dom.HTMLInputElement, maxBytes int, done func([]byte, error)) {
	files := input.Get("files")
	if files.IsUndefined() || files.IsNull() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	if size := f.Get("size").Float(); size > float64(maxBytes) {
		done(nil, fmt.Errorf("the file has %s bytes; a model file has at most %s", present.FormatCount(int64(size)), present.FormatCount(int64(maxBytes))))
		return
	}
	var ok, fail js.Func
	release := func() { ok.Release(); fail.Release() }
	ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		u8 := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(b, u8)
		done(b, nil)
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		done(nil, fmt.Errorf("the file could not be read"))
		return nil
	})
	f.Call("arrayBuffer").Call("then", ok, fail)
}

// ClientRect returns an element's position on the screen.
func ClientRect(el dom.Element) (left, top, width, height float64) {
	r := el.GetBoundingClientRect()
	return r.Left(), r.Top(), r.Width(), r.Height()
}

// PointerXY returns the client coordinates of a pointer event.
func PointerXY(ev dom.Event) (x, y float64) {
	v := ev.Underlying()
	return v.Get("clientX").Float(), v.Get("clientY").Float()
}

// EventKey returns the key of a keyboard event.
func EventKey(ev dom.Event) string {
	return ev.Underlying().Get("key").String()
}

// EventModified reports whether Ctrl, Alt or Meta was held.
func EventModified(ev dom.Event) bool {
	v := ev.Underlying()
	return v.Get("ctrlKey").Bool() || v.Get("altKey").Bool() || v.Get("metaKey").Bool()
}

// OnResize calls f when the window's size changes. Program lifetime: the
// listener is never removed.
func OnResize(f func()) {
	js.Global().Call("addEventListener", "resize", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
}

// randomSeed returns a random number (a tab id is made of it).
func randomSeed() uint64 {
	m := js.Global().Get("Math")
	return uint64(m.Call("random").Float()*(1<<31))<<21 ^ uint64(m.Call("random").Float()*(1<<21))
}

func Px(v float64) string { return fmt.Sprintf("%gpx", v) }

// IsFocused reports whether el has the keyboard focus.
func IsFocused(el dom.Element) bool {
	return js.Global().Get("document").Get("activeElement").Equal(el.Underlying())
}

// ActiveTag returns the lower-case tag name of the focused element ("" if none).
func ActiveTag() string {
	a := js.Global().Get("document").Get("activeElement")
	if a.IsNull() || a.IsUndefined() {
		return ""
	}
	return strings.ToLower(a.Get("tagName").String())
}
