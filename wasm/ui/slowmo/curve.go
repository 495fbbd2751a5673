package slowmo

import (
	"math"
	"strconv"
	"strings"

	"lstmplayground/lstm"
	"lstmplayground/wasm/mathtext"
)

// The curve's viewBox and plot area.
const (
	CurveW, CurveH           = 640, 220
	left, right, top, bottom = 56.0, 14.0, 44.0, 34.0
)

// Colours of the curve: the page's accent for h and the loss, purple for c,
// amber for the step shown, grey for the reach.
const (
	inkH, inkC, inkNow, inkReach, inkAxis = "#0b6bcb", "#7b3294", "#e8a100", "#555555", "#333333"
)

// Curve returns the SVG document of the position's curve and its title, or
// false where the stage has none: the loss of each step so far (stage 2,
// all of them and their mean in stage 3), and the gradient reaching each
// step so far on the way back, ‖∂L/∂h^t‖ and ‖∂L/∂c^t‖ on a log scale, with
// the reach of the last step's loss alone, the page's gradient reach
// (stage 4).
func (w *Walk) Curve(say Say) ([]byte, string, bool) {
	s, t := w.At()
	switch s {
	case StageForward:
		return w.lossCurve(say, t), say("slowmo.curve.loss"), true
	case StageLoss:
		return w.lossCurve(say, w.T()-1), say("slowmo.curve.loss"), true
	case StageBack:
		return w.gradCurve(say, t), say("slowmo.curve.grad"), true
	case StageClip:
		return w.clipCurve(say), say("slowmo.curve.clip"), true
	}
	return nil, "", false
}

// clipCurve draws the gradient's norm before and after clipping as two
// bars, with the limit where it bounds the norm (ClipNorm).
func (w *Walk) clipCurve(say Say) []byte {
	r := w.R
	p := newPlot(2, say("slowmo.curve.clip"))
	hi := niceCeil(max(r.GradNorm, r.ClippedNorm))
	limit := r.ClipMode == lstm.ClipNorm && r.Clip > 0
	if limit {
		hi = niceCeil(max(hi, r.Clip))
	}
	p.y = func(v float64) float64 { return CurveH - bottom - (CurveH-bottom-top)*v/hi }
	p.raw(`<path d="M` + f(left) + " " + f(top) + "V" + f(CurveH-bottom) + "H" + f(CurveW-right) + `" fill="none" stroke="` + inkAxis + `"/>` + "\n")
	for _, v := range []float64{0, hi / 2, hi} {
		p.text(left-6, p.y(v)+4, "end", inkAxis, mathtext.FormatSig(v, 2))
	}
	bw := (CurveW - left - right) / 2 * 0.5
	for i, v := range []float64{r.GradNorm, r.ClippedNorm} {
		ink := []string{inkH, inkNow}[i]
		p.raw(`<rect x="` + f(p.x(i)-bw/2) + `" y="` + f(p.y(v)) + `" width="` + f(bw) + `" height="` + f(p.y(0)-p.y(v)) + `" fill="` + ink + `"/>` + "\n")
		p.text(p.x(i), p.y(v)-4, "middle", inkAxis, mathtext.FormatSig(v, 3))
		p.text(p.x(i), CurveH-bottom+14, "middle", inkAxis, say([]string{"slowmo.curve.before", "slowmo.curve.after"}[i]))
	}
	if limit {
		p.raw(`<path d="M` + f(left) + " " + f(p.y(r.Clip)) + "H" + f(CurveW-right) + `" stroke="` + inkC + `" stroke-width="2" stroke-dasharray="6 3"/>` + "\n")
		p.text(CurveW-right, p.y(r.Clip)-4, "end", inkC, say("slowmo.curve.limit", mathtext.FormatSig(r.Clip, 3)))
	}
	return p.done()
}

// plot is one curve being written.
type plot struct {
	b    strings.Builder
	T    int
	y    func(float64) float64 // value → viewBox y
	logY bool
}

func (p *plot) x(t int) float64 { // step t (0-based) → the centre of its slot
	return left + (float64(t)+0.5)*(CurveW-left-right)/float64(p.T)
}

func (p *plot) raw(s string) { p.b.WriteString(s) }

func (p *plot) text(x, y float64, anchor, fill, s string) {
	p.raw(`<text x="` + f(x) + `" y="` + f(y) + `" font-size="12" text-anchor="` + anchor + `" fill="` + fill + `">`)
	esc(&p.b, s)
	p.raw("</text>\n")
}

func newPlot(T int, title string) *plot {
	p := &plot{T: T}
	p.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` +
		strconv.Itoa(CurveW) + ` ` + strconv.Itoa(CurveH) + `" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` + "\n")
	p.raw(`<title>`)
	esc(&p.b, title)
	p.raw("</title>\n" + `<rect width="` + strconv.Itoa(CurveW) + `" height="` + strconv.Itoa(CurveH) + `" fill="#ffffff"/>` + "\n")
	p.text(left, 18, "start", inkAxis, title)
	return p
}

// axes draws the frame, the y ticks and the steps 1, T/2 and T.
func (p *plot) axes(say Say, ticks []float64) {
	y0, y1 := top, CurveH-bottom
	p.raw(`<path d="M` + f(left) + " " + f(y0) + "V" + f(y1) + "H" + f(CurveW-right) + `" fill="none" stroke="` + inkAxis + `"/>` + "\n")
	for _, v := range ticks {
		label := mathtext.FormatSig(v, 2) // on the log scale: 1, 0.1, 0.01, 0.001, 1e-04

		p.text(left-6, p.y(v)+4, "end", inkAxis, label)
		p.raw(`<path d="M` + f(left) + " " + f(p.y(v)) + "H" + f(CurveW-right) + `" stroke="#e1e4e8"/>` + "\n")
	}
	for _, t := range []int{0, (p.T - 1) / 2, p.T - 1} {
		p.text(p.x(t), y1+14, "middle", inkAxis, strconv.Itoa(t+1))
	}
	p.text(CurveW-right, CurveH-4, "end", inkAxis, say("slowmo.curve.step"))
}

