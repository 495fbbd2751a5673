// Package engine is the playground's training engine without its JavaScript
// bridge: it holds the data, the model and the trainer, answers protocol
// messages, and trains in time-boxed chunks. The Web Worker (package worker)
// only moves bytes between it and the page, so everything here is tested
// natively and under WebAssembly alike.
package engine

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// Version names the engine in its Ready message.
const Version = "lstm-playground engine 1"

// ProgressInterval is the least time between two Progress messages while
// training runs (about 30 a second).
const ProgressInterval = 33 * time.Millisecond

// Engine owns the training data, the model and the training loop. It is not
// safe for concurrent use: the worker calls it from one goroutine.
type Engine struct {
	kind    lstm.Kind
	text    string // the data as typed
	data    *lstm.Data
	cfg     lstm.Config
	model   *lstm.Model
	trainer *lstm.Trainer
	gen     uint32 // the model's generation: one more for every new model (0: none yet)
	running bool

	last     lstm.Update // the last successful update
	losses   []float32   // losses since the last Progress
	lastSent time.Time

	// throughput over the recent past
	speedChars int
	speedSince time.Time
	speedTime  time.Duration
	speed      float64

	snapAt  []protocol.SnapAt  // snapshots waiting for their updates, in the order asked
	dropped []protocol.Message // the errors of snapshots a new model made give way, to send

	funcs func() int // the bridge's live js.Func count, for Diagnostics; nil: unknown

	pace protocol.SetPace // how the engine rests while training: its share of rest, its turn (SetPace)

	warm   *warmUp // the warm-up under way (Warm), or nil
	warmed uint64  // updates trained on warm-ups' throwaway models, all told (Diagnostics)
}

// SetBridgeFuncs gives the engine a function that counts the js.Func callbacks
// its JavaScript bridge holds, which Diagnostics reports.
func (e *Engine) SetBridgeFuncs(count func() int) { e.funcs = count }

// New returns an engine with the default configuration and no data.
func New() *Engine {
	return &Engine{cfg: lstm.DefaultConfig()}
}

// Running reports whether training runs (Work has something to do).
func (e *Engine) Running() bool { return e.running && e.trainer != nil }

// Ready is the engine's first message. It says whether the WebAssembly SIMD
// kernels are in use, and whether their FMA build.
func (e *Engine) Ready() protocol.Message {
	if lstm.FMA() {
		return protocol.Ready{Protocol: protocol.Version, Engine: Version + " (SIMD kernels, FMA)"}
	}
	if lstm.SIMD() {
		return protocol.Ready{Protocol: protocol.Version, Engine: Version + " (SIMD kernels)"}
	}
	return protocol.Ready{Protocol: protocol.Version, Engine: Version}
}

// refuse builds an Error about the current model.
func (e *Engine) refuse(id uint32, code protocol.Code, reason protocol.Reason, key string) protocol.Error {
	return protocol.Error{ID: id, Gen: e.gen, Code: code, Reason: reason, Key: key}
}

// bug is an Error for what should not happen; detail is for a bug report.
func (e *Engine) bug(id uint32, detail string) protocol.Error {
	r := e.refuse(id, protocol.CodeInternal, protocol.ReasonBug, "")
	r.Token = truncate(detail)
	return r
}

// truncate cuts s to at most protocol.MaxText bytes, at a character boundary.
func truncate(s string) string {
	if len(s) <= protocol.MaxText {
		return s
	}
	return strings.ToValidUTF8(s[:protocol.MaxText], "")
}

// configError turns an lstm validation error into an Error naming the setting.
func (e *Engine) configError(id uint32, err error) protocol.Error {
	var ce *lstm.ConfigError
	if !errors.As(err, &ce) {
		return e.bug(id, err.Error())
	}
	r := e.refuse(id, protocol.CodeBadConfig, protocol.ReasonSetting, "")
	setting(&r, ce)
	return r
}

