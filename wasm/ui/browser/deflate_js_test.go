//go:build js && wasm

package browser

import (
	"bytes"
	"testing"

	"lstmplayground/wasm/share/goflate"
)

// TestDeflate runs where the JavaScript host has 'deflate-raw' streams (a
// browser; Node 20.12 and later): the browser's DEFLATE and Go's read each
// other's data, Inflate stops past its limit however far the data inflates,
// and damaged data is an error.
func TestDeflate(t *testing.T) {
	if !HasDeflate() {
		t.Skip("this JavaScript host has no 'deflate-raw' streams")
	}
	text := bytes.Repeat([]byte("twinkle twinkle little star, 你好 "), 300)
	z, err := Deflate{}.Deflate(text)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := (goflate.Codec{}).Inflate(z, len(text)); err != nil || !bytes.Equal(got, text) {
		t.Fatalf("the browser's data inflated by compress/flate: %d bytes, %v", len(got), err)
	}
	gz, _ := goflate.Codec{}.Deflate(text)
	if got, err := (Deflate{}).Inflate(gz, len(text)); err != nil || !bytes.Equal(got, text) {
		t.Fatalf("compress/flate's data inflated by the browser: %d bytes, %v", len(got), err)
	}
	if got, err := (Deflate{}).Inflate(gz, len(text)-1); err != nil || len(got) != len(text) {
		t.Fatalf("limit one byte short: %d bytes, %v; want limit+1 bytes", len(got), err)
	}
	bomb, _ := goflate.Codec{}.Deflate(make([]byte, 64<<20))
	if got, err := (Deflate{}).Inflate(bomb, 1000); err != nil || len(got) != 1001 {
		t.Fatalf("64 MiB of zeros, limit 1,000: %d bytes, %v", len(got), err)
	}
	for name, bad := range map[string][]byte{"cut short": gz[:len(gz)/2], "empty": nil, "not DEFLATE": []byte("\xff\xff\xff\xffhello")} {
		if got, err := (Deflate{}).Inflate(bad, 1<<20); err == nil {
			t.Errorf("%s: inflated to %d bytes without an error", name, len(got))
		}
	}
	if got, err := (Deflate{}).Deflate(nil); err != nil {
		t.Fatalf("empty input: %v", err)
	} else if back, err := (goflate.Codec{}).Inflate(got, 10); err != nil || len(back) != 0 {
		t.Fatalf("empty input: %q, %v", back, err)
	}
}
