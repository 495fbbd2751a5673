package share

import (
	"errors"
	"strings"
	"testing"
)

// TestCleanName: any printable text of limited length is a name, shown as
// typed (markup and quotes included); control, format and invisible-only
// text, and too long a name, are refused with the problem.
func TestCleanName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<b>x</b>", "<b>x</b>"},
		{"'; DROP TABLE entries; --", "'; DROP TABLE entries; --"},
		{"  Zoë 👩\u200d🔬  O'Brien-Ng ", "Zoë 👩\u200d🔬 O'Brien-Ng"},
		{"小明\u3000同学", "小明 同学"},
		{"🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"},
		{"&lt;i&gt;", "&lt;i&gt;"},
		{strings.Repeat("é", 32), strings.Repeat("é", 32)},
	} {
		got, err := CleanName(c.in, 32)
		if err != nil || got != c.want {
			t.Errorf("CleanName(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		want NameProblem
		char rune
	}{
		{"", NameEmpty, 0},
		{"    ", NameEmpty, 0},
		{"\u3000 \u00a0", NameEmpty, 0},
		{"\u3164\u3164", NameEmpty, 0},
		{"\u200d", NameEmpty, 0},
		{"Ada\x07", NameBadChar, 7},
		{"Ada\nLovelace", NameBadChar, '\n'},
		{"Ada\tL", NameBadChar, '\t'},
		{"Ada\u202egnp.exe", NameBadChar, 0x202e},
		{"Ad\u200ba", NameBadChar, 0x200b},
		{"Ada\u2028", NameBadChar, 0x2028},
		{"Ada\ue000", NameBadChar, 0xe000},
		{"Ada\xff", NameNotText, 0},
		{strings.Repeat("é", 33), NameTooLong, 0},
	} {
		_, err := CleanName(c.in, 32)
		var ne *NameError
		if !errors.As(err, &ne) || ne.Problem != c.want || ne.Char != c.char || ne.Error() == "" {
			t.Errorf("CleanName(%q): %#v, want problem %d with %U", c.in, err, c.want, c.char)
			continue
		}
		if c.want == NameTooLong && (ne.Chars != 33 || ne.Max != 32) {
			t.Errorf("CleanName(%q): %+v, want 33 of 32", c.in, ne)
		}
	}
}
