package cell

import "lstmplayground/wasm/mathtext"

// Grad is the gradient of one update's loss L reaching this step's states,
// for the unit drawn: what flows back along c and along h (the page's "one
// update in slow motion"). DCPrev and DHPrev are what flows on to step t−1
// (HasPrev false at the window's first step, where it leaves the window).
type Grad struct {
	DC, DH         float64 // ∂L/∂c^t, ∂L/∂h^t
	DCPrev, DHPrev float64 // ∂L/∂c^{t−1}, ∂L/∂h^{t−1}
	HasPrev        bool
}

// Note is a label the figure writes beside a part: a gradient flowing back.
type Note struct {
	Part   string  // the part it is about ("c", "h", "cprev", "hprev")
	X, Y   float64 // where its text is anchored
	Anchor string  // "start", "middle" or "end"
	Line   mathtext.Line
}

// gradInk is the colour of the gradient notes: apart from the value scales.
const gradInk = "#b3261e"

// AddGrad writes g on the scene: ∂L/∂c^t under c^t, ∂L/∂h^t over h^t and,
// within the window, ∂L/∂c^{t−1} and ∂L/∂h^{t−1} at the previous states.
// The RNN has only h. Describe reads the notes out after the parts.
func (sc *Scene) AddGrad(g Grad) {
	note := func(part string, x, y float64, anchor, pattern string, v float64) {
		sc.Notes = append(sc.Notes, Note{Part: part, X: x, Y: y, Anchor: anchor,
			Line: eq(pattern, mathtext.Span{Kind: mathtext.Result, Text: mathtext.FormatSig(v, 3)})})
	}
	if sc.LSTM {
		note("c", 714, 104, "end", "∂L/∂c^t = #", g.DC)
	}
	note("h", 714, 168, "end", "∂L/∂h^t = #", g.DH)
	if !g.HasPrev {
		return
	}
	if sc.LSTM {
		note("cprev", 6, 104, "start", "∂L/∂c^{t−1} = #", g.DCPrev)
	}
	note("hprev", 108, 404, "start", "∂L/∂h^{t−1} = #", g.DHPrev)
}
