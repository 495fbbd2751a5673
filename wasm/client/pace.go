package client

import "lstmplayground/wasm/protocol"

// Rest returns the share of its time, in percent, each training engine
// rests (protocol.SetPace) when the page runs engines of them on a machine
// with cores logical processors (navigator.hardwareConcurrency; 0: unknown).
//
// The rule: when the page runs two engines or more (a comparison) and the
// machine has no more cores than that (cores ≤ engines, such as a comparison
// on a two-core laptop), the engines share four fifths of cores−1 of them and
// leave the rest to the page, which paints them, and to the browser, which
// composites what it painted: each trains 4/5 × (cores−1)/engines of its time
// (40 % on two cores), and rests the rest (at most protocol.MaxRest). With
// all of cores−1 (50 % each on two cores) about one frame in sixty missed its
// vsync while both trained; with four fifths, one in a hundred or fewer. One
// engine alone, or engines with a core to spare, never rest: they train as
// fast as they can.
func Rest(cores, engines int) uint8 {
	if engines < 2 || cores <= 0 || cores > engines {
		return 0
	}
	return uint8(min(100-80*(cores-1)/engines, protocol.MaxRest))
}

// SetPace asks the engine to rest (see Rest) and to take its turn among
// others, unless it was last asked for the same; it returns the request's ID,
// or 0 if nothing was sent.
func (c *Conn) SetPace(pace protocol.SetPace) uint32 {
	pace.ID = 0
	if pace == c.pace {
		return 0
	}
	id := c.send(pace, TagNone, false)
	if id != 0 {
		c.pace = pace
	}
	return id
}

// pace asks each engine for the rest of the rule (Rest) for the engines the
// page runs now; engines that rest take turns (protocol.SetPace's Turn), so
// that they never train at the same time.
func (p *Pair) pace() {
	n := 1
	if p.B != nil {
		n = 2
	}
	rest := Rest(p.Cores, n)
	var turn uint8
	p.each(func(c *Conn) {
		m := protocol.SetPace{Rest: rest}
		if rest > 0 {
			m.Turn, m.Turns = turn, uint8(n)
		}
		turn++
		c.SetPace(m)
	})
}
