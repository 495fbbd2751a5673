//go:build js && wasm

package panels

import (
	"strconv"

	"honnef.co/go/js/dom/v2"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// topMarkup is the top bar; barMarkup the alerts and notices under it, with
// the tour's card (buildTopBar).
const topMarkup = `
<header class="topbar">
  <div class="brand"><h1>LSTM Playground</h1><span class="tagline">watch a recurrent net learn</span></div>
  <div class="run" role="group" aria-label="Training" data-ref="run">
    <button type="button" class="btn btn-train" aria-keyshortcuts="Space" data-ref="train"><span class="icon" aria-hidden="true" data-ref="train-icon">▶</span><span data-ref="train-label">Train</span></button>
    <button type="button" class="btn" title="Train exactly one update" data-ref="step">One update</button>
    <button type="button" class="btn" title="Start again from a fresh model" data-ref="reset">Reset</button>
    <p class="visually-hidden" role="status" aria-label="Training state" data-ref="live-train"></p>
  </div>
  <div class="stats">
    <div class="stat" title="Updates (optimizer steps) the model has had"><span class="stat-label" id="stat-update-l">Update</span><output id="stat-update" aria-labelledby="stat-update-l" aria-live="off" class="stat-value" data-ref="stat-update">–</output></div>
    <div class="stat" title="Loss of the last update"><span class="stat-label" id="stat-loss-l">Loss</span><output id="stat-loss" aria-labelledby="stat-loss-l" aria-live="off" class="stat-value" data-ref="stat-loss">–</output></div>
    <div class="stat" title="Training speed: characters (or values) per second"><span class="stat-label" id="stat-rate-l">Chars/s</span><output id="stat-rate" aria-labelledby="stat-rate-l" aria-live="off" class="stat-value" data-ref="stat-rate">–</output></div>
  </div>
  <div class="arch" role="group" aria-label="Model" data-ref="arch">
    <div class="compact">
      <label for="cell">Cell</label>
      <select id="cell" aria-describedby="cell-note" data-ref="cell"><option value="0">LSTM</option><option value="1">RNN</option></select>
      <span class="compact-note" id="cell-note">↺ resets</span>
    </div>
    <div class="compact">
      <label for="hidden">Hidden units</label>
      <input id="hidden" type="number" min="1" max="" step="1" inputmode="numeric" list="hidden-list" autocomplete="off" aria-describedby="hidden-note" data-ref="hidden">
      <span class="compact-note" id="hidden-note">↺ resets</span>
    </div>
    <div class="compact">
      <label for="lr">Learning rate</label>
      <input id="lr" type="number" min="0.000001" max="1" step="any" inputmode="decimal" list="lr-list" autocomplete="off" aria-describedby="lr-note" data-ref="lr">
      <span class="compact-note" id="lr-note">live</span>
    </div>
    <datalist id="hidden-list" data-ref="hidden-list"></datalist>
    <datalist id="lr-list" data-ref="lr-list"></datalist>
  </div>
  <div class="view-opts">
    <button type="button" class="btn btn-quiet" data-ref="lesson-open" data-say="lessonui.button"></button>
    <button type="button" class="btn btn-quiet" title="Short tips for this preset, for students" data-ref="tour-open">Guided tour</button>
    <button type="button" class="btn btn-quiet" aria-pressed="false" title="Bigger text for projectors" data-ref="large-text">Large text</button>
    <div class="lang-switch">
      <label for="lang" class="visually-hidden" translate="no"><span lang="en">Language</span> / <span lang="zh-CN">语言</span></label>
      <select id="lang" class="lang-select" translate="no" data-ref="lang"><option value="en" lang="en">English</option><option value="zh-CN" lang="zh-CN">中文</option></select>
    </div>
  </div>
</header>`

const barMarkup = `
<div class="bar-alerts">
  <p class="field-error" role="alert" data-field="Cell" hidden></p>
  <p class="field-error" role="alert" data-field="Hidden units" hidden></p>
  <p class="field-error" role="alert" data-field="Learning rate" hidden></p>
  <p class="field-error general-error" role="alert" data-field="" hidden></p>
  <p class="field-error" role="alert" data-field="link" hidden></p>
  <p class="notice" role="status" hidden data-ref="notice"></p>
  <go-part data-ref="keep-bar"></go-part>
  <section class="tour" aria-labelledby="tour-title" hidden data-ref="tour">
    <div class="tour-head"><h2 id="tour-title">Predict before you press Train</h2><span class="tour-count" data-ref="tour-count"></span></div>
    <p class="tour-text" aria-live="polite" tabindex="-1" data-ref="tour-text"></p>
    <div class="tour-actions">
      <button type="button" class="btn btn-small btn-quiet" data-ref="tour-back">Previous tip</button>
      <button type="button" class="btn btn-small" data-ref="tour-next">Next tip</button>
      <button type="button" class="btn btn-small btn-quiet" data-ref="tour-close">Close tour</button>
    </div>
  </section>
</div>`

// buildTopBar builds the top bar (Train, Step, Reset, the figures, the cell,
// hidden units and learning rate, the tour and Large text) and the alerts
// under it.
func (v *View) buildTopBar(hiddenSizes []int, learningRates []float64) (top, barAlerts dom.HTMLElement) {
	b := v.B
	t := b.Markup(topMarkup)
	SayIn(t, Say)
	v.Less.Open = t.Button("lesson-open")
	v.TrainIcon, v.TrainLabel = t.El("train-icon"), t.El("train-label")
	v.Train = t.Button("train")
	v.Step = t.Button("step")
	v.Reset = t.Button("reset")
	v.LiveTrain, v.GrpRun, v.GrpArch = t.El("live-train"), t.El("run"), t.El("arch")
	v.StatUpdate, v.StatLoss, v.StatRate = t.El("stat-update"), t.El("stat-loss"), t.El("stat-rate")
	v.Cell = t.Select("cell")
	v.Hidden = t.Input("hidden")
	v.Hidden.SetAttribute("max", strconv.Itoa(lstm.MaxHidden))
	v.LR = t.Input("lr")
	v.Controls[present.FieldCell], v.Controls[present.FieldHidden], v.Controls[present.FieldLR] = v.Cell, v.Hidden, v.LR
	for _, n := range hiddenSizes {
		t.El("hidden-list").AppendChild(b.El("option", browser.Attr("value", strconv.Itoa(n))))
	}
	for _, r := range learningRates {
		t.El("lr-list").AppendChild(b.El("option", browser.Attr("value", strconv.FormatFloat(r, 'f', -1, 64))))
	}
	v.LargeText = t.Button("large-text")
	v.Lang = t.Select("lang")
	v.top = t.Root

	a := b.Markup(barMarkup)
	v.AlertsOf(a)
	v.Notice = a.El("notice")
	a.Put("keep-bar", v.buildKeepBar())
	tr := &v.Tour
	tr.Root, tr.Count, tr.Text = a.El("tour"), a.El("tour-count"), a.El("tour-text")
	tr.Back = a.Button("tour-back")
	tr.Next = a.Button("tour-next")
	tr.Close = a.Button("tour-close")
	tr.Open = t.Button("tour-open")
	return v.top, a.Root
}
