package chart

import (
	"image/color"
	"math"
	"strconv"
)

// lutSize is the number of colours in a ColorMap's table. It is odd so that
// the middle of a symmetric domain, 0 for the diverging map, has an entry of
// its own: the neutral colour.
const lutSize = 257

// NaNColor is the colour of NaN values: a mid grey, which neither map uses
// (the diverging map is white only at 0 and tinted elsewhere; the sequential
// map is never grey).
var NaNColor = color.RGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}

// ColorMap maps a value in [Lo, Hi] to a colour from a table of 257 colours.
// Values outside the domain clamp to the end colours (±Inf included); NaN gets
// NaNColor. Build one with Diverging or Sequential; change Lo and Hi freely.
type ColorMap struct {
	Lo, Hi float64 // domain: Lo ↦ the first colour, Hi ↦ the last
	lut    [lutSize][4]byte
}

// Index returns the table index of v, 0 … 256, or −1 for NaN.
func (m *ColorMap) Index(v float64) int {
	if v != v {
		return -1
	}
	if m.Hi == m.Lo {
		if v < m.Lo {
			return 0
		} else if v > m.Hi {
			return lutSize - 1
		}
		return lutSize / 2
	}
	x := (v - m.Lo) * ((lutSize - 1) / (m.Hi - m.Lo))
	if math.IsInf(m.Hi-m.Lo, 0) && finite(m.Hi) && finite(m.Lo) {
		// A domain wider than float64 holds: work in halves.
		x = (v/2 - m.Lo/2) * ((lutSize - 1) / (m.Hi/2 - m.Lo/2))
	}
	// Clamp before converting: float→int of an out-of-range value is
	// implementation-defined in Go.
	if !(x > 0) { // NaN here means an infinite end of the domain; treat as below
		return 0
	}
	if x >= lutSize-1 {
		return lutSize - 1
	}
	return int(x + 0.5)
}

// At returns the colour of v.
func (m *ColorMap) At(v float64) color.RGBA {
	i := m.Index(v)
	if i < 0 {
		return NaNColor
	}
	c := m.lut[i]
	return color.RGBA{R: c[0], G: c[1], B: c[2], A: c[3]}
}

// CSS returns the colour of v as "#rrggbb", for a canvas fillStyle.
func (m *ColorMap) CSS(v float64) string {
	c := m.At(v)
	const hex = "0123456789abcdef"
	return string([]byte{'#', hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15]})
}

// Diverging returns the map for signed quantities such as c and h, over the
// symmetric domain [−limit, limit]: blue for negative, white at 0, orange for
// positive. Both arms are built in CIELAB with the same lightness and chroma
// at the same distance from 0, so +v and −v look equally strong and only the
// hue tells the sign: L* falls linearly from 97 at 0 to 38 at ±limit, chroma
// rises as sin(π/2·|v|/limit) to 42, the most both hues reach inside the sRGB
// gamut at that lightness. Blue against orange stays apart for the
// common colour-vision deficiencies (the pair ColorBrewer's RdBu and PuOr
// are built on). limit ≤ 0 or NaN means 1.
func Diverging(limit float64) *ColorMap {
	if !(limit > 0) || math.IsInf(limit, 0) {
		limit = 1
	}
	m := &ColorMap{Lo: -limit, Hi: limit}
	const mid = lutSize / 2
	for i := range lutSize {
		s := float64(i-mid) / mid // −1 … 1
		hue := float64(divergingHuePos)
		if s < 0 {
			hue = divergingHueNeg
		}
		a := math.Abs(s)
		L := divergingLWhite - (divergingLWhite-divergingLEnd)*a
		C := divergingCMax * math.Sin(math.Pi/2*a)
		m.lut[i] = labToRGBA(L, C*math.Cos(hue*math.Pi/180), C*math.Sin(hue*math.Pi/180))
	}
	return m
}

// Parameters of the diverging map, in CIELAB (D65): lightness at 0 and at the
// ends, the largest chroma, and the hue angles of the two arms.
const (
	divergingLWhite = 97
	divergingLEnd   = 38
	divergingCMax   = 42
	divergingHueNeg = 275 // blue, the hue of ColorBrewer RdBu's #2166ac
	divergingHuePos = 65  // orange, the hue of ColorBrewer PuOr's #e08214
)

// viridis holds 9 evenly spaced colours of matplotlib's viridis (van der Walt
// and Smith, 2015), perceptually uniform, ordered in lightness and readable
// with the common colour-vision deficiencies and in grey.
var viridis = [...][3]byte{
	{0x44, 0x01, 0x54}, {0x47, 0x2d, 0x7b}, {0x3b, 0x52, 0x8b}, {0x2c, 0x72, 0x8e}, {0x21, 0x90, 0x8c},
	{0x27, 0xad, 0x81}, {0x5d, 0xc8, 0x63}, {0xaa, 0xdc, 0x32}, {0xfd, 0xe7, 0x25},
}

