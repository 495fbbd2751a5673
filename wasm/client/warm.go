package client

import "lstmplayground/wasm/protocol"

// Warm asks the engine to warm its training code for millis milliseconds
// (protocol.Warm), answered with Status for tag; it returns the request's ID.
// The engine takes its messages in order: a Warm sent after SetData warms
// with that data's model, and one the engine cannot use (no data, or
// training under way) is answered at once.
func (c *Conn) Warm(tag Tag, millis uint32) uint32 {
	return c.send(protocol.Warm{Millis: millis}, tag, false)
}
