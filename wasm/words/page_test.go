package words

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPageTable: every sentence of the page table is Chinese (no English
// word outside the allow-list) and keeps exactly its key's placeholders.
func TestPageTable(t *testing.T) {
	for en, zh := range pageZh {
		if w := Untranslated(zh); len(w) > 0 {
			t.Errorf("page sentence %q: Chinese %q has English %q", en, zh, w)
		}
		if got, want := holders(zh), holders(en); !slices.Equal(got, want) {
			t.Errorf("page sentence %q: placeholders %q, want %q", en, got, want)
		}
	}
}

func holders(s string) []string {
	var out []string
	for i := 1; i <= 9; i++ {
		if strings.Contains(s, "{"+string(rune('0'+i))+"}") {
			out = append(out, string(rune('0'+i)))
		}
	}
	return out
}

func TestPage(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Train", "训练"},
		{" Text", " 文本"},
		{"Tip 2 of 4", "提示 2/4"},
		{"step 3: “a”", "第 3 步：“a”"},
		{"Allowed: −10 to 1,000.", "允许范围：−10 到 1,000。"},
		{"Hidden units", "隐藏单元数"}, // the catalogue's label
		{"Nothing like this", "Nothing like this"},
	} {
		if got := Page(ZhCN, tc.in); got != tc.want {
			t.Errorf("Page(ZhCN, %q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Page(English, tc.in); got != tc.in {
			t.Errorf("Page(English, %q) = %q", tc.in, got)
		}
	}
}

// TestAllowedJSON: the browser test's allow-list is Allowed.
func TestAllowedJSON(t *testing.T) {
	b, err := os.ReadFile("../../tests/e2e/allowed-english.json")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, Allowed()) {
		t.Errorf("tests/e2e/allowed-english.json = %q, want words.Allowed() %q", got, Allowed())
	}
}

// TestPageGlossary: the page table follows the glossary (TestGlossary's) and
// its punctuation rule, as the catalogue does.
func TestPageGlossary(t *testing.T) {
	han := func(r rune) bool { return r >= 0x3400 && r <= 0x9fff }
	for _, g := range glossary {
		re := regexp.MustCompile(`(?i)(^|[^\pL-])` + regexp.QuoteMeta(g.en) + `($|[^\pL-])`)
		for e, z := range pageZh {
			if re.MatchString(e) && !strings.Contains(z, g.zh) {
				t.Errorf("page sentence %q has %q, so its Chinese must have %q: %q", e, g.en, g.zh, z)
			}
		}
	}
	for e, z := range pageZh {
		rs := []rune(z)
		for i, r := range rs {
			if strings.ContainsRune(",.:;!?()", r) && (i > 0 && han(rs[i-1]) || i+1 < len(rs) && han(rs[i+1])) {
				t.Errorf("page sentence %q: ASCII %q beside a Chinese character: %q", e, r, z)
			}
		}
	}
}
