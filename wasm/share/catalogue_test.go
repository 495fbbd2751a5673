package share

// The bad-input catalogue, share-link side (issue 7): URL states a person can
// open — hand-edited, cut short, from a newer version, or crafted — as the
// page reads them from location.hash. Each row states the link, a meaningful
// part of the message the person sees, and checks that nothing is taken from
// the link: Decode returns the zero State with the error, so the page keeps
// its own settings. Run with -v to print the catalogue.

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"lstmplayground/lstm"
)

func TestCatalogueLinks(t *testing.T) {
	model := tinyModel(t, smallConfig(), lstm.Text, "abcdef")
	future := bytes.Clone(model)
	future[8] = 2 // the model file's format version
	for _, c := range []struct {
		input, hash, want string
	}{
		{"a link from a future version", "#v=99&h=64", "made by a newer version of LSTM Playground (link format 99; this page reads format 1). Reload the page"},
		{"a version that is not a number", "#v=one", "v=one"},
		{"hidden units 0", "#v=1&h=0", "The link's Hidden units (h=0) cannot be used: use a whole number from 1 to 512"},
		{"hidden units 100000", "#v=1&h=100000", "h=100000) cannot be used: use a whole number from 1 to 512"},
		{"learning rate 0", "#v=1&lr=0", "The link's Learning rate (lr=0) cannot be used: use a number from 0.000001 to 1"},
		{"learning rate 1e6", "#v=1&lr=1e6", "(lr=1e6) cannot be used: use a number from 0.000001 to 1"},
		{"learning rate NaN", "#v=1&lr=NaN", "(lr=NaN) cannot be used"},
		{"learning rate Infinity", "#v=1&lr=Infinity", "(lr=Infinity) cannot be used"},
		{"learning rate with a decimal comma", "#v=1&lr=0,01", "(lr=0,01) cannot be used"},
		{"sequence length 0", "#v=1&seq=0", "(seq=0) cannot be used: use a whole number from 1 to 256"},
		{"a seed beyond what a JavaScript number holds", "#v=1&seed=9007199254740992", "seed=9007199254740992"},
		{"temperature 1e308", "#v=1&temp=1e308", "temp=1e308"},
		{"an unknown cell", "#v=1&cell=gru", "cell=gru"},
		{"an unknown language", "#v=1&lang=fr", "The link's Language (lang=fr) cannot be used: use en or zh-CN."},
		{"a language tag the links do not use", "#v=1&lang=zh-Hant", "(lang=zh-Hant) cannot be used: use en or zh-CN."},
		{"a key given twice", "#v=1&h=32&h=64", "h is given twice, as 32 and 64; keep one"},
		{"broken percent-encoding", "#v=1&probe=%zz", "its percent-encoding is broken"},
		{"invalid UTF-8 in the probe", "#v=1&probe=%FF%FE", "valid UTF-8"},
		{"a lone surrogate in the probe", "#v=1&probe=%ED%A0%80", "valid UTF-8"},
		{"training text that is not compressed", "#v=1&text=hello", "The link's Training text (text=…) cannot be used"},
		{"a preset and a text at once", "#v=1&preset=rhyme&text=" + compress([]byte("abc")), "preset"},
		{"a preset id with markup", "#v=1&preset=%3Cimg%3E", "preset="},
		{"a model cut short", "#v=1&h=3&model=" + compress(model[:len(model)/2]), "truncated"},
		{"a model from a future format", "#v=1&h=3&model=" + compress(future), "The link's Model (model=…) cannot be used: it was made by a newer version of LSTM Playground (model format 2; this page reads format 1). Reload the page to update it, then open the link again."},
		{"a model of another size", "#v=1&h=4&model=" + compress(model), "Hidden units"},
		{"a shared model id with a path in it", "#v=1&shared=%2Fetc%2Fpasswd", "The link's Shared model (shared=/etc/passwd) cannot be used: a shared model's id is 26 letters a to z and digits 2 to 7"},
		{"a shared model id in capitals", "#v=1&shared=ABCDEFGHIJKLMNOPQRSTUVWXYZ", "shared model's id is 26 letters"},
		{"a class id with a path in it", "#v=1&class=%2Fboard", "The link's Class (class=/board) cannot be used: a class's id is 26 letters a to z and digits 2 to 7"},
		{"a class id one letter short", "#v=1&class=abcdefghijklmnopqrstuvwxy", "class's id is 26 letters"},
		{"a model and a shared model at once", "#v=1&h=3&model=" + compress(model) + "&shared=abcdefghijklmnopqrstuvwxyz", "both a model and a shared model's id"},
		{"a fragment of 32,001 characters", "#v=1&probe=" + strings.Repeat("a", MaxFragment), "characters long; a link has at most 32,000"},
		{"a deflate bomb as the text", "#" + bomb(keyText, 20<<20)[0:], "inflates to more than 4,000,000 bytes"},
		{"an in-page anchor", "#usage", "This is not an LSTM Playground link"},
		{"only a '#'", "#", "not an LSTM Playground link"},
	} {
		t.Run(c.input, func(t *testing.T) {
			s, err := Decode(c.hash, testCodec)
			if err == nil {
				t.Fatalf("Decode(%.80q) accepted %+v", c.hash, s)
			}
			if !reflect.DeepEqual(s, State{}) {
				t.Fatalf("an error and a state: %+v", s)
			}
			var le *LinkError
			var ve *VersionError
			if !errors.As(err, &le) && !errors.As(err, &ve) {
				t.Fatalf("%T is neither a *LinkError nor a *VersionError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.want) {
				t.Fatalf("message %q, want it to contain %q", msg, c.want)
			}
			if strings.Contains(msg, "share:") || strings.Contains(msg, "lstm:") || strings.Contains(msg, "..") {
				t.Errorf("the message names internals: %q", msg)
			}
			if len(msg) > 600 {
				t.Errorf("the message is %d bytes long: the link's value is not cut short", len(msg))
			}
			t.Logf("CATALOGUE | link | %s | %s", c.input, msg)
		})
	}
}

// TestCatalogueLinkModelTruncated: a link whose model file is cut at any byte
// is refused and takes nothing from the link.
func TestCatalogueLinkModelTruncated(t *testing.T) {
	model := tinyModel(t, smallConfig(), lstm.Text, "abcdef")
	for n := range len(model) {
		s, err := Decode("#v=1&h=3&model="+compress(model[:n]), testCodec)
		if err == nil || !reflect.DeepEqual(s, State{}) {
			t.Fatalf("the model cut to %d of %d bytes: %+v, %v", n, len(model), s, err)
		}
	}
}

// TestCatalogueLinkHostileText: markup in a link is data. The page gets it back
// exactly as written, to show as text.
func TestCatalogueLinkHostileText(t *testing.T) {
	const hostile = `<img src=x onerror=alert(1)><script>alert(1)</script>`
	s := Default()
	s.Text, s.Probe = hostile, hostile
	frag, err := s.Encode(testCodec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode("#"+frag, testCodec)
	if err != nil || got.Text != hostile || got.Probe != hostile {
		t.Fatalf("%+v, %v", got, err)
	}
	if strings.ContainsAny(frag, "<>\"'") {
		t.Errorf("the link itself carries markup characters: %s", frag)
	}
}
