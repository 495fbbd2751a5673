//go:build js && wasm

package ui

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/cell"
	"lstmplayground/wasm/lesson"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// This file is the lesson (issue 15): the article's story one chapter at a
// time (wasm/lesson), each showing only its panels through the teacher
// links' mechanism (html.only and keep-target, see applyView), with its text
// and its predict-then-check question answered by the live model. A link
// "#lesson=2" or "#lesson=states" opens a chapter; "Leave the lesson" shows
// the full playground with the same model.

// lessonState is the lesson the page shows: on, and which chapter.
type lessonState struct {
	on      bool
	i       int
	targets []dom.HTMLElement // the elements marked keep-target, to unmark
	paths   []dom.Element     // and keep-path
	rel     []float64
	asked   Cursor // the cursor the question was asked at
	movedTo Cursor // where the last check moved the cursor (to the step that answered)
	moved   bool
}

// askedCursor returns the cursor the question is about: the visitor's, not
// the one a check moved to show its answer, so that checking the other
// answer asks the same question.
func (a *app) askedCursor() Cursor {
	ls := &a.lessonSt
	if !ls.moved || a.st.Cursor != ls.movedTo {
		ls.asked, ls.moved = a.st.Cursor, false
	}
	return ls.asked
}

// lessonFromHash reads lesson= from an address fragment ("#lesson=2",
// "#v=1&…&lesson=states"): the chapter's index and whether it names one.
func lessonFromHash(hash string) (int, bool) {
	for piece := range strings.SplitSeq(strings.TrimPrefix(hash, "#"), "&") {
		if k, v, ok := strings.Cut(piece, "="); ok && strings.EqualFold(strings.TrimSpace(k), "lesson") {
			return lesson.ChapterIndex(v)
		}
	}
	return 0, false
}

// lessonLink is the fragment of a link to chapter id, in the page's language.
func lessonLink(id string) string {
	return "#lesson=" + id + "&" + words.LinkKey + "=" + lang.Tag()
}

// relinkLesson gives the chapter link the page's language (after a switch).
func (a *app) relinkLesson() {
	if ls := &a.lessonSt; ls.on {
		a.v.Less.Link.SetAttribute("href", lessonLink(lesson.Chapters()[ls.i].ID))
	}
}

// enterLesson shows chapter i alone: its panels, its text and question, and
// sets the model the chapter needs (the cell, the preset, Compare).
func (a *app) enterLesson(i int) {
	ls, v := &a.lessonSt, &a.v.Less
	chs := lesson.Chapters()
	i = max(0, min(i, len(chs)-1))
	ls.on, ls.i = true, i
	a.unmarkLesson()
	html := browser.Root()
	browser.SetClass(html, "only", true)
	browser.SetClass(html, "in-lesson", true)
	ids := lesson.Panels(i)
	browser.SetClass(html, "lesson-stages", slices.Contains(ids, lesson.PanelStages))
	for _, id := range ids {
		if id == lesson.PanelRNNCell && chs[i].Model != lesson.ModelRNN {
			continue // the RNN's cell is chapter 1's; the LSTM's comes with chapter 3
		}
		for _, t := range a.v.LessonTargets(id) {
			a.markLessonTarget(t)
		}
	}
	a.markLessonTarget(a.classStartTarget()) // a teacher starts a class with this chapter
	browser.SetHidden(v.Root, false)
	browser.SetHidden(a.v.Tour.Root, true)
	a.tourSt.quiet = true
	a.showChapter(chs[i])
	a.whenStarted(func() { a.lessonModel(chs[i]) })
	v.Title.Focus()
	a.invalidate(DirtyTrace | DirtyCursor | DirtyLayout)
}

// markLessonTarget marks t (if not nil) to be shown in the lesson.
func (a *app) markLessonTarget(t dom.HTMLElement) {
	if t == nil {
		return
	}
	ls := &a.lessonSt
	t.Class().Add("keep-target")
	ls.targets = append(ls.targets, t)
	for p := browser.Parent(t); p != nil && p != a.v.App; p = browser.Parent(p) {
		p.Class().Add("keep-path")
		ls.paths = append(ls.paths, p)
	}
}

