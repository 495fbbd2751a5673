package chart_test

import (
	"fmt"

	"lstmplayground/wasm/chart"
)

// A loss axis: the domain widened to nice values, then its ticks.
func ExampleLinear_Ticks() {
	y := chart.Linear{D0: 0, D1: 2.73, R0: 200, R1: 0}.Nice(5)
	for _, t := range y.Ticks(5) {
		fmt.Printf("%s at y=%.1f\n", t.Label, t.Pos)
	}
	x := chart.Linear{D0: 0, D1: 12000, R0: 0, R1: 300}
	for _, t := range x.Ticks(4) {
		fmt.Print(t.Label, " ")
	}
	// Output:
	// 0 at y=200.0
	// 0.5 at y=166.7
	// 1 at y=133.3
	// 1.5 at y=100.0
	// 2 at y=66.7
	// 2.5 at y=33.3
	// 3 at y=0.0
	// 0 2k 4k 6k 8k 10k 12k
}

// A (T, H) trace array drawn with units down and steps across.
func ExampleHeatmap() {
	const T, H = 3, 2
	c := []float32{ // one row of H units per step
		-1, 0.5,
		0, 1,
		1, -0.5,
	}
	rgba := make([]byte, 4*T*H) // width T, height H
	chart.Heatmap(rgba, c, T, H, true, chart.Diverging(1))
	fmt.Printf("%d×%d pixels; step 2, unit 1 (c = 0) is %v\n", T, H, rgba[4*(0*T+1):4*(0*T+1)+4])
	// Output:
	// 3×2 pixels; step 2, unit 1 (c = 0) is [246 246 246 255]
}
