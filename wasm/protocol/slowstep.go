package protocol

import (
	"strconv"

	"lstmplayground/lstm"
)

// SlowStep makes one update, exactly as Step does, and answers with its
// record, a SlowStepResult, for the page to show in slow motion; the Progress
// that follows has ID 0. It is refused (CodeNotReady, ReasonRunning) while
// training runs: the update it shows must be the one the model then has.
type SlowStep struct {
	ID uint32
}

// SlowStepResult answers SlowStep with one update's record
// (lstm.UpdateRecord): the window, the forward pass, the loss at each step,
// the gradient reaching h and c at each step on the way back, the clipping
// and each weight matrix's change. Every number is the update's own; the
// model now is the model after it.
type SlowStepResult struct {
	ID     uint32
	Gen    uint32 // the model's generation
	Update uint64 // the model's update count after this update

	// Forward is the window's forward pass with the weights before the
	// update, from the state carried in (C0, H0): Symbols (text) or Values
	// (numbers) are its inputs, PNext the probability the model gave each
	// step's target (Top, TopP its best guess), Pred its predictions. Its
	// ID, Gen and Update are those above.
	Forward      TraceResult
	Targets      []rune    // Text (T): the symbol after each input, which step t is scored on
	TargetValues []float32 // Numbers (T): the value after each input, in the person's units
	StepLoss     []float32 // (T): the loss of each step
	Loss         float64   // the update's loss: the mean of StepLoss

	Grads []StateGrads // per layer
	Reach [][]float32  // per layer: ‖∂L_T/∂h_{T−k}‖, k = 0 … T−1, the last step's loss alone (as ReachResult)

	GradNorm    float64 // ‖∇L‖ before clipping
	ClippedNorm float64 // ‖∇L‖ after clipping: what the optimizer used
	Clip        float64 // the clipping limit (0: off)
	ClipMode    lstm.ClipMode
	Clipped     int // gradient elements clipped (element-wise), or 1 if the norm was rescaled

	Changes []WeightChange // every weight matrix, layer by layer, then the head
}

// StateGrads is one layer's gradient of the window's loss reaching its
// states: (T, H) row-major for t = 1 … T. DC is nil for the plain RNN.
type StateGrads struct {
	DH, DC []float32 // ∂L/∂h_t, ∂L/∂c_t
}

// WeightChange is how much the update moved one weight matrix
// (lstm.WeightChange).
type WeightChange struct {
	Matrix   lstm.Matrix
	Layer    int     // 0-based; 0 for the head
	Norm     float64 // ‖W‖ before
	Delta    float64 // ‖ΔW‖
	MaxDelta float64 // the largest |Δw|
}

// maxChanges bounds SlowStepResult.Changes: three matrices a layer and the head's two.
const maxChanges = 3*lstm.MaxLayers + 2

func (SlowStep) Type() Type       { return TypeSlowStep }
func (SlowStepResult) Type() Type { return TypeSlowStepResult }

func (m SlowStep) put(w *writer) { w.u32(m.ID) }
func (SlowStep) check() error    { return nil }

func (m SlowStepResult) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u64(m.Update)
	m.Forward.put(w)
	w.runes("Targets", m.Targets, lstm.MaxSeqLen)
	w.f32s("TargetValues", m.TargetValues, lstm.MaxSeqLen)
	w.f32s("StepLoss", m.StepLoss, lstm.MaxSeqLen)
	w.f64(m.Loss)
	if w.count("Grads", len(m.Grads), lstm.MaxLayers, "layers") {
		w.list = "Grads"
		for l := range m.Grads {
			w.idx = l
			w.f32s("DH", m.Grads[l].DH, maxTraceValues)
			w.f32s("DC", m.Grads[l].DC, maxTraceValues)
		}
		w.list = ""
	}
	if w.count("Reach", len(m.Reach), lstm.MaxLayers, "layers") {
		w.list = "Reach"
		for l, v := range m.Reach {
			w.idx = l
			w.f32s("Reach", v, lstm.MaxSeqLen)
		}
		w.list = ""
	}
	w.f64(m.GradNorm)
	w.f64(m.ClippedNorm)
	w.f64(m.Clip)
	w.u8(uint8(m.ClipMode))
	w.int(m.Clipped)
	if w.count("Changes", len(m.Changes), maxChanges, "matrices") {
		for _, c := range m.Changes {
			w.u8(uint8(c.Matrix))
			w.int(c.Layer)
			w.f64(c.Norm)
			w.f64(c.Delta)
			w.f64(c.MaxDelta)
		}
	}
}

