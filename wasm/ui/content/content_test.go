package content

import (
	"strings"
	"testing"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/words"
)

func TestPresets(t *testing.T) {
	ps := Presets()
	if ps[0].Name != "Nursery rhyme" {
		t.Errorf("first preset %q, want the nursery rhyme (the page starts with it)", ps[0].Name)
	}
	var modes [2]int
	for _, p := range ps {
		modes[p.Mode]++
		var err error
		if p.Mode == lstm.Numbers {
			_, err = lstm.NewNumberData(p.Text)
		} else {
			_, err = lstm.NewTextData(p.Text)
		}
		if err != nil {
			t.Errorf("preset %q: %v", p.Name, err)
		}
		if p.Probe == "" || p.Prime == "" || p.About == "" {
			t.Errorf("preset %q: empty probe, prime or description", p.Name)
		}
		if p.Mode == lstm.Text {
			d, _ := lstm.NewTextData(p.Text)
			if _, err := d.Vocab.Encode(p.Probe); err != nil {
				t.Errorf("preset %q: probe uses characters outside the text: %v", p.Name, err)
			}
			if _, err := d.Vocab.Encode(p.Prime); err != nil {
				t.Errorf("preset %q: prime uses characters outside the text: %v", p.Name, err)
			}
		}
	}
	if modes[lstm.Numbers] == 0 || modes[lstm.Text] < 5 {
		t.Errorf("modes %v: want text presets and a numbers preset", modes)
	}
	// deterministic
	if a, b := Presets(), Presets(); a[2].Text != b[2].Text || a[3].Text != b[3].Text {
		t.Error("generated presets differ between calls")
	}
}

func TestCountingPreset(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(countingText(), "\n"), "\n")
	if len(lines) != 120 {
		t.Fatalf("%d lines, want 120", len(lines))
	}
	seen := map[int]int{}
	for _, l := range lines {
		a, b, ok := strings.Cut(l, "X")
		if !ok || strings.Trim(a, "a") != "" || strings.Trim(b, "b") != "" || len(a) != len(b) || len(a) < 1 || len(a) > 10 {
			t.Fatalf("line %q is not aⁿXbⁿ with 1 ≤ n ≤ 10", l)
		}
		seen[len(a)]++
	}
	for n := 1; n <= 10; n++ {
		if seen[n] != 12 {
			t.Errorf("n=%d appears %d times, want 12", n, seen[n])
		}
	}
	if strings.HasPrefix(countingText(), "aXb\naaXbb\naaaXbbb") {
		t.Error("the order is not shuffled")
	}
}

func TestBracketsPreset(t *testing.T) {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, l := range strings.Split(strings.TrimSuffix(bracketsText(), "\n"), "\n") {
		var stack []rune
		depth := 0
		for _, r := range l {
			switch r {
			case '(', '[', '{':
				stack = append(stack, r)
				depth = max(depth, len(stack))
			default:
				if len(stack) == 0 || stack[len(stack)-1] != pairs[r] {
					t.Fatalf("line %q is not balanced", l)
				}
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) != 0 || depth > 6 {
			t.Fatalf("line %q: unclosed or deeper than 6", l)
		}
	}
}

func TestSinePreset(t *testing.T) {
	if !strings.HasPrefix(sineText(), "0, 0.38, 0.71, 0.92, 1, 0.92, 0.71, 0.38, 0, -0.38") {
		t.Errorf("sine starts %q", sineText()[:60])
	}
	vals, err := lstm.ParseNumbers(sineText())
	if err != nil || len(vals) != 320 {
		t.Errorf("%d values, %v; want 320", len(vals), err)
	}
}

func TestTruncateProbe(t *testing.T) {
	long := strings.Repeat("ab", 50)
	p, cut := TruncateProbe(long, lstm.Text)
	if utf8.RuneCountInString(p) != ProbeSteps || !cut {
		t.Errorf("text: %d runes, cut %v", utf8.RuneCountInString(p), cut)
	}
	p, cut = TruncateProbe("春天来了", lstm.Text)
	if p != "春天来了" || cut {
		t.Errorf("short Chinese probe changed: %q %v", p, cut)
	}
	nums := strings.Repeat("1, ", 70)
	p, cut = TruncateProbe(nums, lstm.Numbers)
	vals, err := lstm.ParseNumbers(p)
	if err != nil || len(vals) != ProbeSteps || !cut {
		t.Errorf("numbers: %d values, %v, cut %v", len(vals), err, cut)
	}
	if got := DefaultProbe(sineText(), lstm.Numbers); !strings.HasPrefix(got, "0, 0.38, 0.71") {
		t.Errorf("default numbers probe %q", got)
	}
}

func TestTours(t *testing.T) {
	for _, p := range Presets() {
		steps := Tour(p.ID)
		if len(steps) < 2 {
			t.Errorf("preset %s: %d tour steps", p.ID, len(steps))
		}
		for _, s := range steps {
			if len(s) > 400 {
				t.Errorf("preset %s: a step of %d bytes is too long for a tip", p.ID, len(s))
			}
		}
	}
	if Tour("nope") != nil {
		t.Error("a tour for an unknown preset")
	}
	if PresetIndex(Presets(), "custom") != -1 || PresetIndex(Presets(), "2") != 2 || PresetIndex(Presets(), "99") != -1 {
		t.Error("PresetIndex")
	}
}

func TestPresetFor(t *testing.T) {
	ps := Presets()
	if i := PresetFor(ps, lstm.Numbers, nil); i < 0 || ps[i].Mode != lstm.Numbers {
		t.Errorf("numbers: %d", i)
	}
	if i := PresetFor(ps, lstm.Text, []rune("abXn\n")); i < 0 || ps[i].ID != "counting" {
		t.Errorf("a counting vocabulary: %d", i)
	}
	if i := PresetFor(ps, lstm.Text, []rune("xyz")); i != -1 {
		t.Errorf("no preset fits: %d", i)
	}
}

func TestUnitTextProbe(t *testing.T) {
	long := ""
	for range 100 {
		long += "abcdefghij"
	}
	if got := []rune(UnitTextProbe(long, lstm.Text)); len(got) != unitTextRunes {
		t.Errorf("%d runes", len(got))
	}
	if got := UnitTextProbe("1, 2, 3", lstm.Numbers); got != "1, 2, 3" {
		t.Errorf("numbers: %q", got)
	}
}

// TestDefaultTourCoversClaims: the tour of the page's first preset, in
// either language, leads beyond claim 1 to Compare and the loss race, the
// gradient reach, Intervene and the memory-gap task (issue 15).
func TestDefaultTourCoversClaims(t *testing.T) {
	for _, l := range words.Langs() {
		first := All(l)[0].ID
		steps := Tour(first)
		if l != words.English {
			steps = words.Tour(l, first)
		}
		all := strings.Join(steps, " ")
		for _, want := range [][2]string{
			{"Compare LSTM and RNN", "对比 LSTM 与 RNN"}, {"Gradient reach", "梯度回传"},
			{"Intervene", "干预"}, {"memory-gap", "记忆间隔"}, {"Loss race", "损失赛跑"},
		} {
			w := want[0]
			if l != words.English {
				w = want[1]
			}
			if !strings.Contains(all, w) {
				t.Errorf("%s: the tour of %s never names %q", l.Tag(), first, w)
			}
		}
	}
}
