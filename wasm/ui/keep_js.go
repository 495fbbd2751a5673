//go:build js && wasm

package ui

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/keep"
	"lstmplayground/wasm/ui/present"
	"lstmplayground/wasm/words"
)

// This file keeps and shares: the session saved in the browser as training
// goes (and restored after a reload or a crash), share links (the setup in
// the URL fragment, the weights too when they fit), the share service, and a
// teacher link's view options.

// Where an import came from, for its messages.
const (
	fromFile    = "file"
	fromLink    = "link"
	fromSession = "session"
)

// saveInterval is the least time between two session saves while training, in ms.
const saveInterval = 4000

// Keys of the small flags kept in the browser.
const (
	tabKey = "lstm-playground-tab" // sessionStorage: this tab's id
)

// importJob is a model file sent to the engine and not yet answered.
type importJob struct {
	from    string
	updates uint64
	cfg     lstm.Config
	kind    lstm.Kind
	after   *lstm.Config // the configuration to send once it is loaded (a link's live settings)
	losses  *LossHistory // the loss history to show with it (a restored session)
}

// keeper is the page's state of keeping and sharing.
type keeper struct {
	db      *browser.SessionDB
	tab     string
	link    string        // the fragment the page was opened with, if it is a share link
	plan    *keep.Setup   // what start applies: a link or a restored session
	planRec *keep.Session // the saved session the plan restores
	waits   int           // lookups start waits for
	offer   *keep.Session
	offerS  keep.Setup

	importing   *importJob
	lastSave    float64
	savedUpdate uint64 // the update count when the session was last saved
	saveArmed   bool
	saveFailed  bool          // the last save failed (said on the page)
	noticeBy    func() string // words the notice shown again after a language switch (nil: it is the page's English)
	retryArmed  bool          // a retry of a failed save is waiting
	model       []byte        // the newest model file exported for the session
	modelGen    uint32        // the generation of that model
	wasRun      bool          // training ran at the last Progress
	noSave      bool          // Start fresh is under way: save nothing more
	shareBusy   bool
	api         *apiInfo // the share service, once asked (nil: not asked yet)
}

// apiInfo is the share service's answer to GET api/.
type apiInfo struct {
	Share         bool
	MaxModelBytes int
	FormatVersion int
}

// parseAPIInfo reads GET api/'s answer; a site without the service gives
// the zero value.
func parseAPIInfo(res browser.HTTPResult, err error) *apiInfo {
	info := &apiInfo{}
	if err != nil || res.Status != 200 || !strings.HasPrefix(res.Type, "application/json") {
		return info
	}
	f := browser.JSONFields(res.Body, "share", "maxModelBytes", "formatVersion")
	info.Share, _ = f["share"].(bool)
	if n, ok := f["maxModelBytes"].(float64); ok && n > 0 && n < 1<<40 {
		info.MaxModelBytes = int(n)
	}
	if n, ok := f["formatVersion"].(float64); ok {
		info.FormatVersion = int(n)
	}
	return info
}

// openKeep asks for the saved sessions as the page starts: the database
// opens and is read while the page is built (its answers come once Run has
// returned), and start waits for it.
func (a *app) openKeep() {
	k := &a.keep
	// Each tab its own session, a duplicated one too; a reload restores
	// the session of the tab reloaded.
	k.tab = browser.ClaimTabID(tabKey, browser.RandomID)
	// A browser that never answers (storage blocked by a policy) must not
	// keep the page from starting.
	finish, _ := a.waitAtMost(2500)
	browser.OpenSessionDB(func(db *browser.SessionDB, err error) {
		if err != nil {
			finish()
			return
		}
		k.db = db
		db.All(func(keys []string, vals [][]byte, err error) {
			if err == nil {
				a.sessionsFound(keys, vals)
			}
			a.probe.Stop("boot:db", 0) // the kept sessions read
			finish()
		})
	})
}

// initKeep reads the link the page was opened with, once the page is built;
// start waits for it and the saved sessions (openKeep).
func (a *app) initKeep() {
	a.readLink(browser.LocationHash())
	a.initClass()
	browser.OnPageHidden(a.pageHidden)
	a.wireKeep()
}

