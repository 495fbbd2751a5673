package engine

import "time"

// Turn returns, at wall-clock time now, how long the engine waits before it
// trains again and when the chunk it then trains ends, for chunks of chunk.
// An engine that takes turns (SetPace's Turns > 1) trains only in its own
// window of each period of the wall clock, which the engines of one page
// share (their clocks are the machine's): it waits for the window's start,
// and its chunk ends with the window. Any other engine trains at once, for
// chunk (and rests after it: Rest). The wait counts in the throughput a
// Progress reports.
func (e *Engine) Turn(now time.Time, chunk time.Duration) (wait time.Duration, end time.Time) {
	p := e.pace
	if p.Turns <= 1 || p.Rest == 0 || chunk <= 0 {
		return 0, now.Add(chunk)
	}
	period := chunk * 100 / time.Duration(100-int(p.Rest))
	at := time.Duration(now.UnixNano()%int64(period)) - period*time.Duration(p.Turn)/time.Duration(p.Turns)
	if at < 0 {
		at += period
	}
	// at is how far into its window (or past it) the engine is; a window
	// with less than a tenth of a chunk left is let go.
	if left := chunk - at; left >= chunk/10 {
		return 0, now.Add(left)
	}
	wait = period - at
	e.speedTime += wait
	return wait, now.Add(wait + chunk)
}

// Rest returns how long the engine rests after a chunk of training that took
// worked, so that resting takes the share of its time the last SetPace asked
// for (0: no rest, the engine goes on at once); an engine that takes turns
// waits for its turn instead (Turn). SetPace takes effect from the next
// chunk. The rest counts in the throughput a Progress reports, which is then
// what the engine trains in wall-clock time.
func (e *Engine) Rest(worked time.Duration) time.Duration {
	p := e.pace
	if p.Rest == 0 || p.Turns > 1 || worked <= 0 {
		return 0
	}
	r := worked * time.Duration(p.Rest) / time.Duration(100-int(p.Rest))
	e.speedTime += r
	return r
}
