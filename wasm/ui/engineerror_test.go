package ui

import (
	"bytes"
	"errors"
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
