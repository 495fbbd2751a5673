package ui

import (
	"slices"
	"testing"
)

// frameRun is one frame of a frameQueue under a fake clock where painting
// part i takes cost(i) ms; it returns the parts painted, in order, with the
// marks each got.
func frameRun(q *frameQueue, cost func(i int) float64) (parts []int, marks []Dirty) {
	spent := 0.0
	q.run(func(i int, d Dirty) {
		parts, marks = append(parts, i), append(marks, d)
		spent += cost(i)
	}, func() float64 { return spent })
	return parts, marks
}

func TestFrameQueueInOrderWithinBudget(t *testing.T) {
	var q frameQueue
	on := []Dirty{DirtyStats, DirtyTrace, DirtyTrace | DirtyCursor, DirtyLoss}
	q.mark(DirtyTrace|DirtyLoss, on)
	parts, marks := frameRun(&q, func(int) float64 { return 1 })
	if !slices.Equal(parts, []int{1, 2, 3}) {
		t.Fatalf("painted %v, want the parts whose marks were set, in order: [1 2 3]", parts)
	}
	for _, m := range marks {
		if m != DirtyTrace|DirtyLoss {
			t.Errorf("a part got marks %b, want %b", m, DirtyTrace|DirtyLoss)
		}
	}
	if parts, _ := frameRun(&q, func(int) float64 { return 1 }); len(parts) != 0 {
		t.Errorf("the next frame painted %v again with nothing marked", parts)
	}
}

func TestFrameQueueSpreadsOverFrames(t *testing.T) {
	var q frameQueue
	on := make([]Dirty, 5)
	for i := range on {
		on[i] = DirtyTrace
	}
	q.mark(DirtyTrace, on)
	cost := func(int) float64 { return 4 } // two parts fill a 6 ms budget
	var all []int
	for f := 0; f < 3; f++ {
		parts, _ := frameRun(&q, cost)
		if len(parts) == 0 || len(parts) > 2 {
			t.Errorf("frame %d painted %v: want one or two parts of 4 ms in a %d ms budget", f, parts, frameBudget)
		}
		all = append(all, parts...)
	}
	if !slices.Equal(all, []int{0, 1, 2, 3, 4}) {
		t.Errorf("three frames painted %v, want every part once, in order", all)
	}
}

func TestFrameQueueNoPartWaitsLong(t *testing.T) {
	var q frameQueue
	on := make([]Dirty, 8)
	for i := range on {
		on[i] = DirtyLoss
	}
	last := make([]int, len(on))
	for f := 1; f <= 30; f++ {
		q.mark(DirtyLoss, on)                                     // new data every frame
		parts, _ := frameRun(&q, func(int) float64 { return 50 }) // every part far over the budget
		for _, i := range parts {
			last[i] = f
		}
		for i, l := range last {
			if f-l > maxWait {
				t.Fatalf("frame %d: part %d last painted in frame %d, more than %d frames ago", f, i, l, maxWait)
			}
		}
	}
}

func TestFrameQueueKeepsMarksOfPartsLeftOver(t *testing.T) {
	var q frameQueue
	on := []Dirty{DirtyTrace, DirtyTrace | DirtyCursor}
	q.mark(DirtyTrace, on)
	parts, _ := frameRun(&q, func(int) float64 { return 10 })
	if !slices.Equal(parts, []int{0}) {
		t.Fatalf("painted %v, want part 0 alone (it spent the budget)", parts)
	}
	q.mark(DirtyCursor, on)
	parts, marks := frameRun(&q, func(int) float64 { return 10 })
	if len(parts) == 0 || parts[0] != 1 || marks[0] != DirtyTrace|DirtyCursor {
		t.Errorf("painted %v with %v: want part 1 first, with the marks of both frames", parts, marks)
	}
}

// TestFrameQueueEvery: a part with a least interval (the loss chart's 30 ms)
// marked on every frame paints on every other frame at 60 Hz, its marks kept
// meanwhile and another frame asked for; a layout change paints it at once;
// the parts without one paint on every frame.
func TestFrameQueueEvery(t *testing.T) {
	var q frameQueue
	on := []Dirty{DirtyLoss, DirtyStats | DirtyLoss}
	q.every = []float64{30, 0}
	var painted [2][]int
	for f := range 8 {
		q.now = 1000 + float64(f)*1000/60
		q.mark(DirtyLoss, on)
		var left bool
		spent := 0.0
		_, left = q.run(func(i int, d Dirty) { painted[i] = append(painted[i], f); spent++ }, func() float64 { return spent })
		if held := q.due[0] != 0; held != left {
			t.Errorf("frame %d: the chart's marks kept %v, another frame asked for %v", f, held, left)
		}
	}
	if !slices.Equal(painted[0], []int{0, 2, 4, 6}) {
		t.Errorf("the chart painted in frames %v, want every other one: [0 2 4 6]", painted[0])
	}
	if len(painted[1]) != 8 {
		t.Errorf("the part without a least interval painted in frames %v, want all 8", painted[1])
	}
	q.now += 1000.0 / 60 // frame 8: the chart painted in frame 6 was due anyway; paint it
	frameRun(&q, func(int) float64 { return 1 })
	q.now += 1000.0 / 60 // frame 9: too soon, but the layout changed
	q.mark(DirtyLayout|DirtyLoss, []Dirty{DirtyLoss | DirtyLayout, 0})
	if parts, _ := frameRun(&q, func(int) float64 { return 1 }); !slices.Contains(parts, 0) {
		t.Errorf("a new layout did not paint the chart at once: painted %v", parts)
	}
}

// TestFrameQueueUrgent: a part with a least interval (the cell figure's
// 250 ms) and an urgent mark (the cursor) keeps new traces for later but
// paints a moved cursor at once, with the marks it held.
func TestFrameQueueUrgent(t *testing.T) {
	var q frameQueue
	on := []Dirty{DirtyTrace | DirtyCursor}
	q.every, q.urgent = []float64{250}, []Dirty{DirtyCursor}
	var painted []int
	var marks []Dirty
	frame := func(f int, d Dirty) {
		q.now = 1000 + float64(f)*1000/60
		q.mark(d, on)
		q.run(func(_ int, d Dirty) { painted, marks = append(painted, f), append(marks, d) }, func() float64 { return 0 })
	}
	for f := range 6 { // a new trace on every frame: painted in frame 0 only
		frame(f, DirtyTrace)
	}
	frame(6, DirtyCursor) // 100 ms after the last paint: the cursor paints at once
	if !slices.Equal(painted, []int{0, 6}) || marks[1] != DirtyTrace|DirtyCursor {
		t.Fatalf("painted in frames %v with %v, want [0 6], the second with the held trace and the cursor", painted, marks)
	}
	for f := 7; f < 30; f++ {
		frame(f, DirtyTrace)
	}
	// Frame 6 painted at 1100 ms: the next trace paints at 1350 ms (frame 21).
	if !slices.Equal(painted, []int{0, 6, 21}) {
		t.Errorf("painted in frames %v, want [0 6 21]", painted)
	}
}
