//go:build js && wasm

package ui

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/classroom"
	"lstmplayground/wasm/ui/keep"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/words"
)

// This file is the class board: the page opened with a board link shows a
// card per student, their loss curves on one chart, and the teacher's
// actions (open a run, remove it, close the class); it refreshes itself.

// curveColors are the board's series colours (a card's swatch is its curve's).
var curveColors = [...]string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"}

// boardState is the board's state.
type boardState struct {
	ref       share.Board
	v         *panels.BoardView
	class     classroom.Class
	entries   []classroom.Entry
	sig       string // what the last refresh brought, to tell a change
	unchanged int    // refreshes in a row that brought nothing new
	failures  int
	gen       int // the refresh chain; a refresh asked by hand starts a new one
	viewing   bool
	setups    map[string]decodedSetup // the class's and the entries' setups, decoded
}

// decodedSetup is what share.Decode gave for a setup.
type decodedSetup struct {
	st  share.State
	err error
}

// openBoard puts the page in board mode for the class b.
func (a *app) openBoard(b share.Board) {
	browser.StorageSet(true, classKeyPrefix+b.Class, b.Key)
	orders := [][2]string{}
	for _, o := range classroom.Orders() {
		orders = append(orders, [2]string{o, a.w("class.sort." + o)})
	}
	bs := &boardState{ref: b, v: a.v.BuildBoard(a.w, orders)}
	a.cls.brd = bs
	browser.SetText(bs.v.Heading, a.w("class.reading"))
	browser.SetClass(browser.Root(), "board-mode", true)
	a.tourSt.quiet, a.tourSt.id = true, "" // no guided tour over the board
	browser.SetHidden(a.v.Tour.Root, true)
	browser.Listen(bs.v.Sort, "change", func(dom.Event) { a.renderBoard() })
	browser.Listen(bs.v.Close, "click", func(dom.Event) { a.boardAction("POST", "/close", bs.v.Close) })
	browser.Listen(bs.v.BackBtn, "click", func(dom.Event) { a.backToBoard() })
	browser.OnResize(func() {
		if a.cls.brd != nil {
			a.paintCurves()
		}
	})
	// Large text widens the board (its width is in rem) and the chart's
	// lettering: draw the curves again at the new size.
	browser.Listen(a.v.LargeText, "click", func(dom.Event) { a.paintCurves() })
	a.refreshBoard()
}

// refreshBoard reads the board now and schedules the next refresh: sooner
// after a change, later after each refresh that brought nothing, and after
// a failure by the back-off.
func (a *app) refreshBoard() {
	bs := a.cls.brd
	bs.gen++
	gen := bs.gen
	browser.FetchJSON("GET", "api/classes/"+bs.ref.Class+"/board", nil, bs.ref.Key, func(res browser.JSONResult, err error) {
		if gen != bs.gen {
			return // a newer refresh is under way
		}
		wait := 0
		cl, entries, perr := classroom.ParseBoard(res.Value)
		if err != nil || res.Status != 200 || perr != nil {
			msg, p := a.problemText(res, err)
			bs.failures++
			wait = classroom.Backoff(bs.failures, res.RetryAfter, browser.Random01(), 60000)
			if p.Final {
				browser.SetText(bs.v.Heading, a.w("class.boardTitle", bs.ref.Class))
				a.boardProblem(msg)
				return
			}
			a.boardProblem(a.w("class.refreshFailed", msg, strconv.Itoa((wait+999)/1000)))
		} else {
			bs.failures = 0
			a.boardProblem("")
			a.boardRead(cl, entries)
			wait = classroom.PollMs(bs.unchanged, cl.BoardDelay)
		}
		a.nextRefresh(gen, wait)
	})
}

// nextRefresh refreshes the board after wait ms, unless a newer refresh
// started; while the page is hidden, or shows a run opened from the board,
// it only waits on, so that a board left open in a background tab costs the
// service no reads (Back to the board refreshes at once).
func (a *app) nextRefresh(gen, wait int) {
	bs := a.cls.brd
	browser.Timeout(wait, func() {
		switch {
		case gen != bs.gen:
		case browser.PageIsHidden() || bs.viewing:
			a.nextRefresh(gen, 5000)
		default:
			a.refreshBoard()
		}
	})
}

