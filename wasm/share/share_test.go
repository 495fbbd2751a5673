package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"lstmplayground/lstm"
)

// tinyModel returns the model file of a fresh model of cfg on text (text
// mode) or on the list of numbers (numbers mode).
func tinyModel(t testing.TB, cfg lstm.Config, mode lstm.Kind, data string) []byte {
	t.Helper()
	var d *lstm.Data
	var err error
	if mode == lstm.Numbers {
		d, err = lstm.NewNumberData(data)
	} else {
		d, err = lstm.NewTextData(data)
	}
	if err != nil {
		t.Fatal(err)
	}
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	m.Updates = 123
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// smallConfig is a model the hand-written links of the tests (which name
// neither init nor fbias) describe: the older defaults.
func smallConfig() lstm.Config {
	c := lstm.DefaultConfig()
	c.Hidden = 3
	olderDefaults(&c)
	return c
}

// roundTripStates returns valid states that cover every field and the
// characters that need escaping.
func roundTripStates(t testing.TB) []State {
	with := func(f func(*State)) State {
		s := Default()
		f(&s)
		return s
	}
	rnn := smallConfig()
	rnn.Cell, rnn.Layers, rnn.Seed, rnn.ForgetBias = lstm.CellRNN, 2, 77, 0
	two := smallConfig()
	two.Layers, two.Hidden, two.ForgetBias = 2, 2, -2.5
	states := []State{
		Default(),
		with(func(s *State) { s.Preset = "rhyme" }),
		with(func(s *State) { s.Preset = "counting"; s.Shared = "abcdefghijklmnopqrstuvwxyz" }),
		with(func(s *State) {
			s.Preset = "rhyme"
			s.Class = "234567abcdefghijklmnopqrst"
			s.Hide = []string{HideData}
		}),
		with(func(s *State) { s.Preset = "counting-2_b"; s.Probe = "aaaXbbb\naaaaXbbbb\n" }),
		with(func(s *State) { s.Text = "hello world\n" }),
		with(func(s *State) {
			s.Text = "天地玄黄，宇宙洪荒。日月盈昃，辰宿列张。"
			s.Probe = "天地玄黄"
		}),
		with(func(s *State) { s.Text = "🙂🙃 emoji 👩‍👩‍👧 and ZWJ"; s.Probe = "🙂" }),
		with(func(s *State) { s.Text = "a&b=c#d%e+f g?h/i;j'k\"l<m>n\\o\r\n\t\x00"; s.Probe = "&=#%+ ?/;'\"<>\\\n" }),
		with(func(s *State) { s.Text = strings.Repeat("to be or not to be ", 2000) }),
		with(func(s *State) {
			s.Mode = lstm.Numbers
			s.Text = "0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5"
			s.Probe = "0 0.5 1"
		}),
		with(func(s *State) { s.Mode = lstm.Numbers; s.Preset = "sine" }),
		with(func(s *State) {
			s.Config = lstm.Config{Cell: lstm.CellRNN, Layers: 2, Hidden: lstm.MaxHidden, SeqLen: lstm.MaxSeqLen,
				LearningRate: lstm.MinLR, Optimizer: lstm.SGD, Momentum: lstm.MaxMomentum, Clip: 0,
				ClipMode: lstm.ClipNorm, ForgetBias: -lstm.MaxForgetB, Seed: MaxSeed}
		}),
		with(func(s *State) {
			s.Config = lstm.Config{Cell: lstm.CellLSTM, Layers: 1, Hidden: 1, SeqLen: 1,
				LearningRate: lstm.MaxLR, Optimizer: lstm.RMSProp, Momentum: 0, Clip: lstm.MaxClip,
				ClipMode: lstm.ClipElement, ForgetBias: lstm.MaxForgetB, Seed: 0}
			s.Temperature = 0
		}),
		with(func(s *State) {
			s.Config.LearningRate = 0.1 + 0.2
			s.Config.Momentum = 1.0 / 3
			s.Temperature = lstm.MaxTemperature
		}),
		with(func(s *State) { s.Hide = []string{HideSettings, HideData, HideExport}; s.Only = ChartC; s.Embed = true }),
		with(func(s *State) { s.Hide = HideNames(); s.Only = ChartReach }),
		with(func(s *State) { s.Embed = true }),
		with(func(s *State) { s.Lang = "zh-CN"; s.Preset = "rhyme-zh" }),
		with(func(s *State) { s.Lang = "en"; s.Hide = []string{HideData}; s.Embed = true }),
		with(func(s *State) {
			s.Config = smallConfig()
			s.Preset = "rhyme"
			s.Model = tinyModel(t, s.Config, lstm.Text, "twinkle twinkle little star")
		}),
		with(func(s *State) {
			s.Config = smallConfig()
			s.Text = "天地玄黄 🙂 abc"
			s.Model = tinyModel(t, s.Config, lstm.Text, "天地玄黄 🙂 abcdef")
			s.Hide = []string{HideTrain}
		}),
		with(func(s *State) {
			s.Config = rnn
			s.Mode = lstm.Numbers
			s.Text = "1, 2, 3, 2, 1"
			s.Model = tinyModel(t, rnn, lstm.Numbers, "1 2 3 2 1")
		}),
		with(func(s *State) {
			s.Config = two
			s.Text = "([]){}"
			s.Model = tinyModel(t, two, lstm.Text, "([]){}")
			s.Config.LearningRate, s.Config.SeqLen, s.Config.Optimizer = 0.5, 7, lstm.SGD // live settings may differ from the file's
		}),
	}
	return states
}

func TestRoundTrip(t *testing.T) {
	for i, s := range roundTripStates(t) {
		f, err := s.Encode(testCodec)
		if err != nil {
			t.Fatalf("state %d: Encode: %v", i, err)
		}
		if len(f) > MaxFragment {
			t.Errorf("state %d: fragment of %d characters", i, len(f))
		}
		for j := 0; j < len(f); j++ {
			if c := f[j]; c <= ' ' || c >= 0x7f || c == '#' || c == '+' {
				t.Fatalf("state %d: fragment has %q at %d: %s", i, c, j, f)
			}
		}
		got, err := Decode(f, testCodec)
		if err != nil {
			t.Fatalf("state %d: Decode(%s): %v", i, f, err)
		}
		if !got.Equal(s) {
			t.Fatalf("state %d: Decode(Encode(s)) differs:\n got %#v\nwant %#v", i, got, s)
		}
		// With the '#', as location.hash gives it.
		if got, err := Decode("#"+f, testCodec); err != nil || !got.Equal(s) {
			t.Fatalf("state %d: Decode(#…) = %v, %v", i, got, err)
		}
		// Encoding is deterministic.
		if f2, _ := got.Encode(testCodec); f2 != f {
			t.Fatalf("state %d: re-encoding differs:\n%s\n%s", i, f, f2)
		}
	}
}

func TestRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab \n\"“”([{}])&=#%+äé天地🙂\x00\t,.;:")
	randText := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	for i := range 300 {
		s := Default()
		c := &s.Config
		c.Cell = lstm.Cell(rng.IntN(2))
		c.Layers = 1 + rng.IntN(lstm.MaxLayers)
		c.Hidden = 1 + rng.IntN(lstm.MaxHidden)
		c.SeqLen = 1 + rng.IntN(lstm.MaxSeqLen)
		c.LearningRate = lstm.MinLR + rng.Float64()*(lstm.MaxLR-lstm.MinLR)
		c.Optimizer = lstm.Optimizer(rng.IntN(3))
		c.Momentum = rng.Float64() * lstm.MaxMomentum
		c.Clip = rng.Float64() * lstm.MaxClip
		c.ClipMode = lstm.ClipMode(rng.IntN(2))
		c.ForgetBias = (2*rng.Float64() - 1) * lstm.MaxForgetB
		c.Seed = rng.Uint64() % (MaxSeed + 1)
		s.Temperature = rng.Float64() * lstm.MaxTemperature
		s.Mode = lstm.Kind(rng.IntN(2))
		switch rng.IntN(3) {
		case 0:
			s.Preset = "p" + string(rune('a'+rng.IntN(26)))
		case 1:
			s.Text = randText(rng.IntN(500))
		}
		s.Probe = randText(rng.IntN(40))
		for _, h := range HideNames() {
			if rng.IntN(3) == 0 {
				s.Hide = append(s.Hide, h)
			}
		}
		rng.Shuffle(len(s.Hide), func(i, j int) { s.Hide[i], s.Hide[j] = s.Hide[j], s.Hide[i] })
		if rng.IntN(2) == 0 {
			s.Only = Charts()[rng.IntN(len(Charts()))]
		}
		s.Embed = rng.IntN(2) == 0
		f, err := s.Encode(testCodec)
		if err != nil {
			t.Fatalf("state %d: %v", i, err)
		}
		got, err := Decode(f, testCodec)
		if err != nil {
			t.Fatalf("state %d: Decode(%s): %v", i, f, err)
		}
		if !got.Equal(s) {
			t.Fatalf("state %d: differs:\n got %#v\nwant %#v", i, got, s)
		}
	}
}

