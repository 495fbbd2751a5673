package words

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// allowedInChinese are the English words that Chinese text keeps: names of
// cells, optimizers, formats, units, programs, browser APIs (WebAssembly,
// Web Worker) and mathematical functions.
// Single letters are symbols (c, h, z, k, X …) and always allowed.
var allowedInChinese = [...]string{
	"LSTM", "RNN", "Adam", "SGD", "RMSProp", "PNG", "SVG", "CSV", "JSON", "PyTorch", "Unicode",
	"MiB", "KiB", "ln", "tanh", "exp", "log", "softmax",
	"WebAssembly", "JavaScript", "Web", "Worker", "Firefox", "Chrome", "Edge", "Safari",
	"Go", "Ctrl", "Mac", "iframe", "torch", "nn", "weight", "bias", "ih", "hh", "aaaXbb",
}

// Allowed returns the English words Chinese text may keep (besides single
// letters and formulas): the allow-list of Untranslated, which the page's
// browser test reads from tests/e2e/allowed-english.json (TestAllowedJSON
// keeps the two the same).
func Allowed() []string { return slices.Clone(allowedInChinese[:]) }

// Untranslated returns the English words of s that Chinese text should not
// have: every run of two or more ASCII letters that is not one of the
// allowed terms (case as written), each once, in the order they come. Other
// scripts, digits and punctuation are never reported, nor letters that
// touch a modifier letter or a superscript or subscript: a formula (zᶠ,
// aⁿXbⁿ, hₜ). The page's scan in Chinese uses it on what a person
// sees; TestChineseHasNoEnglish uses it on the whole zh-CN catalogue.
func Untranslated(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if w := s[i:j]; len(w) > 1 && !formula(s, i, j) && !slices.Contains(allowedInChinese[:], w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
		i = j
	}
	return out
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// formula reports whether the letters s[i:j] touch a modifier letter or a
// superscript or subscript (U+2070–U+209F).
func formula(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	for _, r := range [2]rune{before, after} {
		if unicode.Is(unicode.Lm, r) || 0x2070 <= r && r <= 0x209f {
			return true
		}
	}
	return false
}