// boardProblem shows (or, with "", hides) what went wrong.
func (a *app) boardProblem(msg string) {
	v := a.cls.brd.v
	browser.SetText(v.Problem, msg)
	browser.SetHidden(v.Problem, msg == "")
}

// boardRead takes a refresh's class and entries.
func (a *app) boardRead(cl classroom.Class, entries []classroom.Entry) {
	bs := a.cls.brd
	var sig strings.Builder
	sig.WriteString(strconv.FormatBool(cl.Open))
	for _, e := range entries {
		sig.WriteString(e.ID + e.Sent)
	}
	if sig.String() == bs.sig {
		bs.unchanged++
	} else {
		bs.unchanged = 0
	}
	bs.sig, bs.class, bs.entries = sig.String(), cl, entries
	note := a.w("class.refreshed", browser.LocalTime(a.cls.lang.Tag()))
	if cl.BoardDelay > 0 {
		note += " " + a.w("class.delay", strconv.Itoa(cl.BoardDelay))
	}
	browser.SetText(bs.v.Refreshed, note)
	if bs.unchanged == 0 {
		a.decodeSetups(func() { a.renderBoard() })
	}
}

// decodeSetups decodes the setups of the class and its entries that are not
// decoded yet, in a goroutine of its own (the browser inflates a link's text
// asynchronously), and then calls done there. The setups decoded are kept
// for the board's life (a class has a bounded number of entries), so that a
// slower decode that ends after a newer one takes nothing away.
func (a *app) decodeSetups(done func()) {
	bs := a.cls.brd
	if bs.setups == nil {
		bs.setups = make(map[string]decodedSetup)
	}
	setups := []string{bs.class.Setup}
	for _, e := range bs.entries {
		setups = append(setups, e.Setup)
	}
	go func() {
		for _, f := range setups {
			if _, ok := bs.setups[f]; !ok {
				var d decodedSetup
				d.st, d.err = share.Decode(f, linkCodec())
				bs.setups[f] = d
			}
		}
		done()
	}()
}

// decoded gives what share.Decode gave for a setup that decodeSetups read.
func (bs *boardState) decoded(setup string) (share.State, error) {
	d, ok := bs.setups[setup]
	if !ok {
		return share.State{}, errors.New("the setup was not read")
	}
	return d.st, d.err
}

// renderBoard draws the board: title, count, cards in the chosen order, curves.
func (a *app) renderBoard() {
	bs := a.cls.brd
	v := bs.v
	browser.SetText(v.Heading, a.w("class.boardTitle", bs.class.Title))
	browser.SetText(v.Count, a.w("class.count", words.Count(a.cls.lang, int64(len(bs.entries))), words.Count(a.cls.lang, int64(bs.class.MaxEntries))))
	browser.SetHidden(v.Closed, bs.class.Open)
	v.Close.SetDisabled(!bs.class.Open)
	browser.SetHidden(v.Empty, len(bs.entries) > 0)
	colour := map[string]string{}
	for i, e := range bs.entries { // colours by first appearance, the same in every order
		colour[e.ID] = curveColors[i%len(curveColors)]
	}
	sorted := append([]classroom.Entry(nil), bs.entries...)
	classroom.Sort(sorted, v.Sort.Value())
	browser.Clear(v.Cards)
	for _, e := range sorted {
		v.Cards.AppendChild(a.boardCard(e, colour[e.ID]))
	}
	a.paintCurves()
}

// cardMarkup is one student's card on the board (boardCard); data-say
// elements show the class's words (panels.SayIn).
const cardMarkup = `
<li class="board-card" data-entry="">
  <h3><span class="board-swatch" aria-hidden="true" data-ref="swatch"></span><span class="board-nick" data-ref="nick"></span></h3>
  <dl class="board-stats">
    <dt data-say="class.cardLoss"></dt><dd class="board-loss" data-ref="loss"></dd>
    <dt data-say="class.cardUpdates"></dt><dd class="board-updates" data-ref="updates"></dd>
  </dl>
  <go-part data-ref="diffs"></go-part>
  <p class="hint board-sent" data-sent="" data-ref="sent"></p>
  <div class="board-actions">
    <button type="button" class="btn btn-small" data-ref="open" data-say="class.openRun"></button>
    <button type="button" class="btn btn-small btn-quiet" data-ref="remove" data-say="class.remove"></button>
  </div>
</li>`

