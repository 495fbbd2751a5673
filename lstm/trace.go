package lstm

// Trace records a forward pass over T steps: for every layer and step the gate
// activations, the cell state and the hidden state. The same record serves
// backpropagation through time and the playground's charts. All slices are
// row-major with one row per step; rows of C and H are offset by one, because row
// 0 holds the initial state c_0, h_0.
type Trace struct {
	Cell   Cell
	T, H   int // steps recorded, hidden units
	Layers []LayerTrace
}

// LayerTrace is one layer's part of a Trace.
type LayerTrace struct {
	Gates []float64 // LSTM (T, 4·H): zⁱ, zᶠ, z, zᵒ of each step, in GateOrder; nil for the RNN
	C     []float64 // LSTM (T+1, H): c_0 … c_T; nil for the RNN
	TanhC []float64 // LSTM (T, H): tanh(c_t); nil for the RNN
	H     []float64 // (T+1, H): h_0 … h_T
}

func newTrace(cell Cell, layers, tmax, h int) Trace {
	tr := Trace{Cell: cell, T: tmax, H: h, Layers: make([]LayerTrace, layers)}
	for l := range tr.Layers {
		lt := &tr.Layers[l]
		lt.H = make([]float64, (tmax+1)*h)
		if cell == CellLSTM {
			lt.Gates = make([]float64, tmax*4*h)
			lt.C = make([]float64, (tmax+1)*h)
			lt.TanhC = make([]float64, tmax*h)
		}
	}
	return tr
}

func (lt *LayerTrace) gate(t, g, h int) []float64 {
	if lt.Gates == nil {
		return nil
	}
	off := (4*t + g) * h
	return lt.Gates[off : off+h : off+h]
}

// Zi returns zⁱ at step t (0-based) of layer l, or nil for the RNN. The slice
// aliases the trace.
func (tr *Trace) Zi(l, t int) []float64 { return tr.Layers[l].gate(t, gateI, tr.H) }

// Zf returns zᶠ at step t of layer l, or nil for the RNN.
func (tr *Trace) Zf(l, t int) []float64 { return tr.Layers[l].gate(t, gateF, tr.H) }

// Z returns the candidate z at step t of layer l, or nil for the RNN.
func (tr *Trace) Z(l, t int) []float64 { return tr.Layers[l].gate(t, gateZ, tr.H) }

// Zo returns zᵒ at step t of layer l, or nil for the RNN.
func (tr *Trace) Zo(l, t int) []float64 { return tr.Layers[l].gate(t, gateO, tr.H) }

// C returns c_t of layer l for t = 0 … T (c_0 is the initial state), or nil for the RNN.
func (tr *Trace) C(l, t int) []float64 {
	if tr.Layers[l].C == nil {
		return nil
	}
	return tr.Layers[l].C[t*tr.H : (t+1)*tr.H]
}

// Hid returns h_t of layer l for t = 0 … T (h_0 is the initial state).
func (tr *Trace) Hid(l, t int) []float64 {
	return tr.Layers[l].H[t*tr.H : (t+1)*tr.H]
}

// StateKind names a state vector for an Intervention.
type StateKind uint8

const (
	StateC StateKind = 0 // the cell state c (LSTM only)
	StateH StateKind = 1 // the hidden state h
)

// Intervention clamps one unit of c or h to a value at every step of a forward
// pass (Value 0 zeroes it). A clamped c also changes h_t = zᵒ ⊙ tanh(c_t).
type Intervention struct {
	Layer int
	State StateKind
	Unit  int
	Value float64
}
