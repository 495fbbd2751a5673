package lstm

import (
	"errors"
	"math"
	"slices"
	"strconv"
)

// Update reports one training update.
type Update struct {
	Step     uint64  // the model's update count after this update
	Loss     float64 // mean loss of the window (nats per character, or squared error in normalised units)
	GradNorm float64 // global L2 norm of the gradient before clipping
	Clipped  int     // gradient elements clipped (ClipElement), or 1 if the norm was rescaled (ClipNorm)
	Chars    int     // steps (characters or values) trained in this update
	Wrapped  bool    // the window went back to the start of the data (state reset)
}

// DivergenceError reports a non-finite loss or gradient. The update it stopped
// was not applied: the parameters, the optimizer state, the carried state and
// the position in the data are those after the last finite update.
type DivergenceError struct {
	Step         uint64  // the update that diverged (the model stays at Step−1)
	What         string  // "loss" or "gradient"
	Value        float64 // the offending value (NaN or ±Inf)
	LearningRate float64
}

func (e *DivergenceError) Error() string {
	return "training diverged at update " + strconv.FormatUint(e.Step, 10) + ": the " + e.What + " became " + gstr(e.Value) +
		". The model is kept as it was after update " + strconv.FormatUint(e.Step-1, 10) +
		". Try a smaller learning rate (now " + gstr(e.LearningRate) + "), or turn on gradient clipping."
}

// ErrDiverged matches every *DivergenceError with errors.Is.
var ErrDiverged = errors.New("lstm: training diverged")

// Is reports whether target is ErrDiverged.
func (e *DivergenceError) Is(target error) bool { return target == ErrDiverged }

// Trainer trains a model on data with truncated backpropagation through time:
// windows of Config.SeqLen steps taken in order, the state (h, c) carried from
// one window to the next without carrying gradient, and reset to zero whenever
// the data wraps around. After construction, Step does not allocate.
type Trainer struct {
	m     *Model
	ids   []int32   // Text: the data in the model's vocabulary
	vals  []float64 // Numbers: the data in the model's normalised units
	n     *net
	g     *Params
	opt   Updater
	pos   int         // start of the next window
	h, c  [][]float64 // state carried into the next window, per layer
	scr   *Params     // scratch gradients for Reach, allocated on first use
	reach [][]float64 // Reach's result, per layer (SeqLen)
	zero  []float64   // a zero state (H), the start of the data
}

// NewTrainer returns a trainer of m on d. The data must be of the model's kind;
// a text must use only characters of the model's vocabulary (a loaded model
// keeps its vocabulary), and numbers are normalised with the model's Norm.
func NewTrainer(m *Model, d *Data) (*Trainer, error) {
	if d.Kind != m.Kind {
		return nil, errors.New("lstm: the model reads " + m.Kind.String() + " but the data is " + d.Kind.String())
	}
	if err := m.Config.Validate(); err != nil {
		return nil, err
	}
	t := &Trainer{m: m}
	if d.Kind == Text {
		remap := make([]int32, d.Vocab.Size())
		for i, r := range d.Vocab.runes {
			k, ok := m.Vocab.Index(r)
			if !ok {
				return nil, &UnknownRuneError{Rune: r, Pos: 1 + slices.Index(d.IDs, int32(i))}
			}
			remap[i] = int32(k)
		}
		t.ids = make([]int32, len(d.IDs))
		for i, id := range d.IDs {
			t.ids[i] = remap[id]
		}
	} else {
		t.vals = make([]float64, len(d.Values))
		for i, v := range d.Values {
			t.vals[i] = m.Norm.To(d.Norm.From(v))
		}
	}
	if t.dataLen() < 2 {
		return nil, ErrTooShort
	}
	t.n = newNet(m.Params, m.Kind, m.Config.SeqLen)
	t.g = NewParamsLike(m.Params)
	t.opt = NewUpdater(m.Config, len(m.Params.Data))
	t.h = make([][]float64, m.Config.Layers)
	t.c = make([][]float64, m.Config.Layers)
	for l := range t.h {
		t.h[l] = make([]float64, m.Config.Hidden)
		t.c[l] = make([]float64, m.Config.Hidden)
	}
	t.zero = make([]float64, m.Config.Hidden)
	return t, nil
}

// Model returns the model being trained. It changes with every Step.
func (t *Trainer) Model() *Model { return t.m }

func (t *Trainer) dataLen() int {
	if t.m.Kind == Numbers {
		return len(t.vals)
	}
	return len(t.ids)
}

// window returns the next window's start and length, wrapping to the start of
// the data when a full window no longer fits. A window at the start of the data
// starts from a zero state (see setState); window changes nothing, so that a
// diverging Step leaves the carried state as it was.
func (t *Trainer) window() (p, T int, wrapped bool) {
	T = min(t.m.Config.SeqLen, t.dataLen()-1)
	p = t.pos
	if p+T+1 > t.dataLen() {
		p, wrapped = 0, true
	}
	return p, T, wrapped
}

// setState sets the initial state of the window at p: zero at the start of the
// data, else the state carried from the previous window.
func (t *Trainer) setState(p int) {
	for l := range t.h {
		if p == 0 {
			t.n.setState(l, t.zero, t.zero)
		} else {
			t.n.setState(l, t.h[l], t.c[l])
		}
	}
}

