package lstm

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is the kind of data a model learns.
type Kind uint8

const (
	// Text is next-character prediction: one-hot input, softmax output, cross-entropy.
	Text Kind = 0
	// Numbers is next-value regression: one normalised input, one linear output,
	// squared error.
	Numbers Kind = 1
)

func (k Kind) String() string {
	switch k {
	case Text:
		return "Text"
	case Numbers:
		return "Numbers"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Limits of numbers mode.
const (
	MaxNumbers   = 100_000 // values in one list
	MaxAbsNumber = 1e9     // largest magnitude of a value
)

// ErrTooShort is returned for data with fewer than two symbols or values: there
// is nothing to predict.
var ErrTooShort = errors.New("lstm: the sequence needs at least 2 symbols: one to read and one to predict")

// NumberError reports the first token of a numbers list that cannot be used.
type NumberError struct {
	Token   string // the token as typed
	Index   int    // 1-based position among the tokens
	Offset  int    // 1-based character position in the text
	Problem NumberProblem
}

func (e *NumberError) Error() string {
	why := [...]string{NotANumber: "not a number", NotFinite: "not a finite decimal number",
		DecimalComma: "use a dot as the decimal separator", TooLarge: "too large", TooMany: "the list is too long"}
	r := "not a number"
	if int(e.Problem) < len(why) {
		r = why[e.Problem]
	}
	return "number " + strconv.Itoa(e.Index) + " " + strconv.Quote(e.Token) + " (character " + strconv.Itoa(e.Offset) + "): " + r
}

// ParseNumbers reads a typed list of numbers such as "0, 0.5, 1, 0.5, 0, -0.5".
// Values are separated by commas, semicolons or white space (space, tab, new
// line); if the text holds a semicolon, commas are not separators and a comma
// inside a value is reported (use a dot as the decimal separator). A value is
// a decimal number as Go's strconv.ParseFloat reads it, with an optional sign
// and exponent ("-1e3", "+.5", "5."). NaN, infinities, hexadecimal, digits
// with underscores and values beyond ±MaxAbsNumber are refused, as is a list
// of more than MaxNumbers values. The error is a *NumberError naming the
// first bad token as typed and its position in characters (code points).
//
// Besides ASCII it accepts what the page itself prints and what other
// keyboards type for the same characters:
//   - the minus sign U+2212 ("−0.5"), which the page prints for negative
//     values (its generated numbers included), as a '-';
//   - the fullwidth forms U+FF01–U+FF5E that a Chinese or Japanese input
//     method types (fullwidth digits, ＋ － ． ， ； and ｅ), each as its
//     ASCII character, so that "－０．５；１" is −0.5 and 1;
//   - the ideographic space U+3000 as a space.
//
// Other spaces, such as the no-break space U+00A0 or the narrow no-break
// space U+202F, are not separators: they are thousands separators in some
// languages ("1 000"), and splitting there would silently change the data.
func ParseNumbers(s string) ([]float64, error) {
	semicolons := strings.ContainsRune(s, ';') || strings.ContainsRune(s, '；')
	isSep := func(r rune) bool {
		r = NumberRune(r)
		return r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || (r == ',' && !semicolons)
	}
	var vals []float64
	index := 0
	chars := 0 // characters before s[i], counted as we go (not per token: that is quadratic)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSep(r) {
			i += size
			chars++
			continue
		}
		start, offset := i, chars+1
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSep(r) {
				break
			}
			i += size
			chars++
		}
		typed := s[start:i]
		tok := strings.Map(NumberRune, typed)
		index++
		bad := func(p NumberProblem) error {
			return &NumberError{Token: typed, Index: index, Offset: offset, Problem: p}
		}
		if index > MaxNumbers {
			return nil, bad(TooMany)
		}
		if len(tok) > 64 {
			return nil, bad(NotANumber)
		}
		lower := strings.ToLower(tok)
		if strings.Contains(lower, "nan") || strings.Contains(lower, "inf") || strings.HasPrefix(lower, "0x") || strings.ContainsRune(tok, '_') {
			return nil, bad(NotFinite)
		}
		if strings.ContainsRune(tok, ',') {
			return nil, bad(DecimalComma)
		}
		v, err := strconv.ParseFloat(tok, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, bad(NotANumber)
		}
		if err != nil || math.Abs(v) > MaxAbsNumber {
			return nil, bad(TooLarge)
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil, ErrNoNumbers
	}
	return vals, nil
}

