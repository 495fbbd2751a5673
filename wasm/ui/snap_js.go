//go:build js && wasm

package ui

import (
	"slices"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
)

// This file is the second time axis: while a model trains, the page keeps its
// trace of the probe and a short sample at updates 0, 100, 300, 1,000,
// 3,000, … (NextSnapshot), so that a student can scrub back through training
// with the Training snapshot slider and read the samples side by side.

// maxSnapshots is the most snapshots kept (the first and the newest stay).
const maxSnapshots = 16

// Snapshot samples: short, with a fixed seed and temperature, so that they
// differ only by what the model learnt.
const (
	snapSampleText    = 70
	snapSampleNumbers = 16
	snapTemperature   = 0.5
	snapSeed          = 7
)

// snapshot is the model as it was at one update.
type snapshot struct {
	update uint64
	trace  *protocol.TraceResult
	sample string
	failed string // why there is no sample
}

// snaps is the page's list of snapshots.
type snaps struct {
	list []snapshot
	next int64  // the update of the next snapshot to ask for; −1: one at once
	gen  uint32 // the model generation of the list
	// adopt: the snapshots asked are for the model a Reset just sent will
	// make (snapRestart); the list takes the next generation as its own.
	adopt  bool
	asked  []snapAsk // snapshots asked for and not yet complete, in the order asked
	pinned int       // index of the snapshot shown, −1 for the live model
}

// snapAhead is how many snapshots the page keeps asked for: the next one is
// waiting in the engine before the current one is due, so that a fast model
// does not run past it during a round trip.
const snapAhead = 2

// snapAsk is a snapshot asked for with SnapAt: its request ID and what has
// come back so far.
type snapAsk struct {
	id uint32
	snapshot
}

// snapCheck keeps snapAhead snapshots asked for at the next updates of the
// list (0, 100, 300, 1,000, …), and starts the list anew for a new model. The
// engine answers each as training passes its update (at once for a model
// already there), so each snapshot shows exactly the update it names.
func (a *app) snapCheck() {
	s, st := &a.snap, a.st
	if !st.HasData || st.Status.Params == 0 || a.failed || a.sentText == "" {
		return
	}
	if s.gen != st.Gen && s.adopt {
		s.gen, s.adopt = st.Gen, false // asked already, after the Reset that made it
	}
	if s.gen != st.Gen {
		s.gen = st.Gen
		a.snapClear()
	}
	a.snapAsk()
}

// snapClear starts the list anew: the snapshots asked of the old model are
// forgotten (the engine answers them with errors).
func (a *app) snapClear() {
	s := &a.snap
	s.list = s.list[:0]
	s.asked = s.asked[:0]
	a.st.Forget(tagSnap)
	s.next = -1
	a.unpin()
	a.invalidate(DirtySnap)
}

// snapRestart asks for the snapshots of the model that the Reset just sent
// will make, before anything else is sent: when Train follows the Reset at
// once (Compare), a fast model would be past update 100 by the time the page
// heard of it, and the snapshots at 0 and 100 would be lost.
func (a *app) snapRestart() {
	if !a.st.HasData || a.st.Status.Params == 0 || a.failed || a.sentText == "" {
		return
	}
	a.snapClear()
	a.snap.adopt = true
	// One more than usual (0, 100 and 300): the page hears of the new model
	// only after both engines have started training it.
	a.snapAskFrom(0, snapAhead+1)
}

// snapAsk keeps snapAhead snapshots asked for.
func (a *app) snapAsk() { a.snapAskFrom(int64(a.st.Update), snapAhead) }

// snapAskFrom keeps ahead snapshots asked for (at most protocol.MaxSnapAts),
// the next past update.
func (a *app) snapAskFrom(update int64, ahead int) {
	s, st := &a.snap, a.st
	probe, _ := content.TruncateProbe(st.Probe, st.Mode)
	count := snapSampleText
	if a.sentMode == lstm.Numbers {
		count = snapSampleNumbers
	}
	for len(s.asked) < min(ahead, protocol.MaxSnapAts) {
		var at uint64
		if s.next >= 0 {
			at = uint64(s.next)
		}
		// After the first (at once), the next nominal update past both the
		// last one asked and the newest update the page has heard of.
		s.next = int64(present.NextSnapshot(max(s.next, update)))
		id := st.SnapAt(tagSnap, protocol.SnapAt{At: at, Probe: probe,
			Prime: content.DefaultPrime(a.sentText, a.sentMode), Count: count, Temperature: snapTemperature, Seed: snapSeed})
		if id == 0 {
			return
		}
		s.asked = append(s.asked, snapAsk{id: id})
	}
}

