package words

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/settings"
)

var placeholder = regexp.MustCompile(`\{[1-9]\}`)

// TestCatalogueComplete fails when a language lacks a message English has,
// has one English does not, or uses other placeholders than English's.
func TestCatalogueComplete(t *testing.T) {
	for _, l := range Langs() {
		table := tables[l]
		if table == nil {
			t.Fatalf("%s: no table", l.Tag())
		}
		for id, want := range en {
			got, ok := table[id]
			if !ok || got == "" {
				t.Errorf("%s: no message %q", l.Tag(), id)
				continue
			}
			if !samePlaceholders(placeholder.FindAllString(want, -1), placeholder.FindAllString(got, -1)) {
				t.Errorf("%s: %q has placeholders %v, English %v", l.Tag(), id, placeholder.FindAllString(got, -1), placeholder.FindAllString(want, -1))
			}
		}
		for id := range table {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: message %q is not in English", l.Tag(), id)
			}
		}
	}
}

func samePlaceholders(a, b []string) bool {
	seen := map[string]int{}
	for _, p := range a {
		seen[p]++
	}
	for _, p := range b {
		seen[p]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// TestEverySettingWorded: every row of the registry has a label, and every
// choice a name, in every language.
func TestEverySettingWorded(t *testing.T) {
	for _, l := range Langs() {
		for _, k := range []string{KeyText, KeyProbe, KeyPrime, KeyLoad} {
			if _, ok := tables[l]["label."+k]; !ok {
				t.Errorf("%s: input %q has no label", l.Tag(), k)
			}
		}
		for _, s := range settings.All() {
			if _, ok := tables[l]["label."+s.Key]; !ok {
				t.Errorf("%s: setting %q has no label", l.Tag(), s.Key)
			}
			for _, c := range s.Choices {
				if _, ok := tables[l]["choice."+s.Key+"."+c]; !ok {
					t.Errorf("%s: choice %q of %q has no name", l.Tag(), c, s.Key)
				}
			}
		}
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		id   string
		args []string
		want string
	}{
		{"bounds", []string{"1", "512"}, "1 to 512"},
		{"setting.range", []string{"Hidden units", "600", "a whole number from 1 to 512"}, "Hidden units 600 is out of range: use a whole number from 1 to 512"},
		{"bounds", []string{"1"}, "1 to {2}"}, // a missing argument stays visible
		{"no.such.id", nil, "no.such.id"},
	} {
		if got := Text(English, tc.id, tc.args...); got != tc.want {
			t.Errorf("Text(%q, %q) = %q, want %q", tc.id, tc.args, got, tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {1, "1"}, {10000, "10,000"}, {-10, "−10"}, {1e-6, "0.000001"}, {0.999, "0.999"},
		{settings.MaxSeed, "9,007,199,254,740,991"}, {-1e9, "−1,000,000,000"}, {math.NaN(), "NaN"}, {math.Inf(-1), "−Inf"},
		{1e-300, "1e-300"},
	} {
		if got := Number(English, tc.v); got != tc.want {
			t.Errorf("Number(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// TestSettingSentences checks today's sentences in each language, with the
// field named as each language labels it (tests/e2e/catalogue.test.mjs and
// the share link's catalogue check them in the page).
func TestSettingSentences(t *testing.T) {
	hidden := settings.Must(lstm.KeyHidden)
	for _, tc := range []struct {
		say func(l Lang) string
		en  string
		zh  string
	}{
		{func(l Lang) string { return OutOfRange(l, Label(l, lstm.KeyHidden), hidden, "600") },
			"Hidden units 600 is out of range: use a whole number from 1 to 512.", "隐藏单元数 600 超出范围：请使用 1 到 512 之间的整数。"},
		{func(l Lang) string { return OutOfRange(l, Label(l, lstm.KeyLR), settings.Must(lstm.KeyLR), "0") },
			"Learning rate 0 is out of range: use a number from 0.000001 to 1.", "学习率 0 超出范围：请使用 0.000001 到 1 之间的数。"},
		{func(l Lang) string {
			return OutOfRange(l, Label(l, settings.KeyLength), settings.Must(settings.KeyLength), "1000000")
		}, "Length 1000000 is out of range: use a whole number from 1 to 10,000.", "生成长度 1000000 超出范围：请使用 1 到 10,000 之间的整数。"},
		{func(l Lang) string { return Empty(l, Label(l, lstm.KeyHidden), hidden) },
			"Hidden units is empty: type a whole number from 1 to 512.", "隐藏单元数为空：请输入 1 到 512 之间的整数。"},
		{func(l Lang) string { return NotANumber(l, Label(l, lstm.KeyHidden), hidden, "abc") },
			"Hidden units “abc” is not a number: type a whole number from 1 to 512.", "隐藏单元数“abc”不是数：请输入 1 到 512 之间的整数。"},
		{func(l Lang) string { return Use(l, settings.Must(lstm.KeyOptimizer)) }, "use Adam, RMSProp or SGD", "请使用 Adam、RMSProp 或 SGD"},
		{func(l Lang) string { return Use(l, settings.Must(lstm.KeyCell)) }, "use LSTM or RNN", "请使用 LSTM 或 RNN"},
		{func(l Lang) string { return Bounds(l, settings.Must(lstm.KeyForgetBias)) }, "−10 to 10", "−10 到 10"},
		{func(l Lang) string { return Bounds(l, settings.Must(lstm.KeySeed)) }, "0 to 9,007,199,254,740,991", "0 到 9,007,199,254,740,991"},
	} {
		for _, l := range Langs() {
			want := map[Lang]string{English: tc.en, ZhCN: tc.zh}[l]
			if got := tc.say(l); got != want {
				t.Errorf("%s: got  %q\nwant %q", l.Tag(), got, want)
			}
		}
	}
}

// TestErrors words each typed error of lstm from the error lstm returns.
func TestErrors(t *testing.T) {
	cfg := lstm.DefaultConfig()
	cfg.Hidden = 600
	var ce *lstm.ConfigError
	if !errors.As(cfg.Validate(), &ce) {
		t.Fatal("no *ConfigError")
	}
	if got, want := Config(English, ce), "Hidden units 600 is out of range: use a whole number from 1 to 512."; got != want {
		t.Errorf("Config: %q, want %q", got, want)
	}
	cfg = lstm.DefaultConfig()
	cfg.Optimizer = 7
	if !errors.As(cfg.Validate(), &ce) || Config(English, ce) != "Optimizer 7 is out of range: use Adam, RMSProp or SGD." {
		t.Errorf("Config: %v", Config(English, ce))
	}
	if got := Config(English, &lstm.ConfigError{Key: lstm.KeyHidden, Problem: lstm.TooMuchMemory, Value: 512, Have: 600 << 20, Limit: lstm.MaxMemory}); !strings.Contains(got, "training would need 600 MiB; the limit is 512 MiB") {
		t.Errorf("memory: %q", got)
	}

	data := []struct {
		kind lstm.Kind
		in   string
		want string
	}{
		{lstm.Text, "", "The training text is empty"},
		{lstm.Numbers, "", "The list of numbers is empty"},
		{lstm.Text, " \n\t", "only white space"},
		{lstm.Text, "a", "at least 2 symbols"},
		{lstm.Numbers, "1, NaN", `Number 2, "NaN" (at character 4), cannot be used: not a finite decimal number; use values from -1e+09 to 1e+09.`},
		{lstm.Numbers, "0,5; 1,5", `Number 1, "0,5" (at character 1), cannot be used: use a dot as the decimal separator (0.5, not 0,5).`},
		{lstm.Numbers, "1 2 x", `Number 3, "x" (at character 5), cannot be used: not a number.`},
		{lstm.Numbers, "1 2e10", "too large"},
	}
	for _, tc := range data {
		var err error
		if tc.kind == lstm.Numbers {
			_, err = lstm.NewNumberData(tc.in)
		} else {
			_, err = lstm.NewTextData(tc.in)
		}
		got, ok := Data(English, tc.kind, err)
		if !ok || !strings.Contains(got, tc.want) {
			t.Errorf("Data(%q): %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	if got, ok := Data(English, lstm.Text, errors.New("some other error")); ok {
		t.Errorf("Data of an unknown error: %q", got)
	}
	_, err := lstm.NewTextData(strings.Repeat("x", lstm.MaxTextChars+1))
	if got, _ := Data(English, lstm.Text, err); got != "The training text has 1,000,001 characters; the limit is 1,000,000. Use a shorter text." {
		t.Errorf("too long: %q", got)
	}
	var b strings.Builder
	for r := rune(0x4e00); r <= 0x4e00+lstm.MaxVocab; r++ {
		b.WriteRune(r)
	}
	_, err = lstm.NewTextData(b.String())
	if got, _ := Data(English, lstm.Text, err); !strings.Contains(got, "more than 4,096 distinct characters") {
		t.Errorf("distinct: %q", got)
	}
}

func TestProbeAndModelErrors(t *testing.T) {
	d, err := lstm.NewTextData("abab")
	if err != nil {
		t.Fatal(err)
	}
	cfg := lstm.DefaultConfig()
	cfg.Hidden = 2
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.TraceText("ab🙂", nil)
	if got, ok := Probe(English, err); !ok || got != "Character not in the vocabulary: '🙂' at character 3: the model only knows the characters of its training text." {
		t.Errorf("unknown rune: %q", got)
	}
	_, err = m.TraceText("", nil)
	if got, _ := Probe(English, err); got != "The probe is empty." {
		t.Errorf("empty probe: %q", got)
	}
	_, err = m.Sample(strings.Repeat("a", lstm.MaxProbe+1), 1, 1, nil)
	if got, _ := Probe(English, err); got != "The prime has 2,001 characters; the limit is 2,000." {
		t.Errorf("long prime: %q", got)
	}
	other, err := lstm.NewTextData("abc")
	if err != nil {
		t.Fatal(err)
	}
	_, err = lstm.NewTrainer(m, other)
	ue, ok := errors.AsType[*lstm.UnknownRuneError](err)
	if !ok || !strings.Contains(CannotTrain(English, ue), "it was trained without 'c', which the text has") {
		t.Errorf("cannot train: %v", err)
	}

	file, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file []byte
		want string
	}{
		{nil, "The model file is empty."},
		{[]byte("PNG"), "Not an LSTM Playground model file."},
		{flipped(file, len(file)/2), "The model file is corrupt"},
		{file[:len(file)/2], "The model file is truncated: expected"},
		{append(append([]byte(nil), file...), 0), "goes on after its end"},
	} {
		_, err := lstm.UnmarshalModel(tc.file)
		if got, ok := ModelFile(English, err); !ok || !strings.HasPrefix(got, tc.want) && !strings.Contains(got, tc.want) {
			t.Errorf("%d bytes: %q (%v), want %q", len(tc.file), got, err, tc.want)
		}
	}
}

// flipped returns a copy of b with one bit of byte i changed.
func flipped(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 1
	return c
}

// TestModelFileReason: the clause the page puts after "The model could not
// be loaded: ", and the downloads' sentence.
func TestModelFileReason(t *testing.T) {
	_, err := lstm.UnmarshalModel([]byte("PNG"))
	if got := ModelFileReason(English, err); got != "not an LSTM Playground model file" {
		t.Errorf("not a model: %q", got)
	}
	if got := ModelFileReason(English, &lstm.UnsupportedError{Version: 2}); !strings.HasPrefix(got, "this model file has format version 2: it was made by a newer version") {
		t.Errorf("newer: %q", got)
	}
	if got := ModelFileReason(English, &lstm.UnsupportedError{Version: 32769}); got != "the file starts like a model file, but its header is damaged (it gives format version 32769)" {
		t.Errorf("damaged: %q", got)
	}
	if got := ModelFileReason(English, errors.New("other")); got != "the file could not be read as a model file" {
		t.Errorf("other: %q", got)
	}
	if got := Export(English, errors.New("export: it has no parameters")); got != "The weights could not be written: the model cannot be exported." {
		t.Errorf("export: %q", got)
	}
}

// TestIDsInCatalogue: every message id the code of this package and its
// users passes to Text is in the English catalogue (Text would show the id).
func TestIDsInCatalogue(t *testing.T) {
	call := regexp.MustCompile(`(?:[^.\w]|words\.)Text\((?:l|English|words\.English), "([^"]+)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../ui/*.go")
	found := 0
	for _, f := range append(files, more...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			found++
			if strings.HasSuffix(m[1], ".") {
				continue // a prefix: "label."+key, "choice."+… (TestEverySettingWorded)
			}
			if _, ok := en[m[1]]; !ok {
				t.Errorf("%s: message %q is not in the catalogue", f, m[1])
			}
		}
	}
	if found < 20 {
		t.Errorf("found only %d calls of Text: the pattern no longer matches the code", found)
	}
}

// TestChineseSentences: the sentences built from parts read as Chinese.
func TestChineseSentences(t *testing.T) {
	hidden := settings.Must(lstm.KeyHidden)
	cfg := lstm.DefaultConfig()
	cfg.Hidden = 600
	ce, _ := errors.AsType[*lstm.ConfigError](cfg.Validate())
	_, numErr := lstm.NewNumberData("0,5; 1,5")
	numbers, _ := Data(ZhCN, lstm.Numbers, numErr)
	_, fileErr := lstm.UnmarshalModel([]byte("PNG"))
	for _, tc := range []struct{ got, want string }{
		{OutOfRange(ZhCN, Label(ZhCN, lstm.KeyHidden), hidden, "600"), "隐藏单元数 600 超出范围：请使用 1 到 512 之间的整数。"},
		{Config(ZhCN, ce), "隐藏单元数 600 超出范围：请使用 1 到 512 之间的整数。"},
		{Empty(ZhCN, Label(ZhCN, lstm.KeyLR), settings.Must(lstm.KeyLR)), "学习率为空：请输入 0.000001 到 1 之间的数。"},
		{Use(ZhCN, settings.Must(lstm.KeyOptimizer)), "请使用 Adam、RMSProp 或 SGD"},
		{Use(ZhCN, settings.Must(settings.KeyMode)), "请使用 文本 或 数值"},
		{Bounds(ZhCN, settings.Must(lstm.KeySeed)), "0 到 9,007,199,254,740,991"},
		{Bounds(ZhCN, settings.Must(lstm.KeyForgetBias)), "−10 到 10"},
		{numbers, `第 1 个数 "0,5"（第 1 个字符处）无法使用：请用点作小数点（写 0.5，不要写 0,5）。`},
		{func() string { s, _ := ModelFile(ZhCN, fileErr); return s }(), "这不是 LSTM 游乐场的模型文件。"},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %q\nwant %q", tc.got, tc.want)
		}
	}
}

// TestTour: every preset with a tour has it in both languages, step by step,
// and the Chinese is not the English.
func TestTour(t *testing.T) {
	for _, id := range []string{"rhyme", "poem", "counting", "brackets", "sine", "chinese", "rhyme-zh", "poem-zh"} {
		e, z := Tour(English, id), Tour(ZhCN, id)
		if len(e) < 2 || len(z) != len(e) {
			t.Errorf("%s: %d English steps, %d Chinese", id, len(e), len(z))
		}
		for i := range z {
			if z[i] == e[i] {
				t.Errorf("%s step %d is not translated", id, i+1)
			}
		}
		if PresetName(ZhCN, id) == PresetName(English, id) || PresetAbout(ZhCN, id) == "preset."+id+".about" {
			t.Errorf("%s: name %q, about %q", id, PresetName(ZhCN, id), PresetAbout(ZhCN, id))
		}
	}
	if got := Tour(ZhCN, "no-such-preset"); got != nil {
		t.Errorf("a preset without a tour has %q", got)
	}
	for id := range en {
		rest, ok := strings.CutPrefix(id, "tour.")
		if !ok {
			continue
		}
		i := strings.LastIndexByte(rest, '.')
		n, err := strconv.Atoi(rest[i+1:])
		if i < 0 || err != nil || n < 1 || n > len(Tour(English, rest[:i])) {
			t.Errorf("%s: Tour cannot reach it (the steps of a tour are numbered from 1, without gaps)", id)
		}
	}
}
