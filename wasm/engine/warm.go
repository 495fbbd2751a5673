package engine

import (
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// warmUp is a warm-up under way (protocol.Warm): a throwaway model of the
// current configuration, trained on the current data while the engine does
// not train, so that the browser compiles the training code to its fastest
// form before the person trains.
type warmUp struct {
	id      uint32        // the Warm's ID, answered with Status when the warm-up stops
	gen     uint32        // the model it was asked about: a new one ends it
	left    time.Duration // training time still to spend
	trainer *lstm.Trainer // the throwaway model's
}

// startWarm begins the warm-up m asks for. A warm-up under way is answered
// first (the new one replaces it); with no model, or while training, the
// Warm is answered at once.
func (e *Engine) startWarm(m protocol.Warm) []protocol.Message {
	var out []protocol.Message
	if e.warm != nil {
		out = append(out, e.endWarm())
	}
	t := e.throwaway()
	if t == nil {
		return append(out, e.status(m.ID))
	}
	e.warm = &warmUp{id: m.ID, gen: e.gen, left: time.Duration(m.Millis) * time.Millisecond, trainer: t}
	return out
}

// throwaway returns the trainer of a new model of the current model's
// configuration on the current data, or nil when there is nothing to warm
// (no model yet, or training under way).
func (e *Engine) throwaway() *lstm.Trainer {
	if e.model == nil || e.data == nil || e.Running() {
		return nil
	}
	m, err := lstm.NewModel(e.model.Config, e.data)
	if err != nil {
		return nil
	}
	t, err := lstm.NewTrainer(m, e.data)
	if err != nil {
		return nil
	}
	return t
}

// Warming reports whether a warm-up waits for its next chunk (WarmSafely):
// one is under way and the engine does not train.
func (e *Engine) Warming() bool { return e.warm != nil && !e.Running() }

// WarmSafely trains the warm-up's throwaway model until the deadline or
// until its time is spent, and then answers the Warm. A panic ends the
// warm-up with an Error answering it.
func (e *Engine) WarmSafely(deadline time.Time, now func() time.Time) []protocol.Message {
	w := e.warm
	e.warm = nil // until the chunk has run: a panic leaves no warm-up behind
	return e.safely(w.id, func() []protocol.Message {
		start := now()
		for {
			if _, err := w.trainer.Step(); err != nil { // a throwaway model that diverged: warm enough
				w.left = 0
				break
			}
			e.warmed++
			t := now()
			if t.Sub(start) >= w.left || !t.Before(deadline) {
				w.left -= t.Sub(start)
				break
			}
		}
		e.warm = w
		if w.left <= 0 {
			return one(e.endWarm())
		}
		return nil
	})
}

// endWarm ends the warm-up under way and returns its answer.
func (e *Engine) endWarm() protocol.Message {
	id := e.warm.id
	e.warm = nil
	return e.status(id)
}
