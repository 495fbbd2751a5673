//go:build js && wasm

package browser

import (
	"encoding/base64"
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// SetSVGImage shows an SVG document in an image element, as a data URL: the
// browser draws it as a vector at any size, and an image runs no script.
func SetSVGImage(img *dom.HTMLImageElement, svg []byte) {
	img.SetAttribute("src", "data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString(svg))
}

// DownloadSVGPNG offers an SVG document of w × h units as a PNG file drawn
// scale times as large (sharp on a projector). The image's callbacks are
// one-shot and release themselves.
func DownloadSVGPNG(svg []byte, name string, w, h int, scale float64) {
	g := js.Global()
	img := g.Get("Image").New()
	var load, fail js.Func
	release := func() { load.Release(); fail.Release() }
	load = js.FuncOf(func(js.Value, []js.Value) any {
		defer release()
		c := g.Get("document").Call("createElement", "canvas")
		c.Set("width", int(float64(w)*scale))
		c.Set("height", int(float64(h)*scale))
		ctx := c.Call("getContext", "2d")
		ctx.Call("drawImage", img, 0, 0, float64(w)*scale, float64(h)*scale)
		var done js.Func
		done = js.FuncOf(func(_ js.Value, args []js.Value) any {
			done.Release()
			if len(args) > 0 && args[0].Truthy() {
				downloadBlob(name, args[0])
			}
			return nil
		})
		c.Call("toBlob", done, "image/png")
		return nil
	})
	fail = js.FuncOf(func(js.Value, []js.Value) any { release(); return nil })
	img.Set("onload", load)
	img.Set("onerror", fail)
	img.Set("src", "data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString(svg))
}

// ReducedMotion reports whether the person asked for less motion.
func ReducedMotion() bool {
	mq := js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)")
	return mq.Truthy() && mq.Get("matches").Truthy()
}

// Interval calls f every ms milliseconds until the returned stop is called.
func Interval(ms int, f func()) (stop func()) {
	g := js.Global()
	fn := js.FuncOf(func(js.Value, []js.Value) any { f(); return nil })
	id := g.Call("setInterval", fn, ms)
	return func() {
		g.Call("clearInterval", id)
		fn.Release()
	}
}
