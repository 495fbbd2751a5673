package engine

import (
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// slowStep answers SlowStep: one update, the very one Step makes, with its
// record; then the Progress (ID 0) that says the model moved on. While
// training runs it changes nothing and refuses.
func (e *Engine) slowStep(id uint32, now time.Time) []protocol.Message {
	if e.trainer == nil {
		return one(e.notReady(id))
	}
	if e.Running() {
		return one(e.refuse(id, protocol.CodeNotReady, protocol.ReasonRunning, ""))
	}
	u, rec, err := e.trainer.StepRecorded()
	if out := e.took(id, u, err); out != nil {
		return out // diverged: the Error answers the SlowStep
	}
	out := []protocol.Message{e.slowResult(id, rec)}
	out = append(out, e.snapDue()...)
	return append(out, e.progress(0, now))
}

// slowResult turns an update's record into its message.
func (e *Engine) slowResult(id uint32, rec *lstm.UpdateRecord) protocol.SlowStepResult {
	m := e.model
	cfg := m.Config
	res := protocol.SlowStepResult{ID: id, Gen: e.gen, Update: rec.Update.Step,
		Forward: e.slowForward(id, rec), StepLoss: f32(rec.StepLoss), Loss: rec.Update.Loss,
		Grads: make([]protocol.StateGrads, len(rec.DH)), Reach: make([][]float32, len(rec.Reach)),
		GradNorm: rec.GradNorm, ClippedNorm: rec.ClippedNorm, Clip: cfg.Clip, ClipMode: cfg.ClipMode, Clipped: rec.Update.Clipped,
		Changes: make([]protocol.WeightChange, len(rec.Changes))}
	if m.Kind == lstm.Numbers {
		res.TargetValues = make([]float32, len(rec.TargetValues))
		for t, v := range rec.TargetValues {
			res.TargetValues[t] = float32(m.Norm.From(v))
		}
	} else {
		res.Targets = []rune(m.Vocab.Decode(rec.Targets))
	}
	for l := range rec.DH {
		res.Grads[l].DH = f32(rec.DH[l])
		if rec.DC != nil {
			res.Grads[l].DC = f32(rec.DC[l])
		}
		res.Reach[l] = f32(rec.Reach[l])
	}
	for i, c := range rec.Changes {
		res.Changes[i] = protocol.WeightChange{Matrix: c.Matrix, Layer: c.Layer, Norm: c.Norm, Delta: c.Delta, MaxDelta: c.MaxDelta}
	}
	return res
}

// slowForward is the record's forward pass as a trace of the window: its
// inputs, each step's states and gates, and the probability of each step's
// target (PNext) or the prediction (Pred).
func (e *Engine) slowForward(id uint32, rec *lstm.UpdateRecord) protocol.TraceResult {
	m := e.model
	tr := &rec.Trace
	res := protocol.TraceResult{ID: id, Gen: e.gen, Update: rec.Update.Step - 1, Kind: m.Kind, Cell: tr.Cell, T: tr.T, H: tr.H,
		Layers: make([]protocol.LayerTrace, len(tr.Layers))}
	pr := &lstm.Probe{Trace: *tr, Input: rec.Inputs, Output: rec.Output}
	traceLayers(res.Layers, pr)
	if m.Kind == lstm.Numbers {
		res.Values, res.Pred = make([]float32, tr.T), make([]float32, tr.T)
		for t := range tr.T {
			res.Values[t] = float32(m.Norm.From(rec.InValues[t]))
			res.Pred[t] = float32(m.Norm.From(rec.Output[t]))
		}
		return res
	}
	e.traceText(&res, pr)
	V := m.Vocab.Size()
	for t, k := range rec.Targets {
		res.PNext[t] = float32(rec.Output[t*V+int(k)])
	}
	return res
}
