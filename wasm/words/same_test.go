package words

import (
	"strings"
	"testing"
)

// TestOneTranslationPerSentence: messages that share their English share
// their translation. The page translates a text by its English (Page, Back)
// and the browser tests find a control by its English (tools/pagewords), so
// two translations of one English sentence make either pick one at random:
// "Next" was the lesson's 下一章 and slow motion's 下一步. The tours of the
// Chinese presets are the one exception: they are shown by their ids.
func TestOneTranslationPerSentence(t *testing.T) {
	for _, l := range []Lang{ZhCN} {
		seen, by := map[string]string{}, map[string]string{}
		for id, e := range en {
			if strings.HasPrefix(id, "tour.") && strings.Contains(id, "-zh.") {
				continue
			}
			tr := Text(l, id)
			if old, ok := seen[e]; ok && old != tr {
				t.Errorf("%q is %q as %s and %q as %s", e, old, by[e], tr, id)
			}
			seen[e], by[e] = tr, id
		}
	}
}

// TestGuessSentences: the Time-step inspector's guess sentence is Chinese
// whatever the guess and the actual next character are (a character, a
// space, a newline — present.DescribeRune's words); a guessed newline showed
// the English sentence in zh-CN.
func TestGuessSentences(t *testing.T) {
	for _, g := range []string{"“a”", "space", "newline"} {
		for _, a := range []string{"“b”", "space", "newline"} {
			for _, s := range []string{
				"Its guess for the next character: " + g + " (71%); the actual next, " + a + ", got 6%.",
				"Its guess for the next character: " + g + " (71%).",
			} {
				if got := Page(ZhCN, s); got == s || strings.Contains(got, "guess") {
					t.Errorf("Page(ZhCN, %q) = %q", s, got)
				}
			}
		}
	}
}