// boardCard makes one student's card. The nickname, the sample and every
// other value go in as text, never markup.
func (a *app) boardCard(e classroom.Entry, colour string) dom.HTMLElement {
	b, l := a.v.B, a.cls.lang
	t := b.Markup(cardMarkup)
	panels.SayIn(t, a.w)
	t.Root.SetAttribute("data-entry", e.ID)
	t.El("swatch").Style().SetProperty("background", colour, "")
	browser.SetText(t.El("nick"), e.Nickname)
	loss := a.w("class.none")
	if v := e.LastLoss(); !math.IsNaN(v) {
		loss = strconv.FormatFloat(v, 'g', 4, 64)
	}
	browser.SetText(t.El("loss"), loss)
	browser.SetText(t.El("updates"), words.Count(l, int64(e.Updates)))
	diffs := b.El("p", browser.Cls("board-same"), a.w("class.same"))
	if ds := classroom.Differences(l, a.cls.brd.decoded, a.cls.brd.class.Setup, e.Setup); len(ds) > 0 {
		diffs = b.El("p", browser.Cls("board-diff"), a.w("class.differs"))
		for _, d := range ds {
			diffs.AppendChild(b.El("mark", d.Label+" "+d.Value))
		}
	}
	t.Put("diffs", diffs)
	sentP := t.El("sent")
	if e.Sample != "" {
		t.Root.InsertBefore(b.El("p", browser.Cls("hint"), a.w("class.cardSample")), sentP)
		t.Root.InsertBefore(b.El("pre", browser.Cls("board-sample"), e.Sample), sentP)
	}
	if e.Unit != nil {
		t.Root.InsertBefore(b.El("p", browser.Cls("hint"), a.w("class.cardUnit", strconv.Itoa(e.Unit.Index+1), strconv.Itoa(e.Unit.Layer+1))), sentP)
	}
	if e.ModelBytes == 0 {
		t.Root.InsertBefore(b.El("p", browser.Cls("hint"), a.w("class.noModel")), sentP)
	}
	sent := browser.LocalDateTime(e.Sent, l.Tag())
	if sent == "" {
		sent = e.Sent
	}
	sentP.SetAttribute("data-sent", e.Sent)
	browser.SetText(sentP, a.w("class.cardSent", sent))
	remove := t.Button("remove")
	browser.Listen(t.El("open"), "click", func(dom.Event) { a.openRun(e) })
	browser.Listen(remove, "click", func(dom.Event) { a.boardAction("DELETE", "/entries/"+e.ID, remove) })
	return t.Root
}

// boardAction removes an entry or closes the class, then refreshes.
func (a *app) boardAction(method, path string, btn *dom.HTMLButtonElement) {
	bs := a.cls.brd
	btn.SetDisabled(true)
	browser.FetchJSON(method, "api/classes/"+bs.ref.Class+path, nil, bs.ref.Key, func(res browser.JSONResult, err error) {
		btn.SetDisabled(false)
		if err != nil || res.Status >= 300 {
			msg, _ := a.problemText(res, err)
			a.boardProblem(msg)
			return
		}
		bs.unchanged = 0
		a.refreshBoard()
	})
}

