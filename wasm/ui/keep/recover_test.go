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
