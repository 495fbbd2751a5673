package words

import (
	"errors"
	"strconv"
	"unicode"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/settings"
)

// Choice returns the name a person sees of value i of a choice setting
// ("LSTM" for cell 0).
func Choice(l Lang, s lstm.Setting, i int) string {
	if i < 0 || i >= len(s.Choices) {
		return strconv.Itoa(i)
	}
	return Text(l, "choice."+s.Key+"."+s.Choices[i])
}

// Range states the valid values of s: "a whole number from 1 to 512", "a
// number from 0.000001 to 1", "LSTM or RNN".
func Range(l Lang, s lstm.Setting) string {
	switch s.Kind {
	case lstm.ChoiceSetting:
		names := make([]string, len(s.Choices))
		for i := range s.Choices {
			names[i] = Choice(l, s, i)
		}
		return Text(l, "range.choice", List(l, names))
	case lstm.NumberSetting:
		return Text(l, "range.number", Plain(l, s.Min), Plain(l, s.Max))
	}
	return Text(l, "range.whole", Number(l, s.Min), Number(l, s.Max))
}

// Use says what to do with a value of s out of range: "use a whole number
// from 1 to 512".
func Use(l Lang, s lstm.Setting) string { return Text(l, "range.use", Range(l, s)) }

// Bounds states the valid values in a few words, for the hint beside a
// field: "1 to 512".
func Bounds(l Lang, s lstm.Setting) string {
	return Text(l, "bounds", Value(l, s.Kind, s.Min), Value(l, s.Kind, s.Max))
}

// OutOfRange is the sentence for a value of the field label (with the valid
// values of s) out of range, typed as given: "Hidden units 600 is out of
// range: use a whole number from 1 to 512."
func OutOfRange(l Lang, label string, s lstm.Setting, typed string) string {
	return Text(l, "sentence", Text(l, "setting.range", label, typed, Range(l, s)))
}

// Empty is the sentence for the field label left empty.
func Empty(l Lang, label string, s lstm.Setting) string {
	return Text(l, "sentence", Text(l, "setting.empty", label, "", Range(l, s)))
}

// NotANumber is the sentence for the field label that does not hold a number.
func NotANumber(l Lang, label string, s lstm.Setting, typed string) string {
	return Text(l, "sentence", Text(l, "setting.nan", label, typed, Range(l, s)))
}

// Config words a *lstm.ConfigError: the setting, its value and its range, or
// the size of the model and its limit.
func Config(l Lang, e *lstm.ConfigError) string { return Text(l, "sentence", configClause(l, e)) }

func configClause(l Lang, e *lstm.ConfigError) string {
	s, ok := settings.Of(e.Key)
	if !ok {
		s = lstm.Setting{Key: e.Key, Kind: e.Kind, Min: e.Min, Max: e.Max}
	}
	v := Value(l, s.Kind, e.Value)
	switch e.Problem {
	case lstm.TooManyParams:
		return Text(l, "setting.params", Label(l, e.Key), v, Count(l, e.Have), Count(l, e.Limit))
	case lstm.TooMuchMemory:
		return Text(l, "setting.memory", Label(l, e.Key), v, Count(l, e.Have>>20), Count(l, e.Limit>>20))
	}
	s.Min, s.Max = e.Min, e.Max
	return Text(l, "setting.range", Label(l, e.Key), v, Range(l, s))
}

// NumberError words a *lstm.NumberError: which token, where, and why.
func NumberError(l Lang, e *lstm.NumberError) string {
	var why string
	switch e.Problem {
	case lstm.NotFinite:
		why = Text(l, "number.finite", short(-lstm.MaxAbsNumber), short(lstm.MaxAbsNumber))
	case lstm.DecimalComma:
		why = Text(l, "number.comma")
	case lstm.TooLarge:
		why = Text(l, "number.large", short(-lstm.MaxAbsNumber), short(lstm.MaxAbsNumber))
	case lstm.TooMany:
		why = Text(l, "number.many", Count(l, lstm.MaxNumbers))
	default:
		why = Text(l, "number.nan")
	}
	return Text(l, "number.bad", strconv.Itoa(e.Index), strconv.Quote(e.Token), strconv.Itoa(e.Offset), why)
}

