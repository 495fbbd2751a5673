package lesson

import (
	"slices"
	"strings"
	"testing"
)

// live returns a one-unit LSTM trace of the probe with the given columns.
func live(probe string, zf, zi, z, c, h []float32) *Live {
	p := []rune(probe)
	return &Live{Probe: p, T: len(p), H: 1, Zf: zf, Zi: zi, Z: z, Zo: make([]float32, len(p)), C: c, Hid: h}
}

func TestQuestionNextSymbol(t *testing.T) {
	l := &Live{Probe: []rune("abcab"), Pred: []rune("bcaxx"), T: 5, H: 1}
	for _, tc := range []struct {
		step int
		ok   bool
		want int
	}{{0, true, 0}, {2, true, 0}, {3, true, 1}, {4, false, 0}} {
		l.Step = tc.step
		v := qNextSymbol.Check(l)
		if v.OK != tc.ok || v.OK && (v.Answer != tc.want || !v.Confirms(tc.want) || v.Confirms(1-tc.want)) {
			t.Errorf("step %d: %+v, want ok %v answer %d", tc.step, v, tc.ok, tc.want)
		}
	}
	l.Step = 3
	// The verdict stays at the step whose guess it judges: there the Step
	// inspector shows that guess and the actual next symbol.
	if v := qNextSymbol.Check(l); v.At != 3 {
		t.Errorf("the guess after step index 3 is shown at %d, want 3", v.At)
	}
	if w := qNextSymbol.Check(l).Words(nil); w != "After step 4 the model's top guess is “x”, but the text goes on with “b”: it guessed wrong." {
		t.Errorf("reason %q", w)
	}
	l.Pred = nil
	if v := qNextSymbol.Check(l); v.OK || v.Confirms(0) || v.Confirms(1) {
		t.Errorf("without predictions: %+v", v)
	}
}

func TestQuestionStates(t *testing.T) {
	// c ramps 0.1 a step over a range of 0.5; h flips ±0.5 over its range 1.
	c := []float32{0.1, 0.2, 0.3, 0.4, 0.5}
	h := []float32{0.5, -0.5, 0.5, -0.5, 0.4}
	l := live("abcde", nil, nil, nil, c, h)
	l.Step = 1
	if v := qStates.Check(l); !v.OK || v.Answer != 1 {
		t.Errorf("c 20%% of its range, h 100%%: %+v, want h", v)
	} else if w := v.Words(nil); w != "h moved more: 100% of its range, c 20% of its." {
		t.Errorf("reason %q", w)
	}
	l.Step = 3 // h moves 0.9 of 1, c 0.1 of 0.5: h; make c jump instead
	c[4], h[4] = -3, -0.5
	if v := qStates.Check(l); !v.OK || v.Answer != 0 {
		t.Errorf("c jumps by its whole range, 3.4, h stays: %+v, want c", v)
	}
	l.Step = 4
	if v := qStates.Check(l); v.OK {
		t.Errorf("the last step has no next one: %+v", v)
	}
	l.Step, l.C = 0, nil
	if v := qStates.Check(l); v.OK {
		t.Errorf("an RNN has no c: %+v", v)
	}
}

func TestQuestionForget(t *testing.T) {
	zf := []float32{0.5, 0.9, 0.1, 0.2, 0.95}
	l := live("abxab", zf, nil, nil, nil, nil)
	l.Step = 0 // next a at step 4 (index 3): z^f 0.2
	if v := qForget.Check(l); !v.OK || v.Answer != 0 {
		t.Errorf("next a at z^f 0.2: %+v, want near 0", v)
	} else if w := v.Words(nil); !strings.Contains(w, "At step 4, the next “a”, the forget gate zᶠ is 0.200") {
		t.Errorf("reason %q", w)
	}
	if v := qForget.Check(l); v.At != 3 {
		t.Errorf("the answer was read at step index %d, want 3", v.At)
	}
	l.Step = 1 // next b at index 4: z^f 0.95
	if v := qForget.Check(l); !v.OK || v.Answer != 1 {
		t.Errorf("next b at z^f 0.95: %+v, want near 1", v)
	}
	l.Step = 2 // x never comes again
	if v := qForget.Check(l); v.OK || v.Words(nil) != "“x” does not come again after the cursor: move the cursor to an earlier “x”." {
		t.Errorf("no next x: %+v %q", v, v.Words(nil))
	}
	if got := qForget.Args(l); !slices.Equal(got, []string{"“x”", "1"}) {
		t.Errorf("prompt args %v", got)
	}
}

