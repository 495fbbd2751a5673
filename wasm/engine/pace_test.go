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