// setting copies a setting's error into r.
func setting(r *protocol.Error, ce *lstm.ConfigError) {
	r.Key, r.Detail, r.Value, r.Min, r.Max, r.Have, r.Limit = ce.Key, uint8(ce.Problem), ce.Value, ce.Min, ce.Max, ce.Have, ce.Limit
}

// Handle acts on one message from the UI and returns the replies, in order:
// every request's own replies (see package protocol) carry its ID. It never
// panics on any message content.
func (e *Engine) Handle(m protocol.Message, now time.Time) []protocol.Message {
	out := e.handle(m, now)
	if e.warm != nil && (e.Running() || e.warm.gen != e.gen) {
		out = append(out, e.endWarm()) // training started, or the model it warmed for is gone
	}
	if len(e.dropped) > 0 {
		out = append(out, e.dropped...)
		e.dropped = nil
	}
	return out
}

func (e *Engine) handle(m protocol.Message, now time.Time) []protocol.Message {
	switch m := m.(type) {
	case protocol.SetData:
		return one(e.setData(m))
	case protocol.SetConfig:
		return one(e.setConfig(m.ID, m.Config))
	case protocol.Train, protocol.Step:
		return e.train(m, now)
	case protocol.Pause:
		e.running = false
		return one(e.progress(m.ID, now))
	case protocol.Reset:
		if e.data == nil {
			return one(e.notReady(m.ID))
		}
		e.running = false
		if err := e.newModel(); err != nil {
			return one(e.configError(m.ID, err))
		}
		return []protocol.Message{e.status(m.ID), e.progress(0, now)}
	case protocol.SetLive:
		return one(e.setLive(m))
	case protocol.Trace:
		return one(e.trace(m.ID, m.Probe, m.Interventions))
	case protocol.Sample:
		return one(e.sample(m))
	case protocol.SnapAt:
		return e.snap(m)
	case protocol.Reach:
		return one(e.reach(m.ID))
	case protocol.Export:
		return one(e.export(m.ID))
	case protocol.Import:
		return e.load(m.ID, m.File, now)
	case protocol.Diagnose:
		return one(e.diagnostics(m.ID))
	case protocol.SlowStep:
		return e.slowStep(m.ID, now)
	case protocol.SetPace:
		e.pace = m // Turn and Rest read it
		return one(e.status(m.ID))
	case protocol.Warm:
		return e.startWarm(m)
	}
	r := e.refuse(0, protocol.CodeBadMessage, protocol.ReasonWrongWay, "")
	r.Have = int64(m.Type())
	return one(r)
}

func one(m protocol.Message) []protocol.Message { return []protocol.Message{m} }

// train starts training (Train) or makes one update (Step).
func (e *Engine) train(m protocol.Message, now time.Time) []protocol.Message {
	id := requestID(m)
	if e.trainer == nil {
		return one(e.notReady(id))
	}
	if _, ok := m.(protocol.Train); ok {
		e.running = true
		e.speedSince, e.speedChars, e.speedTime = now, 0, 0
		return one(e.progress(id, now))
	}
	e.running = false
	out := e.update(id)
	if len(out) > 0 {
		return out // diverged: the Error answers the Step
	}
	out = e.snapDue()
	return append(out, e.progress(id, now))
}

// requestID returns the ID of a Train or Step.
func requestID(m protocol.Message) uint32 {
	switch m := m.(type) {
	case protocol.Train:
		return m.ID
	case protocol.Step:
		return m.ID
	}
	return 0
}

// snap takes a SnapAt: it waits for its update, or is answered at once.
func (e *Engine) snap(m protocol.SnapAt) []protocol.Message {
	if e.model == nil {
		return []protocol.Message{e.notReady(m.ID), e.notReady(m.ID)}
	}
	var out []protocol.Message
	if len(e.snapAt) >= protocol.MaxSnapAts {
		out = e.supersede(e.snapAt[0]) // the oldest gives way
		e.snapAt = slices.Delete(e.snapAt, 0, 1)
	}
	e.snapAt = append(e.snapAt, m)
	return append(out, e.snapDue()...)
}

