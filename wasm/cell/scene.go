package cell

import (
	"math"
	"strconv"
	"sync"

	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/mathtext"
)

// The viewBox of every scene: W × H units, text sizes in the same units.
const (
	ViewW = 720
	ViewH = 450
)

// Stage is the stage of the cell a part belongs to, as the article names them.
type Stage uint8

const (
	StageNone   Stage = iota // inputs, the prediction
	StageForget              // c^{t−1} ⊙ z^f
	StageSelect              // z^i ⊙ z, added to c
	StageOutput              // tanh(c^t) ⊙ z^o
)

// Key returns the catalogue key of the stage's name ("" for StageNone).
func (s Stage) Key() string {
	switch s {
	case StageForget:
		return "cell.stage.forget"
	case StageSelect:
		return "cell.stage.select"
	case StageOutput:
		return "cell.stage.output"
	}
	return ""
}

// Shape is how a part is drawn.
type Shape uint8

const (
	Box   Shape = iota // a value: a rounded box with the symbol and the value
	Round              // an operation: a circle with its operator, the value beside
)

// Point is a position in the viewBox.
type Point struct{ X, Y float64 }

// Part is one node of the figure: a value or an operation.
type Part struct {
	Of         string  // for the + and the output ⊙: the value part ("c", "h") whose value and equation they repeat
	ID         string  // "x", "hprev", "concat", "cprev", "zf", "zi", "z", "zo", "kept", "write", "c", "tanhc", "h", "y", "rnn"
	Shape      Shape   // a Round part is the circle inscribed in its bounds
	X, Y, W, H float64 // bounds
	Stage      Stage
	Symbol     mathtext.Line // the part's symbol (a value) or its product (an operation)
	Op         string        // the operator drawn in a Round part: "⊙", "+", "tanh"
	Note       string        // a small caption over a Box: "σ", "tanh"
	Name       string        // the part's name, in words
	HasValue   bool
	Value      float64
	Text       string          // the value as the page formats it (or the symbol for x^t, y^t)
	TextAt     Point           // where a Round part's value is written
	Anchor     string          // its text-anchor: "start", "middle" or "end"
	Fill, Ink  string          // the colour of the value on its scale, and text that reads on it
	Width      float64         // outline width: 1 … 5 with the value's size on its scale
	Equation   []mathtext.Line // the part's equation with the numbers filled in
}

// Contains reports whether p lies on the part.
func (p *Part) Contains(x, y float64) bool {
	if p.Shape == Round {
		r := p.W / 2
		dx, dy := x-(p.X+r), y-(p.Y+r)
		return dx*dx+dy*dy <= r*r
	}
	return x >= p.X && x <= p.X+p.W && y >= p.Y && y <= p.Y+p.H
}

// Wire carries a value from one part to another along a polyline.
type Wire struct {
	From, To string
	Points   []Point
	Stage    Stage
	Value    float64
	Color    string  // the colour of the value on its scale; a neutral grey for a vector
	Width    float64 // 1 … 5 with the value's size on its scale
}

// Band picks out one stage: a shaded region behind its parts, with its name.
type Band struct {
	Stage      Stage
	X, Y, W, H float64
	Label      string
	Fill, Line string
}

// Legend is one colour scale: a bar from Lo to Hi with its stops.
type Legend struct {
	X, Y, W, H float64
	Label      string
	Lo, Hi     string
	Stops      []string // colours, evenly spaced from Lo to Hi
}

// Scene is the figure as plain data, in the fixed viewBox ViewW × ViewH.
// Parts are in the article's reading order: the order of Describe and of
// keyboard focus.
type Scene struct {
	Title   string
	LSTM    bool
	Bands   []Band
	Wires   []Wire
	Parts   []Part
	Legends []Legend
	Notes   []Note // gradients flowing back (AddGrad); none unless added
}

// Part returns the part with id, or nil.
func (sc *Scene) Part(id string) *Part {
	for i := range sc.Parts {
		if sc.Parts[i].ID == id {
			return &sc.Parts[i]
		}
	}
	return nil
}

// scale is the colour scale of a value.
type scale uint8

const (
	scaleNone   scale = iota // a symbol or a vector: no colour
	scaleSigned              // −1 … 1: h, z, tanh c
	scaleC                   // −CLimit … CLimit: c and its terms
	scaleGate                // 0 … 1: gates and probabilities
)

// palette holds the colour maps of one scene.
type palette struct {
	signed, c, gate *chart.ColorMap
}

// The two colour tables, built once: building one costs more than a scene.
var (
	tablesOnce      sync.Once
	signedMap, gate *chart.ColorMap
)

// newPalette returns the scales of s: c's is the diverging table over
// ±cLimit (a ColorMap's domain can be changed freely).
func newPalette(s Step) palette {
	tablesOnce.Do(func() { signedMap, gate = chart.Diverging(1), chart.Sequential() })
	c := *signedMap
	l := s.cLimit()
	c.Lo, c.Hi = -l, l
	return palette{signed: signedMap, c: &c, gate: gate}
}

// paint returns the colour of v on scale k and a width 1 … 5 for its size.
func (p palette) paint(k scale, v float64) (color string, width float64) {
	var m *chart.ColorMap
	switch k {
	case scaleSigned:
		m = p.signed
	case scaleC:
		m = p.c
	case scaleGate:
		m = p.gate
	default:
		return neutral, 2
	}
	frac := math.Abs(v) / m.Hi
	if k == scaleGate {
		frac = v
	}
	if !(frac >= 0) {
		frac = 0
	}
	return m.CSS(v), 1 + 4*min(1, frac)
}

// neutral is the grey of wires that carry a vector or a symbol.
const neutral = "#8a8a8a"

// ink returns a text colour that reads on the background bg ("#rrggbb").
func ink(bg string) string {
	if len(bg) != 7 {
		return "#1a1a1a"
	}
	var lum float64
	for i, w := range [...]float64{0.2126, 0.7152, 0.0722} {
		n, _ := strconv.ParseUint(bg[1+2*i:3+2*i], 16, 8)
		lum += w * float64(n) / 255
	}
	if lum < 0.5 {
		return "#ffffff"
	}
	return "#1a1a1a"
}
