package lesson

// en is the English table of the lesson: chapter titles and texts, questions,
// answers and the verdicts. Placeholders as each comment says.
var en = map[string]string{
	"lesson.progress": "Chapter {1} of {2}", // {1} this, {2} all
	"lesson.confirm":  "The model agrees with you.",
	"lesson.refute":   "The model did the other thing.",

	"lesson.rnn.title": "A plain RNN reads a short text",
	"lesson.rnn.text1": "A recurrent network reads one symbol at a time. After each symbol it updates one vector, the hidden state h, from that symbol and from its own previous h; h is all it carries forward.",
	"lesson.rnn.text2": "From h it guesses what comes next: y = softmax(W h) gives one probability per symbol. Train it on the rhyme and watch the loss fall as its guesses get better.",
	"lesson.rnn.q":     "The cursor is at step {1}, which reads {2}. Will the model's most likely next symbol be the one that really comes next?", // {1} step, {2} symbol
	"lesson.rnn.a0":    "Yes, it will guess right",
	"lesson.rnn.a1":    "No, it will guess wrong",
	"lesson.rnn.why0":  "After step {1} the model's top guess is {2}, and the text goes on with {3}: it guessed right.", // {1} step, {2} guess, {3} the next symbol
	"lesson.rnn.why1":  "After step {1} the model's top guess is {2}, but the text goes on with {3}: it guessed wrong.",
	"lesson.rnn.none":  "There is no next symbol after the cursor, or no guess yet: train, then put the cursor on an earlier step.",

	"lesson.states.title":   "Two states: c slow, h quick",
	"lesson.states.text1":   "The LSTM carries two vectors from step to step: the cell state c, its long-term memory, and the hidden state h, which it shows to the prediction and to the next step.",
	"lesson.states.text2":   "The article's first claim: c changes little from one step to the next, h changes a lot. Compare them on your model, each unit measured against the span it uses over the probe.",
	"lesson.states.explain": "Change per step as a share of each unit's own range over the probe: raw |Δc| and |Δh| cannot be compared, since c is unbounded and h stays between −1 and 1.",
	"lesson.states.mean":    "Mean over the units: c moves {1} of its range per step, h {2}.", // {1}, {2} percentages
	"lesson.states.q":       "Unit {1}, from step {2} to step {3}: measured against its own range, which will move more, c or h?",
	"lesson.states.a0":      "c",
	"lesson.states.a1":      "h",
	"lesson.states.why0":    "c moved more: {1} of its range, h {2} of its.", // {1} c's share, {2} h's
	"lesson.states.why1":    "h moved more: {2} of its range, c {1} of its.",
	"lesson.states.none":    "Put the cursor on a step that has a next one, and pick a unit whose c and h move over the probe.",

	"lesson.gates.title": "The four z",
	"lesson.gates.text1": "At each step the LSTM multiplies the stitched vector [x; h] by four weight matrices. Three results pass through σ and become gates between 0 and 1: forget zᶠ, input zⁱ, output zᵒ. The fourth passes through tanh and becomes the content z, between −1 and 1.",
	"lesson.gates.text2": "A gate near 1 lets its signal through; near 0 it shuts it off. The cell figure shows all four with this step's numbers: hover or focus a part for its equation.",
	"lesson.gates.q":     "The cursor reads {1}. The next time {1} comes in the probe, will unit {2}'s forget gate be near 0 (forget) or near 1 (keep)?", // {1} symbol, {2} unit
	"lesson.gates.a0":    "Near 0: it forgets",
	"lesson.gates.a1":    "Near 1: it keeps",
	"lesson.gates.why0":  "At step {1}, the next {2}, the forget gate zᶠ is {3}: under one half, so the unit lets most of c go.", // {1} step, {2} symbol, {3} zᶠ
	"lesson.gates.why1":  "At step {1}, the next {2}, the forget gate zᶠ is {3}: over one half, so the unit keeps most of c.",
	"lesson.gates.none":  "{1} does not come again after the cursor: move the cursor to an earlier {1}.",

	"lesson.stages.title": "Three stages",
	"lesson.stages.text1": "A step of the cell has three stages. Forget: the old cell state is multiplied by zᶠ. Select memory: zⁱ decides how much of the content z is added. Output: tanh(c) is multiplied by zᵒ, and that is h.",
	"lesson.stages.text2": "The cell figure shades the three stages; the three-stages chart compares, unit by unit, what was kept and what was written at this step.",
	"lesson.stages.q":     "At step {1}, unit {2}: which is larger, what the forget stage keeps, |zᶠ ⊙ cᵗ⁻¹|, or what the select-memory stage writes, |zⁱ ⊙ z|?", // {1} step, {2} unit
	"lesson.stages.a0":    "What it keeps",
	"lesson.stages.a1":    "What it writes",
	"lesson.stages.why0":  "It keeps {1} and writes {2}: at this step the old memory outweighs the new content.", // {1} kept, {2} written
	"lesson.stages.why1":  "It keeps {1} and writes {2}: at this step the new content outweighs the old memory.",
	"lesson.stages.none":  "Put the cursor on a step of an LSTM's probe.",

	"lesson.memory.title": "Why it remembers",
	"lesson.memory.text1": "The cell state is updated by a product and a sum, not squashed through tanh at every step, so a value, and the error signal that trains it, can travel far back. In a plain RNN that signal shrinks at every step: the vanishing gradient.",
	"lesson.memory.text2": "Test it on the memory-gap task: a letter, a gap of dashes, the same letter; only memory can name the last letter. Both models train on the same text, and the Memory gap chart shows how often each recalls the letter, measured on your models; the loss race and the gradient reach show how they learn.",
	"lesson.memory.text3": "What you see depends on the learning rate and on how long each model trains. In our runs over a gap of 20 at the default rate of 0.01, the LSTM recalled over 90% of the letters after about 20,000 updates, while the RNN recalled none even after 100,000: its h sticks at ±1. Given its own rate of 0.001 (under Compare), the RNN recalled over 90% too, after about 40,000 updates and less steadily. Neither learnt a gap that does not fit one training window (Sequence length). So the fair claim is narrower: the LSTM learns to remember with less tuning, and sooner.",
	"lesson.memory.q":     "Over a gap of {1} dashes, which will recall the first letter more often, the LSTM or the RNN?", // {1} the gap
	"lesson.memory.a0":    "The LSTM",
	"lesson.memory.a1":    "The RNN",
	"lesson.memory.why0":  "Over a gap of {1} the LSTM recalled {2} of the letters ({3} of {4}), the RNN {5} ({6} of {7}).", // {1} gap; LSTM share, right, all; RNN share, right, all
	"lesson.memory.why1":  "Over a gap of {1} the RNN recalled {5} of the letters ({6} of {7}), the LSTM {2} ({3} of {4}).",
	"lesson.memory.tie":   "Over a gap of {1} both recalled {2} of the letters: train longer, or change the gap.",
	"lesson.memory.none":  "Train both models on the memory-gap task first: there is no recall to compare yet.",
}
