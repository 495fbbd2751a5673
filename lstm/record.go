package lstm

import (
	"math"
	"slices"
)

// UpdateRecord is one training update seen in slow motion
// (Trainer.StepRecorded): the window it trained on, the forward pass and the
// loss at each step, the gradient reaching c and h at each step on the way
// back, the clipping and the change of every weight matrix. Its numbers are
// those of the update the trainer applied.
type UpdateRecord struct {
	Update Update // as Step reports it; Update.Loss is the mean of StepLoss

	// The window: positions Start … Start+T in the data. Text: Inputs and
	// Targets are indices in the model's vocabulary (Targets[t] is the symbol
	// after Inputs[t]); Numbers: InValues and TargetValues in the model's
	// normalised units.
	Start           int
	Inputs, Targets []int32
	InValues        []float64
	TargetValues    []float64

	Trace    Trace     // the forward pass, from the window's initial state (row 0)
	StepLoss []float64 // (T) the loss at each step
	// Output (T, Y): Text: the probability of each next symbol at each step;
	// Numbers: the prediction, in the model's normalised units.
	Output []float64

	// The gradient of the window's loss L reaching the states on the way back,
	// per layer, (T, H) row-major for t = 1 … T: ∂L/∂h_t and ∂L/∂c_t (c nil
	// for the RNN).
	DH, DC [][]float64

	// Reach is Trainer.Reach of this window before the update: per layer,
	// ‖∂L_T/∂h_{T−k}‖ for k = 0 … T−1, the last step's loss alone.
	Reach [][]float64

	GradNorm    float64 // ‖∇L‖ before clipping (Update.GradNorm)
	ClippedNorm float64 // ‖∇L‖ after clipping: the gradient the optimizer used

	Changes []WeightChange // every weight matrix, layer by layer, then the head
}

// Matrix names a weight matrix of a model.
type Matrix uint8

const (
	MatrixWx Matrix = iota // a layer's input weights
	MatrixU                // a layer's recurrent weights
	MatrixB                // a layer's biases
	MatrixWy               // the head's weights
	MatrixBy               // the head's biases
)

// WeightChange is how much one update moved one weight matrix.
type WeightChange struct {
	Matrix   Matrix
	Layer    int     // the layer (0 for the head)
	Norm     float64 // ‖W‖ before the update (Frobenius)
	Delta    float64 // ‖ΔW‖
	MaxDelta float64 // the largest |Δw| of one weight
}

// Relative returns ‖ΔW‖/‖W‖, or 0 for a matrix that was all zeros.
func (c WeightChange) Relative() float64 {
	if c.Norm == 0 {
		return 0
	}
	return c.Delta / c.Norm
}

// record is what net and Trainer.step fill in for StepRecorded.
type record struct {
	stepLoss []float64
	dh, dc   [][]float64
	before   []float64 // the parameters before the optimizer's update
	out      *UpdateRecord
}

// StepRecorded is Step, the very same update, and also returns its record.
// Normal training uses Step, which records nothing; StepRecorded allocates the
// record (and runs Reach on the window first, which changes no parameter).
func (t *Trainer) StepRecorded() (Update, *UpdateRecord, error) {
	reach := t.Reach()
	for l := range reach {
		reach[l] = slices.Clone(reach[l])
	}
	_, T, _ := t.window()
	H := t.m.Config.Hidden
	r := &record{stepLoss: make([]float64, T), out: &UpdateRecord{Reach: reach}}
	r.dh = make([][]float64, len(t.h))
	r.dc = make([][]float64, len(t.h))
	for l := range r.dh {
		r.dh[l] = make([]float64, T*H)
		if t.m.Config.Cell == CellLSTM {
			r.dc[l] = make([]float64, T*H)
		}
	}
	t.n.rec = r
	u, err := t.step(r)
	t.n.rec = nil
	if err != nil {
		return u, nil, err
	}
	out := r.out
	out.Update, out.GradNorm, out.StepLoss, out.DH = u, u.GradNorm, r.stepLoss, r.dh
	if t.m.Config.Cell == CellLSTM {
		out.DC = r.dc
	}
	out.Changes = weightChanges(r.before, t.m.Params)
	return u, out, nil
}

