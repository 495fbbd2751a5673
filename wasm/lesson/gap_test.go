package lesson

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"lstmplayground/lstm"
)

func TestGapText(t *testing.T) {
	letters, gaps := []rune("abc"), []int{2, 5, 9}
	text, err := GapText(letters, gaps, 300, 7)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := GapText(letters, gaps, 300, 7)
	other, _ := GapText(letters, gaps, 300, 8)
	if text != again || text == other {
		t.Errorf("the same seed must give the same text and another seed another")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != 300 || !strings.HasSuffix(text, "\n") {
		t.Fatalf("%d lines, want 300, each ended", len(lines))
	}
	seenL, seenG := map[rune]bool{}, map[int]bool{}
	for _, line := range lines {
		r := []rune(line)
		n := len(r) - 2
		if n < 0 || r[0] != r[len(r)-1] || strings.Trim(string(r[1:len(r)-1]), "-") != "" {
			t.Fatalf("line %q is not letter, dashes, the same letter", line)
		}
		if !slices.Contains(letters, r[0]) || !slices.Contains(gaps, n) {
			t.Fatalf("line %q: letter or gap not asked for", line)
		}
		seenL[r[0]], seenG[n] = true, true
	}
	if len(seenL) != 3 || len(seenG) != 3 {
		t.Errorf("300 lines used letters %v and gaps %v: want every one", seenL, seenG)
	}
}

func TestGapTextRefuses(t *testing.T) {
	for _, tc := range []struct {
		letters string
		gaps    []int
		records int
		want    GapProblem
		value   int
	}{
		{"", []int{1}, 1, GapNoLetters, 0},
		{"abcdefghijklmnopqrstuvwxyz0", []int{1}, 1, GapManyLetters, 27},
		{"a-", []int{1}, 1, GapBadLetter, '-'},
		{"a\n", []int{1}, 1, GapBadLetter, '\n'},
		{"aba", []int{1}, 1, GapBadLetter, 'a'},
		{"ab", nil, 1, GapNoGaps, 0},
		{"ab", []int{3, -1}, 1, GapBadGap, -1},
		{"ab", []int{MaxGap + 1}, 1, GapBadGap, MaxGap + 1},
		{"ab", []int{1}, 0, GapBadRecords, 0},
		{"ab", []int{1}, MaxRecords + 1, GapBadRecords, MaxRecords + 1},
	} {
		_, err := GapText([]rune(tc.letters), tc.gaps, tc.records, 1)
		var ge *GapError
		if !errors.As(err, &ge) || ge.Problem != tc.want || ge.Value != tc.value {
			t.Errorf("GapText(%q, %v, %d) = %v, want problem %d value %d", tc.letters, tc.gaps, tc.records, err, tc.want, tc.value)
		}
	}
}

// perfect returns the predictions of a model that always knows the next
// symbol: pred[t] = text[t+1].
func perfect(text []rune) []rune {
	pred := make([]rune, len(text))
	copy(pred, text[1:])
	return pred
}

func TestRecall(t *testing.T) {
	text := []rune("a--a\nb-----b\nc--c\nxy\nd--e\nb-----b\na--a")
	// Six lines recall (gaps 2, 5, 2, 5, 2); "xy" and "d--e" do not.
	got := Recall(text, perfect(text))
	want := []GapScore{{Gap: 2, Correct: 3, Total: 3}, {Gap: 5, Correct: 2, Total: 2}}
	if !slices.Equal(got, want) {
		t.Errorf("perfect model: %v, want %v", got, want)
	}
	dashes := []rune(strings.Repeat("-", len(text)))
	got = Recall(text, dashes)
	want = []GapScore{{Gap: 2, Correct: 0, Total: 3}, {Gap: 5, Correct: 0, Total: 2}}
	if !slices.Equal(got, want) {
		t.Errorf("a model that always guesses a dash: %v, want %v", got, want)
	}
	// Wrong on the first b line only: pred after its last dash (index 10).
	pred := perfect(text)
	pred[10] = 'c'
	if got := Recall(text, pred); got[1] != (GapScore{Gap: 5, Correct: 1, Total: 2}) {
		t.Errorf("one miss at gap 5: %v", got)
	}
	// Predictions that stop early score only the lines they cover.
	if got := Recall(text, perfect(text)[:12]); !slices.Equal(got, []GapScore{{2, 1, 1}, {5, 1, 1}}) {
		t.Errorf("short predictions: %v", got)
	}
	if s := (GapScore{Gap: 1}); s.Accuracy() != -1 {
		t.Errorf("no lines: accuracy %v, want −1", s.Accuracy())
	}
	if s := (GapScore{Correct: 1, Total: 4}); s.Accuracy() != 0.25 {
		t.Errorf("accuracy %v", s.Accuracy())
	}
}

// TestRecallOfGapText scores the generator's own text.
func TestRecallOfGapText(t *testing.T) {
	s, err := GapText([]rune("ab"), []int{3, 20}, 50, 3)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(s)
	total := 0
	for _, sc := range Recall(text, perfect(text)) {
		if sc.Correct != sc.Total || sc.Gap != 3 && sc.Gap != 20 {
			t.Errorf("score %+v", sc)
		}
		total += sc.Total
	}
	if total != 50 {
		t.Errorf("%d lines scored, want 50", total)
	}
}

// TestGapDefaults writes the default task at the longest gap: it must fit
// the training text's limit.
func TestGapDefaults(t *testing.T) {
	text, err := GapText([]rune(DefaultGapLetters), []int{DefaultGap}, DefaultGapRecords, 1)
	if err != nil {
		t.Fatal(err)
	}
	longest, _ := GapText([]rune(DefaultGapLetters), []int{MaxGap}, DefaultGapRecords, 1)
	if n := len([]rune(longest)); n > lstm.MaxTextChars {
		t.Errorf("the default task at gap %d has %d characters; the limit is %d", MaxGap, n, lstm.MaxTextChars)
	}
	if sc := Recall([]rune(text), perfect([]rune(text))); len(sc) != 1 || sc[0].Total != DefaultGapRecords {
		t.Errorf("default task scores %v", sc)
	}
}
