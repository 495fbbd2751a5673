package words

// The memory-gap task, the comparison's own learning rates, the robust
// colour scales and the default tour's later steps (issue 15), in English;
// init adds them to en. Their Chinese, and that of the page's own sentences
// of these parts, is in catalogue_memory_zh.go.

var enMemory = map[string]string{
	"preset.gap.name":  "Memory gap a–a",
	"preset.gap.about": "Each line is a letter, a gap of dashes and the same letter: only memory can name the last letter. Set the gap with the slider under Memory gap and compare LSTM and RNN.",

	"tour.gap.1": "Each line is a letter, a gap of dashes, and the same letter again. Predict: after the last dash, can the model name the letter? Nothing in the gap tells it: only its memory can.",
	"tour.gap.2": "Press Compare LSTM and RNN and watch Memory gap: recall against the gap, measured on both models. Then move the gap slider and train again: where does each model stop recalling?",
	"tour.gap.3": "The RNN collapses at learning rate 0.01. Give it 0.001 with The other model's learning rate and compare again: what the result depends on is part of the result.",

	"tour.rhyme.5": "Press Compare LSTM and RNN: both train on the same text from the same start. Predict which loss falls lower in Loss race; then look at Gradient reach: how far back does the error still reach in each?",
	"tour.rhyme.6": "Intervene, under Units: what each one does: pick a unit of c, press Clamp and compare, and see which of the model's guesses change. One unit can matter for a whole kind of character.",
	"tour.rhyme.7": "Last, the memory-gap preset: a letter, a gap of dashes, the same letter. Its chart shows how often each model recalls the letter as the gap grows, on your own models.",

	"tour.rhyme-zh.5": "Press Compare LSTM and RNN: both train on the same text from the same start. Predict which loss falls lower in Loss race; then look at Gradient reach: how far back does the error still reach in each?",
	"tour.rhyme-zh.6": "Intervene, under Units: what each one does: pick a unit of c, press Clamp and compare, and see which of the model's guesses change. One unit can matter for a whole kind of character.",
	"tour.rhyme-zh.7": "Last, the memory-gap preset: a letter, a gap of dashes, the same letter. Its chart shows how often each model recalls the letter as the gap grows, on your own models.",
}

func init() {
	for id, s := range enMemory {
		en[id] = s
	}
}