// TestEncodeReadable pins the format of the settings: a person can read them.
func TestEncodeReadable(t *testing.T) {
	s := Default()
	s.Preset = "rhyme"
	s.Probe = "Twinkle, twinkle"
	s.Hide = []string{HideData, HideSettings}
	s.Only = ChartC
	s.Embed = true
	f, err := s.Encode(testCodec)
	if err != nil {
		t.Fatal(err)
	}
	want := "v=1&preset=rhyme&mode=text&cell=lstm&layers=1&h=32&seq=32&lr=0.01&opt=adam&mom=0.9&clip=5&clipmode=element&init=orthogonal&fbias=0&seed=1&temp=0.8&probe=Twinkle,%20twinkle&hide=data,settings&only=c&embed=1"
	if f != want {
		t.Errorf("Encode:\n got %s\nwant %s", f, want)
	}
	s = Default()
	s.Text = "abc"
	f, _ = s.Encode(testCodec)
	if !strings.HasSuffix(f, "&text="+compress([]byte("abc"))) {
		t.Errorf("custom text is not carried compressed at the end: %s", f)
	}
}

func TestDecodeHandEdited(t *testing.T) {
	// A link without init and fbias means the defaults of when links had
	// none: Glorot recurrent weights and forget-gate bias 1 (TestOldLinks).
	older := func() State {
		s := Default()
		s.Config.Init, s.Config.ForgetBias = lstm.InitGlorot, 1
		return s
	}
	def := older()
	with := func(f func(*State)) State {
		s := older()
		f(&s)
		return s
	}
	tests := []struct {
		in   string
		want State
	}{
		{"v=1", def},
		{"#v=1", def},
		{"  #v=1&h=64 \n", with(func(s *State) { s.Config.Hidden = 64 })},
		{"https://example.org/play/#v=1&h=8", with(func(s *State) { s.Config.Hidden = 8 })},
		{"https://example.org/play/?lang=en&x=1#v=1&h=8", with(func(s *State) { s.Config.Hidden = 8 })},
		{"##v=1&h=8", with(func(s *State) { s.Config.Hidden = 8 })},
		{"v=1&probe=a#b", with(func(s *State) { s.Probe = "a#b" })}, // a '#' typed into a value
		{"#v=1&probe=a#b#", with(func(s *State) { s.Probe = "a#b#" })},
		{"v=01&h=0016", with(func(s *State) { s.Config.Hidden = 16 })},
		{"preset=rhyme&h=64", with(func(s *State) { s.Preset = "rhyme"; s.Config.Hidden = 64 })}, // no v, known keys
		{"v=1&h=32&h=32", def},  // the same twice is harmless
		{"v=1&&h=32&", def},     // empty pairs
		{"v=1&future=7&x", def}, // unknown keys with v are ignored
		{"v=1&%68=16", with(func(s *State) { s.Config.Hidden = 16 })}, // an escaped key
		{"v=1&H=16", with(func(s *State) { s.Config.Hidden = 16 })},
		{"v=1&probe=a%20b%26c%3Dd%23e%2Bf", with(func(s *State) { s.Probe = "a b&c=d#e+f" })},
		{"v=1&probe=a+b", with(func(s *State) { s.Probe = "a b" })},
		{"v=1&probe=%E5%A4%A9%F0%9F%99%82", with(func(s *State) { s.Probe = "天🙂" })},
		{"v=1&cell=RNN&opt=SGD&mode=Numbers&clipmode=Norm", with(func(s *State) {
			s.Config.Cell, s.Config.Optimizer, s.Mode, s.Config.ClipMode = lstm.CellRNN, lstm.SGD, lstm.Numbers, lstm.ClipNorm
		})},
		{"v=1&lr=1e-3&mom=0&clip=0&fbias=-1.5&temp=0&seed=0", with(func(s *State) {
			s.Config.LearningRate, s.Config.Momentum, s.Config.Clip, s.Config.ForgetBias, s.Temperature, s.Config.Seed = 1e-3, 0, 0, -1.5, 0, 0
		})},
		{"v=1&seed=9007199254740991", with(func(s *State) { s.Config.Seed = MaxSeed })},
		{"v=1&hide=data,%20Settings,data,,", with(func(s *State) { s.Hide = []string{HideData, HideSettings} })},
		{"v=1&hide=", def},
		{"v=1&only=LOSS", with(func(s *State) { s.Only = ChartLoss })},
		{"v=1&only=", def},
		{"v=1&embed", with(func(s *State) { s.Embed = true })},
		{"v=1&embed=true", with(func(s *State) { s.Embed = true })},
		{"v=1&embed=0", def},
		{"v=1&preset=Rhyme", with(func(s *State) { s.Preset = "rhyme" })},
		{"v=1&preset=", def},
		{"v=1&text=", def},
		{"v=1&text=" + compress([]byte("hi there")) + "==", with(func(s *State) { s.Text = "hi there" })}, // padding tolerated
	}
	for _, tt := range tests {
		got, err := Decode(tt.in, testCodec)
		if err != nil {
			t.Errorf("Decode(%q): %v", tt.in, err)
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("Decode(%q):\n got %#v\nwant %#v", tt.in, got, tt.want)
		}
	}
}

