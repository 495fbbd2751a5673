package words

// "One update in slow motion" (wasm/ui/slowmo and the page's slowmo_js.go),
// and the cell figure's gradient note (cell.grad), in English; init
// adds them to en (their Chinese: catalogue_slowmo_zh.go). Placeholders as each comment says.

var enSlowmo = map[string]string{
	"slowmo.button":      "One update in slow motion",
	"slowmo.title":       "One update in slow motion",
	"slowmo.why.ready":   "Makes one real update at once, as the One update button does, then replays it for you in 7 numbered stages.",
	"slowmo.why.running": "Pause training first: slow motion shows one update while the model stands still.",
	"slowmo.why.noModel": "There is no model yet: choose a training text first.",
	"slowmo.waiting":     "Making the update…",
	"slowmo.failed":      "The update was not made: {1}", // {1} why, a sentence
	"slowmo.prev":        "Previous stage",
	"slowmo.next":        "Next stage",
	"slowmo.close":       "Close",
	// {1} stage, {2} stages, {3} position, {4} positions, {5} the update's number
	"slowmo.pos":     "Replay of update {5}, already made · stage {1} of {2} · position {3} of {4}",
	"slowmo.keys":    "Keys: ← and → move one position; Home and End go to the first and the last; Escape closes.",
	"slowmo.stages":  "Stages",
	"slowmo.stage.1": "1 The window",
	"slowmo.stage.2": "2 Forward",
	"slowmo.stage.3": "3 The loss",
	"slowmo.stage.4": "4 Backward",
	"slowmo.stage.5": "5 The clip",
	"slowmo.stage.6": "6 The weight change",
	"slowmo.stage.7": "7 Done",
	"slowmo.window":  "The window: each symbol read, and under it the next symbol it is scored on",

	// {1} the update's number, {2} steps
	"slowmo.cap.window":    "1 · The window. Update {1} has already been made: the Update counter above shows it, and the model on the page is the one after it. This walk replays it from its record. It trained on {2} symbols of the training text. At each step the cell read one symbol and was scored on how much probability it gave the next one. It started from the state c, h the previous window left.",
	"slowmo.cap.windowNum": "1 · The window. Update {1} has already been made: the Update counter above shows it, and the model on the page is the one after it. This walk replays it from its record. It trained on {2} values of the training list. At each step the cell read one value and predicted the next one. It started from the state c, h the previous window left.",
	// {1} step, {2} steps, {3} the symbol read, {4} the target, {5} its probability in %, {6} the same as a number, {7} the loss
	"slowmo.cap.forward": "2 · Forward, step {1} of {2}: the cell reads {3}. The next symbol is {4}, and the model gave it {5}, so the loss of this step is −log {6} = {7}.",
	// {1} step, {2} steps, {3} the value read, {4} the prediction, {5} the actual next value, {6} the loss
	"slowmo.cap.forwardNum": "2 · Forward, step {1} of {2}: the cell reads {3} and predicts {4}; the next value is {5}. The loss of this step, the squared error in the model's normalised units, is {6}.",
	// {1} steps, {2} the sum of the losses, {3} their mean
	"slowmo.cap.loss": "3 · The loss of the update is the mean of the {1} steps' losses: {2} ÷ {1} = {3}. Training makes this number smaller.",
	// {1} step, {2} unit, {3} ∂L/∂c, {4} ∂L/∂h, {5} layer, {6} ‖∂L/∂c‖, {7} ‖∂L/∂h‖, {8} z^f
	"slowmo.cap.back": "4 · Backward, step {1}: the gradient of the loss reaches this step's states. For unit {2}: ∂L/∂c = {3}, ∂L/∂h = {4}; over all units of layer {5}: ‖∂L/∂c‖ = {6}, ‖∂L/∂h‖ = {7}. Along c it passes to the step before multiplied only by the forget gate, zᶠ = {8}; along h it goes through the weights and the squashing functions.",
	// {1} step, {2} unit, {3} ∂L/∂h, {4} layer, {5} ‖∂L/∂h‖
	"slowmo.cap.backRNN": "4 · Backward, step {1}: the gradient of the loss reaches this step's state. For unit {2}: ∂L/∂h = {3}; over all units of layer {4}: ‖∂L/∂h‖ = {5}. The RNN has only h to carry it back, through tanh and the weights at every step.",
	// {1} ‖∇L‖
	"slowmo.cap.clipOff": "5 · The clip: clipping is off, so the gradient (norm ‖∇L‖ = {1}) goes to the optimizer as it is.",
	// {1} ‖∇L‖, {2} the limit
	"slowmo.cap.clipNone": "5 · The clip: the gradient's norm ‖∇L‖ = {1} and every element are within the limit {2}: nothing is clipped.",
	// {1} ‖∇L‖ before, {2} the limit, {3} ‖∇L‖ after
	"slowmo.cap.clipNorm": "5 · The clip: the gradient's norm ‖∇L‖ = {1} is over the limit {2}, so the whole gradient is scaled down to norm {3}.",
	// {1} ‖∇L‖ before, {2} the limit, {3} elements clipped, {4} ‖∇L‖ after
	"slowmo.cap.clipElement": "5 · The clip: the gradient has norm ‖∇L‖ = {1}. Clipping each element to ±{2} cut {3} of them; the norm is now {4}.",
	// {1} the matrix, {2} ‖ΔW‖/‖W‖, {3} the largest |Δw|
	"slowmo.cap.change":     "6 · The weight change: the optimizer moves every weight a little against its gradient. Relative to its size, {1} changed most: ‖ΔW‖/‖W‖ = {2}; its largest single change is {3}.",
	"slowmo.cap.changeNone": "6 · The weight change: no weight moved.",
	// {1} the update count before, {2} after
	"slowmo.cap.done": "7 · Done: that was all of update {2}. The Update counter went from {1} to {2} when you opened the walk, and the model on the page has been the one after this update since then, exactly as if you had pressed One update.",

	"slowmo.table.caption": "How far this update moved each weight matrix",
	"slowmo.table.matrix":  "Matrix",
	"slowmo.table.norm":    "‖W‖",
	"slowmo.table.delta":   "‖ΔW‖",
	"slowmo.table.rel":     "‖ΔW‖ / ‖W‖",
	"slowmo.table.max":     "largest |Δw|",
	"slowmo.matrix.wx":     "W (input), layer {1}", // {1} layer
	"slowmo.matrix.u":      "U (recurrent), layer {1}",
	"slowmo.matrix.b":      "b (bias), layer {1}",
	"slowmo.matrix.wy":     "W′ (output)",
	"slowmo.matrix.by":     "b′ (output)",

	"slowmo.curve.loss":   "Loss at each step",
	"slowmo.curve.grad":   "Gradient reaching each step on the way back (log scale)",
	"slowmo.curve.dh":     "‖∂L/∂h‖",
	"slowmo.curve.dc":     "‖∂L/∂c‖",
	"slowmo.curve.reach":  "last step's loss only",
	"slowmo.curve.step":   "step",
	"slowmo.curve.mean":   "mean {1}", // {1} the mean loss
	"slowmo.curve.clip":   "The gradient's norm ‖∇L‖, before and after clipping",
	"slowmo.curve.before": "before",
	"slowmo.curve.after":  "after",
	"slowmo.curve.limit":  "limit {1}", // {1} the clipping limit
}

func init() {
	for id, s := range enSlowmo {
		en[id] = s
	}
}
