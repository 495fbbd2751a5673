package lstm

import (
	"errors"
	"strconv"
)

// Sentinel errors of the data, for errors.Is. Errors that carry numbers are
// the types below; each also matches its sentinel where it has one.
var (
	// ErrEmptyText: the training text is empty.
	ErrEmptyText = errors.New("lstm: the training text is empty")
	// ErrBlankText: the training text is only white space.
	ErrBlankText = errors.New("lstm: the training text is only white space")
	// ErrNoNumbers: a list of numbers holds no number.
	ErrNoNumbers = errors.New("lstm: the list of numbers is empty")
	// ErrTooManyChars: a text has more than MaxVocab distinct characters.
	ErrTooManyChars = errors.New("lstm: the text has more than MaxVocab distinct characters")
	// ErrUnknownRune is matched by every *UnknownRuneError.
	ErrUnknownRune = errors.New("lstm: character not in the vocabulary")
	// ErrEmptyPrime: a numbers prime has no value to continue from.
	ErrEmptyPrime = errors.New("lstm: the prime is empty")
	// ErrEmptyProbe: a probe has nothing to read.
	ErrEmptyProbe = errors.New("lstm: the probe is empty")
)

// Input names what a *LengthError is about.
type Input uint8

const (
	InputText        Input = iota // the training text, in characters
	InputPrime                    // a text model's prime, in characters
	InputPrimeValues              // a numbers model's prime, in values
	InputProbe                    // a probe, in steps
)

// LengthError reports an input longer than its limit.
type LengthError struct {
	Input       Input
	Have, Limit int
}

func (e *LengthError) Error() string {
	what := [...]string{InputText: "the text has %d characters", InputPrime: "the prime has %d characters",
		InputPrimeValues: "the prime has %d values", InputProbe: "the probe has %d steps"}
	s := "input %d"
	if int(e.Input) < len(what) {
		s = what[e.Input]
	}
	return "lstm: " + fill(s, e.Have) + "; the limit is " + strconv.Itoa(e.Limit)
}

// fill replaces the one %d of s with n.
func fill(s string, n int) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' && s[i+1] == 'd' {
			return s[:i] + strconv.Itoa(n) + s[i+2:]
		}
	}
	return s
}

// UnknownRuneError reports a character outside a model's vocabulary: in a
// prime or probe, or in a training text that a loaded model was not trained
// on. It matches ErrUnknownRune.
type UnknownRuneError struct {
	Rune rune
	Pos  int // 1-based position of its first occurrence, in characters
}

func (e *UnknownRuneError) Error() string {
	return "lstm: character not in the vocabulary: " + strconv.QuoteRune(e.Rune) + " at character " + strconv.Itoa(e.Pos)
}

// Is reports whether target is ErrUnknownRune.
func (e *UnknownRuneError) Is(target error) bool { return target == ErrUnknownRune }

// NumberProblem says what is wrong with a token of a list of numbers.
type NumberProblem uint8

const (
	// NotANumber: the token is not a decimal number.
	NotANumber NumberProblem = iota
	// NotFinite: NaN, an infinity, hexadecimal or with '_': use values within ±MaxAbsNumber.
	NotFinite
	// DecimalComma: a comma inside a value: use a dot as the decimal separator.
	DecimalComma
	// TooLarge: beyond ±MaxAbsNumber.
	TooLarge
	// TooMany: the list is longer than MaxNumbers values.
	TooMany
)