// waitAtMost counts one more thing start waits for and returns the function
// that ends that wait, and one that reports whether it has ended; the wait
// also ends by itself after ms milliseconds, and only once either way.
func (a *app) waitAtMost(ms int) (finish func(), over func() bool) {
	a.keep.waits++
	done := false
	finish = func() {
		if !done {
			done = true
			a.waitDone()
		}
	}
	browser.Timeout(ms, finish)
	return finish, func() bool { return done }
}

// waitDone counts down what start waits for.
func (a *app) waitDone() {
	a.keep.waits--
	if a.keep.waits <= 0 {
		a.start()
	}
}

// readLink reads a share link from the address's fragment: its setup becomes
// the plan and its view options apply at once. A fragment that is no link (an
// anchor) is ignored; a bad link or one from a newer version is said, and
// changes nothing.
func (a *app) readLink(hash string) {
	k := &a.keep
	if strings.TrimPrefix(hash, "#") == "" {
		return
	}
	st, err := share.Decode(hash, linkCodec()) // in the main goroutine: start waits
	if errors.Is(err, share.ErrNotLink) {
		return
	}
	if err != nil {
		a.invalidate(a.st.SetErrorBy(present.FieldLink, func() string { return sayLang("ui.link.bad", linkProblem(err)) }))
		return
	}
	s, opts, err := keep.SetupFromLink(st, a.presets)
	if err != nil {
		a.invalidate(a.st.SetErrorBy(present.FieldLink, func() string { return sayLang("ui.link.bad", say(err.Error())) }))
		return
	}
	id := st.Shared
	k.link = strings.TrimPrefix(hash, "#")
	k.plan = &s
	a.applyView(opts)
	a.showLinkOptions(opts)
	if id != "" {
		a.fetchShared(id, s)
	}
}

// fetchShared downloads a model from the share service and loads it (once
// the engine has the link's data).
func (a *app) fetchShared(id string, s keep.Setup) {
	a.setKeepNotice("Downloading the shared model…")
	browser.FetchBytes("GET", "api/models/"+id, nil, "", func(res browser.HTTPResult, err error) {
		switch {
		case err != nil:
			a.invalidate(a.st.SetErrorBy(present.FieldLink, func() string { return sayLang("ui.shared.offline", err.Error()) }))
			a.setKeepNotice("")
			return
		case res.Status == 404:
			a.invalidate(a.st.SetErrorBy(present.FieldLink, func() string { return sayLang("ui.shared.missing", id) }))
			a.setKeepNotice("")
			return
		case res.Status != 200:
			why := apiError(res)
			a.invalidate(a.st.SetErrorBy(present.FieldLink, func() string { return sayLang("ui.shared.status", why) }))
			a.setKeepNotice("")
			return
		}
		cfg := s.Config
		a.whenStarted(func() {
			if a.keep.planRec != nil {
				return // this tab's saved session came back: it has the model as trained since
			}
			a.importModel(res.Body, fromLink, &cfg, nil)
		})
	})
}

// apiError describes an error answer of the share service.
func apiError(res browser.HTTPResult) string {
	if strings.HasPrefix(res.Type, "application/json") {
		if e, ok := browser.JSONFields(res.Body, "error")["error"].(string); ok && e != "" {
			return strconv.Itoa(res.Status) + " (" + strings.TrimSuffix(e, ".") + ")"
		}
	}
	return strconv.Itoa(res.Status)
}

// whenStarted runs f now if the page has started, else once it starts.
func (a *app) whenStarted(f func()) {
	if a.started {
		f()
		return
	}
	a.afterStart = append(a.afterStart, f)
}

