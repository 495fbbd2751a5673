// Package client is the page's side of the conversation with the training
// engine, in pure Go (no syscall/js), so that it is tested natively and under
// WebAssembly against an in-process engine.Engine.
//
// A Conn is the conversation with one engine. The page states intents
// (SetText, SetConfig, Train, Trace, Export, …); each becomes a request with
// the next ID, kept in the pending table with who asked (a Tag) until its
// last reply. Receive takes the engine's bytes and returns a Reply that names
// the request it answers and says whether it is about the current model —
// by the ID and the model generation, never guessed from the contents — and
// it updates what the page knows of the engine: its model generation, status,
// training figures and loss history (the fields of Conn). A Pair states the
// training intents to two engines at once (LSTM beside RNN).
//
// Conn is not safe for concurrent use: the page calls it from JavaScript
// callbacks, which run one at a time.
package client

import (
	"errors"
	"strconv"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// Tag says which part of the page asked, so that a reply goes back to it. The
// page defines its tags; TagNone is the page's own training and settings.
type Tag uint8

// TagNone marks the intents that need no owner: settings, data, training.
const TagNone Tag = 0

// VersionError reports an engine that speaks another protocol version (a page
// and an engine of different deploys, such as a cached engine after an
// update): nothing it says can be understood. The page says so and offers a
// reload.
type VersionError struct {
	Page, Engine uint8 // the protocol versions of the page and of the engine
}

func (e *VersionError) Error() string {
	return "client: the engine speaks protocol version " + strconv.Itoa(int(e.Engine)) + ", the page version " + strconv.Itoa(int(e.Page))
}

// Reply is one message of the engine, placed in the conversation.
type Reply struct {
	Msg protocol.Message // the message
	Req protocol.Message // the request it answers (with its ID); nil for the engine's own messages
	Tag Tag              // who asked
	// Done: the request has had its last reply and is no longer pending.
	Done bool
	// NewModel: Msg is the first word of a model generation past every one
	// before (new data, a new architecture, Reset, Import).
	NewModel bool
	// Stale: Msg is about a model that is gone or going (its generation is
	// not the current one, or a Reset or Import asked after its request is
	// under way). Its content is not the current model's; the request is
	// answered all the same.
	Stale bool
}

// pending is a request under way.
type pending struct {
	req  protocol.Message
	tag  Tag
	seq  uint64 // the order it was sent in
	left int    // replies still due
	// replaces: the request makes a new model (Reset, Import, a new
	// architecture); what the engine says before its answer is of the old.
	replaces bool
}

// Conn is the conversation with one engine and what it has said.
type Conn struct {
	post    func([]byte)
	nextID  uint32
	seq     uint64
	pending map[uint32]*pending
	dataID  uint32             // the SetData under way, whose answer held training waits for (0: none)
	base    uint32             // the generations of the engines before this one (Restart)
	held    []protocol.Request // Train or Step held until that SetData is answered
	pace    protocol.SetPace   // what the engine was last asked for (SetPace, without its ID); a new engine rests not

	Ready    bool          // the engine said Ready, in this protocol version
	Engine   string        // the engine's version, from Ready
	Mismatch *VersionError // the engine speaks another protocol version (nil: it does not, or has not spoken)
	SendErr  error         // the last request that could not be encoded (a bug), or nil

	// Gen is the current model's generation (0: no model yet). It counts on
	// across engine restarts: the Gen of every message Receive returns is
	// the engine's plus those of the engines before it, so that a model of
	// a new engine is never taken for one of the old.
	Gen         uint32
	Status      protocol.Status // the engine's last Status
	Cfg         lstm.Config     // the configuration the engine has (before its first Status: the page's)
	HasData     bool            // the engine has training data
	Running     bool            // training runs, as the person asked (Train, Pause) or the engine last said
	Training    bool            // the engine's own word: its last Progress said it trains
	Update      uint64          // the model's update count
	Loss        float64         // the loss of the last update
	HasLoss     bool            // Loss is set
	CharsPerSec float64         // training throughput
	GradNorm    float64         // the last gradient's norm
	Losses      LossHistory     // every update's loss since the model was made
	ModelReset  bool            // the model was replaced since the person last trained it
	// Stopped is why training stopped by itself (a divergence, a bug), until
	// the page has said so and cleared it; nil otherwise.
	Stopped *protocol.Error
}

// New returns the conversation with an engine that post sends bytes to.
func New(post func([]byte)) *Conn {
	return &Conn{post: post, pending: map[uint32]*pending{}, Cfg: lstm.DefaultConfig()}
}

// Restart forgets the engine that was and talks to a new one through post
// (the page started a new worker): every request under way is dropped
// unanswered, and nothing is known of the new engine until it speaks. The
// loss history stays for the page to restore.
func (c *Conn) Restart(post func([]byte)) {
	c.post = post
	clear(c.pending)
	c.dataID, c.held, c.pace = 0, nil, protocol.SetPace{}
	c.base = max(c.base, c.Gen)
	c.Ready, c.Mismatch, c.Gen = false, nil, 0
	c.Status, c.HasData, c.Running, c.Training = protocol.Status{}, false, false, false
}

// send gives m the next ID, records it as pending for tag (replaces: m makes
// a new model) and posts it; it returns the ID (0 if m could not be encoded:
// SendErr says why).
func (c *Conn) send(m protocol.Request, tag Tag, replaces bool) uint32 {
	c.nextID++
	if c.nextID == 0 {
		c.nextID = 1
	}
	id := c.nextID
	m = m.WithID(id)
	b, err := protocol.Encode(m)
	if err != nil {
		c.SendErr = err
		return 0
	}
	c.seq++
	left := 1
	if m.Type() == protocol.TypeSnapAt {
		left = 2
	}
	c.pending[id] = &pending{req: m, tag: tag, seq: c.seq, left: left, replaces: replaces}
	c.post(b)
	return id
}

// Waiting reports whether a request of tag is under way.
func (c *Conn) Waiting(tag Tag) bool {
	for _, p := range c.pending {
		if p.tag == tag {
			return true
		}
	}
	return false
}

// Pending returns the number of requests under way.
func (c *Conn) Pending() int { return len(c.pending) }

// Forget gives up the requests of tag under way: their replies are dropped.
func (c *Conn) Forget(tag Tag) {
	for id, p := range c.pending {
		if p.tag == tag {
			delete(c.pending, id)
		}
	}
}

// ErrNotReply is returned for a message that goes to the engine, not from it.
var ErrNotReply = errors.New("client: the engine sent a request message")

// Receive takes one message of the engine. It returns the Reply, or a zero
// Reply (Msg nil) for a message it drops: a reply to no request under way
// (given up with Forget, or of an engine since restarted). A message of
// another protocol version is a *VersionError (also kept in Mismatch),
// whatever else is in it; bytes that do not decode are a
// *protocol.DecodeError.
func (c *Conn) Receive(b []byte) (Reply, error) {
	if v, ok := protocol.HeaderVersion(b); ok && v != protocol.Version {
		c.Mismatch = &VersionError{Page: protocol.Version, Engine: v}
		return Reply{}, c.Mismatch
	}
	m, err := protocol.Decode(b)
	if err != nil {
		return Reply{}, err
	}
	if m.Type().ToEngine() {
		return Reply{}, ErrNotReply
	}
	return c.place(m), nil
}

// place puts m in the conversation and learns from it.
func (c *Conn) place(m protocol.Message) Reply {
	r := Reply{Msg: m}
	var p *pending
	if id := protocol.IDOf(m); id != 0 {
		if p = c.pending[id]; p == nil {
			return Reply{}
		}
		r.Req, r.Tag = p.req, p.tag
		p.left--
		if r.Done = p.left == 0; r.Done {
			delete(c.pending, id)
		}
	}
	if ready, ok := m.(protocol.Ready); ok {
		c.Ready, c.Engine = true, ready.Engine
		return r
	}
	if mr, ok := m.(protocol.ModelReply); ok {
		gen := mr.Generation()
		if gen != 0 {
			gen += c.base
			m = mr.WithGen(gen)
			r.Msg = m
		}
		if gen > c.Gen {
			r.NewModel = true
			c.newModel(gen)
			if p != nil && p.replaces {
				c.Training = false // Reset, Import and a new architecture stop training
			}
		}
		var seq uint64 // the engine's own messages: any replacement under way
		if p != nil {
			seq = p.seq
		}
		r.Stale = gen != c.Gen || c.replacing(seq)
	}
	if !r.Stale {
		c.learn(m, p)
	}
	if p != nil && protocol.IDOf(m) == c.dataID {
		c.dataAnswered(m)
	}
	return r
}

// replacing reports whether a request that makes a new model (Reset,
// Import, a new architecture) sent after the request of seq is under way:
// the request's answer is about a model that is going.
func (c *Conn) replacing(seq uint64) bool {
	for _, q := range c.pending {
		if q.seq > seq && q.replaces {
			return true
		}
	}
	return false
}

// newModel starts the figures of model generation gen afresh.
func (c *Conn) newModel(gen uint32) {
	if c.Update > 0 {
		c.ModelReset = true
	}
	c.Gen = gen
	c.Losses.Reset()
	c.Loss, c.HasLoss = 0, false
	c.Update = 0
}

// learn updates what the page knows from a message about the current model;
// p is the request it answers, or nil.
func (c *Conn) learn(m protocol.Message, p *pending) {
	switch m := m.(type) {
	case protocol.Status:
		if c.Losses.Len() == 0 {
			c.Losses.First = m.Updates + 1
		}
		c.Update = m.Updates
		c.Status, c.Cfg, c.HasData = m, m.Config, m.Length > 0
	case protocol.Progress:
		c.progress(m)
	case protocol.Error:
		c.refused(m, p)
	}
}

// progress takes a Progress about the current model.
func (c *Conn) progress(m protocol.Progress) {
	if m.Running {
		c.ModelReset = false
	}
	c.Losses.Add(m.Update, m.Losses)
	// The engine's word on running is news only when nothing the person
	// asked about training is under way (a Progress sent before a Train
	// arrived must not stop the Train button).
	if m.ID != 0 || !c.trainingAsked() {
		c.Running = m.Running
	}
	c.Training = m.Running
	c.Update = m.Update
	if len(m.Losses) > 0 { // a loaded model's first Progress has no loss to tell
		c.Loss, c.HasLoss = m.Loss, m.Update > 0
	}
	c.CharsPerSec, c.GradNorm = m.CharsPerSec, m.GradNorm
	if !m.Running {
		c.CharsPerSec = 0
	}
}

// trainingAsked reports whether a Train, Pause or Step is under way or held.
func (c *Conn) trainingAsked() bool {
	if len(c.held) > 0 {
		return true
	}
	for _, p := range c.pending {
		switch p.req.Type() {
		case protocol.TypeTrain, protocol.TypePause, protocol.TypeStep:
			return true
		}
	}
	return false
}

// refused takes an Error about the current model: one that stops training
// (a divergence, a bug, training asked of no data) says so in Stopped.
func (c *Conn) refused(m protocol.Error, p *pending) {
	stops := m.Code == protocol.CodeDiverged || m.Code == protocol.CodeInternal
	if m.Code == protocol.CodeNotReady && (p == nil || p.req.Type() == protocol.TypeTrain || p.req.Type() == protocol.TypeStep) {
		stops = true
	}
	if !stops {
		return
	}
	if c.Running || c.Training {
		c.Stopped = &m
	}
	c.Running, c.Training = false, false
}

// dataAnswered sends the training held for the SetData under way, once the
// engine took the data, or drops it if the engine refused the data.
func (c *Conn) dataAnswered(m protocol.Message) {
	c.dataID = 0
	held := c.held
	c.held = nil
	if _, refused := m.(protocol.Error); refused {
		if len(held) > 0 {
			c.Running = false
		}
		return
	}
	for _, h := range held {
		c.send(h, TagNone, false)
	}
}

// DataUnderWay reports whether new training data is on its way to the engine
// (Train and Step wait for its answer).
func (c *Conn) DataUnderWay() bool { return c.dataID != 0 }
