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

// buildLesson makes the lesson card (under the top bar, hidden until a
// lesson starts) and puts its button beside the guided tour's.
func (v *View) buildLesson() dom.HTMLElement {
	b, l := v.B, &v.Less
	btn := func(key, cls string) *dom.HTMLButtonElement {
		return b.El("button", browser.Attr("type", "button"), browser.Cls(cls), Say(key)).(*dom.HTMLButtonElement)
	}
	l.Open = btn("lessonui.button", "btn btn-quiet")
	if p := browser.Parent(v.Tour.Open); p != nil {
		p.InsertBefore(l.Open, v.Tour.Open)
	}
	l.Progress = b.El("span", browser.Cls("lesson-progress"))
	l.Title = b.El("h2", browser.ID("lesson-title"), browser.Attr("tabindex", "-1"))
	l.Text = b.El("div", browser.Cls("lesson-text"))
	l.Extra = b.El("p", browser.Cls("lesson-extra"), browser.Attr("aria-live", "polite"))
	l.Prompt = b.El("legend", browser.ID("lesson-q"))
	l.Opts = b.El("div", browser.Cls("lesson-answers"))
	l.Check = btn("lessonui.check", "btn btn-small")
	l.Verdict = b.El("p", browser.Cls("lesson-verdict"), browser.Attr("role", "status"))
	l.Note = b.El("p", browser.Cls("hint"))
	l.Back = btn("lessonui.back", "btn btn-small btn-quiet")
	l.Next = btn("lessonui.next", "btn btn-small")
	l.Leave = btn("lessonui.leave", "btn btn-small btn-quiet")
	l.Link = b.El("a", browser.Cls("lesson-link"), Say("lessonui.link")).(*dom.HTMLAnchorElement)
	l.Root = b.El("section", browser.Cls("lesson"), browser.Attr("aria-labelledby", "lesson-title"), browser.Attr("aria-label", Say("lessonui.region")),
		b.El("div", browser.Cls("lesson-head"), l.Title, l.Progress),
		l.Text, l.Extra,
		b.El("fieldset", browser.Cls("lesson-q"), l.Prompt, b.El("p", browser.Cls("hint"), Say("lessonui.pick")), l.Opts, l.Check, l.Verdict),
		l.Note,
		b.El("div", browser.Cls("lesson-actions"), l.Back, l.Next, l.Leave, l.Link))
	browser.SetHidden(l.Root, true)
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
