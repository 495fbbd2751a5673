package present

import (
	"math"
	"strings"
	"testing"

	"lstmplayground/lstm"
)

// TestNumbersReadOwnOutput: the values Generate prints (FormatNumber, with
// the minus sign U+2212) pasted back into the data box parse to the same
// values, to the 4 significant digits printed (issue 16, bug 5).
func TestNumbersReadOwnOutput(t *testing.T) {
	vals := []float64{-0.007057, 0.5, -1e-5, -123.4, 0, 1e9, -1e9, 2.5e-7}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = FormatNumber(v)
	}
	text := strings.Join(parts, ", ")
	if !strings.Contains(text, "−") {
		t.Fatalf("%q: the page no longer prints U+2212; this test checks nothing", text)
	}
	got, err := lstm.ParseNumbers(text)
	if err != nil {
		t.Fatalf("ParseNumbers(%q): %v", text, err)
	}
	if len(got) != len(vals) {
		t.Fatalf("%q: %d values, want %d", text, len(got), len(vals))
	}
	for i, v := range vals {
		if math.Abs(got[i]-v) > 5e-4*math.Abs(v) {
			t.Errorf("value %d: %q reads as %g, want %g", i, parts[i], got[i], v)
		}
	}
}

// TestTextLimitsSayCodePoints: the page counts characters by code point, and
// says so, with the emoji whose count surprises (issue 16).
func TestTextLimitsSayCodePoints(t *testing.T) {
	family := "👨‍👩‍👧‍👦"
	s := TextLimits(lstm.Text)
	if !strings.Contains(s, "Unicode code points") || !strings.Contains(s, family+" is "+FormatCount(len([]rune(family)))) {
		t.Errorf("TextLimits: %q", s)
	}
}
