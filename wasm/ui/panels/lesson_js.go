//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// lessonView holds the lesson's card: one chapter at a time, its text and
// its predict-then-check question, with back, next, progress, a teacher link
// and the way out to the full playground.
type lessonView struct {
	Root     dom.HTMLElement
	Open     *dom.HTMLButtonElement // "Lesson", in the top bar
	Progress dom.HTMLElement
	Title    dom.HTMLElement
	Text     dom.HTMLElement
	Prompt   dom.HTMLElement // the question's legend
	Opts     dom.HTMLElement
	Answers  []*dom.HTMLInputElement // made when a lesson first opens (LessonAnswers)
	Labels   []dom.HTMLElement
	Check    *dom.HTMLButtonElement
	Verdict  dom.HTMLElement
	Note     dom.HTMLElement
	Back     *dom.HTMLButtonElement
	Next     *dom.HTMLButtonElement
	Leave    *dom.HTMLButtonElement
	Link     *dom.HTMLAnchorElement
	Extra    dom.HTMLElement // what a chapter shows that no other panel does: the relative change of c and h
}

// lessonMarkup is the lesson card, under the top bar, hidden until a lesson
// starts (its button is in topMarkup); data-say elements show catalogue
// messages (SayIn).
const lessonMarkup = `
<section class="lesson" aria-labelledby="lesson-title" aria-label="" data-say-label="lessonui.region" hidden>
  <div class="lesson-head"><h2 id="lesson-title" tabindex="-1" data-ref="title"></h2><span class="lesson-progress" data-ref="progress"></span></div>
  <div class="lesson-text" data-ref="text"></div>
  <p class="lesson-extra" aria-live="polite" data-ref="extra"></p>
  <fieldset class="lesson-q">
    <legend id="lesson-q" data-ref="prompt"></legend>
    <p class="hint" data-say="lessonui.pick"></p>
    <div class="lesson-answers" data-ref="opts"></div>
    <button type="button" class="btn btn-small" data-ref="check" data-say="lessonui.check"></button>
    <p class="lesson-verdict" role="status" data-ref="verdict"></p>
  </fieldset>
  <p class="hint" data-ref="note"></p>
  <div class="lesson-actions">
    <button type="button" class="btn btn-small btn-quiet" data-ref="back" data-say="lessonui.back"></button>
    <button type="button" class="btn btn-small" data-ref="next" data-say="lessonui.next"></button>
    <button type="button" class="btn btn-small btn-quiet" data-ref="leave" data-say="lessonui.leave"></button>
    <a class="lesson-link" data-ref="link" data-say="lessonui.link"></a>
  </div>
</section>`

// buildLesson makes the lesson card (under the top bar, hidden until a
// lesson starts).
func (v *View) buildLesson() dom.HTMLElement {
	t, l := v.B.Markup(lessonMarkup), &v.Less
	SayIn(t, Say)
	l.Root, l.Progress, l.Title, l.Text, l.Extra = t.Root, t.El("progress"), t.El("title"), t.El("text"), t.El("extra")
	l.Prompt, l.Opts, l.Verdict, l.Note = t.El("prompt"), t.El("opts"), t.El("verdict"), t.El("note")
	l.Check = t.Button("check")
	l.Back = t.Button("back")
	l.Next = t.Button("next")
	l.Leave = t.Button("leave")
	l.Link = t.Anchor("link")
	return l.Root
}

// LessonTargets returns the elements of a lesson panel id (wasm/lesson's
// Panel* ids), nil for one the page does not have.
func (v *View) LessonTargets(id string) []dom.HTMLElement {
	switch id {
	case "probe":
		return []dom.HTMLElement{v.ProbeRow, v.ProbeLineE, v.Empty, v.TraceNote, v.heatHow, v.GrpProbe}
	case "h", "c", "zf", "zi", "z", "zo", "loss", "reach":
		return v.ChartTargets(id)
	case "delta":
		// The lesson shows the relative change (lesson.RelativeChange) in
		// its own words instead of the absolute |Δc| and |Δh| chart, which
		// cannot compare an unbounded c with an h in −1 … 1.
		return []dom.HTMLElement{v.Less.Extra}
	case "predict":
		return []dom.HTMLElement{v.GrpInspector}
	case "rnncell", "cell":
		return []dom.HTMLElement{v.Fig.Root}
	case "stages":
		return []dom.HTMLElement{v.BarsFig}
	case "compare":
		return v.CompareGroups()
	case "gap":
		return []dom.HTMLElement{v.Gap.Fig}
	}
	return nil
}

// LessonAnswers returns the question's two answers, a radio group, made on
// first use: the page without a lesson has no hidden radios.
func (v *View) LessonAnswers() ([]*dom.HTMLInputElement, []dom.HTMLElement) {
	b, l := v.B, &v.Less
	for i := len(l.Answers); i < 2; i++ {
		id := "lesson-a" + string(rune('0'+i))
		in := b.El("input", browser.Attr("type", "radio"), browser.Attr("name", "lesson-answer"), browser.ID(id), browser.Attr("value", string(rune('0'+i)))).(*dom.HTMLInputElement)
		lb := b.El("label", browser.Attr("for", id))
		l.Opts.AppendChild(b.El("div", browser.Cls("lesson-answer"), in, lb))
		l.Answers, l.Labels = append(l.Answers, in), append(l.Labels, lb)
	}
	return l.Answers, l.Labels
}
