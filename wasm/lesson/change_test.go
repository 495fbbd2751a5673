package lesson

import (
	"math"
	"slices"
	"testing"
)

// cols builds a (T, H) array from one column per unit.
func cols(c ...[]float32) []float32 {
	T, H := len(c[0]), len(c)
	x := make([]float32, T*H)
	for j, col := range c {
		for t, v := range col {
			x[t*H+j] = v
		}
	}
	return x
}

func ramp(T int, step float32) []float32 {
	x := make([]float32, T)
	for t := range x {
		x[t] = step * float32(t+1)
	}
	return x
}

func flip(T int, a float32) []float32 {
	x := make([]float32, T)
	for t := range x {
		x[t] = a
		if t%2 == 1 {
			x[t] = -a
		}
	}
	return x
}

func meanAbsDelta(x []float32) float64 {
	var s, prev float64
	for _, v := range x {
		s += math.Abs(float64(v) - prev)
		prev = float64(v)
	}
	return s / float64(len(x))
}

// TestRelativeChangeReversesRawChange is the rhyme's case: c drifts by 4 a
// step to 40 (large raw change, small against its range), h flips between
// ±0.2 (small raw change, its whole range every step).
func TestRelativeChangeReversesRawChange(t *testing.T) {
	const T = 10
	c, h := ramp(T, 4), flip(T, 0.2)
	if !(meanAbsDelta(c) > meanAbsDelta(h)) {
		t.Fatalf("the raw change of c %v is not above h's %v: the case is wrong", meanAbsDelta(c), meanAbsDelta(h))
	}
	_, rc := RelativeChange(nil, c, nil, T, 1)
	_, rh := RelativeChange(nil, h, nil, T, 1)
	// c: 10 steps of 4 over a range of 40 (0 … 40): 0.1. h: the first step
	// 0.2 from 0, then 9 steps of 0.4, over a range of 0.4 (−0.2 … 0.2).
	if math.Abs(rc-0.1) > 1e-6 || math.Abs(rh-(0.2+9*0.4)/10/0.4) > 1e-6 {
		t.Errorf("relative change c %v, h %v; want 0.1 and 0.95", rc, rh)
	}
}

func TestRelativeChangeUnits(t *testing.T) {
	const T = 4
	x := cols([]float32{1, 1, 1, 1}, []float32{0, 1, 0, 1}, []float32{2, 2, 2, 2})
	x0 := []float32{1, 1, 2} // units 0 and 2 never move
	per, mean := RelativeChange(make([]float64, 1), x, x0, T, 3)
	want := []float64{0, 1, 0}
	for j := range want {
		if per[j] != want[j] {
			t.Errorf("unit %d: %v, want %v", j, per[j], want[j])
		}
	}
	if mean != 1 {
		t.Errorf("mean %v, want 1: the units that do not move are left out", mean)
	}
	if _, m := RelativeChange(nil, cols([]float32{0, 0}), nil, 2, 1); !math.IsNaN(m) {
		t.Errorf("the mean over no moving unit is %v, want NaN", m)
	}
	if per, m := RelativeChange(nil, nil, nil, 0, 2); len(per) != 2 || !math.IsNaN(m) {
		t.Errorf("T = 0: %v %v", per, m)
	}
}

func TestStepCorrelation(t *testing.T) {
	const T = 8
	x := cols(ramp(T, 0.5), flip(T, 1), make([]float32, T))
	per, mean := StepCorrelation(nil, x, []float32{0, -1, 0}, T, 3)
	// The ramp carries its value on (r = 1); the flip reverses it every step
	// (x0 = −1 starts the alternation, r = −1); the constant unit has none.
	if math.Abs(per[0]-1) > 1e-9 || math.Abs(per[1]+1) > 1e-9 || !math.IsNaN(per[2]) {
		t.Errorf("per unit %v, want [1 −1 NaN]", per)
	}
	if math.Abs(mean) > 1e-9 {
		t.Errorf("mean %v, want 0", mean)
	}
}

func TestChangePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"short x":  func() { RelativeChange(nil, make([]float32, 3), nil, 2, 2) },
		"short x0": func() { StepCorrelation(nil, make([]float32, 4), make([]float32, 1), 2, 2) },
		"ranges":   func() { Ranges(nil, make([]float32, 5), nil, 2, 2) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func TestRelativeSteps(t *testing.T) {
	const T = 6
	x := cols(ramp(T, 2), flip(T, 0.5), make([]float32, T))
	x0 := []float32{0, -0.5, 0}
	steps := RelativeSteps(make([]float64, 2), x, x0, T, 3)
	// The ramp moves 2 of its 12 each step, the flip all of its 1; the flat
	// unit is left out: (1/6 + 1)/2 at every step.
	for tt, v := range steps {
		if math.Abs(v-(1.0/6+1)/2) > 1e-6 {
			t.Errorf("step %d: %v, want %v", tt, v, (1.0/6+1)/2)
		}
	}
	_, mean := RelativeChange(nil, x, x0, T, 3)
	var s float64
	for _, v := range steps {
		s += v
	}
	if math.Abs(s/T-mean) > 1e-9 {
		t.Errorf("the mean over steps %v is not RelativeChange's mean %v", s/T, mean)
	}
	if got := RelativeSteps(nil, make([]float32, 4), nil, 2, 2); !slices.Equal(got, []float64{0, 0}) {
		t.Errorf("no unit moves: %v", got)
	}
}