// supersede returns the two Errors that answer a SnapAt that gave way.
func (e *Engine) supersede(m protocol.SnapAt) []protocol.Message {
	r := e.refuse(m.ID, protocol.CodeBadMessage, protocol.ReasonSuperseded, "")
	return []protocol.Message{r, r}
}

func (e *Engine) reach(id uint32) protocol.Message {
	if e.trainer == nil {
		return e.notReady(id)
	}
	r := e.trainer.Reach()
	res := protocol.ReachResult{ID: id, Gen: e.gen, Update: e.model.Updates, Cell: e.model.Config.Cell, Layers: make([][]float32, len(r))}
	for l := range r {
		res.Layers[l] = f32(r[l])
	}
	return res
}

func (e *Engine) export(id uint32) protocol.Message {
	if e.model == nil {
		return e.notReady(id)
	}
	var buf bytes.Buffer
	if err := lstm.Encode(&buf, e.model); err != nil {
		return e.bug(id, err.Error())
	}
	return protocol.ModelFile{ID: id, Gen: e.gen, File: buf.Bytes()}
}

func (e *Engine) notReady(id uint32) protocol.Error {
	return e.refuse(id, protocol.CodeNotReady, protocol.ReasonNoData, protocol.KeyText)
}

func (e *Engine) setData(m protocol.SetData) protocol.Message {
	if e.trainer != nil && m.Mode == e.kind && m.Text == e.text {
		// The data it trains on already (an edit undone, or the page sending
		// it again): keep the trainer, its place in the data and the
		// optimizer's state, so that nothing changes.
		return e.status(m.ID)
	}
	d, refused := e.parseData(m)
	if refused != nil {
		return *refused
	}
	// Keep the model when it can read the new data: same kind, and for text
	// every character already in its vocabulary, for numbers the same
	// normalisation (new numbers are normalised anew: a new model, whose
	// Status states the normalisation the model and the data now share).
	if e.model != nil && e.model.Kind == d.Kind && (d.Kind == lstm.Text || d.Norm == e.model.Norm) {
		if t, terr := lstm.NewTrainer(e.model, d); terr == nil {
			e.kind, e.text, e.data, e.trainer = m.Mode, m.Text, d, t
			return e.status(m.ID)
		}
	}
	old := *e
	e.kind, e.text, e.data = m.Mode, m.Text, d
	if err := e.newModel(); err != nil {
		*e = old
		return e.configError(m.ID, err)
	}
	return e.status(m.ID)
}

// parseData reads the training data of m, or says why it cannot be used.
func (e *Engine) parseData(m protocol.SetData) (*lstm.Data, *protocol.Error) {
	var d *lstm.Data
	var err error
	if m.Mode == lstm.Numbers {
		d, err = lstm.NewNumberData(m.Text)
	} else {
		d, err = lstm.NewTextData(m.Text)
	}
	if err != nil {
		return nil, e.dataError(m.ID, protocol.CodeBadData, protocol.KeyText, err)
	}
	return d, nil
}

