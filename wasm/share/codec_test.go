package share

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"lstmplayground/wasm/share/goflate"
)

// testCodec is the codec of the package's tests: Go's compress/flate, as the
// server has it.
var testCodec Codec = goflate.Codec{}

// compress returns b deflated at the best compression, in unpadded
// base64url, as Encode writes it with testCodec.
func compress(b []byte) string {
	s, err := pack(testCodec, b)
	if err != nil {
		panic(err)
	}
	return s
}

// TestStoredRoundTrip: Stored writes DEFLATE data that compress/flate reads
// back (so every page opens a link made without compression), and reads its
// own, across block boundaries.
func TestStoredRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 100, maxStored - 1, maxStored, maxStored + 1, 3*maxStored + 7} {
		b := bytes.Repeat([]byte("abcdefghij"), n/10+1)[:n]
		z, err := Stored.Deflate(b)
		if err != nil {
			t.Fatal(err)
		}
		for name, c := range map[string]Codec{"compress/flate": testCodec, "Stored": Stored} {
			got, err := c.Inflate(z, n)
			if err != nil || !bytes.Equal(got, b) {
				t.Fatalf("%d bytes through Stored, inflated by %s: %d bytes, %v", n, name, len(got), err)
			}
			if n > 0 {
				got, err = c.Inflate(z, n-1)
				if err != nil || len(got) != n {
					t.Fatalf("%d bytes, limit %d, inflated by %s: %d bytes (want limit+1), %v", n, n-1, name, len(got), err)
				}
			}
		}
	}
}

// TestStoredRefuses: Stored refuses compressed data with
// errors.ErrUnsupported, and damaged stored blocks with another error.
func TestStoredRefuses(t *testing.T) {
	z, _ := testCodec.Deflate([]byte(strings.Repeat("compressible ", 100)))
	if _, err := Stored.Inflate(z, 1<<20); !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("compressed data: %v, want errors.ErrUnsupported", err)
	}
	good, _ := Stored.Deflate([]byte("hello"))
	for name, z := range map[string][]byte{
		"empty":             nil,
		"cut short":         good[:len(good)-1],
		"header only":       good[:3],
		"bad complement":    append([]byte{1, 5, 0, 0xfa, 0xfe}, "hello"...),
		"no last block":     append([]byte{0, 5, 0, 0xfa, 0xff}, "hello"...),
		"two, second short": append(append([]byte{0, 5, 0, 0xfa, 0xff}, "hello"...), 1, 9),
	} {
		if got, err := Stored.Inflate(z, 1<<20); err == nil || errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s: %q, %v; want a damaged-data error", name, got, err)
		}
	}
}

// TestDecodeStoredLink: a link made with Stored opens with compress/flate and
// with Stored, and a compressed link opened with Stored gives a *LinkError
// that wraps errors.ErrUnsupported (the page says it in its language).
func TestDecodeStoredLink(t *testing.T) {
	s := Default()
	s.Text = strings.Repeat("twinkle twinkle little star ", 20)
	plain, err := s.Encode(Stored)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]Codec{"compress/flate": testCodec, "Stored": Stored} {
		got, err := Decode(plain, c)
		if err != nil || !got.Equal(s) {
			t.Fatalf("a link made with Stored, opened with %s: %v", name, err)
		}
	}
	packed, err := s.Encode(testCodec)
	if err != nil {
		t.Fatal(err)
	}
	if len(packed) >= len(plain) {
		t.Errorf("compressed link %d characters, stored %d", len(packed), len(plain))
	}
	got, err := Decode(packed, Stored)
	var le *LinkError
	if !errors.As(err, &le) || le.Key != keyText || !errors.Is(err, errors.ErrUnsupported) || !got.Equal(State{}) {
		t.Fatalf("a compressed link opened with Stored: %+v, %v", got, err)
	}
}

// failing is a codec whose every call fails.
type failing struct{}

var errFailing = errors.New("the codec failed")

func (failing) Deflate([]byte) ([]byte, error)      { return nil, errFailing }
func (failing) Inflate([]byte, int) ([]byte, error) { return nil, errFailing }

// TestCodecFails: Encode returns the codec's error as it is; Decode says the
// data is damaged. A link without text or model needs no codec call.
func TestCodecFails(t *testing.T) {
	s := Default()
	s.Text = "abc"
	if _, err := s.Encode(failing{}); !errors.Is(err, errFailing) {
		t.Errorf("Encode: %v, want the codec's error", err)
	}
	if _, err := Decode("v=1&text="+compress([]byte("abc")), failing{}); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Decode: %v, want damaged data", err)
	}
	s.Text, s.Preset = "", "rhyme"
	f, err := s.Encode(failing{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Decode(f, failing{}); err != nil || !got.Equal(s) {
		t.Errorf("a preset link: %+v, %v", got, err)
	}
}
