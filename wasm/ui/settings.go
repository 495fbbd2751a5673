package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/ui/present"
)

// Limits the page states and checks before it sends anything.
const (
	MaxSeed      = 1<<53 - 1 // the largest whole number a number field holds exactly
	MaxGenerate  = lstm.MaxSample
	DebounceText = 400 // ms between the last keystroke in Training text and SetData
)

// FieldError is a value the page refuses before sending it: the field as the
// person sees it and a sentence with the valid range.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Message }

// IntSpec is a whole-number setting and its valid range.
type IntSpec struct {
	Field  string
	Lo, Hi int
}

// FloatSpec is a number setting and its valid range.
type FloatSpec struct {
	Field  string
	Lo, Hi float64
}

// The settings' ranges: lstm's limits, which the engine checks again.
var (
	SpecHidden      = IntSpec{present.FieldHidden, 1, lstm.MaxHidden}
	SpecSeqLen      = IntSpec{present.FieldSeqLen, 1, lstm.MaxSeqLen}
	SpecLayers      = IntSpec{present.FieldLayers, 1, lstm.MaxLayers}
	SpecSeed        = IntSpec{present.FieldSeed, 0, MaxSeed}
	SpecLength      = IntSpec{present.FieldLength, 1, MaxGenerate}
	SpecLR          = FloatSpec{present.FieldLR, lstm.MinLR, lstm.MaxLR}
	SpecClip        = FloatSpec{present.FieldClip, 0, lstm.MaxClip}
	SpecForgetBias  = FloatSpec{present.FieldForgetBias, -lstm.MaxForgetB, lstm.MaxForgetB}
	SpecTemperature = FloatSpec{present.FieldTemperature, 0, lstm.MaxTemperature}
)

// Range describes the valid values: "a whole number from 1 to 512".
func (s IntSpec) Range() string {
	return fmt.Sprintf("a whole number from %s to %s", present.FormatCount(s.Lo), present.FormatCount(s.Hi))
}

// Range describes the valid values: "a number from 0.000001 to 1".
func (s FloatSpec) Range() string {
	return fmt.Sprintf("a number from %s to %s", plainNumber(s.Lo), plainNumber(s.Hi))
}

// Bounds states the valid values in a few words, for the hint beside the
// field, so that the limits are known before they are hit: "1 to 512".
func (s IntSpec) Bounds() string {
	return fmt.Sprintf("%s to %s", present.FormatCount(s.Lo), present.FormatCount(s.Hi))
}

// Bounds states the valid values in a few words: "0.000001 to 1".
func (s FloatSpec) Bounds() string {
	return fmt.Sprintf("%s to %s", plainNumber(s.Lo), plainNumber(s.Hi))
}

// plainNumber writes a limit without exponent where that stays short.
func plainNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if strings.HasPrefix(s, "-") {
		s = present.Minus + s[1:]
	}
	return s
}

// normalise trims a typed number and accepts the typographic minus and a
// decimal comma.
func normalise(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, present.Minus, "-")
	if !strings.Contains(s, ".") && strings.Count(s, ",") == 1 {
		s = strings.Replace(s, ",", ".", 1)
	}
	return s
}

// Parse reads a typed whole number and checks its range.
func (s IntSpec) Parse(typed string) (int, error) {
	t := normalise(typed)
	if t == "" {
		return 0, &FieldError{s.Field, fmt.Sprintf("%s is empty: type %s.", s.Field, s.Range())}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &FieldError{s.Field, fmt.Sprintf("%s “%s” is not a number: type %s.", s.Field, typed, s.Range())}
	}
	if v != math.Trunc(v) || v < float64(s.Lo) || v > float64(s.Hi) {
		return 0, &FieldError{s.Field, fmt.Sprintf("%s %s is out of range: use %s.", s.Field, typed, s.Range())}
	}
	return int(v), nil
}

// Parse reads a typed number and checks its range.
func (s FloatSpec) Parse(typed string) (float64, error) {
	t := normalise(typed)
	if t == "" {
		return 0, &FieldError{s.Field, fmt.Sprintf("%s is empty: type %s.", s.Field, s.Range())}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &FieldError{s.Field, fmt.Sprintf("%s “%s” is not a number: type %s.", s.Field, typed, s.Range())}
	}
	if v < s.Lo || v > s.Hi {
		return 0, &FieldError{s.Field, fmt.Sprintf("%s %s is out of range: use %s.", s.Field, typed, s.Range())}
	}
	return v, nil
}

// CheckText refuses a training text the engine would refuse for its length,
// before it is sent: empty, or over lstm.MaxTextChars characters. Everything
// else (one character, a bad number) the engine reports.
func CheckText(text string, mode lstm.Kind) error {
	if text == "" || (mode == lstm.Numbers && strings.TrimSpace(text) == "") {
		if mode == lstm.Numbers {
			return &FieldError{present.FieldText, "The list of numbers is empty: type some numbers, such as 0, 0.5, 1, 0.5, 0."}
		}
		return &FieldError{present.FieldText, "The training text is empty: type something or pick a preset."}
	}
	if n := utf8.RuneCountInString(text); n > lstm.MaxTextChars {
		return &FieldError{present.FieldText, fmt.Sprintf("The training text has %s characters; the limit is %s. Shorten it to train.",
			present.FormatCount(n), present.FormatCount(lstm.MaxTextChars))}
	}
	return nil
}

// TextLimits is the sentence that states the data limits before they are hit.
func TextLimits(mode lstm.Kind) string {
	if mode == lstm.Numbers {
		return fmt.Sprintf("Up to %s numbers, separated by commas, spaces or new lines.", present.FormatCount(lstm.MaxNumbers))
	}
	return fmt.Sprintf("Up to %s characters and %s distinct characters.", present.FormatCount(lstm.MaxTextChars), present.FormatCount(lstm.MaxVocab))
}

// Optimizers lists the optimizers in the order of the Optimizer picker.
var Optimizers = []lstm.Optimizer{lstm.Adam, lstm.RMSProp, lstm.SGD}

// LearningRates are the suggestions offered for the Learning rate field.
var LearningRates = []float64{0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1}

// HiddenSizes are the suggestions offered for the Hidden units field.
var HiddenSizes = []int{4, 8, 16, 32, 64, 128, 256, 512}
