//go:build js && wasm

package ui

import (
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/lesson"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/classroom"
	"lstmplayground/wasm/ui/keep"
	"lstmplayground/wasm/ui/panels"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// This file is the class board on the page (README "Class board"): Start a
// class (Keep and share), Send to the class (a page opened with a class
// link) and the board (a page opened with a board link, board=<id>.<key>).
// classroom has the pure parts; board_js.go the board.

// Keys kept in the browser's localStorage, per class id.
const (
	classKeyPrefix   = "lstm-playground-class-key:"   // the teacher key of a class started here
	classTokenPrefix = "lstm-playground-class-token:" // this student's token for a class
	classNickKey     = "lstm-playground-class-nick"   // the nickname last sent
)

// classState is the page's state of the class board.
type classState struct {
	lang  words.Lang
	info  map[string]any // GET api/'s "classes", once asked (nil: not asked, or none)
	asked bool
	start *panels.ClassStart
	// started is the class started here, whose links the page shows: kept
	// so that a language switch writes them again with the new lang=.
	started *startedClass

	send     *panels.ClassSend
	class    classroom.Class // the class of the link (its ID once read)
	sendBusy bool
	sentOnce bool

	brd *boardState
}

// w returns the word id in the page's language: the Words of the panels.
func (a *app) w(id string, args ...string) string { return words.Text(a.cls.lang, id, args...) }

// initClass sets up the class board's parts from the address: the board in
// board mode, Send to the class for a class link; Start a class always.
func (a *app) initClass() {
	c := &a.cls
	c.lang, _ = words.ParseTag(browser.Root().GetAttribute("lang"))
	c.start = a.v.BuildClassStart(a.w)
	browser.Listen(c.start.Start, "click", func(dom.Event) { a.startClass() })
	copyButton(c.start.CopyStudent, c.start.Student, a.w)
	copyButton(c.start.CopyBrd, c.start.Board, a.w)
	hash := browser.LocationHash()
	if b, ok := share.ParseBoard(hash); ok {
		a.openBoard(b)
		return
	}
	if strings.Contains(hash, "board=") {
		// A board link without its key: the key this browser kept, if any.
		_, id, _ := strings.Cut(hash, "board=")
		id, _, _ = strings.Cut(id, "&")
		if b, ok := share.ParseBoard("board=" + id + "." + browser.StorageGet(true, classKeyPrefix+id)); ok {
			a.openBoard(b)
			return
		}
		a.invalidate(a.st.SetError(present.FieldLink, a.w("class.noKey")))
	}
	if st, err := share.Decode(hash, linkCodec()); err == nil && st.Class != "" { // in the main goroutine
		a.initSend(st.Class)
	}
	if a.lessonSt.on { // a chapter opened by the link before the class parts were built
		a.markLessonTarget(a.classStartTarget())
	}
}

// copyButton makes b copy the link in in.
func copyButton(b *dom.HTMLButtonElement, in *dom.HTMLInputElement, w panels.Words) {
	browser.Listen(b, "click", func(dom.Event) {
		browser.CopyText(in.Value(), func(ok bool) {
			if ok {
				browser.SetText(b, w("class.copied"))
				return
			}
			in.Focus()
			in.Select()
		})
	})
}

// classInfo asks GET api/ once for the class board's limits; done gets them,
// or nil where the site has no class service (a static host).
func (a *app) classInfo(done func(map[string]any)) {
	c := &a.cls
	if c.asked {
		done(c.info)
		return
	}
	browser.FetchJSON("GET", "api/", nil, "", func(res browser.JSONResult, err error) {
		if o, ok := res.Value.(map[string]any); ok && err == nil && res.Status == 200 {
			c.info, _ = o["classes"].(map[string]any)
		}
		c.asked = true
		done(c.info)
	})
}

// problemText words a failed answer of the class service.
func (a *app) problemText(res browser.JSONResult, err error) (string, classroom.Problem) {
	status, code := res.Status, ""
	if err != nil {
		status = 0
	}
	if o, ok := res.Value.(map[string]any); ok {
		code, _ = o["code"].(string)
	}
	p := classroom.ProblemOf(status, code)
	return a.w(p.Word, strconv.Itoa(status)), p
}

// ---- Start a class ----

// startClass starts a class with the page's setup and shows its links.
func (a *app) startClass() {
	c := a.cls.start
	title := strings.TrimSpace(c.Title.Value())
	if title == "" {
		browser.SetText(c.Status, a.w("class.titleEmpty"))
		c.Title.Focus()
		return
	}
	ss := a.currentSetup().ShareState(a.presets, a.linkOptions())
	ss.Model, ss.Shared, ss.Class = nil, "", ""
	if a.lessonSt.on { // the students open the chapter the teacher shows
		ss.Lesson = lesson.Chapters()[a.lessonSt.i].ID
	}
	ss.Lang = lang.Tag() // the class's links open in the teacher's language
	c.Start.SetDisabled(true)
	encodeLink(ss, func(setup string, _ bool, err error) {
		if err != nil {
			c.Start.SetDisabled(false)
			browser.SetText(c.Status, err.Error())
			return
		}
		a.postClass(ss, title, setup)
	})
}

// postClass asks the share service for a class of title with the setup
// ss's link fragment.
func (a *app) postClass(ss share.State, title, setup string) {
	c := a.cls.start
	c.Start.SetDisabled(true)
	browser.SetText(c.Status, a.w("class.starting"))
	a.classInfo(func(info map[string]any) {
		if info == nil {
			browser.SetText(c.Status, a.w("class.static"))
			c.Start.SetDisabled(false)
			return
		}
		browser.FetchJSON("POST", "api/classes", map[string]any{"title": title, "setup": setup}, "", func(res browser.JSONResult, err error) {
			c.Start.SetDisabled(false)
			cl, perr := classroom.ParseClass(res.Value)
			key, _ := mapOf(res.Value)["teacherKey"].(string)
			if err != nil || res.Status != 201 || perr != nil || !share.ValidModelID(key) {
				msg, _ := a.problemText(res, err)
				browser.SetText(c.Status, a.w("class.startFailed", msg))
				return
			}
			a.classStarted(ss, cl, key)
		})
	})
}

// classStartTarget returns Start a class for the lesson to show with its
// chapter (a student link made there opens the chapter), or nil on a
// student's page (opened with a class link) or a board.
func (a *app) classStartTarget() dom.HTMLElement {
	c := &a.cls
	if c.start == nil || c.send != nil || c.brd != nil {
		return nil
	}
	return c.start.Root
}

func mapOf(v any) map[string]any { m, _ := v.(map[string]any); return m }

// startedClass is a class started on this page: its student link's state
// and the board's id and teacher key.
type startedClass struct {
	ss      share.State
	id, key string
}

// classStarted keeps the new class's key and shows its two links.
func (a *app) classStarted(ss share.State, cl classroom.Class, key string) {
	c := a.cls.start
	browser.StorageSet(true, classKeyPrefix+cl.ID, key)
	ss.Class = cl.ID
	a.cls.started = &startedClass{ss: ss, id: cl.ID, key: key}
	a.classLinks(func() {
		browser.SetText(c.Limits, a.w("class.limits", strconv.Itoa(cl.MaxEntries), strconv.Itoa(cl.LifetimeDays)))
		browser.SetText(c.Status, a.w("class.started", cl.Title))
		browser.SetHidden(c.Result, false)
		c.Student.Focus()
		c.Student.Select()
	})
}

// classLinks writes the links of the class started here in the page's
// language (lang=), then calls shown (nil: nothing) if they could be made.
// The browser compresses the student link asynchronously.
func (a *app) classLinks(shown func()) {
	c, sc := a.cls.start, a.cls.started
	if c == nil || sc == nil {
		return
	}
	sc.ss.Lang = lang.Tag()
	tag := lang.Tag()
	encodeLink(sc.ss, func(student string, _ bool, err error) {
		if err != nil {
			browser.SetText(c.Status, err.Error())
			return
		}
		board := browser.PageAddress() + "#" + share.Board{Class: sc.id, Key: sc.key}.Fragment() + "&" + words.LinkKey + "=" + tag
		c.Student.SetValue(browser.PageAddress() + "#" + student)
		c.Board.SetValue(board)
		c.OpenBoard.SetHref(board)
		if shown != nil {
			shown()
		}
	})
}

// ---- Send to the class ----

// initSend shows Send to the class for the class id of the link.
func (a *app) initSend(id string) {
	c := &a.cls
	c.class.ID = id
	c.send = a.v.BuildClassSend(a.w)
	browser.SetText(c.send.Heading, a.w("class.reading"))
	c.send.Nickname.SetValue(browser.StorageGet(true, classNickKey))
	if browser.StorageGet(true, classTokenPrefix+id) != "" {
		browser.SetText(c.send.Send, a.w("class.resend"))
	}
	browser.Listen(c.send.Send, "click", func(dom.Event) { a.sendToClass() })
	browser.FetchJSON("GET", "api/classes/"+id, nil, "", func(res browser.JSONResult, err error) {
		cl, perr := classroom.ParseClass(res.Value)
		if err != nil || res.Status != 200 || perr != nil {
			msg, p := a.problemText(res, err)
			browser.SetText(c.send.Heading, a.w("class.sendTitle", id))
			browser.SetText(c.send.Status, msg)
			c.send.Send.SetDisabled(p.Final)
			return
		}
		c.class = cl
		browser.SetText(c.send.Heading, a.w("class.sendTitle", cl.Title))
		if cl.MaxNickname > 0 {
			c.send.Nickname.SetAttribute("maxlength", strconv.Itoa(cl.MaxNickname))
		}
		if !cl.Open {
			browser.SetText(c.send.Status, a.w("class.err.closed"))
			c.send.Send.SetDisabled(true)
		}
	})
}

// sendToClass checks the nickname and the run, then asks the engine for the
// model file (classExported sends it).
func (a *app) sendToClass() {
	c := &a.cls
	if c.sendBusy {
		return
	}
	if why := classroom.NicknameProblem(c.send.Nickname.Value(), c.class.MaxNickname); why != "" {
		browser.SetText(c.send.Status, a.w(why, strconv.Itoa(max(c.class.MaxNickname, 1))))
		c.send.Nickname.Focus()
		return
	}
	if !a.st.HasData || a.st.Status.Params == 0 || a.st.Update == 0 {
		browser.SetText(c.send.Status, a.w("class.noRun"))
		return
	}
	c.sendBusy = true
	c.send.Send.SetDisabled(true)
	browser.SetText(c.send.Status, a.w("class.sending"))
	a.st.Export(tagClass)
}

// classExported sends the run with its model file (nil when the engine
// could not give it).
func (a *app) classExported(file []byte) {
	c := &a.cls
	if c.send == nil || !c.sendBusy {
		return
	}
	s := a.currentSetup()
	s.Model = nil
	encodeLink(s.ShareState(a.presets, keep.ViewOptions{}), func(setup string, _ bool, err error) {
		if err != nil {
			a.sendDone(err.Error())
			return
		}
		a.sendEntry(setup, file)
	})
}

// sendEntry sends the run with its setup (a link fragment) and its model
// file (nil: none).
func (a *app) sendEntry(setup string, file []byte) {
	c := &a.cls
	limit := c.class.MaxModelBytes
	if limit <= 0 || len(file) > limit {
		file = nil
	}
	token := browser.StorageGet(true, classTokenPrefix+c.class.ID)
	if !share.ValidModelID(token) {
		// Made before the first send, so that a first send retried after a
		// lost answer replaces rather than adds.
		token = classroom.Token(browser.Random16())
		browser.StorageSet(true, classTokenPrefix+c.class.ID, token)
	}
	nick := strings.TrimSpace(c.send.Nickname.Value())
	browser.StorageSet(true, classNickKey, nick)
	send := classroom.Send{Token: token, Nickname: nick, Setup: setup, Model: file, Loss: a.lossValues(),
		Updates: a.st.Update, Sample: a.sampleText(), Unit: a.chosenUnit()}
	a.postEntry(send.Body(max(c.class.MaxSample, 1)), 1, file == nil && a.st.Update > 0)
}

// postEntry sends body, the try-th time; after a 429, a 503 or no answer
// it tries again, up to classroom.MaxTries, waiting longer each time.
func (a *app) postEntry(body map[string]any, try int, noModel bool) {
	c := &a.cls
	browser.FetchJSON("POST", "api/classes/"+c.class.ID+"/entries", body, "", func(res browser.JSONResult, err error) {
		if err == nil && (res.Status == 200 || res.Status == 201) {
			c.sentOnce = true
			loss := a.w("class.none")
			if v, ok := a.st.Losses.LastSmooth(); ok {
				loss = strconv.FormatFloat(v, 'g', 4, 64)
			}
			msg := a.w("class.sent", words.Count(c.lang, int64(a.st.Update)), loss)
			if noModel {
				msg += " " + a.w("class.sentNoModel", strconv.Itoa(c.class.MaxModelBytes))
			}
			a.sendDone(msg)
			browser.SetText(c.send.Send, a.w("class.resend"))
			return
		}
		msg, p := a.problemText(res, err)
		if p.Retry && try < classroom.MaxTries {
			wait := classroom.Backoff(try, res.RetryAfter, browser.Random01(), 30000)
			browser.SetText(c.send.Status, a.w("class.retrying", msg, strconv.Itoa((wait+999)/1000)))
			browser.Timeout(wait, func() { a.postEntry(body, try+1, noModel) })
			return
		}
		a.sendDone(msg)
		c.send.Send.SetDisabled(p.Final)
	})
}

// sendDone ends a send with a message.
func (a *app) sendDone(msg string) {
	c := &a.cls
	c.sendBusy = false
	c.send.Send.SetDisabled(false)
	browser.SetText(c.send.Status, msg)
}

// lossValues returns the smoothed loss of the run (the loss chart's line),
// an entry a value, oldest first: raw losses overlaid for a class would be
// mostly noise.
func (a *app) lossValues() []float64 {
	out := make([]float64, 0, a.st.Losses.Len())
	for _, e := range a.st.Losses.Entries {
		out = append(out, float64(e.Smooth))
	}
	return out
}

// sampleText returns the last sample as text ("" if none was generated).
func (a *app) sampleText() string {
	sm := a.st.Sample
	if sm == nil {
		return ""
	}
	if sm.Kind != lstm.Numbers {
		return sm.Text
	}
	parts := make([]string, len(sm.Values))
	for i, v := range sm.Values {
		parts[i] = strconv.FormatFloat(float64(v), 'g', 4, 32)
	}
	return strings.Join(parts, ", ")
}

// chosenUnit returns the time cursor's unit and the shown layer, if the
// model has them.
func (a *app) chosenUnit() *classroom.Unit {
	cfg := a.st.Status.Config
	l, j := a.st.Layer, a.st.Cursor.Unit
	if l < 0 || l >= cfg.Layers || j < 0 || j >= cfg.Hidden {
		return nil
	}
	return &classroom.Unit{Layer: l, Index: j}
}

// classReply takes the engine's answer to Send to the class's export.
func (a *app) classReply(m any) {
	switch m := m.(type) {
	case protocol.ModelFile:
		a.classExported(m.File)
	case protocol.Error:
		a.sendDone(ErrorText(m))
	}
}
