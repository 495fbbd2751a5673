package client

import (
	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// Pair is the page's conversation with its engine (A) and, while the page
// compares LSTM and RNN, with a second engine (B) that trains the other cell
// on the same data, seed and size. The data, the settings and the training
// intents go to both; each engine's replies go to its own Conn.
type Pair struct {
	A *Conn // the page's engine
	B *Conn // the second engine, or nil

	mode    lstm.Kind // the training data last stated
	text    string
	hasText bool

	lrB float64 // the second engine's own learning rate; 0: A's

	// Cores is the machine's number of logical processors
	// (navigator.hardwareConcurrency; 0: unknown), by which the engines of a
	// comparison rest (Rest).
	Cores int
}

// NewPair returns the conversation with the page's engine, which post sends to.
func NewPair(post func([]byte)) *Pair { return &Pair{A: New(post)} }

// Text returns the training data last stated, and false if none was.
func (p *Pair) Text() (lstm.Kind, string, bool) { return p.mode, p.text, p.hasText }

// Compare starts the conversation with a second engine, which post sends to.
// It gets the data, the settings (with the other cell) and, if A trains,
// Train as soon as it says Ready (ReceiveB).
func (p *Pair) Compare(post func([]byte)) *Conn {
	p.B = New(post)
	return p.B
}

// StopCompare forgets the second engine; the page's engine goes back to the
// pace of one.
func (p *Pair) StopCompare() {
	p.B = nil
	p.pace()
}

// OtherCell returns the cell that is not c: the second engine's.
func OtherCell(c lstm.Cell) lstm.Cell {
	if c == lstm.CellRNN {
		return lstm.CellLSTM
	}
	return lstm.CellRNN
}

// ReceiveB takes a message of the second engine. When it says Ready, it gets
// A's settings with the other cell, the data, and Train if A trains (held
// until it has taken the data), and both engines the pace of two (Rest).
func (p *Pair) ReceiveB(b []byte) (Reply, error) {
	if p.B == nil {
		return Reply{}, nil
	}
	r, err := p.B.Receive(b)
	if err != nil || r.Msg == nil || r.Msg.Type() != protocol.TypeReady {
		return r, err
	}
	p.configB(p.A.Want())
	if p.hasText {
		p.B.SetText(p.mode, p.text)
	}
	if p.A.Running {
		p.B.Train()
	}
	p.pace()
	return r, nil
}

// configB gives the second engine cfg with the other cell (and its own
// learning rate, if it has one).
func (p *Pair) configB(cfg lstm.Config) {
	cfg.Cell = OtherCell(cfg.Cell)
	p.B.SetConfig(p.ownLR(cfg))
}

// ownLR returns cfg with the second engine's learning rate, if it has one.
func (p *Pair) ownLR(cfg lstm.Config) lstm.Config {
	if p.lrB > 0 {
		cfg.LearningRate = p.lrB
	}
	return cfg
}

// SetLRB gives the second engine a learning rate of its own (0: the same as
// the page's engine), so that each model of a comparison can train at its
// best: the plain RNN collapses at a rate the LSTM thrives on (issue 15). A
// rate outside lstm's range is refused (false). It applies at once if the
// second engine is ready, else when it is.
func (p *Pair) SetLRB(lr float64) bool {
	if lr != 0 && !(lr >= lstm.MinLR && lr <= lstm.MaxLR) {
		return false
	}
	p.lrB = lr
	if p.B != nil && p.B.Ready {
		p.B.SetLive(p.ownLR(p.A.Want()))
	}
	return true
}

// LRB returns the second engine's own learning rate, 0 if it has A's.
func (p *Pair) LRB() float64 { return p.lrB }

// each runs f on A and, if there is one, on B.
func (p *Pair) each(f func(c *Conn)) {
	f(p.A)
	if p.B != nil && p.B.Ready {
		f(p.B)
	}
}

// SetText gives both engines new training data.
func (p *Pair) SetText(mode lstm.Kind, text string) {
	p.mode, p.text, p.hasText = mode, text, true
	p.each(func(c *Conn) { c.SetText(mode, text) })
}

// SetConfig gives both engines the configuration, the second with the other cell.
func (p *Pair) SetConfig(cfg lstm.Config) {
	p.A.SetConfig(cfg)
	if p.B != nil && p.B.Ready {
		p.configB(cfg)
	}
}

// SetLive changes both engines' live settings.
func (p *Pair) SetLive(cfg lstm.Config) {
	p.A.SetLive(cfg)
	if p.B != nil && p.B.Ready {
		p.B.SetLive(p.ownLR(cfg))
	}
}

// Train starts both engines training.
func (p *Pair) Train() { p.each(func(c *Conn) { c.Train() }) }

// Pause stops both.
func (p *Pair) Pause() { p.each(func(c *Conn) { c.Pause() }) }

// Step trains one update in both.
func (p *Pair) Step() { p.each(func(c *Conn) { c.Step() }) }

// Reset gives both a fresh model.
func (p *Pair) Reset() { p.each(func(c *Conn) { c.Reset() }) }
