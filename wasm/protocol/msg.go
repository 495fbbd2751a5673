// Package protocol defines the messages the playground's UI (main thread) and
// engine (Web Worker) exchange, and their byte encoding.
//
// Both sides are the same Go program, so the types below are the protocol: the
// UI sends SetData, SetConfig, Train, Pause, Step, Reset, Trace, Sample, Reach,
// Export, Import, SetLive, SnapAt, SlowStep, SetPace and Warm; the engine answers with Ready,
// Progress, TraceResult, SampleResult, ReachResult, ModelFile, SlowStepResult,
// Status and Error. A soak
// test or a bug report may send Diagnose, answered with Diagnostics. A message
// travels as one []byte (Encode, Decode), which JavaScript only moves, as a
// transferred ArrayBuffer.
//
// # Requests, replies and models
//
// Every request carries an ID the UI chooses (0 is allowed but cannot be told
// apart from the engine's own messages). The engine answers every request
// with exactly one reply carrying that ID — Status, Progress, TraceResult,
// SampleResult, ReachResult, ModelFile, Diagnostics or Error, as each request
// type says — except SnapAt, which gets two (its trace, then its sample; each
// may be an Error). Reset and Import are answered by their Status, SlowStep
// by its SlowStepResult; the Progress that follows them has ID 0. Messages the engine sends by itself
// (Ready, Progress while training, an Error when training stops) have ID 0.
//
// Every model the engine makes has a generation, Gen: 1 for the first, one
// more for each new one (new data it cannot read, a configuration that
// changes the architecture, Reset, Import). Every reply about a model names
// its Gen (0: no model yet), so the UI drops a late reply about a model that
// is gone by comparing one number.
//
// Errors are data, never text for a person: a Code (which part of the page),
// a Reason (what is wrong), the Key of the setting or input, and the numbers
// (value, range, position, the offending token). The UI words them.
//
// # Wire format
//
// All integers and floats are little-endian. A message is a 4-byte header
// followed by the fields of its type in the order of the struct declaration:
//
//	offset  size  field
//	0       2     magic "LP"
//	2       1     Version (2)
//	3       1     Type
//	4       …     fields
//
// Field encodings:
//
//	u8, enum   1 byte (lstm.Kind, lstm.Cell, lstm.Optimizer, lstm.ClipMode, lstm.StateKind, Code, Reason)
//	bool       1 byte, 0 or 1; anything else is malformed
//	u32        4 bytes (request IDs, model generations)
//	int, i64   8 bytes, two's complement
//	u64        8 bytes
//	f64        8 bytes IEEE 754 (scalars: loss, learning rate, …)
//	string     u32 byte count, then that many bytes of valid UTF-8
//	[]rune     as a string; the rune count is checked against the shape
//	[]byte     u32 byte count, then the bytes
//	[]float32  u32 element count, then 4 bytes IEEE 754 per element (bulk numbers)
//	list       u32 element count, then the elements
//
// A message must be exactly as long as its fields: trailing bytes are an
// error. The encoding is canonical: Encode(Decode(b)) == b for every b that
// decodes. Empty slices decode as nil.
//
// # Errors
//
// Decode reads the magic and the version first: bytes of another protocol
// version are ErrVersion whatever follows (HeaderVersion says which). It
// never panics and never allocates more than a small multiple of the input's
// length: every declared length is checked against the bytes that
// remain and against the limits below (MaxDataText, MaxText, …) before anything
// is allocated. Errors are *DecodeError values naming the message type, the
// field and the byte offset, and wrap one of ErrTruncated, ErrTooLarge,
// ErrUnknownType, ErrVersion or ErrMalformed for errors.Is. Encode checks the
// same limits and shapes, so that whatever encodes also decodes, and returns an
// *EncodeError otherwise.
package protocol

import (
	"strconv"

	"lstmplayground/lstm"
)

