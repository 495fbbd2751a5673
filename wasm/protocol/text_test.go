package protocol

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// TestHexAsFmt compares hexByte and hexRune with fmt's %#02x and %#x.
func TestHexAsFmt(t *testing.T) {
	for b := range 256 {
		if got, want := hexByte(byte(b)), fmt.Sprintf("%#02x", byte(b)); got != want {
			t.Errorf("hexByte(%d) = %q, fmt gives %q", b, got, want)
		}
	}
	for _, r := range []rune{0, 'a', 0xd800, 0xdfff, utf8.MaxRune + 1, -1, -0x7fffffff - 1} {
		if got, want := hexRune(r), fmt.Sprintf("%#x", r); got != want {
			t.Errorf("hexRune(%d) = %q, fmt gives %q", r, got, want)
		}
	}
}
