// Package engine is the playground's training engine without its JavaScript
// bridge: it holds the data, the model and the trainer, answers protocol
// messages, and trains in time-boxed chunks. The Web Worker (package worker)
// only moves bytes between it and the page, so everything here is tested
// natively and under WebAssembly alike.
package engine

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/words"
)

// Version names the engine in its Ready message.
const Version = "lstm-playground engine 1"

// ProgressInterval is the least time between two Progress messages while
// training runs (about 30 a second).
const ProgressInterval = 33 * time.Millisecond

// smoothing is the weight of the newest loss in the smoothed loss.
const smoothing = 0.05

// Engine owns the training data, the model and the training loop. It is not
// safe for concurrent use: the worker calls it from one goroutine.
type Engine struct {
	kind    lstm.Kind
	text    string // the data as typed
	data    *lstm.Data
	cfg     lstm.Config
	model   *lstm.Model
	trainer *lstm.Trainer
	running bool

	last     lstm.Update // the last successful update
	smoothed float64
	hasSmoot bool
	losses   []float32 // losses since the last Progress
	lastSent time.Time

	// throughput over the recent past
	speedChars int
	speedSince time.Time
	speedTime  time.Duration
	speed      float64

	snapAt []protocol.SnapAt // snapshots waiting for their updates, in the order asked

	funcs func() int // the bridge's live js.Func count, for Diagnostics; nil: unknown
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
// kernels are in use.
func (e *Engine) Ready() protocol.Message {
	if lstm.SIMD() {
		return protocol.Ready{Engine: Version + " (SIMD kernels)"}
	}
	return protocol.Ready{Engine: Version}
}

// fail builds an Error message.
func fail(id uint32, code protocol.Code, field, format string, args ...any) protocol.Error {
	msg := fmt.Sprintf(format, args...)
	msg = strings.TrimPrefix(msg, "lstm: ")
	if len(msg) > 0 {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
		if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") && !strings.HasSuffix(msg, "!") {
			msg += "." // a sentence, as every message the person reads
		}
	}
	return protocol.Error{ID: id, Code: code, Field: field, Message: msg}
}

