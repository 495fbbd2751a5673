package protocol

// SetPace says how much of its time the engine rests while training runs,
// answered with Status. The page asks for rest when it runs more training
// engines than the machine has cores to spare (see package client's Rest),
// so that the engines together leave the page a core to paint on. Rest
// applies from the next chunk of training and lasts until the next SetPace;
// a new engine starts with none.
type SetPace struct {
	ID uint32
	// Rest is the share of its time, in percent, the engine rests between
	// its chunks of training: 0 (none, as a new engine) up to MaxRest. At 50
	// it rests as long as each chunk took.
	Rest uint8
}

// MaxRest is the most an engine may rest, in percent of its time: it must
// still train.
const MaxRest = 90

func (SetPace) Type() Type { return TypeSetPace }

// WithID returns the request with its ID set to id.
func (m SetPace) WithID(id uint32) Request { m.ID = id; return m }

func (m SetPace) put(w *writer) {
	w.u32(m.ID)
	w.u8(m.Rest)
}

func readSetPace(r *reader) Message {
	return SetPace{ID: r.u32("ID"), Rest: r.u8("Rest")}
}

func (m SetPace) check() error {
	if m.Rest > MaxRest {
		return badShape("Rest", "more than MaxRest, 90%")
	}
	return nil
}
