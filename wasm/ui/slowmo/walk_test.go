package slowmo

import (
	"encoding/xml"
	"math"
	"strings"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/engine"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/words"
)

var time0 = time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)

func say(id string, args ...string) string { return words.Text(words.English, id, args...) }
func sayZh(id string, args ...string) string {
	return words.Text(words.ZhCN, id, args...)
}

// record makes a real update's record with the engine: a small model of
// cell on a short text, clipped element-wise at clip.
func record(t *testing.T, cell lstm.Cell, clip float64) *protocol.SlowStepResult {
	t.Helper()
	e := engine.New()
	cfg := lstm.DefaultConfig()
	cfg.Cell, cfg.Hidden, cfg.SeqLen, cfg.Layers, cfg.Clip = cell, 6, 5, 2, clip
	now := func(m protocol.Message) []protocol.Message { return e.Handle(m, time0) }
	now(protocol.SetConfig{Config: cfg})
	now(protocol.SetData{Mode: lstm.Text, Text: "abcab cabca bcabc"})
	now(protocol.Step{ID: 1})
	for _, m := range now(protocol.SlowStep{ID: 2}) {
		if r, ok := m.(protocol.SlowStepResult); ok {
			return &r
		}
	}
	t.Fatal("no SlowStepResult")
	return nil
}

// TestWalkOrder: the walk goes 1, then forward over every step, 3, back
// from the last step to the first, 5, 6, 7; Start finds each stage, and
// the walk stops at both ends.
func TestWalkOrder(t *testing.T) {
	w := New(record(t, lstm.CellLSTM, 5), 9, 99)
	if w.Layer != 1 || w.Unit != 5 {
		t.Errorf("layer %d unit %d, want them clamped to 1 and 5", w.Layer, w.Unit)
	}
	T := w.T()
	var got []string
	for {
		s, step := w.At()
		got = append(got, string(rune('0'+s))+string(rune('a'+step+1)))
		if w.Start(s) > w.Pos() {
			t.Errorf("stage %d starts at %d, after position %d", s, w.Start(s), w.Pos())
		}
		if !w.Next() {
			break
		}
	}
	want := "1a"
	for k := range T {
		want += " 2" + string(rune('b'+k))
	}
	want += " 3a"
	for k := T - 1; k >= 0; k-- {
		want += " 4" + string(rune('b'+k))
	}
	want += " 5a 6a 7a"
	if strings.Join(got, " ") != want || len(got) != w.Len() {
		t.Errorf("walk %q, want %q", strings.Join(got, " "), want)
	}
	if w.Next() || w.Pos() != w.Len()-1 || !w.Prev() || w.Go(-5) != true || w.Prev() {
		t.Error("the walk does not stop at its ends")
	}
	for s := StageWindow; s <= StageDone; s++ {
		w.Go(w.Start(s))
		if got, _ := w.At(); got != s {
			t.Errorf("Start(%d) is at stage %d", s, got)
		}
	}
}

