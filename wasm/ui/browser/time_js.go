//go:build js && wasm

package browser

import (
	"syscall/js"
)

// This file has time: animation frames (paused while the tab is hidden),
// intervals, timeouts, a debouncer, the clock, and the page's visibility and
// lifetime events.

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

// Timeout calls f once after ms milliseconds; the callback releases itself.
func Timeout(ms int, f func()) {
	var fn js.Func
	fn = js.FuncOf(func(js.Value, []js.Value) any {
		fn.Release()
		f()
		return nil
	})
	js.Global().Call("setTimeout", fn, ms)
}

// NowMillis returns the time in ms since 1970.
func NowMillis() int64 { return int64(js.Global().Get("Date").Call("now").Float()) }

// OnPageHidden calls f when the page is hidden (another tab, minimised) or
// unloaded (closed, reloaded, navigated away). Program lifetime: the two
// listeners live as long as the page and are never released.
func OnPageHidden(f func()) {
	doc := js.Global().Get("document")
	js.Global().Call("addEventListener", "pagehide", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
	doc.Call("addEventListener", "visibilitychange", js.FuncOf(func(js.Value, []js.Value) any {
		if doc.Get("visibilityState").String() == "hidden" {
			f()
		}
		return nil
	}))
}