// sessionsFound picks, from the saved sessions, the one to restore (this
// tab's, after a reload or a crash) or to offer (the newest, in a new tab),
// and forgets all but the newest few.
func (a *app) sessionsFound(keys []string, vals [][]byte) {
	k := &a.keep
	type found struct {
		key string
		rec keep.Session
		s   keep.Setup
	}
	var ok []found
	var bad []string
	for i, v := range vals {
		rec, s, err := keep.ParseSession(v, a.presets)
		if err != nil {
			if !errors.Is(err, keep.ErrNewerSession) {
				bad = append(bad, keys[i])
			}
			continue
		}
		ok = append(ok, found{keys[i], rec, s})
	}
	// Newest first. The sort runs on indices: slices' sort for int is in
	// app.wasm anyway, one for found would add 20 KB of code.
	idx := make([]int, len(ok))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(ok[j].rec.Saved, ok[i].rec.Saved) })
	byNew := make([]found, len(ok))
	for k, i := range idx {
		byNew[k] = ok[i]
	}
	ok = byNew
	// The session to offer is the newest with a trained model: a tab opened
	// since and left untrained (a bad link, a look at a preset) saves an
	// empty session that must neither hide it nor push it out.
	offer := slices.IndexFunc(ok, func(f found) bool { return f.rec.Updates > 0 })
	const keep = 4
	for i := keep; i < len(ok); i++ {
		if i != offer {
			bad = append(bad, ok[i].key)
		}
	}
	if len(bad) > 0 && k.db != nil {
		k.db.Delete(bad, nil)
	}
	for _, f := range ok {
		if f.key == k.tab && f.rec.Link == k.link {
			// This tab's session: a reload or a crashed tab comes back.
			rec, s := f.rec, f.s
			k.plan, k.planRec = &s, &rec
			return
		}
	}
	if offer >= 0 {
		rec := ok[offer].rec
		k.offer, k.offerS = &rec, ok[offer].s
		a.showOffer()
	}
}

// showOffer says that a saved session can be restored.
func (a *app) showOffer() {
	k, kv := &a.keep, &a.v.Keep
	if k.offer == nil {
		browser.SetHidden(kv.Offer, true)
		return
	}
	browser.SetText(kv.OfferText, sayLang("keep.offer", say(a.setupName(k.offerS)), k.offerS.Config.Cell.String(),
		present.FormatCount(k.offer.Updates), say(ago(browser.NowMillis()-k.offer.Saved)))+" ")
	browser.SetHidden(kv.Offer, false)
}

// setupName names the training text of a setup.
func (a *app) setupName(s keep.Setup) string {
	if s.Preset >= 0 && s.Preset < len(a.presets) {
		return a.presets[s.Preset].Name
	}
	return "your own text"
}

// ago says how long ago ms milliseconds were.
func ago(ms int64) string {
	switch s := ms / 1000; {
	case s < 60:
		return "just now"
	case s < 3600:
		return plural(s/60, "minute") + " ago"
	case s < 48*3600:
		return plural(s/3600, "hour") + " ago"
	default:
		return plural(s/86400, "day") + " ago"
	}
}

func plural(n int64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.FormatInt(n, 10) + " " + unit + "s"
}

// setKeepNotice shows a sentence about keeping and sharing under the top bar
// ("" hides it).
func (a *app) setKeepNotice(s string) {
	a.keep.noticeBy = nil
	browser.SetText(a.v.Keep.Notice, s)
	browser.SetHidden(a.v.Keep.Notice, s == "")
}

// setKeepNoticeBy shows the notice word writes in the page's language, and
// again in the new language after a switch (rewordKeepNotice).
func (a *app) setKeepNoticeBy(word func() string) {
	a.setKeepNotice(word())
	a.keep.noticeBy = word
}

// rewordKeepNotice words the notice shown again, after a language switch.
func (a *app) rewordKeepNotice() {
	if word := a.keep.noticeBy; word != nil {
		a.setKeepNoticeBy(word)
	}
}

// applyPlan puts a setup on the page and sends it to the engine: the
// configuration, the data, and its model if it has one.
func (a *app) applyPlan(s keep.Setup, from string, losses *LossHistory) {
	v := a.v
	a.stopCompare()
	if s.Gap > 0 {
		a.useGap(s.Gap) // the memory-gap preset, and the slider, at the setup's gap
	}
	if s.Preset >= 0 && s.Preset < len(a.presets) && a.presets[s.Preset].Text == s.Text {
		a.choosePreset(s.Preset, false)
	} else {
		v.Preset.SetValue("custom")
		browser.SetText(v.PresetAbout, "Your own text: anything you type or paste.")
		v.Text.SetValue(s.Text)
		a.presetText = ""
		a.setMode(s.Mode)
	}
	if s.Probe != "" {
		a.probeEdit = s.Probe != content.DefaultProbe(s.Text, s.Mode) && (s.Preset < 0 || s.Probe != a.presets[s.Preset].Probe)
		v.Probe.SetValue(s.Probe)
		a.invalidate(a.st.SetProbe(s.Probe))
	}
	a.showConfig(s.Config, true)
	v.Temperature.SetValue(strconv.FormatFloat(s.Temperature, 'g', -1, 64))
	a.pair.SetConfig(s.Config)
	a.sendTextNow(true) // whatever the engine has, send the setup's text
	if s.Model != nil {
		cfg := s.Config
		a.importModel(s.Model, from, &cfg, losses)
	}
	a.invalidate(DirtyAll)
}

