package lstm

import (
	"errors"
	"strconv"
)

// Cell is the kind of recurrent cell.
type Cell uint8

const (
	// CellLSTM is the long short-term memory cell of the package equations.
	CellLSTM Cell = 0
	// CellRNN is the plain recurrent cell h_t = tanh(W x_t + U h_{t−1} + b).
	CellRNN Cell = 1
)

// Gates returns G, the number of gate blocks of the cell: 4 for the LSTM, 1 for the RNN.
func (c Cell) Gates() int {
	if c == CellRNN {
		return 1
	}
	return 4
}

func (c Cell) String() string {
	switch c {
	case CellLSTM:
		return "LSTM"
	case CellRNN:
		return "RNN"
	}
	return "Cell(" + strconv.Itoa(int(c)) + ")"
}

// GateOrder is the order of the gate blocks of an LSTM layer's Wx, U and B:
// input gate zⁱ, forget gate zᶠ, candidate z, output gate zᵒ (PyTorch's i, f, g, o).
var GateOrder = [4]string{"i", "f", "z", "o"}

// Gate block indices in GateOrder.
const (
	gateI = 0
	gateF = 1
	gateZ = 2
	gateO = 3
)

// Init is the scheme that initialises the recurrent weights U.
type Init uint8

const (
	// InitGlorot draws every gate block of U uniformly in ±√(6/2H) (Glorot
	// and Bengio 2010): the scheme of every model and link made before
	// orthogonal initialisation existed, hence the zero value.
	InitGlorot Init = 0
	// InitOrthogonal makes U, all G·H rows at once, a matrix with orthonormal
	// columns (Saxe et al. 2014; Keras' and TensorFlow.js's recurrent
	// initializer): its G gate blocks together preserve the norm of h.
	InitOrthogonal Init = 1
)

func (i Init) String() string {
	switch i {
	case InitGlorot:
		return "Glorot"
	case InitOrthogonal:
		return "orthogonal"
	}
	return "Init(" + strconv.Itoa(int(i)) + ")"
}

// Optimizer is the kind of parameter update rule.
type Optimizer uint8

const (
	// Adam is Kingma and Ba's Adam with bias correction.
	Adam Optimizer = 0
	// RMSProp divides the gradient by a running root mean square (Hinton, lecture 6e).
	RMSProp Optimizer = 1
	// SGD is stochastic gradient descent with (heavy-ball) momentum.
	SGD Optimizer = 2
)

func (o Optimizer) String() string {
	switch o {
	case Adam:
		return "Adam"
	case RMSProp:
		return "RMSProp"
	case SGD:
		return "SGD"
	}
	return "Optimizer(" + strconv.Itoa(int(o)) + ")"
}

// ClipMode says how gradients are clipped before an update.
type ClipMode uint8

const (
	// ClipElement clamps every gradient element to [−Clip, Clip]
	// (min-char-rnn, recurrentjs, Keras clipvalue).
	ClipElement ClipMode = 0
	// ClipNorm rescales the whole gradient so that its global L2 norm is at most Clip
	// (Keras clipnorm on all parameters, PyTorch clip_grad_norm_).
	ClipNorm ClipMode = 1
)

func (m ClipMode) String() string {
	switch m {
	case ClipElement:
		return "element"
	case ClipNorm:
		return "norm"
	}
	return "ClipMode(" + strconv.Itoa(int(m)) + ")"
}

// Limits of the configuration. They are part of the model file format: a file
// whose header exceeds them is refused before anything is allocated.
const (
	MaxLayers    = 2
	MaxHidden    = 512
	MaxSeqLen    = 256
	MaxVocab     = 4096
	MinLR        = 1e-6
	MaxLR        = 1
	MaxClip      = 1000
	MaxForgetB   = 10
	MaxMomentum  = 0.999
	MaxParamSize = 1 << 24 // parameters in one model (128 MiB of float64)
)

// Config is the architecture and training configuration of a model. Start from
// DefaultConfig and change what you need; Validate says what is out of range.
// A zero Config is not valid (Hidden and SeqLen must be set): a zero that came
// from a form or a URL must be refused, not silently replaced.
type Config struct {
	Cell         Cell      // CellLSTM or CellRNN
	Layers       int       // stacked layers, 1..MaxLayers
	Hidden       int       // hidden units per layer, 1..MaxHidden
	SeqLen       int       // T, steps per truncated-BPTT window, 1..MaxSeqLen
	LearningRate float64   // step size, MinLR..MaxLR
	Optimizer    Optimizer // Adam, RMSProp or SGD
	Momentum     float64   // SGD momentum μ, 0..MaxMomentum
	Clip         float64   // gradient clip threshold, 0 (off)..MaxClip
	ClipMode     ClipMode  // ClipElement or ClipNorm
	// Init is the scheme of the recurrent weights U (InitGlorot, InitOrthogonal).
	Init Init
	// ForgetBias is the initial value of every forget-gate bias bᶠ (LSTM only).
	// 1 (Gers et al. 2000; char-rnn; Keras unit_forget_bias) lets a fresh cell
	// keep its state; 0, the default, is the plain initialisation (PyTorch's,
	// TensorFlow.js's), which learns more in the first 20,000 characters of the
	// standard workload (see DefaultConfig).
	ForgetBias float64
	Seed       uint64 // seeds initialisation and sampling
}