// dataError says why training data, a probe or a prime (key) cannot be used.
func (e *Engine) dataError(id uint32, code protocol.Code, key string, err error) *protocol.Error {
	r := e.refuse(id, code, protocol.ReasonBug, key)
	var ne *lstm.NumberError
	var le *lstm.LengthError
	var ue *lstm.UnknownRuneError
	switch {
	case errors.Is(err, lstm.ErrNoNumbers):
		r.Reason, r.Detail = protocol.ReasonEmpty, 1
	case errors.Is(err, lstm.ErrEmptyText), errors.Is(err, lstm.ErrEmptyProbe), errors.Is(err, lstm.ErrEmptyPrime):
		r.Reason = protocol.ReasonEmpty
	case errors.Is(err, lstm.ErrBlankText):
		r.Reason = protocol.ReasonBlank
	case errors.Is(err, lstm.ErrTooShort):
		r.Reason, r.Limit = protocol.ReasonTooShort, 2
	case errors.Is(err, lstm.ErrTooManyChars):
		r.Reason, r.Limit = protocol.ReasonTooManyDistinct, lstm.MaxVocab
	case errors.As(err, &ne):
		r.Reason, r.Detail, r.Index, r.Position, r.Token = protocol.ReasonNumber, uint8(ne.Problem), ne.Index, ne.Offset, truncate(ne.Token)
	case errors.As(err, &le):
		r.Reason, r.Detail, r.Have, r.Limit = protocol.ReasonTooLong, uint8(le.Input), int64(le.Have), int64(le.Limit)
	case errors.As(err, &ue):
		r.Reason, r.Token, r.Position = protocol.ReasonUnknownRune, string(ue.Rune), ue.Pos
	default:
		r.Token = truncate(err.Error())
	}
	return &r
}

// newModel replaces the model with a fresh one for the data and
// configuration, of the next generation.
func (e *Engine) newModel() error {
	m, err := lstm.NewModel(e.cfg, e.data)
	if err != nil {
		return err
	}
	t, err := lstm.NewTrainer(m, e.data)
	if err != nil {
		return err
	}
	e.setModel(m, t)
	return nil
}

// setModel makes m the model, of the next generation, and starts its figures
// afresh. Waiting snapshots were asked of the old model: they give way.
func (e *Engine) setModel(m *lstm.Model, t *lstm.Trainer) {
	for _, s := range e.snapAt {
		e.dropped = append(e.dropped, e.supersede(s)...)
	}
	e.snapAt = e.snapAt[:0]
	e.model, e.trainer = m, t
	e.gen++
	e.last = lstm.Update{}
	e.losses = e.losses[:0]
	e.speed = 0
}

// setConfig applies a configuration: the live settings at once, a new sequence
// length with a new trainer for the same model, and anything else with a new model.
func (e *Engine) setConfig(id uint32, c lstm.Config) protocol.Message {
	if err := c.Validate(); err != nil {
		return e.configError(id, err)
	}
	if e.model == nil {
		e.cfg = c
		return e.status(id)
	}
	cur := e.model.Config
	arch := c.Cell != cur.Cell || c.Layers != cur.Layers || c.Hidden != cur.Hidden || c.Seed != cur.Seed || c.Init != cur.Init || c.ForgetBias != cur.ForgetBias
	old := *e
	e.cfg = c
	switch {
	case arch:
		e.running = false
		if err := e.newModel(); err != nil {
			*e = old
			return e.configError(id, err)
		}
	case c.SeqLen != cur.SeqLen:
		e.model.Config.SeqLen = c.SeqLen
		t, err := lstm.NewTrainer(e.model, e.data)
		if err != nil {
			e.model.Config = cur
			*e = old
			return e.configError(id, err)
		}
		e.trainer = t
		fallthrough
	default:
		if r, bad := e.setLive(protocol.SetLive{ID: id, LearningRate: c.LearningRate, Optimizer: c.Optimizer, Momentum: c.Momentum, Clip: c.Clip, ClipMode: c.ClipMode}).(protocol.Error); bad {
			return r
		}
	}
	return e.status(id)
}

// setLive changes the learning rate, optimizer and clipping without a reset.
func (e *Engine) setLive(m protocol.SetLive) protocol.Message {
	c := e.cfg
	c.LearningRate, c.Optimizer, c.Momentum, c.Clip, c.ClipMode = m.LearningRate, m.Optimizer, m.Momentum, m.Clip, m.ClipMode
	if err := c.Validate(); err != nil {
		return e.configError(m.ID, err)
	}
	e.cfg = c
	if e.trainer != nil {
		cur := e.model.Config
		if err := e.trainer.SetLearningRate(c.LearningRate); err != nil {
			return e.configError(m.ID, err)
		}
		if c.Optimizer != cur.Optimizer || c.Momentum != cur.Momentum {
			if err := e.trainer.SetOptimizer(c.Optimizer, c.Momentum); err != nil {
				return e.configError(m.ID, err)
			}
		}
		if err := e.trainer.SetClip(c.Clip, c.ClipMode); err != nil {
			return e.configError(m.ID, err)
		}
	}
	return e.status(m.ID)
}

