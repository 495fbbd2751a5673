package lstm

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseNumbersGood(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []float64
	}{
		{"0, 0.5, 1, 0.5, 0, -0.5", []float64{0, 0.5, 1, 0.5, 0, -0.5}},
		{"1 2   3\t4", []float64{1, 2, 3, 4}},
		{"1\n2\r\n3\n\n4\n", []float64{1, 2, 3, 4}},
		{"1;2; 3 ;\n4", []float64{1, 2, 3, 4}},
		{"1,2,3", []float64{1, 2, 3}},
		{"  7  ", []float64{7}},
		{"1, 2,\n3,", []float64{1, 2, 3}},
		{"-1e3, 2.5E-2, +3, .5, 5., -0", []float64{-1000, 0.025, 3, 0.5, 5, 0}},
		{"1e9, -1e9, 999999999.5", []float64{1e9, -1e9, 999999999.5}},
		{"1e-300", []float64{1e-300}},
	} {
		got, err := ParseNumbers(tc.in)
		if err != nil {
			t.Errorf("ParseNumbers(%q): %v", tc.in, err)
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("ParseNumbers(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestParseNumbersBad(t *testing.T) {
	for _, tc := range []struct {
		in     string
		token  string
		index  int // 1-based among the tokens
		offset int // 1-based character position
		reason NumberProblem
	}{
		{"NaN", "NaN", 1, 1, NotFinite},
		{"1, nan", "nan", 2, 4, NotFinite},
		{"1, 2, Infinity, 4", "Infinity", 3, 7, NotFinite},
		{"-Inf", "-Inf", 1, 1, NotFinite},
		{"1 2 1e308", "1e308", 3, 5, TooLarge},
		{"1e400", "1e400", 1, 1, TooLarge},
		{"-2e9", "-2e9", 1, 1, TooLarge},
		{"1000000000.5", "1000000000.5", 1, 1, TooLarge},
		{"0,5; 1,5", "0,5", 1, 1, DecimalComma},
		{"1; 2; 3,5", "3,5", 3, 7, DecimalComma},
		{"1, two, 3", "two", 2, 4, NotANumber},
		{"1 2 3 x", "x", 4, 7, NotANumber},
		{"0x10", "0x10", 1, 1, NotFinite},
		{"1_000", "1_000", 1, 1, NotFinite},
		{"--1", "--1", 1, 1, NotANumber},
		{"1\n2\n3e", "3e", 3, 5, NotANumber},
		{"½", "½", 1, 1, NotANumber},
		{"1, 2, " + strings.Repeat("9", 70), strings.Repeat("9", 70), 3, 7, NotANumber},
	} {
		_, err := ParseNumbers(tc.in)
		var ne *NumberError
		if !errors.As(err, &ne) {
			t.Errorf("ParseNumbers(%q): error %v, want a *NumberError", tc.in, err)
			continue
		}
		if ne.Token != tc.token || ne.Index != tc.index || ne.Offset != tc.offset {
			t.Errorf("ParseNumbers(%q): token %q, index %d, offset %d; want %q, %d, %d", tc.in, ne.Token, ne.Index, ne.Offset, tc.token, tc.index, tc.offset)
		}
		if ne.Problem != tc.reason {
			t.Errorf("ParseNumbers(%q): problem %d, want %d", tc.in, ne.Problem, tc.reason)
		}
		// The message names the token and its place.
		msg := err.Error()
		if !strings.Contains(msg, tc.token) || !strings.Contains(msg, fmt.Sprint(tc.offset)) {
			t.Errorf("ParseNumbers(%q): message %q does not name the token and its position", tc.in, msg)
		}
	}
}

// TestParseNumbersOffsetCountsCharacters: the offset is in characters, not bytes.
func TestParseNumbersOffsetCountsCharacters(t *testing.T) {
	// "1" and a no-break space are one token; the bad token starts at character 1.
	_, err := ParseNumbers("1\u00a02, 3")
	var ne *NumberError
	if !errors.As(err, &ne) || ne.Index != 1 || ne.Offset != 1 {
		t.Fatalf("got %v", err)
	}
	// Four-byte emoji after a good number: the emoji is token 2 at character 3.
	_, err = ParseNumbers("1 😀 3")
	if !errors.As(err, &ne) || ne.Token != "😀" || ne.Index != 2 || ne.Offset != 3 {
		t.Fatalf("got %v (%+v)", err, ne)
	}
	// After a run of separators: 1, four ';', two '\n', '\t', ' ', then x at 10.
	_, err = ParseNumbers("1;;;;\n\n\t x")
	if !errors.As(err, &ne) || ne.Index != 2 || ne.Offset != 10 {
		t.Fatalf("got %v (%+v)", err, ne)
	}
}

func TestParseNumbersEmptyAndTooMany(t *testing.T) {
	for _, in := range []string{"", "   ", "\n\t", ",", " , ; "} {
		vals, err := ParseNumbers(in)
		if err == nil || vals != nil {
			t.Errorf("ParseNumbers(%q) = %v, %v; want an error and no values", in, vals, err)
		}
	}
	ok := strings.Repeat("1 ", MaxNumbers)
	if vals, err := ParseNumbers(ok); err != nil || len(vals) != MaxNumbers {
		t.Errorf("%d numbers: %d values, %v", MaxNumbers, len(vals), err)
	}
	_, err := ParseNumbers(ok + "2")
	var ne *NumberError
	if !errors.As(err, &ne) || ne.Index != MaxNumbers+1 || ne.Token != "2" || ne.Problem != TooMany {
		t.Errorf("%d numbers: %v", MaxNumbers+1, err)
	}
}

func TestNewNumberData(t *testing.T) {
	d, err := NewNumberData("1, 2, 3")
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != Numbers || d.Len() != 3 || d.InputSize() != 1 || d.OutputSize() != 1 {
		t.Fatalf("kind %v, len %d, sizes %d, %d", d.Kind, d.Len(), d.InputSize(), d.OutputSize())
	}
	sd := math.Sqrt(2.0 / 3)
	if d.Norm.Mean != 2 || math.Abs(d.Norm.Scale-sd) > 1e-15 {
		t.Errorf("norm %+v, want mean 2, scale %g", d.Norm, sd)
	}
	for i, want := range []float64{-1 / sd, 0, 1 / sd} {
		if math.Abs(d.Values[i]-want) > 1e-15 {
			t.Errorf("value %d = %g, want %g", i, d.Values[i], want)
		}
		if back := d.Norm.From(d.Values[i]); math.Abs(back-float64(i+1)) > 1e-15 {
			t.Errorf("From(To(%d)) = %g", i+1, back)
		}
	}
	// Constant values: scale 1, all zero, and no division by zero.
	d, err = NewNumberData("5; 5; 5")
	if err != nil {
		t.Fatal(err)
	}
	if d.Norm.Scale != 1 || d.Norm.Mean != 5 || slices.ContainsFunc(d.Values, func(v float64) bool { return v != 0 }) {
		t.Errorf("constant data: norm %+v, values %v", d.Norm, d.Values)
	}
	// Large, nearly equal values do not blow up either.
	d, err = NewNumberData("1e9 1e9 1e9")
	if err != nil || d.Norm.Scale != 1 {
		t.Errorf("1e9 ×3: %+v, %v", d, err)
	}
	if _, err := NewNumberData("5"); !errors.Is(err, ErrTooShort) {
		t.Errorf("one value: %v, want ErrTooShort", err)
	}
	var ne *NumberError
	if _, err := NewNumberData("1, 2, x"); !errors.As(err, &ne) {
		t.Errorf("bad token: %v, want a *NumberError", err)
	}
}

func TestNewTextData(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		chars int
		vocab string // the sorted distinct characters
	}{
		{"two", "ab", 2, "ab"},
		{"ascii", "hello", 5, "ehlo"},
		{"accents", "café crème", 10, " acefmrèé"},
		{"combining", "cafe\u0301", 5, "acef\u0301"},
		{"chinese", "你好世界你好", 6, "世你好界"},
		{"emoji", "😀🎉😀 👍🏽", 6, " 🎉🏽👍😀"}, // 👍🏽 is two characters; U+1F3FD sorts before U+1F44D
		{"invalid utf-8", "a\xffb\xfe", 4, "ab\ufffd"},
		{"newlines", "a\nb\r\n", 5, "\n\rab"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := NewTextData(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != Text || d.Len() != tc.chars {
				t.Errorf("kind %v, %d characters, want Text, %d", d.Kind, d.Len(), tc.chars)
			}
			if got := string(d.Vocab.Runes()); got != tc.vocab {
				t.Errorf("vocabulary %q, want %q", got, tc.vocab)
			}
			V := utf8.RuneCountInString(tc.vocab)
			if d.InputSize() != V || d.OutputSize() != V {
				t.Errorf("input %d, output %d, want %d", d.InputSize(), d.OutputSize(), V)
			}
			// The ids decode back to the text (invalid bytes become U+FFFD).
			want := strings.ToValidUTF8(tc.text, "\ufffd")
			if tc.name == "invalid utf-8" {
				want = "a\ufffdb\ufffd"
			}
			if got := d.Vocab.Decode(d.IDs); got != want {
				t.Errorf("decoded %q, want %q", got, want)
			}
		})
	}
}

func TestNewTextDataRefuses(t *testing.T) {
	if _, err := NewTextData(""); !errors.Is(err, ErrEmptyText) {
		t.Errorf("empty text: %v, want ErrEmptyText", err)
	}
	for _, one := range []string{"a", "😀", "\xff"} {
		if _, err := NewTextData(one); !errors.Is(err, ErrTooShort) {
			t.Errorf("%q: %v, want ErrTooShort", one, err)
		}
	}
	// Exactly at the limit is fine; one character more is refused, and the
	// message states the limit. Multi-byte characters count once.
	at := strings.Repeat("é", MaxTextChars)
	if d, err := NewTextData(at); err != nil || d.Len() != MaxTextChars {
		t.Fatalf("%d characters: %v", MaxTextChars, err)
	}
	_, err := NewTextData(at + "x")
	var le *LengthError
	if !errors.As(err, &le) || le.Input != InputText || le.Have != MaxTextChars+1 || le.Limit != MaxTextChars {
		t.Errorf("%d characters: %v, want a *LengthError naming the length and the limit", MaxTextChars+1, err)
	}
	// White space only.
	for _, blank := range []string{"  ", "\n\n\t ", "\u3000\u3000"} {
		if _, err := NewTextData(blank); !errors.Is(err, ErrBlankText) {
			t.Errorf("%q: %v, want ErrBlankText", blank, err)
		}
	}
	// Too many distinct characters.
	var b strings.Builder
	for r := rune(0x4e00); r < 0x4e00+MaxVocab+1; r++ {
		b.WriteRune(r)
	}
	_, err = NewTextData(b.String())
	if !errors.Is(err, ErrTooManyChars) {
		t.Errorf("%d distinct characters: %v, want ErrTooManyChars", MaxVocab+1, err)
	}
	if _, err := NewTextData(b.String()[:utf8.RuneLen(0x4e00)*MaxVocab]); err != nil {
		t.Errorf("%d distinct characters: %v", MaxVocab, err)
	}
}

// TestVocabIndependentOfOrder: the indices depend only on the set of characters,
// not on the order they are seen in nor on map iteration order.
func TestVocabIndependentOfOrder(t *testing.T) {
	chars := []rune("zyxéa 中文😀\n!ZA0")
	want := slices.Clone(chars)
	slices.Sort(want)
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 50 {
		rng.Shuffle(len(chars), func(i, j int) { chars[i], chars[j] = chars[j], chars[i] })
		text := string(chars) + string(chars[:i%len(chars)]) // repeats, too
		v, err := NewVocab(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Runes(); !slices.Equal(got, want) {
			t.Fatalf("NewVocab(%q).Runes() = %q, want %q", text, string(got), string(want))
		}
		for k, r := range want {
			if idx, ok := v.Index(r); !ok || idx != k || v.Rune(k) != r {
				t.Fatalf("Index(%q) = %d, %v; want %d", r, idx, ok, k)
			}
		}
	}
}

func TestVocabEncodeDecode(t *testing.T) {
	v, err := NewVocab("hello, 世界")
	if err != nil {
		t.Fatal(err)
	}
	ids, err := v.Encode("世界, hello")
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Decode(ids); got != "世界, hello" {
		t.Errorf("Decode(Encode(s)) = %q", got)
	}
	if ids, err := v.Encode(""); err != nil || len(ids) != 0 {
		t.Errorf("Encode(\"\") = %v, %v", ids, err)
	}
	_, err = v.Encode("hello, wörld")
	if !errors.Is(err, ErrUnknownRune) || !strings.Contains(err.Error(), "'w'") || !strings.Contains(err.Error(), "8") {
		t.Errorf("unknown character: %v, want ErrUnknownRune naming 'w' at character 8", err)
	}
	if _, ok := v.Index('w'); ok {
		t.Error("Index('w') found a character that is not there")
	}
	// Runes returns a copy.
	rs := v.Runes()
	rs[0] = 'Q'
	if v.Rune(0) == 'Q' {
		t.Error("Runes returned the vocabulary's own slice")
	}
}

func TestVocabOf(t *testing.T) {
	if v, err := VocabOf([]rune("abc")); err != nil || v.Size() != 3 {
		t.Errorf("VocabOf(abc) = %v, %v", v, err)
	}
	in := []rune("abc")
	v, _ := VocabOf(in)
	in[0] = 'z'
	if v.Rune(0) != 'a' {
		t.Error("VocabOf kept the caller's slice")
	}
	tooMany := make([]rune, MaxVocab+1)
	for i := range tooMany {
		tooMany[i] = rune(0x4e00 + i)
	}
	for _, bad := range [][]rune{nil, {}, []rune("ba"), []rune("aab"), {'a', 0xd800}, {-1, 'a'}, {'a', utf8.MaxRune + 1}, tooMany} {
		if _, err := VocabOf(bad); err == nil {
			t.Errorf("VocabOf(%q) accepted", bad)
		}
	}
	if _, err := NewVocab(""); !errors.Is(err, ErrEmptyText) {
		t.Errorf("NewVocab(\"\"): %v", err)
	}
}

// configErrors returns the *ConfigErrors joined in err.
func configErrors(t *testing.T, err error) []*ConfigError {
	t.Helper()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	var out []*ConfigError
	for _, e := range errs {
		var ce *ConfigError
		if !errors.As(e, &ce) {
			t.Fatalf("%v is not a *ConfigError", e)
		}
		out = append(out, ce)
	}
	return out
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatalf("DefaultConfig is invalid: %v", err)
	}
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		key      string
		set      func(*Config)
		value    float64
		min, max float64 // the valid range
	}{
		{KeyCell, func(c *Config) { c.Cell = 2 }, 2, 0, 1},
		{KeyLayers, func(c *Config) { c.Layers = 0 }, 0, 1, 2},
		{KeyLayers, func(c *Config) { c.Layers = 3 }, 3, 1, 2},
		{KeyLayers, func(c *Config) { c.Layers = -1 }, -1, 1, 2},
		{KeyHidden, func(c *Config) { c.Hidden = 0 }, 0, 1, 512},
		{KeyHidden, func(c *Config) { c.Hidden = 513 }, 513, 1, 512},
		{KeyHidden, func(c *Config) { c.Hidden = 100000 }, 100000, 1, 512},
		{KeySeqLen, func(c *Config) { c.SeqLen = 0 }, 0, 1, 256},
		{KeySeqLen, func(c *Config) { c.SeqLen = 257 }, 257, 1, 256},
		{KeyLR, func(c *Config) { c.LearningRate = 0 }, 0, 1e-6, 1},
		{KeyLR, func(c *Config) { c.LearningRate = 9e-7 }, 9e-7, 1e-6, 1},
		{KeyLR, func(c *Config) { c.LearningRate = 1.5 }, 1.5, 1e-6, 1},
		{KeyLR, func(c *Config) { c.LearningRate = -0.01 }, -0.01, 1e-6, 1},
		{KeyLR, func(c *Config) { c.LearningRate = nan }, nan, 1e-6, 1},
		{KeyLR, func(c *Config) { c.LearningRate = inf }, inf, 1e-6, 1},
		{KeyOptimizer, func(c *Config) { c.Optimizer = 3 }, 3, 0, 2},
		{KeyMomentum, func(c *Config) { c.Momentum = -0.1 }, -0.1, 0, 0.999},
		{KeyMomentum, func(c *Config) { c.Momentum = 1 }, 1, 0, 0.999},
		{KeyMomentum, func(c *Config) { c.Momentum = nan }, nan, 0, 0.999},
		{KeyClip, func(c *Config) { c.Clip = -1 }, -1, 0, 1000},
		{KeyClip, func(c *Config) { c.Clip = 1001 }, 1001, 0, 1000},
		{KeyClip, func(c *Config) { c.Clip = inf }, inf, 0, 1000},
		{KeyClip, func(c *Config) { c.Clip = nan }, nan, 0, 1000},
		{KeyClipMode, func(c *Config) { c.ClipMode = 2 }, 2, 0, 1},
		{KeyForgetBias, func(c *Config) { c.ForgetBias = -10.5 }, -10.5, -10, 10},
		{KeyForgetBias, func(c *Config) { c.ForgetBias = 11 }, 11, -10, 10},
		{KeyForgetBias, func(c *Config) { c.ForgetBias = nan }, nan, -10, 10},
	} {
		cfg := DefaultConfig()
		tc.set(&cfg)
		err := cfg.Validate()
		ces := configErrors(t, err)
		if len(ces) != 1 {
			t.Errorf("%s = %v: %d errors (%v), want 1", tc.key, tc.value, len(ces), err)
			continue
		}
		ce := ces[0]
		sameValue := ce.Value == tc.value || (math.IsNaN(ce.Value) && math.IsNaN(tc.value))
		if ce.Key != tc.key || !sameValue || ce.Problem != OutOfRange || ce.Min != tc.min || ce.Max != tc.max {
			t.Errorf("%s = %v: error %+v, want key %s, range %v to %v", tc.key, tc.value, *ce, tc.key, tc.min, tc.max)
		}
		if s, ok := SettingOf(tc.key); !ok || s.Kind != ce.Kind {
			t.Errorf("%s: the error's kind %d is not the setting's", tc.key, ce.Kind)
		}
	}
}

