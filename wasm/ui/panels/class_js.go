//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
)

// This file has the class board's elements (see wasm/ui/class_js.go): Start
// a class in Keep and share, Send to the class above the columns on a
// student's page, and the board. They are built when needed, with the words
// the page passes in, and inserted into the page built by New.

// ClassStart is Start a class.
type ClassStart struct {
	Root                 dom.HTMLElement
	Title                *dom.HTMLInputElement
	Start                *dom.HTMLButtonElement
	Status               dom.HTMLElement
	Result               dom.HTMLElement
	Student, Board       *dom.HTMLInputElement
	CopyStudent, CopyBrd *dom.HTMLButtonElement
	OpenBoard            *dom.HTMLAnchorElement
	Limits               dom.HTMLElement
}

// Words are the texts of the class elements, by word id (the page fills it
// from wasm/words in its language).
type Words func(id string, args ...string) string

// BuildClassStart makes Start a class and puts it after the share link box.
func (v *View) BuildClassStart(w Words) *ClassStart {
	b, c := v.B, &ClassStart{}
	c.Title = b.El("input", browser.ID("class-title"), browser.Attr("type", "text"), browser.Attr("maxlength", "80"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
	c.Start = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), browser.ID("class-start"), w("class.startGo")).(*dom.HTMLButtonElement)
	c.Status = b.El("p", browser.Cls("hint"), browser.Attr("role", "status"), browser.ID("class-status"))
	c.Student = linkInput(b, "class-student-link")
	c.Board = linkInput(b, "class-board-link")
	c.CopyStudent = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), w("class.copy")).(*dom.HTMLButtonElement)
	c.CopyBrd = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), w("class.copy")).(*dom.HTMLButtonElement)
	c.OpenBoard = b.El("a", browser.Cls("btn btn-small"), browser.ID("class-open-board"), browser.Attr("target", "_blank"), browser.Attr("rel", "noopener"), w("class.openBoard")).(*dom.HTMLAnchorElement)
	c.Limits = b.El("p", browser.Cls("hint"))
	c.Result = b.El("div", browser.Cls("class-result"),
		b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "class-student-link"), w("class.studentLink")),
			b.El("div", browser.Cls("inline-row"), c.Student, c.CopyStudent), b.El("p", browser.Cls("hint"), w("class.studentNote"))),
		b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "class-board-link"), w("class.boardLink")),
			b.El("div", browser.Cls("inline-row"), c.Board, c.CopyBrd), b.El("p", browser.Cls("hint"), w("class.boardNote")),
			b.El("p", c.OpenBoard)),
		c.Limits)
	browser.SetHidden(c.Result, true)
	c.Root = b.El("details", browser.Cls("teacher class-start"),
		b.El("summary", w("class.start")),
		b.El("p", browser.Cls("hint"), w("class.startHint")),
		b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "class-title"), w("class.titleLabel")), c.Title),
		b.El("div", browser.Cls("file-row"), c.Start), c.Status, c.Result)
	if box := v.Keep.LinkBox; box != nil && browser.Parent(box) != nil {
		browser.Parent(box).InsertBefore(c.Root, browser.NextSibling(box))
	}
	return c
}

func linkInput(b browser.Build, id string) *dom.HTMLInputElement {
	return b.El("input", browser.Attr("type", "text"), browser.ID(id), browser.Attr("readonly", ""), browser.Attr("spellcheck", "false"), browser.Attr("autocomplete", "off")).(*dom.HTMLInputElement)
}

// ClassSend is Send to the class, on a page opened with a class link.
type ClassSend struct {
	Root     dom.HTMLElement
	Heading  dom.HTMLElement
	Nickname *dom.HTMLInputElement
	Send     *dom.HTMLButtonElement
	Status   dom.HTMLElement
}

