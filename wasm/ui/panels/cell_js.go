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

// CellFig is one drawing of the cell: the image of the scene (an SVG
// document, vector, so it stays sharp at any size) and its text for a
// screen reader.
type CellFig struct {
	Root dom.HTMLElement
	Img  *dom.HTMLImageElement
	Desc dom.HTMLElement // cell.Describe's text, the image's description
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

// CellSpeeds are the play control's paces, in ms per step, with their
// catalogue keys.
var CellSpeeds = []struct {
	Ms  int
	Key string
}{{2000, "cellui.speed.slow"}, {1000, "cellui.speed.class"}, {333, "cellui.speed.fast"}}

// buildCellFig makes the cell figure panel of the model column.
func (v *View) buildCellFig() dom.HTMLElement {
	b, c := v.B, &v.Fig
	for i := range c.Figs {
		f := &c.Figs[i]
		id := "cell-desc-" + string(rune('0'+i))
		f.Img = b.El("img", browser.Cls("cell-img"), browser.Attr("alt", ""), browser.Attr("aria-describedby", id), browser.Attr("draggable", "false")).(*dom.HTMLImageElement)
		f.Desc = b.El("p", browser.Cls("visually-hidden"), browser.ID(id))
		// At phone width the figure scrolls sideways (style.css): the
		// scroller takes focus so that the keyboard can scroll it too.
		f.Root = b.El("div", browser.Cls("cell-one"), browser.Attr("tabindex", "0"), browser.Attr("role", "group"), browser.Attr("aria-labelledby", "h-cell"), f.Img, f.Desc)
		browser.SetHidden(f.Root, true)
	}
	c.Title = b.El("h3", browser.ID("h-cell"), Say("cellui.title"))
	c.Empty = b.El("p", browser.Cls("empty"), Say("cellui.empty"))
	c.Eq = b.El("p", browser.Cls("cell-eq"), browser.ID("cell-eq"), Say("cellui.eqhint"))
	c.Parts = b.El("ul", browser.Cls("cell-parts"), browser.Attr("aria-label", Say("cellui.parts")))
	c.Play = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small"), browser.Attr("aria-pressed", "false"), Say("cellui.play")).(*dom.HTMLButtonElement)
	c.Speed = b.El("select", browser.ID("cell-speed")).(*dom.HTMLSelectElement)
	for i, s := range CellSpeeds {
		o := b.El("option", browser.Attr("value", string(rune('0'+i))), Say(s.Key))
		if s.Ms == 1000 {
			o.SetAttribute("selected", "")
		}
		c.Speed.AppendChild(o)
	}
	c.SVG = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), Say("cellui.svg")).(*dom.HTMLButtonElement)
	c.PNG = b.El("button", browser.Attr("type", "button"), browser.Cls("btn btn-small btn-quiet"), Say("cellui.png")).(*dom.HTMLButtonElement)
	c.Root = b.El("section", browser.Cls("cell-fig"), browser.Attr("aria-labelledby", "h-cell"),
		c.Title,
		b.El("p", browser.Cls("howto"), Say("cellui.how")),
		c.Empty,
		b.El("div", browser.Cls("cell-pair"), c.Figs[0].Root, c.Figs[1].Root),
		c.Eq,
		b.El("div", browser.Cls("cell-actions"), c.Play,
			b.El("label", browser.Attr("for", "cell-speed"), Say("cellui.speed")), c.Speed, c.SVG, c.PNG),
		c.Parts)
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
