package cell

import (
	"math"
	"strconv"

	"lstmplayground/wasm/mathtext"
)

// partSpec places one part of a figure.
type partSpec struct {
	id     string
	of     string // the value part whose value and equation an operation repeats
	shape  Shape
	cx, cy float64 // centre
	w, h   float64
	stage  Stage
	scale  scale
	sym    mathtext.Line
	op     string  // operator of a Round part
	note   string  // caption over a Box
	tx, ty float64 // value text of a Round part, relative to the centre
	anchor string
}

// wireSpec joins two parts; the wire carries from's value.
type wireSpec struct {
	from, to string
	pts      []Point
}

// The LSTM cell, read left to right: c^{t−1} along the top through the
// forget ⊙ and the + to c^t; the four z from [x^t; h^{t−1}] at the bottom;
// tanh(c^t) ⊙ z^o to h^t on the right, and y^t under it.
var lstmParts = []partSpec{
	{id: "x", cx: 60, cy: 320, w: 80, h: 40, sym: symX},
	{id: "hprev", cx: 60, cy: 385, w: 80, h: 40, scale: scaleSigned, sym: symHPrev},
	{id: "concat", cx: 375, cy: 350, w: 450, h: 30, sym: symXH},
	{id: "zf", cx: 200, cy: 270, w: 80, h: 44, stage: StageForget, scale: scaleGate, sym: symZf, note: "σ"},
	{id: "zi", cx: 320, cy: 270, w: 80, h: 44, stage: StageSelect, scale: scaleGate, sym: symZi, note: "σ"},
	{id: "z", cx: 440, cy: 270, w: 80, h: 44, stage: StageSelect, scale: scaleSigned, sym: symZ, note: "tanh"},
	{id: "zo", cx: 560, cy: 270, w: 80, h: 44, stage: StageOutput, scale: scaleGate, sym: symZo, note: "σ"},
	{id: "cprev", cx: 60, cy: 60, w: 80, h: 44, stage: StageForget, scale: scaleC, sym: symCPrev},
	{id: "kept", shape: Round, cx: 200, cy: 60, w: 32, h: 32, stage: StageForget, scale: scaleC, sym: eq("z^f ⊙ c^{t−1}"), op: "⊙", ty: -24, anchor: "middle"},
	{id: "write", shape: Round, cx: 380, cy: 150, w: 32, h: 32, stage: StageSelect, scale: scaleC, sym: eq("z^i ⊙ z"), op: "⊙", ty: 34, anchor: "middle"},
	{id: "plus", of: "c", shape: Round, cx: 380, cy: 60, w: 32, h: 32, stage: StageSelect, scale: scaleC, sym: symC, op: "+"},
	{id: "c", cx: 660, cy: 60, w: 80, h: 44, stage: StageSelect, scale: scaleC, sym: symC},
	{id: "tanhc", shape: Round, cx: 560, cy: 130, w: 40, h: 40, stage: StageOutput, scale: scaleSigned, sym: eq("tanh(c^t)"), op: "tanh", tx: 26, ty: 4, anchor: "start"},
	{id: "out", of: "h", shape: Round, cx: 560, cy: 200, w: 32, h: 32, stage: StageOutput, scale: scaleSigned, sym: symH, op: "⊙"},
	{id: "h", cx: 660, cy: 200, w: 80, h: 44, stage: StageOutput, scale: scaleSigned, sym: symH},
	{id: "y", cx: 660, cy: 350, w: 90, h: 44, scale: scaleGate, sym: symY},
}

var lstmWires = []wireSpec{
	{"x", "concat", []Point{{100, 320}, {125, 320}, {125, 345}, {150, 345}}},
	{"hprev", "concat", []Point{{100, 385}, {125, 385}, {125, 355}, {150, 355}}},
	{"concat", "zf", []Point{{200, 335}, {200, 292}}},
	{"concat", "zi", []Point{{320, 335}, {320, 292}}},
	{"concat", "z", []Point{{440, 335}, {440, 292}}},
	{"concat", "zo", []Point{{560, 335}, {560, 292}}},
	{"cprev", "kept", []Point{{100, 60}, {184, 60}}},
	{"zf", "kept", []Point{{200, 248}, {200, 76}}},
	{"kept", "plus", []Point{{216, 60}, {364, 60}}},
	{"zi", "write", []Point{{320, 248}, {320, 150}, {364, 150}}},
	{"z", "write", []Point{{440, 248}, {440, 150}, {396, 150}}},
	{"write", "plus", []Point{{380, 134}, {380, 76}}},
	{"plus", "c", []Point{{396, 60}, {620, 60}}},
	{"c", "tanhc", []Point{{560, 60}, {560, 110}}},
	{"tanhc", "out", []Point{{560, 150}, {560, 184}}},
	{"zo", "out", []Point{{560, 248}, {560, 216}}},
	{"out", "h", []Point{{576, 200}, {620, 200}}},
	{"h", "y", []Point{{660, 222}, {660, 328}}},
}

// The RNN cell: [x^t; h^{t−1}] through one tanh to h^t, and y^t.
var rnnParts = []partSpec{
	{id: "x", cx: 60, cy: 320, w: 80, h: 40, sym: symX},
	{id: "hprev", cx: 60, cy: 385, w: 80, h: 40, scale: scaleSigned, sym: symHPrev},
	{id: "concat", cx: 375, cy: 350, w: 450, h: 30, sym: symXH},
	{id: "rnn", shape: Round, cx: 375, cy: 200, w: 44, h: 44, scale: scaleSigned, sym: symH, op: "tanh", tx: 0, ty: -30, anchor: "middle"},
	{id: "h", cx: 660, cy: 200, w: 80, h: 44, scale: scaleSigned, sym: symH},
	{id: "y", cx: 660, cy: 350, w: 90, h: 44, scale: scaleGate, sym: symY},
}

var rnnWires = []wireSpec{
	{"x", "concat", []Point{{100, 320}, {125, 320}, {125, 345}, {150, 345}}},
	{"hprev", "concat", []Point{{100, 385}, {125, 385}, {125, 355}, {150, 355}}},
	{"concat", "rnn", []Point{{375, 335}, {375, 222}}},
	{"rnn", "h", []Point{{397, 200}, {620, 200}}},
	{"h", "y", []Point{{660, 222}, {660, 328}}},
}

// The three stages' regions.
var bandSpecs = []Band{
	{Stage: StageForget, X: 150, Y: 10, W: 100, H: 314, Fill: "#eef3f8", Line: "#7d95ad"},
	{Stage: StageSelect, X: 270, Y: 10, W: 230, H: 314, Fill: "#f0f6ec", Line: "#7f9c6d"},
	{Stage: StageOutput, X: 510, Y: 96, W: 200, H: 228, Fill: "#f7eff4", Line: "#a57b93"},
}

// valueOf returns the value part id shows, and whether it has one.
func valueOf(s Step, id string) (float64, bool) {
	switch id {
	case "hprev":
		return s.HPrev, true
	case "cprev":
		return s.CPrev, true
	case "zf":
		return s.Zf, true
	case "zi":
		return s.Zi, true
	case "z":
		return s.Z, true
	case "zo":
		return s.Zo, true
	case "kept":
		return s.Kept(), true
	case "write":
		return s.Written(), true
	case "c", "plus":
		return s.C, true
	case "tanhc":
		return math.Tanh(s.C), true
	case "h", "rnn", "out":
		return s.H, true
	case "y":
		return s.P, s.Y != "" && !math.IsNaN(s.P)
	}
	return 0, false
}

// num1 writes a 1-based index.
func num1(i int) string { return strconv.Itoa(i + 1) }
