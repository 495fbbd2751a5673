package lstm

import (
	"math"
	"math/rand/v2"
)

// Layer is a view of one recurrent layer's parameters (or gradients) inside a
// Params slab. Shapes: Wx (X, G·H), U (G·H, H), B (G·H); gate blocks in GateOrder.
type Layer struct {
	X, H, G int
	Wx      []float64 // (X, G·H): row k is the contribution of input unit k
	U       []float64 // (G·H, H): row r is the recurrent weights of pre-activation r
	B       []float64 // (G·H)
}

// Params holds every parameter of a model in one flat slice, Data, with named
// views into it. Gradients use the same type and layout.
type Params struct {
	Cell   Cell
	Data   []float64 // all parameters; the views below alias it
	Layers []Layer
	Wy     []float64 // (Y, H) head weights
	By     []float64 // (Y) head biases
	Y      int       // output width
}

// NewParams returns zeroed parameters for the given cell, number of layers,
// input width x, hidden size h and output width y. It panics on sizes below 1;
// check Config.Validate and Config.ParamCount first for sizes from a person.
func NewParams(cell Cell, layers, x, h, y int) *Params {
	if layers < 1 || x < 1 || h < 1 || y < 1 {
		panic("lstm: NewParams: sizes must be positive")
	}
	g := cell.Gates()
	n := 0
	in := x
	for l := 0; l < layers; l++ {
		n += in*g*h + g*h*h + g*h
		in = h
	}
	n += y*h + y
	p := &Params{Cell: cell, Data: make([]float64, n), Layers: make([]Layer, layers), Y: y}
	off := 0
	take := func(k int) []float64 {
		s := p.Data[off : off+k : off+k]
		off += k
		return s
	}
	in = x
	for l := range p.Layers {
		p.Layers[l] = Layer{X: in, H: h, G: g, Wx: take(in * g * h), U: take(g * h * h), B: take(g * h)}
		in = h
	}
	p.Wy = take(y * h)
	p.By = take(y)
	return p
}

// NewParamsLike returns zeroed parameters with the same shapes as p.
func NewParamsLike(p *Params) *Params {
	l0 := p.Layers[0]
	return NewParams(p.Cell, len(p.Layers), l0.X, l0.H, p.Y)
}

// Hidden returns H.
func (p *Params) Hidden() int { return p.Layers[0].H }

// Zero sets every value to 0.
func (p *Params) Zero() { clear(p.Data) }

// Init fills the parameters: weights uniform in ±√(6/(fan_in+fan_out)) per gate
// block (Glorot and Bengio 2010, as Keras' glorot_uniform) and for the head's Wʸ,
// whose range a plain RNN scales by 0.1 (rnnHeadInitGain); the recurrent U so
// too with InitGlorot, or with orthonormal columns with InitOrthogonal
// (orthogonal); biases 0, and every forget-gate bias bᶠ set to forgetBias (LSTM
// only). Values are drawn from rng in slab order, so one seed gives the same
// parameters everywhere.
func (p *Params) Init(rng *rand.Rand, scheme Init, forgetBias float64) {
	fill := func(s []float64, limit float64) {
		for i := range s {
			s[i] = (2*rng.Float64() - 1) * limit
		}
	}
	for _, L := range p.Layers {
		fill(L.Wx, math.Sqrt(6/float64(L.X+L.H)))
		if scheme == InitOrthogonal {
			orthogonal(rng, L.U, L.G*L.H, L.H)
		} else {
			fill(L.U, math.Sqrt(6/float64(2*L.H)))
		}
		clear(L.B)
		if p.Cell == CellLSTM {
			bf := L.B[gateF*L.H : (gateF+1)*L.H]
			for j := range bf {
				bf[j] = forgetBias
			}
		}
	}
	gain := 1.0
	if p.Cell == CellRNN {
		gain = rnnHeadInitGain
	}
	fill(p.Wy, gain*math.Sqrt(6/float64(p.Hidden()+p.Y)))
	clear(p.By)
}

// orthogonal fills a, a (rows, cols) matrix with rows ≥ cols stored by rows,
// with orthonormal columns: standard normal draws from rng, row by row, then
// modified Gram–Schmidt on the columns, twice over for the rounding ("twice is
// enough"). Keeping the sign of each column as Gram–Schmidt leaves it is the
// QR convention of Keras' Orthogonal (Q times the signs of R's diagonal), so
// that the result is uniformly distributed over such matrices.
func orthogonal(rng *rand.Rand, a []float64, rows, cols int) {
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	for j := range cols {
		for range 2 {
			for k := range j {
				d := 0.0
				for i := range rows {
					d += a[i*cols+j] * a[i*cols+k]
				}
				for i := range rows {
					a[i*cols+j] -= d * a[i*cols+k]
				}
			}
		}
		n := 0.0
		for i := range rows {
			n += a[i*cols+j] * a[i*cols+j]
		}
		n = math.Sqrt(n)
		for i := range rows {
			a[i*cols+j] /= n
		}
	}
}

// rnnHeadInitGain scales the Glorot range of a plain RNN's initial head
// weights Wʸ, so that the untrained model predicts almost uniformly and its loss
// starts at ≈ ln V, as with min-char-rnn's small head (0.01·N(0,1)). With the
// full Glorot range a plain RNN's h (|h| ≈ 0.6) gave logits of spread ≈ 0.9 and
// an untrained loss 6–13% above ln V for V ≤ 5; with 0.1 it is within 1%.
//
// An LSTM's h = zᵒ ⊙ tanh(c) starts small, so its head takes the full Glorot
// range, as Keras' Dense layer (and the TensorFlow.js peer) do: its untrained
// loss stays within 2.3% of ln V (TestUntrainedLossIsLnV), and it learns more
// per character than with the 0.1 range. On the standard workload (H = 64,
// BenchmarkLoss20k, seeds 1–5) the loss after 20,000 characters went from a
// median of 2.132 to 2.038; the small head's gradients, scaled by Wʸ on their way
// back into h, had slowed the recurrent layer's start.
const rnnHeadInitGain = 0.1

// newRand returns the package's deterministic generator for a seed.
func newRand(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}

// Random streams, so that initialisation and sampling never share draws.
const (
	streamInit   = 0x696e6974 // "init"
	streamSample = 0x73616d70 // "samp"
)
