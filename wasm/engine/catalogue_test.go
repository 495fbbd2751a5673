package engine

// The bad-input catalogue, engine side (issue 7): every way that untrusted
// input reaches the engine — the training text and numbers (SetData), every
// setting (SetConfig, SetLive), the probe (Trace), the prime and the sampling
// settings (Sample), model files (Import) and the bytes of worker messages
// (HandleBytes) — with hostile or careless values. Each row states the input,
// a meaningful part of the message the person sees, and checks that the
// session is unchanged: the same model object, its model file (configuration,
// update count and every parameter) bit for bit, the same data, settings and
// trace, and the same next update as a twin session that never saw the input.
// Run with -v to print the catalogue: surface, input, message.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

const (
	sessionText    = "hello world, hello lstm"
	sessionProbe   = "hello"
	sessionNumbers = "0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5, 0, 0.5, 1, 0.5"
	numbersProbe   = "0, 0.5, 1"
)

// textSession returns an engine as a person leaves it: a text, a small model
// and three updates.
func textSession(t *testing.T) *Engine {
	t.Helper()
	e := ready(t, sessionText)
	for range 3 {
		send(t, e, protocol.Step{})
	}
	return e
}

// numbersSession is textSession in numbers mode.
func numbersSession(t *testing.T) *Engine {
	t.Helper()
	e := New()
	send(t, e, protocol.SetConfig{Config: smallConfig()})
	if er, bad := errorOf(send(t, e, protocol.SetData{Mode: lstm.Numbers, Text: sessionNumbers})); bad {
		t.Fatalf("%+v", er)
	}
	for range 3 {
		send(t, e, protocol.Step{})
	}
	return e
}

// snapshot is everything a refused input must leave as it was.
type snapshot struct {
	model   *lstm.Model
	file    []byte // the model file: configuration, update count, every parameter bit for bit
	text    string
	kind    lstm.Kind
	cfg     lstm.Config
	running bool
	trace   []byte // the encoded TraceResult of the session's probe
}

func capture(t *testing.T, e *Engine) snapshot {
	t.Helper()
	s := snapshot{model: e.model, text: e.text, kind: e.kind, cfg: e.cfg, running: e.running}
	if e.model == nil {
		return s
	}
	var buf bytes.Buffer
	if err := lstm.Encode(&buf, e.model); err != nil {
		t.Fatalf("the session's model does not encode: %v", err)
	}
	s.file = buf.Bytes()
	probe := sessionProbe
	if e.model.Kind == lstm.Numbers {
		probe = numbersProbe
	}
	tr, err := protocol.Encode(e.trace(1, probe, nil))
	if err != nil {
		t.Fatalf("trace: %v", err)
	}
	s.trace = tr
	return s
}

// unchanged fails unless e is as before and its next update is the twin's,
// bit for bit: the trainer's position, carried state and optimizer state are
// untouched too.
func unchanged(t *testing.T, e *Engine, before snapshot, twin *Engine) {
	t.Helper()
	after := capture(t, e)
	switch {
	case after.model != before.model:
		t.Fatal("the model was replaced")
	case !bytes.Equal(after.file, before.file):
		t.Fatal("the model file changed: configuration, update count or a parameter")
	case after.text != before.text || after.kind != before.kind:
		t.Fatal("the training data changed")
	case after.cfg != before.cfg:
		t.Fatalf("the settings changed: %+v → %+v", before.cfg, after.cfg)
	case after.running != before.running:
		t.Fatal("training started or stopped")
	case !bytes.Equal(after.trace, before.trace):
		t.Fatal("the trace of the probe changed")
	}
	if twin == nil || e.trainer == nil {
		return
	}
	p := only[protocol.Progress](t, send(t, e, protocol.Step{}))
	q := only[protocol.Progress](t, send(t, twin, protocol.Step{}))
	if p.Update != q.Update || math.Float64bits(p.Loss) != math.Float64bits(q.Loss) {
		t.Fatalf("the next update differs from a session that never saw the input: update %d loss %v, want update %d loss %v", p.Update, p.Loss, q.Update, q.Loss)
	}
	if a, b := capture(t, e), capture(t, twin); !bytes.Equal(a.file, b.file) {
		t.Fatal("after one more update the model differs from a session that never saw the input")
	}
}

// refusal is one row of the catalogue: an input the engine must refuse.
type refusal struct {
	surface string // where it enters, as the person sees it
	input   string // what was given, for the catalogue
	numbers bool   // start from numbersSession instead of textSession
	msg     func() protocol.Message
	want    protocol.Error // the Error's Code, Reason and Key, and the numbers that are not zero
}

func cfgWith(f func(*lstm.Config)) func() protocol.Message {
	return func() protocol.Message {
		c := smallConfig()
		f(&c)
		return protocol.SetConfig{ID: 71, Config: c}
	}
}