// update trains one window and records it; a divergence stops training and
// returns the Error, with id (a Step's, or 0 while training runs).
func (e *Engine) update(id uint32) []protocol.Message {
	u, err := e.trainer.Step()
	return e.took(id, u, err)
}

// took records an update, or returns the Error of one that failed.
func (e *Engine) took(id uint32, u lstm.Update, err error) []protocol.Message {
	if err != nil {
		e.running = false
		var de *lstm.DivergenceError
		if !errors.As(err, &de) {
			return one(e.bug(id, err.Error()))
		}
		r := e.refuse(id, protocol.CodeDiverged, protocol.ReasonDiverged, "")
		r.Index, r.Value, r.Max, r.Token = int(de.Step), de.Value, de.LearningRate, de.What
		return one(r)
	}
	e.last = u
	if len(e.losses) >= protocol.MaxLosses {
		copy(e.losses, e.losses[1:])
		e.losses = e.losses[:len(e.losses)-1]
	}
	e.losses = append(e.losses, float32(u.Loss))
	e.speedChars += u.Chars
	return nil
}

// Work trains while the engine is running, until the deadline, and returns the
// messages to send: a Progress at most every ProgressInterval, and an Error if
// training stopped. now reads the clock.
func (e *Engine) Work(deadline time.Time, now func() time.Time) []protocol.Message {
	var out []protocol.Message
	start := now()
	for e.Running() {
		if msgs := e.update(0); msgs != nil {
			out = append(out, msgs...)
			break
		}
		out = append(out, e.snapDue()...)
		if !now().Before(deadline) {
			break
		}
	}
	t := now()
	e.speedTime += t.Sub(start)
	if !e.running || t.Sub(e.lastSent) >= ProgressInterval {
		out = append(out, e.progress(0, t))
	}
	return out
}

// snapDue answers each waiting SnapAt whose update the model has reached, in
// the order of their updates: the trace and the sample of the model as it is now.
func (e *Engine) snapDue() []protocol.Message {
	if len(e.snapAt) == 0 || e.model == nil {
		return nil
	}
	var out []protocol.Message
	for {
		k := -1
		for i, m := range e.snapAt {
			if m.At <= e.model.Updates && (k < 0 || m.At < e.snapAt[k].At) {
				k = i
			}
		}
		if k < 0 {
			return out
		}
		m := e.snapAt[k]
		e.snapAt = slices.Delete(e.snapAt, k, k+1)
		out = append(out, e.trace(m.ID, m.Probe, nil),
			e.sample(protocol.Sample{ID: m.ID, Prime: m.Prime, Count: m.Count, Temperature: m.Temperature, Seed: m.Seed}))
	}
}

// progress builds a Progress message answering id and starts collecting losses anew.
func (e *Engine) progress(id uint32, now time.Time) protocol.Progress {
	if e.speedTime >= 250*time.Millisecond {
		e.speed = float64(e.speedChars) / e.speedTime.Seconds()
		e.speedChars, e.speedTime = 0, 0
	}
	p := protocol.Progress{
		ID:          id,
		Gen:         e.gen,
		Update:      e.modelUpdates(),
		Loss:        e.last.Loss,
		CharsPerSec: e.speed,
		GradNorm:    e.last.GradNorm,
		Running:     e.Running(),
		Losses:      append([]float32(nil), e.losses...),
	}
	e.losses = e.losses[:0]
	e.lastSent = now
	return p
}

