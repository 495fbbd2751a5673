package slowmo

import (
	"strconv"

	"lstmplayground/lstm"
	"lstmplayground/wasm/mathtext"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/ui/present"
)

// Caption returns the numbered caption of the walk's position, with the
// update's own numbers.
func (w *Walk) Caption(say Say) string {
	s, t := w.At()
	r := w.R
	switch s {
	case StageWindow:
		return w.windowCaption(say)
	case StageForward:
		return w.forwardCaption(say, t)
	case StageLoss:
		var sum float64
		for _, l := range r.StepLoss {
			sum += float64(l)
		}
		return say("slowmo.cap.loss", itoa(w.T()), num(sum), num(r.Loss))
	case StageBack:
		return w.backCaption(say, t)
	case StageClip:
		return w.clipCaption(say)
	case StageChange:
		return w.changeCaption(say)
	}
	return say("slowmo.cap.done", present.FormatCount(r.Update-1), present.FormatCount(r.Update))
}

func (w *Walk) windowCaption(say Say) string {
	f := &w.R.Forward
	if f.Kind == lstm.Numbers {
		return say("slowmo.cap.windowNum", present.FormatCount(w.R.Update), itoa(f.T))
	}
	return say("slowmo.cap.window", present.FormatCount(w.R.Update), itoa(f.T))
}

func (w *Walk) forwardCaption(say Say, t int) string {
	f, r := &w.R.Forward, w.R
	loss := num(float64(r.StepLoss[t]))
	if f.Kind == lstm.Numbers {
		return say("slowmo.cap.forwardNum", itoa(t+1), itoa(f.T), present.FormatNumber(float64(f.Values[t])),
			present.FormatNumber(float64(f.Pred[t])), present.FormatNumber(float64(r.TargetValues[t])), loss)
	}
	return say("slowmo.cap.forward", itoa(t+1), itoa(f.T), quote(f.Symbols[t]), quote(r.Targets[t]),
		present.FormatPercent(float64(f.PNext[t])), num(float64(f.PNext[t])), loss)
}

func (w *Walk) backCaption(say Say, t int) string {
	dc, dh := w.grad(t)
	ndc, ndh := w.Norms()
	unit, layer := itoa(w.Unit+1), itoa(w.Layer+1)
	if !w.LSTM() {
		return say("slowmo.cap.backRNN", itoa(t+1), unit, sig(dh), layer, sig(ndh[t]))
	}
	zf := float64(w.R.Forward.Layers[w.Layer].Zf[t*w.R.Forward.H+w.Unit])
	return say("slowmo.cap.back", itoa(t+1), unit, sig(dc), sig(dh), layer, sig(ndc[t]), sig(ndh[t]), mathtext.FormatValue(zf))
}

func (w *Walk) clipCaption(say Say) string {
	r := w.R
	switch {
	case r.Clip <= 0:
		return say("slowmo.cap.clipOff", sig(r.GradNorm))
	case r.Clipped == 0:
		return say("slowmo.cap.clipNone", sig(r.GradNorm), present.FormatNumber(r.Clip))
	case r.ClipMode == lstm.ClipNorm:
		return say("slowmo.cap.clipNorm", sig(r.GradNorm), present.FormatNumber(r.Clip), sig(r.ClippedNorm))
	}
	return say("slowmo.cap.clipElement", sig(r.GradNorm), present.FormatNumber(r.Clip), present.FormatCount(r.Clipped), sig(r.ClippedNorm))
}

func (w *Walk) changeCaption(say Say) string {
	rows := Changes(w.R, say)
	best := -1
	for i, row := range rows {
		if best < 0 || row.Relative > rows[best].Relative {
			best = i
		}
	}
	if best < 0 {
		return say("slowmo.cap.changeNone")
	}
	return say("slowmo.cap.change", rows[best].Name, sig(rows[best].Relative), sig(rows[best].MaxDelta))
}

// Row is one weight matrix's change, as the stage-6 table shows it.
type Row struct {
	Name                            string
	Norm, Delta, Relative, MaxDelta float64
}

// Changes returns the weight changes of r, one row per matrix, named in
// the page's language.
func Changes(r *protocol.SlowStepResult, say Say) []Row {
	rows := make([]Row, 0, len(r.Changes))
	for _, c := range r.Changes {
		row := Row{Name: MatrixName(c.Matrix, c.Layer, say), Norm: c.Norm, Delta: c.Delta, MaxDelta: c.MaxDelta}
		if c.Norm > 0 {
			row.Relative = c.Delta / c.Norm
		}
		rows = append(rows, row)
	}
	return rows
}

// MatrixName names a weight matrix: "Wx, layer 1", "Wʸ (the output)".
func MatrixName(m lstm.Matrix, layer int, say Say) string {
	switch m {
	case lstm.MatrixWx:
		return say("slowmo.matrix.wx", itoa(layer+1))
	case lstm.MatrixU:
		return say("slowmo.matrix.u", itoa(layer+1))
	case lstm.MatrixB:
		return say("slowmo.matrix.b", itoa(layer+1))
	case lstm.MatrixWy:
		return say("slowmo.matrix.wy")
	}
	return say("slowmo.matrix.by")
}

// Format writes a row's numbers as the table shows them.
func (r Row) Format() [4]string {
	return [4]string{sig(r.Norm), sig(r.Delta), sig(r.Relative), sig(r.MaxDelta)}
}

func itoa(i int) string    { return strconv.Itoa(i) }
func num(v float64) string { return present.FormatSig(v, 4) }
func sig(v float64) string { return present.FormatSig(v, 3) }
func quote(r rune) string  { return "“" + present.DisplayRune(r) + "”" }
