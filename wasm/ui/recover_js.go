//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/keep"
	"lstmplayground/wasm/ui/present"
)

// This file keeps the page going through what a classroom does to it: the
// engine worker dying (crash recovery: notice, say so, start a new one,
// restore the saved session), the tab being hidden (no drawing; training
// goes on or pauses, per a setting), and Train refused while the training
// text is one the engine refused.

// recovery is the page's state of watching and restarting the engine, and of
// hidden tabs.
type recovery struct {
	watch keep.Watchdog
	hang  keep.HangWatch
	guard keep.CrashGuard
	cause string // why the engine died, while a new one restores the session ("" otherwise)
	// restored is the message of a finished restore, until the top bar's
	// painter writes it: it names the restored update, which the top bar
	// shows in the same frame (paintStats), not a frame or more apart.
	restored string

	box          dom.HTMLElement // the message and, after a crash loop, its buttons
	msg          dom.HTMLElement
	buttons      dom.HTMLElement
	retry, fresh *dom.HTMLButtonElement
	whenHidden   *dom.HTMLSelectElement

	hidden       bool // the tab is hidden
	pausedByHide bool // training was paused because the tab was hidden
}

// recoveryMarkup is the notice of a stopped engine, under the fatal alert;
// whenHiddenMarkup the choice of what training does in a hidden tab, at the
// end of the training settings; trainAlertMarkup the alert of a refused
// Train, beside the general one (buildRecovery).
const recoveryMarkup = `
<div class="notice recovery" aria-label="Training engine" role="region" hidden>
  <p role="alert" class="recovery-msg" data-ref="msg"></p>
  <p class="recovery-actions" hidden data-ref="buttons"><button type="button" class="btn" data-ref="retry">Try again</button> <button type="button" class="btn" data-ref="fresh">Start fresh</button></p>
</div>`

const whenHiddenMarkup = `
<div class="field">
  <label for="when-hidden">When this tab is hidden</label>
  <select id="when-hidden" aria-describedby="when-hidden-hint" data-ref="select"><option value="train">Keep training</option><option value="pause">Pause training</option></select>
  <p class="hint" id="when-hidden-hint">Charts stop drawing while the tab is hidden, and catch up when it is shown.</p>
  <p class="field-error" role="alert" data-field="When this tab is hidden" hidden></p>
</div>`

const trainAlertMarkup = `<p class="field-error" role="alert" data-field="Train" hidden></p>`

// buildRecovery adds the page's parts for recovery and hidden tabs, and
// starts the watch.
func (a *app) buildRecovery() {
	v, r := a.v, &a.rec
	if gen, ok := v.Alerts[""]; ok {
		t := v.B.Markup(trainAlertMarkup)
		v.AlertsOf(t)
		browser.Parent(gen).InsertBefore(t.Root, gen)
	}
	t := v.B.Markup(recoveryMarkup)
	r.box, r.msg, r.buttons = t.Root, t.El("msg"), t.El("buttons")
	r.retry = t.Button("retry")
	r.fresh = t.Button("fresh")
	browser.Parent(v.Fatal).InsertBefore(r.box, browser.NextSibling(v.Fatal))
	browser.Listen(r.retry, "click", func(dom.Event) {
		r.guard.Reset()
		a.failed = false
		browser.SetHidden(r.buttons, true)
		a.restart(r.cause)
	})
	browser.Listen(r.fresh, "click", func(dom.Event) { a.startFresh() })

	w := v.B.Markup(whenHiddenMarkup)
	v.AlertsOf(w)
	r.whenHidden = w.Select("select")
	v.Controls[present.FieldWhenHidden] = r.whenHidden
	v.GrpSettings.AppendChild(w.Root)
	browser.Listen(r.whenHidden, "change", func(dom.Event) { a.saveSoon() })

	r.hidden = browser.PageIsHidden()
	a.frame.SetHidden(r.hidden)
	r.watch.SetHidden(r.hidden, browser.PerfNow())
	r.hang.SetHidden(r.hidden, browser.PerfNow())
	browser.OnVisibility(a.visibility)
	browser.Every(keep.WatchInterval, a.heartbeat)
}

// pauseWhenHidden reports whether the person chose to pause training while
// the tab is hidden.
func (a *app) pauseWhenHidden() bool { return a.rec.whenHidden.Value() == "pause" }

// setPauseWhenHidden shows a restored session's choice.
func (a *app) setPauseWhenHidden(pause bool) {
	if pause {
		a.rec.whenHidden.SetValue("pause")
	} else {
		a.rec.whenHidden.SetValue("train")
	}
}

// visibility takes the tab being hidden or shown: drawing stops, or catches
// up in one frame with the newest state; training pauses and goes on again
// if the person chose so.
func (a *app) visibility(hidden bool) {
	r := &a.rec
	if hidden == r.hidden {
		return
	}
	r.hidden = hidden
	r.watch.SetHidden(hidden, browser.PerfNow())
	r.hang.SetHidden(hidden, browser.PerfNow())
	if hidden {
		a.frame.SetHidden(true)
		if a.pauseWhenHidden() && a.st.Running && !a.failed {
			a.toggleTrain()
			r.pausedByHide = true
		}
		return
	}
	if r.pausedByHide {
		r.pausedByHide = false
		if !a.st.Running && !a.failed && a.eng != nil {
			a.toggleTrain()
		}
	}
	a.dirty |= DirtyStats | DirtyLoss
	a.frame.SetHidden(false)
	a.frame.Request()
}

