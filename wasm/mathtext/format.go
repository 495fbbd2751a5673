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
	if s, ok := named(v); ok {
		return s
	}
	s := strconv.FormatFloat(v, 'f', 3, 64)
	if s == "-0.000" {
		return "0.000"
	}
	return TrueMinus(s)
}

// named writes NaN and ±∞ by name.
func named(v float64) (string, bool) {
	switch {
	case math.IsNaN(v):
		return "NaN", true
	case math.IsInf(v, 1):
		return "∞", true
	case math.IsInf(v, -1):
		return Minus + "∞", true
	}
	return "", false
}

// TrueMinus writes a number's leading hyphen-minus as the typographic minus.
func TrueMinus(s string) string {
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
	if s, ok := named(v); ok {
		return s
	}
	return TrueMinus(strings.Replace(strconv.FormatFloat(v, 'g', digits, 64), "e+", "e", 1))
}
