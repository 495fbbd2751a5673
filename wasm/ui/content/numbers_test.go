package content

import "testing"

// TestNumberTokensFullwidth: the page splits a numbers list where the parser
// does, fullwidth separators included.
func TestNumberTokensFullwidth(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"１，２，３，４", "１, ２, ３"},
		{"－０．５；１，５；２", "－０．５, １，５, ２"},
		{"1\u30002\u30003 4", "1, 2, 3"},
		{"−1, −2, 3, 4", "−1, −2, 3"},
		{";;1;;", "1"},
	} {
		if got := firstValues(c.in, 3); got != c.want {
			t.Errorf("firstValues(%q, 3) = %q, want %q", c.in, got, c.want)
		}
	}
}
