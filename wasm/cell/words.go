package cell

import (
	"strings"
)

// Text returns the sentence of catalogue key id with its placeholders {1} …
// {9} replaced by args. English is this package's own; the page will pass the
// catalogue's, bound to the visitor's language.
type Text func(id string, args ...string) string

// en is the English table of every sentence of the figure. Placeholders:
// as each comment says.
var en = map[string]string{
	"cell.title.lstm": "LSTM cell, unit {1}, step {2}", // {1} unit, {2} step (1-based)
	"cell.title.rnn":  "RNN cell, unit {1}, step {2}",
	"cell.reads":      "reads {1}", // {1} the symbol x^t

	"cell.stage.forget": "forget",
	"cell.stage.select": "select memory",
	"cell.stage.output": "output",

	"cell.part.x":      "input",
	"cell.part.hprev":  "previous hidden state",
	"cell.part.concat": "input and previous hidden state, stitched together",
	"cell.part.cprev":  "previous cell state",
	"cell.part.zf":     "forget gate",
	"cell.part.zi":     "input gate",
	"cell.part.z":      "content",
	"cell.part.zo":     "output gate",
	"cell.part.kept":   "what the forget stage keeps",
	"cell.part.write":  "what the select-memory stage writes",
	"cell.part.c":      "cell state",
	"cell.part.tanhc":  "the cell state squashed",
	"cell.part.h":      "hidden state",
	"cell.part.y":      "prediction",
	"cell.part.rnn":    "the RNN's update",

	"cell.range.gate":    "σ, between 0 and 1",
	"cell.range.tanh":    "tanh, between −1 and 1",
	"cell.legend.signed": "h, z, tanh c",
	"cell.legend.c":      "c",
	"cell.legend.gate":   "gates, probability",
	"cell.legend.p":      "probability",
	"cell.describe":      "{1}: {2}.",                   // {1} the part's name, {2} its equation
	"cell.grad":          "Gradient flowing back: {1}.", // {1} ∂L/∂c^t = value (AddGrad)
}

// English is the Text of the English table.
func English(id string, args ...string) string {
	t, ok := en[id]
	if !ok {
		return id
	}
	return Fill(t, args...)
}

// Keys returns the catalogue keys of the package, in no order (sorting them
// would link slices' sort for strings into app.wasm for one map's filling):
// the ids a translation must give.
func Keys() []string {
	keys := make([]string, 0, len(en))
	for k := range en {
		keys = append(keys, k)
	}
	return keys
}

// Fill replaces the placeholders {1} … {9} of t by args; a placeholder with
// no argument stays as it is.
func Fill(t string, args ...string) string {
	if len(args) == 0 || !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		if i+2 < len(t) && t[i+2] == '}' && t[i+1] >= '1' && int(t[i+1]-'1') < len(args) {
			b.WriteString(t[:i])
			b.WriteString(args[t[i+1]-'1'])
			t = t[i+3:]
			continue
		}
		b.WriteString(t[:i+1])
		t = t[i+1:]
	}
}
