package share

import (
	"fmt"
	"testing"
)

// TestCodePointAsFmt compares codePoint with fmt's %U.
func TestCodePointAsFmt(t *testing.T) {
	for _, r := range []rune{0, 7, 'A', 0x85, 0x200b, 0xfeff, 0xffff, 0x10000, 0x1f600, 0x10ffff} {
		if got, want := codePoint(r), fmt.Sprintf("%U", r); got != want {
			t.Errorf("codePoint(%#x) = %q, fmt's %%U gives %q", r, got, want)
		}
	}
}
