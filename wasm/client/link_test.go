package client

import (
	"bytes"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/engine"
	"lstmplayground/wasm/protocol"
)

// link joins a Conn to an in-process engine.Engine through bytes, as the
// worker does, with a queue each way: the test decides when the engine takes
// what the page sent and when the page reads what the engine answered, so
// that it can hold replies back and reach the orderings of a real page.
type link struct {
	t        *testing.T
	e        *engine.Engine
	c        *Conn
	toEngine [][]byte
	toPage   [][]byte
	now      time.Time
	recv     func([]byte) (Reply, error) // the page's receiver: c.Receive, or a Pair's ReceiveB
}

var t0 = time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)

// newLink starts an engine and its conversation; the engine's Ready waits in
// the page's queue.
func newLink(t *testing.T) *link {
	l := &link{t: t, e: engine.New(), now: t0}
	l.c = New(l.post)
	l.reply(l.e.Ready())
	return l
}

func (l *link) post(b []byte) { l.toEngine = append(l.toEngine, bytes.Clone(b)) }

// reply queues the engine's messages for the page.
func (l *link) reply(ms ...protocol.Message) {
	for _, m := range ms {
		b, err := protocol.Encode(m)
		if err != nil {
			l.t.Fatalf("the engine's %T does not encode: %v", m, err)
		}
		l.toPage = append(l.toPage, b)
	}
}

// engineTakes has the engine handle every request waiting for it, in order.
func (l *link) engineTakes() {
	for len(l.toEngine) > 0 {
		b := l.toEngine[0]
		l.toEngine = l.toEngine[1:]
		l.reply(l.e.HandleBytes(b, l.now)...)
	}
}

// work has a running engine train n chunks of a few updates each.
func (l *link) work(n int) {
	for range n {
		clock := func() time.Time { l.now = l.now.Add(100 * time.Microsecond); return l.now }
		l.reply(l.e.WorkSafely(l.now.Add(time.Millisecond), clock)...)
		l.now = l.now.Add(engine.ProgressInterval) // the next chunk sends a Progress
	}
}

// read has the page take every reply waiting for it and returns them.
func (l *link) read() []Reply {
	var out []Reply
	for len(l.toPage) > 0 {
		b := l.toPage[0]
		l.toPage = l.toPage[1:]
		recv := l.c.Receive
		if l.recv != nil {
			recv = l.recv
		}
		r, err := recv(b)
		if err != nil {
			l.t.Fatalf("Receive: %v", err)
		}
		if r.Msg != nil {
			out = append(out, r)
		}
	}
	return out
}

// settle runs both sides until nothing is waiting.
func (l *link) settle() []Reply {
	var out []Reply
	for len(l.toEngine) > 0 || len(l.toPage) > 0 {
		l.engineTakes()
		out = append(out, l.read()...)
	}
	return out
}

// sent returns the types of the requests waiting for the engine.
func (l *link) sent() []protocol.Type {
	var ts []protocol.Type
	for _, b := range l.toEngine {
		m, err := protocol.Decode(b)
		if err != nil {
			l.t.Fatal(err)
		}
		ts = append(ts, m.Type())
	}
	return ts
}

func smallConfig() lstm.Config {
	c := lstm.DefaultConfig()
	c.Hidden, c.SeqLen = 8, 8
	return c
}

const text = "hello world, hello lstm"

// started returns a link whose engine has the small configuration and the text.
func started(t *testing.T) *link {
	l := newLink(t)
	l.read()
	l.c.SetConfig(smallConfig())
	l.c.SetText(lstm.Text, text)
	l.settle()
	if !l.c.Ready || !l.c.HasData || l.c.Gen != 1 || l.c.Status.Params == 0 {
		t.Fatalf("after start: ready %v, data %v, model %d, params %d", l.c.Ready, l.c.HasData, l.c.Gen, l.c.Status.Params)
	}
	return l
}

// answer returns the reply in rs that answers id (and is its last), failing
// if there is none, or if a reply placed as an answer to id is of another
// request or of a type that does not answer it.
func answer(t *testing.T, rs []Reply, id uint32) Reply {
	t.Helper()
	for _, r := range rs {
		if r.Req == nil || protocol.IDOf(r.Req) != id {
			continue
		}
		if got := protocol.IDOf(r.Msg); got != id || !answers(r.Req.Type(), r.Msg.Type()) {
			t.Fatalf("request %d (%v) was answered by %v %d", id, r.Req.Type(), r.Msg.Type(), got)
		}
		if r.Done {
			return r
		}
	}
	t.Fatalf("no reply answers request %d among %d replies", id, len(rs))
	return Reply{}
}

// answers reports whether a message of type reply answers a request of type req.
func answers(req, reply protocol.Type) bool {
	if reply == protocol.TypeError {
		return true
	}
	switch req {
	case protocol.TypeSetData, protocol.TypeSetConfig, protocol.TypeSetLive, protocol.TypeReset, protocol.TypeImport:
		return reply == protocol.TypeStatus
	case protocol.TypeTrain, protocol.TypePause, protocol.TypeStep:
		return reply == protocol.TypeProgress
	case protocol.TypeTrace:
		return reply == protocol.TypeTraceResult
	case protocol.TypeSample:
		return reply == protocol.TypeSampleResult
	case protocol.TypeSnapAt:
		return reply == protocol.TypeTraceResult || reply == protocol.TypeSampleResult
	case protocol.TypeReach:
		return reply == protocol.TypeReachResult
	case protocol.TypeExport:
		return reply == protocol.TypeModelFile
	case protocol.TypeSlowStep:
		return reply == protocol.TypeSlowStepResult
	}
	return false
}