// snapReply takes a reply to a snapshot request: its trace, then its sample
// (either may be an Error).
func (a *app) snapReply(r client.Reply) {
	s := &a.snap
	id := protocol.IDOf(r.Msg)
	k := slices.IndexFunc(s.asked, func(q snapAsk) bool { return q.id == id })
	if k < 0 {
		return
	}
	q := &s.asked[k]
	switch m := r.Msg.(type) {
	case protocol.TraceResult:
		if !r.Stale { // of a model that is going: no snapshot
			q.trace, q.update = &m, m.Update
		}
	case protocol.SampleResult:
		q.sample = snapSample(m)
	case protocol.Error:
		if r.Done {
			q.failed = ErrorText(m) // no sample this time
		}
	}
	if !r.Done {
		return
	}
	p := q.snapshot
	s.asked = slices.Delete(s.asked, k, k+1)
	if p.trace != nil {
		a.addSnapshot(p)
	}
	a.snapCheck() // ask for the one after next now, not at the next frame
}

// snapSample returns a snapshot's sample as the page shows it.
func snapSample(m protocol.SampleResult) string {
	if m.Kind != lstm.Numbers {
		return m.Text
	}
	parts := make([]string, len(m.Values))
	for i, x := range m.Values {
		parts[i] = present.FormatNumber(float64(x))
	}
	return strings.Join(parts, ", ")
}

// addSnapshot keeps a snapshot, in update order.
func (a *app) addSnapshot(p snapshot) {
	s := &a.snap
	for i, q := range s.list {
		if q.update == p.update {
			s.list[i] = p
			a.invalidate(DirtySnap)
			return
		}
	}
	s.list = append(s.list, p)
	if len(s.list) > maxSnapshots {
		// keep the first (update 0) and drop the second oldest
		if s.pinned == 1 {
			a.unpin()
		} else if s.pinned > 1 {
			s.pinned--
		}
		s.list = append(s.list[:1], s.list[2:]...)
	}
	a.invalidate(DirtySnap)
}

// unpin shows the live model again.
func (a *app) unpin() {
	a.snap.pinned = -1
	if a.st.Pinned != nil {
		a.st.Pinned = nil
		a.invalidate(DirtyTrace | DirtyCursor | DirtySnap)
	}
}

// scrub shows snapshot i (len(list): the live model).
func (a *app) scrub(i int) {
	s := &a.snap
	if i < 0 || i >= len(s.list) {
		a.unpin()
		a.invalidate(DirtySnap)
		return
	}
	s.pinned = i
	a.st.Pinned = s.list[i].trace
	a.st.MoveCursor(a.st.Cursor.T, a.st.Cursor.Unit)
	a.invalidate(DirtyTrace | DirtyCursor | DirtySnap)
}

// paintSnap draws the slider's state and the samples along training.
func (a *app) paintSnap(d Dirty) {
	if d&(DirtySnap|DirtyStats) == 0 {
		return
	}
	s, v := &a.snap, &a.v.Snap
	n := len(s.list)
	browser.SetHidden(v.Row, n == 0)
	browser.SetHidden(v.Samples, n == 0)
	v.Slider.SetAttribute("max", strconv.Itoa(n))
	pos := n
	if s.pinned >= 0 && s.pinned < n {
		pos = s.pinned
	}
	if !browser.IsFocused(v.Slider) || v.Slider.Value() != strconv.Itoa(pos) {
		v.Slider.SetValue(strconv.Itoa(pos))
	}
	if pos == n {
		txt := "now: update " + present.FormatCount(a.st.Update) + " (live)"
		browser.SetText(v.Label, txt)
		v.Slider.SetAttribute("aria-valuetext", txt)
	} else {
		txt := "update " + present.FormatCount(s.list[pos].update) + " (snapshot " + strconv.Itoa(pos+1) + " of " + strconv.Itoa(n) + ")"
		browser.SetText(v.Label, txt)
		v.Slider.SetAttribute("aria-valuetext", txt)
	}
	if d&DirtySnap == 0 {
		return
	}
	// The rows are made once and then only given new values.
	b := a.v.B
	for len(v.Items) < n {
		it := panels.SnapItem{Upd: b.El("span", browser.Cls("snap-upd")), Text: b.El("span", browser.Cls("snap-text"), browser.Attr("translate", "no"))}
		it.Li = b.El("li", browser.Cls("snap-item"), it.Upd, it.Text)
		v.Items = append(v.Items, it)
		v.List.AppendChild(it.Li)
	}
	for i, it := range v.Items {
		browser.SetHidden(it.Li, i >= n)
		if i >= n {
			continue
		}
		p := s.list[i]
		text := p.sample
		if text == "" && p.failed != "" {
			text = "(no sample: " + p.failed + ")"
		}
		browser.SetText(it.Upd, "update "+present.FormatCount(p.update))
		browser.SetText(it.Text, oneLine(text))
		browser.SetClass(it.Li, "on", i == s.pinned)
	}
}

// oneLine shows new lines as ↵ so that a sample keeps to its row.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "↵") }

// wireSnap connects the slider.
func (a *app) wireSnap() {
	v := &a.v.Snap
	browser.Listen(v.Slider, "input", func(dom.Event) {
		i, err := strconv.Atoi(v.Slider.Value())
		if err != nil {
			return
		}
		a.scrub(i)
	})
}