// BuildClassSend makes Send to the class and puts it above the columns.
func (v *View) BuildClassSend(w Words) *ClassSend {
	b, c := v.B, &ClassSend{}
	c.Heading = b.El("h2", browser.Cls("class-heading"))
	c.Nickname = b.El("input", browser.ID("class-nick"), browser.Attr("type", "text"), browser.Attr("autocomplete", "nickname"),
		browser.Attr("maxlength", "32"), browser.Attr("aria-describedby", "class-nick-hint")).(*dom.HTMLInputElement)
	c.Send = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-primary"), browser.ID("class-send"), w("class.send")).(*dom.HTMLButtonElement)
	c.Status = b.El("p", browser.Cls("class-status"), browser.Attr("role", "status"), browser.ID("class-send-status"))
	c.Root = b.El("section", browser.Cls("class-send"), browser.Attr("aria-label", w("class.send")),
		c.Heading,
		b.El("div", browser.Cls("class-send-row"),
			b.El("div", browser.Cls("field"), b.El("label", browser.Attr("for", "class-nick"), w("class.nickLabel")), c.Nickname), c.Send),
		b.El("p", browser.Cls("hint"), browser.ID("class-nick-hint"), w("class.nickHint")), c.Status)
	v.App.InsertBefore(c.Root, v.columns)
	return c
}

// BoardView is the class board.
type BoardView struct {
	Root      dom.HTMLElement
	Heading   dom.HTMLElement
	Count     dom.HTMLElement
	Sort      *dom.HTMLSelectElement
	Close     *dom.HTMLButtonElement
	Closed    dom.HTMLElement
	Refreshed dom.HTMLElement
	Problem   dom.HTMLElement
	Curves    *browser.DrawCanvas
	CurvesEl  *dom.HTMLCanvasElement
	Cards     dom.HTMLElement
	Empty     dom.HTMLElement
	Back      dom.HTMLElement // the bar with Back to the board, shown while a run is open
	BackBtn   *dom.HTMLButtonElement
}

// BuildBoard makes the board and puts it above the columns (the page hides
// the columns in board mode).
func (v *View) BuildBoard(w Words, orders [][2]string) *BoardView {
	b, c := v.B, &BoardView{}
	c.Heading = b.El("h2", browser.Cls("board-title"))
	c.Count = b.El("p", browser.Cls("board-count"))
	c.Sort = b.El("select", browser.ID("board-sort")).(*dom.HTMLSelectElement)
	for _, o := range orders {
		c.Sort.AppendChild(b.El("option", browser.Attr("value", o[0]), o[1]))
	}
	c.Close = b.El("button", browser.Attr("type", "button"), browser.Cls("btn"), browser.ID("board-close"), w("class.close")).(*dom.HTMLButtonElement)
	c.Closed = b.El("p", browser.Cls("notice"), w("class.closedNote"))
	browser.SetHidden(c.Closed, true)
	c.Refreshed = b.El("p", browser.Cls("hint board-refreshed"), browser.Attr("aria-live", "polite"))
	c.Problem = b.El("p", browser.Cls("field-error"), browser.Attr("role", "alert"), browser.ID("board-problem"))
	browser.SetHidden(c.Problem, true)
	c.CurvesEl = b.El("canvas", browser.ID("board-curves"), browser.Attr("role", "img"), browser.Attr("aria-label", w("class.curves"))).(*dom.HTMLCanvasElement)
	c.Curves = browser.NewDrawCanvas(c.CurvesEl)
	c.Cards = b.El("ol", browser.Cls("board-cards"), browser.ID("board-cards"))
	c.Empty = b.El("p", browser.Cls("hint"), w("class.empty"))
	c.Root = b.El("section", browser.Cls("board"), browser.ID("board"),
		c.Heading,
		b.El("div", browser.Cls("board-bar"), c.Count,
			b.El("label", browser.Attr("for", "board-sort"), w("class.sortBy")), c.Sort, c.Close),
		c.Closed, c.Refreshed, c.Problem,
		b.El("figure", browser.Cls("board-fig"), c.CurvesEl, b.El("figcaption", browser.Cls("hint"), w("class.curves"))),
		c.Empty, c.Cards)
	c.BackBtn = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-primary"), browser.ID("board-back"), w("class.back")).(*dom.HTMLButtonElement)
	c.Back = b.El("div", browser.Cls("notice board-back"), c.BackBtn)
	browser.SetHidden(c.Back, true)
	v.App.InsertBefore(c.Root, v.columns)
	v.App.InsertBefore(c.Back, c.Root)
	return c
}
