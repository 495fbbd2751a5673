package engine

import "time"

// Rest returns how long the engine rests after a chunk of training that took
// worked, so that resting takes the share of its time the last SetPace asked
// for (0: no rest, the engine goes on at once). SetPace takes effect from the
// next chunk. The rest counts in the throughput a Progress reports, which is
// then what the engine trains in wall-clock time.
func (e *Engine) Rest(worked time.Duration) time.Duration {
	if e.rest == 0 || worked <= 0 {
		return 0
	}
	r := worked * time.Duration(e.rest) / time.Duration(100-int(e.rest))
	e.speedTime += r
	return r
}
