package share

import (
	"strings"
	"testing"
)

func TestBoardRoundTrip(t *testing.T) {
	b := Board{Class: "abcdefghijklmnopqrstuvwxyz", Key: "234567abcdefghijklmnopqrst"}
	f := b.Fragment()
	if f != "board=abcdefghijklmnopqrstuvwxyz.234567abcdefghijklmnopqrst" {
		t.Fatalf("Fragment = %q", f)
	}
	for _, in := range []string{f, "#" + f, "lang=zh-CN&" + f, f + "&lang=en", " #" + f + " "} {
		got, ok := ParseBoard(in)
		if !ok || got != b {
			t.Errorf("ParseBoard(%q) = %+v, %v; want %+v", in, got, ok, b)
		}
	}
}

func TestBoardRefused(t *testing.T) {
	id := "abcdefghijklmnopqrstuvwxyz"
	for _, in := range []string{
		"", "#", "v=1&preset=rhyme", "board=" + id, "board=" + id + ".", "board=." + id,
		"board=" + id + "." + strings.ToUpper(id), "board=" + id + "." + id + "x",
		"board=" + id + "." + id + "&board=" + id + "." + id, "board=../x." + id,
		"board=" + id + "%2E" + id,
	} {
		if b, ok := ParseBoard(in); ok {
			t.Errorf("ParseBoard(%q) accepted %+v", in, b)
		}
	}
	if f := (Board{Class: "x", Key: id}).Fragment(); f != "" {
		t.Errorf("a bad id made the fragment %q", f)
	}
}

// FuzzParseBoard: no panic; what it accepts has an id and key of the
// service's form, and its Fragment parses back to the same board.
func FuzzParseBoard(f *testing.F) {
	for _, s := range []string{"board=abcdefghijklmnopqrstuvwxyz.234567abcdefghijklmnopqrst", "board=a.b", "#board=&lang=en", "v=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		b, ok := ParseBoard(in)
		if !ok {
			if b != (Board{}) {
				t.Fatalf("refused %q but returned %+v", in, b)
			}
			return
		}
		if !ValidModelID(b.Class) || !ValidModelID(b.Key) {
			t.Fatalf("accepted %+v from %q", b, in)
		}
		if b2, ok := ParseBoard(b.Fragment()); !ok || b2 != b {
			t.Fatalf("round trip of %+v gave %+v, %v", b, b2, ok)
		}
	})
}
