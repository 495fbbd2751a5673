package share

import (
	"errors"
	"strings"
	"testing"
)

// TestLessonKey: a link carries the lesson chapter the page opens; links
// without it open as before, and the lesson's own "#lesson=2" stays no link
// State.
func TestLessonKey(t *testing.T) {
	s := Default()
	s.Preset, s.Hide, s.Class, s.Lesson = "rhyme", []string{HideData}, strings.Repeat("a", ModelIDLen), "states"
	f, err := s.Encode(testCodec)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f, "&lesson=states") {
		t.Errorf("Encode = %q: no lesson=states", f)
	}
	got, err := Decode(f, testCodec)
	if err != nil || !got.Equal(s) {
		t.Fatalf("Decode(%q) = %+v, %v; want %+v", f, got, err, s)
	}
	s.Lesson = ""
	old, _ := s.Encode(testCodec) // a link as made before lesson= was a key
	if got, err := Decode(old, testCodec); err != nil || got.Lesson != "" || !got.Equal(s) {
		t.Errorf("Decode(%q) = %+v, %v", old, got, err)
	}
	if got, err := Decode("v=1&preset=rhyme&lesson=2", testCodec); err != nil || got.Lesson != "2" || got.Preset != "rhyme" {
		t.Errorf(`Decode("v=1&preset=rhyme&lesson=2") = %+v, %v`, got, err)
	}
	if got, err := Decode("v=1&lesson=States", testCodec); err != nil || got.Lesson != "states" {
		t.Errorf(`Decode("v=1&lesson=States") = %+v, %v`, got, err)
	}
	for _, f := range []string{"lesson=2", "#lesson=states", "lesson=2&h=64"} {
		if _, err := Decode(f, testCodec); !errors.Is(err, ErrNotLink) {
			t.Errorf("Decode(%q): %v, want ErrNotLink", f, err)
		}
	}
	var le *LinkError
	if _, err := Decode("v=1&lesson=a%20b", testCodec); !errors.As(err, &le) || le.Key != "lesson" {
		t.Errorf(`Decode("v=1&lesson=a%%20b"): %v, want a *LinkError of lesson`, err)
	}
	s.Lesson = strings.Repeat("x", MaxPresetLen+1)
	if _, err := s.Encode(testCodec); !errors.As(err, &le) || le.Key != "lesson" {
		t.Errorf("Encode of a too long lesson: %v", err)
	}
}