// Version is the protocol version written in every message header. Decode
// looks at it before anything else and accepts this version only, so that a
// page and an engine of different versions (a cached engine after a deploy)
// meet an ErrVersion, never a misunderstanding. Version 2 added request IDs
// to every request, model generations and errors as data.
const Version = 2

// Limits of the protocol. Decode refuses a message that exceeds one, before
// allocating, and Encode refuses to produce one.
const (
	// MaxMessage is the longest encoded message, in bytes.
	MaxMessage = MaxModelFile + 1<<20
	// MaxDataText is the longest SetData text, in bytes: room for
	// lstm.MaxTextChars characters of up to 4 bytes, so that the engine, not the
	// protocol, reports a text over the limit in the person's terms.
	MaxDataText = 4*lstm.MaxTextChars + 1<<20
	// MaxText is the longest of every other string (probe, prime, sampled text,
	// messages), in bytes.
	MaxText = 1 << 20
	// MaxModelFile is the longest model file, in bytes.
	MaxModelFile = 1 << 28
	// MaxLosses is the most losses one Progress carries.
	MaxLosses = 1 << 16
	// MaxInterventions is the most interventions in one Trace.
	MaxInterventions = 2 * lstm.MaxLayers * lstm.MaxHidden
	// MaxSteps is the most steps T of a TraceResult.
	MaxSteps = lstm.MaxProbe
	// MaxSampleValues is the most values in a SampleResult.
	MaxSampleValues = lstm.MaxSample
	// MaxSnapAts is the most SnapAt requests the engine keeps waiting.
	MaxSnapAts = 4
)

// Type is the kind of a message: its byte in the header. Values below 64 go from
// the UI to the engine, values from 64 from the engine to the UI.
type Type uint8

// Message types, UI → engine.
const (
	TypeSetData   Type = 1
	TypeSetConfig Type = 2
	TypeTrain     Type = 3
	TypePause     Type = 4
	TypeStep      Type = 5
	TypeReset     Type = 6
	TypeTrace     Type = 7
	TypeSample    Type = 8
	TypeReach     Type = 9
	TypeExport    Type = 10
	TypeImport    Type = 11
	TypeSetLive   Type = 12
	TypeSnapAt    Type = 13
	TypeSlowStep  Type = 14
	TypeSetPace   Type = 15
	TypeWarm      Type = 16
)

// Message types, engine → UI.
const (
	TypeReady          Type = 64
	TypeProgress       Type = 65
	TypeTraceResult    Type = 66
	TypeSampleResult   Type = 67
	TypeReachResult    Type = 68
	TypeModelFile      Type = 69
	TypeStatus         Type = 70
	TypeError          Type = 71
	TypeSlowStepResult Type = 72
)

// Diagnostic message types, at the top of each direction's range so that they
// stay clear of the feature messages.
const (
	TypeDiagnose    Type = 63  // UI → engine
	TypeDiagnostics Type = 127 // engine → UI
)

var typeNames = map[Type]string{
	TypeSetData: "SetData", TypeSetConfig: "SetConfig", TypeTrain: "Train", TypePause: "Pause",
	TypeStep: "Step", TypeReset: "Reset", TypeTrace: "Trace", TypeSample: "Sample",
	TypeReach: "Reach", TypeExport: "Export", TypeImport: "Import", TypeSetLive: "SetLive", TypeSnapAt: "SnapAt",
	TypeReady: "Ready", TypeProgress: "Progress", TypeTraceResult: "TraceResult",
	TypeSampleResult: "SampleResult", TypeReachResult: "ReachResult", TypeModelFile: "ModelFile",
	TypeStatus: "Status", TypeError: "Error",
	TypeDiagnose: "Diagnose", TypeDiagnostics: "Diagnostics",
	TypeSlowStep: "SlowStep", TypeSlowStepResult: "SlowStepResult", TypeSetPace: "SetPace",
	TypeWarm: "Warm",
}

func (t Type) String() string {
	if s, ok := typeNames[t]; ok {
		return s
	}
	return "Type(" + strconv.Itoa(int(t)) + ")"
}

