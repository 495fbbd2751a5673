package client

import "lstmplayground/wasm/protocol"

// SlowStep makes one update, as Step does, and asks for its record: a
// SlowStepResult for tag, then the engine's Progress. It is for a paused
// model only: while training runs (or new data is on its way) it sends
// nothing and returns 0.
func (c *Conn) SlowStep(tag Tag) uint32 {
	if c.Running || c.dataID != 0 {
		return 0
	}
	return c.send(protocol.SlowStep{}, tag, false)
}
