package lesson

import (
	"math"

	"lstmplayground/wasm/cell"
)

// Live is what the live model shows the lesson: the trace of the probe (as
// the page has it), the time cursor and unit, and, for the last chapter, the
// recall of the two models on the memory-gap task. Arrays are (T, H)
// row-major, one row per step; the gates and C are nil for an RNN.
type Live struct {
	Probe                 []rune // the symbol read at each step (T)
	Pred                  []rune // the model's most likely next symbol after each step (T); nil if unknown
	T, H                  int
	Zf, Zi, Z, Zo, C, Hid []float32
	C0, H0                []float32 // the states before step 1 (nil: zeros)
	Step, Unit            int       // the time cursor and the unit, 0-based

	Race Race // the memory-gap recall of the LSTM and the RNN
}

// Race is the recall of the two models over one gap (Recall's score of each).
type Race struct {
	Gap       int
	LSTM, RNN GapScore
}

// at returns x_t of unit j, and false if x lacks it.
func (l *Live) at(x []float32, t, j int) (float64, bool) {
	if t < 0 || t >= l.T || j < 0 || j >= l.H || len(x) != l.T*l.H {
		return 0, false
	}
	return float64(x[t*l.H+j]), true
}

// Question is a chapter's predict-then-check question: the visitor picks an
// answer, steps, and Check says which one the model confirms.
type Question struct {
	Prompt  string                 // catalogue key
	Answers []string               // catalogue keys; Verdict.Answer is an index
	Args    func(l *Live) []string // the prompt's placeholders
	Check   func(l *Live) Verdict
}

// Verdict is the live model's answer to a question.
type Verdict struct {
	OK     bool     // false: the values cannot answer it (Reason says what to do)
	Answer int      // the index of the answer the model confirms
	At     int      // the step (0-based) whose values answered, for the page to move the cursor to; −1 for none
	Reason string   // catalogue key of why
	Args   []string // its placeholders
}

// Confirms reports whether the model confirms the answer picked.
func (v Verdict) Confirms(picked int) bool { return v.OK && v.Answer == picked }

// Words returns the verdict's reason in words.
func (v Verdict) Words(tr cell.Text) string {
	if tr == nil {
		tr = English
	}
	return tr(v.Reason, v.Args...)
}

// Feedback returns what the page says after the visitor picked an answer and
// stepped: whether the model agrees, and why; only the reason when the
// values could not answer.
func (v Verdict) Feedback(picked int, tr cell.Text) string {
	if tr == nil {
		tr = English
	}
	if !v.OK {
		return v.Words(tr)
	}
	head := KeyRefute
	if v.Confirms(picked) {
		head = KeyConfirm
	}
	return Join(tr(head), v.Words(tr))
}

// verdict returns the verdict for answer a (0 or 1), read at step at, with
// reason key+a.
func verdict(key string, a, at int, args ...string) Verdict {
	return Verdict{OK: true, Answer: a, At: at, Reason: key + itoa(a), Args: args}
}

// refuse returns a verdict that cannot answer, with its reason.
func refuse(key string, args ...string) Verdict {
	return Verdict{At: -1, Reason: key, Args: args}
}

func step1(t int) string { return itoa(t + 1) }

// symbol writes a symbol of the probe for a sentence.
func symbol(r rune) string {
	switch r {
	case ' ':
		return "“␣”"
	case '\n':
		return "“↵”"
	}
	return "“" + string(r) + "”"
}

// Chapter 1: after the cursor's symbol, will the top guess be the next symbol?
var qNextSymbol = Question{
	Prompt: "lesson.rnn.q", Answers: []string{"lesson.rnn.a0", "lesson.rnn.a1"},
	Args: func(l *Live) []string { return []string{step1(l.Step), probeAt(l, l.Step)} },
	Check: func(l *Live) Verdict {
		t := l.Step
		if t < 0 || t+1 >= len(l.Probe) || t >= len(l.Pred) {
			return refuse("lesson.rnn.none")
		}
		a := 1
		if l.Pred[t] == l.Probe[t+1] {
			a = 0
		}
		// At t: the Step inspector there shows this guess and the actual next.
		return verdict("lesson.rnn.why", a, t, step1(t), symbol(l.Pred[t]), symbol(l.Probe[t+1]))
	},
}

func probeAt(l *Live, t int) string {
	if t < 0 || t >= len(l.Probe) {
		return "–"
	}
	return symbol(l.Probe[t])
}

// Chapter 2: from the cursor to the next step, does c or h move more,
// each against its own range over the probe?
var qStates = Question{
	Prompt: "lesson.states.q", Answers: []string{"lesson.states.a0", "lesson.states.a1"},
	Args:  func(l *Live) []string { return []string{itoa(l.Unit + 1), step1(l.Step), step1(l.Step + 1)} },
	Check: checkStates,
}

