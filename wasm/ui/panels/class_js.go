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

// classStartMarkup is Start a class; classSendMarkup Send to the class;
// boardMarkup the board and boardBackMarkup its bar with Back to the board.
// data-say elements show the words passed in (SayIn).
const classStartMarkup = `
<details class="teacher class-start">
  <summary data-say="class.start"></summary>
  <p class="hint" data-say="class.startHint"></p>
  <div class="field">
    <label for="class-title" data-say="class.titleLabel"></label>
    <input id="class-title" type="text" maxlength="80" autocomplete="off" data-ref="title">
  </div>
  <div class="file-row"><button type="button" class="btn" id="class-start" data-ref="start" data-say="class.startGo"></button></div>
  <p class="hint" role="status" id="class-status" data-ref="status"></p>
  <div class="class-result" hidden data-ref="result">
    <div class="field">
      <label for="class-student-link" data-say="class.studentLink"></label>
      <div class="inline-row">
        <input type="text" id="class-student-link" readonly spellcheck="false" autocomplete="off" data-ref="student">
        <button type="button" class="btn btn-small" data-ref="copy-student" data-say="class.copy"></button>
      </div>
      <p class="hint" data-say="class.studentNote"></p>
    </div>
    <div class="field">
      <label for="class-board-link" data-say="class.boardLink"></label>
      <div class="inline-row">
        <input type="text" id="class-board-link" readonly spellcheck="false" autocomplete="off" data-ref="board">
        <button type="button" class="btn btn-small" data-ref="copy-board" data-say="class.copy"></button>
      </div>
      <p class="hint" data-say="class.boardNote"></p>
      <p><a class="btn btn-small" id="class-open-board" target="_blank" rel="noopener" data-ref="open-board" data-say="class.openBoard"></a></p>
    </div>
    <p class="hint" data-ref="limits"></p>
  </div>
</details>`

const classSendMarkup = `
<section class="class-send" aria-label="" data-say-label="class.send">
  <h2 class="class-heading" data-ref="heading"></h2>
  <div class="class-send-row">
    <div class="field">
      <label for="class-nick" data-say="class.nickLabel"></label>
      <input id="class-nick" type="text" autocomplete="nickname" maxlength="32" aria-describedby="class-nick-hint" data-ref="nickname">
    </div>
    <button type="button" class="btn btn-primary" id="class-send" data-ref="send" data-say="class.send"></button>
  </div>
  <p class="hint" id="class-nick-hint" data-say="class.nickHint"></p>
  <p class="class-status" role="status" id="class-send-status" data-ref="status"></p>
</section>`

const boardMarkup = `
<section class="board" id="board">
  <h2 class="board-title" data-ref="heading"></h2>
  <div class="board-bar">
    <p class="board-count" data-ref="count"></p>
    <label for="board-sort" data-say="class.sortBy"></label>
    <select id="board-sort" data-ref="sort"></select>
    <button type="button" class="btn" id="board-close" data-ref="close" data-say="class.close"></button>
  </div>
  <p class="notice" hidden data-ref="closed" data-say="class.closedNote"></p>
  <p class="hint board-refreshed" aria-live="polite" data-ref="refreshed"></p>
  <p class="field-error" role="alert" id="board-problem" hidden data-ref="problem"></p>
  <figure class="board-fig">
    <canvas id="board-curves" role="img" aria-label="" data-say-label="class.curves" data-ref="curves"></canvas>
    <figcaption class="hint" data-say="class.curves"></figcaption>
  </figure>
  <p class="hint" data-ref="empty" data-say="class.empty"></p>
  <ol class="board-cards" id="board-cards" data-ref="cards"></ol>
</section>`

const boardBackMarkup = `
<div class="notice board-back" hidden><button type="button" class="btn btn-primary" id="board-back" data-ref="back" data-say="class.back"></button></div>`

// BuildClassStart makes Start a class and puts it after the share link box.
func (v *View) BuildClassStart(w Words) *ClassStart {
	t := v.B.Markup(classStartMarkup)
	SayIn(t, w)
	c := &ClassStart{Root: t.Root, Status: t.El("status"), Result: t.El("result"), Limits: t.El("limits")}
	c.Title = t.Input("title")
	c.Start = t.Button("start")
	c.Student = t.Input("student")
	c.Board = t.Input("board")
	c.CopyStudent = t.Button("copy-student")
	c.CopyBrd = t.Button("copy-board")
	c.OpenBoard = t.Anchor("open-board")
	if box := v.Keep.LinkBox; box != nil && browser.Parent(box) != nil {
		browser.Parent(box).InsertBefore(c.Root, browser.NextSibling(box))
	}
	return c
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
	t := v.B.Markup(classSendMarkup)
	SayIn(t, w)
	c := &ClassSend{Root: t.Root, Heading: t.El("heading"), Status: t.El("status")}
	c.Nickname = t.Input("nickname")
	c.Send = t.Button("send")
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
	t, bk := v.B.Markup(boardMarkup), v.B.Markup(boardBackMarkup)
	SayIn(t, w)
	SayIn(bk, w)
	c := &BoardView{Root: t.Root, Heading: t.El("heading"), Count: t.El("count"), Closed: t.El("closed"), Refreshed: t.El("refreshed"),
		Problem: t.El("problem"), Cards: t.El("cards"), Empty: t.El("empty"), Back: bk.Root}
	c.Sort = t.Select("sort")
	for _, o := range orders {
		c.Sort.AppendChild(v.B.El("option", browser.Attr("value", o[0]), o[1]))
	}
	c.Close = t.Button("close")
	c.CurvesEl = t.Canvas("curves")
	c.Curves = browser.NewDrawCanvas(c.CurvesEl)
	c.BackBtn = bk.Button("back")
	v.App.InsertBefore(c.Root, v.columns)
	v.App.InsertBefore(c.Back, c.Root)
	return c
}
