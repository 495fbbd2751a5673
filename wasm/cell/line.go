package cell

// The article's symbols, as equations (wasm/mathtext's Line, the step
// inspector's type): the figure writes them with superscripts, c^{t−1}.
var (
	symX     = eq("x^t")
	symHPrev = eq("h^{t−1}")
	symH     = eq("h^t")
	symCPrev = eq("c^{t−1}")
	symC     = eq("c^t")
	symY     = eq("y^t")
	symZf    = eq("z^f")
	symZi    = eq("z^i")
	symZo    = eq("z^o")
	symZ     = eq("z")
	symXH    = eq("[x^t; h^{t−1}]")
)
