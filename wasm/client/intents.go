package client

import (
	"cmp"
	"slices"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// This file holds the intents: what the person (or the page on their behalf)
// asks of the engine. Each returns the request's ID, or 0 if nothing was sent.

// SetText gives the engine new training data, as typed. Train and Step stated
// before the engine answers wait for the answer: they go once it took the
// data, and not at all if it refused it.
func (c *Conn) SetText(mode lstm.Kind, text string) uint32 {
	id := c.send(protocol.SetData{Mode: mode, Text: text}, TagNone, false)
	if id != 0 {
		c.dataID = id
	}
	return id
}

// SetConfig replaces the configuration. One that changes the architecture
// (Resets) makes a new model and stops training.
func (c *Conn) SetConfig(cfg lstm.Config) uint32 {
	resets := Resets(c.Want(), cfg)
	if resets {
		c.Running = false
		c.held = nil
	}
	return c.send(protocol.SetConfig{Config: cfg}, TagNone, resets)
}

// Resets reports whether changing the configuration from a to b makes a new
// model: a new cell, size, seed or forget-gate bias. The engine applies the
// rest (learning rate, optimizer, clipping, sequence length) to the model it has.
func Resets(a, b lstm.Config) bool {
	return a.Cell != b.Cell || a.Layers != b.Layers || a.Hidden != b.Hidden || a.Seed != b.Seed || a.Init != b.Init || a.ForgetBias != b.ForgetBias
}

// SetLive changes the settings that take effect from the next update.
func (c *Conn) SetLive(cfg lstm.Config) uint32 {
	return c.send(protocol.SetLive{LearningRate: cfg.LearningRate, Optimizer: cfg.Optimizer, Momentum: cfg.Momentum,
		Clip: cfg.Clip, ClipMode: cfg.ClipMode}, TagNone, false)
}

// Want returns the configuration as the page last asked for it: the
// engine's (Cfg, from its last Status) with the settings requests still
// under way applied over it in the order they were sent, which is the order
// the engine applies them in. The page builds each change from it, so that
// a change made while another is under way keeps the other: a Status that
// answers the first was written before the engine saw the second.
func (c *Conn) Want() lstm.Config {
	var asked []*pending
	for _, p := range c.pending {
		switch p.req.(type) {
		case protocol.SetConfig, protocol.SetLive:
			asked = append(asked, p)
		}
	}
	slices.SortFunc(asked, func(a, b *pending) int { return cmp.Compare(a.seq, b.seq) })
	cfg := c.Cfg
	for _, p := range asked {
		switch m := p.req.(type) {
		case protocol.SetConfig:
			cfg = m.Config
		case protocol.SetLive:
			cfg.LearningRate, cfg.Optimizer, cfg.Momentum, cfg.Clip, cfg.ClipMode = m.LearningRate, m.Optimizer, m.Momentum, m.Clip, m.ClipMode
		}
	}
	return cfg
}

// Train starts training.
func (c *Conn) Train() uint32 {
	c.Running, c.ModelReset, c.Stopped = true, false, nil
	return c.training(protocol.Train{})
}

// Step trains one update.
func (c *Conn) Step() uint32 {
	c.Running = false
	return c.training(protocol.Step{})
}

// training sends Train or Step, or holds it while new data is under way; a
// held request has no ID yet (0).
func (c *Conn) training(m protocol.Request) uint32 {
	if c.dataID != 0 {
		c.held = append(c.held[:0], m)
		return 0
	}
	return c.send(m, TagNone, false)
}

// Pause stops training; a held Train or Step is dropped.
func (c *Conn) Pause() uint32 {
	c.Running, c.held = false, nil
	return c.send(protocol.Pause{}, TagNone, false)
}

// Reset replaces the model with a fresh one.
func (c *Conn) Reset() uint32 {
	c.Running, c.held = false, nil
	return c.send(protocol.Reset{}, TagNone, true)
}

// Import replaces the model with one read from a model file; training stops.
func (c *Conn) Import(tag Tag, file []byte) uint32 {
	c.Running, c.held = false, nil
	return c.send(protocol.Import{File: file}, tag, true)
}

// Export asks for the model file.
func (c *Conn) Export(tag Tag) uint32 { return c.send(protocol.Export{}, tag, false) }

// Trace asks for a trace of probe, with interventions (clamps) if any.
func (c *Conn) Trace(tag Tag, probe string, ivs []lstm.Intervention) uint32 {
	return c.send(protocol.Trace{Probe: probe, Interventions: ivs}, tag, false)
}

// Sample asks for count characters (or values) generated after prime.
func (c *Conn) Sample(tag Tag, prime string, count int, temperature float64, seed uint64) uint32 {
	return c.send(protocol.Sample{Prime: prime, Count: count, Temperature: temperature, Seed: seed}, tag, false)
}

// Reach asks how far back the gradient reaches.
func (c *Conn) Reach(tag Tag) uint32 { return c.send(protocol.Reach{}, tag, false) }

// SnapAt asks for a trace and a sample of the model right after update at;
// it is answered twice (the trace, then the sample), with Done on the second.
func (c *Conn) SnapAt(tag Tag, m protocol.SnapAt) uint32 { return c.send(m, tag, false) }

// Diagnose asks the engine for its Diagnostics. The page sends it as the hang
// question: an engine that answers nothing, not even this, within the page's
// deadline is declared hung. The reply needs no owner.
func (c *Conn) Diagnose() uint32 { return c.send(protocol.Diagnose{}, TagNone, false) }