func (e *Engine) modelUpdates() uint64 {
	if e.model == nil {
		return 0
	}
	return e.model.Updates
}

func (e *Engine) status(id uint32) protocol.Status {
	s := protocol.Status{ID: id, Gen: e.gen, Kind: e.kind, Config: e.cfg}
	if e.model != nil {
		s.Kind = e.model.Kind
		s.Config = e.model.Config
		s.Params = e.model.Config.ParamCount(e.model.InputSize(), e.model.Params.Y)
		s.Updates = e.model.Updates
		if e.model.Kind == lstm.Text {
			s.Vocab = e.model.Vocab.Runes()
		} else {
			s.Norm = e.model.Norm
		}
	}
	if e.data != nil {
		s.Length = e.data.Len()
	}
	return s
}

// trace runs the model over a probe.
func (e *Engine) trace(id uint32, probe string, ivs []lstm.Intervention) protocol.Message {
	if e.model == nil {
		return e.notReady(id)
	}
	var pr *lstm.Probe
	var err error
	if e.model.Kind == lstm.Numbers {
		vals, perr := lstm.ParseNumbers(probe)
		if perr != nil {
			return *e.dataError(id, protocol.CodeBadProbe, protocol.KeyProbe, perr)
		}
		pr, err = e.model.TraceNumbers(vals, ivs)
	} else {
		pr, err = e.model.TraceText(probe, ivs)
	}
	if err != nil {
		return *e.dataError(id, protocol.CodeBadProbe, protocol.KeyProbe, err)
	}
	res := protocol.TraceResult{ID: id, Gen: e.gen, Update: e.model.Updates, Kind: e.model.Kind, Cell: pr.Cell, T: pr.T, H: pr.H,
		Layers: make([]protocol.LayerTrace, len(pr.Layers))}
	traceLayers(res.Layers, pr)
	if e.model.Kind == lstm.Numbers {
		res.Values = f32(pr.Values)
		res.Pred = f32(pr.Output)
		return res
	}
	e.traceText(&res, pr)
	return res
}

// traceLayers copies the states and gates of every layer of pr.
func traceLayers(out []protocol.LayerTrace, pr *lstm.Probe) {
	T, H := pr.T, pr.H
	for l := range pr.Layers {
		lt := &pr.Layers[l]
		o := &out[l]
		o.H = f32(lt.H[H : (T+1)*H])
		o.H0 = f32(lt.H[:H])
		if pr.Cell != lstm.CellLSTM {
			continue
		}
		o.C = f32(lt.C[H : (T+1)*H])
		o.C0 = f32(lt.C[:H])
		o.Zi, o.Zf, o.Z, o.Zo = make([]float32, T*H), make([]float32, T*H), make([]float32, T*H), make([]float32, T*H)
		for t := 0; t < T; t++ {
			protocol.Float32s(o.Zi[t*H:(t+1)*H], pr.Zi(l, t))
			protocol.Float32s(o.Zf[t*H:(t+1)*H], pr.Zf(l, t))
			protocol.Float32s(o.Z[t*H:(t+1)*H], pr.Z(l, t))
			protocol.Float32s(o.Zo[t*H:(t+1)*H], pr.Zo(l, t))
		}
	}
}

// traceText fills in the probe's characters and the model's predictions.
func (e *Engine) traceText(res *protocol.TraceResult, pr *lstm.Probe) {
	T, V := pr.T, e.model.Vocab.Size()
	res.Symbols = []rune(e.model.Vocab.Decode(pr.Input))
	res.PNext = make([]float32, T)
	res.Top = make([]rune, T)
	res.TopP = make([]float32, T)
	for t := 0; t < T; t++ {
		p := pr.Output[t*V : (t+1)*V]
		k := 0
		for v := range p {
			if p[v] > p[k] {
				k = v
			}
		}
		res.Top[t] = e.model.Vocab.Rune(k)
		res.TopP[t] = float32(p[k])
		if t+1 < T {
			res.PNext[t] = float32(p[pr.Input[t+1]])
		} else {
			res.PNext[t] = float32(math.NaN())
		}
	}
}