func TestQuestionStages(t *testing.T) {
	l := live("ab", []float32{0.9, 0.9}, []float32{0.5, 0.5}, []float32{0.2, 0.9}, []float32{0, 0}, nil)
	l.C0 = []float32{2}
	l.C = []float32{1, 0}
	l.Step = 0 // keeps 0.9 × 2 = 1.8, writes 0.1
	if v := qStages.Check(l); !v.OK || v.Answer != 0 || v.Words(nil) != "It keeps 1.800 and writes 0.100: at this step the old memory outweighs the new content." {
		t.Errorf("step 1: %+v %q", v, v.Words(nil))
	}
	l.Step = 1 // keeps 0.9 × 1 = 0.9, writes 0.45: still kept; make c^{t−1} small
	l.C[0] = 0.1
	if v := qStages.Check(l); !v.OK || v.Answer != 1 {
		t.Errorf("keeps 0.09, writes 0.45: %+v, want written", v)
	}
	l.Zf = nil
	if v := qStages.Check(l); v.OK {
		t.Errorf("no gates: %+v", v)
	}
}

func TestQuestionMemory(t *testing.T) {
	l := &Live{Race: Race{Gap: 20, LSTM: GapScore{20, 45, 50}, RNN: GapScore{20, 1, 50}}}
	if v := qMemory.Check(l); !v.OK || v.Answer != 0 ||
		v.Words(nil) != "Over a gap of 20 the LSTM recalled 90% of the letters (45 of 50), the RNN 2% (1 of 50)." {
		t.Errorf("LSTM ahead: %+v %q", v, v.Words(nil))
	}
	v := qMemory.Check(l)
	if f := v.Feedback(0, nil); !strings.HasPrefix(f, "The model agrees with you. Over a gap of 20") {
		t.Errorf("feedback to the LSTM: %q", f)
	}
	if f := v.Feedback(1, nil); !strings.HasPrefix(f, "The model did the other thing. Over a gap of 20") {
		t.Errorf("feedback to the RNN: %q", f)
	}
	l.Race.LSTM.Correct = 0
	if v := qMemory.Check(l); !v.OK || v.Answer != 1 {
		t.Errorf("RNN ahead: %+v", v)
	}
	l.Race.RNN.Correct = 0
	if v := qMemory.Check(l); v.OK || v.Reason != "lesson.memory.tie" || v.Feedback(0, nil) != "Over a gap of 20 both recalled 0% of the letters: train longer, or change the gap." {
		t.Errorf("a tie: %+v", v)
	}
	l.Race.RNN = GapScore{}
	if v := qMemory.Check(l); v.OK || v.Reason != "lesson.memory.none" || v.At != -1 {
		t.Errorf("no recall yet: %+v", v)
	}
	if got := qMemory.Args(l); !slices.Equal(got, []string{"20"}) {
		t.Errorf("prompt args %v", got)
	}
}

// TestQuestionsSafe runs every question on empty and mismatched values: a
// verdict, never a panic.
func TestQuestionsSafe(t *testing.T) {
	odd := []*Live{{}, {Step: -3, Unit: -1}, {Probe: []rune("ab"), T: 5, H: 2, Step: 1, Zf: make([]float32, 3), C: make([]float32, 1)},
		{Probe: []rune("aa"), T: 2, H: 1, Unit: 7, Zf: []float32{1, 1}}}
	for _, c := range Chapters() {
		for _, l := range odd {
			if v := c.Question.Check(l); v.OK {
				t.Errorf("%s on %+v: %+v, want no answer", c.ID, l, v)
			}
			c.Question.Args(l)
		}
	}
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"Yes.", "The gate opened.", "Yes. The gate opened."},
		{"对。", "门打开了。", "对。门打开了。"},
		{"对！", "门打开了。", "对！门打开了。"},
		{"他说“对。”", "门打开了。", "他说“对。”门打开了。"},
		{"He said “yes.”", "Then", "He said “yes.” Then"},
		{"", "b", "b"},
		{"a", "", "a"},
	} {
		if got := Join(tc.a, tc.b); got != tc.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}
