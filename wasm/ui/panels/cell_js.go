//go:build js && wasm

package panels

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/words"
)

// Say returns catalogue message id in the page's language. The cell figure
// and the lesson panel take every sentence from it.
var Say = func(id string, args ...string) string { return words.Text(words.English, id, args...) }

// CellFig is one drawing of the cell: a canvas the scene is painted on, at
// the device's pixels (CellCanvas), and its text for a screen reader.
type CellFig struct {
	Root   dom.HTMLElement
	Canvas *dom.HTMLCanvasElement // an image (role img) named by the scene's title
	Desc   dom.HTMLElement        // cell.Describe's text, the image's description
}

// cellView holds the LSTM cell figure panel.
type cellView struct {
	Root    dom.HTMLElement
	Title   dom.HTMLElement
	Empty   dom.HTMLElement
	Figs    [2]CellFig // the page's model, then the compared one
	Eq      dom.HTMLElement
	Parts   dom.HTMLElement // a list of buttons, one per part: the keyboard's way to the equations
	Play    *dom.HTMLButtonElement
	Speed   *dom.HTMLSelectElement
	SVG     *dom.HTMLButtonElement
	PNG     *dom.HTMLButtonElement
	Buttons []*dom.HTMLButtonElement
}

// SayIn writes the catalogue messages of a tree built from markup (by say:
// Say, or the class's Words, as El wrote them): an element marked
// data-say="id" shows the message id as its text, one marked
// data-say-label="id" as its aria-label (written in the markup as
// aria-label="", to keep the attributes' order).
func SayIn(t *browser.Tree, say Words) {
	for _, e := range t.All("[data-say]") {
		browser.SetText(e, say(e.GetAttribute("data-say")))
		e.RemoveAttribute("data-say")
	}
	for _, e := range t.All("[data-say-label]") {
		browser.SetLabel(e, "aria-label", say(e.GetAttribute("data-say-label")))
		e.RemoveAttribute("data-say-label")
	}
}

// CellSpeeds are the play control's paces, in ms per step, with their
// catalogue keys.
var CellSpeeds = []struct {
	Ms  int
	Key string
}{{2000, "cellui.speed.slow"}, {1000, "cellui.speed.class"}, {333, "cellui.speed.fast"}}

// cellMarkup is the cell figure panel of the model column: two drawings,
// the page's model and the compared one (buildCellFig). At phone width a
// drawing scrolls sideways (style.css): its scroller takes focus so that the
// keyboard can scroll it too.
const cellMarkup = `
<section class="cell-fig" aria-labelledby="h-cell">
  <h3 id="h-cell" data-ref="title" data-say="cellui.title"></h3>
  <p class="howto" id="cell-how" data-say="cellui.how"></p>
  <p class="empty" data-ref="empty" data-say="cellui.empty"></p>
  <div class="cell-pair">
    <div class="cell-one" tabindex="0" role="group" aria-labelledby="h-cell" hidden data-ref="fig0">
      <canvas class="cell-img" role="img" aria-label="" aria-describedby="cell-how cell-desc-0" width="720" height="450" data-ref="img0"></canvas>
      <p class="visually-hidden" id="cell-desc-0" data-ref="desc0"></p>
    </div>
    <div class="cell-one" tabindex="0" role="group" aria-labelledby="h-cell" hidden data-ref="fig1">
      <canvas class="cell-img" role="img" aria-label="" aria-describedby="cell-how cell-desc-1" width="720" height="450" data-ref="img1"></canvas>
      <p class="visually-hidden" id="cell-desc-1" data-ref="desc1"></p>
    </div>
  </div>
  <p class="cell-eq" id="cell-eq" data-ref="eq" data-say="cellui.eqhint"></p>
  <div class="cell-actions">
    <button type="button" class="btn btn-small" aria-pressed="false" data-ref="play" data-say="cellui.play"></button>
    <label for="cell-speed" data-say="cellui.speed"></label>
    <select id="cell-speed" data-ref="speed"></select>
    <button type="button" class="btn btn-small btn-quiet" data-ref="svg" data-say="cellui.svg"></button>
    <button type="button" class="btn btn-small btn-quiet" data-ref="png" data-say="cellui.png"></button>
  </div>
  <ul class="cell-parts" aria-label="" data-say-label="cellui.parts" data-ref="parts"></ul>
</section>`

// buildCellFig makes the cell figure panel of the model column.
func (v *View) buildCellFig() dom.HTMLElement {
	t, c := v.B.Markup(cellMarkup), &v.Fig
	SayIn(t, Say)
	for i := range c.Figs {
		n := string(rune('0' + i))
		c.Figs[i] = CellFig{Root: t.El("fig" + n), Canvas: t.Canvas("img" + n), Desc: t.El("desc" + n)}
	}
	c.Root, c.Title, c.Empty, c.Eq, c.Parts = t.Root, t.El("title"), t.El("empty"), t.El("eq"), t.El("parts")
	c.Play = t.Button("play")
	c.Speed = t.Select("speed")
	for i, s := range CellSpeeds {
		o := v.B.El("option", browser.Attr("value", string(rune('0'+i))), Say(s.Key))
		if s.Ms == 1000 {
			o.SetAttribute("selected", "")
		}
		c.Speed.AppendChild(o)
	}
	c.SVG = t.Button("svg")
	c.PNG = t.Button("png")
	return c.Root
}

// CellPartButtons makes n part buttons (reusing those made before) and
// returns them.
func (v *View) CellPartButtons(n int) []*dom.HTMLButtonElement {
	c := &v.Fig
	for len(c.Buttons) < n {
		btn := v.B.El("button", browser.Attr("type", "button"), browser.Cls("cell-part")).(*dom.HTMLButtonElement)
		c.Parts.AppendChild(v.B.El("li", btn))
		c.Buttons = append(c.Buttons, btn)
	}
	for i, btn := range c.Buttons {
		browser.SetHidden(browser.Parent(btn), i >= n)
	}
	return c.Buttons[:n]
}