// TestOldLinks: links made before the defaults became orthogonal recurrent
// weights and forget-gate bias 0 keep meaning the model they made then; the
// links made now carry both, and mean the new defaults.
func TestOldLinks(t *testing.T) {
	// Encode's output before Config.Init existed (the package example of then).
	const old = "v=1&preset=rhyme&mode=text&cell=lstm&layers=1&h=16&seq=32&lr=0.01&opt=adam&mom=0.9&clip=5&clipmode=element&fbias=1&seed=1&temp=0.8&hide=settings"
	for _, link := range []string{old, "v=1&preset=rhyme&h=16"} {
		s, err := Decode(link, testCodec)
		if err != nil {
			t.Fatal(err)
		}
		if s.Config.Init != lstm.InitGlorot || s.Config.ForgetBias != 1 {
			t.Errorf("Decode(%q): init %v, forget-gate bias %g; want Glorot and 1, as then", link, s.Config.Init, s.Config.ForgetBias)
		}
		// The same seed makes other weights under each scheme: the link's
		// model is the Glorot one, as it was.
		d, err := lstm.NewTextData("twinkle twinkle")
		if err != nil {
			t.Fatal(err)
		}
		m, err := lstm.NewModel(s.Config, d)
		if err != nil {
			t.Fatal(err)
		}
		now := s.Config
		now.Init, now.ForgetBias = lstm.DefaultConfig().Init, lstm.DefaultConfig().ForgetBias
		n, err := lstm.NewModel(now, d)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Equal(m.Params.Layers[0].U, n.Params.Layers[0].U) {
			t.Errorf("Decode(%q): its recurrent weights are those of the new defaults", link)
		}
	}
	f, err := Default().Encode(testCodec)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f, "&init=orthogonal&fbias=0&") {
		t.Errorf("a link of the defaults does not name them: %s", f)
	}
	if s, err := Decode(f, testCodec); err != nil || !s.Equal(Default()) {
		t.Errorf("Decode(%q) = %+v, %v; want the defaults", f, s.Config, err)
	}
}