// importModel checks a model file and sends it to the engine; after is the
// configuration to send once it is loaded (its architecture is the file's).
// A file that does not decode is refused here, with the reason, and changes
// nothing.
func (a *app) importModel(file []byte, from string, after *lstm.Config, losses *LossHistory) {
	m, err := lstm.UnmarshalModel(file)
	if err != nil {
		a.importFailed(from, func() string { return words.ModelFileReason(lang, err) })
		return
	}
	a.stopCompare()
	job := &importJob{from: from, updates: m.Updates, cfg: m.Config, kind: m.Kind, losses: losses}
	if after != nil {
		c := *after
		c.Cell, c.Layers, c.Hidden, c.Seed, c.Init, c.ForgetBias = m.Config.Cell, m.Config.Layers, m.Config.Hidden, m.Config.Seed, m.Config.Init, m.Config.ForgetBias
		if c.Validate() == nil && c != m.Config {
			job.after = &c
		}
	}
	a.keep.importing = job
	if from == fromFile {
		a.invalidate(a.st.SetError(present.FieldLoad, ""))
	}
	a.st.Import(tagImport, file)
	a.invalidate(DirtyStats)
}

// importFailed says why a model was not loaded; the current model stays.
// reason words why in the page's language (again after a language switch).
func (a *app) importFailed(from string, reason func() string) {
	a.keep.importing = nil
	why := func(id string) func() string {
		return func() string { return sayLang(id, strings.TrimRight(reason(), ".。")) }
	}
	switch from {
	case fromFile:
		a.invalidate(a.st.SetErrorBy(present.FieldLoad, why("ui.load.kept")))
	case fromLink:
		a.invalidate(a.st.SetErrorBy(present.FieldLink, why("ui.load.link")))
		a.setKeepNotice("")
	default:
		a.invalidate(a.st.SetErrorBy(present.FieldLink, why("ui.load.session")))
		a.setKeepNotice("")
		a.recovered(0, false)
	}
}

// importReply takes the engine's answer to the model file it was sent: the
// Status of the loaded model, or why it was refused.
func (a *app) importReply(r client.Reply) {
	j := a.keep.importing
	if j == nil || !r.Done {
		return
	}
	a.keep.importing = nil
	switch m := r.Msg.(type) {
	case protocol.Error:
		a.importFailed(j.from, func() string { return ErrorText(m) })
	case protocol.Status:
		a.imported(j, m)
	}
}

// imported shows the model a model file, link or session brought.
func (a *app) imported(j *importJob, m protocol.Status) {
	a.keep.model = nil
	a.setMode(m.Kind)
	a.sentMode = m.Kind
	a.st.Losses.Reset()
	a.st.Losses.First = m.Updates + 1
	if j.losses != nil && j.losses.Len() > 0 && j.losses.First <= m.Updates {
		h := *j.losses
		h.Truncate(m.Updates)
		if h.Len() > 0 {
			a.st.Losses = h
		}
	}
	a.st.ModelReset = false
	if j.after != nil {
		a.pair.SetConfig(*j.after)
	}
	if m.Length == 0 {
		// The model cannot read the page's data (the other mode): the engine
		// kept the model and dropped the data. Give it a preset it can read.
		if i := content.PresetFor(a.presets, m.Kind, m.Vocab); i >= 0 {
			a.choosePreset(i, true)
		} else {
			a.setKeepNotice("Loaded the model file (" + m.Config.Cell.String() + ", " + present.FormatCount(m.Updates) + " updates). It reads " +
				keep.ModeName(m.Kind) + ": type a training text it knows to train it further.")
			a.invalidate(DirtyAll)
			return
		}
	}
	switch j.from {
	case fromFile:
		a.setKeepNotice("Loaded the model file: " + m.Config.Cell.String() + ", " + strconv.Itoa(m.Config.Hidden) + " hidden units, trained for " + present.FormatCount(m.Updates) + " updates.")
	case fromLink:
		a.setKeepNotice("Loaded the link's model: " + m.Config.Cell.String() + ", " + strconv.Itoa(m.Config.Hidden) + " hidden units, trained for " + present.FormatCount(m.Updates) + " updates. Press Train to go on training it.")
	default:
		if a.rec.cause != "" {
			a.recovered(m.Updates, true)
			break
		}
		a.setKeepNotice("Restored your session: " + m.Config.Cell.String() + ", trained for " + present.FormatCount(m.Updates) + " updates. Start fresh (under Keep and share) forgets it.")
	}
	a.invalidate(DirtyAll)
	a.saveSoon()
}

