package protocol

import "fmt"

// Code says which part of the page an Error concerns.
type Code uint8

// Error codes.
const (
	CodeInternal   Code = 0 // a bug: a recovered panic or an impossible state
	CodeBadMessage Code = 1 // a message failed to decode, was sent the wrong way or was dropped
	CodeBadData    Code = 2 // the training text or numbers cannot be used
	CodeBadConfig  Code = 3 // a setting is out of range (Key names it)
	CodeDiverged   Code = 4 // training diverged; the model is kept as it was
	CodeBadModel   Code = 5 // an imported model file is corrupt, truncated, too new or cannot train
	CodeBadProbe   Code = 6 // the probe or prime cannot be used with this model
	CodeNotReady   Code = 7 // the request needs data or a model first
	codeEnd        Code = 8 // one past the last code
)

var codeNames = [...]string{"internal", "bad message", "bad data", "bad config", "diverged", "bad model", "bad probe", "not ready"}

func (c Code) String() string {
	if c < codeEnd {
		return codeNames[c]
	}
	return fmt.Sprintf("Code(%d)", uint8(c))
}

// Reason says what is wrong; the fields of the Error it names hold the numbers.
type Reason uint8

// Error reasons, with the Error fields each one sets.
const (
	ReasonNone            Reason = 0  // nothing more to say
	ReasonBug             Reason = 1  // Token: what went wrong, for a bug report
	ReasonMalformed       Reason = 2  // a message did not decode; Position: the byte, Token: the detail for a bug report
	ReasonVersion         Reason = 3  // the other side speaks another protocol version: Value (theirs), Max (ours)
	ReasonWrongWay        Reason = 4  // a message of the engine's own types was sent to it; Value: the type byte
	ReasonOverflow        Reason = 5  // too many messages at once; some were dropped (their requests are unanswered)
	ReasonNoData          Reason = 6  // there is no training data or no model yet
	ReasonEmpty           Reason = 7  // the text or list is empty
	ReasonWhiteSpace      Reason = 8  // the text is only white space
	ReasonTooLong         Reason = 9  // Value: the characters (or values) given; Max: the limit
	ReasonTooManyDistinct Reason = 10 // Max: the most distinct characters
	ReasonTooShort        Reason = 11 // Min: the fewest symbols or values
	ReasonNumber          Reason = 12 // a number cannot be used: Index (which number), Position (character), Token, Detail (why)
	ReasonUnknownRune     Reason = 13 // Token: the character the model does not know; Position: where (0: not known)
	ReasonOutOfRange      Reason = 14 // Key's setting: Value, and the range Min … Max
	ReasonDiverged        Reason = 15 // Index: the update; Value: the loss or gradient norm it reached; Token: "loss" or "gradient"
	ReasonFormat          Reason = 16 // the model file is damaged or truncated; Position: the byte; Token: the detail for a bug report
	ReasonNewerFormat     Reason = 17 // the model file is of format Value; this engine reads Max
	ReasonCannotTrain     Reason = 18 // the model cannot train on the current text: Token is a character it does not know
	ReasonSuperseded      Reason = 19 // a waiting SnapAt gave way to a newer one or to a new model
	reasonEnd             Reason = 20
)

var reasonNames = [...]string{"none", "bug", "malformed", "version", "wrong way", "overflow", "no data", "empty",
	"white space", "too long", "too many distinct", "too short", "number", "unknown rune", "out of range",
	"diverged", "format", "newer format", "cannot train", "superseded"}

func (r Reason) String() string {
	if r < reasonEnd {
		return reasonNames[r]
	}
	return fmt.Sprintf("Reason(%d)", uint8(r))
}

// Keys of the inputs an Error may name; a setting's key is its key in the
// settings registry.
const (
	KeyText  = "text"  // the training text or numbers
	KeyProbe = "probe" // the probe of a trace
	KeyPrime = "prime" // the start of a sample
	KeyModel = "model" // a model file
)

// Error reports a problem as data: the page words it in the person's terms
// and language. Fields a Reason does not name are zero.
type Error struct {
	ID       uint32  // the request's ID, or 0 (training stopped by itself)
	Gen      uint32  // the generation of the model it concerns (0: none)
	Code     Code    // which part of the page
	Reason   Reason  // what is wrong
	Key      string  // the setting or input (KeyText, a settings key), or ""
	Value    float64 // the value given
	Min, Max float64 // the valid range, or a limit
	Index    int     // which item (1-based), or the update
	Position int     // 1-based character or byte position
	Detail   uint8   // a finer reason (ReasonNumber: lstm's number reason)
	Token    string  // the offending token or character, at most MaxText bytes
}

func (Error) Type() Type { return TypeError }

func (m Error) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u8(uint8(m.Code))
	w.u8(uint8(m.Reason))
	w.str("Key", m.Key, MaxText)
	w.f64(m.Value)
	w.f64(m.Min)
	w.f64(m.Max)
	w.int(m.Index)
	w.int(m.Position)
	w.u8(m.Detail)
	w.str("Token", m.Token, MaxText)
}

func readError(r *reader) Message {
	return Error{ID: r.u32("ID"), Gen: r.u32("Gen"), Code: Code(r.u8("Code")), Reason: Reason(r.u8("Reason")),
		Key: r.str("Key", MaxText), Value: r.f64("Value"), Min: r.f64("Min"), Max: r.f64("Max"),
		Index: r.int("Index"), Position: r.int("Position"), Detail: r.u8("Detail"), Token: r.str("Token", MaxText)}
}

func (m Error) check() error {
	if m.Code >= codeEnd {
		return badShape("Code", "%d is no error code of protocol version %d", uint8(m.Code), Version)
	}
	if m.Reason >= reasonEnd {
		return badShape("Reason", "%d is no error reason of protocol version %d", uint8(m.Reason), Version)
	}
	return nil
}
