package lstm

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"unicode/utf8"
)

// MaxMemory is the most memory a model and its trainer may need (see
// Config.MemoryBytes); larger configurations are refused before anything is
// allocated. A browser tab gives a WebAssembly program at most a few GiB.
const MaxMemory = 512 << 20

// MaxProbe is the longest probe text or list a Trace call takes, in steps, and
// the longest prime a Sample or Continue call takes.
const MaxProbe = 2000

// MaxSample is the most characters or values one Sample or Continue call makes.
const MaxSample = 10000

// MaxTemperature is the highest sampling temperature.
const MaxTemperature = 10

// Model is a trained (or freshly initialised) network together with what is
// needed to read its input and output: the vocabulary of a text model, the
// normalisation of a numbers model, and the number of updates it has had.
type Model struct {
	Config  Config
	Kind    Kind
	Vocab   Vocab // Text: input and output symbols
	Norm    Norm  // Numbers: user units ↔ normalised units
	Params  *Params
	Updates uint64 // optimizer steps applied so far
}

// checkSize refuses a configuration too large for the given widths.
func checkSize(cfg Config, x, y int) error {
	if n := cfg.ParamCount(x, y); n > MaxParamSize {
		return &ConfigError{Key: KeyHidden, Problem: TooManyParams, Value: float64(cfg.Hidden), Have: n, Limit: MaxParamSize}
	}
	if b := cfg.MemoryBytes(x, y); b > MaxMemory {
		return &ConfigError{Key: KeyHidden, Problem: TooMuchMemory, Value: float64(cfg.Hidden), Have: b, Limit: MaxMemory}
	}
	return nil
}

// NewModel returns a model for data d with configuration cfg, its parameters
// initialised from cfg.Seed (see Params.Init). It returns the validation error
// of cfg, or an error if the model would be too large.
func NewModel(cfg Config, d *Data) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	x, y := d.InputSize(), d.OutputSize()
	if err := checkSize(cfg, x, y); err != nil {
		return nil, err
	}
	m := &Model{Config: cfg, Kind: d.Kind, Vocab: d.Vocab, Norm: d.Norm,
		Params: NewParams(cfg.Cell, cfg.Layers, x, cfg.Hidden, y)}
	m.Params.Init(newRand(cfg.Seed, streamInit), cfg.Init, cfg.ForgetBias)
	return m, nil
}

// InputSize returns the first layer's input width: V for text, 1 for numbers.
func (m *Model) InputSize() int { return m.Params.Layers[0].X }

// Probe is the record of a model run over a probe text or list from a zero
// state: the trace of every layer and the model's output at every step.
type Probe struct {
	Trace
	Input  []int32   // Text: the indices of the probe's characters
	Values []float64 // Numbers: the probe's values, in the user's units
	// Output (T, Y): Text: the probability of each next character;
	// Numbers: the predicted next value, in the user's units.
	Output []float64
}

// TraceText runs a text model over probe from a zero state, with the given
// interventions, and records everything. Characters outside the vocabulary give
// an error wrapping ErrUnknownRune.
func (m *Model) TraceText(probe string, ivs []Intervention) (*Probe, error) {
	if m.Kind != Text {
		return nil, errors.New("lstm: this is a numbers model; give it numbers")
	}
	ids, err := m.Vocab.Encode(probe)
	if err != nil {
		return nil, err
	}
	return m.trace(input{ids: ids}, len(ids), ivs, &Probe{Input: ids})
}

// TraceNumbers runs a numbers model over vals (in the user's units) from a zero
// state, with the given interventions, and records everything.
func (m *Model) TraceNumbers(vals []float64, ivs []Intervention) (*Probe, error) {
	if m.Kind != Numbers {
		return nil, errors.New("lstm: this is a text model; give it text")
	}
	x := make([]float64, len(vals))
	for i, v := range vals {
		if math.IsNaN(v) || math.Abs(v) > MaxAbsNumber {
			return nil, errors.New("lstm: value " + strconv.Itoa(i+1) + " (" + gstr(v) + ") is out of range ±" + gstr(MaxAbsNumber))
		}
		x[i] = m.Norm.To(v)
	}
	return m.trace(input{dense: x}, len(vals), ivs, &Probe{Values: append([]float64(nil), vals...)})
}

func (m *Model) checkInterventions(ivs []Intervention) error {
	for _, iv := range ivs {
		switch {
		case iv.Layer < 0 || iv.Layer >= m.Config.Layers:
			return errors.New("lstm: intervention layer " + strconv.Itoa(iv.Layer+1) + " is out of range 1.." + strconv.Itoa(m.Config.Layers))
		case iv.Unit < 0 || iv.Unit >= m.Config.Hidden:
			return errors.New("lstm: intervention unit " + strconv.Itoa(iv.Unit+1) + " is out of range 1.." + strconv.Itoa(m.Config.Hidden))
		case iv.State != StateC && iv.State != StateH:
			return errors.New("lstm: intervention state " + strconv.Itoa(int(iv.State)) + " is neither c nor h")
		case iv.State == StateC && m.Config.Cell == CellRNN:
			return errors.New("lstm: a plain RNN has no cell state c to clamp; clamp h")
		case math.IsNaN(iv.Value) || math.Abs(iv.Value) > 100:
			return errors.New("lstm: intervention value " + gstr(iv.Value) + " is out of range ±100")
		}
	}
	return nil
}

