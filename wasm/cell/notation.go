package cell

import (
	"unicode/utf8"

	"lstmplayground/wasm/mathtext"
)

// eq writes an equation from a compact notation: a single letter is a
// symbol in italics (with a ′ after it), a run of letters a word (tanh,
// softmax), ^x or ^{…} a superscript, # the next of args, anything else an
// operator. eq("z^f ⊙ c^{t−1} = #", res(v)) is zᶠ ⊙ cᵗ⁻¹ = v.
func eq(pattern string, args ...mathtext.Span) mathtext.Line {
	var l mathtext.Line
	add := func(k mathtext.SpanKind, s string) {
		if n := len(l); k == mathtext.Plain && n > 0 && l[n-1].Kind == mathtext.Plain {
			l[n-1].Text += s
			return
		}
		l = append(l, mathtext.Span{Kind: k, Text: s})
	}
	for i := 0; i < len(pattern); {
		r, size := utf8.DecodeRuneInString(pattern[i:])
		switch {
		case r == '#' && len(args) > 0:
			l, args = append(l, args[0]), args[1:]
		case r == '^' && i+1 < len(pattern) && pattern[i+1] == '{':
			end := i + 2
			for end < len(pattern) && pattern[end] != '}' {
				end++
			}
			add(mathtext.Sup, pattern[i+2:end])
			size = end + 1 - i
		case r == '^' && i+1 < len(pattern):
			_, n := utf8.DecodeRuneInString(pattern[i+1:])
			add(mathtext.Sup, pattern[i+1:i+1+n])
			size = 1 + n
		case isLetter(r):
			end := i + 1
			for end < len(pattern) && isLetter(rune(pattern[end])) {
				end++
			}
			if end-i > 1 {
				add(mathtext.Plain, pattern[i:end])
			} else {
				if p, n := utf8.DecodeRuneInString(pattern[end:]); p == '′' {
					end += n
				}
				add(mathtext.Var, pattern[i:end])
			}
			size = end - i
		default:
			add(mathtext.Plain, string(r))
		}
		i += size
	}
	return l
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
