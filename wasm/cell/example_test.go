package cell_test

import (
	"fmt"

	"lstmplayground/wasm/cell"
)

// The page fills a Step from its trace (the step inspector's values, the
// symbol read and the top guess), builds the scene, and paints it, writes it
// as SVG, or reads it out.
func ExampleBuild() {
	s := cell.Step{T: 4, Unit: 2, LSTM: true, X: "a", Y: "b", P: 0.62,
		Zf: 0.932, CPrev: -0.8, Zi: 0.41, Z: 0.77, C: -0.4301, Zo: 0.66, HPrev: 0.2, H: -0.2679}
	sc := cell.Build(s, cell.English)
	fmt.Println(sc.Title)
	fmt.Println(sc.At(200, 270)) // the part under a point of the viewBox
	for _, l := range sc.Part("c").Equation {
		fmt.Println(l)
	}
	svg := cell.AppendSVG(nil, &sc, cell.English)
	fmt.Println(len(svg) > 0)
	// Output:
	// LSTM cell, unit 3, step 5 · reads “a”
	// zf
	// cᵗ = zᶠ ⊙ cᵗ⁻¹ + zⁱ ⊙ z
	// = (−0.746) + 0.316 = −0.430
	// true
}