func liveWith(f func(*protocol.SetLive)) func() protocol.Message {
	return func() protocol.Message {
		c := smallConfig()
		l := protocol.SetLive{ID: 72, LearningRate: c.LearningRate, Optimizer: c.Optimizer, Momentum: c.Momentum, Clip: c.Clip, ClipMode: c.ClipMode}
		f(&l)
		return l
	}
}

func textData(s string) func() protocol.Message {
	return func() protocol.Message { return protocol.SetData{ID: 73, Mode: lstm.Text, Text: s} }
}

func numberData(s string) func() protocol.Message {
	return func() protocol.Message { return protocol.SetData{ID: 74, Mode: lstm.Numbers, Text: s} }
}

// distinct returns a text of n distinct characters (CJK ideographs from U+4E00).
func distinct(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteRune(rune(0x4E00 + i))
	}
	return b.String()
}

func numberList(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d", i%7)
	}
	return b.String()
}

func refusals() []refusal {
	const hostile = "<img src=x onerror=alert(1)>"
	return []refusal{
		// Training text.
		{"Training text", "empty", false, textData(""), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonEmpty, Key: protocol.KeyText}},
		{"Training text", "white space only", false, textData(" \n\t  \n"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonBlank, Key: protocol.KeyText}},
		{"Training text", "ideographic spaces only", false, textData("\u3000\u3000"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonBlank, Key: protocol.KeyText}},
		{"Training text", "one symbol", false, textData("x"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonTooShort, Key: protocol.KeyText, Limit: 2}},
		{"Training text", "a 2 MB paste (2,097,152 characters)", false, textData(strings.Repeat("abcd ", 2<<20/5+1)[:2<<20]), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonTooLong, Key: protocol.KeyText, Have: 2097152, Limit: 1e6}},
		{"Training text", "5,000 distinct characters", false, textData(distinct(5000)), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonTooManyDistinct, Key: protocol.KeyText, Limit: 4096}},
		// Numbers.
		{"Training numbers", "empty", false, numberData(""), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonEmpty, Key: protocol.KeyText}},
		{"Training numbers", "white space only", false, numberData(" \n "), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonEmpty, Key: protocol.KeyText}},
		{"Training numbers", "one number", false, numberData("5"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonTooShort, Key: protocol.KeyText, Limit: 2}},
		{"Training numbers", "1, NaN, 2", false, numberData("1, NaN, 2"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 2, Position: 4, Token: "NaN"}},
		{"Training numbers", "1, Infinity", false, numberData("1, Infinity"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 2, Token: "Infinity"}},
		{"Training numbers", "1, -inf", false, numberData("1, -inf"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 2, Token: "-inf"}},
		{"Training numbers", "1, 1e308", false, numberData("1, 1e308"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 2, Position: 4, Token: "1e308"}},
		{"Training numbers", "1, 1e400 (beyond float64)", false, numberData("1, 1e400"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 2, Token: "1e400"}},
		{"Training numbers", "0,5; 1,5 (decimal commas)", false, numberData("0,5; 1,5"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 1, Position: 1, Token: "0,5"}},
		{"Training numbers", "0, 0.5, 1, banana, 0", false, numberData("0, 0.5, 1, banana, 0"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 4, Position: 12, Token: "banana"}},
		{"Training numbers", "0x10, 1 (hexadecimal)", false, numberData("0x10, 1"), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 1, Token: "0x10"}},
		{"Training numbers", "100,001 numbers", false, numberData(numberList(100_001)), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 100001}},
		{"Training numbers", "hostile HTML", false, numberData("1, " + hostile), protocol.Error{Code: protocol.CodeBadData, Reason: protocol.ReasonNumber, Key: protocol.KeyText, Index: 2, Token: "<img"}},

		// Settings that reset the model, and those that change live.
		{"Learning rate", "0", false, cfgWith(func(c *lstm.Config) { c.LearningRate = 0 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyLR, Min: 1e-6, Max: 1}},
		{"Learning rate", "1e6", false, cfgWith(func(c *lstm.Config) { c.LearningRate = 1e6 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyLR, Min: 1e-6, Max: 1}},
		{"Learning rate", "NaN", false, cfgWith(func(c *lstm.Config) { c.LearningRate = math.NaN() }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyLR, Min: 1e-6, Max: 1}},
		{"Learning rate", "-Infinity", false, cfgWith(func(c *lstm.Config) { c.LearningRate = math.Inf(-1) }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyLR, Min: 1e-6, Max: 1}},
		{"Hidden units", "0", false, cfgWith(func(c *lstm.Config) { c.Hidden = 0 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyHidden, Min: 1, Max: 512}},
		{"Hidden units", "100000", false, cfgWith(func(c *lstm.Config) { c.Hidden = 100000 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyHidden, Min: 1, Max: 512}},
		{"Hidden units", "-1", false, cfgWith(func(c *lstm.Config) { c.Hidden = -1 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyHidden, Min: 1, Max: 512}},
		{"Sequence length", "0", false, cfgWith(func(c *lstm.Config) { c.SeqLen = 0 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeySeqLen, Min: 1, Max: 256}},
		{"Sequence length", "100000", false, cfgWith(func(c *lstm.Config) { c.SeqLen = 100000 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeySeqLen, Min: 1, Max: 256}},
		{"Layers", "3", false, cfgWith(func(c *lstm.Config) { c.Layers = 3 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyLayers, Min: 1, Max: 2}},
		{"Cell", "7 (neither LSTM nor RNN)", false, cfgWith(func(c *lstm.Config) { c.Cell = 7 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyCell}},
		{"Optimizer", "9", false, cfgWith(func(c *lstm.Config) { c.Optimizer = 9 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyOptimizer}},
		{"Gradient clip", "-1", false, cfgWith(func(c *lstm.Config) { c.Clip = -1 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyClip, Min: 0, Max: 1000}},
		{"Gradient clip", "Infinity", false, cfgWith(func(c *lstm.Config) { c.Clip = math.Inf(1) }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyClip, Min: 0, Max: 1000}},
		{"Clip mode", "5", false, cfgWith(func(c *lstm.Config) { c.ClipMode = 5 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyClipMode}},
		{"Momentum", "1", false, cfgWith(func(c *lstm.Config) { c.Momentum = 1 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyMomentum, Min: 0, Max: 0.999}},
		{"Forget-gate bias", "NaN", false, cfgWith(func(c *lstm.Config) { c.ForgetBias = math.NaN() }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyForgetBias, Min: -10, Max: 10}},
		{"Learning rate (live)", "0", false, liveWith(func(l *protocol.SetLive) { l.LearningRate = 0 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyLR, Min: 1e-6, Max: 1}},
		{"Learning rate (live)", "1e6", false, liveWith(func(l *protocol.SetLive) { l.LearningRate = 1e6 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyLR, Min: 1e-6, Max: 1}},
		{"Optimizer (live)", "9", false, liveWith(func(l *protocol.SetLive) { l.Optimizer = 9 }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyOptimizer}},
		{"Gradient clip (live)", "NaN", false, liveWith(func(l *protocol.SetLive) { l.Clip = math.NaN() }), protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyClip, Min: 0, Max: 1000}},

		// Probe text.
		{"Probe text", "empty", false, func() protocol.Message { return protocol.Trace{ID: 5} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonEmpty, Key: protocol.KeyProbe}},
		{"Probe text", "a character the model does not know", false, func() protocol.Message { return protocol.Trace{ID: 5, Probe: "hello 🙂"} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonUnknownRune, Key: protocol.KeyProbe}},
		{"Probe text", "hostile HTML", false, func() protocol.Message { return protocol.Trace{ID: 5, Probe: hostile} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonUnknownRune, Key: protocol.KeyProbe}},
		{"Probe text", "2,001 characters", false, func() protocol.Message { return protocol.Trace{ID: 5, Probe: strings.Repeat("hello", 401)[:2001]} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonTooLong, Key: protocol.KeyProbe, Have: 2001, Limit: 2000}},
		{"Probe text", "an intervention on unit 10,000", false, func() protocol.Message {
			return protocol.Trace{ID: 5, Probe: sessionProbe, Interventions: []lstm.Intervention{{State: lstm.StateC, Unit: 9999}}}
		}, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonBug, Key: protocol.KeyProbe}},
		{"Probe text", "an intervention value of NaN", false, func() protocol.Message {
			return protocol.Trace{ID: 5, Probe: sessionProbe, Interventions: []lstm.Intervention{{State: lstm.StateH, Value: math.NaN()}}}
		}, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonBug, Key: protocol.KeyProbe}},
		{"Probe numbers", "1, NaN", true, func() protocol.Message { return protocol.Trace{ID: 5, Probe: "1, NaN"} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonNumber, Key: protocol.KeyProbe, Index: 2, Token: "NaN"}},
		{"Probe numbers", "0,5; 1", true, func() protocol.Message { return protocol.Trace{ID: 5, Probe: "0,5; 1"} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonNumber, Key: protocol.KeyProbe, Index: 1, Token: "0,5"}},

		// Generate: prime, count, temperature.
		{"Prime", "a character the model does not know", false, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "he¿", Count: 5, Temperature: 1} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonUnknownRune, Key: protocol.KeyPrime}},
		{"Prime", "100,000 characters", false, func() protocol.Message {
			return protocol.Sample{ID: 6, Prime: strings.Repeat("hello", 20000), Count: 5, Temperature: 1}
		}, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonTooLong, Key: protocol.KeyPrime, Have: 100000, Limit: 2000}},
		{"Prime numbers", "empty", true, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "", Count: 5} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonEmpty, Key: protocol.KeyPrime}},
		{"Prime numbers", "1, Infinity", true, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "1, Infinity", Count: 5} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonNumber, Key: protocol.KeyPrime, Index: 2, Token: "Infinity"}},
		{"Prime numbers", "5,000 values", true, func() protocol.Message { return protocol.Sample{ID: 6, Prime: numberList(5000), Count: 5} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonTooLong, Key: protocol.KeyPrime, Have: 5000, Limit: 2000}},
		{"Generate count", "-1", false, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "he", Count: -1, Temperature: 1} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonSetting, Key: protocol.KeyLength, Value: -1, Max: 10000}},
		{"Generate count", "1,000,000", true, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "0, 1", Count: 1_000_000} }, protocol.Error{Code: protocol.CodeBadProbe, Reason: protocol.ReasonSetting, Key: protocol.KeyLength, Value: 1e6, Max: 10000}},
		{"Temperature", "NaN", false, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "he", Count: 5, Temperature: math.NaN()} }, protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyTemperature, Min: 0, Max: 10}},
		{"Temperature", "-1", false, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "he", Count: 5, Temperature: -1} }, protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyTemperature, Min: 0, Max: 10}},
		{"Temperature", "1e6", false, func() protocol.Message { return protocol.Sample{ID: 6, Prime: "he", Count: 5, Temperature: 1e6} }, protocol.Error{Code: protocol.CodeBadConfig, Reason: protocol.ReasonSetting, Key: lstm.KeyTemperature, Min: 0, Max: 10}},
	}
}