// deflate returns b deflated and in base64url, as Encode writes it.
func deflate(b []byte) string { return compress(b) }

func TestDecodeErrors(t *testing.T) {
	model := tinyModel(t, smallConfig(), lstm.Text, "abcdef")
	tampered := bytes.Clone(model)
	tampered[len(tampered)/2] ^= 1
	newer := bytes.Clone(model)
	newer[8] = 9 // format version
	rnnModel := tinyModel(t, func() lstm.Config { c := smallConfig(); c.Cell = lstm.CellRNN; return c }(), lstm.Text, "abcdef")
	numModel := tinyModel(t, smallConfig(), lstm.Numbers, "1 2 3")

	tests := []struct {
		in    string
		field string   // LinkError.Field, "" for none
		key   string   // LinkError.Key
		says  []string // substrings of the message
	}{
		{"v=1&h=abc", "Hidden units", "h", []string{"Hidden units", "h=abc", "whole number from 1 to 512"}},
		{"v=1&h=32.0", "Hidden units", "h", []string{"h=32.0", "1 to 512"}},
		{"v=1&h=0", "Hidden units", "h", []string{"h=0", "1 to 512"}},
		{"v=1&h=99999999999999999999999", "Hidden units", "h", []string{"1 to 512"}},
		{"v=1&layers=3", "Layers", "layers", []string{"layers=3", "1 to 2"}},
		{"v=1&seq=257", "Sequence length", "seq", []string{"seq=257", "1 to 256"}},
		{"v=1&lr=-1", "Learning rate", "lr", []string{"Learning rate", "lr=-1", "0.000001 to 1"}},
		{"v=1&lr=NaN", "Learning rate", "lr", []string{"lr=NaN"}},
		{"v=1&lr=Inf", "Learning rate", "lr", []string{"lr=Inf"}},
		{"v=1&lr=0,01", "Learning rate", "lr", []string{"lr=0,01"}},
		{"v=1&mom=1", "Momentum", "mom", []string{"mom=1", "0 to 0.999"}},
		{"v=1&clip=-1", "Gradient clip", "clip", []string{"clip=-1", "0 to 1000"}},
		{"v=1&fbias=11", "Forget-gate bias", "fbias", []string{"fbias=11", "−10 to 10"}},
		{"v=1&seed=", "Seed", "seed", []string{"Seed", "seed=", "empty", "0 to 9,007,199,254,740,991"}},
		{"v=1&seed=-1", "Seed", "seed", []string{"seed=-1"}},
		{"v=1&seed=9007199254740992", "Seed", "seed", []string{"seed=9007199254740992", "0 to 9,007,199,254,740,991"}},
		{"v=1&temp=11", "Temperature", "temp", []string{"temp=11", "0 to 10"}},
		{"v=1&cell=gru", "Cell", "cell", []string{"cell=gru", "lstm or rnn"}},
		{"v=1&mode=words", "Mode", "mode", []string{"mode=words", "text or numbers"}},
		{"v=1&opt=adamw", "Optimizer", "opt", []string{"opt=adamw", "adam, rmsprop or sgd"}},
		{"v=1&clipmode=max", "Clip mode", "clipmode", []string{"clipmode=max", "element or norm"}},
		{"v=1&hide=data,foo", "Hide", "hide", []string{"foo", "data, settings"}},
		{"v=1&only=gates", "Only", "only", []string{"only=gates", "c, h, zi"}},
		{"v=1&embed=maybe", "Embed", "embed", []string{"embed=maybe", "1"}},
		{"v=1&preset=a%20b", "Preset", "preset", []string{"preset=a b", "a-z"}},
		{"v=1&preset=" + strings.Repeat("x", 33), "Preset", "preset", []string{"1 to 32"}},
		{"v=1&h=32&h=64", "Hidden units", "h", []string{"given twice", "32", "64"}},
		{"v=1&probe=%zz", "Probe text", "probe", []string{"percent-encoding"}},
		{"v=1&probe=%FF", "Probe text", "probe", []string{"UTF-8"}},
		{"v=1&h=%4", "Hidden units", "h", []string{"percent-encoding"}},
		{"v=0", "version", "v", []string{"v=0", "no version 0"}},
		{"v=abc", "version", "v", []string{"v=abc", "use 1"}},
		{"v=", "version", "v", []string{"v=", "empty"}},
		{"v=1&v=2", "version", "v", []string{"given twice"}},
		{"v=1&preset=rhyme&text=" + deflate([]byte("abc")), "Training text", "text", []string{"both a preset and a custom training text"}},
		{"v=1&text=!!!", "Training text", "text", []string{"base64url", "copy the whole link again"}},
		{"v=1&text=" + base64.RawURLEncoding.EncodeToString([]byte("not deflate at all, really")), "Training text", "text", []string{"damaged"}},
		{"v=1&text=" + deflate([]byte("hello"))[:4], "Training text", "text", []string{"damaged"}},
		{"v=1&text=" + deflate([]byte("a\xffb")), "Training text", "text", []string{"UTF-8"}},
		{"v=1&h=3&model=" + deflate([]byte("LSTMPLAY garbage")), "Model", "model", []string{"Model", "model="}},
		{"v=1&h=3&model=" + deflate(tampered), "Model", "model", []string{"checksum"}},
		{"v=1&h=3&model=" + deflate(model[:len(model)-10]), "Model", "model", []string{"truncated"}},
		{"v=1&h=3&model=" + deflate(newer), "Model", "model", []string{"newer version"}},
		{"v=1&h=4&model=" + deflate(model), "Hidden units", "h", []string{"h=4", "model has Hidden units 3"}},
		{"v=1&h=3&seed=2&model=" + deflate(model), "Seed", "seed", []string{"seed=2", "model has Seed 1"}},
		{"v=1&h=3&fbias=0&model=" + deflate(model), "Forget-gate bias", "fbias", []string{"fbias=0", "model has Forget-gate bias 1"}},
		{"v=1&h=3&model=" + deflate(rnnModel), "Cell", "cell", []string{"cell=lstm", "model has Cell rnn"}},
		{"v=1&h=3&layers=2&model=" + deflate(model), "Layers", "layers", []string{"layers=2"}},
		{"v=1&h=3&model=" + deflate(numModel), "Mode", "mode", []string{"mode=text", "model has Mode numbers"}},
		{"v=1&h=3&text=" + deflate([]byte("abcxyz")) + "&model=" + deflate(model), "Model", "model", []string{"'x'", "position 4"}},
	}
	for _, tt := range tests {
		got, err := Decode(tt.in, testCodec)
		if err == nil {
			t.Errorf("Decode(%.80q) = %#v, want an error", tt.in, got)
			continue
		}
		if !reflect.DeepEqual(got, State{}) {
			t.Errorf("Decode(%.80q) returned a state with the error %v", tt.in, err)
		}
		var le *LinkError
		if !errors.As(err, &le) {
			t.Errorf("Decode(%.80q): %v (%T), want a *LinkError", tt.in, err, err)
			continue
		}
		if le.Field != tt.field || le.Key != tt.key {
			t.Errorf("Decode(%.80q): field %q key %q, want %q %q (%v)", tt.in, le.Field, le.Key, tt.field, tt.key, err)
		}
		msg := err.Error()
		for _, s := range tt.says {
			if !strings.Contains(msg, s) {
				t.Errorf("Decode(%.80q): message %q does not say %q", tt.in, msg, s)
			}
		}
		if !strings.HasSuffix(msg, ".") || strings.HasPrefix(msg, "share:") {
			t.Errorf("Decode(%.80q): %q is not a sentence for a person", tt.in, msg)
		}
	}
}

