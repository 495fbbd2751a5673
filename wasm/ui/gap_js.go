//go:build js && wasm

package ui

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/lesson"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
)

// This file is the memory-gap task on the page (issue 15): the preset of
// lines "a", n dashes, "a" with n set by a slider, and the chart of recall
// against the gap, LSTM and RNN, measured on the visitor's own models: each
// engine traces fresh lines of the task (content.GapTest) and lesson.Recall
// scores its greedy guess after the last dash. Each gap trained keeps its
// latest score, so moving the slider and training again adds a point.

// gapInterval is the least time between two recall traces of one engine
// while it trains, in ms.
const gapInterval = 1500

// gapState is what the page knows of the memory-gap task.
type gapState struct {
	n      int                          // the gap the preset trains
	text   string                       // its training text
	shown  bool                         // the figure is shown
	scores [2]map[int]lesson.GapScore   // by cell (lstm.Cell), by gap: the latest score
	at     [2]map[int]uint64            // the update each score was measured at
	lr     [2]map[int]float64           // and the learning rate it trained at
	sent   map[*client.Conn]float64     // when each engine was last asked
	traced map[*client.Conn]gapTraceKey // what each engine was last asked about
}

// gapTraceKey is what a recall trace measured: a model at an update, at a gap.
type gapTraceKey struct {
	gen    uint32
	update uint64
	n      int
}

// gapOn reports whether the page trains the memory-gap text.
func (a *app) gapOn() bool {
	return a.sentMode == lstm.Text && a.sentText != "" && a.sentText == a.gap.text
}

// gapIndex returns the memory-gap preset's index in the picker, −1 if none.
func (a *app) gapIndex() int {
	return slices.IndexFunc(a.presets, func(p content.Preset) bool { return p.ID == content.GapID })
}

// setGap makes n the gap of the memory-gap preset and, if it is the chosen
// preset, trains on it.
func (a *app) setGap(n int) {
	i := a.gapIndex()
	if !a.useGap(n) || i < 0 {
		return
	}
	if a.v.Preset.Value() == strconv.Itoa(i) {
		a.choosePreset(i, true)
	}
	a.invalidate(DirtyCompare)
}

// useGap makes n (brought into the slider's range) the slider's value and
// the gap of the memory-gap preset, without choosing it; it reports whether
// the gap changed.
func (a *app) useGap(n int) bool {
	n = max(1, min(n, panels.GapMaxSlider))
	g := &a.gap
	browser.SetText(a.v.Gap.Value, strconv.Itoa(n))
	a.v.Gap.Slider.SetValue(strconv.Itoa(n))
	if n == g.n {
		return false
	}
	g.n = n
	if i := a.gapIndex(); i >= 0 {
		a.presets[i] = content.GapPreset(n)
		g.text = a.presets[i].Text
	}
	return true
}

// gapRequests shows or hides the chart with the task, and asks each engine
// for its recall when it is due; it reports whether a request will be due
// later. The chart is one of the frame's painters (paintGap).
func (a *app) gapRequests(now float64) bool {
	on := a.gapOn()
	if a.gap.shown != on {
		a.gap.shown = on
		browser.SetHidden(a.v.Gap.Fig, !on)
		a.dirty |= DirtyCompare
	}
	if !on || a.failed {
		return false
	}
	wait := a.gapAsk(a.st, now)
	if a.cmp != nil {
		wait = a.gapAsk(a.cmp.st, now) || wait
	}
	return wait
}

// gapAsk sends st's engine a recall trace if its model changed since the
// last and the last is old enough; it reports whether one will be due later.
func (a *app) gapAsk(st *State, now float64) bool {
	g := &a.gap
	if !st.Ready || st.Status.Params == 0 || !st.HasData || st.Waiting(tagGap) {
		return false
	}
	key := gapTraceKey{gen: st.Gen, update: st.Update, n: g.n}
	if g.traced == nil {
		g.sent, g.traced = map[*client.Conn]float64{}, map[*client.Conn]gapTraceKey{}
	}
	if last, ok := g.traced[st.Conn]; ok && last == key {
		return false
	}
	wait := 300.0
	if st.Running {
		wait = gapInterval
	}
	if now-g.sent[st.Conn] < wait {
		return true
	}
	g.sent[st.Conn], g.traced[st.Conn] = now, key
	st.Conn.Trace(tagGap, content.GapTest(g.n), nil)
	return false
}