func TestConfigValidateBounds(t *testing.T) {
	for _, set := range []func(*Config){
		func(c *Config) { c.Cell = CellRNN },
		func(c *Config) { c.Layers = 1 }, func(c *Config) { c.Layers = MaxLayers },
		func(c *Config) { c.Hidden = 1 }, func(c *Config) { c.Hidden = MaxHidden },
		func(c *Config) { c.SeqLen = 1 }, func(c *Config) { c.SeqLen = MaxSeqLen },
		func(c *Config) { c.LearningRate = MinLR }, func(c *Config) { c.LearningRate = MaxLR },
		func(c *Config) { c.Optimizer = SGD }, func(c *Config) { c.Optimizer = RMSProp },
		func(c *Config) { c.Momentum = 0 }, func(c *Config) { c.Momentum = MaxMomentum },
		func(c *Config) { c.Clip = 0 }, func(c *Config) { c.Clip = MaxClip },
		func(c *Config) { c.ClipMode = ClipNorm },
		func(c *Config) { c.ForgetBias = -MaxForgetB }, func(c *Config) { c.ForgetBias = MaxForgetB },
		func(c *Config) { c.Seed = math.MaxUint64 },
	} {
		cfg := DefaultConfig()
		set(&cfg)
		if err := cfg.Validate(); err != nil {
			t.Errorf("%+v: %v", cfg, err)
		}
	}
}

