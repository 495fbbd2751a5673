package keep

import (
	"strconv"
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

// Hang detection: an engine that stops answering without dying (a loop in Go
// that never returns to the event loop) keeps its beacon echoing, so the
// Watchdog cannot see it. The page listens to the engine itself instead: when
// it has heard nothing from it for HangProbeAfter, it asks (a Diagnose, which
// the engine answers at once when idle and between two chunks when training);
// if still nothing comes, the engine hangs.
const (
	// HangProbeAfter is the silence after which the page asks the engine.
	HangProbeAfter = 1000
	// HangMin is the least silence, with a question pending, that counts as
	// a hang: far above anything the engine does without a break on a usual
	// model (a chunk is 12 ms; an update of the default model, a trace or a
	// Generate takes milliseconds).
	HangMin = 8000
	// hangSlowFactor: the deadline is also at least this many times the
	// longest wait for an answer this engine has had (a large model whose
	// every update takes seconds).
	hangSlowFactor = 8
	// hangSlowRate is the arithmetic a slow device does per ms
	// (multiply-adds), from which HangBudget allows for the largest models.
	hangSlowRate = 1e5
	// hangStall is a tick so late that the page itself was held up as far as
	// the hang watch is concerned (a long task, a hidden tab's timers): the
	// wait starts anew. It is longer than the watchdog's watchStall: on a
	// loaded machine the ticks come a few hundred ms late for seconds on end,
	// and each restarting the 8 s wait put off the verdict on a hung engine
	// to 26 s and more.
	hangStall = 10 * WatchInterval
)

// HangBudget returns the longest an update of a model of params parameters
// over seqLen steps may take on a slow device, in ms: the forward and
// backward passes cost about 6 multiply-adds per parameter and step. Up to
// 100k multiply-adds a ms, 200 s for the largest model the page allows.
func HangBudget(params int64, seqLen int) float64 {
	return 6 * float64(max(params, 0)) * float64(max(seqLen, 1)) / hangSlowRate
}

// HangWatch decides from the page's clock whether the engine hangs: the page
// calls Heard for every message of the engine, and Tick every WatchInterval,
// which says when to ask the engine (probe) and when it hangs. Nothing counts
// before the engine's first message, nor while the tab is hidden or the page
// itself was held up.
type HangWatch struct {
	started  bool    // the engine has spoken
	hidden   bool    // the tab is hidden: no questions, no verdicts
	heard    float64 // its last message (or when the wait started anew)
	asked    float64 // when the pending question was sent (0: none)
	slowest  float64 // the longest an answered question waited
	lastTick float64
}

// Heard takes a message of the engine at now.
func (h *HangWatch) Heard(now float64) {
	if h.asked > 0 {
		h.slowest = max(h.slowest, now-h.asked)
	}
	h.started, h.heard, h.asked = true, now, 0
}

// Deadline is the silence, with a question pending, after which the engine
// hangs: HangMin, or more for an engine that was slow to answer before or a
// model whose updates take long (budget, from HangBudget).
func (h *HangWatch) Deadline(budget float64) float64 {
	return max(HangMin, hangSlowFactor*h.slowest, budget)
}

// Tick says whether to ask the engine now (probe), and whether it hangs:
// silent for more than Deadline(budget) with a question pending.
func (h *HangWatch) Tick(now, budget float64) (probe, hung bool) {
	stalled := now-h.lastTick > hangStall
	h.lastTick = now
	if !h.started || h.hidden {
		return false, false
	}
	if stalled {
		// The page was held up, not the engine: its messages may still
		// wait in the queue. The wait starts anew.
		h.heard, h.asked = now, 0
		return false, false
	}
	if h.asked == 0 {
		if now-h.heard >= HangProbeAfter {
			h.asked = now
			return true, false
		}
		return false, false
	}
	if now-h.heard > h.Deadline(budget) {
		*h = HangWatch{hidden: h.hidden, lastTick: now}
		return false, true
	}
	return false, false
}

// SetHidden stops the watch while the tab is hidden, and starts the wait
// anew when it is shown.
func (h *HangWatch) SetHidden(hidden bool, now float64) {
	h.hidden = hidden
	h.heard, h.asked, h.lastTick = now, 0, now
}

// Reset forgets the engine watched (a new one is starting).
func (h *HangWatch) Reset() { *h = HangWatch{hidden: h.hidden} }

// CauseHung is the cause of an engine that is alive but has answered nothing
// for seconds (a computation that never ends).
// ms is the deadline it went past.
func CauseHung(ms float64) string {
	return "The training engine stopped responding: it was busy for more than " + present.FormatCount(int(ms/1000)) + " seconds without answering"
}

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
	return "The training engine stopped (exit code " + strconv.Itoa(code) + ")"
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
	return cause + ". A new engine has started and restored your last saved session: the model as saved at update " + present.FormatCount(updates) + ", with its settings. Training is paused: press Train to go on."
}

// CrashLoopMessage is what the page says when it stops restarting the engine.
func CrashLoopMessage(cause string) string {
	return cause + ". The training engine stopped " + strconv.Itoa(CrashLimit) + " times within a minute, so the page stopped restarting it. Try again, or Start fresh to forget the saved session (it may be what makes it fail)."
}
