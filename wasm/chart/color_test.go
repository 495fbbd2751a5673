package chart

import (
	"image/color"
	"math"
	"testing"
)

func lab(c color.RGBA) (L, a, b float64) { return rgbToLab(c.R, c.G, c.B) }

func deltaE(p, q color.RGBA) float64 {
	L1, a1, b1 := lab(p)
	L2, a2, b2 := lab(q)
	return math.Sqrt((L1-L2)*(L1-L2) + (a1-a2)*(a1-a2) + (b1-b2)*(b1-b2))
}

func TestDivergingNeutralAtZero(t *testing.T) {
	m := Diverging(2)
	c := m.At(0)
	if c.R != c.G || c.G != c.B || c.R < 240 || c.A != 255 {
		t.Errorf("At(0) = %v, want an opaque near-white grey", c)
	}
	if m.Index(0) != lutSize/2 {
		t.Errorf("0 has index %d, want the middle %d", m.Index(0), lutSize/2)
	}
}

func TestDivergingEnds(t *testing.T) {
	m := Diverging(3)
	neg, pos := m.At(-3), m.At(3)
	if !(neg.B > neg.R+60) {
		t.Errorf("At(−limit) = %v, want blue", neg)
	}
	if !(pos.R > pos.B+60 && pos.R > pos.G) {
		t.Errorf("At(+limit) = %v, want orange", pos)
	}
	for _, tc := range []struct {
		v    float64
		want color.RGBA
	}{{-30, neg}, {math.Inf(-1), neg}, {30, pos}, {math.Inf(1), pos}, {math.NaN(), NaNColor}} {
		if got := m.At(tc.v); got != tc.want {
			t.Errorf("At(%g) = %v, want %v (clamped)", tc.v, got, tc.want)
		}
	}
	if got := Diverging(math.NaN()); got.Lo != -1 || got.Hi != 1 {
		t.Errorf("Diverging(NaN) has domain [%g, %g], want [−1, 1]", got.Lo, got.Hi)
	}
}

// TestDivergingSymmetric checks that +v and −v have the same lightness and
// chroma, and that lightness falls and chroma rises with |v|.
func TestDivergingSymmetric(t *testing.T) {
	m := Diverging(1)
	const mid = lutSize / 2
	prevL, prevC := 101.0, -1.0
	for k := 0; k <= mid; k++ {
		Ln, an, bn := lab(m.At(-float64(k) / mid))
		Lp, ap, bp := lab(m.At(float64(k) / mid))
		Cn, Cp := math.Hypot(an, bn), math.Hypot(ap, bp)
		if math.Abs(Ln-Lp) > 1 || math.Abs(Cn-Cp) > 1.5 {
			t.Errorf("±%d/%d: L* %.1f vs %.1f, C* %.1f vs %.1f; want equal", k, mid, Ln, Lp, Cn, Cp)
		}
		if Lp > prevL+0.3 || Cp < prevC-0.6 {
			t.Errorf("%d/%d: L* %.1f after %.1f, C* %.1f after %.1f; want L* falling and C* rising", k, mid, Lp, prevL, Cp, prevC)
		}
		prevL, prevC = Lp, Cp
		if k > 0 && deltaE(m.At(float64(k)/mid), NaNColor) < 15 {
			t.Errorf("%d/%d is within ΔE 15 of the NaN colour", k, mid)
		}
	}
	// The construction stays inside the sRGB gamut, so nothing was clamped.
	for _, hue := range []float64{divergingHueNeg, divergingHuePos} {
		for s := 0.0; s <= 1; s += 1.0 / 64 {
			L := divergingLWhite - (divergingLWhite-divergingLEnd)*s
			C := divergingCMax * math.Sin(math.Pi/2*s)
			if _, out := labToRGB(L, C*math.Cos(hue*math.Pi/180), C*math.Sin(hue*math.Pi/180)); out > 1e-3 {
				t.Errorf("hue %g at %.2f is %.4f outside the sRGB gamut", hue, s, out)
			}
		}
	}
}

// simulate returns c as seen with a colour-vision deficiency, by a matrix on
// linear RGB (Machado, Oliveira and Fernandes 2009, severity 1).
func simulate(c color.RGBA, m [3][3]float64) color.RGBA {
	lin := [3]float64{srgbToLinear(float64(c.R) / 255), srgbToLinear(float64(c.G) / 255), srgbToLinear(float64(c.B) / 255)}
	var out [3]uint8
	for i := range out {
		v := m[i][0]*lin[0] + m[i][1]*lin[1] + m[i][2]*lin[2]
		out[i] = uint8(math.Round(linearToSRGB(min(max(v, 0), 1)) * 255))
	}
	return color.RGBA{out[0], out[1], out[2], 255}
}

