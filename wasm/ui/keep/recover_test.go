package keep

import (
	"strings"
	"testing"
)

// run ticks the watchdog every WatchInterval from `from` to `to` (ms); echo
// says whether a ping sent at t is echoed (at once). It returns when the
// watchdog declared the engine dead (or −1).
func runWatch(w *Watchdog, from, to float64, echo func(t float64) bool) float64 {
	for t := from; t <= to; t += WatchInterval {
		ping, dead := w.Tick(t)
		if dead {
			return t
		}
		if ping && echo(t) {
			w.Ack(t, t+1)
		}
	}
	return -1
}

func TestWatchdog(t *testing.T) {
	alive := func(float64) bool { return true }
	var w Watchdog
	// Nothing is declared before the beacon has answered (the worker starts),
	// but it is pinged.
	if ping, _ := w.Tick(0); !ping {
		t.Error("no ping before the first echo")
	}
	if at := runWatch(&w, 0, 10_000, func(float64) bool { return false }); at >= 0 {
		t.Fatalf("dead at %g before the first echo", at)
	}
	w.Ack(10_000, 10_001)
	if at := runWatch(&w, 10_000, 20_000, alive); at >= 0 {
		t.Fatalf("an engine that answers declared dead at %g", at)
	}
	// Killed at 20,050: noticed within WatchDeadline+WatchInterval.
	kill := 20_050.0
	at := runWatch(&w, 20_100, 30_000, func(t float64) bool { return t < kill })
	if at < 0 || at-kill > WatchDeadline+WatchInterval || at-kill < WatchDeadline-WatchInterval {
		t.Errorf("killed at %g, declared dead at %g", kill, at)
	}
	if w.Armed() {
		t.Error("still armed after declaring the engine dead")
	}

	// A hidden tab: no pings and no verdict, however long; shown again, the
	// deadline starts anew.
	w = Watchdog{}
	w.Ack(0, 1)
	w.SetHidden(true, 50)
	for tm := 100.0; tm < 60_000; tm += 1000 { // throttled timers
		if ping, dead := w.Tick(tm); ping || dead {
			t.Fatalf("hidden: ping %v dead %v at %g", ping, dead, tm)
		}
	}
	w.SetHidden(false, 60_000)
	if at := runWatch(&w, 60_000, 60_000+WatchDeadline-50, func(float64) bool { return false }); at >= 0 {
		t.Errorf("declared dead %g ms after the tab was shown", at-60_000)
	}
	// A page held up (a long task) is not a dead engine.
	w = Watchdog{}
	w.Ack(0, 1)
	if _, dead := w.Tick(100); dead {
		t.Fatal("dead at once")
	}
	if _, dead := w.Tick(2100); dead {
		t.Error("a tick 2 s late counts as the engine's silence")
	}
}

func TestCrashGuard(t *testing.T) {
	var g CrashGuard
	if !g.Crashed(0) || !g.Crashed(10_000) {
		t.Fatal("the first two deaths are not restarted")
	}
	if g.Crashed(20_000) {
		t.Error("a third death within a minute is restarted")
	}
	g.Reset()
	if !g.Crashed(30_000) || !g.Crashed(95_000) || !g.Crashed(160_000) {
		t.Error("deaths more than a minute apart are not restarted")
	}
}

func TestExitCause(t *testing.T) {
	for _, c := range []struct {
		code int
		log  string
		want string
	}{
		{2, "goroutine 1 [running]:\npanic: runtime error: index out of range [3] with length 2\n\ngoroutine 6 [running]:\n", "crashed (runtime error: index out of range [3] with length 2)"},
		{2, "fatal error: out of memory\n", "ran out of memory"},
		{2, "runtime: out of memory: cannot allocate 1073741824-byte block\nfatal error: out of memory", "ran out of memory"},
		{0, "", "stopped (exit code 0)"},
		{-1, "WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory\n", "could not run (WebAssembly.instantiate(): Out of memory"},
	} {
		got := ExitCause(c.code, c.log)
		if !strings.Contains(got, c.want) && !(strings.Contains(c.log, "out of memory") && strings.Contains(got, "ran out of memory")) {
			t.Errorf("ExitCause(%d, %q) = %q, want %q", c.code, c.log, got, c.want)
		}
	}
	if m := RestoredMessage(CauseSilent, 1234, true); !strings.Contains(m, "update 1,234") || !strings.Contains(m, "press Train") {
		t.Errorf("RestoredMessage: %q", m)
	}
	if m := CrashLoopMessage(CauseSilent); !strings.Contains(m, "3 times within a minute") {
		t.Errorf("CrashLoopMessage: %q", m)
	}
}

