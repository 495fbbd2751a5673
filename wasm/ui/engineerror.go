package ui

import (
	"math"
	"strconv"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/settings"
	"lstmplayground/wasm/words"
)

// This file words the engine's errors. An Error is data: where it stands
// for one of lstm's typed errors, the page builds that error again and
// words it with the words catalogue, as it words its own checks.

// lang is the language the page shows (the top bar's switch sets it); the
// page writes its sentences in English and words.Page writes them in lang.
var lang words.Lang

// errorField returns the field an engine Error is shown at ("" for none):
// the label of the setting or input its Key names.
func errorField(m protocol.Error) string {
	if m.Key == "" {
		return ""
	}
	return words.Label(words.English, m.Key)
}

// ErrorText words an engine Error for the person: a sentence that names the
// field as they see it and, where there is one, the valid range.
func ErrorText(m protocol.Error) string {
	l := lang
	if s, ok := dataText(l, m); ok {
		return s
	}
	switch m.Reason {
	case protocol.ReasonSetting:
		return words.Config(l, &lstm.ConfigError{Key: m.Key, Problem: lstm.ConfigProblem(m.Detail), Value: m.Value,
			Min: m.Min, Max: m.Max, Have: m.Have, Limit: m.Limit})
	case protocol.ReasonFormat, protocol.ReasonNewerFormat:
		s, _ := words.ModelFile(l, modelFileError(m))
		return s
	case protocol.ReasonCannotTrain:
		r, _ := utf8.DecodeRuneInString(m.Token)
		return words.CannotTrain(l, &lstm.UnknownRuneError{Rune: r})
	}
	return engineText(l, m)
}

// dataText words the errors of training data, probes and primes.
func dataText(l words.Lang, m protocol.Error) (string, bool) {
	var err error
	switch m.Reason {
	case protocol.ReasonEmpty:
		err = map[string]error{protocol.KeyProbe: lstm.ErrEmptyProbe, protocol.KeyPrime: lstm.ErrEmptyPrime}[m.Key]
		if err == nil {
			err = lstm.ErrEmptyText
		}
		if m.Detail == 1 {
			err = lstm.ErrNoNumbers
		}
	case protocol.ReasonBlank:
		err = lstm.ErrBlankText
	case protocol.ReasonTooShort:
		err = lstm.ErrTooShort
	case protocol.ReasonTooManyDistinct:
		err = lstm.ErrTooManyChars
	case protocol.ReasonTooLong:
		err = &lstm.LengthError{Input: lstm.Input(m.Detail), Have: int(m.Have), Limit: int(m.Limit)}
	case protocol.ReasonNumber:
		err = &lstm.NumberError{Token: m.Token, Index: m.Index, Offset: m.Position, Problem: lstm.NumberProblem(m.Detail)}
	case protocol.ReasonUnknownRune:
		r, _ := utf8.DecodeRuneInString(m.Token)
		err = &lstm.UnknownRuneError{Rune: r, Pos: m.Position}
	default:
		return "", false
	}
	if m.Key == protocol.KeyText {
		kind := lstm.Text
		if m.Detail == 1 && m.Reason == protocol.ReasonEmpty {
			kind = lstm.Numbers
		}
		return words.Data(l, kind, err)
	}
	return words.Probe(l, err)
}

// modelFileError builds again the error of a model file the engine refused.
func modelFileError(m protocol.Error) error {
	if m.Reason == protocol.ReasonNewerFormat {
		return &lstm.UnsupportedError{Version: uint32(m.Have)}
	}
	fe := &lstm.FormatError{Problem: lstm.FormatProblem(m.Detail), Offset: int64(m.Position), Want: m.Have, Reason: m.Token}
	if _, ok := settings.Of(m.Token); ok && fe.Problem == lstm.BadValue {
		fe.Err = &lstm.ConfigError{Key: m.Token, Value: m.Value, Min: m.Min, Max: m.Max}
	}
	return fe
}

// engineText words the errors of the engine itself, which lstm has no type
// for, in language l.
func engineText(l words.Lang, m protocol.Error) string {
	switch m.Reason {
	case protocol.ReasonVersion:
		return words.Text(l, "engine.version")
	case protocol.ReasonNoData:
		return words.Page(l, "There is no training data yet: type a training text or pick a preset.")
	case protocol.ReasonDiverged:
		id := "engine.diverged.loss"
		if m.Token == "gradient" {
			id = "engine.diverged.gradient"
		}
		return words.Text(l, id, strconv.Itoa(m.Index), diverged(l, m.Value),
			strconv.Itoa(m.Index-1), strconv.FormatFloat(m.Max, 'g', -1, 64))
	case protocol.ReasonOverflow:
		return words.Text(l, "engine.overflow")
	case protocol.ReasonMalformed, protocol.ReasonWrongWay:
		return words.Text(l, "engine.malformed")
	case protocol.ReasonBug:
		return words.Text(l, "engine.bug", m.Token)
	}
	return words.Text(l, "engine.other", strconv.Itoa(int(m.Reason)))
}

// diverged writes the value a diverged loss or gradient became.
func diverged(l words.Lang, v float64) string {
	switch {
	case math.IsNaN(v):
		return words.Text(l, "num.nan")
	case math.IsInf(v, 1):
		return words.Text(l, "num.inf")
	case math.IsInf(v, -1):
		return words.Text(l, "num.negInf")
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
