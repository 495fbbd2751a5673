package cell

import "lstmplayground/wasm/mathtext"

// minus is the typographic minus sign, as the page prints it.
const minus = mathtext.Minus

// FormatValue, FormatOperand and FormatPercent are the page's formats
// (wasm/mathtext), the step inspector's too: the figure cannot print a number
// differently.
func FormatValue(v float64) string   { return mathtext.FormatValue(v) }
func FormatOperand(v float64) string { return mathtext.FormatOperand(v) }
func FormatPercent(p float64) string { return mathtext.FormatPercent(p) }