// ToEngine reports whether messages of type t go from the UI to the engine.
func (t Type) ToEngine() bool { return t < 64 }

// Message is one of the message types of this package (SetData … Error), as a
// value or a pointer. Decode returns values.
type Message interface {
	// Type returns the message's type byte.
	Type() Type
	// put writes the fields; check validates the shapes that depend on more
	// than one field. Both are unexported: the set of messages is closed.
	put(w *writer)
	check() error
}

// ---- UI → engine ----

// SetData gives the engine new training data, as typed. The engine parses it
// (lstm.NewTextData, lstm.NewNumberData) and answers with Status or Error.
type SetData struct {
	ID   uint32    // echoed in the Status or Error
	Mode lstm.Kind // lstm.Text or lstm.Numbers
	Text string    // the training text, or the list of numbers, as typed; at most MaxDataText bytes
}

// SetConfig replaces the configuration; a changed architecture resets the model.
// The engine validates it (lstm.Config.Validate) and answers with Status or Error.
type SetConfig struct {
	ID     uint32 // echoed in the Status or Error
	Config lstm.Config
}

// Train starts (or resumes) training, answered with Progress or Error.
type Train struct {
	ID uint32
}

// Pause stops training after the current chunk, answered with Progress.
type Pause struct {
	ID uint32
}

// Step trains exactly one update, then pauses, answered with Progress or Error.
type Step struct {
	ID uint32
}

// Reset discards the model and starts a fresh one (a new Gen) from the
// configuration's seed, answered with Status or Error.
type Reset struct {
	ID uint32
}

// Trace asks for a TraceResult of the model over a probe, from a zero state.
type Trace struct {
	ID            uint32              // echoed in the TraceResult or Error
	Probe         string              // probe text, or list of numbers as typed; at most MaxText bytes
	Interventions []lstm.Intervention // at most MaxInterventions; checked by the engine
}

// Sample asks for a SampleResult: Count characters (or values) generated after
// feeding Prime.
type Sample struct {
	ID          uint32  // echoed in the SampleResult or Error
	Prime       string  // priming text, or list of numbers as typed; at most MaxText bytes
	Count       int     // characters or values to generate; checked by the engine
	Temperature float64 // 0 is greedy; text only
	Seed        uint64  // seeds the draws, so the same request gives the same text
}

// Reach asks for a ReachResult: how far back in time the gradient reaches.
type Reach struct {
	ID uint32 // echoed in the ReachResult or Error
}

// Export asks for the model file, answered with ModelFile.
type Export struct {
	ID uint32 // echoed in the ModelFile or Error
}

// Import replaces the model with one read from a model file (lstm's format).
// The engine answers with Status or Error; a bad file changes nothing.
type Import struct {
	ID   uint32 // echoed in the Status (of a new Gen) or Error
	File []byte // at most MaxModelFile bytes
}

// SetLive changes the settings that take effect from the next update without a
// reset: the learning rate, the optimizer (which restarts its own state) and
// gradient clipping. The engine answers with Status or Error.
type SetLive struct {
	ID           uint32
	LearningRate float64
	Optimizer    lstm.Optimizer
	Momentum     float64 // SGD momentum μ
	Clip         float64 // 0 turns clipping off
	ClipMode     lstm.ClipMode
}

// SnapAt asks for a trace of Probe and a sample after Prime of the model as it
// is right after update At: training passes that update, the engine answers
// both (a TraceResult, then a SampleResult, each possibly an Error, both with
// ID) before it trains on, so that a training snapshot shows the model at
// exactly the update it names. A model already at or past At answers at once.
// Up to MaxSnapAts wait at once (the page asks for the next snapshot before
// the current one is due, so that no round trip is needed in between); one
// more makes the oldest give way, answered with two Errors of ReasonSuperseded.
// A new model (new data, Reset, Import) answers every waiting SnapAt the same
// way: a snapshot belongs to the model it was asked of.
type SnapAt struct {
	ID          uint32
	At          uint64
	Probe       string  // as Trace.Probe
	Prime       string  // as Sample.Prime
	Count       int     // as Sample.Count
	Temperature float64 // as Sample.Temperature
	Seed        uint64  // as Sample.Seed
}