// DefaultConfig returns the playground's default configuration: one LSTM layer of
// 32 units, T = 32, Adam with learning rate 0.01, element-wise clipping at 5,
// orthogonal recurrent weights, forget-gate bias 0, seed 1.
//
// The initialisation is the one that learned most per character on the
// standard workload (BenchmarkLoss20k: the loss after 20,000 characters, median
// of seeds 1–9, at H = 64 and H = 128): Glorot U with bias 1 2.034 and 1.934,
// Glorot with bias 0 1.981, orthogonal with bias 1 2.034, orthogonal with
// bias 0 1.957 and 1.879 (TensorFlow.js, orthogonal and bias 0: ≈1.97 and
// ≈1.93, bench/RESULTS.md).
func DefaultConfig() Config {
	return Config{
		Cell:         CellLSTM,
		Layers:       1,
		Hidden:       32,
		SeqLen:       32,
		LearningRate: 0.01,
		Optimizer:    Adam,
		Momentum:     0.9,
		Clip:         5,
		ClipMode:     ClipElement,
		Init:         InitOrthogonal,
		ForgetBias:   0,
		Seed:         1,
	}
}

// ConfigProblem says what is wrong with a setting (ConfigError.Problem).
type ConfigProblem uint8

const (
	// OutOfRange: Value is not a valid value of the setting (Kind, Min, Max).
	OutOfRange ConfigProblem = iota
	// TooManyParams: the model would have Have parameters; the limit is Limit.
	TooManyParams
	// TooMuchMemory: training would need Have bytes; the limit is Limit.
	TooMuchMemory
)

// ConfigError reports a setting that cannot be used, as data: the setting's
// Key (a Setting.Key, such as KeyHidden), its value and its valid range, or,
// for a model too large, the size and its limit. Its Error is an English
// message for developers; the page words it from the fields (wasm/words).
type ConfigError struct {
	Key      string
	Problem  ConfigProblem
	Kind     SettingKind // OutOfRange: the kind of value the setting takes
	Value    float64     // the value given
	Min, Max float64     // OutOfRange: the valid range
	Have     int64       // TooManyParams, TooMuchMemory: the size
	Limit    int64       // TooManyParams, TooMuchMemory: its limit
}

func (e *ConfigError) Error() string {
	v := strconv.FormatFloat(e.Value, 'g', -1, 64)
	switch e.Problem {
	case TooManyParams:
		return e.Key + " " + v + ": the model would have " + strconv.FormatInt(e.Have, 10) +
			" parameters; the limit is " + strconv.FormatInt(e.Limit, 10)
	case TooMuchMemory:
		return e.Key + " " + v + ": training would need " + strconv.FormatInt(e.Have>>20, 10) +
			" MiB; the limit is " + strconv.FormatInt(e.Limit>>20, 10) + " MiB"
	}
	return e.Key + " " + v + " is out of range: " + strconv.FormatFloat(e.Min, 'g', -1, 64) +
		" to " + strconv.FormatFloat(e.Max, 'g', -1, 64)
}

// Validate returns nil if every field is in range (see Settings), and
// otherwise an error that joins one *ConfigError per bad field, in the order
// of Settings (use errors.As to get the first).
func (c Config) Validate() error {
	var errs []error
	for _, s := range settings {
		if err := s.Check(s.Get(c)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ParamCount returns the number of parameters of a model with this configuration,
// input width x and output width y, computed in int64 so that no product overflows.
func (c Config) ParamCount(x, y int) int64 {
	g, h := int64(c.Cell.Gates()), int64(c.Hidden)
	var n int64
	in := int64(x)
	for l := 0; l < c.Layers; l++ {
		n += in*g*h + g*h*h + g*h
		in = h
	}
	return n + int64(y)*h + int64(y)
}

// MemoryBytes estimates the memory a Trainer with this configuration needs, for
// input width x and output width y, all float64: five parameter-sized slabs (the
// parameters, their gradients, Adam's two moments, and the scratch gradients of
// Trainer.Reach); the transposed recurrent weights; the trace of a window (h, c,
// tanh c and the gates of every step); and the window's buffers (logits,
// probabilities and ∂L/∂y; ∂L/∂h and ∂L/∂x; ∂L/∂a). TestMemoryEstimate checks it
// against what is allocated.
func (c Config) MemoryBytes(x, y int) int64 {
	p := c.ParamCount(x, y)
	l, g, h, t := int64(c.Layers), int64(c.Cell.Gates()), int64(c.Hidden), int64(c.SeqLen)
	w := max(int64(x), h)
	trace := l*(t+1)*h*3 + l*t*g*h
	window := 3*t*int64(y) + 2*t*w + t*g*h
	return 8 * (5*p + l*g*h*h + trace + window)
}
