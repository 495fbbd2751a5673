package ui

import (
	"bytes"
	"errors"
	"math"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/engine"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/settings"
	"lstmplayground/wasm/words"
)

// TestErrorKeys: the input keys of the protocol are those of the settings
// registry and the words catalogue.
func TestErrorKeys(t *testing.T) {
	for _, k := range [][2]string{
		{protocol.KeyText, words.KeyText}, {protocol.KeyProbe, words.KeyProbe}, {protocol.KeyPrime, words.KeyPrime},
		{protocol.KeyLoad, words.KeyLoad}, {protocol.KeyText, settings.KeyText}, {protocol.KeyLength, settings.KeyLength},
	} {
		if k[0] != k[1] {
			t.Errorf("protocol key %q, registry key %q", k[0], k[1])
		}
	}
}

// TestErrorText: an engine's refusal, as data across the wire, reads as the
// sentence the words catalogue gives lstm's own error for the same input.
func TestErrorText(t *testing.T) {
	e := engine.New()
	ask := func(m protocol.Message) protocol.Error {
		t.Helper()
		b, _ := protocol.Encode(m)
		for _, r := range e.HandleBytes(b, time.Time{}) {
			if er, ok := r.(protocol.Error); ok {
				return er
			}
		}
		t.Fatalf("%v was not refused", m.Type())
		return protocol.Error{}
	}
	c := lstm.DefaultConfig()
	c.Hidden = 8
	_, numErr := lstm.NewNumberData("1, 2, NaN")
	_, emptyErr := lstm.NewNumberData(" , ")
	_, textErr := lstm.NewTextData("")
	for _, tc := range []struct {
		m    protocol.Message
		want string
	}{
		{protocol.SetData{Mode: lstm.Numbers, Text: "1, 2, NaN"}, must(words.Data(words.English, lstm.Numbers, numErr))},
		{protocol.SetData{Mode: lstm.Numbers, Text: " , "}, must(words.Data(words.English, lstm.Numbers, emptyErr))},
		{protocol.SetData{Mode: lstm.Text, Text: ""}, must(words.Data(words.English, lstm.Text, textErr))},
		{protocol.SetConfig{Config: lstm.Config{}}, words.Config(words.English, configErr(lstm.Config{}))},
	} {
		if got := ErrorText(ask(tc.m)); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.m.Type(), got, tc.want)
		}
	}
	// A model: a probe and a prime it cannot read, and a model file cut short.
	for _, m := range []protocol.Message{protocol.SetConfig{Config: c}, protocol.SetData{Mode: lstm.Text, Text: "abcabc"}} {
		b, _ := protocol.Encode(m)
		e.HandleBytes(b, time.Time{})
	}
	model, err := lstm.NewModel(c, mustData(t, "abcabc"))
	if err != nil {
		t.Fatal(err)
	}
	_, runeErr := model.TraceText("abz", nil)
	if got, want := ErrorText(ask(protocol.Trace{ID: 1, Probe: "abz"})), must(words.Probe(words.English, runeErr)); got != want {
		t.Errorf("probe: %q, want %q", got, want)
	}
	var buf bytes.Buffer
	if err := lstm.Encode(&buf, model); err != nil {
		t.Fatal(err)
	}
	cut := buf.Bytes()[:40]
	_, fileErr := lstm.Decode(bytes.NewReader(cut))
	if got, want := ErrorText(ask(protocol.Import{ID: 2, File: cut})), must(words.ModelFile(words.English, fileErr)); got != want {
		t.Errorf("model file: %q, want %q", got, want)
	}
}

func must(s string, ok bool) string {
	if !ok {
		panic("words does not know the error")
	}
	return s
}