// ---- the saved session ----

// currentSetup describes the page as it is: what the engine has.
func (a *app) currentSetup() keep.Setup {
	preset := -1
	if i, err := strconv.Atoi(a.v.Preset.Value()); err == nil && i >= 0 && i < len(a.presets) && a.presets[i].Text == a.sentText {
		preset = i
	}
	temp, err := present.SpecTemperature.Parse(a.v.Temperature.Value())
	if err != nil {
		temp = share.DefaultTemperature
	}
	return keep.Setup{Preset: preset, Text: a.sentText, Mode: a.sentMode, Config: a.st.Cfg, Probe: a.st.Probe, Temperature: temp}
}

// canSave reports whether there is a session worth keeping.
func (a *app) canSave() bool {
	return !a.keep.noSave && a.keep.db != nil && a.started && a.st.HasData && a.sentText != ""
}

// saveSoon saves the session in about a second (settings changed).
func (a *app) saveSoon() {
	if a.keep.saveArmed || !a.canSave() {
		return
	}
	a.keep.saveArmed = true
	browser.Timeout(1000, func() {
		a.keep.saveArmed = false
		a.requestSave()
	})
}

// requestSave asks the engine for the model; the session is written when it
// arrives.
func (a *app) requestSave() {
	if !a.canSave() {
		return
	}
	a.keep.lastSave = float64(browser.NowMillis())
	a.keep.savedUpdate = a.st.Update
	if a.st.Status.Params == 0 {
		a.writeSession()
		return
	}
	a.st.Export(tagSession)
}

// writeSession writes the session with the newest exported model.
func (a *app) writeSession() {
	k := &a.keep
	if !a.canSave() {
		return
	}
	s := a.currentSetup()
	if k.model != nil && k.modelGen == a.st.Gen {
		s.Model = k.model
	}
	rec, err := keep.NewSession(s, a.presets, a.st.Update, &a.st.Losses)
	if err != nil {
		return
	}
	rec.Tab, rec.Saved, rec.Link = k.tab, browser.NowMillis(), k.link
	rec.HiddenPause = a.pauseWhenHidden()
	if a.primeEdit {
		rec.Prime = a.v.Prime.Value()
	}
	data := rec.Marshal()
	k.db.Put(k.tab, data, a.sessionWritten)
}

// saveRetry is the time between two tries to save a session the browser
// could not keep (its storage full), in ms.
const saveRetry = 5000

// sessionWritten takes the outcome of a session save: a failure is said,
// with Save model as the way to keep the model, and the save is tried again
// every few seconds until it succeeds (space frees up); a success after
// failures takes the message away.
func (a *app) sessionWritten(err error) {
	k := &a.keep
	if err == nil {
		if k.saveFailed {
			k.saveFailed = false
			a.setKeepNotice("")
		}
		return
	}
	k.saveFailed = true
	a.setKeepNoticeBy(func() string { return sayLang("keep.saveFailed", err.Error()) })
	if !k.retryArmed {
		k.retryArmed = true
		browser.Timeout(saveRetry, func() {
			k.retryArmed = false
			if k.saveFailed {
				a.requestSave()
			}
		})
	}
}

