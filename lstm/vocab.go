package lstm

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxTextChars is the longest training text, in characters (Unicode code points).
const MaxTextChars = 1_000_000

// Vocab is the set of distinct characters (Unicode code points) of a text, sorted
// by code point, so that indices do not depend on the order they were seen in.
// Accented letters, Chinese characters and emoji are characters, not bytes.
type Vocab struct {
	runes []rune
}

// NewVocab returns the vocabulary of text. Invalid UTF-8 bytes become U+FFFD, as
// a range loop over a string reads them. It returns ErrEmptyText for an empty
// text and ErrTooManyChars for more than MaxVocab distinct characters.
func NewVocab(text string) (Vocab, error) {
	if text == "" {
		return Vocab{}, ErrEmptyText
	}
	seen := make(map[rune]struct{})
	for _, r := range text {
		seen[r] = struct{}{}
		if len(seen) > MaxVocab {
			return Vocab{}, ErrTooManyChars
		}
	}
	// Sorted as ints: the page links slices' sort for int anyway, and one
	// for rune would add 12 KB of code to app.wasm.
	ints := make([]int, 0, len(seen))
	for r := range seen {
		ints = append(ints, int(r))
	}
	slices.Sort(ints)
	runes := make([]rune, len(ints))
	for i, r := range ints {
		runes[i] = rune(r)
	}
	return Vocab{runes: runes}, nil
}

// VocabOf returns a vocabulary of the given runes, which must be valid, sorted
// and unique; it returns an error otherwise.
func VocabOf(runes []rune) (Vocab, error) {
	if len(runes) == 0 || len(runes) > MaxVocab {
		return Vocab{}, errors.New("lstm: vocabulary size " + strconv.Itoa(len(runes)) + " is out of range 1.." + strconv.Itoa(MaxVocab))
	}
	for i, r := range runes {
		if !utf8.ValidRune(r) {
			return Vocab{}, errors.New("lstm: vocabulary entry " + strconv.Itoa(i) + " is not a valid character (" + hexStr(int64(r), 0) + ")")
		}
		if i > 0 && runes[i-1] >= r {
			return Vocab{}, errors.New("lstm: vocabulary is not sorted and unique at entry " + strconv.Itoa(i))
		}
	}
	return Vocab{runes: slices.Clone(runes)}, nil
}

// Size returns V, the number of characters.
func (v Vocab) Size() int { return len(v.runes) }

// Runes returns a copy of the characters, sorted by code point.
func (v Vocab) Runes() []rune { return slices.Clone(v.runes) }

// Rune returns the character with index i; it panics if i is out of range.
func (v Vocab) Rune(i int) rune { return v.runes[i] }

// Index returns the index of r and whether r is in the vocabulary.
func (v Vocab) Index(r rune) (int, bool) {
	return slices.BinarySearch(v.runes, r)
}

// Encode returns the indices of the characters of s. A character outside the
// vocabulary gives an *UnknownRuneError naming it and its position.
func (v Vocab) Encode(s string) ([]int32, error) {
	ids := make([]int32, 0, utf8.RuneCountInString(s))
	pos := 0
	for _, r := range s {
		i, ok := v.Index(r)
		if !ok {
			return nil, &UnknownRuneError{Rune: r, Pos: pos + 1}
		}
		ids = append(ids, int32(i))
		pos++
	}
	return ids, nil
}

// Decode returns the text of the indices; it panics on an index out of range.
func (v Vocab) Decode(ids []int32) string {
	var b strings.Builder
	for _, i := range ids {
		b.WriteRune(v.runes[i])
	}
	return b.String()
}