func TestDecodeModelErrorsWrapLstm(t *testing.T) {
	model := tinyModel(t, smallConfig(), lstm.Text, "abcdef")
	model[len(model)/2] ^= 1
	_, err := Decode("v=1&h=3&model="+deflate(model), testCodec)
	var fe *lstm.FormatError
	if !errors.As(err, &fe) {
		t.Fatalf("a tampered model gives %v, which does not wrap an *lstm.FormatError", err)
	}
	model[len(model)/2] ^= 1
	model[8] = 2
	_, err = Decode("v=1&h=3&model="+deflate(model), testCodec)
	var ue *lstm.UnsupportedError
	if !errors.As(err, &ue) {
		t.Fatalf("a newer model gives %v, which does not wrap an *lstm.UnsupportedError", err)
	}
}

func TestDecodeNewerVersion(t *testing.T) {
	for _, in := range []string{"v=2", "#v=2&h=abc&whatever=1", "v=10", "v=123456789012345678901234567890"} {
		_, err := Decode(in, testCodec)
		var ve *VersionError
		if !errors.As(err, &ve) {
			t.Fatalf("Decode(%q): %v, want a *VersionError", in, err)
		}
		msg := err.Error()
		for _, s := range []string{"newer version", "Reload"} {
			if !strings.Contains(msg, s) {
				t.Errorf("Decode(%q): %q does not say %q", in, msg, s)
			}
		}
	}
}

