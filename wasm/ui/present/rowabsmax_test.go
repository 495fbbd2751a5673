package present

import (
	"math"
	"testing"
)

// TestRowAbsMax: each unit's largest |c| over its steps, the unit a column
// of the (T, H) array; a unit at zero gets 1, an infinite value is left out.
func TestRowAbsMax(t *testing.T) {
	x := []float32{ // T = 3 steps, H = 3 units
		1, -40, 0,
		-2.5, 3, 0,
		0.5, float32(math.Inf(1)), 0,
	}
	got := RowAbsMax([]float64{9, 9, 9, 9, 9}, x, 3, 3)
	want := []float64{2.5, 40, 1}
	if len(got) != len(want) {
		t.Fatalf("%v, want %v", got, want)
	}
	for j := range want {
		if got[j] != want[j] {
			t.Errorf("unit %d: %v, want %v", j, got[j], want[j])
		}
	}
}