// TestCatalogueRefusals sends every refused input to a trained session: each
// gets an Error with its message at its field, and nothing changes.
func TestCatalogueRefusals(t *testing.T) {
	for _, r := range refusals() {
		t.Run(r.surface+"/"+r.input, func(t *testing.T) {
			start := textSession
			if r.numbers {
				start = numbersSession
			}
			e, twin := start(t), start(t)
			before := capture(t, e)
			out := send(t, e, r.msg())
			er, bad := errorOf(out)
			if !bad {
				t.Fatalf("accepted: %v", out)
			}
			if !matches(er, r.want) {
				t.Fatalf("got %+v\nwant %+v", er, r.want)
			}
			if er.ID != protocol.IDOf(r.msg()) || er.Gen != e.gen {
				t.Errorf("the error answers request %d of model %d, want %d of %d", er.ID, er.Gen, protocol.IDOf(r.msg()), e.gen)
			}
			if len(out) != 1 {
				t.Errorf("an error and more replies: %v", out)
			}
			t.Logf("CATALOGUE | %s | %s | %v %v %q", r.surface, r.input, er.Reason, er.Key, er.Token)
			unchanged(t, e, before, twin)
		})
	}
}

// matches reports whether er has want's Code, Reason and Key, and each of
// want's numbers and token that is not zero.
func matches(er, want protocol.Error) bool {
	if er.Code != want.Code || er.Reason != want.Reason || er.Key != want.Key {
		return false
	}
	for _, f := range []struct{ got, want float64 }{
		{er.Value, want.Value}, {er.Min, want.Min}, {er.Max, want.Max},
		{float64(er.Index), float64(want.Index)}, {float64(er.Position), float64(want.Position)},
		{float64(er.Have), float64(want.Have)}, {float64(er.Limit), float64(want.Limit)},
	} {
		if f.want != 0 && f.got != f.want {
			return false
		}
	}
	return want.Token == "" || er.Token == want.Token
}