func (m *Model) trace(in input, T int, ivs []Intervention, pr *Probe) (*Probe, error) {
	if T < 1 {
		return nil, ErrEmptyProbe
	}
	if T > MaxProbe {
		return nil, &LengthError{Input: InputProbe, Have: T, Limit: MaxProbe}
	}
	if err := m.checkInterventions(ivs); err != nil {
		return nil, err
	}
	n := newNet(m.Params, m.Kind, T)
	for _, iv := range ivs {
		n.ivs[iv.Layer] = append(n.ivs[iv.Layer], iv)
	}
	n.forward(in, T)
	Y := m.Params.Y
	pr.Output = make([]float64, T*Y)
	for t := 0; t < T; t++ {
		n.head(t)
		if m.Kind == Numbers {
			pr.Output[t] = m.Norm.From(n.y[t])
		} else {
			copy(pr.Output[t*Y:(t+1)*Y], n.prob[t*Y:(t+1)*Y])
		}
	}
	pr.Trace = n.tr
	return pr, nil
}

// stepper runs a model one step at a time, carrying the state: the engine of
// sampling and continuation.
type stepper struct {
	n    *net
	h, c [][]float64
}

func (m *Model) newStepper() *stepper {
	s := &stepper{n: newNet(m.Params, m.Kind, 1), h: make([][]float64, m.Config.Layers), c: make([][]float64, m.Config.Layers)}
	for l := range s.h {
		s.h[l] = make([]float64, m.Config.Hidden)
		s.c[l] = make([]float64, m.Config.Hidden)
	}
	return s
}

// step feeds one input and returns the head's output: probabilities (text) or
// the normalised prediction (numbers). The slice is reused by the next step.
func (s *stepper) step(in input) []float64 {
	for l := range s.h {
		s.n.setState(l, s.h[l], s.c[l])
	}
	s.n.forward(in, 1)
	for l := range s.h {
		s.n.finalState(l, s.h[l], s.c[l])
	}
	s.n.head(0)
	if s.n.kind == Numbers {
		return s.n.y[:1]
	}
	return s.n.prob[:s.n.p.Y]
}

// Sample feeds prime to a text model and then generates n characters, each drawn
// from softmax(y/temp); temp 0 takes the most likely character (greedy). An
// empty prime starts from a character drawn uniformly. It returns the generated
// characters only. A prime of more than MaxProbe characters is refused, so
// that one call stays short. rng may be nil only for greedy sampling (temp 0)
// from a non-empty prime, which draws nothing; otherwise a nil rng panics.
func (m *Model) Sample(prime string, n int, temp float64, rng *rand.Rand) (string, error) {
	if m.Kind != Text {
		return "", errors.New("lstm: Sample needs a text model; use Continue for numbers")
	}
	if n < 0 || n > MaxSample {
		return "", errors.New("lstm: " + strconv.Itoa(n) + " characters to generate is out of range 0.." + strconv.Itoa(MaxSample))
	}
	if math.IsNaN(temp) || temp < 0 || temp > MaxTemperature {
		return "", &ConfigError{Key: KeyTemperature, Kind: NumberSetting, Value: temp, Max: MaxTemperature}
	}
	if k := utf8.RuneCountInString(prime); k > MaxProbe {
		return "", &LengthError{Input: InputPrime, Have: k, Limit: MaxProbe}
	}
	ids, err := m.Vocab.Encode(prime)
	if err != nil {
		return "", err
	}
	if len(ids) == 0 {
		ids = []int32{int32(rng.IntN(m.Vocab.Size()))}
	}
	s := m.newStepper()
	var p []float64
	for _, id := range ids {
		p = s.step(input{ids: []int32{id}})
	}
	out := make([]int32, 0, n)
	logits := make([]float64, len(p))
	for range n {
		var k int32
		if temp == 0 {
			k = int32(argmax(p))
		} else {
			y := s.n.y[:len(p)]
			for v := range y {
				logits[v] = y[v] / temp
			}
			softmax(p, logits)
			k = int32(drawIndex(p, rng.Float64()))
		}
		out = append(out, k)
		p = s.step(input{ids: []int32{k}})
	}
	return m.Vocab.Decode(out), nil
}

// Continue feeds prime (in the user's units) to a numbers model and then
// predicts n further values, each fed back as the next input. It returns the
// predicted values in the user's units. The prime has 1 to MaxProbe values.
func (m *Model) Continue(prime []float64, n int) ([]float64, error) {
	if m.Kind != Numbers {
		return nil, errors.New("lstm: Continue needs a numbers model; use Sample for text")
	}
	if n < 0 || n > MaxSample {
		return nil, errors.New("lstm: " + strconv.Itoa(n) + " values to generate is out of range 0.." + strconv.Itoa(MaxSample))
	}
	if len(prime) == 0 {
		return nil, ErrEmptyPrime
	}
	if len(prime) > MaxProbe {
		return nil, &LengthError{Input: InputPrimeValues, Have: len(prime), Limit: MaxProbe}
	}
	s := m.newStepper()
	x := []float64{0}
	var y []float64
	for i, v := range prime {
		if math.IsNaN(v) || math.Abs(v) > MaxAbsNumber {
			return nil, errors.New("lstm: value " + strconv.Itoa(i+1) + " (" + gstr(v) + ") is out of range ±" + gstr(MaxAbsNumber))
		}
		x[0] = m.Norm.To(v)
		y = s.step(input{dense: x})
	}
	out := make([]float64, 0, n)
	for range n {
		out = append(out, m.Norm.From(y[0]))
		x[0] = y[0]
		y = s.step(input{dense: x})
	}
	return out, nil
}

// argmax returns the index of the largest value (the first, on ties).
func argmax(p []float64) int {
	k := 0
	for i, v := range p {
		if v > p[k] {
			k = i
		}
	}
	return k
}

// drawIndex returns the index i where the cumulative sum of p first exceeds u in
// [0, 1); rounding can leave the sum below u, so it falls back to the last index.
func drawIndex(p []float64, u float64) int {
	var cum float64
	for i, v := range p {
		cum += v
		if u < cum {
			return i
		}
	}
	return len(p) - 1
}
