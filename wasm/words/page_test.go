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
		// sentences joined: each found, the last one's full stop as Chinese ends it
		{"The training engine stopped answering. Press Train to train it.", "训练引擎没有响应。按训练来训练它。"},
		{"The training engine stopped answering. Nothing like this.", "The training engine stopped answering. Nothing like this."},
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

// TestBack: a sentence shown in Chinese finds its English again, with its
// numbers and quoted texts in the English's places, for page sentences and
// catalogue messages alike; a text that is no sentence is not found.
func TestBack(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"训练", "Train"},
		{" 文本", " Text"},
		{"提示 2/4", "Tip 2 of 4"},
		{"第 3 步：“a”", "step 3: “a”"},
		{Text(ZhCN, "lesson.progress", "2", "5"), "Chapter 2 of 5"},
		{Text(ZhCN, "lessonui.link"), "Link to this chapter"},
		{Page(ZhCN, "Time step t = 3 of 20 · reads “k” · unit 2 of 8"), "Time step t = 3 of 20 · reads “k” · unit 2 of 8"},
	} {
		if got, ok := Back(ZhCN, tc.in); !ok || got != tc.want {
			t.Errorf("Back(ZhCN, %q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	if got, ok := Back(ZhCN, "Nothing like this"); ok {
		t.Errorf("Back found %q for a text that is no sentence", got)
	}
	// every message of the catalogue without placeholders comes back
	for id, e := range en {
		if zh := Text(ZhCN, id); len(placeholders(e)) == 0 && zh != e {
			if got, ok := Back(ZhCN, zh); !ok || got != e && Page(ZhCN, got) != zh {
				t.Errorf("%s: Back(ZhCN, %q) = %q, %v, which reads %q in Chinese", id, zh, got, ok, Page(ZhCN, got))
			}
		}
	}
}
