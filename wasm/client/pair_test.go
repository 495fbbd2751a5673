package client

import (
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// TestPairFanOut: the second engine of a comparison gets the data, the
// settings with the other cell and Train as soon as it is ready; then every
// training intent goes to both, and each engine's replies change only its
// own Conn.
func TestPairFanOut(t *testing.T) {
	a := newLink(t)
	p := &Pair{A: a.c}
	a.read()
	p.SetConfig(smallConfig())
	p.SetText(lstm.Text, text)
	p.Train()
	a.settle()
	a.work(2)
	a.read()

	b := newLink(t)
	b.c = p.Compare(b.post)
	b.recv = p.ReceiveB
	b.read() // Ready: the data, the settings and Train go
	if got := b.sent(); len(got) != 2 || got[0] != protocol.TypeSetConfig || got[1] != protocol.TypeSetData || !b.c.Running {
		t.Fatalf("the second engine got %v at Ready, want SetConfig, SetData (Train held)", got)
	}
	b.settle()
	if b.c.Cfg.Cell != lstm.CellRNN || !b.c.HasData || !b.e.Running() || !b.c.Running {
		t.Fatalf("the second engine: cell %v, data %v, training %v/%v", b.c.Cfg.Cell, b.c.HasData, b.e.Running(), b.c.Running)
	}
	b.work(1)
	b.read()
	if a.c.Cfg.Cell != lstm.CellLSTM || a.c.Update == b.c.Update {
		t.Errorf("the engines' replies mixed: A %v at update %d, B %v at update %d", a.c.Cfg.Cell, a.c.Update, b.c.Cfg.Cell, b.c.Update)
	}

	p.Pause()
	a.settle()
	b.settle()
	if a.e.Running() || b.e.Running() || a.c.Running || b.c.Running {
		t.Error("Pause did not reach both engines")
	}
	genA, genB := a.c.Gen, b.c.Gen
	p.Reset()
	a.settle()
	b.settle()
	if a.c.Gen != genA+1 || b.c.Gen != genB+1 || a.c.Update != 0 || b.c.Update != 0 {
		t.Errorf("Reset: models %d→%d and %d→%d", genA, a.c.Gen, genB, b.c.Gen)
	}
	c := smallConfig()
	c.LearningRate = 0.02
	p.SetLive(c)
	p.SetText(lstm.Text, "another text, another model")
	a.settle()
	b.settle()
	if a.c.Cfg.LearningRate != 0.02 || b.c.Cfg.LearningRate != 0.02 || a.c.Status.Length != b.c.Status.Length || b.c.Cfg.Cell != lstm.CellRNN {
		t.Errorf("settings and data: A %+v, B %+v", a.c.Status, b.c.Status)
	}
	p.StopCompare()
	p.Train()
	if got := b.sent(); len(got) != 0 {
		t.Errorf("a stopped comparison still got %v", got)
	}
}

// TestPairOwnLearningRate: in a comparison the second engine can train at a
// learning rate of its own, given before it is ready or while it trains;
// the page's engine keeps its own, and later settings keep B's rate.
func TestPairOwnLearningRate(t *testing.T) {
	a := newLink(t)
	p := &Pair{A: a.c}
	a.read()
	p.SetConfig(smallConfig())
	p.SetText(lstm.Text, text)
	a.settle()
	if p.SetLRB(2) || p.SetLRB(-1) || p.LRB() != 0 {
		t.Fatalf("a rate out of range was taken: %v", p.LRB())
	}
	if !p.SetLRB(0.001) {
		t.Fatal("0.001 refused")
	}
	b := newLink(t)
	b.c = p.Compare(b.post)
	b.recv = p.ReceiveB
	b.read()
	b.settle()
	if b.c.Cfg.LearningRate != 0.001 || a.c.Cfg.LearningRate != smallConfig().LearningRate {
		t.Fatalf("at Ready: A %v, B %v", a.c.Cfg.LearningRate, b.c.Cfg.LearningRate)
	}
	c := smallConfig()
	c.LearningRate, c.Clip = 0.03, 2
	p.SetLive(c)
	a.settle()
	b.settle()
	if a.c.Cfg.LearningRate != 0.03 || b.c.Cfg.LearningRate != 0.001 || b.c.Cfg.Clip != 2 {
		t.Errorf("SetLive: A %v, B %v (clip %v)", a.c.Cfg.LearningRate, b.c.Cfg.LearningRate, b.c.Cfg.Clip)
	}
	p.SetLRB(0.0003)
	b.settle()
	if b.c.Cfg.LearningRate != 0.0003 {
		t.Errorf("SetLRB while ready: B %v", b.c.Cfg.LearningRate)
	}
	p.SetLRB(0)
	b.settle()
	if b.c.Cfg.LearningRate != 0.03 {
		t.Errorf("back to A's rate: B %v", b.c.Cfg.LearningRate)
	}
}
