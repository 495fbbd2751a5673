package chart

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"
)

// lossCurve returns n losses falling from about 3 with noise and a few spikes,
// like a training run.
func lossCurve(n int, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(0.4 + 2.6*math.Exp(-float64(i)/float64(n/6+1)) + 0.3*rng.NormFloat64()*math.Exp(-float64(i)/float64(n)))
		if rng.IntN(2000) == 0 {
			v[i] += 2
		}
	}
	return v
}

func TestPlotRect(t *testing.T) {
	if got, want := PlotRect(300, 200, Margins{Top: 10, Right: 5, Bottom: 20, Left: 40}), (Rect{40, 10, 295, 180}); got != want {
		t.Errorf("PlotRect = %v, want %v", got, want)
	}
	if got := PlotRect(30, 20, Margins{Top: 15, Bottom: 15, Left: 20, Right: 20}); got.X1 != got.X0 || got.Y1 != got.Y0 {
		t.Errorf("PlotRect with no room = %v, want an empty rectangle", got)
	}
}

func TestPolylineFew(t *testing.T) {
	f := NewFrame(Rect{10, 0, 110, 50}, 0, 4, 0, 1)
	got := Polyline(nil, f, 0, 1, []float64{0, 1, math.NaN(), 0.5, 0.25})
	want := []Point{{10, 50}, {35, 0}, {85, 25}, {110, 37.5}}
	if len(got) != len(want) {
		t.Fatalf("Polyline = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("point %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestPolylineDecimates draws 100,000 points into 200 columns and checks that
// every column keeps its minimum and maximum, in order, and nothing else.
func TestPolylineDecimates(t *testing.T) {
	const n, width = 100_000, 200
	data := lossCurve(n, 1)
	data[12345] = float32(math.NaN())
	data[54321] = float32(math.Inf(1))
	r := Rect{X0: 30, Y0: 5, X1: 30 + width, Y1: 105}
	f := NewFrame(r, 1, n, 0, 5)
	pts := Polyline(nil, f, 1, 1, data)
	if len(pts) > 2*(width+1) {
		t.Errorf("%d points for %d columns; want at most 2 per column", len(pts), width)
	}
	// Brute force: the extremes of each column.
	type ext struct{ lo, hi float64 }
	cols := map[int]*ext{}
	for i, v := range data {
		y := float64(v)
		if !finite(y) {
			continue
		}
		c := int(math.Floor(f.X.Map(float64(1 + i))))
		e := cols[c]
		if e == nil {
			cols[c] = &ext{y, y}
			continue
		}
		e.lo, e.hi = min(e.lo, y), max(e.hi, y)
	}
	got := map[int]*ext{}
	prevX := math.Inf(-1)
	for _, p := range pts {
		if p.X < prevX {
			t.Fatalf("x goes back from %g to %g", prevX, p.X)
		}
		prevX = p.X
		y := f.Y.Invert(p.Y)
		c := int(math.Floor(p.X))
		e := got[c]
		if e == nil {
			got[c] = &ext{y, y}
			continue
		}
		e.lo, e.hi = min(e.lo, y), max(e.hi, y)
	}
	if len(got) != len(cols) {
		t.Errorf("%d columns drawn, want %d", len(got), len(cols))
	}
	for c, want := range cols {
		g := got[c]
		if g == nil || math.Abs(g.lo-want.lo) > 1e-9 || math.Abs(g.hi-want.hi) > 1e-9 {
			t.Errorf("column %d: drawn %v, want min %g max %g", c, g, want.lo, want.hi)
		}
	}
	// Reusing dst does not allocate.
	buf := make([]Point, 0, 2*(width+1))
	if a := testing.AllocsPerRun(5, func() { buf = Polyline(buf[:0], f, 1, 1, data) }); a != 0 {
		t.Errorf("Polyline into a large enough dst allocates %v times", a)
	}
}

func TestSmooth(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name   string
		src    []float64
		weight float64
		want   []float64
	}{
		{"constant stays constant (debiased)", []float64{2, 2, 2, 2}, 0.9, []float64{2, 2, 2, 2}},
		{"weight 0 is the identity", []float64{1, 5, -3}, 0, []float64{1, 5, -3}},
		{"step", []float64{0, 1, 1}, 0.5, []float64{0, 2.0 / 3, 6.0 / 7}},
		{"NaN is skipped", []float64{1, nan, 3}, 0.5, []float64{1, nan, 7.0 / 3}},
		{"empty", nil, 0.5, nil},
	} {
		got := Smooth(make([]float64, len(tc.src)), tc.src, tc.weight)
		for i := range tc.want {
			if !(math.Abs(got[i]-tc.want[i]) < 1e-12 || math.IsNaN(got[i]) && math.IsNaN(tc.want[i])) {
				t.Errorf("%s: Smooth = %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
	// In place, float32.
	v := []float32{4, 4, 4}
	if Smooth(v, v, 0.99); v[2] != 4 {
		t.Errorf("in place: %v", v)
	}
}

func TestAppendPath(t *testing.T) {
	got := string(AppendPath([]byte("d="), []Point{{1, 2}, {3.25, -0.04}, {10.06, 4}}))
	if want := "d=M1 2L3.3 0L10.1 4"; got != want {
		t.Errorf("AppendPath = %q, want %q", got, want)
	}
	if got := string(AppendPath(nil, nil)); got != "" {
		t.Errorf("AppendPath of no points = %q", got)
	}
}

// TestLineChartGolden draws a loss chart the way the page does, with a test
// rasteriser: axes ticks, the raw losses decimated, and the smoothed line.
func TestLineChartGolden(t *testing.T) {
	const w, h = 160, 90
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fill(img, img.Rect, color.RGBA{255, 255, 255, 255})
	r := PlotRect(w, h, Margins{Top: 4, Right: 4, Bottom: 10, Left: 14})
	losses := lossCurve(20_000, 7)
	ys := Linear{D0: 0, D1: 3.5}.Nice(4)
	f := NewFrame(r, 1, float64(len(losses)), ys.D0, ys.D1)
	grey, black := color.RGBA{170, 170, 170, 255}, color.RGBA{0, 0, 0, 255}
	for _, tk := range f.Y.Ticks(4) {
		y := int(math.Round(tk.Pos))
		fill(img, image.Rect(int(r.X0)-3, y, int(r.X0), y+1), black)
	}
	for _, tk := range f.X.Ticks(4) {
		x := int(math.Round(tk.Pos))
		fill(img, image.Rect(x, int(r.Y1), x+1, int(r.Y1)+3), black)
	}
	fill(img, image.Rect(int(r.X0)-1, int(r.Y0), int(r.X0), int(r.Y1)), black)
	fill(img, image.Rect(int(r.X0)-1, int(r.Y1), int(r.X1), int(r.Y1)+1), black)
	stroke(img, Polyline(nil, f, 1, 1, losses), grey)
	smooth := Smooth(make([]float32, len(losses)), losses, 0.995)
	stroke(img, Polyline(nil, f, 1, 1, smooth), color.RGBA{200, 90, 0, 255})
	golden(t, "loss_chart", img)
}

func fill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

// stroke draws straight segments between the points (DDA, one pixel wide).
func stroke(img *image.RGBA, pts []Point, c color.RGBA) {
	for i := 1; i < len(pts); i++ {
		p, q := pts[i-1], pts[i]
		n := int(math.Ceil(max(math.Abs(q.X-p.X), math.Abs(q.Y-p.Y)))) + 1
		for k := 0; k <= n; k++ {
			s := float64(k) / float64(n)
			img.SetRGBA(int(p.X+s*(q.X-p.X)), int(p.Y+s*(q.Y-p.Y)), c)
		}
	}
}

func BenchmarkPolyline100k(b *testing.B) {
	data := lossCurve(100_000, 1)
	f := NewFrame(Rect{0, 0, 400, 200}, 1, float64(len(data)), 0, 5)
	buf := make([]Point, 0, 1024)
	b.ReportAllocs()
	for b.Loop() {
		buf = Polyline(buf[:0], f, 1, 1, data)
	}
}