// Diagnose asks the engine for Diagnostics: its memory and the JavaScript
// callbacks its bridge holds. Soak tests and bug reports send it; the page
// need not, and ignores the answer.
type Diagnose struct {
	ID uint32 // echoed in the Diagnostics
}

// ---- engine → UI ----

// Ready is the engine's first message: it is loaded and listening. Protocol
// repeats the header's version, so that a reader of a Ready that decoded
// knows the versions agree (one that does not decode is ErrVersion).
type Ready struct {
	Protocol uint8  // Version
	Engine   string // engine version, for the page's "about" line and bug reports
}

// Progress reports training; the engine sends it (ID 0) at most about 30
// times a second, and answers Train, Pause and Step with it. The smoothed
// loss is the UI's to compute from Losses: it is defined in one place.
type Progress struct {
	ID          uint32  // the Train, Pause or Step it answers, or 0
	Gen         uint32  // the model's generation (0: no model)
	Update      uint64  // the model's update count
	Loss        float64 // loss of the last update
	CharsPerSec float64 // training throughput, characters (or values) per second
	GradNorm    float64 // global L2 norm of the last gradient, before clipping
	Running     bool    // training is running (false: paused)
	// Losses are the losses of updates Update−len(Losses)+1 … Update, oldest
	// first: every update since the previous Progress, for the loss chart. At
	// most MaxLosses; the engine drops older ones.
	Losses []float32
}

// TraceResult is a model run over a probe: the states and gates of every layer
// at every step, and the model's output. All (T, H) arrays are row-major with
// one row of H units per step t = 1 … T.
type TraceResult struct {
	ID     uint32    // the Trace's (or SnapAt's) ID
	Gen    uint32    // the model's generation
	Update uint64    // the model's update count when traced
	Kind   lstm.Kind // lstm.Text or lstm.Numbers
	Cell   lstm.Cell // lstm.CellLSTM or lstm.CellRNN
	T, H   int       // steps 0 … MaxSteps, hidden units 1 … lstm.MaxHidden
	Layers []LayerTrace

	Symbols []rune    // Text (T): the probe's characters
	Values  []float32 // Numbers (T): the probe's values, in the person's units

	// Text (T): the probability the model gave the probe's actual next
	// character after step t (NaN at the last step, which has none), the most
	// likely next character and its probability.
	PNext []float32
	Top   []rune
	TopP  []float32

	Pred []float32 // Numbers (T): the predicted next value, in the person's units
}

// LayerTrace is one layer of a TraceResult. The gate arrays and C are nil for
// the plain RNN.
type LayerTrace struct {
	Zi, Zf, Z, Zo []float32 // (T, H) input gate, forget gate, candidate, output gate
	C, H          []float32 // (T, H) c_t and h_t for t = 1 … T
	C0, H0        []float32 // (H) c_0 and h_0, the state before step 1; C0 nil for the RNN
}

// SampleResult answers Sample with the generated characters or values.
type SampleResult struct {
	ID     uint32 // the Sample's (or SnapAt's) ID
	Gen    uint32 // the model's generation
	Kind   lstm.Kind
	Text   string    // Text: the generated characters, at most MaxText bytes
	Values []float32 // Numbers: the generated values, at most MaxSampleValues
}

// ReachResult answers Reach: Layers[l][k] = ‖∂L_T/∂h_{T−k}‖ of layer l for
// k = 0 … T−1 (see lstm.Trainer.Reach). Every layer has the same length, at most
// lstm.MaxSeqLen.
type ReachResult struct {
	ID     uint32
	Gen    uint32 // the model's generation
	Update uint64
	Cell   lstm.Cell
	Layers [][]float32
}