// stateGrads records ∂L/∂h_t and ∂L/∂c_t of layer l at step t (0-based) as
// layerBackward reaches it: the gradient from above and from step t+1.
func (r *record) stateGrads(l, t int, lt *LayerTrace, dhAbove, dhNext, dcNext []float64) {
	H := len(dhNext)
	dh := r.dh[l][t*H : (t+1)*H]
	for j := range dh {
		dh[j] = dhAbove[j] + dhNext[j]
	}
	if r.dc[l] == nil {
		return
	}
	dc := r.dc[l][t*H : (t+1)*H]
	zo := lt.Gates[(4*t+gateO)*H : (4*t+gateO+1)*H]
	tc := lt.TanhC[t*H : (t+1)*H]
	for j := range dc {
		dc[j] = dcNext[j] + dh[j]*zo[j]*(1-tc[j]*tc[j]) // as lstmStepBack
	}
}

// beforeUpdate records the window, the forward pass, the clipped gradient's
// norm and the parameters, just before the optimizer moves them.
func (r *record) beforeUpdate(t *Trainer, p, T int) {
	out := r.out
	out.Start = p
	if t.m.Kind == Numbers {
		out.InValues = slices.Clone(t.vals[p : p+T])
		out.TargetValues = slices.Clone(t.vals[p+1 : p+T+1])
	} else {
		out.Inputs = slices.Clone(t.ids[p : p+T])
		out.Targets = slices.Clone(t.ids[p+1 : p+T+1])
	}
	out.Trace = t.n.tr.clone(T)
	if t.m.Kind == Numbers {
		out.Output = slices.Clone(t.n.y[:T*t.m.Params.Y])
	} else {
		out.Output = slices.Clone(t.n.prob[:T*t.m.Params.Y])
	}
	out.ClippedNorm = math.Sqrt(SumSquares(t.g.Data))
	r.before = slices.Clone(t.m.Params.Data)
}

// clone returns a copy of the first T steps of the trace.
func (tr *Trace) clone(T int) Trace {
	c := Trace{Cell: tr.Cell, T: T, H: tr.H, Layers: make([]LayerTrace, len(tr.Layers))}
	H := tr.H
	for l, lt := range tr.Layers {
		c.Layers[l].H = slices.Clone(lt.H[:(T+1)*H])
		if lt.Gates != nil {
			c.Layers[l].Gates = slices.Clone(lt.Gates[:T*4*H])
			c.Layers[l].C = slices.Clone(lt.C[:(T+1)*H])
			c.Layers[l].TanhC = slices.Clone(lt.TanhC[:T*H])
		}
	}
	return c
}

// weightChanges compares every matrix of p with the same matrix in before,
// a copy of p.Data from before the update.
func weightChanges(before []float64, p *Params) []WeightChange {
	old := NewParamsLike(p)
	copy(old.Data, before)
	var out []WeightChange
	for l := range p.Layers {
		a, b := &old.Layers[l], &p.Layers[l]
		out = append(out, change(MatrixWx, l, a.Wx, b.Wx), change(MatrixU, l, a.U, b.U), change(MatrixB, l, a.B, b.B))
	}
	return append(out, change(MatrixWy, 0, old.Wy, p.Wy), change(MatrixBy, 0, old.By, p.By))
}

func change(m Matrix, l int, before, after []float64) WeightChange {
	c := WeightChange{Matrix: m, Layer: l}
	var n2, d2 float64
	for i, w := range before {
		d := after[i] - w
		n2 += w * w
		d2 += d * d
		c.MaxDelta = max(c.MaxDelta, math.Abs(d))
	}
	c.Norm, c.Delta = math.Sqrt(n2), math.Sqrt(d2)
	return c
}
