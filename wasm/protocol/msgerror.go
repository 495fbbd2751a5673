package protocol

import "strconv"

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
	return "Code(" + strconv.Itoa(int(c)) + ")"
}

// Reason says what is wrong; the fields of the Error it names hold the
// numbers. Where lstm has a typed error, the fields are that error's, so
// that the page can word it as it words lstm's errors (wasm/words).
type Reason uint8

// Error reasons, with the Error fields each one sets.
const (
	ReasonNone            Reason = 0  // nothing more to say
	ReasonBug             Reason = 1  // Token: what went wrong, for a bug report
	ReasonMalformed       Reason = 2  // a message did not decode; Position: the byte; Token: the detail, for a bug report
	ReasonVersion         Reason = 3  // the page speaks another protocol version: Have (its), Limit (the engine's)
	ReasonWrongWay        Reason = 4  // a message of the engine's own types was sent to it; Have: its type byte
	ReasonOverflow        Reason = 5  // too many messages at once; some were dropped (their requests are unanswered)
	ReasonNoData          Reason = 6  // there is no training data or no model yet
	ReasonEmpty           Reason = 7  // the text, list, probe or prime (Key) is empty (lstm.ErrEmptyText, ErrEmptyProbe, ErrEmptyPrime; Detail 1: a list of numbers, ErrNoNumbers)
	ReasonBlank           Reason = 8  // the training text is only white space (lstm.ErrBlankText)
	ReasonTooLong         Reason = 9  // lstm.LengthError: Detail (its Input), Have, Limit
	ReasonTooManyDistinct Reason = 10 // lstm.ErrTooManyChars: Limit (the most distinct characters)
	ReasonTooShort        Reason = 11 // lstm.ErrTooShort: Limit (the fewest symbols or values)
	ReasonNumber          Reason = 12 // lstm.NumberError: Detail (its Problem), Index, Position (its Offset), Token
	ReasonUnknownRune     Reason = 13 // lstm.UnknownRuneError: Token (the character), Position
	ReasonSetting         Reason = 14 // lstm.ConfigError: Key, Detail (its Problem), Value, Min, Max, Have, Limit
	ReasonDiverged        Reason = 15 // lstm.DivergenceError: Index (its Step), Value (what it became), Max (its LearningRate), Token (its What)
	ReasonFormat          Reason = 16 // lstm.FormatError: Detail (its Problem), Position (its Offset), Have (its Want), Token (its Reason); for a setting out of range in the file, Token is the setting's key and Value, Min, Max its error
	ReasonNewerFormat     Reason = 17 // lstm.UnsupportedError: Have (the file's format version), Limit (lstm.FormatVersion)
	ReasonCannotTrain     Reason = 18 // a loaded model cannot train on the text: Token (a character it was trained without), as lstm.UnknownRuneError
	ReasonSuperseded      Reason = 19 // a waiting SnapAt gave way to a newer one or to a new model
	ReasonRunning         Reason = 20 // the request (SlowStep) needs training paused
	reasonEnd             Reason = 21
)

var reasonNames = [...]string{"none", "bug", "malformed", "version", "wrong way", "overflow", "no data", "empty",
	"blank", "too long", "too many distinct", "too short", "number", "unknown rune", "setting",
	"diverged", "format", "newer format", "cannot train", "superseded", "running"}

func (r Reason) String() string {
	if r < reasonEnd {
		return reasonNames[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// Keys of the inputs an Error may name, as the settings registry and the
// words catalogue name them (wasm/settings, wasm/words); a setting's key is
// its lstm.Setting.Key.
const (
	KeyText   = "text"   // the training text or numbers
	KeyProbe  = "probe"  // the probe of a trace
	KeyPrime  = "prime"  // the start of a sample
	KeyLength = "length" // how much a sample generates
	KeyLoad   = "load"   // a model file
)

// Error reports a problem as data: the page words it in the person's terms
// and language. Fields a Reason does not name are zero.
type Error struct {
	ID          uint32  // the request's ID, or 0 (training stopped by itself)
	Gen         uint32  // the generation of the model it concerns (0: none)
	Code        Code    // which part of the page
	Reason      Reason  // what is wrong
	Detail      uint8   // the finer problem of Reason's lstm error (its Problem or Input)
	Key         string  // the setting or input (KeyText, a setting's key), or ""
	Value       float64 // the value given
	Min, Max    float64 // the valid range
	Have, Limit int64   // a size and its limit (characters, parameters, bytes, versions)
	Index       int     // which item (1-based), or the update
	Position    int     // 1-based character or byte position
	Token       string  // the offending token or character, at most MaxText bytes
}

func (Error) Type() Type { return TypeError }
