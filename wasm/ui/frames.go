package ui

// This file is the frame's schedule, apart from the DOM (paint_js.go paints):
// which parts paint in a frame, within its budget, and which wait.

// frameBudget is the time, in ms, a frame spends painting before it leaves
// the parts still to paint to the next frames: the browser needs the rest of
// the frame (16.7 ms at 60 Hz) to lay out and draw what changed. A part left
// over maxWait frames paints whatever the budget says, so that none shows
// what it shows more than maxWait frames late.
const (
	frameBudget = 6
	maxWait     = 2
)

// frameQueue is what is left to paint: the marks each part (painter) has not
// painted yet, and the part the next frame starts with, so that every part
// has its turn however busy the frames are.
type frameQueue struct {
	due    []Dirty // by part
	waited []int   // frames each part has been left over
	next   int

	// every is each part's least time between two paints, in ms (0: none;
	// nil: none for any). A part painted less than that ago keeps its marks
	// for a later frame, unless they say the layout changed (DirtyLayout).
	// The loss and race charts take one: while two models train, the two
	// engines' Progress messages (each every 33 ms, interleaved) would have
	// them drawn on every frame.
	every []float64
	// urgent is each part's marks that paint it at once, whatever its every
	// (nil: none for any); DirtyLayout always does.
	urgent []Dirty
	last   []float64 // by part: when it last painted, in ms
	now    float64   // the frame's time, in ms
}

// mark adds the marks d to every part whose marks on[i] it meets.
func (q *frameQueue) mark(d Dirty, on []Dirty) {
	if q.due == nil {
		q.due, q.waited = make([]Dirty, len(on)), make([]int, len(on))
	}
	for i, m := range on {
		if d&m != 0 {
			q.due[i] |= d
		}
	}
}

// urgentOf returns part i's urgent marks.
func (q *frameQueue) urgentOf(i int) Dirty {
	if i < len(q.urgent) {
		return q.urgent[i]
	}
	return 0
}

// run paints the due parts of one frame, in order from q.next, with
// paint(i, marks); elapsed is the time spent in the frame so far, in ms. A
// part is left for the next frame once the budget is spent, unless it has
// waited maxWait frames; the first due part always paints. It reports how
// many parts painted and whether some were left over.
func (q *frameQueue) run(paint func(i int, d Dirty), elapsed func() float64) (ran int, left bool) {
	n, first := len(q.due), q.next
	if len(q.last) != n {
		q.last = make([]float64, n)
	}
	held := false
	for k := range n {
		i := (first + k) % n
		if q.due[i] == 0 {
			continue
		}
		if i < len(q.every) && q.due[i]&(DirtyLayout|q.urgentOf(i)) == 0 && q.now-q.last[i] < q.every[i] {
			held = true // painted too recently: a later frame paints it
			continue
		}
		if ran > 0 && q.waited[i] < maxWait && elapsed() > frameBudget {
			if !left {
				q.next, left = i, true
			}
			q.waited[i]++
			continue
		}
		d := q.due[i]
		q.due[i], q.waited[i], q.last[i] = 0, 0, q.now
		paint(i, d)
		ran++
	}
	if !left {
		q.next = 0 // all painted: the next frame starts with the first part again
	}
	return ran, left || held
}
