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
	// Turn and Turns: engines that rest take turns, one after the other,
	// rather than each resting on its own clock, so that they never train at
	// the same time (while both do, the page has no core left). Each keeps
	// to its own window of the wall clock: of every period of chunk×100/(100
	// − Rest), the chunk-long window at Turn/Turns of it. Turns 0 or 1: no
	// turns, the engine rests after each chunk as long as Rest says.
	Turn, Turns uint8
}

// MaxRest is the most an engine may rest, in percent of its time: it must
// still train.
const MaxRest = 90

// MaxTurns is the most engines that may take turns.
const MaxTurns = 8

func (SetPace) Type() Type { return TypeSetPace }

// WithID returns the request with its ID set to id.
func (m SetPace) WithID(id uint32) Request { m.ID = id; return m }

func (m SetPace) put(w *writer) {
	w.u32(m.ID)
	w.u8(m.Rest)
	w.u8(m.Turn)
	w.u8(m.Turns)
}

func readSetPace(r *reader) Message {
	return SetPace{ID: r.u32("ID"), Rest: r.u8("Rest"), Turn: r.u8("Turn"), Turns: r.u8("Turns")}
}

func (m SetPace) check() error {
	switch {
	case m.Rest > MaxRest:
		return badShape("Rest", "more than MaxRest, 90%")
	case m.Turns > MaxTurns:
		return badShape("Turns", "more than MaxTurns, 8")
	case m.Turns > 1 && m.Turn >= m.Turns:
		return badShape("Turn", "not less than Turns")
	case m.Turns <= 1 && m.Turn != 0:
		return badShape("Turn", "set without Turns")
	}
	return nil
}