// sessionProgress saves the session every few seconds while training, and
// when training stops.
func (a *app) sessionProgress(m protocol.Progress) {
	k := &a.keep
	now := float64(browser.NowMillis())
	switch {
	case m.Running && now-k.lastSave >= saveInterval, !m.Running && k.wasRun:
		a.requestSave()
	case !m.Running && m.Update != k.savedUpdate:
		a.saveSoon() // Step, Reset
	}
	k.wasRun = m.Running
}

// pageHidden saves at once what is known (the page may be closing and the
// engine's answer may not come), then asks for a fresh model to save.
func (a *app) pageHidden() {
	if !a.canSave() {
		return
	}
	a.writeSession()
	a.requestSave()
}

// startFresh forgets every saved session and loads the page anew: from its
// defaults, or from the link it was opened with.
func (a *app) startFresh() {
	k := &a.keep
	k.noSave = true
	done := func(error) { browser.ReloadPage() }
	if k.db == nil {
		done(nil)
		return
	}
	k.db.Clear(done)
}

// restoreOffered restores the session the page offered.
func (a *app) restoreOffered() {
	k := &a.keep
	if k.offer == nil || !a.started {
		return
	}
	rec, s := *k.offer, k.offerS
	k.offer = nil
	a.showOffer()
	h := rec.LossHistory()
	a.pair.Pause()
	a.applyPlan(s, fromSession, &h)
	a.restorePrime(rec.Prime)
	a.setPauseWhenHidden(rec.HiddenPause)
	if s.Model == nil {
		a.setKeepNotice("Restored your last session's text and settings (it had no model saved).")
	}
}

// restorePrime puts a saved Generate prime back ("" keeps the default).
func (a *app) restorePrime(p string) {
	if p == "" {
		return
	}
	a.primeEdit = true
	a.v.Prime.SetValue(p)
}

// ---- sharing ----

// shareSetup makes a link to the page's setup, with the weights if they fit.
func (a *app) shareSetup() {
	a.invalidate(a.st.SetError(present.FieldShare, ""))
	if !a.st.HasData || a.sentText == "" {
		a.invalidate(a.st.SetError(present.FieldShare, "There is no training data yet: type a training text or pick a preset."))
		return
	}
	if a.st.Status.Params == 0 || a.st.Update == 0 {
		a.showLink(a.currentSetup(), nil, "", nil)
		return
	}
	a.st.Export(tagLink)
}

// shareModel shares the trained model: through the share service where the
// site has one, else in the link itself.
func (a *app) shareModel() {
	k := &a.keep
	a.invalidate(a.st.SetError(present.FieldShare, ""))
	if !a.st.HasData || a.st.Status.Params == 0 {
		a.invalidate(a.st.SetError(present.FieldShare, "There is no model yet: type a training text or pick a preset, and train it."))
		return
	}
	if k.shareBusy {
		return
	}
	k.shareBusy = true
	a.v.Keep.ShareModel.SetDisabled(true)
	browser.SetHidden(a.v.Keep.LinkBox, true)
	a.st.Export(tagShare)
}

// shareDone ends a share: the button works again.
func (a *app) shareDone() {
	a.keep.shareBusy = false
	a.v.Keep.ShareModel.SetDisabled(false)
}

