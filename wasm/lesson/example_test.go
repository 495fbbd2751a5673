package lesson_test

import (
	"fmt"

	"lstmplayground/wasm/lesson"
)

// The memory-gap task: write the text, train on it, then score the model's
// greedy predictions. Here a "model" that always guesses a dash.
func ExampleRecall() {
	text, err := lesson.GapText([]rune("ab"), []int{3}, 6, 2)
	if err != nil {
		panic(err)
	}
	fmt.Print(text)
	pred := make([]rune, len([]rune(text)))
	for i := range pred {
		pred[i] = '-'
	}
	for _, s := range lesson.Recall([]rune(text), pred) {
		fmt.Printf("gap %d: %d of %d recalled\n", s.Gap, s.Correct, s.Total)
	}
	// Output:
	// a---a
	// a---a
	// a---a
	// b---b
	// a---a
	// a---a
	// gap 3: 0 of 6 recalled
}

// A unit of c drifting by 4 a step changes more than one of h flipping
// between ±0.2, in raw terms; against their own ranges, c is the slow one.
func ExampleRelativeChange() {
	c := []float32{4, 8, 12, 16, 20}
	h := []float32{0.2, -0.2, 0.2, -0.2, 0.2}
	_, rc := lesson.RelativeChange(nil, c, nil, 5, 1)
	_, rh := lesson.RelativeChange(nil, h, nil, 5, 1)
	fmt.Printf("c %.2f, h %.2f of their ranges per step\n", rc, rh)
	// Output: c 0.20, h 0.90 of their ranges per step
}