func checkStates(l *Live) Verdict {
	none := refuse("lesson.states.none")
	t, j := l.Step, l.Unit
	c0, ok0 := l.at(l.C, t, j)
	c1, ok1 := l.at(l.C, t+1, j)
	h0, ok2 := l.at(l.Hid, t, j)
	h1, ok3 := l.at(l.Hid, t+1, j)
	if !(ok0 && ok1 && ok2 && ok3) || l.C0 != nil && len(l.C0) != l.H || l.H0 != nil && len(l.H0) != l.H {
		return none
	}
	rc := Ranges(nil, l.C, l.C0, l.T, l.H)[j]
	rh := Ranges(nil, l.Hid, l.H0, l.T, l.H)[j]
	if !(rc > minRange && rh > minRange) {
		return none
	}
	dc, dh := math.Abs(c1-c0)/rc, math.Abs(h1-h0)/rh
	a := 1
	if dc > dh {
		a = 0
	}
	return verdict("lesson.states.why", a, t+1, cell.FormatPercent(dc), cell.FormatPercent(dh))
}

// Chapter 3: at the next occurrence of the cursor's symbol, is the unit's
// forget gate near 0 or near 1?
var qForget = Question{
	Prompt: "lesson.gates.q", Answers: []string{"lesson.gates.a0", "lesson.gates.a1"},
	Args:  func(l *Live) []string { return []string{probeAt(l, l.Step), itoa(l.Unit + 1)} },
	Check: checkForget,
}

func checkForget(l *Live) Verdict {
	t := l.Step
	if t < 0 || t >= len(l.Probe) {
		return refuse("lesson.gates.none", "–")
	}
	r := l.Probe[t]
	for u := t + 1; u < len(l.Probe); u++ {
		if l.Probe[u] != r {
			continue
		}
		zf, ok := l.at(l.Zf, u, l.Unit)
		if !ok {
			break
		}
		a := 0
		if zf >= 0.5 {
			a = 1
		}
		return verdict("lesson.gates.why", a, u, step1(u), symbol(r), cell.FormatValue(zf))
	}
	return refuse("lesson.gates.none", symbol(r))
}

// Chapter 4: at the cursor, is what the forget stage keeps larger than
// what the select-memory stage writes?
var qStages = Question{
	Prompt: "lesson.stages.q", Answers: []string{"lesson.stages.a0", "lesson.stages.a1"},
	Args:  func(l *Live) []string { return []string{step1(l.Step), itoa(l.Unit + 1)} },
	Check: checkStages,
}

func checkStages(l *Live) Verdict {
	t, j := l.Step, l.Unit
	zf, ok0 := l.at(l.Zf, t, j)
	zi, ok1 := l.at(l.Zi, t, j)
	z, ok2 := l.at(l.Z, t, j)
	cPrev, ok3 := l.at(l.C, t-1, j)
	if t == 0 {
		cPrev, ok3 = 0, true
		if l.C0 != nil && len(l.C0) == l.H && j >= 0 && j < l.H {
			cPrev = float64(l.C0[j])
		}
	}
	if !(ok0 && ok1 && ok2 && ok3) {
		return refuse("lesson.stages.none")
	}
	kept, written := zf*cPrev, zi*z // z^f ⊙ c^{t−1}, z^i ⊙ z
	a := 1
	if math.Abs(kept) >= math.Abs(written) {
		a = 0
	}
	return verdict("lesson.stages.why", a, t, cell.FormatValue(kept), cell.FormatValue(written))
}

// Chapter 5: over the gap, does the LSTM or the RNN recall more often?
var qMemory = Question{
	Prompt: "lesson.memory.q", Answers: []string{"lesson.memory.a0", "lesson.memory.a1"},
	Args:  func(l *Live) []string { return []string{itoa(l.Race.Gap)} },
	Check: checkMemory,
}

func checkMemory(l *Live) Verdict {
	r := l.Race
	al, ar := r.LSTM.Accuracy(), r.RNN.Accuracy()
	if al < 0 || ar < 0 {
		return refuse("lesson.memory.none")
	}
	args := []string{itoa(r.Gap), cell.FormatPercent(al), itoa(r.LSTM.Correct), itoa(r.LSTM.Total),
		cell.FormatPercent(ar), itoa(r.RNN.Correct), itoa(r.RNN.Total)}
	switch {
	case al > ar:
		return verdict("lesson.memory.why", 0, -1, args...)
	case ar > al:
		return verdict("lesson.memory.why", 1, -1, args...)
	}
	return refuse("lesson.memory.tie", itoa(r.Gap), cell.FormatPercent(al))
}