// TestCaptionsNumbers: each caption carries the record's own numbers: the
// steps' losses and their mean, the unit's gradients and the norms, the
// clip, the matrix that moved most and the update counter.
func TestCaptionsNumbers(t *testing.T) {
	r := record(t, lstm.CellLSTM, 0.01)
	w := New(r, 0, 2)
	T := w.T()
	// The engine made the update when the walk opened, and the page's
	// Update counter moved then: the walk says so from its first stage, and
	// again at the end, rather than let stage 7 claim the counter moves there.
	if c := w.Caption(say); !strings.HasPrefix(c, "1 · The window. Update 2 has already been made: the Update counter above shows it") {
		t.Errorf("window caption %q", c)
	}
	w.Go(w.Start(StageForward) + 1)
	if c := w.Caption(say); !strings.HasPrefix(c, "2 · Forward, step 2 of 5") || !strings.Contains(c, "= "+num(float64(r.StepLoss[1]))+".") ||
		!strings.Contains(c, "“"+string(r.Forward.Symbols[1])+"”") || !strings.Contains(c, "“"+string(r.Targets[1])+"”") {
		t.Errorf("forward caption %q", c)
	}
	w.Go(w.Start(StageLoss))
	if c := w.Caption(say); !strings.Contains(c, " ÷ 5 = "+num(r.Loss)+".") || math.Abs(w.MeanLoss()-r.Loss) > 1e-6 {
		t.Errorf("loss caption %q, the mean %v, the update's loss %v", c, w.MeanLoss(), r.Loss)
	}
	w.Go(w.Start(StageBack)) // the last step first
	dc, dh := r.Grads[0].DC[(T-1)*r.Forward.H+2], r.Grads[0].DH[(T-1)*r.Forward.H+2]
	if c := w.Caption(say); !strings.HasPrefix(c, "4 · Backward, step 5") || !strings.Contains(c, "∂L/∂c = "+sig(float64(dc))) ||
		!strings.Contains(c, "∂L/∂h = "+sig(float64(dh))) || !strings.Contains(c, "unit 3") {
		t.Errorf("backward caption %q (∂L/∂c %v, ∂L/∂h %v)", c, dc, dh)
	}
	if g := w.Grad(T - 1); g.DC != float64(dc) || g.DH != float64(dh) || !g.HasPrev {
		t.Errorf("the figure's notes %+v", g)
	}
	if g := w.Grad(0); g.HasPrev {
		t.Error("step 1 has a previous step in the window")
	}
	w.Go(w.Start(StageClip))
	if c := w.Caption(say); r.Clipped == 0 || !strings.Contains(c, "cut "+itoa(r.Clipped)+" of them") || !(r.ClippedNorm < r.GradNorm) {
		t.Errorf("clip caption %q (%d clipped)", c, r.Clipped)
	}
	w.Go(w.Start(StageChange))
	rows := Changes(r, say)
	if c := w.Caption(say); len(rows) != 8 || !strings.Contains(c, "changed most") {
		t.Errorf("change caption %q, %d rows", c, len(rows))
	}
	w.Go(w.Start(StageDone))
	if c := w.Caption(say); !strings.Contains(c, "from 1 to 2 when you opened the walk") {
		t.Errorf("done caption %q for update %d", c, r.Update)
	}
}

// TestChinese: every position has a Chinese caption that is not the English.
func TestChinese(t *testing.T) {
	for _, cell := range []lstm.Cell{lstm.CellLSTM, lstm.CellRNN} {
		w := New(record(t, cell, 5), 0, 0)
		for ok := true; ok; ok = w.Next() {
			en, zh := w.Caption(say), w.Caption(sayZh)
			if zh == en || len(words.Untranslated(zh)) > 0 {
				t.Errorf("position %d: Chinese %q (English %q)", w.Pos(), zh, en)
			}
		}
	}
}

// TestCurves: stages 2, 3 and 4 draw a well-formed SVG; stage 2 one bar
// per step so far, stage 4 the RNN without c.
func TestCurves(t *testing.T) {
	for _, cell := range []lstm.Cell{lstm.CellLSTM, lstm.CellRNN} {
		w := New(record(t, cell, 5), 0, 0)
		for ok := true; ok; ok = w.Next() {
			s, step := w.At()
			svg, title, has := w.Curve(say)
			if has != (s == StageForward || s == StageLoss || s == StageBack || s == StageClip) {
				t.Fatalf("stage %d: curve %v", s, has)
			}
			if !has {
				continue
			}
			if err := xml.Unmarshal(svg, new(any)); err != nil || title == "" {
				t.Fatalf("stage %d: %v; %q", s, err, svg)
			}
			doc := string(svg)
			if s == StageForward && strings.Count(doc, "<rect") != 1+step+1 {
				t.Errorf("step %d: %d bars", step+1, strings.Count(doc, "<rect")-1)
			}
			if s == StageBack && strings.Contains(doc, "‖∂L/∂c‖") != (cell == lstm.CellLSTM) {
				t.Errorf("%v: the gradient curve's c", cell)
			}
		}
	}
}