// shareExported takes the model file of Share trained model.
func (a *app) shareExported(file []byte) {
	k := &a.keep
	s := a.currentSetup()
	upload := func() {
		browser.FetchBytes("POST", "api/models", file, "application/octet-stream", func(res browser.HTTPResult, err error) {
			var id string
			// 201: stored; 200: the same file was shared before, under id.
			if err == nil && (res.Status == 201 || res.Status == 200) {
				id, _ = browser.JSONFields(res.Body, "id")["id"].(string)
			}
			if !share.ValidModelID(id) {
				why := "the share service did not answer"
				if err == nil {
					why = "the share service answered " + apiError(res)
				}
				s.Model = file
				a.showLink(s, file, "The model could not be uploaded ("+why+"), so ", a.shareDone)
				return
			}
			ss := s.ShareState(a.presets, a.linkOptions())
			ss.Lang = lang.Tag()
			ss.Model, ss.Shared = nil, id // the model stays with the share service
			encodeLink(ss, func(frag string, _ bool, ferr error) {
				if ferr != nil {
					a.invalidate(a.st.SetError(present.FieldShare, ferr.Error()))
					a.shareDone()
					return
				}
				a.setLink(frag,
					"The link opens this setup and the trained model ("+present.FormatCount(len(file))+" bytes, update "+present.FormatCount(a.st.Update)+"), kept by this site's share service.")
				a.shareDone()
			})
		})
	}
	if k.api != nil {
		if k.api.Share && k.api.FormatVersion == 1 && len(file) <= k.api.MaxModelBytes {
			upload()
			return
		}
		s.Model = file
		a.showLink(s, file, "", a.shareDone)
		return
	}
	browser.FetchBytes("GET", "api/", nil, "", func(res browser.HTTPResult, err error) {
		info := parseAPIInfo(res, err)
		k.api = info
		if info.Share && info.FormatVersion == 1 && len(file) <= info.MaxModelBytes {
			upload()
			return
		}
		s.Model = file
		a.showLink(s, file, "", a.shareDone)
	})
}

// showLink shows a link to s that carries its model in the fragment if it
// fits (lead starts the note), then calls then (nil: nothing). The browser
// compresses the link asynchronously.
func (a *app) showLink(s keep.Setup, file []byte, lead string, then func()) {
	s.Model = file
	ls := s.ShareState(a.presets, a.linkOptions())
	ls.Lang = lang.Tag()
	encodeLink(ls, func(frag string, dropped bool, err error) {
		if then != nil {
			defer then()
		}
		if err != nil {
			a.invalidate(a.st.SetError(present.FieldShare, err.Error()))
			return
		}
		a.setLink(frag, lead+a.linkNote(file, dropped, lead == ""))
	})
}

// linkNote says what a link carries: the model file (nil: none), dropped
// when it did not fit; first, that it starts the note.
func (a *app) linkNote(file []byte, dropped, first bool) string {
	var note string
	switch {
	case file == nil:
		note = "the link opens this text and these settings, with a fresh model."
	case dropped:
		note = "the link opens this text and these settings, without the trained weights: the model (" + present.FormatCount(len(file)) + " bytes) is too large for a link. Use Save model to pass it on as a file."
	default:
		note = "the link opens this text, these settings and the trained weights (update " + present.FormatCount(a.st.Update) + ")."
	}
	if first {
		note = strings.ToUpper(note[:1]) + note[1:]
	}
	return note
}

// linkOptions returns the teacher options the person chose for links.
func (a *app) linkOptions() keep.ViewOptions {
	kv := &a.v.Keep
	var o keep.ViewOptions
	for _, name := range share.HideNames() {
		if kv.Hide[name].Checked() {
			o.Hide = append(o.Hide, name)
		}
	}
	o.Only = kv.Only.Value()
	o.Embed = kv.Embed.Checked()
	return o
}

// showLinkOptions puts a link's teacher options into the controls.
func (a *app) showLinkOptions(o keep.ViewOptions) {
	kv := &a.v.Keep
	for name, in := range kv.Hide {
		in.SetChecked(o.Hides(name))
	}
	kv.Only.SetValue(o.Only)
	kv.Embed.SetChecked(o.Embed)
	if o.Any() {
		kv.Teacher.SetAttribute("open", "")
	}
}

// setLink shows the link of a fragment.
func (a *app) setLink(frag, note string) {
	kv := a.v.Keep
	url := browser.PageAddress() + "#" + frag
	kv.Link.SetValue(url)
	browser.SetHidden(kv.EmbedField, !kv.Embed.Checked())
	if kv.Embed.Checked() {
		kv.EmbedCode.SetValue(`<iframe src="` + strings.ReplaceAll(url, `"`, "%22") + `" width="720" height="560" style="border:0" title="LSTM Playground" loading="lazy"></iframe>`)
	}
	browser.SetText(kv.LinkNote, note)
	browser.SetText(kv.Copy, "Copy link")
	browser.SetHidden(kv.LinkBox, false)
	kv.Link.Focus()
	kv.Link.Select()
}

