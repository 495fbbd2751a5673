//go:build js && wasm

package browser

import (
	"errors"
	"strconv"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/present"
)

// This file has files: downloads (bytes, blobs, a canvas as PNG), reading
// the file a person chose, and copying text to the clipboard.

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
		ctx.Set("font", "600 "+strconv.Itoa(font)+"px system-ui, sans-serif")
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
		done(nil, errors.New("the file has "+present.FormatCount(int64(size))+" bytes; a model file has at most "+present.FormatCount(int64(maxBytes))))
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
		done(nil, errors.New("the file could not be read"))
		return nil
	})
	f.Call("arrayBuffer").Call("then", ok, fail)
}

// CopyText puts s on the clipboard; done gets whether it worked.
func CopyText(s string, done func(bool)) {
	cb := js.Global().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		done(false)
		return
	}
	var p js.Value
	if err := jsCall(func() { p = cb.Call("writeText", s) }); err != nil {
		done(false)
		return
	}
	then(p, func(js.Value) { done(true) }, func(error) { done(false) })
}
