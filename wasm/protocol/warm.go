package protocol

// Warm asks the engine to run its training code for a while on a throwaway
// model, so that the browser has compiled that code to its fastest form
// before the person trains. WebAssembly starts in a baseline compiler and
// optimises a function only once it has run for a while: in Chromium a fresh
// engine trained at a third to two thirds of its speed for its first ~150 ms
// of training. The compiled code is the module's, so an engine started later
// from the same module (a comparison's) starts fast too.
//
// The throwaway model is made afresh from the current model's configuration
// and data and dropped after: nothing the person has changes. The engine
// warms only while it does not train, in chunks like training, and stops
// early when training starts (Train) or the model is replaced. It answers
// with Status once it has stopped; with no model yet, or while training, it
// answers at once. Diagnostics counts the updates it trained (Warmed).
type Warm struct {
	ID uint32
	// Millis is how long to train the throwaway model, in milliseconds of
	// the engine's time: 1 up to MaxWarm.
	Millis uint32
}

// MaxWarm is the longest warm-up, in milliseconds.
const MaxWarm = 2000

func (Warm) Type() Type { return TypeWarm }

// WithID returns the request with its ID set to id.
func (m Warm) WithID(id uint32) Request { m.ID = id; return m }

func (m Warm) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Millis)
}

func readWarm(r *reader) Message {
	return Warm{ID: r.u32("ID"), Millis: r.u32("Millis")}
}

func (m Warm) check() error {
	if m.Millis < 1 || m.Millis > MaxWarm {
		return badShape("Millis", "out of range 1..MaxWarm, 2000")
	}
	return nil
}