// openRun loads an entry's setup and model into the playground, with Back
// to the board above it.
func (a *app) openRun(e classroom.Entry) {
	bs := a.cls.brd
	st, err := bs.decoded(e.Setup) // the card was made after decodeSetups read it
	var s keep.Setup
	if err == nil {
		s, _, err = keep.SetupFromLink(st, a.presets)
	}
	if err != nil {
		a.boardProblem(linkProblem(err))
		return
	}
	a.boardProblem(a.w("class.loading", e.Nickname))
	show := func(model []byte) {
		a.boardProblem("")
		s.Model = model
		bs.viewing = true
		browser.SetClass(browser.Root(), "board-mode", false)
		browser.SetHidden(bs.v.Back, false)
		a.whenStarted(func() { a.applyPlan(s, fromLink, nil) })
		bs.v.BackBtn.Focus()
	}
	if e.ModelBytes == 0 {
		show(nil)
		return
	}
	browser.FetchJSON("GET", "api/classes/"+bs.ref.Class+"/entries/"+e.ID+"/model", nil, bs.ref.Key, func(res browser.JSONResult, err error) {
		if err != nil || res.Status != 200 {
			msg, _ := a.problemText(res, err)
			a.boardProblem(msg)
			return
		}
		show(res.Body)
	})
}

// backToBoard leaves the opened run for the board.
func (a *app) backToBoard() {
	bs := a.cls.brd
	bs.viewing = false
	browser.SetHidden(bs.v.Back, true)
	browser.SetClass(browser.Root(), "board-mode", true)
	a.paintCurves()
	a.refreshBoard()
}

// paintCurves draws every entry's loss curve on one chart, over updates.
func (a *app) paintCurves() {
	bs := a.cls.brd
	if bs.viewing {
		return
	}
	rem := browser.RootFontSize()
	_, _, width, _ := browser.ClientRect(bs.v.Cards)
	if width < 1 {
		// Not laid out yet (the page shows itself once the engine started):
		// draw when it is.
		browser.Timeout(250, a.paintCurves)
		return
	}
	w := math.Max(width, 200)
	h := math.Round(math.Min(math.Max(w*0.4, 12*rem), 26*rem))
	c := bs.v.Curves
	c.Begin(w, h)
	maxU, maxL := 1.0, 0.0
	for _, e := range bs.entries {
		maxU = math.Max(maxU, float64(e.Updates))
		for _, v := range e.Loss {
			maxL = math.Max(maxL, v)
		}
	}
	if maxL <= 0 {
		maxL = 1
	}
	font := strconv.FormatFloat(0.8*rem, 'f', 0, 64) + "px system-ui, sans-serif"
	r := chart.PlotRect(w, h, chart.Margins{Top: rem, Right: rem, Bottom: 2.2 * rem, Left: 3.5 * rem})
	f := chart.NewFrame(r, 0, maxU, 0, maxL)
	c.Line(r.X0, r.Y1, r.X1, r.Y1, panels.ColAxis, 1)
	c.Line(r.X0, r.Y0, r.X0, r.Y1, panels.ColAxis, 1)
	c.Text("0", r.X0, r.Y1+0.3*rem, font, panels.ColMuted, "center", "top")
	c.Text(words.Count(a.cls.lang, int64(maxU)), r.X1, r.Y1+0.3*rem, font, panels.ColMuted, "right", "top")
	c.Text(a.w("class.cardUpdates"), (r.X0+r.X1)/2, r.Y1+0.3*rem, font, panels.ColMuted, "center", "top")
	c.Text(strconv.FormatFloat(maxL, 'g', 3, 64), r.X0-0.3*rem, r.Y0, font, panels.ColMuted, "right", "middle")
	c.Text("0", r.X0-0.3*rem, r.Y1, font, panels.ColMuted, "right", "middle")
	c.TextRotated(a.w("class.cardLoss"), 0.8*rem, (r.Y0+r.Y1)/2, font, panels.ColMuted)
	var pts []chart.Point
	var path []byte
	drawn := 0
	defer func() { bs.v.CurvesEl.SetAttribute("data-curves", strconv.Itoa(drawn)) }()
	for i, e := range bs.entries {
		if len(e.Loss) == 0 {
			continue
		}
		drawn++
		dx := 0.0
		if len(e.Loss) > 1 {
			dx = float64(e.Updates) / float64(len(e.Loss)-1)
		}
		pts = chart.Polyline(pts[:0], f, 0, math.Max(dx, 1e-9), e.Loss)
		path = chart.AppendPath(path[:0], pts)
		c.Stroke(path, curveColors[i%len(curveColors)], math.Max(2, 0.14*rem), nil)
	}
}
