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
	"data.limits":        "Up to {1} characters and {2} distinct characters, counted as the model reads them: Unicode code points, so an emoji or an accented letter can be several (👨‍👩‍👧‍👦 is 7).",
	"data.limitsNumbers": "Up to {1} numbers, separated by commas, spaces or new lines; a minus sign may be - or −, and fullwidth digits work too.",
	"keep.saveFailed":    "Your session could not be saved in this browser ({1}): a reload would lose this training. Use Save model to keep the model; the page keeps trying as space frees up.",

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

	// The built-in training texts (presets), by id: the name in the picker
	// and one sentence on what to look for. The texts themselves are data
	// (wasm/ui's presets, wasm/content's Chinese ones).
	"preset.rhyme.name":     "Nursery rhyme",
	"preset.rhyme.about":    "A repetitive rhyme: the loss falls quickly and the model soon writes recognisable lines.",
	"preset.poem.name":      "Short poem",
	"preset.poem.about":     "Emily Dickinson's “Hope” is the thing with feathers (1891): less repetition, so it takes longer.",
	"preset.counting.name":  "Counting aⁿXbⁿ",
	"preset.counting.about": "After the X the model must write as many b as there were a: a cell can count. Compare LSTM with RNN.",
	"preset.brackets.name":  "Balanced brackets",
	"preset.brackets.about": "Every bracket opened must be closed in the right order: the model has to remember what is still open.",
	"preset.sine.name":      "Sine wave (numbers)",
	"preset.sine.about":     "A sine wave sampled 16 times a period, in numbers mode: the model predicts the next value.",
	"preset.chinese.name":   "Chinese paragraph",
	"preset.chinese.about":  "A paragraph in Chinese: many distinct characters, each one a symbol of its own.",
	"preset.rhyme-zh.name":  "Chinese nursery rhymes",
	"preset.rhyme-zh.about": "Two songs every Chinese child knows, “Little Star” (小星星, the tune of Twinkle, twinkle) and “Two Tigers” (两只老虎): short and repetitive, so the loss falls fast.",
	"preset.poem-zh.name":   "Tang poems",
	"preset.poem-zh.about":  "Five short Tang poems, five characters a line: little repetition and many distinct characters, so it takes longer.",

	// The guided tour, by preset id and step: "tour.<id>.<n>", n from 1,
	// without gaps (Tour reads them in order).
	"tour.rhyme.1":    "Predict first: the model starts knowing nothing. What will Generate write before any training? Press Generate and see.",
	"tour.rhyme.2":    "Now press Train and watch Loss, top right: it measures how surprised the model is by each next character. Predict: will it fall smoothly, or in steps?",
	"tour.rhyme.3":    "Look at Cell state c and Hidden state h. Which one changes slowly from one character to the next? Check your guess with Mean change per step under the heatmaps.",
	"tour.rhyme.4":    "After a few thousand updates, press Generate again, and read Samples along training: the same sample at update 0, 100, 300, … Drag Training snapshot to see the heatmaps back then.",
	"tour.poem.1":     "This poem repeats itself much less than the nursery rhyme. Predict: will the loss fall as fast? Will the samples make sense as soon?",
	"tour.poem.2":     "Press Train. In the time-step inspector, hover a time step of the heatmaps: the equations fill in with that time step's numbers — forget, select memory, output.",
	"tour.poem.3":     "Generate with Temperature 0.2, then 1.5. Predict which one repeats itself and which one makes up words.",
	"tour.counting.1": "Each line is aⁿXbⁿ: after the X come exactly as many b as there were a. Predict: can a model with no numbers inside it count? Which do you expect to manage, the LSTM or the plain RNN?",
	"tour.counting.2": "Press Compare LSTM and RNN: both train on the same text with the same seed and size. Watch Loss race: which line goes lower?",
	"tour.counting.3": "Now look at Gradient reach, on a log scale: how strongly the error at the end of a window still reaches h k steps back. Predict which line falls off a cliff: that is the vanishing gradient.",
	"tour.counting.4": "In Units: what each one does, find the unit that follows “count so far” and press it: the text is coloured by it. Then Intervene: clamp that unit to 0 and see which guesses break.",
	"tour.brackets.1": "Every bracket opened must be closed, in the right order. Predict: what does the model have to remember while it reads a line?",
	"tour.brackets.2": "Press Compare LSTM and RNN and watch Loss race and Gradient reach: which model keeps the error signal alive over many steps?",
	"tour.brackets.3": "In Units: what each one does, find the unit that follows “bracket depth”, and colour the text by it. Does it go up at ( and down at )?",
	"tour.sine.1":     "Numbers mode: the model reads a sine wave, one value per step, and predicts the next value. Predict: how many updates until its continuation looks like a wave?",
	"tour.sine.2":     "Press Train, then Generate: the chart shows your numbers (solid) and the model's continuation (dashed). Try again at a later update.",
	"tour.sine.3":     "Look at Cell state c: do some units go up and down with the wave? Choose one under Units: what each one does.",
	"tour.chinese.1":  "Every Chinese character is one symbol, so there are many more distinct symbols than in English text. Predict: will the untrained loss be higher or lower than for the nursery rhyme? (It starts near ln of the number of distinct characters.)",
	"tour.chinese.2":  "Press Train and watch the loss, then Generate. Which characters does the model learn first?",
	"tour.rhyme-zh.1": "Predict first: the model starts knowing nothing. What will Generate write before any training? Press Generate and see.",
	"tour.rhyme-zh.2": "Now press Train and watch Loss: it measures how surprised the model is by each next character. This rhyme has more distinct characters than the English one: will its loss start higher?",
	"tour.rhyme-zh.3": "Look at Cell state c and Hidden state h. Which one changes slowly from one character to the next? Check your guess with Mean change per step under the heatmaps.",
	"tour.rhyme-zh.4": "After a few thousand updates, press Generate again: does the model end its lines with the right rhyme (晶, 星, 明, 睛)?",
	"tour.poem-zh.1":  "Five poems of four lines, five characters a line. Predict: will the model learn the line length (a comma or a full stop after every five characters) before it learns any words?",
	"tour.poem-zh.2":  "Press Train. In the time-step inspector, hover a time step of the heatmaps: the equations fill in with that time step's numbers — forget, select memory, output.",
	"tour.poem-zh.3":  "Generate with Temperature 0.2, then 1.5. Predict which one repeats a line it knows and which one makes up new ones.",

	// The engine's own errors (wasm/ui's ErrorText), the numbers a diverged
	// value can be, and the page's messages joined from parts: {1} … as each
	// English says (an error's own text, a chart's title, a button).
	"engine.version":           "The page and its training engine are of different versions. Reload the page.",
	"engine.diverged.loss":     "Training diverged at update {1}: the loss became {2}. The model is kept as it was after update {3}. Try a smaller learning rate (now {4}), or turn on gradient clipping.",
	"engine.diverged.gradient": "Training diverged at update {1}: the gradient became {2}. The model is kept as it was after update {3}. Try a smaller learning rate (now {4}), or turn on gradient clipping.",
	"engine.overflow":          "The engine was sent too many messages at once; some were dropped.",
	"engine.malformed":         "The engine received a message it could not read, and ignored it.",
	"engine.bug":               "The engine hit a bug and paused: {1}.",
	"engine.other":             "The engine could not do what was asked (reason {1}).",
	"num.nan":                  "NaN",
	"num.inf":                  "+Inf",
	"num.negInf":               "-Inf",
	"ui.stopped":               "Training stopped: {1}",
	"ui.side":                  "{1}: {2}",
	"ui.load.failed":           "The model could not be loaded: {1}.",
	"ui.load.kept":             "The model could not be loaded: {1}. The current model is unchanged.",
	"ui.load.link":             "The link's model could not be loaded: {1}. The page starts with the link's settings and an untrained model.",
	"ui.load.session":          "The saved session's model could not be restored: {1}. Its settings and text are back; the model starts untrained.",
	"ui.compare.stopped":       "The second engine stopped: {1}.",
	"ui.compare.failed":        "The comparison could not start: {1}.",
	"ui.compare.unreadable":    "The page could not read the second engine: {1}",
	// The comparison's sentence under its heatmaps: {1} the time step, {2} the character read (rune.* or
	// “x”), {3} and {5} the two cells (LSTM, RNN), {4} and {6} their guesses (compare.guess), {7} the
	// actual next character, {8} and {9} the probabilities the two gave it.
	"compare.pred":      "Time step {1}, after {2}: the {3} guesses {4}, the {5} {6}.",
	"compare.pred.next": "Time step {1}, after {2}: the {3} guesses {4}, the {5} {6}; the actual next, {7}, got {8} and {9}.",
	"compare.guess":     "{1} ({2})", // a guessed character and its probability
	// Characters with no glyph, as a sentence names them (present.DescribeRuneIn).
	"rune.space":        "space",
	"rune.newline":      "newline",
	"rune.tab":          "tab",
	"rune.cr":           "carriage return",
	"ui.malformed":      "The page received a malformed reply from the engine: {1}",
	"ui.export.empty":   "The chart {1} is empty: train the model first.",
	"ui.export.png":     "The chart could not be saved: {1}.",
	"ui.export.trace":   "The trace could not be written: {1}.",
	"ui.export.loss":    "The loss history could not be written: {1}.",
	"ui.train.waits":    "{1} waits for training data it can use: correct the {2} first (the message under it says what is wrong). The model is unchanged.",
	"ui.shared.offline": "The shared model could not be downloaded ({1}). Check the connection and open the link again; the page starts with the link's settings.",
	"ui.shared.missing": "There is no model {1} on this site: the link may be mistyped or the model removed. The page starts with the link's settings and an untrained model.",
	"ui.shared.status":  "The shared model could not be downloaded: the site answered {1}. The page starts with the link's settings.",
	"ui.link.bad":       "{1} The page starts with its own settings instead.",
	"keep.offer":        "Your last session is saved in this browser: {1}, {2}, update {3} ({4}).", // {1} its text, {2} its cell, {3} its update, {4} how long ago
}