// keepReply takes the answer to an export the page asked for itself: the
// saved session's model, a share, a link or the PyTorch weights.
func (a *app) keepReply(r client.Reply) {
	k := &a.keep
	switch m := r.Msg.(type) {
	case protocol.ModelFile:
		switch r.Tag {
		case tagSession:
			k.model, k.modelGen = m.File, m.Gen
			a.writeSession()
		case tagShare:
			a.shareExported(m.File)
		case tagLink:
			a.showLink(a.currentSetup(), m.File, "", nil)
		case tagPyTorch:
			a.downloadPyTorch(m.File)
		}
	case protocol.Error:
		switch r.Tag {
		case tagShare, tagLink:
			a.shareDone()
			a.invalidate(a.st.SetErrorBy(present.FieldShare, func() string { return ErrorText(m) }))
		case tagPyTorch:
			a.invalidate(a.st.SetErrorBy(present.FieldExport, func() string { return ErrorText(m) }))
		}
	}
}

// wireKeep connects the keep-and-share controls.
func (a *app) wireKeep() {
	kv := &a.v.Keep
	browser.Listen(kv.ShareSetup, "click", func(dom.Event) { a.shareSetup() })
	browser.Listen(kv.ShareModel, "click", func(dom.Event) { a.shareModel() })
	browser.Listen(kv.Copy, "click", func(dom.Event) {
		browser.CopyText(kv.Link.Value(), func(ok bool) {
			if ok {
				browser.SetText(kv.Copy, "Copied")
			} else {
				kv.Link.Focus()
				kv.Link.Select()
				browser.SetText(kv.LinkNote, "Press Ctrl+C (⌘C on a Mac) to copy the selected link.")
			}
		})
	})
	browser.Listen(kv.Fresh, "click", func(dom.Event) { a.startFresh() })
	browser.Listen(kv.OfferRestore, "click", func(dom.Event) { a.restoreOffered() })
	browser.Listen(kv.OfferDismiss, "click", func(dom.Event) {
		a.keep.offer = nil
		a.showOffer()
	})
}

// ---- teacher links ----

// applyView applies a link's view options: hidden controls, a single chart,
// the embed mode.
func (a *app) applyView(o keep.ViewOptions) {
	v := a.v
	html := browser.Root()
	groups := map[string][]dom.HTMLElement{
		share.HideData:      {v.GrpData},
		share.HideSettings:  {v.GrpSettings, v.GrpArch},
		share.HideTrain:     {v.GrpRun},
		share.HideProbe:     {v.GrpProbe},
		share.HideGenerate:  {v.GrpGenerate},
		share.HideInspector: {v.GrpInspector},
		share.HideUnits:     v.UnitGroups(),
		share.HideCompare:   v.CompareGroups(),
		share.HideExport:    {v.GrpExport},
	}
	for _, name := range o.Hide {
		for _, e := range groups[name] {
			if e != nil {
				browser.SetHidden(e, true)
			}
		}
	}
	if o.Hides(share.HideExport) {
		for _, t := range v.Exp.PNGs {
			browser.SetHidden(t.Btn, true)
		}
	}
	dataGone := o.Hides(share.HideData) && o.Hides(share.HideSettings) && o.Hides(share.HideExport)
	browser.SetHidden(v.DataCol, dataGone)
	browser.SetClass(html, "no-data-col", dataGone)
	if o.Only != "" {
		targets := v.ChartTargets(o.Only)
		if !o.Hides(share.HideCompare) && (o.Only == share.ChartReach || o.Only == share.ChartLoss) {
			// The gradient reach and the loss tell most beside the other cell.
			targets = append(targets, v.Cmp.Row, v.Cmp.RaceFig)
		}
		if len(targets) > 0 {
			browser.SetClass(html, "only", true)
			for _, t := range targets {
				t.Class().Add("keep-target")
				for p := browser.Parent(t); p != nil && p != v.App; p = browser.Parent(p) {
					p.Class().Add("keep-path")
				}
			}
		}
	}
	if o.Embed || o.Only != "" {
		a.tourSt.quiet = true
		a.tourSt.id = ""
		browser.SetHidden(v.Tour.Root, true)
	}
	if o.Embed {
		browser.SetClass(html, "embed", true)
		browser.SetHidden(v.Footer, true)
	}
}