// heartbeat runs every WatchInterval: it pings the engine's beacon, and
// declares the engine dead when the beacon has been silent too long; it asks
// the engine (Diagnose) when the engine has been silent, and declares it hung
// when the question stays unanswered (HangWatch).
func (a *app) heartbeat(now float64) {
	if a.eng == nil || a.failed {
		return
	}
	r := &a.rec
	ping, dead := r.watch.Tick(now)
	budget := keep.HangBudget(a.st.Status.Params, a.st.Cfg.SeqLen)
	deadline := r.hang.Deadline(budget)
	probe, hung := r.hang.Tick(now, budget)
	switch {
	case dead:
		a.engineDied(a.eng, keep.CauseSilent)
		return
	case hung:
		a.engineDied(a.eng, keep.CauseHung(deadline))
		return
	}
	if ping {
		a.eng.Ping(now)
	}
	if probe {
		a.pair.A.Diagnose()
	}
}

// listenEngine makes l the page's engine: it starts listening, and its
// beacon's echoes feed the watch.
func (a *app) listenEngine(l *browser.EngineLink) {
	a.eng = l
	a.rec.watch.Reset()
	a.rec.hang.Reset()
	l.Watch(func(sent float64) {
		if a.eng == l {
			a.rec.watch.Ack(sent, browser.PerfNow())
		}
	})
	l.Start()
}

// engineDiedFunc returns the failure callback of a link: it counts only while
// the link is the page's engine.
func (a *app) engineDiedFunc(l **browser.EngineLink) func(string) {
	return func(cause string) {
		if *l != nil && a.eng == *l {
			a.engineDied(*l, cause)
		}
	}
}

// engineDied takes the death of the page's engine l: it says so, and starts
// a new engine that restores the saved session, unless the engine has died
// too often.
func (a *app) engineDied(l *browser.EngineLink, cause string) {
	if l == nil || a.eng != l {
		return
	}
	r := &a.rec
	a.eng = nil
	l.Close()
	r.watch.Reset()
	r.hang.Reset()
	a.stopCompare()
	a.st.Running = false
	if !r.guard.Crashed(browser.PerfNow()) {
		r.cause = cause
		a.crashLoop(cause)
		return
	}
	a.restart(cause)
}

// crashLoop stops restarting the engine and offers to try again.
func (a *app) crashLoop(cause string) {
	r := &a.rec
	if !a.shown {
		a.engineFailed(keep.CrashLoopMessage(cause))
		return
	}
	a.failed = true
	r.restored = ""
	browser.SetText(r.msg, keep.CrashLoopMessage(cause))
	browser.SetHidden(r.buttons, false)
	browser.SetHidden(r.box, false)
	a.invalidate(DirtyStats | DirtySample)
}

// restart starts a new engine and has start restore this tab's saved
// session into it, as after a reload.
func (a *app) restart(cause string) {
	r, k := &a.rec, &a.keep
	r.cause = cause
	r.restored = ""
	browser.SetText(r.msg, keep.RestartingMessage(cause))
	browser.SetHidden(r.box, false)
	a.resetForEngine()
	finish, over := a.waitAtMost(2500)
	if k.db == nil {
		finish()
	} else {
		k.db.All(func(keys []string, vals [][]byte, err error) {
			if err == nil {
				for i, key := range keys {
					if key != k.tab || over() { // too late: the page went on without it
						continue
					}
					if rec, s, err := keep.ParseSession(vals[i], a.presets); err == nil {
						k.plan, k.planRec = &s, &rec
					}
				}
			}
			finish()
		})
	}
	var l *browser.EngineLink
	l, err := browser.RestartEngine(a.received, a.engineDiedFunc(&l))
	if err != nil {
		a.engineFailed("LSTM Playground could not start a new training engine: " + err.Error() + ". Reload the page to start it again; a model you saved stays on your computer.")
		return
	}
	a.listenEngine(l)
}

// resetForEngine forgets what the page knew of the engine that died: its
// requests under way will never be answered.
func (a *app) resetForEngine() {
	st, k := a.st, &a.keep
	st.Restart(a.post) // the requests under way are dropped
	st.Generating = false
	st.Stale()
	a.started = false
	a.sentText = ""
	k.importing, k.plan, k.planRec = nil, nil, nil
	if k.shareBusy {
		a.shareDone()
	}
	a.in.textStale = true
	a.in.clampStale = a.in.clamp != nil
	a.snap.asked = a.snap.asked[:0]
	a.invalidate(DirtyAll)
}

// recovered ends a restart: the new engine has the saved session (model:
// with its model at update updates) or the page's text and settings.
func (a *app) recovered(updates uint64, model bool) {
	r := &a.rec
	if r.cause == "" {
		return
	}
	r.restored = keep.RestoredMessage(r.cause, updates, model)
	r.cause = ""
	a.setKeepNotice("")
	a.invalidate(DirtyStats)
}

// paintRestored writes the message of a finished restore (recovered), from
// the top bar's painter.
func (a *app) paintRestored() {
	if r := &a.rec; r.restored != "" {
		browser.SetText(r.msg, r.restored)
		r.restored = ""
	}
}

// recoveryDone hides the message of a recovery (the person trains again).
func (a *app) recoveryDone() {
	if a.rec.cause == "" && !a.failed {
		browser.SetHidden(a.rec.box, true)
	}
}
