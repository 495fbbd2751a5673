package share

import (
	"errors"
	"reflect"
	"testing"

	"lstmplayground/lstm"
)

// FuzzDecode feeds arbitrary fragments to Decode. Properties: no panic; a
// state or an error, never both (an error comes with the zero State); every
// error is a *LinkError or a *VersionError; a decoded state passes Validate,
// and re-encodes (unless its link would be too long, which a longer input
// percent-encoded differently can make it) to a link that decodes to the same
// state. Seeds: the links of roundTripStates and hand-edited ones, plus the
// files in testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	for _, s := range roundTripStates(f) {
		frag, err := s.Encode(testCodec)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(frag)
	}
	for _, s := range []string{
		"", "#", "v=1", "v=2", "v=0", "h=64", "v=1&h=abc", "v=1&lr=-1", "v=1&seed=", "v=1&h=32&h=64",
		"v=1&probe=%zz", "v=1&probe=a+b%20c", "v=1&hide=data,data,foo", "v=1&only=c&embed",
		"https://example.org/#v=1&cell=RNN", "v=1&text=!!!", "v=1&model=AAAA",
		"v=1&preset=rhyme&text=" + compress([]byte("abc")),
		"v=1&lang=zh-CN", "v=1&lang=ZH-cn&preset=poem-zh", "v=1&lang=zh", "v=1&lang=", "lang=en&v=1&lang=EN",
		"v=1&class=abcdefghijklmnopqrstuvwxyz", "v=1&class=ABCDEFGHIJKLMNOPQRSTUVWXYZ", "v=1&class=a", "v=1&class=&shared=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Decode(in, testCodec)
		if err != nil {
			if !reflect.DeepEqual(s, State{}) {
				t.Fatalf("Decode returned %#v and the error %v", s, err)
			}
			var le *LinkError
			var ve *VersionError
			if !errors.As(err, &le) && !errors.As(err, &ve) {
				t.Fatalf("error %v (%T) is neither a *LinkError nor a *VersionError", err, err)
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("Decode accepted %#v, which Validate refuses: %v", s, err)
		}
		frag, err := s.Encode(testCodec)
		if errors.Is(err, ErrTooLong) {
			return
		}
		if err != nil {
			t.Fatalf("Decode accepted %#v, which Encode refuses: %v", s, err)
		}
		s2, err := Decode(frag, testCodec)
		if err != nil {
			t.Fatalf("re-decoding %q: %v", frag, err)
		}
		if !s2.Equal(s) {
			t.Fatalf("re-decoding changed the state:\n got %#v\nwant %#v", s2, s)
		}
		if s.Model != nil {
			if _, err := lstm.UnmarshalModel(s.Model); err != nil {
				t.Fatalf("a decoded state's model does not decode: %v", err)
			}
		}
	})
}
