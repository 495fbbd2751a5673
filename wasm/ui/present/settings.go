package present

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/settings"
	"lstmplayground/wasm/words"
)

// Limits the page states and checks before it sends anything.
const (
	MaxSeed      = settings.MaxSeed
	MaxGenerate  = settings.MaxGenerate
	DebounceText = 400 // ms between the last keystroke in Training text and SetData
)

// FieldError is a value the page refuses before sending it: the field as the
// person sees it and a sentence with the valid range.
type FieldError struct {
	Field   string
	Message string
	// Again words Message again in the language of the page now (Lang), after
	// a language switch; nil when Message is the page's English, which the
	// page shows in its language itself.
	Again func() string
}

func (e *FieldError) Error() string { return e.Message }

// worded returns the FieldError of field whose message word writes in Lang.
func worded(field string, word func() string) *FieldError {
	return &FieldError{Field: field, Message: word(), Again: word}
}

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

// The settings' ranges: the registry's (lstm's limits, which the engine
// checks again, and the page's own).
var (
	SpecHidden      = intSpec(lstm.KeyHidden)
	SpecSeqLen      = intSpec(lstm.KeySeqLen)
	SpecLayers      = intSpec(lstm.KeyLayers)
	SpecSeed        = intSpec(lstm.KeySeed)
	SpecLength      = intSpec(settings.KeyLength)
	SpecLR          = floatSpec(lstm.KeyLR)
	SpecClip        = floatSpec(lstm.KeyClip)
	SpecForgetBias  = floatSpec(lstm.KeyForgetBias)
	SpecTemperature = floatSpec(settings.KeyTemperature)
)

func intSpec(key string) IntSpec {
	s := settings.Must(key)
	return IntSpec{label(key), int(s.Min), int(s.Max)}
}

func floatSpec(key string) FloatSpec {
	s := settings.Must(key)
	return FloatSpec{label(key), s.Min, s.Max}
}

// setting returns the spec as a row for wasm/words (Key unused: the label
// is the spec's Field).
func (s IntSpec) setting() lstm.Setting {
	return lstm.Setting{Kind: lstm.WholeSetting, Min: float64(s.Lo), Max: float64(s.Hi)}
}

func (s FloatSpec) setting() lstm.Setting {
	return lstm.Setting{Kind: lstm.NumberSetting, Min: s.Lo, Max: s.Hi}
}

// Range describes the valid values: "a whole number from 1 to 512".
func (s IntSpec) Range() string { return words.Range(Lang, s.setting()) }

// Range describes the valid values: "a number from 0.000001 to 1".
func (s FloatSpec) Range() string { return words.Range(Lang, s.setting()) }

// Bounds states the valid values in a few words, for the hint beside the
// field, so that the limits are known before they are hit: "1 to 512".
func (s IntSpec) Bounds() string { return words.Bounds(words.English, s.setting()) }

// Bounds states the valid values in a few words: "0.000001 to 1".
func (s FloatSpec) Bounds() string { return words.Bounds(words.English, s.setting()) }

// normalise trims a typed number and accepts the typographic minus and a
// decimal comma.
func normalise(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, Minus, "-")
	if !strings.Contains(s, ".") && strings.Count(s, ",") == 1 {
		s = strings.Replace(s, ",", ".", 1)
	}
	return s
}

// parse reads a typed number of a field with the valid range row, whole if
// the row says so.
func parse(field string, row lstm.Setting, typed string) (float64, error) {
	t := normalise(typed)
	if t == "" {
		return 0, worded(field, func() string { return words.Empty(Lang, words.Page(Lang, field), row) })
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, worded(field, func() string { return words.NotANumber(Lang, words.Page(Lang, field), row, typed) })
	}
	if row.Check(v) != nil {
		return 0, worded(field, func() string { return words.OutOfRange(Lang, words.Page(Lang, field), row, typed) })
	}
	return v, nil
}

// Parse reads a typed whole number and checks its range.
func (s IntSpec) Parse(typed string) (int, error) {
	v, err := parse(s.Field, s.setting(), typed)
	return int(v), err
}

// Parse reads a typed number and checks its range.
func (s FloatSpec) Parse(typed string) (float64, error) {
	return parse(s.Field, s.setting(), typed)
}

// CheckText refuses a training text the engine would refuse for its length,
// before it is sent: empty, or over lstm.MaxTextChars characters. Everything
// else (one character, a bad number) the engine reports.
func CheckText(text string, mode lstm.Kind) error {
	if text == "" || (mode == lstm.Numbers && strings.TrimSpace(text) == "") {
		return worded(FieldText, func() string { msg, _ := words.Data(Lang, mode, lstm.ErrEmptyText); return msg })
	}
	if n := utf8.RuneCountInString(text); n > lstm.MaxTextChars {
		return worded(FieldText, func() string {
			return words.Length(Lang, &lstm.LengthError{Input: lstm.InputText, Have: n, Limit: lstm.MaxTextChars})
		})
	}
	return nil
}

// TextLimits is the sentence that states the data limits before they are hit.
func TextLimits(mode lstm.Kind) string {
	if mode == lstm.Numbers {
		return words.Text(Lang, "data.limitsNumbers", FormatCount(lstm.MaxNumbers))
	}
	return words.Text(Lang, "data.limits", FormatCount(lstm.MaxTextChars), FormatCount(lstm.MaxVocab))
}

// Optimizers lists the optimizers in the order of the Optimizer picker.
var Optimizers = []lstm.Optimizer{lstm.Adam, lstm.RMSProp, lstm.SGD}

// LearningRates are the suggestions offered for the Learning rate field.
var LearningRates = []float64{0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1}

// HiddenSizes are the suggestions offered for the Hidden units field.
var HiddenSizes = []int{4, 8, 16, 32, 64, 128, 256, 512}

// Lang is the language of the ranges, limits and errors this package
// writes: the page's (wasm/ui sets it when the person switches).
var Lang = words.English
