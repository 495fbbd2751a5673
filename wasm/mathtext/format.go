package mathtext

import (
	"math"
	"strconv"
	"strings"
)

// Minus is the typographic minus sign, as in print (and chart tick labels).
const Minus = "−"

// FormatValue formats a state or gate value with 3 decimals and a true minus
// sign: "0.932", "−0.800", "0.000"; NaN and ±∞ by name.
func FormatValue(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return Minus + "∞"
	}
	s := strconv.FormatFloat(v, 'f', 3, 64)
	if s == "-0.000" {
		return "0.000"
	}
	if strings.HasPrefix(s, "-") {
		return Minus + s[1:]
	}
	return s
}

// FormatOperand is FormatValue, in parentheses when negative, for a product
// written out: "0.930 × (−0.800)".
func FormatOperand(v float64) string {
	s := FormatValue(v)
	if strings.HasPrefix(s, Minus) {
		return "(" + s + ")"
	}
	return s
}

// FormatPercent formats a probability as a percentage: "62%", "0.4%", "–"
// for NaN.
func FormatPercent(p float64) string {
	if math.IsNaN(p) {
		return "–"
	}
	if p*100 < 1 && p > 0 {
		return strconv.FormatFloat(p*100, 'f', 1, 64) + "%"
	}
	return strconv.FormatFloat(math.Round(p*100), 'f', -1, 64) + "%"
}

// FormatSig formats v with digits significant digits and a true minus sign,
// exponent without "+": "0.01", "1e-05", "−2.5"; NaN and ±∞ by name. Small
// numbers such as gradients keep their size where FormatValue would write
// 0.000.
func FormatSig(v float64, digits int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return Minus + "∞"
	}
	s := strings.Replace(strconv.FormatFloat(v, 'g', digits, 64), "e+", "e", 1)
	if strings.HasPrefix(s, "-") {
		s = Minus + s[1:]
	}
	return s
}