func TestZeroConfigInvalid(t *testing.T) {
	err := Config{}.Validate()
	fields := map[string]bool{}
	for _, ce := range configErrors(t, err) {
		fields[ce.Key] = true
	}
	for _, f := range []string{KeyLayers, KeyHidden, KeySeqLen, KeyLR} {
		if !fields[f] {
			t.Errorf("the zero Config's error %v does not name %s", err, f)
		}
	}
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Error("errors.As finds no *ConfigError")
	}
	if _, err := NewModel(Config{}, mustText(t, "ab")); err == nil {
		t.Error("NewModel accepted the zero Config")
	}
}

func mustText(t testing.TB, s string) *Data {
	t.Helper()
	d, err := NewTextData(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// allocatedBy returns the bytes allocated while f runs.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestNewModelRefusesTooLarge: a model too large for a browser tab is refused
// with a *ConfigError before its parameters are allocated.
func TestNewModelRefusesTooLarge(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Hidden = 100000
	d := mustText(t, "ab")
	var err error
	n := allocatedBy(func() { _, err = NewModel(cfg, d) })
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Key != KeyHidden {
		t.Errorf("Hidden 100000: %v", err)
	}
	if n > 1<<16 {
		t.Errorf("Hidden 100000: %d bytes allocated before refusing", n)
	}

	// A vocabulary far beyond MaxVocab (built by hand; NewTextData refuses it)
	// times the largest hidden size: the size check refuses it, not the allocator.
	runes := make([]rune, 100000)
	for i := range runes {
		runes[i] = rune(0x10000 + i)
	}
	big := &Data{Kind: Text, Vocab: Vocab{runes: runes}, IDs: []int32{0, 1}}
	cfg = DefaultConfig()
	cfg.Hidden, cfg.Layers = MaxHidden, 2
	if cfg.ParamCount(big.InputSize(), big.OutputSize()) <= MaxParamSize && cfg.MemoryBytes(big.InputSize(), big.OutputSize()) <= MaxMemory {
		t.Fatal("the test model is not too large")
	}
	n = allocatedBy(func() { _, err = NewModel(cfg, big) })
	if !errors.As(err, &ce) || ce.Key != KeyHidden || ce.Problem != TooManyParams || ce.Have <= ce.Limit || ce.Limit != MaxParamSize {
		t.Errorf("V = 100000, H = %d: %v", MaxHidden, err)
	}
	if n > 1<<16 {
		t.Errorf("V = 100000: %d bytes allocated before refusing", n)
	}
	// The largest text a person can give (MaxVocab distinct characters) with
	// every size at its maximum needs more memory than a tab has to give: refused
	// with the sizes in the message, before allocating. Half the hidden units fit.
	var b strings.Builder
	for r := rune(0x4e00); r < 0x4e00+MaxVocab; r++ {
		b.WriteRune(r)
	}
	wide := mustText(t, b.String())
	cfg = DefaultConfig()
	cfg.Hidden, cfg.Layers, cfg.SeqLen = MaxHidden, MaxLayers, MaxSeqLen
	n = allocatedBy(func() { _, err = NewModel(cfg, wide) })
	if !errors.As(err, &ce) || ce.Problem != TooMuchMemory || ce.Have <= ce.Limit || ce.Limit != MaxMemory {
		t.Errorf("V = %d, H = %d, %d layers, T = %d: %v", MaxVocab, MaxHidden, MaxLayers, MaxSeqLen, err)
	} else {
		t.Logf("largest configuration: %v", err)
	}
	if n > 1<<16 {
		t.Errorf("V = %d: %d bytes allocated before refusing", MaxVocab, n)
	}
	cfg.Hidden, cfg.Layers = MaxHidden/2, 1
	if _, err := NewModel(cfg, wide); err != nil {
		t.Errorf("V = %d, H = %d, one layer: %v", MaxVocab, cfg.Hidden, err)
	}

	// ParamCount does not overflow for absurd sizes from a file or a URL.
	huge := Config{Cell: CellLSTM, Layers: MaxLayers, Hidden: 1_000_000, SeqLen: 1_000_000}
	if c := huge.ParamCount(math.MaxInt32, math.MaxInt32); c <= MaxParamSize {
		t.Errorf("ParamCount overflowed: %d", c)
	}
	if b := huge.MemoryBytes(math.MaxInt32, math.MaxInt32); b <= MaxMemory {
		t.Errorf("MemoryBytes overflowed: %d", b)
	}
}

// TestMemoryEstimate: Config.MemoryBytes, which the size limit is checked
// against, covers what a model and its trainer actually allocate.
func TestMemoryEstimate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	rs := make([]rune, 3000)
	for i := range rs {
		rs[i] = rune(0x4e00 + rng.IntN(300))
	}
	d := mustText(t, string(rs))
	for _, tc := range []struct {
		cell   Cell
		layers int
		hidden int
		seqLen int
		opt    Optimizer
	}{
		{CellLSTM, 2, 128, 128, Adam},
		{CellLSTM, 1, 64, 256, RMSProp},
		{CellRNN, 2, 256, 64, SGD},
	} {
		cfg := DefaultConfig()
		cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen, cfg.Optimizer = tc.cell, tc.layers, tc.hidden, tc.seqLen, tc.opt
		est := cfg.MemoryBytes(d.InputSize(), d.OutputSize())
		got := allocatedBy(func() {
			m, err := NewModel(cfg, d)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := NewTrainer(m, d)
			if err != nil {
				t.Fatal(err)
			}
			mustStep(t, tr)
			tr.Reach()
			mustStep(t, tr)
		})
		t.Logf("%v L%d H%d T%d V%d: allocated %.2f MiB, estimate %.2f MiB (%.0f%%)", tc.cell, tc.layers, tc.hidden, tc.seqLen,
			d.Vocab.Size(), float64(got)/(1<<20), float64(est)/(1<<20), 100*float64(got)/float64(est))
		if float64(got) > 1.1*float64(est) {
			t.Errorf("%v L%d H%d T%d: allocated %d bytes, more than the estimate %d", tc.cell, tc.layers, tc.hidden, tc.seqLen, got, est)
		}
	}
}
