package ui

import "math"

// LossSmoothing is the weight of the smoothed loss line's moving average: each
// point is 95 % the average so far (about the last 20 updates).
const LossSmoothing = 0.95

// maxLossGap is the most missing updates a gap in the history is filled with
// NaN for; a larger jump starts the history anew.
const maxLossGap = 1 << 16

// LossHistory keeps the loss of every update since the model was made, as
// Progress messages deliver them, and their smoothed values. Raw[i] and
// Smooth[i] belong to update First+i.
type LossHistory struct {
	First  uint64
	Raw    []float32
	Smooth []float32
	Max    float64 // the largest finite raw loss (0 if none)
	MinPos float64 // the smallest positive finite raw loss (0 if none)

	avg, debias float64
}

// Reset forgets every loss.
func (h *LossHistory) Reset() {
	*h = LossHistory{Raw: h.Raw[:0], Smooth: h.Smooth[:0]}
}

// Len returns the number of updates kept.
func (h *LossHistory) Len() int { return len(h.Raw) }

// Next returns the update number the next loss belongs to.
func (h *LossHistory) Next() uint64 { return h.First + uint64(len(h.Raw)) }

// Add records losses, the losses of updates update−len(losses)+1 … update. If
// they do not continue the history (the model was replaced, or they overlap
// what is kept), the history starts anew from them; a small gap (the engine
// dropped some) is filled with NaN, which the chart skips.
func (h *LossHistory) Add(update uint64, losses []float32) {
	if len(losses) == 0 {
		if h.Len() > 0 && update+1 < h.Next() {
			h.Reset()
		}
		if h.Len() == 0 {
			h.First = update + 1
		}
		return
	}
	if uint64(len(losses)) > update {
		losses = losses[uint64(len(losses))-update:]
	}
	start := update + 1 - uint64(len(losses))
	switch {
	case h.Len() == 0:
		h.Reset()
		h.First = start
	case start < h.Next(), start-h.Next() > maxLossGap:
		h.Reset()
		h.First = start
	case start > h.Next():
		for range start - h.Next() {
			h.Raw = append(h.Raw, float32(math.NaN()))
			h.Smooth = append(h.Smooth, float32(math.NaN()))
		}
	}
	for _, l := range losses {
		x := float64(l)
		h.Raw = append(h.Raw, l)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			h.Smooth = append(h.Smooth, float32(math.NaN()))
			continue
		}
		h.Max = max(h.Max, x)
		if x > 0 && (h.MinPos == 0 || x < h.MinPos) {
			h.MinPos = x
		}
		if h.debias == 0 {
			h.debias = 1
		}
		h.avg = LossSmoothing*h.avg + (1-LossSmoothing)*x
		h.debias *= LossSmoothing
		h.Smooth = append(h.Smooth, float32(h.avg/(1-h.debias)))
	}
}

// LogScale reports whether the losses span so many decades (more than 1.5)
// that the chart should use a logarithmic axis.
func (h *LossHistory) LogScale() bool {
	return h.MinPos > 0 && h.Max/h.MinPos > 30
}

// LastSmooth returns the newest smoothed loss, if any.
func (h *LossHistory) LastSmooth() (float64, bool) {
	for i := len(h.Smooth) - 1; i >= 0; i-- {
		if v := float64(h.Smooth[i]); !math.IsNaN(v) {
			return v, true
		}
	}
	return 0, false
}
