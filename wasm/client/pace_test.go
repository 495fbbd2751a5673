package client

import (
	"slices"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// TestRestRule: engines rest only when the page runs more than one and the
// machine has no core to spare for the page; then they share four fifths of
// all cores but one.
func TestRestRule(t *testing.T) {
	for _, tc := range []struct {
		cores, engines int
		want           uint8
	}{
		{0, 2, 0}, {2, 1, 0}, {1, 1, 0}, {3, 2, 0}, {8, 2, 0},
		{2, 2, 60}, {4, 4, 40}, {1, 2, protocol.MaxRest},
	} {
		if got := Rest(tc.cores, tc.engines); got != tc.want {
			t.Errorf("Rest(%d cores, %d engines) = %d%%, want %d%%", tc.cores, tc.engines, got, tc.want)
		}
	}
}

// comparing starts a comparison on a machine of cores: the page's engine
// trains, the second says Ready and takes what it is sent.
func comparing(t *testing.T, cores int) (*Pair, *link, *link) {
	a := newLink(t)
	p := &Pair{A: a.c, Cores: cores}
	a.read()
	p.SetConfig(smallConfig())
	p.SetText(lstm.Text, text)
	p.Train()
	a.settle()
	b := newLink(t)
	b.c = p.Compare(b.post)
	b.recv = p.ReceiveB
	b.read()
	return p, a, b
}

// TestPairRests: on two cores a comparison has both engines rest 60 % of
// their time, each asked once and answered; stopping it has the page's engine train
// without rest again. With cores to spare nothing is asked.
func TestPairRests(t *testing.T) {
	p, a, b := comparing(t, 2)
	if got := a.sent(); !slices.Equal(got, []protocol.Type{protocol.TypeSetPace}) {
		t.Fatalf("the page's engine got %v when the second was ready, want SetPace", got)
	}
	if got := b.sent(); !slices.Contains(got, protocol.TypeSetPace) {
		t.Fatalf("the second engine got %v at Ready, with no SetPace", got)
	}
	for _, l := range []*link{a, b} {
		l.settle()
		if l.c.Pending() != 0 {
			t.Errorf("%d requests unanswered", l.c.Pending())
		}
	}
	// They take turns: at every moment of the wall clock one trains at most,
	// and each trains 40 % of the time (12 ms of every 30, the last tenth of
	// a window let go): here two periods.
	const chunk = 12 * time.Millisecond
	var trains [2]int
	for us := range 600 {
		now := t0.Add(time.Duration(us) * 100 * time.Microsecond)
		wa, _ := a.e.Turn(now, chunk)
		wb, _ := b.e.Turn(now, chunk)
		if wa == 0 && wb == 0 {
			t.Fatalf("at %v both engines of the comparison train", now)
		}
		if wa == 0 {
			trains[0]++
		}
		if wb == 0 {
			trains[1]++
		}
	}
	for i, n := range trains {
		if n < 200 || n > 240 {
			t.Errorf("engine %d trains at %d of 600 moments, want about 40 %%", i, n)
		}
	}
	p.Pause()
	p.Train()
	if got := append(a.sent(), b.sent()...); slices.Contains(got, protocol.TypeSetPace) {
		t.Errorf("the pace was asked again: %v", got)
	}
	a.settle()
	b.settle()
	p.StopCompare()
	a.settle()
	if r := a.e.Rest(12 * time.Millisecond); r != 0 {
		t.Errorf("after the comparison the page's engine rests %v", r)
	}
	if w, end := a.e.Turn(t0, 12*time.Millisecond); w != 0 || end.Sub(t0) != 12*time.Millisecond {
		t.Errorf("after the comparison the page's engine waits %v for its turn, and trains until %v", w, end.Sub(t0))
	}

	_, a, b = comparing(t, 4)
	if got := append(a.sent(), b.sent()...); slices.Contains(got, protocol.TypeSetPace) {
		t.Errorf("with four cores the engines were asked to rest: %v", got)
	}
}