// NumberRune returns the ASCII character that r stands for in a numbers list
// (see ParseNumbers): '-' for the minus sign U+2212, the ASCII form of a
// fullwidth form U+FF01–U+FF5E, ' ' for the ideographic space U+3000, and r
// itself otherwise. Each character stays one character, so positions in the
// list are the same before and after.
func NumberRune(r rune) rune {
	switch {
	case r == '\u2212':
		return '-'
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == '\u3000':
		return ' '
	}
	return r
}

// Norm maps values to and from the normalised units the model works in:
// n = (v − Mean) / Scale.
type Norm struct {
	Mean, Scale float64
}

// NewNorm returns the normalisation of vals: their mean and standard deviation
// (1 if the values are all equal).
func NewNorm(vals []float64) Norm {
	if len(vals) == 0 {
		return Norm{Scale: 1}
	}
	var mean float64
	for _, v := range vals {
		mean += v
	}
	mean /= float64(len(vals))
	var ss float64
	for _, v := range vals {
		ss += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(ss / float64(len(vals)))
	if !(sd > 1e-12*math.Max(1, math.Abs(mean))) {
		sd = 1
	}
	return Norm{Mean: mean, Scale: sd}
}

// To returns v in normalised units.
func (n Norm) To(v float64) float64 { return (v - n.Mean) / n.Scale }

// From returns the normalised value u in the user's units.
func (n Norm) From(u float64) float64 { return u*n.Scale + n.Mean }

// Data is a training sequence: character indices (Text) or normalised values
// (Numbers). Build it with NewTextData or NewNumberData.
type Data struct {
	Kind   Kind
	Vocab  Vocab     // Text
	IDs    []int32   // Text: the indices of the characters
	Norm   Norm      // Numbers
	Values []float64 // Numbers: the normalised values
}

// NewTextData returns the data of a training text. It refuses an empty text
// (ErrEmptyText), one of white space only (ErrBlankText), one longer than
// MaxTextChars (*LengthError), one of fewer than 2 characters (ErrTooShort)
// and one with more than MaxVocab distinct characters (ErrTooManyChars).
func NewTextData(text string) (*Data, error) {
	if text == "" {
		return nil, ErrEmptyText
	}
	if n := utf8.RuneCountInString(text); n > MaxTextChars {
		return nil, &LengthError{Input: InputText, Have: n, Limit: MaxTextChars}
	} else if strings.TrimSpace(text) == "" {
		return nil, ErrBlankText
	} else if n < 2 {
		return nil, ErrTooShort
	}
	v, err := NewVocab(text)
	if err != nil {
		return nil, err
	}
	ids, err := v.Encode(text)
	if err != nil {
		return nil, err
	}
	return &Data{Kind: Text, Vocab: v, IDs: ids}, nil
}

// NewNumberData parses a typed list of numbers (see ParseNumbers) and normalises it.
func NewNumberData(s string) (*Data, error) {
	vals, err := ParseNumbers(s)
	if err != nil {
		return nil, err
	}
	if len(vals) < 2 {
		return nil, ErrTooShort
	}
	n := NewNorm(vals)
	for i, v := range vals {
		vals[i] = n.To(v)
	}
	return &Data{Kind: Numbers, Norm: n, Values: vals}, nil
}

// Len returns the number of symbols or values.
func (d *Data) Len() int {
	if d.Kind == Numbers {
		return len(d.Values)
	}
	return len(d.IDs)
}

// InputSize returns X, the width of the first layer's input: V for text, 1 for numbers.
func (d *Data) InputSize() int {
	if d.Kind == Numbers {
		return 1
	}
	return d.Vocab.Size()
}

// OutputSize returns the width of the head: V for text, 1 for numbers.
func (d *Data) OutputSize() int { return d.InputSize() }
