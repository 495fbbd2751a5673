package present

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"lstmplayground/wasm/mathtext"
	"lstmplayground/wasm/words"
)

// Minus is the typographic minus sign, as in print (and chart tick labels).
const Minus = mathtext.Minus

// FormatCount formats a count with thousands separators: 1234567 → "1,234,567".
func FormatCount[I int | int64 | uint64](n I) string {
	neg := n < 0
	var u uint64
	if neg {
		u = uint64(-int64(n))
	} else {
		u = uint64(n)
	}
	s := strconv.FormatUint(u, 10)
	var b strings.Builder
	if neg {
		b.WriteString(Minus)
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// FormatLoss formats a loss with 4 significant digits ("2.303", "0.04512"), or
// "–" when there is none yet.
func FormatLoss(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return FormatSig(v, 4)
}

// FormatRate formats a throughput in symbols per second: "850", "12.3k", "1.2M".
func FormatRate(v float64) string {
	switch {
	case !(v > 0) || math.IsInf(v, 0):
		return "–"
	case v < 1000:
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	case v < 1e6:
		return strconv.FormatFloat(v/1e3, 'f', 1, 64) + "k"
	}
	return strconv.FormatFloat(v/1e6, 'f', 1, 64) + "M"
}

// FormatValue, FormatOperand and FormatPercent are the page's formats
// (wasm/mathtext), the LSTM cell figure's too: the step inspector and the
// figure cannot print a number differently. FormatValue: "0.932", "−0.800";
// FormatOperand: "(−0.800)" in a product; FormatPercent: "62%", "0.4%".
func FormatValue(v float64) string   { return mathtext.FormatValue(v) }
func FormatOperand(v float64) string { return mathtext.FormatOperand(v) }
func FormatPercent(p float64) string { return mathtext.FormatPercent(p) }

// FormatNumber formats a setting or a data value compactly: up to 4
// significant digits without trailing zeros ("0.01", "1e-05", "32").
func FormatNumber(v float64) string {
	return FormatSig(v, 4)
}

// FormatSig is mathtext.FormatSig: digits significant digits, "1e-05", "−2.5".
func FormatSig(v float64, digits int) string { return mathtext.FormatSig(v, digits) }

// DisplayRune returns how a character of the probe or the vocabulary is shown
// in one cell: visible stand-ins for white space and control characters.
func DisplayRune(r rune) string {
	switch r {
	case ' ':
		return "␣"
	case '\n':
		return "↵"
	case '\t':
		return "⇥"
	case '\r':
		return "␍"
	}
	if unicode.IsControl(r) || !unicode.IsPrint(r) && !unicode.IsSpace(r) {
		return "·"
	}
	if unicode.IsSpace(r) {
		return "␣"
	}
	return string(r)
}

// DescribeRune returns a character for a sentence in English: "“a”",
// "space", "newline", "U+200B".
func DescribeRune(r rune) string { return DescribeRuneIn(words.English, r) }

// DescribeRuneIn returns a character for a sentence in language l: quoted, a
// space, a newline, a tab and a carriage return named in l's words (rune.*),
// a character with no glyph by its code point.
func DescribeRuneIn(l words.Lang, r rune) string {
	switch r {
	case ' ':
		return words.Text(l, "rune.space")
	case '\n':
		return words.Text(l, "rune.newline")
	case '\t':
		return words.Text(l, "rune.tab")
	case '\r':
		return words.Text(l, "rune.cr")
	}
	if unicode.IsControl(r) || !unicode.IsPrint(r) {
		return "U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16))
	}
	return "“" + string(r) + "”"
}
