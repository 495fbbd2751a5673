package ui

import (
	"fmt"

	"lstmplayground/wasm/protocol"
)

// keyFields maps the inputs an engine Error names to the fields the page
// shows its alert at. Settings are named by their key, which until the
// settings registry lands is the field's label itself.
var keyFields = map[string]string{
	protocol.KeyText:  FieldText,
	protocol.KeyProbe: FieldProbe,
	protocol.KeyPrime: FieldPrime,
	protocol.KeyModel: FieldLoad,
	"count":           FieldLength,
}

// errorField returns the field an engine Error is shown at ("" for none).
func errorField(m protocol.Error) string {
	if f, ok := keyFields[m.Key]; ok {
		return f
	}
	return m.Key
}

// ErrorText words an engine Error for the person: a sentence that names the
// field as they see it and, where there is one, the valid range.
func ErrorText(m protocol.Error) string {
	field := errorField(m)
	switch m.Reason {
	case protocol.ReasonVersion:
		return "The page and its training engine are of different versions. Reload the page."
	case protocol.ReasonNoData:
		return "There is no training data yet: type a training text or pick a preset."
	case protocol.ReasonEmpty:
		return field + " is empty."
	case protocol.ReasonWhiteSpace:
		return "The training text is only white space (spaces, tabs or line breaks): type some text or pick a preset."
	case protocol.ReasonTooLong:
		return fmt.Sprintf("%s has %s characters; the limit is %s.", field, FormatCount(uint64(m.Value)), FormatCount(uint64(m.Max)))
	case protocol.ReasonTooManyDistinct:
		return fmt.Sprintf("The training text has more than %s distinct characters. Use a text with fewer different characters.", FormatCount(uint64(m.Max)))
	case protocol.ReasonTooShort:
		return "The training data needs at least 2 symbols: one to read and one to predict."
	case protocol.ReasonNumber:
		return fmt.Sprintf("Number %d, %q (at character %d), cannot be used: use decimal numbers from -1e9 to 1e9, such as 0.5.", m.Index, m.Token, m.Position)
	case protocol.ReasonUnknownRune:
		return field + " has a character the model does not know: the model only knows the characters of its training text."
	case protocol.ReasonOutOfRange:
		return outOfRange(field, m)
	case protocol.ReasonDiverged:
		return fmt.Sprintf("Training diverged at update %d: the %s became %v. The model is kept as it was. Try a smaller learning rate, or turn on gradient clipping.", m.Index, m.Token, m.Value)
	case protocol.ReasonFormat:
		return "This file is not a model LSTM Playground can load: it is damaged, truncated or another kind of file. The current model is kept."
	case protocol.ReasonNewerFormat:
		return "This model file was made by a newer version of LSTM Playground. Reload the page to update, then load the file again."
	case protocol.ReasonCannotTrain:
		return "This model cannot train on the current training text: the text has characters the model was not trained on. Change the training text to one with only the model's characters, then load it again; the current model is kept."
	}
	return "The training engine hit a problem and paused (" + m.Reason.String() + "). Reload the page if it happens again."
}

func outOfRange(field string, m protocol.Error) string {
	if m.Min == 0 && m.Max == 0 {
		return field + " is out of range."
	}
	return fmt.Sprintf("%s %s is out of range: use a number from %s to %s.", field, FormatNumber(m.Value), FormatNumber(m.Min), FormatNumber(m.Max))
}