// sample generates text or values.
func (e *Engine) sample(m protocol.Sample) protocol.Message {
	if e.model == nil {
		return e.notReady(m.ID)
	}
	if m.Count < 0 || m.Count > lstm.MaxSample {
		r := e.refuse(m.ID, protocol.CodeBadProbe, protocol.ReasonSetting, protocol.KeyLength)
		r.Value, r.Min, r.Max = float64(m.Count), 0, lstm.MaxSample
		return r
	}
	if e.model.Kind == lstm.Numbers {
		vals, err := lstm.ParseNumbers(m.Prime)
		if err == nil {
			var out []float64
			if out, err = e.model.Continue(vals, m.Count); err == nil {
				return protocol.SampleResult{ID: m.ID, Gen: e.gen, Kind: lstm.Numbers, Values: f32(out)}
			}
		}
		return *e.dataError(m.ID, protocol.CodeBadProbe, protocol.KeyPrime, err)
	}
	rng := rand.New(rand.NewPCG(m.Seed, 0x67656e))
	out, err := e.model.Sample(m.Prime, m.Count, m.Temperature, rng)
	if err != nil {
		var ce *lstm.ConfigError
		if errors.As(err, &ce) {
			return e.configError(m.ID, err)
		}
		return *e.dataError(m.ID, protocol.CodeBadProbe, protocol.KeyPrime, err)
	}
	return protocol.SampleResult{ID: m.ID, Gen: e.gen, Kind: lstm.Text, Text: out}
}

// load replaces the model with one from a model file, if it is valid and can
// train on the current data; otherwise nothing changes.
func (e *Engine) load(id uint32, file []byte, now time.Time) []protocol.Message {
	m, err := lstm.Decode(bytes.NewReader(file))
	if err != nil {
		return one(e.modelError(id, err))
	}
	var t *lstm.Trainer
	if e.data != nil && e.data.Kind == m.Kind {
		t, err = lstm.NewTrainer(m, e.data)
		if err != nil {
			r := e.refuse(id, protocol.CodeBadModel, protocol.ReasonCannotTrain, protocol.KeyLoad)
			var ue *lstm.UnknownRuneError
			if errors.As(err, &ue) {
				r.Token = string(ue.Rune)
			} else {
				r.Reason, r.Token = protocol.ReasonBug, truncate(err.Error())
			}
			return one(r)
		}
	}
	e.running = false
	e.cfg, e.kind = m.Config, m.Kind
	if t == nil {
		e.data = nil
	}
	e.setModel(m, t)
	return []protocol.Message{e.status(id), e.progress(0, now)}
}

// modelError says why a model file cannot be read.
func (e *Engine) modelError(id uint32, err error) protocol.Error {
	r := e.refuse(id, protocol.CodeBadModel, protocol.ReasonFormat, protocol.KeyLoad)
	var fe *lstm.FormatError
	var ue *lstm.UnsupportedError
	var ce *lstm.ConfigError
	switch {
	case errors.As(err, &ue):
		r.Reason, r.Have, r.Limit = protocol.ReasonNewerFormat, int64(ue.Version), lstm.FormatVersion
	case errors.As(err, &fe):
		r.Detail, r.Position, r.Have, r.Token = uint8(fe.Problem), int(fe.Offset), fe.Want, truncate(fe.Reason)
		if errors.As(err, &ce) { // a setting out of range: Token names it
			r.Token, r.Value, r.Min, r.Max = ce.Key, ce.Value, ce.Min, ce.Max
		}
	default:
		r.Reason, r.Token = protocol.ReasonBug, truncate(err.Error())
	}
	return r
}

