//go:build js && wasm

package ui

import (
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// This file is the top bar's wiring and painting: Train (or Pause), Step,
// Reset, the Space key, Large text, the cell, hidden units and learning
// rate, the update, loss and speed figures, and the training state said to
// screen readers. Its elements are built by panels (topbar_js.go).

// wireTopBar makes the top bar work: Train, Step, Reset, Large text, the
// Space key, and the cell, hidden units and learning rate.
func (a *app) wireTopBar() {
	v := a.v
	browser.Listen(v.Train, "click", func(dom.Event) { a.toggleTrain() })
	browser.Listen(v.Step, "click", func(dom.Event) {
		if !a.st.HasData && !a.st.DataUnderWay() {
			a.invalidate(a.st.SetError(present.FieldText, "There is no training data yet: type a training text or pick a preset."))
			return
		}
		if a.refuseTrain("One update") {
			return
		}
		a.st.ModelReset = false
		a.st.Stale()
		a.pair.Step()
		a.invalidate(DirtyStats)
	})
	browser.Listen(v.Reset, "click", func(dom.Event) {
		a.st.Stale()
		a.pair.Reset()
		a.invalidate(DirtyStats)
	})
	browser.Listen(v.LargeText, "click", func(dom.Event) {
		a.largeText = !a.largeText
		html := browser.Root()
		browser.SetClass(html, "large-text", a.largeText)
		v.LargeText.SetAttribute("aria-pressed", strconv.FormatBool(a.largeText))
		a.invalidate(DirtyAll)
	})
	browser.Listen(dom.GetWindow().Document(), "keydown", func(ev dom.Event) {
		if browser.EventKey(ev) != " " || browser.EventModified(ev) {
			return
		}
		// Space trains or pauses when it would do nothing else: focus on the
		// page itself, not on a control or the heatmaps.
		if tag := browser.ActiveTag(); tag == "body" || tag == "html" || tag == "" {
			ev.PreventDefault()
			a.toggleTrain()
		}
	})

	browser.Listen(v.Cell, "change", func(dom.Event) {
		cell := lstm.CellLSTM
		if v.Cell.Value() == "1" {
			cell = lstm.CellRNN
		}
		a.sendConfig(present.FieldCell, func(c *lstm.Config) { c.Cell = cell }, true)
	})
	a.intSetting(v.Hidden, present.SpecHidden, func(c *lstm.Config, n int) { c.Hidden = n }, true)
	a.floatSetting(v.LR, present.SpecLR, func(c *lstm.Config, x float64) { c.LearningRate = x }, true, false)

}

// toggleTrain starts or pauses training. The label switches at once; the
// engine's next Progress confirms it.
func (a *app) toggleTrain() {
	if a.st.Running {
		a.pair.Pause()
	} else {
		if !a.st.HasData && !a.st.DataUnderWay() {
			a.invalidate(a.st.SetError(present.FieldText, "There is no training data yet: type a training text or pick a preset."))
			return
		}
		if a.refuseTrain("Train") {
			return
		}
		a.recoveryDone()
		a.pair.Train()
	}
	a.invalidate(DirtyStats)
}

// refuseTrain refuses Train and Step (named by button) while the training
// text shown is one the page or the engine refused: the engine still has
// the data before it, and training that would change a model the person
// no longer sees the data of. It reports whether it refused.
func (a *app) refuseTrain(button string) bool {
	if a.st.Errors[present.FieldText] == "" {
		a.invalidate(a.st.SetError(present.FieldTrain, ""))
		return false
	}
	a.invalidate(a.st.SetErrorBy(present.FieldTrain, func() string {
		field := say(present.FieldText)
		return sayLang("ui.train.waits", say(button), strings.ToLower(field[:1])+field[1:])
	}) | DirtyStats)
	return true
}

func (a *app) paintStats() {
	st, v := a.st, a.v
	if st.Running {
		browser.SetText(v.TrainLabel, "Pause")
		browser.SetText(v.TrainIcon, "❚❚")
	} else {
		browser.SetText(v.TrainLabel, "Train")
		browser.SetText(v.TrainIcon, "▶")
	}
	browser.SetClass(v.Train, "running", st.Running)
	a.announceTraining()
	v.Train.SetDisabled(a.failed)
	v.Step.SetDisabled(a.failed)
	v.Reset.SetDisabled(a.failed)
	browser.SetText(v.StatUpdate, present.FormatCount(st.Update))
	loss, ok := st.Losses.LastSmooth()
	if !ok && st.HasLoss {
		loss, ok = st.Loss, true
	}
	browser.SetText(v.StatLoss, present.FormatLoss(loss, ok && st.Update > 0))
	browser.SetText(v.StatRate, present.FormatRate(st.CharsPerSec))
	a.paintRestored()
	switch {
	case a.failed:
		browser.SetHidden(v.Notice, true)
	case st.ModelReset && !st.Running && st.Update == 0:
		browser.SetText(v.Notice, "A new model was made, so training starts again from update 0. Press Train.")
		browser.SetHidden(v.Notice, false)
	default:
		browser.SetHidden(v.Notice, true)
	}
}

// announceTraining says a change of the engine's training state in the
// Training state live region (polite), once per change: started, paused at
// an update with its loss, or stopped and why (a divergence, the engine gone).
func (a *app) announceTraining() {
	if a.failed {
		if a.liveRunning {
			a.liveRunning = false
			browser.SetText(a.v.LiveTrain, "Training stopped: "+a.v.Fatal.TextContent())
		}
		return
	}
	if msg, ok := a.st.Announce(a.liveRunning); ok {
		browser.SetText(a.v.LiveTrain, msg)
	}
	a.liveRunning = a.st.Training
}
