package keep

import (
	"fmt"
	"strings"

	"lstmplayground/wasm/ui/present"
)

// Crash recovery: the page watches its engine worker and, if it dies, says so,
// starts a new one and restores the session saved in the browser. This file
// has the decisions (pure, tested natively); the page (ui/recover_js.go) does them.

// Heartbeat timing, in ms on the page's clock.
const (
	// WatchInterval is how often the page pings the engine's beacon (a
	// nested worker of the engine's worker that echoes at once, however
	// busy the engine is, and ends with it).
	WatchInterval = 100
	// WatchDeadline is how long the beacon may be silent before the engine
	// counts as dead: a kill is noticed within WatchDeadline+WatchInterval.
	WatchDeadline = 600
	// watchStall is a tick so late that the page itself was held up (a
	// hidden tab's throttled timers, a long task): the silence is not the
	// engine's, and the deadline starts anew.
	watchStall = 3 * WatchInterval
)

// Watchdog decides from the page's clock whether the engine is alive: the
// page calls Tick every WatchInterval and sends a ping when it says so, and
// Ack with the send time of every ping echoed. It counts nothing before the
// first echo (the worker is still starting) nor while the tab is hidden.
type Watchdog struct {
	armed    bool    // an echo came: the beacon runs
	hidden   bool    // the tab is hidden: no pings, no verdicts
	lastTick float64 // the last Tick
	lastAck  float64 // when the newest echoed ping was sent (or the deadline restarted)
}

// Ack takes the echo of a ping sent at sent (now is the time it came back).
func (w *Watchdog) Ack(sent, now float64) {
	if !w.armed {
		w.armed = true
		w.lastAck, w.lastTick = sent, now
	}
	w.lastAck = max(w.lastAck, sent)
}

// Tick says whether to ping now, and whether the engine is dead: silent for
// more than WatchDeadline.
func (w *Watchdog) Tick(now float64) (ping, dead bool) {
	if w.hidden {
		w.lastTick = now
		return false, false
	}
	if !w.armed {
		w.lastTick = now
		return true, false // until the first echo: ping, but no verdict
	}
	if now-w.lastTick > watchStall {
		w.lastAck = max(w.lastAck, now) // the page was held up, not the engine
	}
	w.lastTick = now
	if now-w.lastAck > WatchDeadline {
		w.armed = false
		return false, true
	}
	return true, false
}

// SetHidden stops the watch while the tab is hidden (its timers are
// throttled) and starts the deadline anew when it is shown.
func (w *Watchdog) SetHidden(hidden bool, now float64) {
	w.hidden = hidden
	if !hidden {
		w.lastAck = max(w.lastAck, now)
		w.lastTick = now
	}
}

// Reset forgets the engine watched (a new one is starting).
func (w *Watchdog) Reset() { *w = Watchdog{hidden: w.hidden} }

// Armed reports whether the watch is on (the beacon answered).
func (w *Watchdog) Armed() bool { return w.armed }

// A crash loop: the engine died CrashLimit times within CrashWindow ms.
const (
	CrashLimit  = 3
	CrashWindow = 60_000
)

// CrashGuard counts the engine's deaths, to stop restarting it in a loop.
type CrashGuard struct {
	times []float64
}

// Crashed records a death at now and reports whether to restart the engine:
// not if it is the CrashLimit-th within CrashWindow.
func (g *CrashGuard) Crashed(now float64) bool {
	keep := g.times[:0]
	for _, t := range g.times {
		if now-t < CrashWindow {
			keep = append(keep, t)
		}
	}
	g.times = append(keep, now)
	return len(g.times) < CrashLimit
}

// Reset forgets the deaths (the person asked to try again).
func (g *CrashGuard) Reset() { g.times = g.times[:0] }

// CauseSilent is the cause of an engine that stopped answering (terminated
// by the browser or a script, or its tab's process out of memory).
const CauseSilent = "The training engine stopped answering"

// ExitCause says why the engine's Go program ended, from its exit code (−1:
// it could not run at all) and the end of what it wrote (a panic's message).
func ExitCause(code int, log string) string {
	var first string
	for line := range strings.SplitSeq(log, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") ||
			(code < 0 && line != "" && first == "") {
			first = line
			if code >= 0 {
				break
			}
		}
	}
	switch {
	case strings.Contains(log, "out of memory"):
		return "The training engine ran out of memory and stopped"
	case first != "":
		first = strings.TrimPrefix(first, "panic: ")
		if r := []rune(first); len(r) > 160 {
			first = string(r[:160]) + "…"
		}
		if code < 0 {
			return "The training engine could not run (" + first + ")"
		}
		return "The training engine crashed (" + first + ")"
	case code < 0:
		return "The training engine could not run"
	}
	return fmt.Sprintf("The training engine stopped (exit code %d)", code)
}

// RestartingMessage is what the page says the moment the engine died.
func RestartingMessage(cause string) string {
	return cause + ". Starting a new engine and restoring your last saved session…"
}

// RestoredMessage is what the page says once a new engine has the saved
// session: its model's update count, or none.
func RestoredMessage(cause string, updates uint64, model bool) string {
	if !model || updates == 0 {
		return cause + ". A new engine has started with your text and settings; no trained model was saved, so the model starts afresh. Press Train to train it."
	}
	return fmt.Sprintf("%s. A new engine has started and restored your last saved session: the model as saved at update %s, with its settings. Training is paused: press Train to go on.", cause, present.FormatCount(updates))
}

// CrashLoopMessage is what the page says when it stops restarting the engine.
func CrashLoopMessage(cause string) string {
	return fmt.Sprintf("%s. The training engine stopped %d times within a minute, so the page stopped restarting it. Try again, or Start fresh to forget the saved session (it may be what makes it fail).", cause, CrashLimit)
}