// ModelFile answers Export with the model file (lstm's format).
type ModelFile struct {
	ID   uint32
	Gen  uint32 // the generation of the model saved
	File []byte // at most MaxModelFile bytes
}

// Status describes the engine's data and model, answering SetData,
// SetConfig, SetLive, SetPace, Reset and Import; the UI shows it and updates its
// controls from Config. A Gen other than the last one the UI saw is a new model.
type Status struct {
	ID      uint32      // the request it answers
	Gen     uint32      // the model's generation (0: no model)
	Kind    lstm.Kind   // the data's (and model's) kind
	Config  lstm.Config // the model's configuration
	Vocab   []rune      // Text: the vocabulary, sorted; its size is len(Vocab), at most lstm.MaxVocab
	Length  int         // symbols or values in the training data (0: no data)
	Norm    lstm.Norm   // Numbers: the normalisation
	Params  int64       // parameter count (0: no model)
	Updates uint64      // the model's update count
}

// Diagnostics answers Diagnose with the engine's memory, for soak tests: a
// heap that keeps growing while training runs, or a callback count that
// climbs, is a leak.
type Diagnostics struct {
	ID         uint32 // the Diagnose's ID
	Update     uint64 // the model's update count (0: no model)
	HeapLive   uint64 // bytes of Go heap live after a garbage collection the Diagnose runs (runtime.GC, then runtime.MemStats.HeapAlloc)
	HeapAlloc  uint64 // bytes of Go heap objects allocated now, live or not yet collected (runtime.MemStats.HeapAlloc)
	HeapSys    uint64 // bytes of memory the Go heap has obtained (runtime.MemStats.HeapSys): in WebAssembly, the linear memory it spans
	TotalAlloc uint64 // bytes allocated since the engine started, cumulative
	NumGC      uint32 // garbage collections completed
	Goroutines int    // goroutines running
	Funcs      int    // js.Func callbacks the worker bridge holds (made and not released); −1 if unknown
	Warmed     uint64 // updates trained on throwaway models to warm the code (Warm), all told
}

func (SetData) Type() Type      { return TypeSetData }
func (SetConfig) Type() Type    { return TypeSetConfig }
func (Train) Type() Type        { return TypeTrain }
func (Pause) Type() Type        { return TypePause }
func (Step) Type() Type         { return TypeStep }
func (Reset) Type() Type        { return TypeReset }
func (Trace) Type() Type        { return TypeTrace }
func (Sample) Type() Type       { return TypeSample }
func (Reach) Type() Type        { return TypeReach }
func (Export) Type() Type       { return TypeExport }
func (Import) Type() Type       { return TypeImport }
func (SetLive) Type() Type      { return TypeSetLive }
func (SnapAt) Type() Type       { return TypeSnapAt }
func (Ready) Type() Type        { return TypeReady }
func (Progress) Type() Type     { return TypeProgress }
func (TraceResult) Type() Type  { return TypeTraceResult }
func (SampleResult) Type() Type { return TypeSampleResult }
func (ReachResult) Type() Type  { return TypeReachResult }
func (ModelFile) Type() Type    { return TypeModelFile }
func (Status) Type() Type       { return TypeStatus }
func (Diagnose) Type() Type     { return TypeDiagnose }
func (Diagnostics) Type() Type  { return TypeDiagnostics }

// IDOf returns the ID a request carries or a reply echoes (0 for Ready).
func IDOf(m Message) uint32 {
	switch m := m.(type) {
	case SetData:
		return m.ID
	case SetConfig:
		return m.ID
	case Train:
		return m.ID
	case Pause:
		return m.ID
	case Step:
		return m.ID
	case Reset:
		return m.ID
	case Trace:
		return m.ID
	case Sample:
		return m.ID
	case Reach:
		return m.ID
	case Export:
		return m.ID
	case Import:
		return m.ID
	case SetLive:
		return m.ID
	case SnapAt:
		return m.ID
	case Diagnose:
		return m.ID
	case SlowStep:
		return m.ID
	case SetPace:
		return m.ID
	case Warm:
		return m.ID
	}
	return replyID(m)
}

