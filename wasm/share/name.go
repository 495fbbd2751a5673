package share

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A name is a class's title or a student's nickname on the class board:
// text a person types, which the page only ever shows as text (textContent,
// never markup). CleanName is its one rule, used by the page before it sends
// and by the service (natively and on Workers) when it receives: any
// printable text of limited length, so "<b>x</b>", "'; DROP" and emoji are
// names like any other; what is refused is what no name needs and what
// hides or disguises a name.

// NameProblem is what is wrong with a name.
type NameProblem int

const (
	NameNotText NameProblem = iota + 1 // not valid UTF-8
	NameBadChar                        // a control, format (but the joiners), private-use or unassigned character, or a line or paragraph separator
	NameEmpty                          // nothing visible: empty, or spaces and invisible characters only
	NameTooLong                        // more characters (code points) than the limit, once cleaned
)

// NameError is a name CleanName refuses: the problem, the refused character
// (NameBadChar) and the name's length and limit (NameTooLong).
type NameError struct {
	Problem    NameProblem
	Char       rune
	Chars, Max int
}

func (e *NameError) Error() string {
	switch e.Problem {
	case NameNotText:
		return "it is not valid UTF-8 text"
	case NameBadChar:
		return "it has the character " + codePoint(e.Char) + ", which a name may not have: no control or invisible format characters and no line breaks"
	case NameEmpty:
		return "it is empty, or has only spaces or invisible characters"
	}
	return "it has " + strconv.Itoa(e.Chars) + " characters; at most " + strconv.Itoa(e.Max)
}

// CleanName checks a name and returns it cleaned: trimmed, every run of
// spaces made one ' '. The name must have at least one visible character
// and, cleaned, at most max characters (code points). It may have letters,
// marks, digits, punctuation, symbols and spaces of any script (Unicode's
// graphic characters), and the two joiners and the tag characters that
// emoji sequences use; anything else is refused with NameBadChar. The error
// is a *NameError.
func CleanName(s string, max int) (string, error) {
	if !utf8.ValidString(s) {
		return "", &NameError{Problem: NameNotText}
	}
	visible := false
	for _, r := range s {
		if !nameChar(r) {
			return "", &NameError{Problem: NameBadChar, Char: r}
		}
		visible = visible || !invisible(r)
	}
	if !visible {
		return "", &NameError{Problem: NameEmpty}
	}
	s = strings.Join(strings.Fields(s), " ")
	if n := utf8.RuneCountInString(s); n > max {
		return "", &NameError{Problem: NameTooLong, Chars: n, Max: max}
	}
	return s, nil
}

// nameChar reports whether a name may have r: a graphic character (L, M, N,
// P, S, Zs), a space, the zero-width (non-)joiner, or a tag character
// (flags of regions are emoji sequences of tags).
func nameChar(r rune) bool {
	return unicode.IsGraphic(r) || r == ' ' || r == '\u200c' || r == '\u200d' || 0xe0020 <= r && r <= 0xe007f
}

// invisible reports whether r, a name's character, shows nothing by itself:
// spaces, the joiners and tags, variation selectors, the combining grapheme
// joiner, the Hangul fillers and the blank Braille pattern.
func invisible(r rune) bool {
	switch {
	case unicode.IsSpace(r), r == '\u200c', r == '\u200d', r == '\u034f', 0xe0020 <= r && r <= 0xe007f,
		0xfe00 <= r && r <= 0xfe0f, 0xe0100 <= r && r <= 0xe01ef:
		return true
	}
	switch r {
	case '\u115f', '\u1160', '\u3164', '\uffa0', '\u2800':
		return true
	}
	return false
}

// codePoint writes r as Unicode does, and fmt's %U: U+ and at least four
// upper-case hexadecimal digits, such as U+200B.
func codePoint(r rune) string {
	s := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	for len(s) < 4 {
		s = "0" + s
	}
	return "U+" + s
}
