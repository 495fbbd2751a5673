package cell

import "lstmplayground/wasm/mathtext"

// An equation is a Line of Spans, the step inspector's type (wasm/mathtext):
// the figure writes its symbols with superscripts (Sup), c^{t−1}.
type (
	SpanKind = mathtext.SpanKind
	Span     = mathtext.Span
	Line     = mathtext.Line
)

const (
	Plain  = mathtext.Plain
	Var    = mathtext.Var
	Sup    = mathtext.Sup
	Num    = mathtext.Num
	Result = mathtext.Result
)

// The article's symbols.
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
