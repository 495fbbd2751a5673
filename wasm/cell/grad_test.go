package cell

import (
	"strings"
	"testing"
)

// TestAddGrad: the gradient notes name the state they are about with its
// value, the LSTM's on c and h, the RNN's on h only, the previous step's
// only within the window; the SVG draws them and Describe reads them out.
func TestAddGrad(t *testing.T) {
	for _, tc := range []struct {
		s     Step
		g     Grad
		parts string
		want  []string
	}{
		{lstmStep, Grad{DC: 0.0123, DH: -2.5e-5, DCPrev: 0.01, DHPrev: 1, HasPrev: true}, "c h cprev hprev",
			[]string{"∂L/∂cᵗ = 0.0123", "∂L/∂hᵗ = −2.5e-05", "∂L/∂cᵗ⁻¹ = 0.01", "∂L/∂hᵗ⁻¹ = 1"}},
		{lstmStep, Grad{DC: 3, DH: 4}, "c h", []string{"∂L/∂cᵗ = 3", "∂L/∂hᵗ = 4"}},
		{rnnStep, Grad{DC: 3, DH: 4, DHPrev: 5, HasPrev: true}, "h hprev", []string{"∂L/∂hᵗ = 4", "∂L/∂hᵗ⁻¹ = 5"}},
	} {
		sc := Build(tc.s, nil)
		sc.AddGrad(tc.g)
		var parts, lines []string
		for _, n := range sc.Notes {
			parts = append(parts, n.Part)
			lines = append(lines, n.Line.String())
			if n.X < 0 || n.X > ViewW || n.Y < 0 || n.Y > ViewH {
				t.Errorf("note %s at (%v, %v), outside the figure", n.Part, n.X, n.Y)
			}
		}
		if strings.Join(parts, " ") != tc.parts || strings.Join(lines, "|") != strings.Join(tc.want, "|") {
			t.Errorf("notes %v %q, want %s %q", parts, lines, tc.parts, tc.want)
		}
		svg := string(AppendSVG(nil, &sc, nil))
		desc := Describe(&sc, nil)
		for _, n := range sc.Notes {
			v := n.Line[len(n.Line)-1].Text
			if strings.Count(svg, ">"+v+"<") < 1 || !strings.Contains(desc, "Gradient flowing back: "+n.Line.Speak()) {
				t.Errorf("note %q missing from the SVG or the description", n.Line.String())
			}
		}
	}
	plain := Build(lstmStep, nil)
	if len(plain.Notes) != 0 || strings.Contains(Describe(&plain, nil), "Gradient") {
		t.Error("a figure without AddGrad has gradient notes")
	}
}