// unmarkLesson takes the lesson's marks off the page's panels.
func (a *app) unmarkLesson() {
	ls := &a.lessonSt
	for _, t := range ls.targets {
		t.Class().Remove("keep-target")
	}
	for _, p := range ls.paths {
		p.Class().Remove("keep-path")
	}
	ls.targets, ls.paths = ls.targets[:0], ls.paths[:0]
}

// leaveLesson shows the full playground again, with the same model.
func (a *app) leaveLesson() {
	a.lessonSt.on = false
	a.unmarkLesson()
	html := browser.Root()
	browser.SetClass(html, "only", false)
	browser.SetClass(html, "in-lesson", false)
	browser.SetClass(html, "lesson-stages", false)
	browser.SetHidden(a.v.Less.Root, true)
	a.v.Less.Open.Focus()
	a.invalidate(DirtyAll)
}

// lessonModel sets what chapter ch trains: its cell, its preset and, for
// LSTM against RNN, Compare. Nothing changes if the page has them already,
// so that the model trained in one chapter carries on into the next.
func (a *app) lessonModel(ch lesson.Chapter) {
	if ch.Model != lesson.ModelBoth && a.cmp != nil {
		a.stopCompare()
	}
	for i, p := range a.presets {
		if p.ID == ch.Preset && a.v.Preset.Value() != strconv.Itoa(i) {
			a.pair.Pause()
			a.choosePreset(i, true)
			browser.SetText(a.v.Less.Note, sayID("lessonui.setup"))
		}
	}
	want := lstm.CellLSTM
	if ch.Model == lesson.ModelRNN {
		want = lstm.CellRNN
	}
	if a.st.Want().Cell != want {
		a.pair.Pause()
		a.v.Cell.SetValue(strconv.Itoa(int(want)))
		a.sendConfig(present.FieldCell, func(c *lstm.Config) { c.Cell = want }, true)
		browser.SetText(a.v.Less.Note, sayID("lessonui.setup"))
	}
	if ch.Model == lesson.ModelBoth && a.cmp == nil {
		a.startCompare()
	}
}

// showChapter writes chapter ch's text, question and navigation.
func (a *app) showChapter(ch lesson.Chapter) {
	ls, v := &a.lessonSt, &a.v.Less
	n := len(lesson.Chapters())
	browser.SetText(v.Progress, sayID(lesson.KeyProgress, strconv.Itoa(ls.i+1), strconv.Itoa(n)))
	browser.SetText(v.Title, sayID(ch.Title))
	browser.Clear(v.Text)
	for _, k := range ch.Text {
		v.Text.AppendChild(a.v.B.El("p", sayID(k)))
	}
	answers, labels := a.v.LessonAnswers()
	for i, k := range ch.Question.Answers {
		if i < len(labels) {
			browser.SetText(labels[i], sayID(k))
			answers[i].SetChecked(false)
		}
	}
	browser.SetText(v.Verdict, "")
	v.Verdict.RemoveAttribute("data-verdict")
	note := ""
	if ch.ID == "memory" {
		note = sayID("lessonui.gapnote")
	}
	browser.SetText(v.Note, note)
	browser.SetHidden(v.Back, ls.i == 0)
	browser.SetHidden(v.Next, ls.i == n-1)
	v.Link.SetAttribute("href", lessonLink(ch.ID))
	a.paintPrompt()
}

// live is what the model shows the lesson now: the shown trace, the cursor
// and the recall of both models if the probe is a memory-gap text.
func (a *app) live() *lesson.Live {
	c := a.askedCursor()
	l := &lesson.Live{Step: c.T, Unit: c.Unit}
	a.gapRace(l)
	tr := a.st.Shown()
	view, ok := a.st.View()
	if !ok || tr.Kind != lstm.Text {
		return l
	}
	l.Probe, l.Pred, l.T, l.H = tr.Symbols, tr.Top, view.T, view.H
	l.Zf, l.Zi, l.Z, l.Zo, l.C, l.Hid, l.C0, l.H0 = view.Zf, view.Zi, view.Z, view.Zo, view.C, view.Hid, view.C0, view.H0
	return l
}