func (t *Trainer) inputAt(p, T int) (in input, targets []int32, values []float64) {
	if t.m.Kind == Numbers {
		return input{dense: t.vals[p : p+T]}, nil, t.vals[p+1 : p+T+1]
	}
	return input{ids: t.ids[p : p+T]}, t.ids[p+1 : p+T+1], nil
}

// Step trains one window: forward, loss, backward, clipping and one optimizer
// update. A non-finite loss or gradient returns a *DivergenceError and changes
// nothing.
func (t *Trainer) Step() (Update, error) { return t.step(nil) }

// step is Step; a non-nil rec (StepRecorded) also records what the update
// does, at a few points that cost nothing when it is nil.
func (t *Trainer) step(rec *record) (Update, error) {
	cfg := &t.m.Config
	p, T, wrapped := t.window()
	in, targets, values := t.inputAt(p, T)
	t.setState(p)
	t.n.forward(in, T)
	loss := t.n.loss(targets, values)
	step := t.m.Updates + 1
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return Update{}, &DivergenceError{Step: step, What: "loss", Value: loss, LearningRate: cfg.LearningRate}
	}
	t.g.Zero()
	t.n.backward(t.g, in, false, nil)
	ss := SumSquares(t.g.Data)
	if math.IsNaN(ss) || math.IsInf(ss, 0) {
		// Σg² is finite exactly when every g is finite and g² cannot overflow in
		// the optimizers' second moments.
		return Update{}, &DivergenceError{Step: step, What: "gradient", Value: ss, LearningRate: cfg.LearningRate}
	}
	norm := math.Sqrt(ss)
	clipped := 0
	if cfg.Clip > 0 {
		if cfg.ClipMode == ClipNorm {
			if ClipGlobalNorm(t.g.Data, norm, cfg.Clip) {
				clipped = 1
			}
		} else {
			clipped = ClipElementwise(t.g.Data, cfg.Clip)
		}
	}
	if rec != nil {
		rec.beforeUpdate(t, p, T)
	}
	t.opt.Update(t.m.Params.Data, t.g.Data)
	t.n.refresh()
	t.m.Updates = step
	for l := range t.h {
		t.n.finalState(l, t.h[l], t.c[l])
	}
	t.pos = p + T
	return Update{Step: step, Loss: loss, GradNorm: norm, Clipped: clipped, Chars: T, Wrapped: wrapped}, nil
}

// SetLearningRate changes the learning rate from the next update on, keeping the
// optimizer state.
func (t *Trainer) SetLearningRate(lr float64) error {
	lrSetting, _ := SettingOf(KeyLR)
	if err := lrSetting.Check(lr); err != nil {
		return err
	}
	t.m.Config.LearningRate = lr
	switch o := t.opt.(type) {
	case *AdamUpdater:
		o.LR = lr
	case *RMSPropUpdater:
		o.LR = lr
	case *SGDUpdater:
		o.LR = lr
	}
	return nil
}

// SetOptimizer switches the update rule from the next update on; the new rule
// starts from a fresh state. The parameters are kept.
func (t *Trainer) SetOptimizer(o Optimizer, momentum float64) error {
	cfg := t.m.Config
	cfg.Optimizer, cfg.Momentum = o, momentum
	if err := cfg.Validate(); err != nil {
		return err
	}
	t.m.Config = cfg
	t.opt = NewUpdater(cfg, len(t.m.Params.Data))
	return nil
}

// SetClip changes gradient clipping from the next update on (limit 0 turns it off).
func (t *Trainer) SetClip(limit float64, mode ClipMode) error {
	cfg := t.m.Config
	cfg.Clip, cfg.ClipMode = limit, mode
	if err := cfg.Validate(); err != nil {
		return err
	}
	t.m.Config = cfg
	return nil
}

// Reach measures how far back the error signal reaches: for the next window
// (from the current carried state, without training on it), it backpropagates
// the loss of the window's last step alone and returns, for every layer l and
// k = 0 … T−1, reach[l][k] = ‖∂L_T/∂h_{T−k}‖ of layer l. A plain RNN's values
// typically fall off geometrically with k (the vanishing gradient); an LSTM's
// much more slowly. The result is reused by the next Reach call.
func (t *Trainer) Reach() [][]float64 {
	cfg := &t.m.Config
	if t.scr == nil {
		t.scr = NewParamsLike(t.m.Params)
		t.reach = make([][]float64, cfg.Layers)
		for l := range t.reach {
			t.reach[l] = make([]float64, cfg.SeqLen)
		}
	}
	// The window Step would take next, without moving the trainer.
	T := min(cfg.SeqLen, t.dataLen()-1)
	p := t.pos
	if p+T+1 > t.dataLen() {
		p = 0
	}
	in, targets, values := t.inputAt(p, T)
	t.setState(p)
	t.n.forward(in, T)
	t.n.loss(targets, values)
	// Keep only the last step's loss L_T: its ∂L/∂y without the 1/T of the mean.
	Y := t.m.Params.Y
	clear(t.n.dy[:(T-1)*Y])
	for v := (T - 1) * Y; v < T*Y; v++ {
		t.n.dy[v] *= float64(T)
	}
	t.scr.Zero()
	t.n.backward(t.scr, in, false, t.reach) // reach[l][s] = ‖∂L_T/∂h_{s+1}‖
	out := make([][]float64, len(t.reach))
	for l := range t.reach {
		out[l] = t.reach[l][:T]
		slices.Reverse(out[l]) // index by distance k = T−1−s
	}
	return out
}
