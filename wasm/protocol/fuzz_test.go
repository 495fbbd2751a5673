package protocol

import (
	"bytes"
	"testing"
)

// FuzzDecode checks that Decode never panics, and that whatever it accepts
// encodes back to the same bytes (the encoding is canonical), so decoding that
// again gives the same message.
func FuzzDecode(f *testing.F) {
	for _, m := range messages() {
		b, err := Encode(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			if m != nil {
				t.Fatalf("Decode returned a message and the error %v", err)
			}
			return
		}
		b2, err := Encode(m)
		if err != nil {
			t.Fatalf("Decode accepted %#v, which Encode refuses: %v", m, err)
		}
		if !bytes.Equal(b2, b) {
			t.Fatalf("re-encoding %#v changed the bytes:\n got %q\nwant %q", m, b2, b)
		}
		if _, err := Decode(b2); err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
	})
}
