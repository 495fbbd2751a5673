package engine

import (
	"math"
	"testing"
	"time"

	"lstmplayground/wasm/protocol"
)

// TestRest: a new engine does not rest; SetPace, answered by its Status,
// sets the share of its time it rests after each chunk, until the next.
func TestRest(t *testing.T) {
	e := ready(t, "hello world, hello lstm")
	if r := e.Rest(12 * time.Millisecond); r != 0 {
		t.Fatalf("a new engine rests %v", r)
	}
	for _, tc := range []struct {
		rest uint8
		want time.Duration
	}{{50, 12 * time.Millisecond}, {75, 36 * time.Millisecond}, {protocol.MaxRest, 108 * time.Millisecond}, {0, 0}} {
		st := only[protocol.Status](t, send(t, e, protocol.SetPace{ID: 9, Rest: tc.rest}))
		if st.ID != 9 || st.Gen != 1 {
			t.Fatalf("SetPace answered by %+v", st)
		}
		if r := e.Rest(12 * time.Millisecond); r != tc.want {
			t.Errorf("rest %d%% after 12 ms of training: %v, want %v", tc.rest, r, tc.want)
		}
	}
}

// TestRestCountsInThroughput: an engine that rests half its time reports
// half the characters a second of one that does not, on the same clock.
func TestRestCountsInThroughput(t *testing.T) {
	const text = "hello world, hello lstm, hello again"
	speed := func(rest uint8) float64 {
		e := ready(t, text)
		send(t, e, protocol.SetPace{ID: 1, Rest: rest})
		send(t, e, protocol.Train{ID: 2})
		clock := t0
		now := func() time.Time { clock = clock.Add(time.Millisecond); return clock }
		var last protocol.Progress
		for range 40 {
			start := now()
			for _, m := range e.Work(start.Add(12*time.Millisecond), now) {
				if p, ok := m.(protocol.Progress); ok {
					last = p
				}
			}
			clock = clock.Add(e.Rest(clock.Sub(start)))
		}
		return last.CharsPerSec
	}
	full, half := speed(0), speed(50)
	if full == 0 || math.Abs(half/full-0.5) > 0.05 {
		t.Errorf("%.0f chars/s without rest, %.0f resting half the time", full, half)
	}
}

// TestTurns: two engines that rest half their time and take turns train in
// alternate windows of the wall clock (12 ms each, of every 24 ms), never
// at the same time; a chunk ends with its window; an engine that has less
// than a tenth of its window left waits for the next one.
func TestTurns(t *testing.T) {
	const chunk = 12 * time.Millisecond
	var es [2]*Engine
	for i := range es {
		es[i] = ready(t, "hello world, hello lstm")
		st := only[protocol.Status](t, send(t, es[i], protocol.SetPace{ID: 3, Rest: 50, Turn: uint8(i), Turns: 2}))
		if st.ID != 3 {
			t.Fatalf("SetPace answered by %+v", st)
		}
		if r := es[i].Rest(chunk); r != 0 {
			t.Fatalf("an engine that takes turns rests %v after its chunk; it waits for its turn instead", r)
		}
	}
	base := time.Unix(0, 0).Add(1000 * 2 * chunk) // a multiple of the period
	at := func(ms float64) time.Time { return base.Add(time.Duration(ms * float64(time.Millisecond))) }
	for _, tc := range []struct {
		ms        float64
		turn      int
		wait, end float64 // ms: the other engine's wait; the end of this one's chunk
	}{{3, 0, 9, 12}, {15, 1, 9, 24}, {0, 0, 12, 12}, {12, 1, 12, 24}, {22, 1, 2, 24}} {
		wait, end := es[tc.turn].Turn(at(tc.ms), chunk)
		if wait != 0 || !end.Equal(at(tc.end)) {
			t.Errorf("at %g ms engine %d waits %v and ends at %v; want its turn until %g ms", tc.ms, tc.turn, wait, end.Sub(base), tc.end)
		}
		if w, _ := es[1-tc.turn].Turn(at(tc.ms), chunk); w != time.Duration(tc.wait*float64(time.Millisecond)) {
			t.Errorf("at %g ms engine %d waits %v, want %g ms", tc.ms, 1-tc.turn, w, tc.wait)
		}
	}
	if w, _ := es[0].Turn(at(11.5), chunk); w != 12500*time.Microsecond {
		t.Errorf("with 0.5 ms of its window left, engine 0 waits %v, want 12.5 ms (the next window)", w)
	}
	for us := 0; us < 96000; us += 250 {
		now := at(float64(us) / 1000)
		w0, end0 := es[0].Turn(now, chunk)
		w1, end1 := es[1].Turn(now, chunk)
		if w0 == 0 && w1 == 0 {
			t.Fatalf("at %v both engines train", now.Sub(base))
		}
		for i, c := range []struct {
			w   time.Duration
			end time.Time
		}{{w0, end0}, {w1, end1}} {
			if c.w == 0 && c.end.Sub(now) > chunk {
				t.Fatalf("at %v engine %d trains %v, longer than a chunk", now.Sub(base), i, c.end.Sub(now))
			}
		}
	}
}
