//go:build js && wasm

package panels

import (
	"math"

	"lstmplayground/wasm/ui/browser"
	"lstmplayground/wasm/ui/present"
)

// The colour scale of c (issue 15): a few counting units can push c to ±40,
// and a scale to the largest |c| washes out every other unit. The c heatmap
// and the LSTM cell figure share one scale, either robust (one for all
// units: the 98th percentile of |c| over the probe, larger values get the
// end colours) or per unit (each unit's largest |c| over the probe is its
// ±1); the three-stages bars follow: robust at their step (the 90th
// percentile of its bars) or per unit. The legend and the notes say which.

// CScale is how c is scaled.
type CScale uint8

const (
	CScaleRobust  CScale = iota // one scale: the 98th percentile of |c|
	CScalePerUnit               // each unit its own: its largest |c|
)

// cQuantile is the share of |c| values inside the robust scale.
const cQuantile = 0.98

// cData returns the c heatmap's values and the limit of its colour scale:
// c itself and the robust limit, or c divided by each unit's largest |c|
// and 1. It keeps the limits for the bars and the cell figure (CLimit).
func (a *Painter) cData(view present.LayerView) ([]float32, float64) {
	p := &a.Bufs
	p.rowLim = present.RowAbsMax(p.rowLim, view.C, view.T, view.H)
	var q float64
	q, p.Scratch = present.AbsQuantile(view.C, cQuantile, p.Scratch)
	p.cLim = present.NiceLimit(q, 1)
	if a.CScale != CScalePerUnit {
		return view.C, p.cLim
	}
	if cap(p.norm) < len(view.C) {
		p.norm = make([]float32, len(view.C))
	}
	p.norm = p.norm[:len(view.C)]
	for i, c := range view.C {
		p.norm[i] = float32(float64(c) / p.rowLim[i%view.H])
	}
	return p.norm, 1
}

// CLimit returns the limit of c's colour scale for unit j (0-based): the
// robust limit, or the unit's largest |c|, as the c heatmap last drew it;
// 0 before it drew.
func (a *Painter) CLimit(j int) float64 {
	if a.CScale == CScalePerUnit {
		if j >= 0 && j < len(a.Bufs.rowLim) {
			return a.Bufs.rowLim[j]
		}
		return 0
	}
	return a.Bufs.cLim
}

// cLegend writes the c heatmap's legend and note for the scale in use.
func (a *Painter) cLegend(hb *heatBlock, limit float64, view present.LayerView) {
	top := present.FormatNumber(math.Round(present.AbsMax(view.C)*10) / 10)
	if a.CScale == CScalePerUnit {
		browser.SetText(hb.LegendLo, present.Minus+"1")
		browser.SetText(hb.LegendHi, "1")
		browser.SetText(hb.Note, browser.Say(HeatNotes[HeatC]+"; |c| up to "+top+"; colours per unit: ±1 is each unit's largest |c|"))
		return
	}
	browser.SetText(hb.LegendLo, present.Minus+present.FormatNumber(limit))
	browser.SetText(hb.LegendHi, present.FormatNumber(limit))
	browser.SetText(hb.Note, browser.Say(HeatNotes[HeatC]+"; |c| up to "+top+"; colours to the 98th percentile of |c|"))
}

// barsQuantile is the share of the three-stages bars inside their robust
// scale, at one step.
const barsQuantile = 0.9

// barsLimit returns the end of the three-stages bars' scale at step t: the
// 90th percentile of the sizes of the step's bars over the units (kept,
// written, c and h, in kept and written), or 1 for the per-unit scale.
func (a *Painter) barsLimit(view present.LayerView, t int, kept, written []float64) float64 {
	if a.CScale == CScalePerUnit {
		return 1
	}
	p := &a.Bufs
	p.series = p.series[:0]
	for j := range view.H {
		p.series = append(p.series, float32(kept[j]), float32(written[j]), view.C[t*view.H+j], view.Hid[t*view.H+j])
	}
	var q float64
	q, p.Scratch = present.AbsQuantile(p.series, barsQuantile, p.Scratch)
	p.barsLim = present.NiceLimit(q, 0.1)
	return p.barsLim
}

// barScale returns the factor of unit j's bars: 1 on the robust scale, one
// over the unit's largest |c| on the per-unit scale.
func (a *Painter) barScale(j int) float64 {
	if l := a.CLimit(j); a.CScale == CScalePerUnit && l > 0 {
		return 1 / l
	}
	return 1
}

// barsScaleNote says how the three-stages bars are scaled.
func (a *Painter) barsScaleNote() string {
	if a.CScale == CScalePerUnit {
		return browser.Say("Each unit on its own scale, as in the c heatmap: ±1 is its largest |c| over the probe.")
	}
	return browser.Say("One scale for all units at this step: ±" + present.FormatNumber(a.Bufs.barsLim) + ", the 90th percentile of the sizes of its bars; longer bars are cut at the edge.")
}
