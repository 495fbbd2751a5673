package content

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/words"
)

// TestOrder: both languages offer the same presets, each once, the
// Chinese page starting with a Chinese text and the English page with the
// English rhyme; every preset has a name, a note and a tour in both.
func TestOrder(t *testing.T) {
	en, zh := Order(words.English), Order(words.ZhCN)
	if en[0] != "rhyme" || zh[0] != RhymeZh {
		t.Errorf("first presets %q and %q", en[0], zh[0])
	}
	a, b := slices.Clone(en), slices.Clone(zh)
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) || len(slices.Compact(a)) != len(en) {
		t.Errorf("English offers %q, Chinese %q", en, zh)
	}
	if !slices.Contains(en, "chinese") {
		t.Error("the Chinese paragraph is not offered in English")
	}
	for _, p := range Chinese() {
		if !slices.Contains(en, p.ID) {
			t.Errorf("%s is not in the picker", p.ID)
		}
	}
	for _, id := range en {
		for _, l := range words.Langs() {
			if name := words.PresetName(l, id); name == "" || strings.HasPrefix(name, "preset.") {
				t.Errorf("%s: %s has no name", l.Tag(), id)
			}
			if strings.HasPrefix(words.PresetAbout(l, id), "preset.") {
				t.Errorf("%s: %s has no note", l.Tag(), id)
			}
			if len(words.Tour(l, id)) == 0 {
				t.Errorf("%s: %s has no tour", l.Tag(), id)
			}
		}
	}
}

// TestChineseTexts: each trains (lstm.NewTextData takes it), is Chinese
// (no Latin letters), and the poems are what their tour says: every line
// two verses of five characters.
func TestChineseTexts(t *testing.T) {
	for _, p := range Chinese() {
		d, err := lstm.NewTextData(p.Text)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if v := d.Vocab.Size(); v < 20 || v > 200 {
			t.Errorf("%s: %d distinct characters", p.ID, v)
		}
		if strings.ContainsFunc(p.Text, func(r rune) bool { return r < 0x80 && r != '\n' }) {
			t.Errorf("%s has ASCII other than line breaks", p.ID)
		}
		if p.Mode != lstm.Text || p.ID == "" {
			t.Errorf("%s: mode %v", p.ID, p.Mode)
		}
	}
	lines := 0
	for line := range strings.SplitSeq(poems, "\n") {
		if line == "" {
			continue
		}
		lines++
		first, second, ok := strings.Cut(line, "，")
		if !ok || utf8.RuneCountInString(first) != 5 || !strings.HasSuffix(second, "。") || utf8.RuneCountInString(second) != 6 {
			t.Errorf("poem line %q is not two verses of five characters", line)
		}
	}
	if lines != 10 {
		t.Errorf("%d lines of poems, want 10 (five quatrains)", lines)
	}
}