// runHang ticks h every WatchInterval from `from` to `to` (ms) with the
// given budget; answer(t) says when the engine answers a question asked at t
// (< 0: never), and speak(t) whether it sends a message of its own at t
// (Progress). It returns when h declared a hang (or −1) and how many
// questions it asked.
func runHang(h *HangWatch, from, to, budget float64, answer func(t float64) float64, speak func(t float64) bool) (hungAt float64, asked int) {
	var due []float64
	for t := from; t <= to; t += WatchInterval {
		for len(due) > 0 && due[0] <= t {
			h.Heard(due[0])
			due = due[1:]
		}
		if speak(t) {
			h.Heard(t)
		}
		probe, hung := h.Tick(t, budget)
		if hung {
			return t, asked
		}
		if probe {
			asked++
			if a := answer(t); a >= 0 {
				due = append(due, t+a)
			}
		}
	}
	return -1, asked
}

func TestHangWatch(t *testing.T) {
	quick := func(float64) float64 { return 1 }
	never := func(float64) float64 { return -1 }
	silent := func(float64) bool { return false }
	var h HangWatch
	// Before the engine's first message: no question, no verdict.
	if at, n := runHang(&h, 0, 30_000, 0, never, silent); at >= 0 || n > 0 {
		t.Fatalf("before the first message: hung at %g, %d questions", at, n)
	}
	// Idle and answering at once: asked about once a second, never hung.
	h.Heard(30_000)
	if at, n := runHang(&h, 30_000, 90_000, 0, quick, silent); at >= 0 || n < 50 || n > 61 {
		t.Fatalf("an idle engine that answers: hung at %g, %d questions in 60 s", at, n)
	}
	// Training: Progress every tick, so no question.
	if at, n := runHang(&h, 90_000, 150_000, 0, never, func(float64) bool { return true }); at >= 0 || n > 0 {
		t.Fatalf("training: hung at %g, %d questions", at, n)
	}
	// Hung after its last message at 150,000: asked HangProbeAfter later,
	// declared hung HangMin after the last message (within one tick).
	at, n := runHang(&h, 150_100, 200_000, 0, never, silent)
	if n != 1 || at-150_000 < HangMin || at-150_000 > HangMin+WatchInterval {
		t.Errorf("hung after 150,000: declared at %g after %d questions", at, n)
	}
	// A slow engine (a large model: 3 s to answer) is not declared hung,
	// and its deadline grows with it.
	h = HangWatch{}
	h.Heard(0)
	if at, _ := runHang(&h, 0, 120_000, 0, func(float64) float64 { return 3000 }, silent); at >= 0 {
		t.Errorf("an engine that answers in 3 s declared hung at %g", at)
	}
	if d := h.Deadline(0); d < 8*3000-WatchInterval {
		t.Errorf("deadline %g after answers that took 3 s", d)
	}
	// A model whose update may take 60 s on a slow device.
	h = HangWatch{}
	h.Heard(0)
	if at, _ := runHang(&h, 0, 200_000, 60_000, func(float64) float64 { return 45_000 }, silent); at >= 0 {
		t.Errorf("an update within its budget declared hung at %g", at)
	}
	if HangBudget(13_600_000, 256) < 100_000 || HangBudget(10_000, 64) > 100 {
		t.Errorf("budgets %g ms (largest model), %g ms (small)", HangBudget(13_600_000, 256), HangBudget(10_000, 64))
	}
}

// TestHangWatchPageHeldUp: a tick far too late (a long task on the page, a
// throttled timer) and a hidden tab give no verdict: the engine's messages
// may be waiting in the page's queue.
func TestHangWatchPageHeldUp(t *testing.T) {
	var h HangWatch
	h.Heard(0)
	for _, now := range []float64{100, 200, 20_000, 20_100} {
		if _, hung := h.Tick(now, 0); hung {
			t.Fatalf("hung at %g after the page was held up", now)
		}
	}
	// A loaded machine: the ticks come 400 ms apart for as long as it lasts;
	// a hung engine is still declared hung after HangMin, within two ticks.
	var l HangWatch
	l.Heard(0)
	at := -1.0
	for now := 400.0; now < 60_000 && at < 0; now += 400 {
		if _, hung := l.Tick(now, 0); hung {
			at = now
		}
	}
	if at < HangMin || at > HangMin+800 {
		t.Errorf("with ticks 400 ms apart, a silent engine was declared hung at %g ms, want within 800 ms after %d", at, HangMin)
	}
	h.SetHidden(true, 20_100)
	for now := 21_000.0; now < 100_000; now += 1000 {
		if probe, hung := h.Tick(now, 0); probe || hung {
			t.Fatalf("hidden: probe %v hung %v at %g", probe, hung, now)
		}
	}
	h.SetHidden(false, 100_000)
	if at, _ := runHang(&h, 100_000, 100_000+HangMin-WatchInterval, 0, func(float64) float64 { return -1 }, func(float64) bool { return false }); at >= 0 {
		t.Errorf("hung at %g, within HangMin of being shown", at)
	}
	if !strings.HasPrefix(CauseHung(8000), "The training engine stopped responding: it was busy for more than 8 seconds") {
		t.Errorf("cause %q", CauseHung(8000))
	}
}