func TestDecodeNotLink(t *testing.T) {
	for _, in := range []string{"", "#", "   ", "#usage", "section-2", "foo=1&h=32", "&&&", "https://example.org/page#top"} {
		got, err := Decode(in, testCodec)
		if !errors.Is(err, ErrNotLink) {
			t.Errorf("Decode(%q) = %v, %v; want ErrNotLink", in, got, err)
			continue
		}
		if !strings.Contains(err.Error(), "not an LSTM Playground link") {
			t.Errorf("Decode(%q): %q", in, err)
		}
	}
}

func TestDecodeTooLong(t *testing.T) {
	in := "v=1&probe=" + strings.Repeat("a", MaxFragment)
	_, err := Decode(in, testCodec)
	var le *LinkError
	// Counts with thousands separators, as the page writes them (issue 16).
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "it is 32,010 characters long; a link has at most 32,000.") {
		t.Fatalf("Decode of %d characters: %v", len(in), err)
	}
}

// bomb returns a fragment whose key's value inflates to n zero bytes.
func bomb(key string, n int) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	zero := make([]byte, 1<<16)
	for n > 0 {
		k := min(n, len(zero))
		w.Write(zero[:k])
		n -= k
	}
	w.Close()
	return "v=1&h=3&" + key + "=" + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// TestDecodeBounded checks that compressed data is never inflated beyond its
// limit: zip bombs are refused having allocated at most a few times the limit.
func TestDecodeBounded(t *testing.T) {
	tests := []struct {
		key   string
		n     int
		limit int
		says  string
	}{
		{keyModel, 20 << 20, MaxModelBytes, "inflates to more than 262,144 bytes"},
		{keyModel, MaxModelBytes + 1, MaxModelBytes, "inflates to more than"},
		{keyText, 20 << 20, MaxTextBytes, "inflates to more than 4,000,000 bytes"},
		{keyText, MaxTextBytes + 1, MaxTextBytes, "inflates to more than"},
		{keyText, 2 * lstm.MaxTextChars, MaxTextBytes, "at most 1000000 characters"},  // within bytes, too many characters
		{keyModel, MaxModelBytes, MaxModelBytes, "not an LSTM Playground model file"}, // within the limit: decoded, refused
	}
	for _, tt := range tests {
		f := bomb(tt.key, tt.n)
		if len(f) > MaxFragment {
			t.Fatalf("the %s bomb of %d bytes makes a fragment of %d characters", tt.key, tt.n, len(f))
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Decode(f, testCodec)
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s inflating to %d bytes: %v, want %q", tt.key, tt.n, err, tt.says)
		}
		// The buffer doubles up to limit+1; the text is also copied into a
		// string. Leave 1 MiB for the decompressor and the rest.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(4*tt.limit+1<<20) {
			t.Errorf("%s inflating to %d bytes allocated %d bytes; the limit is %d", tt.key, tt.n, alloc, tt.limit)
		}
	}
}

func TestEncodeTooLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	letters := make([]byte, 40_000)
	for i := range letters {
		letters[i] = byte('a' + rng.IntN(26))
	}
	s := Default()
	s.Text = string(letters)
	_, err := s.Encode(testCodec)
	var se *SizeError
	if !errors.As(err, &se) || se.Part != PartText || !errors.Is(err, ErrTooLong) {
		t.Fatalf("Encode of 40,000 random letters: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "and the limit is 32,000.") || !strings.Contains(msg, "Save model") {
		t.Errorf("message %q", msg)
	}
	if _, _, err := s.EncodeFit(testCodec); !errors.As(err, &se) || se.Part != PartText {
		t.Errorf("EncodeFit drops the model only: %v", err)
	}

	s = Default()
	s.Probe = strings.Repeat("天", MaxFragment/9+1)
	if _, err := s.Encode(testCodec); !errors.As(err, &se) || se.Part != PartProbe {
		t.Errorf("Encode of a long probe: %v", err)
	}

	s = Default()
	s.Preset = "rhyme"
	s.Config.Hidden = 48
	s.Model = tinyModel(t, s.Config, lstm.Text, "abcdefghij")
	_, err = s.Encode(testCodec)
	if !errors.As(err, &se) || se.Part != PartModel {
		t.Fatalf("Encode of a %d-byte model: %v", len(s.Model), err)
	}
	if msg := err.Error(); !strings.Contains(msg, "Save model") || !strings.Contains(msg, "without the model") {
		t.Errorf("message %q", msg)
	}
	f, dropped, err := s.EncodeFit(testCodec)
	if err != nil || !dropped {
		t.Fatalf("EncodeFit: %v, dropped %v", err, dropped)
	}
	got, err := Decode(f, testCodec)
	want := s
	want.Model = nil
	if err != nil || !got.Equal(want) {
		t.Fatalf("EncodeFit's link decodes to %#v, %v", got, err)
	}
	// A model that fits stays.
	s.Config.Hidden = 3
	s.Model = tinyModel(t, s.Config, lstm.Text, "abcdefghij")
	if _, dropped, err := s.EncodeFit(testCodec); err != nil || dropped {
		t.Fatalf("EncodeFit of a small model: dropped %v, %v", dropped, err)
	}
}

