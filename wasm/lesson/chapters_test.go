package lesson

import (
	"slices"
	"strings"
	"testing"
)

func TestChapters(t *testing.T) {
	cs := Chapters()
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	if !slices.Equal(ids, []string{"rnn", "states", "gates", "stages", "memory"}) {
		t.Errorf("chapters %v, want the article's order", ids)
	}
	if cs[0].Model != ModelRNN || cs[1].Model != ModelLSTM || cs[4].Model != ModelBoth {
		t.Errorf("models %s %s %s", cs[0].Model, cs[1].Model, cs[4].Model)
	}
	var prev []string
	for i := range cs {
		ps := Panels(i)
		if len(ps) != len(prev)+len(cs[i].Adds) || !slices.Equal(ps[:len(prev)], prev) {
			t.Errorf("chapter %d shows %v: want the last chapter's %v and then its own %v", i+1, ps, prev, cs[i].Adds)
		}
		prev = ps
		if len(cs[i].Question.Answers) != 2 {
			t.Errorf("chapter %d has %d answers", i+1, len(cs[i].Question.Answers))
		}
	}
	for _, want := range []string{PanelCell, PanelDelta, PanelGap, PanelReach, PanelStages} {
		if !slices.Contains(prev, want) {
			t.Errorf("the last chapter does not show %s", want)
		}
	}
	if Panels(-1) != nil || Panels(len(cs)) != nil {
		t.Errorf("Panels out of range is not nil")
	}
}

func TestChapterIndex(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{{"1", 0, true}, {"5", 4, true}, {"states", 1, true}, {" Memory ", 4, true}, {"6", 0, false}, {"0", 0, false}, {"", 0, false}, {"x", 0, false}} {
		if got, ok := ChapterIndex(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("ChapterIndex(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestKeys checks that every key the chapters and questions name is in the
// table, and that the table has no sentence nothing names.
func TestKeys(t *testing.T) {
	named := map[string]bool{KeyProgress: true, KeyConfirm: true, KeyRefute: true, KeyExplain: true, KeyMean: true}
	for _, c := range Chapters() {
		named[c.Title] = true
		for _, k := range c.Text {
			named[k] = true
		}
		named[c.Question.Prompt] = true
		for _, k := range c.Question.Answers {
			named[k] = true
		}
		// The reasons: every lesson.<chapter>.* key left is a verdict.
		for k := range en {
			if strings.HasPrefix(k, "lesson."+c.ID+".why") || k == "lesson."+c.ID+".none" || k == "lesson."+c.ID+".tie" {
				named[k] = true
			}
		}
	}
	for k := range named {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q has no English sentence", k)
		}
	}
	for _, k := range Keys() {
		if !named[k] {
			t.Errorf("key %q is named by nothing", k)
		}
	}
	if got := English("lesson.progress", "2", "5"); got != "Chapter 2 of 5" {
		t.Errorf("English = %q", got)
	}
	if got := English("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key gives %q", got)
	}
}