func mustData(t *testing.T, s string) *lstm.Data {
	d, err := lstm.NewTextData(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// configErr returns the first setting error of c.
func configErr(c lstm.Config) *lstm.ConfigError {
	var ce *lstm.ConfigError
	if !errors.As(c.Validate(), &ce) {
		panic("valid")
	}
	return ce
}

// everyError returns an engine Error of every Reason, with every finer
// problem (Detail) and input (Key) it can carry, and every setting's
// problems: what the page may have to word.
func everyError() []protocol.Error {
	var out []protocol.Error
	add := func(m protocol.Error) { out = append(out, m) }
	for _, r := range []protocol.Reason{protocol.ReasonNone, protocol.ReasonMalformed, protocol.ReasonVersion,
		protocol.ReasonWrongWay, protocol.ReasonOverflow, protocol.ReasonNoData, protocol.ReasonBlank,
		protocol.ReasonSuperseded} {
		add(protocol.Error{Reason: r, Key: protocol.KeyText})
	}
	add(protocol.Error{Reason: protocol.ReasonBug, Token: "x"})
	add(protocol.Error{Reason: protocol.ReasonTooManyDistinct, Key: protocol.KeyText, Limit: 100})
	add(protocol.Error{Reason: protocol.ReasonTooShort, Key: protocol.KeyText, Limit: 2})
	for _, key := range []string{protocol.KeyText, protocol.KeyProbe, protocol.KeyPrime} {
		add(protocol.Error{Reason: protocol.ReasonEmpty, Key: key})
		add(protocol.Error{Reason: protocol.ReasonUnknownRune, Key: key, Token: "é", Position: 3})
		for in := lstm.InputText; in <= lstm.InputProbe; in++ {
			add(protocol.Error{Reason: protocol.ReasonTooLong, Key: key, Detail: uint8(in), Have: 9, Limit: 8})
		}
	}
	add(protocol.Error{Reason: protocol.ReasonEmpty, Key: protocol.KeyText, Detail: 1})
	for p := lstm.NotANumber; p <= lstm.TooMany; p++ {
		add(protocol.Error{Reason: protocol.ReasonNumber, Key: protocol.KeyText, Detail: uint8(p), Token: "x", Index: 2, Position: 4})
	}
	for _, s := range settings.All() {
		for p := lstm.OutOfRange; p <= lstm.TooMuchMemory; p++ {
			add(protocol.Error{Reason: protocol.ReasonSetting, Key: s.Key, Detail: uint8(p), Value: s.Max + 1, Min: s.Min, Max: s.Max, Have: 1 << 30, Limit: 1 << 29})
		}
		add(protocol.Error{Reason: protocol.ReasonFormat, Detail: uint8(lstm.BadValue), Token: s.Key, Value: s.Max + 1, Min: s.Min, Max: s.Max, Position: 12})
	}
	for p := lstm.EmptyFile; p <= lstm.Trailing; p++ {
		add(protocol.Error{Reason: protocol.ReasonFormat, Detail: uint8(p), Position: 12, Have: 40})
	}
	add(protocol.Error{Reason: protocol.ReasonNewerFormat, Have: 9, Limit: 1})
	add(protocol.Error{Reason: protocol.ReasonCannotTrain, Token: "é"})
	for _, what := range []string{"loss", "gradient"} {
		for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 3e38} {
			add(protocol.Error{Reason: protocol.ReasonDiverged, Index: 50, Token: what, Value: v, Max: 1})
		}
	}
	return out
}

// TestEveryErrorInBothLanguages: every error the engine can send reads as a
// sentence of the catalogue in each language: the Chinese has no English
// word (words.Untranslated, outside the test's own tokens) and is not the
// English. A sentence built outside the catalogue fails here.
func TestEveryErrorInBothLanguages(t *testing.T) {
	defer func(l words.Lang) { lang = l }(lang)
	for _, m := range everyError() {
		lang = words.English
		en := ErrorText(m)
		lang = words.ZhCN
		zh := ErrorText(m)
		if en == "" || zh == "" || en == zh {
			t.Errorf("%v (detail %d, key %q): English %q, Chinese %q", m.Reason, m.Detail, m.Key, en, zh)
			continue
		}
		if w := words.Untranslated(zh); len(w) > 0 {
			t.Errorf("%v (detail %d, key %q): Chinese %q has English %q", m.Reason, m.Detail, m.Key, zh, w)
		}
	}
}
