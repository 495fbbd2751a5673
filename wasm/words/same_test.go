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
