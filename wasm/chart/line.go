package chart

import (
	"math"
	"strconv"
)

// Point is a position in pixels.
type Point struct{ X, Y float64 }

// Rect is a rectangle in pixels: X0 ≤ X1 left to right, Y0 ≤ Y1 top to bottom.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Margins are the space around a plot for its axes and labels, in pixels.
type Margins struct{ Top, Right, Bottom, Left float64 }

// PlotRect returns the plot area of a chart of w×h pixels with margins m. If
// the margins leave no room, the area is empty (zero width or height), never
// inverted.
func PlotRect(w, h float64, m Margins) Rect {
	r := Rect{X0: m.Left, Y0: m.Top, X1: w - m.Right, Y1: h - m.Bottom}
	r.X1 = max(r.X1, r.X0)
	r.Y1 = max(r.Y1, r.Y0)
	return r
}

// Frame is a plot area with the scales of its two axes. Build it with NewFrame.
type Frame struct {
	Rect Rect
	X, Y Scale
}

// NewFrame returns a frame over r with linear scales: x from [x0, x1] onto
// r's width, y from [y0, y1] onto r's height with y0 at the bottom.
func NewFrame(r Rect, x0, x1, y0, y1 float64) Frame {
	return Frame{Rect: r,
		X: Linear{D0: x0, D1: x1, R0: r.X0, R1: r.X1},
		Y: Linear{D0: y0, D1: y1, R0: r.Y1, R1: r.Y0}}
}

// Polyline appends to dst the pixel positions of the series data[i] at
// x = x0 + i·dx, mapped through f's scales, and returns the extended slice.
// NaN and ±Inf values are skipped, and so are points whose pixel position is
// not finite (a value so large that mapping it overflows). When the series has more than two points
// per pixel column (x increasing, as for a loss over updates), each column
// keeps only its smallest and its largest value, in the order they occur, so
// 100,000 points draw as about 2 per column and every spike still shows
// (min/max decimation). With fewer points every point is kept. Reusing dst
// avoids allocating.
func Polyline[F float32 | float64](dst []Point, f Frame, x0, dx float64, data []F) []Point {
	if len(data) == 0 {
		return dst
	}
	width := math.Abs(f.X.Map(x0+dx*float64(len(data)-1)) - f.X.Map(x0))
	if !(float64(len(data)) > 2*(width+1)) || dx <= 0 {
		for i, v := range data {
			y := float64(v)
			if !finite(y) {
				continue
			}
			dst = appendFinite(dst, Point{f.X.Map(x0 + dx*float64(i)), f.Y.Map(y)})
		}
		return dst
	}
	// One pass: accumulate the column's extremes, flush when the column changes.
	col := math.MinInt
	var iMin, iMax int
	var vMin, vMax float64
	flush := func() {
		if col == math.MinInt {
			return
		}
		a, b := iMin, iMax
		if a > b {
			a, b = b, a
		}
		dst = appendFinite(dst, Point{f.X.Map(x0 + dx*float64(a)), f.Y.Map(float64(data[a]))})
		if b != a {
			dst = appendFinite(dst, Point{f.X.Map(x0 + dx*float64(b)), f.Y.Map(float64(data[b]))})
		}
	}
	// A static call for the usual linear x axis: no interface call per point.
	lin, isLinear := f.X.(Linear)
	for i, v := range data {
		y := float64(v)
		if !finite(y) {
			continue
		}
		var px float64
		if isLinear {
			px = lin.Map(x0 + dx*float64(i))
		} else {
			px = f.X.Map(x0 + dx*float64(i))
		}
		c := math.MinInt + 1
		if finite(px) && math.Abs(px) < 1<<52 {
			c = int(math.Floor(px))
		}
		if c != col {
			flush()
			col, iMin, iMax, vMin, vMax = c, i, i, y, y
			continue
		}
		if y < vMin {
			iMin, vMin = i, y
		}
		if y > vMax {
			iMax, vMax = i, y
		}
	}
	flush()
	return dst
}

// appendFinite appends p to dst if both its coordinates are finite: a value
// such as ±MaxFloat64 can map beyond float64's range.
func appendFinite(dst []Point, p Point) []Point {
	if !finite(p.X) || !finite(p.Y) {
		return dst
	}
	return append(dst, p)
}

// Smooth writes to dst the exponential moving average of src with the given
// weight in [0, 1) (0: no smoothing; 0.9: each point is 90 % the average so
// far), debiased as in TensorBoard and Adam so that the first points are not
// pulled towards 0: s_n = a_n / (1 − weightⁿ) with a_n = weight·a_{n−1} +
// (1 − weight)·x_n. NaN and ±Inf inputs give NaN at their position and do not
// enter the average. dst must have len(src) elements; it may be src. It
// returns dst.
func Smooth[F float32 | float64](dst, src []F, weight float64) []F {
	if len(dst) != len(src) {
		panic("chart: Smooth: dst and src differ in length")
	}
	if !(weight >= 0 && weight < 1) {
		panic("chart: Smooth: weight must be in [0, 1)")
	}
	var avg, debias float64 = 0, 1
	for i, v := range src {
		x := float64(v)
		if !finite(x) {
			dst[i] = F(math.NaN())
			continue
		}
		avg = weight*avg + (1-weight)*x
		debias *= weight
		dst[i] = F(avg / (1 - debias))
	}
	return dst
}

// AppendPath appends an SVG path of the points ("M1.5 2L3 4…", one decimal) to
// dst, so that the UI can draw a whole line with one new Path2D(d) and one
// stroke instead of a JavaScript call per point.
func AppendPath(dst []byte, pts []Point) []byte {
	for i, p := range pts {
		if i == 0 {
			dst = append(dst, 'M')
		} else {
			dst = append(dst, 'L')
		}
		dst = appendCoord(dst, p.X)
		dst = append(dst, ' ')
		dst = appendCoord(dst, p.Y)
	}
	return dst
}

func appendCoord(dst []byte, v float64) []byte {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.AppendFloat(dst, v, 'f', -1, 64)
}
