// Package analysis computes what helps a student find interpretable units in a trace: features of the probe text, their correlation with every unit, an ordering of units by similarity, gate saturation, and how much c and h change per step.
//
// # Conventions
//
// Activations are (T, H) arrays, row-major, one row of H units per step
// t = 1 … T, as in protocol.TraceResult. A feature has one value per step: its
// value after reading the symbol of that step, the same moment as the model's
// h_t, which has read x_t. Units and steps are 0-based.
//
// Inputs are never modified. A slice whose length does not match T and H is a
// programmer error and panics; values from a model (NaN, ±Inf after a
// diverged run) never do.
package analysis

import (
	"unicode"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// Feature is a number per step of the probe that a unit might track.
type Feature struct {
	Name   string    // short, for a list: "bracket depth"
	About  string    // one line for the page: how it is counted
	Values []float64 // (T) the value after reading each step's symbol
}

// Names of the features.
const (
	FeaturePosition = "position in line"
	FeatureQuotes   = "inside quotes"
	FeatureBrackets = "bracket depth"
	FeatureCount    = "count so far"
	FeatureVowel    = "is vowel"
	FeatureSpace    = "is space"
	FeatureValue    = "value"
	FeatureChange   = "change"
)

// TextFeatures returns the features of a probe text, in this order: position
// in line, inside quotes, bracket depth, count so far, is vowel, is space.
func TextFeatures(text []rune) []Feature {
	return []Feature{
		{FeaturePosition, "characters since the last new line (the new line itself is 0)", PositionInLine(text)},
		{FeatureQuotes, "1 from an opening quote (\" “ « 「 『) up to its closing quote (\" ” » 」 』), else 0", InsideQuotes(text)},
		{FeatureBrackets, "brackets ( [ { still open: +1 at each opening, −1 at each closing, never below 0", BracketDepth(text)},
		{FeatureCount, "per line: how often the line's first character has come, minus how often the character after the first different one has come since (aaaXbb: 1 2 3 3 2 1)", CountSoFar(text)},
		{FeatureVowel, "1 for a, e, i, o, u (either case, with or without accents), else 0", IsVowel(text)},
		{FeatureSpace, "1 for a space, tab or new line, else 0", IsSpace(text)},
	}
}

// NumberFeatures returns the features of a probe list of numbers: the value
// itself and its change from the previous value (0 at the first).
func NumberFeatures(values []float32) []Feature {
	v := make([]float64, len(values))
	d := make([]float64, len(values))
	for t, x := range values {
		v[t] = float64(x)
		if t > 0 {
			d[t] = float64(x) - float64(values[t-1])
		}
	}
	return []Feature{
		{FeatureValue, "the value read at this step", v},
		{FeatureChange, "the value minus the previous one (0 at the first)", d},
	}
}

// FeaturesOf returns the features of a trace's probe: TextFeatures of its
// Symbols for a text model, NumberFeatures of its Values for a numbers model.
func FeaturesOf(tr *protocol.TraceResult) []Feature {
	if tr.Kind == lstm.Numbers {
		return NumberFeatures(tr.Values)
	}
	return TextFeatures(tr.Symbols)
}

// PositionInLine returns, for each rune, how many runes have been read since
// the last '\n', counting this one; a '\n' itself is 0. Text before the first
// new line counts from its start: "ab\ncd" gives 1 2 0 1 2.
func PositionInLine(text []rune) []float64 {
	out := make([]float64, len(text))
	n := 0
	for t, r := range text {
		n++
		if r == '\n' {
			n = 0
		}
		out[t] = float64(n)
	}
	return out
}

// InsideQuotes returns 1 for each rune read while a quotation is open and 0
// otherwise. An opening quote opens the quotation (it reads 1) and a closing
// quote closes it (it reads 0). The straight quote " opens when none is open
// and closes otherwise; “ « 「 『 open and ” » 」 』 close. Quotations do not
// nest and do not end at a new line (prose quotes span lines).
func InsideQuotes(text []rune) []float64 {
	out := make([]float64, len(text))
	in := false
	for t, r := range text {
		switch r {
		case '"':
			in = !in
		case '“', '«', '「', '『':
			in = true
		case '”', '»', '」', '』':
			in = false
		}
		if in {
			out[t] = 1
		}
	}
	return out
}

// BracketDepth returns the number of brackets open after each rune: ( [ {
// add one, ) ] } take one away, and a closing bracket with none open leaves 0
// (the depth never goes below 0). Kinds are not matched: "(]" closes.
func BracketDepth(text []rune) []float64 {
	out := make([]float64, len(text))
	d := 0
	for t, r := range text {
		switch r {
		case '(', '[', '{':
			d++
		case ')', ']', '}':
			d = max(0, d-1)
		}
		out[t] = float64(d)
	}
	return out
}

// CountSoFar returns, for data like aⁿXbⁿ, how many symbols are still to come:
// for each line (the text between new lines), let a be its first rune, the
// separator the first rune that differs from a, and b the rune after the
// separator. After each rune the value is the number of a read so far in the
// line minus the number of b read after the separator; if b is the separator
// itself (aⁿbⁿ with no separator), the separator counts as a b too. A new line
// reads 0 and starts the count again. "aaaXbbb" gives 1 2 3 3 2 1 0, and
// "((()))" gives 1 2 3 2 1 0.
func CountSoFar(text []rune) []float64 {
	out := make([]float64, len(text))
	var a, sep, b rune
	start, hasSep, hasB := true, false, false
	n, sepT := 0, 0
	for t, r := range text {
		switch {
		case r == '\n':
			start, hasSep, hasB, n = true, false, false, 0
		case start:
			a, start, n = r, false, 1
		case !hasSep && r != a:
			sep, sepT, hasSep = r, t, true
		case hasSep && !hasB:
			b, hasB = r, true
			if b == sep { // the separator was the first b
				n--
				out[sepT] = float64(n)
			}
			if b == a {
				n++
			} else {
				n--
			}
		case r == a:
			n++
		case hasB && r == b:
			n--
		}
		out[t] = float64(n)
	}
	return out
}

// IsVowel returns 1 for each Latin vowel a, e, i, o, u, in either case, with or
// without an accent (à é î ö ů …), and 0 for everything else (y included).
func IsVowel(text []rune) []float64 {
	out := make([]float64, len(text))
	for t, r := range text {
		if isVowel(r) {
			out[t] = 1
		}
	}
	return out
}

// isVowel folds the accented Latin letters of Latin-1 Supplement and Latin
// Extended-A onto their base letter and checks for a e i o u.
func isVowel(r rune) bool {
	r = unicode.ToLower(r)
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	for _, v := range accentedVowels {
		if r == v {
			return true
		}
	}
	return false
}

// accentedVowels is a read-only table of the lower-case accented vowels of
// Latin-1 Supplement and Latin Extended-A.
var accentedVowels = []rune("àáâãäåæèéêëìíîïòóôõöøœùúûüāăąēĕėęěĩīĭįıōŏőũūŭůűų")

// IsSpace returns 1 for each white-space rune (space, tab, new line and the
// other Unicode spaces) and 0 for the rest.
func IsSpace(text []rune) []float64 {
	out := make([]float64, len(text))
	for t, r := range text {
		if unicode.IsSpace(r) {
			out[t] = 1
		}
	}
	return out
}