// paintPrompt writes the question with the live model's placeholders.
func (a *app) paintPrompt() {
	ls := &a.lessonSt
	ch := lesson.Chapters()[ls.i]
	browser.SetText(a.v.Less.Prompt, sayID(ch.Question.Prompt, ch.Question.Args(a.live())...))
}

// checkLesson asks the model: the verdict on the picked answer, and the
// cursor moves to the step that answered.
func (a *app) checkLesson() {
	ls, v := &a.lessonSt, &a.v.Less
	picked := -1
	for i, in := range v.Answers {
		if in.Checked() {
			picked = i
		}
	}
	if picked < 0 {
		browser.SetText(v.Verdict, sayID("lessonui.pick"))
		v.Verdict.SetAttribute("data-verdict", "unpicked")
		return
	}
	ch := lesson.Chapters()[ls.i]
	verdict := ch.Question.Check(a.live())
	browser.SetText(v.Verdict, verdict.Feedback(picked, cellText))
	state := "none"
	if verdict.OK {
		state = "refute"
		if verdict.Confirms(picked) {
			state = "confirm"
		}
		v.Verdict.SetAttribute("data-answer", strconv.Itoa(verdict.Answer))
	}
	v.Verdict.SetAttribute("data-verdict", state)
	if verdict.At >= 0 {
		asked := a.askedCursor()
		a.invalidate(a.st.MoveCursor(verdict.At, asked.Unit))
		ls.movedTo, ls.moved = a.st.Cursor, true
	}
}

// paintLesson keeps the prompt and chapter 2's relative change up to date
// with the model.
func (a *app) paintLesson(d Dirty) {
	ls := &a.lessonSt
	if !ls.on || d&(DirtyTrace|DirtyCursor|DirtyCompare) == 0 {
		return
	}
	a.paintPrompt()
	ch := lesson.Chapters()[ls.i]
	text := ""
	if view, ok := a.st.View(); ok && view.LSTM() && (ch.ID == "states") {
		var mc, mh float64
		ls.rel, mc = lesson.RelativeChange(ls.rel, view.C, view.C0, view.T, view.H)
		ls.rel, mh = lesson.RelativeChange(ls.rel, view.Hid, view.H0, view.T, view.H)
		if !math.IsNaN(mc) && !math.IsNaN(mh) {
			text = lesson.Join(sayID(lesson.KeyMean, cell.FormatPercent(mc), cell.FormatPercent(mh)), sayID(lesson.KeyExplain))
		}
	}
	browser.SetText(a.v.Less.Extra, text)
	browser.SetHidden(a.v.Less.Extra, text == "")
}

// wireLesson connects the lesson's controls and opens a linked chapter.
func (a *app) wireLesson() {
	v := &a.v.Less
	browser.Listen(v.Open, "click", func(dom.Event) { a.enterLesson(a.lessonSt.i) })
	browser.Listen(v.Back, "click", func(dom.Event) { a.enterLesson(a.lessonSt.i - 1) })
	browser.Listen(v.Next, "click", func(dom.Event) { a.enterLesson(a.lessonSt.i + 1) })
	browser.Listen(v.Leave, "click", func(dom.Event) { a.leaveLesson() })
	browser.Listen(v.Check, "click", func(dom.Event) { a.checkLesson() })
	browser.Listen(v.Link, "click", func(ev dom.Event) {
		ev.PreventDefault()
		browser.CopyText(browser.PageAddress()+lessonLink(lesson.Chapters()[a.lessonSt.i].ID), func(bool) {})
	})
	if i, ok := lessonFromHash(browser.LocationHash()); ok {
		a.enterLesson(i)
	}
}