// HandleBytes acts on one message as the worker received it from the page:
// the bytes of a message, or nil if what arrived was not bytes at all. Bytes
// that do not decode, a message that goes from the engine to the page, and a
// panic inside Handle each get an Error reply; nothing reaches Handle unless
// it decoded, and no panic leaves HandleBytes.
func (e *Engine) HandleBytes(b []byte, now time.Time) []protocol.Message {
	if b == nil {
		return one(e.refuse(0, protocol.CodeBadMessage, protocol.ReasonMalformed, ""))
	}
	m, err := protocol.Decode(b)
	if err != nil {
		return one(e.decodeError(b, err))
	}
	if !m.Type().ToEngine() {
		r := e.refuse(0, protocol.CodeBadMessage, protocol.ReasonWrongWay, "")
		r.Have = int64(m.Type())
		return one(r)
	}
	return e.safely(protocol.IDOf(m), func() []protocol.Message { return e.Handle(m, now) })
}

// decodeError answers bytes that do not decode: of another protocol version
// (a page and an engine of different deploys), or malformed.
func (e *Engine) decodeError(b []byte, err error) protocol.Error {
	if v, ok := protocol.HeaderVersion(b); ok && v != protocol.Version {
		r := e.refuse(0, protocol.CodeBadMessage, protocol.ReasonVersion, "")
		r.Have, r.Limit = int64(v), protocol.Version
		return r
	}
	r := e.refuse(0, protocol.CodeBadMessage, protocol.ReasonMalformed, "")
	var de *protocol.DecodeError
	if errors.As(err, &de) {
		r.Position = de.Offset
	}
	r.Token = truncate(err.Error())
	return r
}

// Overflow is the Error the worker sends when messages came faster than the
// engine could queue them: some requests are not answered.
func (e *Engine) Overflow() protocol.Error {
	return e.refuse(0, protocol.CodeBadMessage, protocol.ReasonOverflow, "")
}

// WorkSafely is Work, except that a panic becomes an Error reply and pauses
// training, so that the engine keeps serving.
func (e *Engine) WorkSafely(deadline time.Time, now func() time.Time) []protocol.Message {
	return e.safely(0, func() []protocol.Message { return e.Work(deadline, now) })
}

// safely runs f and turns a panic into an Error message answering id,
// pausing training.
func (e *Engine) safely(id uint32, f func() []protocol.Message) (out []protocol.Message) {
	defer func() {
		if r := recover(); r != nil {
			e.running = false
			out = one(e.bug(id, panicText(r)))
		}
	}()
	return f()
}

// panicText is what fmt.Sprint says of a recovered panic value of the kinds a
// bug raises (a runtime error, an error, a string), without fmt, which would
// link reflect into the page's WebAssembly.
func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	case interface{ String() string }:
		return v.String()
	}
	return "a panic that is neither an error nor a string"
}

// diagnostics reports the engine's memory. It stops the world and collects
// (runtime.ReadMemStats, runtime.GC), so it is for tests and bug reports, not
// for every frame. The live heap is the heap in use right after that
// collection: runtime/metrics' /gc/heap/live:bytes would give the same figure
// for the last collection, but the runtime/metrics package (its descriptions
// and readers) added about 30 KB to app.wasm. (The runtime's own metrics
// table, runtime.initMetrics, stays: internal/godebug, which time imports,
// registers a metric at init.)
func (e *Engine) diagnostics(id uint32) protocol.Diagnostics {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	d := protocol.Diagnostics{ID: id, Update: e.modelUpdates(), HeapAlloc: ms.HeapAlloc, HeapSys: ms.HeapSys,
		TotalAlloc: ms.TotalAlloc, NumGC: ms.NumGC, Goroutines: runtime.NumGoroutine(), Funcs: -1, Warmed: e.warmed}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	d.HeapLive = ms.HeapAlloc
	if e.funcs != nil {
		d.Funcs = e.funcs()
	}
	return d
}

// f32 returns src converted to float32, the wire's width.
func f32(src []float64) []float32 {
	return protocol.Float32s(make([]float32, len(src)), src)
}