// TestCatalogueAccepted lists the careless inputs that are valid: each works
// at once (a status, then a finite update), and text keeps every character as
// typed, in logical order, whatever its script or direction.
func TestCatalogueAccepted(t *testing.T) {
	for _, c := range []struct {
		input string
		mode  lstm.Kind
		text  string
		cfg   func(*lstm.Config)
	}{
		{"emoji", lstm.Text, "🙂🙃🙂🙃 🐈‍⬛ 👍🏽 🙂🙃🙂🙃", nil},
		{"Chinese", lstm.Text, "小星星，一闪一闪亮晶晶，满天都是小星星。", nil},
		{"right-to-left text (Hebrew and Arabic, with digits)", lstm.Text, "שלום עולם 123 مرحبا بالعالم 456", nil},
		{"a lone surrogate, as the page sends it (U+FFFD)", lstm.Text, "ab\uFFFDcd\uFFFD", nil},
		{"hostile HTML", lstm.Text, "<img src=x onerror=alert(1)><script>alert(1)</script>", nil},
		{"two characters", lstm.Text, "ab", nil},
		{"4,096 distinct characters (the limit)", lstm.Text, distinct(4096), nil},
		{"numbers at the limits ±1e9", lstm.Numbers, "1e9, -1e9, 0", nil},
		{"numbers separated by semicolons and new lines", lstm.Numbers, "0.5; 1.5\n2.5;\t3.5", nil},
		{"sequence length 1", lstm.Text, sessionText, func(c *lstm.Config) { c.SeqLen = 1 }},
		{"sequence length 256, longer than the text", lstm.Text, "abcabc", func(c *lstm.Config) { c.SeqLen = lstm.MaxSeqLen }},
		{"learning rate 1 (the largest)", lstm.Text, sessionText, func(c *lstm.Config) { c.LearningRate = 1 }},
		{"learning rate 1e-6 (the smallest)", lstm.Text, sessionText, func(c *lstm.Config) { c.LearningRate = 1e-6 }},
	} {
		t.Run(c.input, func(t *testing.T) {
			e := New()
			cfg := smallConfig()
			if c.cfg != nil {
				c.cfg(&cfg)
			}
			if er, bad := errorOf(send(t, e, protocol.SetConfig{Config: cfg})); bad {
				t.Fatalf("%+v", er)
			}
			st := only[protocol.Status](t, send(t, e, protocol.SetData{Mode: c.mode, Text: c.text}))
			p := only[protocol.Progress](t, send(t, e, protocol.Step{}))
			if p.Update != 1 || math.IsNaN(p.Loss) || math.IsInf(p.Loss, 0) {
				t.Fatalf("after one Step: update %d, loss %v", p.Update, p.Loss)
			}
			if c.mode == lstm.Text {
				if st.Length != utf8.RuneCountInString(c.text) {
					t.Errorf("the data has %d symbols, the text %d characters", st.Length, utf8.RuneCountInString(c.text))
				}
				probe := string([]rune(c.text)[:min(utf8.RuneCountInString(c.text), lstm.MaxProbe)])
				tr := only[protocol.TraceResult](t, send(t, e, protocol.Trace{ID: 1, Probe: probe}))
				if string(tr.Symbols) != probe {
					t.Errorf("the trace reads %q, not the text as typed", string(tr.Symbols))
				}
			}
			t.Logf("CATALOGUE | accepted | %s | trains: update 1, loss %.4f", c.input, p.Loss)
		})
	}
}