func readSlowStepResult(r *reader) Message {
	m := SlowStepResult{ID: r.u32("ID"), Gen: r.u32("Gen"), Update: r.u64("Update")}
	m.Forward = readTraceResult(r).(TraceResult)
	m.Targets = r.runes("Targets", lstm.MaxSeqLen)
	m.TargetValues = r.f32s("TargetValues", lstm.MaxSeqLen)
	m.StepLoss = r.f32s("StepLoss", lstm.MaxSeqLen)
	m.Loss = r.f64("Loss")
	if n, ok := r.count("Grads", lstm.MaxLayers, 2*4, "layers"); ok && n > 0 {
		m.Grads = make([]StateGrads, n)
		r.list = "Grads"
		for l := range m.Grads {
			r.idx = l
			m.Grads[l].DH = r.f32s("DH", maxTraceValues)
			m.Grads[l].DC = r.f32s("DC", maxTraceValues)
		}
		r.list, r.idx = "", -1
	}
	if n, ok := r.count("Reach", lstm.MaxLayers, 4, "layers"); ok && n > 0 {
		m.Reach = make([][]float32, n)
		r.list = "Reach"
		for l := range m.Reach {
			r.idx = l
			m.Reach[l] = r.f32s("Reach", lstm.MaxSeqLen)
		}
		r.list, r.idx = "", -1
	}
	m.GradNorm, m.ClippedNorm, m.Clip = r.f64("GradNorm"), r.f64("ClippedNorm"), r.f64("Clip")
	m.ClipMode = lstm.ClipMode(r.u8("ClipMode"))
	m.Clipped = r.int("Clipped")
	if n, ok := r.count("Changes", maxChanges, 1+4*8, "matrices"); ok && n > 0 {
		m.Changes = make([]WeightChange, n)
		for i := range m.Changes {
			c := &m.Changes[i]
			c.Matrix, c.Layer = lstm.Matrix(r.u8("Matrix")), r.int("Layer")
			c.Norm, c.Delta, c.MaxDelta = r.f64("Norm"), r.f64("Delta"), r.f64("MaxDelta")
		}
	}
	return m
}

// check verifies the shapes: a valid forward pass, and every per-step array
// as long as its window, every per-layer list as long as its layers.
func (m SlowStepResult) check() error {
	f := &m.Forward
	if err := f.check(); err != nil {
		if se, ok := err.(*shapeError); ok {
			return badShape("Forward."+se.field, se.detail)
		}
		return err
	}
	T, L := f.T, len(f.Layers)
	text, numbers := T, 0
	if f.Kind == lstm.Numbers {
		text, numbers = 0, T
	}
	if err := checkLen("Targets", m.Targets, text); err != nil {
		return err
	}
	if err := checkLen("TargetValues", m.TargetValues, numbers); err != nil {
		return err
	}
	if err := checkLen("StepLoss", m.StepLoss, T); err != nil {
		return err
	}
	if err := checkLen("Grads", m.Grads, L); err != nil {
		return err
	}
	dc := T * f.H
	if f.Cell == lstm.CellRNN {
		dc = 0
	}
	for l, g := range m.Grads {
		if len(g.DH) != T*f.H || len(g.DC) != dc {
			return badShape(fieldName("Grads", l, "DH"), strconv.Itoa(len(g.DH))+" and "+strconv.Itoa(len(g.DC))+" values, want "+strconv.Itoa(T*f.H)+" and "+strconv.Itoa(dc)+" for "+f.Cell.String()+" with T="+strconv.Itoa(T)+", H="+strconv.Itoa(f.H))
		}
	}
	if err := checkLen("Reach", m.Reach, L); err != nil {
		return err
	}
	for l, v := range m.Reach {
		if len(v) != T {
			return badShape(fieldName("Reach", l, "Reach"), "has "+strconv.Itoa(len(v))+" values, want "+strconv.Itoa(T))
		}
	}
	if m.ClipMode != lstm.ClipElement && m.ClipMode != lstm.ClipNorm {
		return badShape("ClipMode", strconv.Itoa(int(m.ClipMode))+" is no clipping mode")
	}
	for _, c := range m.Changes {
		if c.Matrix > lstm.MatrixBy {
			return badShape("Changes", "matrix "+strconv.Itoa(int(c.Matrix))+" is none of Wx, U, B, Wy, By")
		}
	}
	return nil
}