// gapReply takes a recall trace of an engine: its score at the gap traced.
func (a *app) gapReply(r client.Reply) {
	m, ok := r.Msg.(protocol.TraceResult)
	if !ok || r.Stale || m.Kind != lstm.Text || int(m.Cell) >= 2 {
		return
	}
	scores := lesson.Recall(m.Symbols, m.Top)
	if len(scores) != 1 {
		return
	}
	g, s, c := &a.gap, scores[0], m.Cell
	if g.scores[c] == nil {
		g.scores[c], g.at[c], g.lr[c] = map[int]lesson.GapScore{}, map[int]uint64{}, map[int]float64{}
	}
	g.scores[c][s.Gap], g.at[c][s.Gap] = s, m.Update
	g.lr[c][s.Gap] = a.st.Cfg.LearningRate
	if c != a.st.Cfg.Cell && a.pair.LRB() > 0 {
		g.lr[c][s.Gap] = a.pair.LRB()
	}
	a.invalidate(DirtyCompare) // the chart, and the lesson's question
}

// paintGap draws the recall chart and says the latest scores at the gap.
func (a *app) paintGap() {
	g := &a.gap
	var runs []panels.GapRun
	for _, c := range []lstm.Cell{lstm.CellLSTM, lstm.CellRNN} {
		if len(g.scores[c]) == 0 {
			continue
		}
		run := panels.GapRun{Cell: c}
		for _, n := range slices.Sorted(maps.Keys(g.scores[c])) {
			run.Scores = append(run.Scores, g.scores[c][n])
		}
		runs = append(runs, run)
	}
	a.Gap(a.v, runs, g.n)
	var note []string
	for _, c := range []lstm.Cell{lstm.CellLSTM, lstm.CellRNN} {
		s, ok := g.scores[c][g.n]
		if !ok || s.Total == 0 {
			continue
		}
		note = append(note, say("The "+c.String()+" recalled "+present.FormatPercent(s.Accuracy())+" of the letters over a gap of "+strconv.Itoa(s.Gap)+
			" ("+strconv.Itoa(s.Correct)+" of "+strconv.Itoa(s.Total)+") at update "+present.FormatCount(g.at[c][g.n])+
			", at learning rate "+strconv.FormatFloat(g.lr[c][g.n], 'g', -1, 64)+"."))
	}
	if len(note) == 0 {
		note = append(note, say("Train on the memory-gap text: the recall is measured as the models learn."))
	}
	if T := a.st.Cfg.SeqLen; g.n+4 > T {
		note = append(note, say("At a gap of "+strconv.Itoa(g.n)+", both letters seldom fit one training window of "+strconv.Itoa(T)+
			" steps (Sequence length): neither model gets a gradient that joins them."))
	}
	letters := len(lesson.DefaultGapLetters)
	note = append(note, say("Chance is "+present.FormatPercent(1/float64(letters))+": one of "+strconv.Itoa(letters)+" letters."))
	browser.SetText(a.v.Gap.Note, strings.Join(note, " "))
}

// gapRace fills l.Race with both models' latest recall at the gap trained.
func (a *app) gapRace(l *lesson.Live) {
	g := &a.gap
	lstmS, ok1 := g.scores[lstm.CellLSTM][g.n]
	rnnS, ok2 := g.scores[lstm.CellRNN][g.n]
	if a.cmp == nil || !a.gapOn() || !ok1 || !ok2 {
		return
	}
	l.Race = lesson.Race{Gap: g.n, LSTM: lstmS, RNN: rnnS}
}

// setOwnLR gives the comparison's other model its own learning rate ("" the
// page's).
func (a *app) setOwnLR(s string) {
	lr := 0.0
	if s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return
		}
		lr = v
	}
	a.pair.SetLRB(lr)
	a.invalidate(DirtyCompare)
}

// wireGap connects the gap slider and the other model's learning rate.
func (a *app) wireGap() {
	a.gap.n = lesson.DefaultGap
	if i := a.gapIndex(); i >= 0 {
		a.gap.text = a.presets[i].Text
	}
	// The value shows while the slider moves; the new text goes when it is let go.
	browser.Listen(a.v.Gap.Slider, "input", func(dom.Event) { browser.SetText(a.v.Gap.Value, a.v.Gap.Slider.Value()) })
	browser.Listen(a.v.Gap.Slider, "change", func(dom.Event) {
		if n, err := strconv.Atoi(a.v.Gap.Slider.Value()); err == nil {
			a.setGap(n)
		}
	})
	browser.Listen(a.v.Gap.LR, "change", func(dom.Event) { a.setOwnLR(a.v.Gap.LR.Value()) })
	// The colour scale of c: the heatmap, the three-stages bars and the cell figure.
	browser.Listen(a.v.CScaleSel, "change", func(dom.Event) {
		a.CScale = panels.CScaleRobust
		if a.v.CScaleSel.Value() == "unit" {
			a.CScale = panels.CScalePerUnit
		}
		a.invalidate(DirtyTrace | DirtyCursor)
	})
}
