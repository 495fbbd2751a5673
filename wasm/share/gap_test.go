package share

import (
	"errors"
	"strings"
	"testing"
)

// TestGapKey: a link carries the memory-gap slider's value; a link without
// gap= (as made before the key existed) keeps meaning the page's default
// gap, and a gap out of range is a *LinkError of gap.
func TestGapKey(t *testing.T) {
	s := Default()
	s.Preset, s.Gap = "gap", 12
	f, err := s.Encode(testCodec)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f, "&gap=12") {
		t.Errorf("Encode = %q: no gap=12", f)
	}
	if got, err := Decode(f, testCodec); err != nil || !got.Equal(s) || got.Gap != 12 {
		t.Fatalf("Decode(%q) = %+v, %v; want %+v", f, got, err, s)
	}
	s.Gap = 0
	old, _ := s.Encode(testCodec)
	if strings.Contains(old, "gap=") {
		t.Errorf("Encode without a gap = %q", old)
	}
	if got, err := Decode("v=1&preset=gap", testCodec); err != nil || got.Gap != 0 {
		t.Errorf(`Decode("v=1&preset=gap") = %+v, %v; want the default gap (0)`, got, err)
	}
	for _, v := range []string{"0", "-3", "201", "x", "1.5"} {
		var le *LinkError
		if _, err := Decode("v=1&preset=gap&gap="+v, testCodec); !errors.As(err, &le) || le.Key != "gap" {
			t.Errorf("Decode(gap=%s): %v, want a *LinkError of gap", v, err)
		}
	}
	s.Gap = MaxGap + 1
	if _, err := s.Encode(testCodec); err == nil {
		t.Errorf("Encode of gap %d: no error", s.Gap)
	}
}