// TestCatalogueTooLargeForMemory: a setting that would need more memory than
// a tab can give is refused before anything is allocated, with the amount.
func TestCatalogueTooLargeForMemory(t *testing.T) {
	e := New()
	cfg := smallConfig()
	cfg.Hidden, cfg.Layers, cfg.SeqLen = lstm.MaxHidden, lstm.MaxLayers, lstm.MaxSeqLen
	if er, bad := errorOf(send(t, e, protocol.SetConfig{Config: cfg})); bad {
		t.Fatalf("the largest settings without data: %+v", er)
	}
	text := distinct(lstm.MaxVocab)
	m, _ := protocol.Decode(mustEncode(t, protocol.SetData{Mode: lstm.Text, Text: text}))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out := e.Handle(m, t0)
	runtime.ReadMemStats(&after)
	er, bad := errorOf(out)
	if !bad || er.Code != protocol.CodeBadConfig || er.Reason != protocol.ReasonSetting || er.Key != lstm.KeyHidden || er.Detail != uint8(lstm.TooMuchMemory) || er.Limit != lstm.MaxMemory {
		t.Fatalf("4,096 distinct characters with 2 layers of 512 units: %+v", out)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 32<<20 {
		t.Errorf("refusing it allocated %d MiB", got>>20)
	}
	if e.model != nil || e.data != nil {
		t.Error("the refused data or a model was kept")
	}
	t.Logf("CATALOGUE | Hidden units | 512 units × 2 layers × 256 steps on 4,096 distinct characters | %+v", er)
}

func mustEncode(t *testing.T, m protocol.Message) []byte {
	t.Helper()
	b, err := protocol.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// modelFile returns the model file of a text session after three updates.
func modelFile(t *testing.T) []byte {
	t.Helper()
	return only[protocol.ModelFile](t, send(t, textSession(t), protocol.Export{ID: 1})).File
}

// withCRC returns b with its checksum recomputed, so that a changed field is
// what the decoder finds, not the checksum.
func withCRC(b []byte) []byte {
	n := len(b) - 4
	binary.LittleEndian.PutUint32(b[n:], crc32.ChecksumIEEE(b[:n]))
	return b
}

// modelMessages are the families of details a bad model file may get (for
// a bug report: the page words the Reason).
var modelMessages = []string{"truncated", "corrupt", "nvalid model file", "ot an LSTM Playground model file", "newer version", "is empty", "goes on after its end"}

// loadRefused imports file and returns the Error's detail (its Token); the
// Error must answer the Import, about the model that stays.
func loadRefused(t *testing.T, e *Engine, file []byte) string {
	t.Helper()
	out := send(t, e, protocol.Import{ID: 9, File: file})
	er, bad := errorOf(out)
	if !bad || er.Code != protocol.CodeBadModel || er.Key != protocol.KeyLoad || er.ID != 9 || er.Gen != e.gen || len(out) != 1 {
		t.Fatalf("a bad model file of %d bytes: %v", len(file), out)
	}
	switch {
	case er.Reason == protocol.ReasonNewerFormat:
		return "newer version"
	case er.Reason == protocol.ReasonFormat && er.Detail == uint8(lstm.BadValue):
		return "invalid model file: " + er.Token
	case er.Reason != protocol.ReasonFormat && er.Reason != protocol.ReasonCannotTrain:
		t.Fatalf("a bad model file of %d bytes: reason %v", len(file), er.Reason)
	}
	return er.Token
}

func oneOf(msg string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// TestCatalogueModelFiles loads bad model files into a trained session: the
// file truncated at every byte position, every byte corrupted, a file from a
// future version, files that are not models, and valid models that do not fit.
func TestCatalogueModelFiles(t *testing.T) {
	good := modelFile(t)
	e, twin := textSession(t), textSession(t)
	before := capture(t, e)

	t.Run("truncated at every byte position", func(t *testing.T) {
		for n := range len(good) {
			msg := loadRefused(t, e, good[:n])
			want := "truncated"
			if n == 0 {
				want = "the model file is empty"
			}
			if !strings.Contains(msg, want) {
				t.Fatalf("truncated to %d of %d bytes: %q, want %q", n, len(good), msg, want)
			}
		}
		t.Logf("CATALOGUE | Load model | the file truncated at each of %d byte positions | e.g. %s", len(good), loadRefused(t, e, good[:len(good)/2]))
	})
	t.Run("every byte corrupted", func(t *testing.T) {
		for i := range good {
			for _, x := range []byte{0x01, 0x80, 0xFF} {
				bad := bytes.Clone(good)
				bad[i] ^= x
				if msg := loadRefused(t, e, bad); !oneOf(msg, modelMessages) {
					t.Fatalf("byte %d ^ %#x: unclear message %q", i, x, msg)
				}
			}
		}
		bad := bytes.Clone(good)
		bad[len(bad)/2] ^= 1
		t.Logf("CATALOGUE | Load model | each of %d bytes changed (3 ways) | e.g. %s", len(good), loadRefused(t, e, bad))
	})
	t.Run("corrupt with a valid checksum", func(t *testing.T) {
		for _, c := range []struct {
			what string
			off  int
			v    uint32
			want string
		}{
			{"hidden units 100000", 20, 100000, "Hidden units 100000 is out of range: the limit is 512"},
			{"hidden units 0", 20, 0, "invalid model file: h"},
			{"sequence length 0", 24, 0, "invalid model file: seq"},
			{"vocabulary size 4097", 36, 4097, "the limit is 4096"},
			{"a parameter NaN", 112 + 4*12 + 4, 0x7ff80000, "is NaN, not a finite number"},
		} {
			bad := bytes.Clone(good)
			binary.LittleEndian.PutUint32(bad[c.off:], c.v)
			msg := loadRefused(t, e, withCRC(bad))
			if !strings.Contains(msg, c.want) {
				t.Errorf("%s: %q, want %q", c.what, msg, c.want)
			}
			t.Logf("CATALOGUE | Load model | %s (checksum fixed) | %s", c.what, msg)
		}
	})
	modelFilesOther(t, e, good)
	unchanged(t, e, before, twin)
}

// modelFilesOther is the rest of TestCatalogueModelFiles: files of a future
// version, files that are not models, a header declaring more than the file
// holds, and a valid model that cannot read the training text.
func modelFilesOther(t *testing.T, e *Engine, good []byte) {
	t.Run("a future version", func(t *testing.T) {
		future := bytes.Clone(good)
		binary.LittleEndian.PutUint32(future[8:], lstm.FormatVersion+1)
		out := send(t, e, protocol.Import{File: withCRC(future)})
		if er, _ := errorOf(out); er.Reason != protocol.ReasonNewerFormat || er.Have != lstm.FormatVersion+1 || er.Limit != lstm.FormatVersion {
			t.Errorf("future version: %+v", er)
		}
		msg := loadRefused(t, e, withCRC(future))
		t.Logf("CATALOGUE | Load model | a file of format version 2 | %s", msg)
	})
	t.Run("not model files", func(t *testing.T) {
		for _, c := range []struct{ what, file, want string }{
			{"a PNG image", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not an LSTM Playground model file"},
			{"a JSON export", `{"weight_ih_l0": [[0.1]]}`, "not an LSTM Playground model file"},
			{"hostile HTML", "<img src=x onerror=alert(1)>", "not an LSTM Playground model file"},
			{"the file followed by more data", string(good) + "x", "goes on after its end"},
			{"the file twice", string(good) + string(good), "goes on after its end"},
		} {
			msg := loadRefused(t, e, []byte(c.file))
			if !strings.Contains(msg, c.want) {
				t.Errorf("%s: %q, want %q", c.what, msg, c.want)
			}
			t.Logf("CATALOGUE | Load model | %s | %s", c.what, msg)
		}
	})
	t.Run("a header declaring the largest model, and nothing after it", func(t *testing.T) {
		big := New()
		cfg := smallConfig()
		cfg.Hidden = 200
		send(t, big, protocol.SetConfig{Config: cfg})
		send(t, big, protocol.SetData{Mode: lstm.Text, Text: distinct(2000)})
		f := only[protocol.ModelFile](t, send(t, big, protocol.Export{})).File
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		msg := loadRefused(t, e, f[:200])
		runtime.ReadMemStats(&ms1)
		if !strings.Contains(msg, fmt.Sprintf("expected %d bytes, got 200", len(f))) {
			t.Errorf("%q", msg)
		}
		if got := ms1.TotalAlloc - ms0.TotalAlloc; got > 1<<20 {
			t.Errorf("refusing a 200-byte file that declares %d bytes allocated %d KiB", len(f), got>>10)
		}
	})
	t.Run("a valid model that cannot read the training text", func(t *testing.T) {
		other := ready(t, "xyz xyz xyz")
		f := only[protocol.ModelFile](t, send(t, other, protocol.Export{})).File
		er, _ := errorOf(send(t, e, protocol.Import{File: f}))
		if er.Reason != protocol.ReasonCannotTrain || er.Key != protocol.KeyLoad {
			t.Errorf("%+v", er)
		}
		msg := loadRefused(t, e, f)
		t.Logf("CATALOGUE | Load model | a valid model trained on other characters | %s", msg)
	})
}

// rawMessage is a worker message as bytes, valid or not.
type rawMessage struct {
	input  string
	b      []byte
	reason protocol.Reason
	want   string // a part of the detail for a bug report (Token), or ""
}

// TestCatalogueWorkerMessages feeds bytes to the engine as the worker passes
// them on: garbage, every truncation of real messages, wrong directions and
// lengths that lie. Each gets a bad-message Error; nothing changes.
func TestCatalogueWorkerMessages(t *testing.T) {
	e, twin := textSession(t), textSession(t)
	before := capture(t, e)
	good := modelFile(t)
	overlong := mustEncode(t, protocol.SetData{Mode: lstm.Text, Text: "abc"})
	binary.LittleEndian.PutUint32(overlong[9:], 1<<30) // the text claims 1 GiB
	badUTF8 := mustEncode(t, protocol.SetData{Mode: lstm.Text, Text: "ab\x01\x02"})
	copy(badUTF8[len(badUTF8)-2:], "\xff\xfe")
	badMode := mustEncode(t, protocol.SetData{Mode: lstm.Text, Text: "ab"})
	badMode[8] = 9
	surrogate := mustEncode(t, protocol.SetData{Mode: lstm.Text, Text: "ab\x01\x02\x03"})
	copy(surrogate[len(surrogate)-3:], "\xed\xa0\x80") // U+D800 encoded as UTF-8: a lone surrogate
	const bad, version, wrongWay = protocol.ReasonMalformed, protocol.ReasonVersion, protocol.ReasonWrongWay
	rows := []rawMessage{
		{"not bytes (a string or an object posted to the worker)", nil, bad, ""},
		{"zero bytes", []byte{}, bad, "shorter than the 4-byte header"},
		{"garbage", []byte("GIF89a\x01\x00\x01\x00"), bad, `not the magic "LP"`},
		{"a future protocol version", []byte{'L', 'P', protocol.Version + 1, byte(protocol.TypeStep)}, version, ""},
		{"a page of protocol version 1 (a Step)", []byte{'L', 'P', 1, byte(protocol.TypeStep)}, version, ""},
		{"an unknown message type", []byte{'L', 'P', protocol.Version, 200}, bad, "unknown message type"},
		{"a message for the page (Progress)", mustEncode(t, protocol.Progress{Update: 1 << 40}), wrongWay, ""},
		{"a message for the page (Error)", mustEncode(t, protocol.Error{Token: "x"}), wrongWay, ""},
		{"trailing bytes", append(mustEncode(t, protocol.Step{}), 0), bad, "unexpected bytes after the last field"},
		{"a length that claims 1 GiB", overlong, bad, "length over the limit"},
		{"invalid UTF-8 in the training text", badUTF8, bad, "not valid UTF-8"},
		{"a lone surrogate encoded in the training text", surrogate, bad, "not valid UTF-8"},
		{"a data mode that is neither text nor numbers", badMode, bad, "9 is neither Text (0) nor Numbers (1)"},
	}
	for _, m := range []protocol.Message{
		protocol.SetData{Mode: lstm.Text, Text: "hello hello"},
		protocol.SetConfig{Config: smallConfig()},
		protocol.Trace{ID: 2, Probe: "hello", Interventions: []lstm.Intervention{{Unit: 1}}},
		protocol.Sample{ID: 3, Prime: "he", Count: 10, Temperature: 1},
		protocol.Import{File: good},
		protocol.SetLive{LearningRate: 0.1},
	} {
		b := mustEncode(t, m)
		for n := range len(b) {
			want := "message truncated"
			if n < 4 {
				want = "shorter than the 4-byte header"
			}
			rows = append(rows, rawMessage{fmt.Sprintf("%v truncated to %d of %d bytes", m.Type(), n, len(b)), b[:n], bad, want})
		}
	}
	logged := map[string]bool{}
	for _, r := range rows {
		out := e.HandleBytes(r.b, t0)
		er, isErr := errorOf(out)
		if !isErr || len(out) != 1 || er.Code != protocol.CodeBadMessage || er.Reason != r.reason || !strings.Contains(er.Token, r.want) {
			t.Fatalf("%s: %+v, want a bad-message error of reason %v containing %q", r.input, out, r.reason, r.want)
		}
		if r.reason == version && (er.Have != int64(r.b[2]) || er.Limit != protocol.Version) {
			t.Errorf("%s: version %v, ours %v", r.input, er.Have, er.Limit)
		}
		if kind, _, _ := strings.Cut(r.input, " truncated"); !logged[kind] {
			logged[kind] = true
			t.Logf("CATALOGUE | worker message | %s | %v %q", r.input, er.Reason, er.Token)
		}
	}
	t.Logf("%d worker messages refused", len(rows))
	unchanged(t, e, before, twin)
}

// TestCataloguePanicRecovered: a bug that panics inside the engine becomes an
// Error that says so, training pauses, and the engine keeps answering.
func TestCataloguePanicRecovered(t *testing.T) {
	e := textSession(t)
	send(t, e, protocol.Train{})
	saved := e.trainer
	e.trainer = &lstm.Trainer{} // an impossible state: a trainer with no model
	out := e.WorkSafely(t0.Add(time.Second), time.Now)
	er, bad := errorOf(out)
	if !bad || er.Code != protocol.CodeInternal || er.Reason != protocol.ReasonBug || er.Token == "" {
		t.Fatalf("a panic in Work: %v", out)
	}
	if e.Running() {
		t.Error("still training after a panic")
	}
	out = e.HandleBytes(mustEncode(t, protocol.Step{ID: 5}), t0)
	if er, bad := errorOf(out); !bad || er.Reason != protocol.ReasonBug || er.ID != 5 {
		t.Fatalf("a panic in Handle: %v", out)
	}
	e.trainer = saved
	if pr := only[protocol.Progress](t, e.HandleBytes(mustEncode(t, protocol.Step{}), t0)); pr.Update != 4 {
		t.Errorf("after the state was repaired, update %d, want 4", pr.Update)
	}
}

// TestDiagnostics: the engine reports its Go heap and its bridge's callbacks.
func TestDiagnostics(t *testing.T) {
	e := textSession(t)
	d := only[protocol.Diagnostics](t, e.HandleBytes(mustEncode(t, protocol.Diagnose{ID: 42}), t0))
	if d.ID != 42 || d.Update != 3 || d.HeapAlloc == 0 || d.HeapSys < d.HeapAlloc || d.TotalAlloc < d.HeapAlloc || d.Goroutines < 1 || d.Funcs != -1 {
		t.Errorf("diagnostics %+v", d)
	}
	// The live heap counts what is still reachable: 8 MB held across a
	// Diagnose raise it by about that much (less what died meanwhile).
	held := make([]byte, 8<<20)
	if d2 := only[protocol.Diagnostics](t, send(t, e, protocol.Diagnose{})); d2.HeapLive < d.HeapLive+uint64(len(held))-1<<20 || d2.HeapLive > d2.HeapSys {
		t.Errorf("with 8 MB held, live heap %d, before %d (heap obtained %d)", d2.HeapLive, d.HeapLive, d2.HeapSys)
	}
	runtime.KeepAlive(held)
	e.SetBridgeFuncs(func() int { return 2 })
	if d := only[protocol.Diagnostics](t, send(t, e, protocol.Diagnose{})); d.Funcs != 2 {
		t.Errorf("Funcs = %d, want the bridge's 2", d.Funcs)
	}
}

// TestCatalogueUndo: a refused edit of the training text, then the text as it
// was (an undo), leaves the session exactly as it was: the same model, and the
// same next update as a session that saw neither, so the place in the data,
// the carried state and the optimizer's moments were kept.
func TestCatalogueUndo(t *testing.T) {
	for _, numbers := range []bool{false, true} {
		start, mode, text, edits := textSession, lstm.Text, sessionText, []string{"", "x", " \n"}
		if numbers {
			start, mode, text, edits = numbersSession, lstm.Numbers, sessionNumbers, []string{"", "5", "1, NaN"}
		}
		e, twin := start(t), start(t)
		before := capture(t, e)
		for _, edit := range edits {
			if _, bad := errorOf(send(t, e, protocol.SetData{Mode: mode, Text: edit})); !bad {
				t.Fatalf("%q was accepted", edit)
			}
		}
		if _, bad := errorOf(send(t, e, protocol.SetData{Mode: mode, Text: text})); bad {
			t.Fatal("the original data was refused")
		}
		unchanged(t, e, before, twin)
	}
}