// Sequential returns the map for quantities in [0, 1] such as the gates: viridis,
// dark purple at 0 through teal to yellow at 1. It interpolates between the
// viridis stops in CIELAB, so lightness rises steadily from 0 to 1.
func Sequential() *ColorMap {
	var stops [len(viridis)][3]float64
	for k, c := range viridis {
		L, a, b := rgbToLab(c[0], c[1], c[2])
		stops[k] = [3]float64{L, a, b}
	}
	m := &ColorMap{Lo: 0, Hi: 1}
	n := len(stops) - 1
	for i := range lutSize {
		x := float64(i) / (lutSize - 1) * float64(n)
		k := min(int(x), n-1)
		f := x - float64(k)
		p, q := stops[k], stops[k+1]
		m.lut[i] = labToRGBA(p[0]+f*(q[0]-p[0]), p[1]+f*(q[1]-p[1]), p[2]+f*(q[2]-p[2]))
	}
	return m
}

// Legend fills dst, an RGBA image of w×h pixels (4·w·h bytes), with the
// gradient of m: from Lo on the left to Hi on the right, or, if vertical, from
// Hi at the top to Lo at the bottom, as a colour bar beside a heatmap reads.
func Legend(dst []byte, w, h int, m *ColorMap, vertical bool) {
	if w < 0 || h < 0 || len(dst) != 4*w*h {
		panic("chart: Legend: dst has " + strconv.Itoa(len(dst)) + " bytes, want 4·" + strconv.Itoa(w) + "·" + strconv.Itoa(h))
	}
	n := w
	if vertical {
		n = h
	}
	for k := range n {
		// The first and last pixels get the end colours exactly.
		i := lutSize / 2
		if n > 1 {
			i = (k*(lutSize-1) + (n-1)/2) / (n - 1)
		}
		if vertical {
			i = lutSize - 1 - i
		}
		c := m.lut[i]
		if vertical {
			for x := range w {
				*(*[4]byte)(dst[4*(k*w+x):]) = c
			}
		} else {
			for y := range h {
				*(*[4]byte)(dst[4*(y*w+k):]) = c
			}
		}
	}
}

// ---- colour science: sRGB ↔ CIELAB, D65 white ----

const labEps, labKappa = 216.0 / 24389, 24389.0 / 27

var d65 = [3]float64{0.95047, 1, 1.08883}

func srgbToLinear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func linearToSRGB(c float64) float64 {
	if c <= 0.0031308 {
		return 12.92 * c
	}
	return 1.055*math.Pow(c, 1/2.4) - 0.055
}

// rgbToLab returns the CIELAB coordinates of an 8-bit sRGB colour.
func rgbToLab(r8, g8, b8 uint8) (L, a, b float64) {
	r, g, bl := srgbToLinear(float64(r8)/255), srgbToLinear(float64(g8)/255), srgbToLinear(float64(b8)/255)
	xyz := [3]float64{
		0.4124564*r + 0.3575761*g + 0.1804375*bl,
		0.2126729*r + 0.7151522*g + 0.0721750*bl,
		0.0193339*r + 0.1191920*g + 0.9503041*bl,
	}
	var f [3]float64
	for i := range xyz {
		t := xyz[i] / d65[i]
		if t > labEps {
			f[i] = math.Cbrt(t)
		} else {
			f[i] = (labKappa*t + 16) / 116
		}
	}
	return 116*f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])
}

// labToRGB returns the sRGB colour (channels 0 … 1, clamped) of a CIELAB colour,
// and how far outside the gamut it was (0 inside).
func labToRGB(L, a, b float64) (rgb [3]float64, outside float64) {
	fy := (L + 16) / 116
	fx, fz := fy+a/500, fy-b/200
	inv := func(f float64) float64 {
		if f*f*f > labEps {
			return f * f * f
		}
		return (116*f - 16) / labKappa
	}
	x, y, z := inv(fx)*d65[0], inv(fy)*d65[1], inv(fz)*d65[2]
	lin := [3]float64{
		3.2404542*x - 1.5371385*y - 0.4985314*z,
		-0.9692660*x + 1.8760108*y + 0.0415560*z,
		0.0556434*x - 0.2040259*y + 1.0572252*z,
	}
	for i, c := range lin {
		if c < 0 {
			outside = max(outside, -c)
			c = 0
		} else if c > 1 {
			outside = max(outside, c-1)
			c = 1
		}
		rgb[i] = linearToSRGB(c)
	}
	return rgb, outside
}

func labToRGBA(L, a, b float64) [4]byte {
	rgb, _ := labToRGB(L, a, b)
	return [4]byte{uint8(math.Round(rgb[0] * 255)), uint8(math.Round(rgb[1] * 255)), uint8(math.Round(rgb[2] * 255)), 0xff}
}
