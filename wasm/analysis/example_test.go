package analysis_test

import (
	"fmt"

	"lstmplayground/wasm/analysis"
)

func ExampleCorrelate() {
	text := []rune(`say "hi" (to [me]) "ok"`)
	feats := analysis.TextFeatures(text)
	// Three units along the probe (T = 23, H = 3): unit 1 is stuck, unit 2
	// follows the bracket depth, unit 3 is on inside quotes, with a wobble.
	depth, quotes := analysis.BracketDepth(text), analysis.InsideQuotes(text)
	act := make([]float32, 0, 3*len(text))
	for t := range text {
		act = append(act, 0.5, float32(depth[t])*0.25-0.5, float32(quotes[t])+0.25*float32(t%2))
	}
	for _, m := range analysis.Best(analysis.Correlate(act, len(text), 3, feats)) {
		fmt.Printf("%-16s unit %d  r = %+.2f\n", m.Name, m.Unit+1, m.R)
	}
	// Output:
	// bracket depth    unit 2  r = +1.00
	// inside quotes    unit 3  r = +0.96
	// is space         unit 3  r = -0.32
	// count so far     unit 2  r = -0.21
	// is vowel         unit 3  r = +0.19
	// position in line unit 2  r = +0.19
}

func ExampleMeanAbsDelta() {
	// (T = 3, H = 2): c drifts, h jumps.
	c := []float32{0.1, 0.1, 0.2, 0.2, 0.3, 0.3}
	h := []float32{0.9, -0.9, -0.9, 0.9, 0.9, -0.9}
	_, dc := analysis.MeanAbsDelta(nil, c, nil, 3, 2)
	_, dh := analysis.MeanAbsDelta(nil, h, nil, 3, 2)
	fmt.Printf("mean |Δc| = %.2f, mean |Δh| = %.2f\n", dc, dh)
	// Output: mean |Δc| = 0.10, mean |Δh| = 1.50
}
