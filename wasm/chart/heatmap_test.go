package chart

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")

// golden compares img with testdata/name.png pixel for pixel, or writes it
// with -update. Pixels, not bytes, are compared, so a change in the PNG
// encoder does not fail the test, and each channel may differ by 1: the colour
// tables are computed with math.Pow and math.Cbrt, whose last bit can differ
// between platforms (arm64 fuses multiply-adds; amd64 and wasm do not).
func golden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v; run go test -update to create it", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, img.Bounds(), want.Bounds())
	}
	bad := 0
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if got, w := img.RGBAAt(x, y), color.RGBAModel.Convert(want.At(x, y)).(color.RGBA); !near(got, w) {
				if bad < 5 {
					t.Errorf("%s: pixel (%d, %d) = %v, golden %v", name, x, y, got, w)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d pixels differ from the golden image; if the change is intended, run go test -update and look at it", name, bad)
	}
}

// traceLike returns a (T, H) array shaped like a cell state: smooth waves of
// different periods per unit, growing along the steps, with a NaN and values
// beyond ±limit.
func traceLike(T, H int) []float32 {
	v := make([]float32, T*H)
	for t := range T {
		for j := range H {
			v[t*H+j] = float32(1.5 * math.Sin(float64(t)/float64(2+j)) * float64(t+4) / float64(T))
		}
	}
	v[3*H+1] = float32(math.NaN())
	v[5*H+2] = 9
	v[6*H+2] = -9
	return v
}

func TestHeatmapGolden(t *testing.T) {
	const T, H = 48, 12
	data := traceLike(T, H)
	// Units down, steps across: width T, height H.
	img := image.NewRGBA(image.Rect(0, 0, T, H))
	Heatmap(img.Pix, data, T, H, true, Diverging(1))
	golden(t, "heatmap_c", img)

	gates := make([]float64, T*H)
	for i := range gates {
		gates[i] = float64(i%T) / float64(T-1) // every row a ramp 0 … 1
	}
	img = image.NewRGBA(image.Rect(0, 0, T, H))
	Heatmap(img.Pix, gates, H, T, false, Sequential())
	golden(t, "heatmap_gates", img)
}

func TestLegendGolden(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 6))
	Legend(img.Pix, 64, 6, Diverging(1), false)
	golden(t, "legend_diverging", img)
	img = image.NewRGBA(image.Rect(0, 0, 6, 64))
	Legend(img.Pix, 6, 64, Sequential(), true)
	golden(t, "legend_sequential", img)
	// The ends of the strip are the ends of the map.
	if got, want := img.RGBAAt(0, 0), Sequential().At(1); got != want {
		t.Errorf("top of the vertical legend = %v, want At(1) = %v", got, want)
	}
	if got, want := img.RGBAAt(0, 63), Sequential().At(0); got != want {
		t.Errorf("bottom of the vertical legend = %v, want At(0) = %v", got, want)
	}
}

// TestHeatmapMatchesAt checks every pixel against ColorMap.At, in both
// orientations and for special values.
func TestHeatmapMatchesAt(t *testing.T) {
	special := []float64{0, math.Copysign(0, -1), 1e-300, -1e-300, 0.999, -0.999, 1, -1, 2, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, 0.5 / 256, 1.5 / 256}
	const rows, cols = 3, 5
	data := make([]float64, rows*cols)
	for i := range data {
		data[i] = special[i%len(special)]
	}
	for _, m := range []*ColorMap{Diverging(1), Sequential(), {Lo: 1, Hi: 1, lut: Sequential().lut}, {Lo: 1, Hi: -1, lut: Diverging(1).lut}} {
		for _, tr := range []bool{false, true} {
			dst := make([]byte, 4*rows*cols)
			Heatmap(dst, data, rows, cols, tr, m)
			w := cols
			if tr {
				w = rows
			}
			for r := range rows {
				for c := range cols {
					x, y := c, r
					if tr {
						x, y = r, c
					}
					o := 4 * (y*w + x)
					got := color.RGBA{dst[o], dst[o+1], dst[o+2], dst[o+3]}
					if want := m.At(data[r*cols+c]); got != want {
						t.Errorf("domain [%g, %g], transpose %v: value %g at (%d, %d) → %v, want %v", m.Lo, m.Hi, tr, data[r*cols+c], r, c, got, want)
					}
				}
			}
		}
	}
}

func TestHeatmapPanicsOnSize(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Heatmap with a short dst did not panic")
		}
	}()
	Heatmap(make([]byte, 4*6-1), make([]float32, 6), 2, 3, false, Sequential())
}

func TestHeatmapNoAlloc(t *testing.T) {
	const T, H = 128, 64
	data := traceLike(T, H)
	dst := make([]byte, 4*T*H)
	m := Diverging(1)
	for _, tr := range []bool{false, true} {
		if n := testing.AllocsPerRun(20, func() { Heatmap(dst, data, T, H, tr, m) }); n != 0 {
			t.Errorf("Heatmap (transpose %v) allocates %v times per call", tr, n)
		}
	}
	if n := testing.AllocsPerRun(20, func() { Legend(dst[:4*64*8], 64, 8, m, false) }); n != 0 {
		t.Errorf("Legend allocates %v times per call", n)
	}
}

func BenchmarkHeatmap(b *testing.B) {
	const T, H = 128, 64
	f32 := traceLike(T, H)
	f64 := make([]float64, len(f32))
	for i, v := range f32 {
		f64[i] = float64(v)
	}
	dst := make([]byte, 4*T*H)
	m := Diverging(1)
	for _, tr := range []bool{false, true} {
		b.Run(fmt.Sprintf("float32/%dx%d/transpose=%v", T, H, tr), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(dst)))
			for b.Loop() {
				Heatmap(dst, f32, T, H, tr, m)
			}
		})
		b.Run(fmt.Sprintf("float64/%dx%d/transpose=%v", T, H, tr), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(dst)))
			for b.Loop() {
				Heatmap(dst, f64, T, H, tr, m)
			}
		})
	}
}

// near reports whether no channel of p and q differs by more than 1.
func near(p, q color.RGBA) bool {
	d := func(a, b uint8) bool { return a-b <= 1 || b-a <= 1 }
	return d(p.R, q.R) && d(p.G, q.G) && d(p.B, q.B) && p.A == q.A
}