func TestValidate(t *testing.T) {
	model := tinyModel(t, smallConfig(), lstm.Text, "abcdef")
	tests := []struct {
		name  string
		edit  func(*State)
		key   string
		isCfg bool // wraps an *lstm.ConfigError: a registry setting out of its range
	}{
		{"hidden 0", func(s *State) { s.Config.Hidden = 0 }, keyHidden, true},
		{"bad cell", func(s *State) { s.Config.Cell = 7 }, keyCell, true},
		{"bad optimizer", func(s *State) { s.Config.Optimizer = 9 }, keyOptimizer, true},
		{"bad clip mode", func(s *State) { s.Config.ClipMode = 9 }, keyClipMode, true},
		{"lr NaN", func(s *State) { s.Config.LearningRate = nan() }, keyLR, true},
		{"seed too large", func(s *State) { s.Config.Seed = MaxSeed + 1 }, keySeed, true},
		{"bad mode", func(s *State) { s.Mode = 2 }, keyMode, true},
		{"temperature NaN", func(s *State) { s.Temperature = nan() }, keyTemp, true},
		{"temperature negative", func(s *State) { s.Temperature = -0.1 }, keyTemp, true},
		{"preset and text", func(s *State) { s.Preset, s.Text = "rhyme", "abc" }, keyText, false},
		{"preset uppercase", func(s *State) { s.Preset = "Rhyme" }, keyPreset, false},
		{"probe not UTF-8", func(s *State) { s.Probe = "a\xffb" }, keyProbe, false},
		{"text not UTF-8", func(s *State) { s.Text = "a\xffb" }, keyText, false},
		{"text too long", func(s *State) { s.Text = strings.Repeat("a", lstm.MaxTextChars+1) }, keyText, false},
		{"unknown hide", func(s *State) { s.Hide = []string{"everything"} }, keyHide, false},
		{"hide twice", func(s *State) { s.Hide = []string{HideData, HideData} }, keyHide, false},
		{"unknown only", func(s *State) { s.Only = "C" }, keyOnly, false},
		{"model garbage", func(s *State) { s.Model = []byte("junk") }, keyModel, false},
		{"model too large", func(s *State) { s.Model = make([]byte, MaxModelBytes+1) }, keyModel, false},
		{"model mismatch", func(s *State) { s.Model = model }, keyHidden, false},
	}
	for _, tt := range tests {
		s := Default()
		tt.edit(&s)
		err := s.Validate()
		var le *LinkError
		if !errors.As(err, &le) || le.Key != tt.key {
			t.Errorf("%s: Validate = %v, want a *LinkError for %q", tt.name, err, tt.key)
			continue
		}
		var ce *lstm.ConfigError
		if errors.As(err, &ce) != tt.isCfg {
			t.Errorf("%s: %v wraps a ConfigError: %v, want %v", tt.name, err, !tt.isCfg, tt.isCfg)
		}
		if f, err2 := s.Encode(testCodec); err2 == nil || err2.Error() != err.Error() {
			t.Errorf("%s: Encode = %q, %v; want Validate's error", tt.name, f, err2)
		}
	}
	for i, s := range roundTripStates(t) {
		if err := s.Validate(); err != nil {
			t.Errorf("state %d: %v", i, err)
		}
	}
}

func nan() float64 { var z float64; return z / z }

func TestNames(t *testing.T) {
	hide := HideNames()
	hide[0] = "changed"
	if HideNames()[0] != HideData {
		t.Error("HideNames returns the table itself")
	}
	for _, names := range [][]string{HideNames(), Charts()} {
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n] || n == "" || strings.ToLower(n) != n || strings.ContainsAny(n, ",&=%+# ") {
				t.Errorf("name %q is repeated, empty, not lower case or needs escaping", n)
			}
			seen[n] = true
		}
	}
	s := Default()
	s.Hide = []string{HideTrain}
	if !s.Hides(HideTrain) || s.Hides(HideData) {
		t.Error("Hides")
	}
}

func TestLinkErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&LinkError{Key: "h", Field: "Hidden units", Value: "abc", Reason: "use a whole number from 1 to 512"},
			"The link's Hidden units (h=abc) cannot be used: use a whole number from 1 to 512."},
		{&LinkError{Key: "seed", Field: "Seed", Value: "", Reason: "use a whole number from 0 to 9"},
			"The link's Seed (seed=) is empty: use a whole number from 0 to 9."},
		{&LinkError{Key: "probe", Field: "Probe text", Value: strings.Repeat("x", 50) + "\x01", Reason: "r"},
			"The link's Probe text (probe=" + strings.Repeat("x", 40) + "…) cannot be used: r."},
		{&LinkError{Key: "probe", Field: "Probe text", Value: "a\nb", Reason: "r"},
			`The link's Probe text (probe=a\nb) cannot be used: r.`},
		{&LinkError{Key: "model", Field: "Model", Value: "AAAA", Reason: "r"}, "The link's Model (model=…) cannot be used: r."},
		{&LinkError{Reason: "it carries no settings", Err: ErrNotLink}, "This is not an LSTM Playground link: it carries no settings."},
		{&LinkError{Reason: "it is too long"}, "This link cannot be used: it is too long."},
		{&VersionError{Version: "2"}, "This link was made by a newer version of LSTM Playground (link format 2; this page reads format 1). Reload the page to update it, then open the link again."},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

// TestDecodeReusesConfigErrors checks that a setting out of range is refused
// by lstm.Config.Validate (the *LinkError wraps its *lstm.ConfigError), and
// that one that is not a number names the same range.
func TestDecodeReusesConfigErrors(t *testing.T) {
	for _, tt := range []struct{ key, bad, range_ string }{
		{keyLayers, "0", "use a whole number from 1 to 2"},
		{keyHidden, "513", "use a whole number from 1 to 512"},
		{keySeqLen, "-3", "use a whole number from 1 to 256"},
		{keyLR, "2", "use a number from 0.000001 to 1"},
		{keyLR, "NaN", "use a number from 0.000001 to 1"},
		{keyLR, "1e999", "use a number from 0.000001 to 1"},
		{keyMomentum, "-0.5", "use a number from 0 to 0.999"},
		{keyClip, "Inf", "use a number from 0 to 1000"},
		{keyForgetBias, "-11", "use a number from −10 to 10"},
	} {
		_, err := Decode("v=1&"+tt.key+"="+tt.bad, testCodec)
		var ce *lstm.ConfigError
		var le *LinkError
		if !errors.As(err, &ce) || !errors.As(err, &le) || le.Key != tt.key || le.Value != tt.bad || le.Reason != tt.range_ {
			t.Errorf("%s=%s: %v (%#v)", tt.key, tt.bad, err, le)
		}
		_, err = Decode("v=1&"+tt.key+"=x1", testCodec)
		if errors.As(err, &ce) || !errors.As(err, &le) || le.Key != tt.key || le.Reason != tt.range_ {
			t.Errorf("%s=x1: %v", tt.key, err)
		}
	}
}

// TestLang: lang= carries the page's language as the catalogue's tag, in any
// case; a link without it leaves the visitor's own; any other value is
// refused with a *LinkError naming the key, and Validate refuses a Lang
// that is not a canonical tag.
func TestLang(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"v=1", ""}, {"v=1&lang=", ""}, {"v=1&lang=en", "en"}, {"v=1&lang=zh-CN", "zh-CN"},
		{"v=1&lang=ZH-cn", "zh-CN"}, {"v=1&lang=%20zh-CN%20", "zh-CN"}, {"lang=zh-CN", "zh-CN"},
	} {
		s, err := Decode(tc.in, testCodec)
		if err != nil || s.Lang != tc.want {
			t.Errorf("Decode(%q): Lang %q, %v; want %q", tc.in, s.Lang, err, tc.want)
		}
	}
	for _, in := range []string{"v=1&lang=zh", "v=1&lang=fr", "v=1&lang=zh-TW", "v=1&lang=%3Cb%3E"} {
		_, err := Decode(in, testCodec)
		le, ok := errors.AsType[*LinkError](err)
		if !ok || le.Key != "lang" || !strings.Contains(err.Error(), "(lang=") || !strings.HasSuffix(err.Error(), "use en or zh-CN.") {
			t.Errorf("Decode(%q): %v", in, err)
		}
	}
	for _, bad := range []string{"zh-cn", "fr", "zh"} {
		s := Default()
		s.Lang = bad
		if _, err := s.Encode(testCodec); err == nil {
			t.Errorf("Encode with Lang %q: no error", bad)
		}
	}
	s := Default()
	s.Lang = "zh-CN"
	if f, err := s.Encode(testCodec); err != nil || !strings.HasPrefix(f, "v=1&lang=zh-CN&mode=text&") {
		t.Errorf("Encode: %q, %v: lang comes right after v", f, err)
	}
}

// TestLangFirst: a bad lang= is the first error, in the link's key order, for
// Decode and Validate alike.
func TestLangFirst(t *testing.T) {
	_, err := Decode("v=1&h=0&lang=xx", testCodec)
	s := Default()
	s.Lang, s.Config.Hidden = "xx", 0
	verr := s.Validate()
	for _, e := range []error{err, verr} {
		if le, ok := errors.AsType[*LinkError](e); !ok || le.Key != "lang" {
			t.Errorf("%v: want the lang error first", e)
		}
	}
}