func (p *plot) done() []byte {
	p.raw("</svg>\n")
	return []byte(p.b.String())
}

// lossCurve draws the loss of steps 0 … upto as bars, the last in amber;
// with every step drawn, the mean as a line.
func (w *Walk) lossCurve(say Say, upto int) []byte {
	T := w.T()
	p := newPlot(T, say("slowmo.curve.loss"))
	hi := 0.0
	for _, l := range w.R.StepLoss {
		hi = max(hi, float64(l))
	}
	hi = niceCeil(hi)
	p.y = func(v float64) float64 { return CurveH - bottom - (CurveH-bottom-top)*v/hi }
	p.axes(say, []float64{0, hi / 2, hi})
	bw := (CurveW - left - right) / float64(T) * 0.7
	stage, _ := w.At()
	for t := 0; t <= upto && t < T; t++ {
		v := float64(w.R.StepLoss[t])
		fill := inkH
		if t == upto && stage == StageForward {
			fill = inkNow // the step shown
		}
		p.raw(`<rect x="` + f(p.x(t)-bw/2) + `" y="` + f(p.y(v)) + `" width="` + f(bw) + `" height="` + f(p.y(0)-p.y(v)) + `" fill="` + fill + `"/>` + "\n")
	}
	if stage == StageLoss {
		m := w.MeanLoss()
		p.raw(`<path d="M` + f(left) + " " + f(p.y(m)) + "H" + f(CurveW-right) + `" stroke="` + inkNow + `" stroke-width="2" stroke-dasharray="6 3"/>` + "\n")
		p.text(CurveW-right, p.y(m)-4, "end", inkAxis, say("slowmo.curve.mean", mathtext.FormatSig(m, 4)))
	}
	return p.done()
}

// gradCurve draws ‖∂L/∂h^t‖ and ‖∂L/∂c^t‖ of steps T−1 back to from, on a
// log scale, with the reach of the last step's loss alone (dotted) and the
// step shown marked.
func (w *Walk) gradCurve(say Say, from int) []byte {
	T := w.T()
	dc, dh := w.Norms()
	reach := make([]float64, T) // indexed by step: reach[k] is ‖∂L_T/∂h_{T−k}‖
	for k, v := range w.R.Reach[w.Layer] {
		reach[T-1-k] = float64(v)
	}
	lo, hi := math.Inf(1), 0.0
	for _, s := range [][]float64{dc, dh, reach} {
		for _, v := range s {
			if v > 0 && !math.IsInf(v, 0) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if !(hi > 0) {
		lo, hi = 1e-3, 1
	}
	a, b := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if a == b {
		a--
	}
	p := newPlot(T, say("slowmo.curve.grad"))
	p.logY = true
	p.y = func(v float64) float64 {
		l := math.Log10(max(v, math.Pow(10, a)))
		return CurveH - bottom - (CurveH-bottom-top)*(l-a)/(b-a)
	}
	var ticks []float64
	step := math.Max(1, math.Ceil((b-a)/4))
	for e := a; e <= b; e += step {
		ticks = append(ticks, math.Pow(10, e))
	}
	p.axes(say, ticks)
	p.line(reach, from, inkReach, `stroke-dasharray="2 3"`)
	if dc != nil {
		p.line(dc, from, inkC, "")
	}
	p.line(dh, from, inkH, "")
	x := p.x(from)
	p.raw(`<path d="M` + f(x) + " " + f(top) + "V" + f(CurveH-bottom) + `" stroke="` + inkNow + `" stroke-width="2"/>` + "\n")
	w.gradLegend(p, say, dc != nil)
	return p.done()
}

// line draws the values of steps from … T−1.
func (p *plot) line(v []float64, from int, ink, extra string) {
	var d strings.Builder
	for t := from; t < p.T; t++ {
		if t == from {
			d.WriteString("M")
		} else {
			d.WriteString("L")
		}
		d.WriteString(f(p.x(t)) + " " + f(p.y(v[t])))
	}
	p.raw(`<path d="` + d.String() + `" fill="none" stroke="` + ink + `" stroke-width="2" ` + extra + "/>\n")
	for t := from; t < p.T; t++ {
		p.raw(`<circle cx="` + f(p.x(t)) + `" cy="` + f(p.y(v[t])) + `" r="2.5" fill="` + ink + `"/>` + "\n")
	}
}

// gradLegend writes the curves' names in a row under the title.
func (w *Walk) gradLegend(p *plot, say Say, lstm bool) {
	x, y := left, 36.0
	item := func(ink, dash, label string, width float64) {
		p.raw(`<path d="M` + f(x) + " " + f(y-4) + "h22" + `" stroke="` + ink + `" stroke-width="2" ` + dash + "/>\n")
		p.text(x+28, y, "start", inkAxis, label)
		x += width
	}
	item(inkH, "", say("slowmo.curve.dh"), 110)
	if lstm {
		item(inkC, "", say("slowmo.curve.dc"), 110)
	}
	item(inkReach, `stroke-dasharray="2 3"`, say("slowmo.curve.reach"), 0)
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten (1 for v ≤ 0).
func niceCeil(v float64) float64 {
	if !(v > 0) || math.IsInf(v, 0) {
		return 1
	}
	e := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*e {
			return m * e
		}
	}
	return 10 * e
}

// f writes a coordinate to 0.01 unit.
func f(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// esc writes s escaped for XML text and attributes.
func esc(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
}
