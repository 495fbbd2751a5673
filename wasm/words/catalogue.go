package words

// en is the English catalogue. Placeholders {1} … {9} are the arguments of
// Text, in the order each function below documents.
var en = map[string]string{
	// Numbers: the thousands separator and the minus sign.
	"num.group": ",",
	"num.minus": "−",
	// Lists: {1} what comes before, {2} the next name.
	"list.more": "{1}, {2}",
	"list.last": "{1} or {2}",

	// Labels of the settings, by registry key (lstm.Setting.Key), and of
	// the inputs that are not settings.
	"label.mode":     "Mode",
	"label.cell":     "Cell",
	"label.layers":   "Layers",
	"label.h":        "Hidden units",
	"label.seq":      "Sequence length",
	"label.lr":       "Learning rate",
	"label.opt":      "Optimizer",
	"label.mom":      "Momentum",
	"label.clip":     "Gradient clip",
	"label.clipmode": "Clip mode",
	"label.fbias":    "Forget-gate bias",
	"label.seed":     "Seed",
	"label.temp":     "Temperature",
	"label.length":   "Length",
	"label.text":     "Training text",
	"label.probe":    "Probe text",
	"label.prime":    "Prime",
	"label.load":     "Load model",

	// The values of the choices, by key "choice.<setting>.<value>".
	"choice.mode.text":        "text",
	"choice.mode.numbers":     "numbers",
	"choice.cell.lstm":        "LSTM",
	"choice.cell.rnn":         "RNN",
	"choice.opt.adam":         "Adam",
	"choice.opt.rmsprop":      "RMSProp",
	"choice.opt.sgd":          "SGD",
	"choice.clipmode.element": "element",
	"choice.clipmode.norm":    "norm",

	// Ranges: {1} the least, {2} the most value; choice: {1} the list.
	"range.whole":  "a whole number from {1} to {2}",
	"range.number": "a number from {1} to {2}",
	"range.choice": "{1}",
	"bounds":       "{1} to {2}",
	"range.use":    "use {1}", // {1} the range

	// A sentence of a clause: {1} the clause.
	"sentence": "{1}.",

	// A setting refused (clauses): {1} its label, {2} the value as given,
	// {3} the range.
	"setting.range": "{1} {2} is out of range: use {3}",
	"setting.empty": "{1} is empty: type {3}",
	"setting.nan":   "{1} “{2}” is not a number: type {3}",
	// A model too large: {1} label, {2} value, {3} the size, {4} the limit.
	"setting.params": "{1} {2} is out of range: the model would have {3} parameters; the limit is {4} (use fewer hidden units, layers or distinct characters)",
	"setting.memory": "{1} {2} is out of range: training would need {3} MiB; the limit is {4} MiB (use fewer hidden units, layers, a shorter sequence length or fewer distinct characters)",

	// The training data.
	"data.empty":         "The training text is empty: type something or pick a preset.",
	"data.emptyNumbers":  "The list of numbers is empty: type some numbers, such as 0, 0.5, 1, 0.5, 0.",
	"data.blank":         "The training text is only white space (spaces, tabs or line breaks): type some text or pick a preset.",
	"data.short":         "The training data needs at least 2 symbols: one to read and one to predict.",
	"data.long":          "The training text has {1} characters; the limit is {2}. Use a shorter text.", // {1} have, {2} limit
	"data.distinct":      "The training text has more than {1} distinct characters; the limit is {1}. Use a text with fewer different characters.",
	"data.limits":        "Up to {1} characters and {2} distinct characters.",
	"data.limitsNumbers": "Up to {1} numbers, separated by commas, spaces or new lines.",

	// A number of a list: {1} its index, {2} the token quoted, {3} its
	// character position, {4} why (one of number.*).
	"number.bad":       "Number {1}, {2} (at character {3}), cannot be used: {4}.",
	"number.nan":       "not a number",
	"number.finite":    "not a finite decimal number; use values from {1} to {2}",
	"number.comma":     "use a dot as the decimal separator (0.5, not 0,5)",
	"number.large":     "too large; use values from {1} to {2}",
	"number.many":      "the list is longer than {1} numbers",
	"prime.empty":      "The prime is empty: give at least one value to continue from.",
	"probe.empty":      "The probe is empty.",
	"length.prime":     "The prime has {1} characters; the limit is {2}.", // {1} have, {2} limit
	"length.values":    "The prime has {1} values; the limit is {2}.",
	"length.probe":     "The probe has {1} steps; the limit is {2}.",
	"rune.unknown":     "Character not in the vocabulary: {1} at character {2}: the model only knows the characters of its training text.", // {1} the character quoted, {2} its position
	"rune.cannotTrain": "This model cannot train on the current training text: it was trained without {1}, which the text has. Change the training text to one with only the model's characters (such as the text it was trained on), then load it again; the current model is kept.",

	// Model files (clauses, to follow "The model could not be loaded: "):
	// {1}, {2} as each says.
	"file.empty":      "the model file is empty",
	"file.notModel":   "not an LSTM Playground model file",
	"file.truncated":  "the model file is truncated: expected {1} bytes, got {2}", // {1} expected, {2} got
	"file.corrupt":    "the model file is corrupt: its checksum does not match its contents",
	"file.trailing":   "the model file goes on after its end at byte {1}: unexpected extra data",
	"file.setting":    "invalid model file: at byte {1}, {2}", // {1} offset, {2} the setting's clause
	"file.value":      "invalid model file: at byte {1}, {2}", // {1} offset, {2} lstm's detail (English only)
	"file.newer":      "this model file has format version {1}: it was made by a newer version of LSTM Playground, and this one reads format version {2}. Reload the page to update, then load the file again",
	"file.damaged":    "the file starts like a model file, but its header is damaged (it gives format version {1})",
	"file.unreadable": "the file could not be read as a model file",

	// Downloads.
	"export.weights": "The weights could not be written: {1}.", // {1} the reason
	"export.failed":  "the model cannot be exported",
}