// configError turns an lstm validation error into an Error naming the field.
func configError(err error) protocol.Error {
	var ce *lstm.ConfigError
	if errors.As(err, &ce) {
		return fail(0, protocol.CodeBadConfig, words.Label(words.English, ce.Key), "%s", words.Config(words.English, ce))
	}
	return fail(0, protocol.CodeBadConfig, "", "%s", firstLine(err.Error()))
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// Handle acts on one message from the UI and returns the replies, in order.
// It never panics on any message content.
func (e *Engine) Handle(m protocol.Message, now time.Time) []protocol.Message {
	switch m := m.(type) {
	case protocol.SetData:
		return e.setData(m)
	case protocol.SetConfig:
		return e.setConfig(m.Config)
	case protocol.Train:
		if e.trainer == nil {
			return []protocol.Message{e.notReady()}
		}
		e.running = true
		e.speedSince, e.speedChars, e.speedTime = now, 0, 0
		return []protocol.Message{e.progress(now)}
	case protocol.Pause:
		e.running = false
		return []protocol.Message{e.progress(now)}
	case protocol.Step:
		if e.trainer == nil {
			return []protocol.Message{e.notReady()}
		}
		e.running = false
		out := e.update()
		out = append(out, e.snapDue()...)
		return append(out, e.progress(now))
	case protocol.Reset:
		if e.data == nil {
			return []protocol.Message{e.notReady()}
		}
		e.running = false
		if err := e.newModel(); err != nil {
			return []protocol.Message{configError(err)}
		}
		return []protocol.Message{e.status(), e.progress(now)}
	case protocol.SetLive:
		return e.setLive(m)
	case protocol.Trace:
		return []protocol.Message{e.trace(m)}
	case protocol.Sample:
		return []protocol.Message{e.sample(m)}
	case protocol.SnapAt:
		if e.model == nil {
			r := e.notReady()
			r.ID = m.Trace.ID
			return []protocol.Message{r}
		}
		if len(e.snapAt) >= protocol.MaxSnapAts {
			e.snapAt = slices.Delete(e.snapAt, 0, 1) // the oldest gives way
		}
		e.snapAt = append(e.snapAt, m)
		return e.snapDue()
	case protocol.Reach:
		if e.trainer == nil {
			return []protocol.Message{e.notReady()}
		}
		r := e.trainer.Reach()
		res := protocol.ReachResult{ID: m.ID, Update: e.model.Updates, Cell: e.model.Config.Cell, Layers: make([][]float32, len(r))}
		for l := range r {
			res.Layers[l] = f32(r[l])
		}
		return []protocol.Message{res}
	case protocol.Export:
		if e.model == nil {
			return []protocol.Message{e.notReady()}
		}
		var buf bytes.Buffer
		if err := lstm.Encode(&buf, e.model); err != nil {
			return []protocol.Message{fail(m.ID, protocol.CodeInternal, "", "The model could not be saved: %v", err)}
		}
		return []protocol.Message{protocol.ModelFile{ID: m.ID, File: buf.Bytes()}}
	case protocol.Import:
		return e.load(m.File, now)
	case protocol.Diagnose:
		return []protocol.Message{e.diagnostics(m.ID)}
	}
	return []protocol.Message{fail(0, protocol.CodeBadMessage, "", "The engine does not take %v messages.", m.Type())}
}

func (e *Engine) notReady() protocol.Error {
	return fail(0, protocol.CodeNotReady, "Training text", "There is no training data yet: type a training text or pick a preset.")
}

func (e *Engine) setData(m protocol.SetData) []protocol.Message {
	if e.trainer != nil && m.Mode == e.kind && m.Text == e.text {
		// The data it trains on already (an edit undone, or the page sending
		// it again): keep the trainer, its place in the data and the
		// optimizer's state, so that nothing changes.
		return []protocol.Message{e.status()}
	}
	var d *lstm.Data
	var err error
	field := "Training text"
	if m.Mode == lstm.Numbers {
		d, err = lstm.NewNumberData(m.Text)
	} else if n := utf8.RuneCountInString(m.Text); n > lstm.MaxTextChars {
		return []protocol.Message{fail(0, protocol.CodeBadData, field, "The training text has %s characters; the limit is %s. Use a shorter text.", group(n), group(lstm.MaxTextChars))}
	} else if m.Text != "" && strings.TrimSpace(m.Text) == "" {
		// A text of spaces and line breaks only (what a cleared box often
		// holds) would train a one-character model on nothing: say so instead.
		return []protocol.Message{fail(0, protocol.CodeBadData, field, "The training text is only white space (spaces, tabs or line breaks): type some text or pick a preset.")}
	} else {
		d, err = lstm.NewTextData(m.Text)
	}
	if err != nil {
		if m.Mode == lstm.Text && distinctOver(m.Text, lstm.MaxVocab) {
			return []protocol.Message{fail(0, protocol.CodeBadData, field, "The training text has more than %s distinct characters; the limit is %s. Use a text with fewer different characters.", group(lstm.MaxVocab), group(lstm.MaxVocab))}
		}
		return []protocol.Message{dataError(field, m.Mode, err)}
	}
	// Keep the model when it can read the new data: same kind, and for text
	// every character already in its vocabulary.
	if e.model != nil && e.model.Kind == d.Kind {
		if t, terr := lstm.NewTrainer(e.model, d); terr == nil {
			e.kind, e.text, e.data, e.trainer = m.Mode, m.Text, d, t
			return []protocol.Message{e.status()}
		}
	}
	old := *e
	e.kind, e.text, e.data = m.Mode, m.Text, d
	if err := e.newModel(); err != nil {
		*e = old
		return []protocol.Message{configError(err)}
	}
	return []protocol.Message{e.status()}
}

// distinctOver reports whether s has more than n distinct characters.
func distinctOver(s string, n int) bool {
	seen := make(map[rune]struct{}, n+1)
	for _, r := range s {
		seen[r] = struct{}{}
		if len(seen) > n {
			return true
		}
	}
	return false
}

// group writes n with thousands separators: 1,000,000.
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// dataError explains why training data cannot be used.
func dataError(field string, mode lstm.Kind, err error) protocol.Error {
	var ne *lstm.NumberError
	switch {
	case errors.Is(err, lstm.ErrEmptyText):
		if mode == lstm.Numbers {
			return fail(0, protocol.CodeBadData, field, "The list of numbers is empty: type some numbers, such as 0, 0.5, 1, 0.5, 0.")
		}
		return fail(0, protocol.CodeBadData, field, "The training text is empty: type something or pick a preset.")
	case errors.Is(err, lstm.ErrTooShort):
		return fail(0, protocol.CodeBadData, field, "The training data needs at least 2 symbols: one to read and one to predict.")
	case errors.As(err, &ne):
		return fail(0, protocol.CodeBadData, field, "%s", words.NumberError(words.English, ne))
	}
	return fail(0, protocol.CodeBadData, field, "%s", err.Error())
}

// newModel replaces the model with a fresh one for the data and configuration.
func (e *Engine) newModel() error {
	m, err := lstm.NewModel(e.cfg, e.data)
	if err != nil {
		return err
	}
	t, err := lstm.NewTrainer(m, e.data)
	if err != nil {
		return err
	}
	e.model, e.trainer = m, t
	e.resetStats()
	return nil
}

// resetStats starts the figures of a new model afresh. Waiting snapshots
// stay: they are answered when the new model reaches their updates (the page
// tells by their IDs whether it still wants them).
func (e *Engine) resetStats() {
	e.last = lstm.Update{}
	e.smoothed, e.hasSmoot = 0, false
	e.losses = e.losses[:0]
	e.speed = 0
}

// setConfig applies a configuration: the live settings at once, a new sequence
// length with a new trainer for the same model, and anything else with a new model.
func (e *Engine) setConfig(c lstm.Config) []protocol.Message {
	if err := c.Validate(); err != nil {
		return []protocol.Message{configError(err)}
	}
	if e.model == nil {
		e.cfg = c
		return []protocol.Message{e.status()}
	}
	cur := e.model.Config
	arch := c.Cell != cur.Cell || c.Layers != cur.Layers || c.Hidden != cur.Hidden || c.Seed != cur.Seed || c.ForgetBias != cur.ForgetBias
	old := *e
	e.cfg = c
	switch {
	case arch:
		e.running = false
		if err := e.newModel(); err != nil {
			*e = old
			return []protocol.Message{configError(err)}
		}
	case c.SeqLen != cur.SeqLen:
		e.model.Config.SeqLen = c.SeqLen
		t, err := lstm.NewTrainer(e.model, e.data)
		if err != nil {
			e.model.Config = cur
			*e = old
			return []protocol.Message{configError(err)}
		}
		e.trainer = t
		fallthrough
	default:
		if msgs := e.setLive(protocol.SetLive{LearningRate: c.LearningRate, Optimizer: c.Optimizer, Momentum: c.Momentum, Clip: c.Clip, ClipMode: c.ClipMode}); len(msgs) > 0 {
			if _, bad := msgs[0].(protocol.Error); bad {
				return msgs
			}
		}
	}
	return []protocol.Message{e.status()}
}

// setLive changes the learning rate, optimizer and clipping without a reset.
func (e *Engine) setLive(m protocol.SetLive) []protocol.Message {
	c := e.cfg
	c.LearningRate, c.Optimizer, c.Momentum, c.Clip, c.ClipMode = m.LearningRate, m.Optimizer, m.Momentum, m.Clip, m.ClipMode
	if err := c.Validate(); err != nil {
		return []protocol.Message{configError(err)}
	}
	e.cfg = c
	if e.trainer != nil {
		cur := e.model.Config
		if err := e.trainer.SetLearningRate(c.LearningRate); err != nil {
			return []protocol.Message{configError(err)}
		}
		if c.Optimizer != cur.Optimizer || c.Momentum != cur.Momentum {
			if err := e.trainer.SetOptimizer(c.Optimizer, c.Momentum); err != nil {
				return []protocol.Message{configError(err)}
			}
		}
		if err := e.trainer.SetClip(c.Clip, c.ClipMode); err != nil {
			return []protocol.Message{configError(err)}
		}
	}
	return []protocol.Message{e.status()}
}

// update trains one window and records it; a divergence stops training.
func (e *Engine) update() []protocol.Message {
	u, err := e.trainer.Step()
	if err != nil {
		e.running = false
		var de *lstm.DivergenceError
		if errors.As(err, &de) {
			return []protocol.Message{fail(0, protocol.CodeDiverged, "Learning rate", "%s", de.Error())}
		}
		return []protocol.Message{fail(0, protocol.CodeInternal, "", "Training stopped: %v", err)}
	}
	e.last = u
	if !e.hasSmoot {
		e.smoothed, e.hasSmoot = u.Loss, true
	} else {
		e.smoothed += smoothing * (u.Loss - e.smoothed)
	}
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
		if msgs := e.update(); msgs != nil {
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
		out = append(out, e.progress(t))
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
		out = append(out, e.trace(m.Trace), e.sample(m.Sample))
	}
}

// progress builds a Progress message and starts collecting losses anew.
func (e *Engine) progress(now time.Time) protocol.Progress {
	if e.speedTime >= 250*time.Millisecond {
		e.speed = float64(e.speedChars) / e.speedTime.Seconds()
		e.speedChars, e.speedTime = 0, 0
	}
	p := protocol.Progress{
		Update:      e.modelUpdates(),
		Loss:        e.last.Loss,
		HasSmoothed: e.hasSmoot,
		Smoothed:    e.smoothed,
		CharsPerSec: e.speed,
		GradNorm:    e.last.GradNorm,
		Clipped:     e.last.Clipped,
		Running:     e.Running(),
		Losses:      append([]float32(nil), e.losses...),
	}
	if e.data != nil {
		p.DataLen = e.data.Len()
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

func (e *Engine) status() protocol.Status {
	s := protocol.Status{Kind: e.kind, Config: e.cfg}
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
func (e *Engine) trace(m protocol.Trace) protocol.Message {
	if e.model == nil {
		r := e.notReady()
		r.ID = m.ID
		return r
	}
	var pr *lstm.Probe
	var err error
	if e.model.Kind == lstm.Numbers {
		vals, perr := lstm.ParseNumbers(m.Probe)
		if perr != nil {
			return probeError(m.ID, "Probe text", perr)
		}
		pr, err = e.model.TraceNumbers(vals, m.Interventions)
	} else {
		pr, err = e.model.TraceText(m.Probe, m.Interventions)
	}
	if err != nil {
		return probeError(m.ID, "Probe text", err)
	}
	T, H := pr.T, pr.H
	res := protocol.TraceResult{ID: m.ID, Update: e.model.Updates, Kind: e.model.Kind, Cell: pr.Cell, T: T, H: H,
		Layers: make([]protocol.LayerTrace, len(pr.Layers))}
	for l := range pr.Layers {
		lt := &pr.Layers[l]
		out := &res.Layers[l]
		out.H = f32(lt.H[H : (T+1)*H])
		out.H0 = f32(lt.H[:H])
		if pr.Cell == lstm.CellLSTM {
			out.C = f32(lt.C[H : (T+1)*H])
			out.C0 = f32(lt.C[:H])
			out.Zi = make([]float32, T*H)
			out.Zf = make([]float32, T*H)
			out.Z = make([]float32, T*H)
			out.Zo = make([]float32, T*H)
			for t := 0; t < T; t++ {
				protocol.Float32s(out.Zi[t*H:(t+1)*H], pr.Zi(l, t))
				protocol.Float32s(out.Zf[t*H:(t+1)*H], pr.Zf(l, t))
				protocol.Float32s(out.Z[t*H:(t+1)*H], pr.Z(l, t))
				protocol.Float32s(out.Zo[t*H:(t+1)*H], pr.Zo(l, t))
			}
		}
	}
	if e.model.Kind == lstm.Numbers {
		res.Values = f32(pr.Values)
		res.Pred = f32(pr.Output)
		return res
	}
	V := e.model.Vocab.Size()
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
	return res
}

func probeError(id uint32, field string, err error) protocol.Error {
	var ne *lstm.NumberError
	if errors.As(err, &ne) {
		return fail(id, protocol.CodeBadProbe, field, "%s", words.NumberError(words.English, ne))
	}
	if errors.Is(err, lstm.ErrUnknownRune) {
		return fail(id, protocol.CodeBadProbe, field, "%s: the model only knows the characters of its training text.", firstLine(strings.TrimPrefix(err.Error(), "lstm: ")))
	}
	return fail(id, protocol.CodeBadProbe, field, "%s", firstLine(err.Error()))
}

// sample generates text or values.
func (e *Engine) sample(m protocol.Sample) protocol.Message {
	if e.model == nil {
		r := e.notReady()
		r.ID = m.ID
		return r
	}
	if e.model.Kind == lstm.Numbers {
		vals, err := lstm.ParseNumbers(m.Prime)
		if err != nil {
			return probeError(m.ID, "Prime", err)
		}
		out, err := e.model.Continue(vals, m.Count)
		if err != nil {
			return probeError(m.ID, "Prime", err)
		}
		return protocol.SampleResult{ID: m.ID, Kind: lstm.Numbers, Values: f32(out)}
	}
	rng := rand.New(rand.NewPCG(m.Seed, 0x67656e))
	out, err := e.model.Sample(m.Prime, m.Count, m.Temperature, rng)
	if err != nil {
		var ce *lstm.ConfigError
		if errors.As(err, &ce) {
			return fail(m.ID, protocol.CodeBadConfig, words.Label(words.English, ce.Key), "%s", words.Config(words.English, ce))
		}
		return probeError(m.ID, "Prime", err)
	}
	return protocol.SampleResult{ID: m.ID, Kind: lstm.Text, Text: out}
}

// load replaces the model with one from a model file, if it is valid and can
// train on the current data; otherwise nothing changes.
func (e *Engine) load(file []byte, now time.Time) []protocol.Message {
	m, err := lstm.Decode(bytes.NewReader(file))
	if err != nil {
		msg, ok := words.ModelFile(words.English, err)
		if !ok {
			msg = firstLine(err.Error())
		}
		return []protocol.Message{fail(0, protocol.CodeBadModel, "Load model", "%s", msg)}
	}
	var t *lstm.Trainer
	if e.data != nil && e.data.Kind == m.Kind {
		t, err = lstm.NewTrainer(m, e.data)
		if err != nil {
			return []protocol.Message{fail(0, protocol.CodeBadModel, "Load model", "%s", cannotTrain(err))}
		}
	}
	e.running = false
	e.model, e.trainer, e.cfg, e.kind = m, t, m.Config, m.Kind
	if t == nil {
		e.data = nil
	}
	e.resetStats()
	return []protocol.Message{e.status(), e.progress(now)}
}

// HandleBytes acts on one message as the worker received it from the page:
// the bytes of a message, or nil if what arrived was not bytes at all. Bytes
// that do not decode, a message that goes from the engine to the page, and a
// panic inside Handle each get an Error reply; nothing reaches Handle unless
// it decoded, and no panic leaves HandleBytes.
func (e *Engine) HandleBytes(b []byte, now time.Time) []protocol.Message {
	if b == nil {
		return []protocol.Message{protocol.Error{Code: protocol.CodeBadMessage, Message: "The engine received a message that is not bytes."}}
	}
	m, err := protocol.Decode(b)
	if err != nil {
		return []protocol.Message{protocol.Error{Code: protocol.CodeBadMessage, Message: "The engine received a malformed message: " + err.Error()}}
	}
	if !m.Type().ToEngine() {
		return []protocol.Message{protocol.Error{Code: protocol.CodeBadMessage, Message: fmt.Sprintf("The engine does not take %v messages.", m.Type())}}
	}
	return e.safely(func() []protocol.Message { return e.Handle(m, now) })
}

// WorkSafely is Work, except that a panic becomes an Error reply and pauses
// training, so that the engine keeps serving.
func (e *Engine) WorkSafely(deadline time.Time, now func() time.Time) []protocol.Message {
	return e.safely(func() []protocol.Message { return e.Work(deadline, now) })
}

// safely runs f and turns a panic into an Error message, pausing training.
func (e *Engine) safely(f func() []protocol.Message) (out []protocol.Message) {
	defer func() {
		if r := recover(); r != nil {
			e.running = false
			out = []protocol.Message{protocol.Error{Code: protocol.CodeInternal, Message: fmt.Sprintf("The engine hit a bug and paused: %v", r)}}
		}
	}()
	return f()
}

// diagnostics reports the engine's memory. It stops the world briefly
// (runtime.ReadMemStats), so it is for tests and bug reports, not for every frame.
func (e *Engine) diagnostics(id uint32) protocol.Diagnostics {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	d := protocol.Diagnostics{ID: id, Update: e.modelUpdates(), HeapAlloc: ms.HeapAlloc, HeapSys: ms.HeapSys,
		TotalAlloc: ms.TotalAlloc, NumGC: ms.NumGC, Goroutines: runtime.NumGoroutine(), Funcs: -1}
	if live[0].Value.Kind() == metrics.KindUint64 {
		d.HeapLive = live[0].Value.Uint64()
	}
	if e.funcs != nil {
		d.Funcs = e.funcs()
	}
	return d
}

// cannotTrain explains why a valid model file cannot train on the current data.
func cannotTrain(err error) string {
	if ue, ok := errors.AsType[*lstm.UnknownRuneError](err); ok {
		return words.CannotTrain(words.English, ue)
	}
	return "This model cannot train on the current training text: " + strings.TrimPrefix(firstLine(err.Error()), "lstm: ") + ". The current model is kept."
}

// f32 returns src converted to float32, the wire's width.
func f32(src []float64) []float32 {
	return protocol.Float32s(make([]float32, len(src)), src)
}