func replyID(m Message) uint32 {
	switch m := m.(type) {
	case Progress:
		return m.ID
	case TraceResult:
		return m.ID
	case SampleResult:
		return m.ID
	case ReachResult:
		return m.ID
	case ModelFile:
		return m.ID
	case Status:
		return m.ID
	case Error:
		return m.ID
	case Diagnostics:
		return m.ID
	case SlowStepResult:
		return m.ID
	}
	return 0
}

// GenOf returns the model generation a reply names, and false for a message
// that names none (requests, Ready, Diagnostics).
func GenOf(m Message) (uint32, bool) {
	if r, ok := m.(ModelReply); ok {
		return r.Generation(), true
	}
	return 0, false
}

// Request is a message to the engine: each carries an ID the UI chooses,
// which the engine's replies to it echo.
type Request interface {
	Message
	// WithID returns the request with its ID set to id.
	WithID(id uint32) Request
}

func (m SetData) WithID(id uint32) Request   { m.ID = id; return m }
func (m SetConfig) WithID(id uint32) Request { m.ID = id; return m }
func (m Train) WithID(id uint32) Request     { m.ID = id; return m }
func (m Pause) WithID(id uint32) Request     { m.ID = id; return m }
func (m Step) WithID(id uint32) Request      { m.ID = id; return m }
func (m Reset) WithID(id uint32) Request     { m.ID = id; return m }
func (m Trace) WithID(id uint32) Request     { m.ID = id; return m }
func (m Sample) WithID(id uint32) Request    { m.ID = id; return m }
func (m Reach) WithID(id uint32) Request     { m.ID = id; return m }
func (m Export) WithID(id uint32) Request    { m.ID = id; return m }
func (m Import) WithID(id uint32) Request    { m.ID = id; return m }
func (m SetLive) WithID(id uint32) Request   { m.ID = id; return m }
func (m SnapAt) WithID(id uint32) Request    { m.ID = id; return m }
func (m Diagnose) WithID(id uint32) Request  { m.ID = id; return m }
func (m SlowStep) WithID(id uint32) Request  { m.ID = id; return m }

// ModelReply is a reply about a model: it names the model's generation, Gen.
type ModelReply interface {
	Message
	// Generation returns the reply's Gen.
	Generation() uint32
	// WithGen returns the reply with its Gen set to gen.
	WithGen(gen uint32) ModelReply
}

func (m Progress) Generation() uint32       { return m.Gen }
func (m TraceResult) Generation() uint32    { return m.Gen }
func (m SampleResult) Generation() uint32   { return m.Gen }
func (m ReachResult) Generation() uint32    { return m.Gen }
func (m ModelFile) Generation() uint32      { return m.Gen }
func (m Status) Generation() uint32         { return m.Gen }
func (m Error) Generation() uint32          { return m.Gen }
func (m SlowStepResult) Generation() uint32 { return m.Gen }

func (m Progress) WithGen(gen uint32) ModelReply     { m.Gen = gen; return m }
func (m TraceResult) WithGen(gen uint32) ModelReply  { m.Gen = gen; return m }
func (m SampleResult) WithGen(gen uint32) ModelReply { m.Gen = gen; return m }
func (m ReachResult) WithGen(gen uint32) ModelReply  { m.Gen = gen; return m }
func (m ModelFile) WithGen(gen uint32) ModelReply    { m.Gen = gen; return m }
func (m Status) WithGen(gen uint32) ModelReply       { m.Gen = gen; return m }
func (m Error) WithGen(gen uint32) ModelReply        { m.Gen = gen; return m }

func (m SlowStepResult) WithGen(gen uint32) ModelReply { m.Gen = gen; return m }
