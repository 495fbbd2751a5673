package mathtext

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{FormatValue(0.93215), "0.932"}, {FormatValue(-0.8), "−0.800"}, {FormatValue(-0.0001), "0.000"},
		{FormatValue(math.NaN()), "NaN"}, {FormatValue(math.Inf(1)), "∞"}, {FormatValue(math.Inf(-1)), "−∞"},
		{FormatOperand(-0.8), "(−0.800)"}, {FormatOperand(0.5), "0.500"},
		{FormatSig(0.012345, 3), "0.0123"}, {FormatSig(-1e-5, 3), "−1e-05"}, {FormatSig(2.5e12, 2), "2.5e12"}, {FormatSig(math.Inf(-1), 3), "−∞"},
		{FormatPercent(0.62), "62%"}, {FormatPercent(0.004), "0.4%"}, {FormatPercent(math.NaN()), "–"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestLine(t *testing.T) {
	fig := Line{{Var, "c"}, {Sup, "t"}, {Plain, " = "}, {Var, "z"}, {Sup, "f"}, {Plain, " ⊙ "}, {Var, "c"}, {Sup, "t−1"}}
	if got, want := fig.String(), "cᵗ = zᶠ ⊙ cᵗ⁻¹"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got, want := fig.Speak(), "c t = z f ⊙ c t−1"; got != want {
		t.Errorf("Speak = %q, want %q", got, want)
	}
	insp := Line{{Var, "c"}, {Sub, "t−1"}, {Plain, " = "}, {Num, "(−0.800)"}, {Plain, " → "}, {Result, "0.932"}}
	if got, want := insp.String(), "cₜ₋₁ = (−0.800) → 0.932"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}