var deficiencies = []struct {
	name string
	m    [3][3]float64
}{
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
}

// TestColorBlindSafe checks that, for each simulated deficiency, the sign of a
// value stays visible (−v and +v far apart) and the sequential map still
// rises in lightness.
func TestColorBlindSafe(t *testing.T) {
	d, s := Diverging(1), Sequential()
	for _, def := range deficiencies {
		for _, v := range []float64{0.25, 0.5, 1} {
			if e := deltaE(simulate(d.At(-v), def.m), simulate(d.At(v), def.m)); e < 20*v+8 {
				t.Errorf("%s: ΔE between ∓%g is %.1f; the sign does not show", def.name, v, e)
			}
		}
		prev := -1.0
		for i := 0; i <= 16; i++ {
			L, _, _ := lab(simulate(s.At(float64(i)/16), def.m))
			if L < prev-1 {
				t.Errorf("%s: sequential L* falls from %.1f to %.1f at %d/16", def.name, prev, L, i)
			}
			prev = L
		}
	}
}

func TestSequential(t *testing.T) {
	m := Sequential()
	near := func(c color.RGBA, want [3]byte) bool {
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		return d(c.R, want[0]) <= 1 && d(c.G, want[1]) <= 1 && d(c.B, want[2]) <= 1 && c.A == 255
	}
	if c := m.At(0); !near(c, viridis[0]) {
		t.Errorf("At(0) = %v, want viridis's first colour %v", c, viridis[0])
	}
	if c := m.At(1); !near(c, viridis[len(viridis)-1]) {
		t.Errorf("At(1) = %v, want viridis's last colour %v", c, viridis[len(viridis)-1])
	}
	if c := m.At(0.5); !near(c, viridis[4]) {
		t.Errorf("At(0.5) = %v, want viridis's middle colour %v", c, viridis[4])
	}
	for _, tc := range []struct {
		v    float64
		want color.RGBA
	}{{-1, m.At(0)}, {math.Inf(-1), m.At(0)}, {7, m.At(1)}, {math.NaN(), NaNColor}} {
		if got := m.At(tc.v); got != tc.want {
			t.Errorf("At(%g) = %v, want %v", tc.v, got, tc.want)
		}
	}
	// Lightness rises monotonically from 0 to 1 (allowing 8-bit rounding).
	prev := -1.0
	for i := range lutSize {
		L, _, _ := lab(m.At(float64(i) / (lutSize - 1)))
		if L < prev-0.2 {
			t.Errorf("L* falls from %.2f to %.2f at %d/%d", prev, L, i, lutSize-1)
		}
		prev = L
		if deltaE(m.At(float64(i)/(lutSize-1)), NaNColor) < 15 {
			t.Errorf("entry %d is within ΔE 15 of the NaN colour", i)
		}
	}
	if L0, _, _ := lab(m.At(0)); prev-L0 < 70 {
		t.Errorf("lightness spans %.1f to %.1f; want a wide range", L0, prev)
	}
}

func TestIndexEdges(t *testing.T) {
	m := Sequential()
	for _, tc := range []struct {
		v    float64
		want int
	}{{0, 0}, {1, 256}, {0.5, 128}, {1.0 / 512, 1}, {1.0/512 - 1e-9, 0}, {math.MaxFloat64, 256}, {-math.MaxFloat64, 0}, {math.NaN(), -1}} {
		if got := m.Index(tc.v); got != tc.want {
			t.Errorf("Index(%g) = %d, want %d", tc.v, got, tc.want)
		}
	}
	m.Lo, m.Hi = 2, 2
	for _, tc := range []struct {
		v    float64
		want int
	}{{1, 0}, {2, 128}, {3, 256}} {
		if got := m.Index(tc.v); got != tc.want {
			t.Errorf("empty domain: Index(%g) = %d, want %d", tc.v, got, tc.want)
		}
	}
	m.Lo, m.Hi = -math.MaxFloat64, math.MaxFloat64 // Hi−Lo overflows
	if got := m.Index(0); got < 0 || got >= lutSize {
		t.Errorf("huge domain: Index(0) = %d", got)
	}
}

func TestCSS(t *testing.T) {
	if got := Diverging(1).CSS(0); got != "#f6f6f6" {
		t.Errorf("CSS(0) = %q, want #f6f6f6", got)
	}
}