// short writes a bound of a list of numbers as a person may type it back:
// 1e+09, -1e+09 (the page's numbers fields take this form).
func short(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Length words a *lstm.LengthError.
func Length(l Lang, e *lstm.LengthError) string {
	have, limit := Count(l, int64(e.Have)), Count(l, int64(e.Limit))
	switch e.Input {
	case lstm.InputText:
		return Text(l, "data.long", have, limit)
	case lstm.InputPrimeValues:
		return Text(l, "length.values", have, limit)
	case lstm.InputProbe:
		return Text(l, "length.probe", have, limit)
	}
	return Text(l, "length.prime", have, limit)
}

// UnknownRune words a character of a probe or prime that the model does not
// know.
func UnknownRune(l Lang, e *lstm.UnknownRuneError) string {
	return Text(l, "rune.unknown", strconv.QuoteRune(e.Rune), strconv.Itoa(e.Pos))
}

// CannotTrain words a loaded model that cannot train on the current text
// because the text has a character the model was trained without.
func CannotTrain(l Lang, e *lstm.UnknownRuneError) string {
	return Text(l, "rune.cannotTrain", strconv.QuoteRune(e.Rune))
}

// Data words an error of lstm.NewTextData, NewNumberData or ParseNumbers for
// data of kind k, and reports whether it knew the error.
func Data(l Lang, k lstm.Kind, err error) (string, bool) {
	var ne *lstm.NumberError
	var le *lstm.LengthError
	switch {
	case errors.Is(err, lstm.ErrEmptyText) || errors.Is(err, lstm.ErrNoNumbers):
		if k == lstm.Numbers {
			return Text(l, "data.emptyNumbers"), true
		}
		return Text(l, "data.empty"), true
	case errors.Is(err, lstm.ErrBlankText):
		return Text(l, "data.blank"), true
	case errors.Is(err, lstm.ErrTooShort):
		return Text(l, "data.short"), true
	case errors.Is(err, lstm.ErrTooManyChars):
		return Text(l, "data.distinct", Count(l, lstm.MaxVocab)), true
	case errors.As(err, &ne):
		return NumberError(l, ne), true
	case errors.As(err, &le):
		return Length(l, le), true
	}
	return "", false
}

// Probe words an error of a probe or prime (lstm.Model.TraceText,
// TraceNumbers, Sample, Continue, or ParseNumbers of the typed list), and
// reports whether it knew the error.
func Probe(l Lang, err error) (string, bool) {
	var ne *lstm.NumberError
	var le *lstm.LengthError
	var ue *lstm.UnknownRuneError
	switch {
	case errors.Is(err, lstm.ErrEmptyProbe):
		return Text(l, "probe.empty"), true
	case errors.Is(err, lstm.ErrEmptyPrime), errors.Is(err, lstm.ErrNoNumbers):
		return Text(l, "prime.empty"), true
	case errors.As(err, &ne):
		return NumberError(l, ne), true
	case errors.As(err, &le):
		return Length(l, le), true
	case errors.As(err, &ue):
		return UnknownRune(l, ue), true
	}
	return "", false
}

// ModelFile words an error of lstm.Decode or UnmarshalModel as a sentence,
// and reports whether it knew the error.
func ModelFile(l Lang, err error) (string, bool) {
	r, ok := modelFile(l, err)
	return Text(l, "sentence", upperFirst(r)), ok
}

// ModelFileReason words an error of lstm.Decode or UnmarshalModel as a
// clause, to follow "The model could not be loaded: ". A format version far
// beyond this one's is a damaged header rather than a newer file.
func ModelFileReason(l Lang, err error) string {
	if ue, ok := errors.AsType[*lstm.UnsupportedError](err); ok && ue.Version > 1000 {
		return Text(l, "file.damaged", strconv.FormatUint(uint64(ue.Version), 10))
	}
	r, _ := modelFile(l, err)
	return r
}

// Export words an error of the downloads (wasm/export) as a sentence.
func Export(l Lang, err error) string {
	r, ok := modelFile(l, err)
	if !ok {
		r = Text(l, "export.failed")
	}
	return Text(l, "export.weights", r)
}

// upperFirst returns s with its first letter upper case (a clause made a
// sentence; scripts without case are unchanged).
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if u := unicode.ToUpper(r); u != r {
		return string(u) + s[n:]
	}
	return s
}

func modelFile(l Lang, err error) (string, bool) {
	if ue, ok := errors.AsType[*lstm.UnsupportedError](err); ok {
		return Text(l, "file.newer", strconv.FormatUint(uint64(ue.Version), 10), strconv.Itoa(lstm.FormatVersion)), true
	}
	fe, ok := errors.AsType[*lstm.FormatError](err)
	if !ok {
		return Text(l, "file.unreadable"), false
	}
	switch fe.Problem {
	case lstm.EmptyFile:
		return Text(l, "file.empty"), true
	case lstm.NotModel:
		return Text(l, "file.notModel"), true
	case lstm.Truncated:
		return Text(l, "file.truncated", strconv.FormatInt(fe.Want, 10), strconv.FormatInt(fe.Offset, 10)), true
	case lstm.Corrupt:
		return Text(l, "file.corrupt"), true
	case lstm.Trailing:
		return Text(l, "file.trailing", strconv.FormatInt(fe.Offset, 10)), true
	}
	if ce, ok := errors.AsType[*lstm.ConfigError](err); ok {
		return Text(l, "file.setting", strconv.FormatInt(fe.Offset, 10), configClause(l, ce)), true
	}
	return Text(l, "file.value", strconv.FormatInt(fe.Offset, 10), fe.Reason), true
}
