// Package slowmo is the page's "One update in slow motion", without the
// browser: a Walk through one update's record (protocol.SlowStepResult) in
// numbered stages — 1 the window, 2 the forward pass step by step with each
// step's loss, 3 the update's loss, 4 the gradient going back step by step
// along c and h, 5 the clip, 6 the weight change, 7 done — with each
// stage's caption (Caption), the cell figure's gradient notes (Grad), the
// curve of the stage (Curve, an SVG document) and the weight changes as
// table rows (Changes). Every sentence comes from the page's catalogue
// through a Say function. It is tested natively.
package slowmo

import (
	"math"

	"lstmplayground/lstm"
	"lstmplayground/wasm/cell"
	"lstmplayground/wasm/protocol"
)

// Stage is one of the walk's numbered stages.
type Stage int

const (
	StageWindow  Stage = 1 + iota // the window the update trains on
	StageForward                  // the forward pass, one step at a time
	StageLoss                     // the update's loss, the mean of the steps'
	StageBack                     // the gradient going back, one step at a time
	StageClip                     // gradient clipping
	StageChange                   // the weight change
	StageDone                     // the update counter +1
	Stages       = int(StageDone)
)

// Say returns catalogue message id with its placeholders filled.
type Say func(id string, args ...string) string

// Walk is a position in the slow-motion walk through one update's record,
// for one layer and one unit (those of the cell figure).
type Walk struct {
	R           *protocol.SlowStepResult
	Layer, Unit int
	pos         int
}

// New starts a walk through r at stage 1 for layer l and unit j, clamped
// into range.
func New(r *protocol.SlowStepResult, l, j int) *Walk {
	f := &r.Forward
	return &Walk{R: r, Layer: max(0, min(l, len(f.Layers)-1)), Unit: max(0, min(j, f.H-1))}
}

// T returns the window's steps.
func (w *Walk) T() int { return w.R.Forward.T }

// Len returns the walk's positions: one for each stage, T for the forward
// pass and T for the way back.
func (w *Walk) Len() int { return 2*w.T() + 5 }

// Pos returns the position, 0 … Len()−1.
func (w *Walk) Pos() int { return w.pos }

// At returns the stage of the position and, in the forward and backward
// stages, the step (0-based) it shows; −1 otherwise.
func (w *Walk) At() (Stage, int) {
	T, p := w.T(), w.pos
	switch {
	case p == 0:
		return StageWindow, -1
	case p <= T:
		return StageForward, p - 1
	case p == T+1:
		return StageLoss, -1
	case p <= 2*T+1:
		return StageBack, 2*T + 1 - p // T−1 first: the gradient goes back
	}
	return Stage(int(StageClip) + p - (2*T + 2)), -1
}

// Go moves to position p, clamped; it reports whether the position changed.
func (w *Walk) Go(p int) bool {
	p = max(0, min(p, w.Len()-1))
	moved := p != w.pos
	w.pos = p
	return moved
}

// Next and Prev move one position on or back.
func (w *Walk) Next() bool { return w.Go(w.pos + 1) }
func (w *Walk) Prev() bool { return w.Go(w.pos - 1) }

// Start returns the first position of stage s.
func (w *Walk) Start(s Stage) int {
	T := w.T()
	switch s {
	case StageWindow:
		return 0
	case StageForward:
		return 1
	case StageLoss:
		return T + 1
	case StageBack:
		return T + 2
	}
	return 2*T + 2 + int(s-StageClip)
}

// LSTM reports whether the update is an LSTM's (with c).
func (w *Walk) LSTM() bool { return w.R.Forward.Cell == lstm.CellLSTM }

// grad returns unit j's ∂L/∂c and ∂L/∂h at step t of the walk's layer.
func (w *Walk) grad(t int) (dc, dh float64) {
	g := &w.R.Grads[w.Layer]
	k := t*w.R.Forward.H + w.Unit
	if g.DC != nil {
		dc = float64(g.DC[k])
	}
	return dc, float64(g.DH[k])
}

// Grad returns the cell figure's gradient notes at step t of the way back:
// unit Unit's ∂L/∂c^t and ∂L/∂h^t, and what flows on to step t−1.
func (w *Walk) Grad(t int) cell.Grad {
	var g cell.Grad
	g.DC, g.DH = w.grad(t)
	if t > 0 {
		g.DCPrev, g.DHPrev = w.grad(t - 1)
		g.HasPrev = true
	}
	return g
}

// Norms returns, per step, ‖∂L/∂c^t‖ and ‖∂L/∂h^t‖ over the units of the
// walk's layer (dc nil for the RNN).
func (w *Walk) Norms() (dc, dh []float64) {
	g, H := &w.R.Grads[w.Layer], w.R.Forward.H
	norm := func(v []float32) []float64 {
		if v == nil {
			return nil
		}
		out := make([]float64, w.T())
		for t := range out {
			var s float64
			for _, x := range v[t*H : (t+1)*H] {
				s += float64(x) * float64(x)
			}
			out[t] = math.Sqrt(s)
		}
		return out
	}
	return norm(g.DC), norm(g.DH)
}

// MeanLoss returns the mean of the steps' losses, as the walk shows them.
func (w *Walk) MeanLoss() float64 {
	var s float64
	for _, l := range w.R.StepLoss {
		s += float64(l)
	}
	return s / float64(max(1, len(w.R.StepLoss)))
}
