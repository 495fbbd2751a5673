package lesson

import (
	"slices"
	"strings"
)

// Panel ids: the parts of the page a chapter shows. Where the page's teacher
// links name a chart (wasm/share: c, h, zi, zf, z, zo, loss, reach, delta),
// the id is the same.
const (
	PanelProbe   = "probe"   // the probe text along the time axis, with the time cursor
	PanelH       = "h"       // heatmap Hidden state h
	PanelC       = "c"       // heatmap Cell state c
	PanelZf      = "zf"      // heatmap Forget gate
	PanelZi      = "zi"      // heatmap Input gate
	PanelZ       = "z"       // heatmap Content z
	PanelZo      = "zo"      // heatmap Output gate
	PanelLoss    = "loss"    // the loss chart (in Compare: the loss race)
	PanelPredict = "predict" // the next-symbol guesses y = softmax(W h)
	PanelRNNCell = "rnncell" // the RNN cell figure
	PanelCell    = "cell"    // the LSTM cell figure
	PanelDelta   = "delta"   // change per step of c and h, relative to each unit's range
	PanelStages  = "stages"  // the three-stages chart (the step inspector's bars)
	PanelCompare = "compare" // LSTM beside RNN on the same text
	PanelReach   = "reach"   // the gradient reach
	PanelGap     = "gap"     // recall accuracy against the gap, LSTM and RNN
)

// Models a chapter trains.
const (
	ModelRNN  = "rnn"
	ModelLSTM = "lstm"
	ModelBoth = "both" // Compare: the LSTM and the RNN on the same text
)

// Chapter is one step of the lesson, in the article's order.
type Chapter struct {
	ID       string   // the chapter's name in a teacher link: "rnn", "states", "gates", "stages", "memory"
	Model    string   // ModelRNN, ModelLSTM or ModelBoth
	Preset   string   // the page's training text for it (a preset id)
	Adds     []string // the panels it shows on top of the last chapter's
	Title    string   // catalogue keys …
	Text     []string // … of its paragraphs
	Question Question
}

var chapters = []Chapter{
	{ID: "rnn", Model: ModelRNN, Preset: "rhyme",
		Adds:  []string{PanelProbe, PanelH, PanelPredict, PanelLoss, PanelRNNCell},
		Title: "lesson.rnn.title", Text: []string{"lesson.rnn.text1", "lesson.rnn.text2"}, Question: qNextSymbol},
	{ID: "states", Model: ModelLSTM, Preset: "rhyme",
		Adds:  []string{PanelC, PanelDelta},
		Title: "lesson.states.title", Text: []string{"lesson.states.text1", "lesson.states.text2"}, Question: qStates},
	{ID: "gates", Model: ModelLSTM, Preset: "rhyme",
		Adds:  []string{PanelCell, PanelZf, PanelZi, PanelZ, PanelZo},
		Title: "lesson.gates.title", Text: []string{"lesson.gates.text1", "lesson.gates.text2"}, Question: qForget},
	{ID: "stages", Model: ModelLSTM, Preset: "rhyme",
		Adds:  []string{PanelStages},
		Title: "lesson.stages.title", Text: []string{"lesson.stages.text1", "lesson.stages.text2"}, Question: qStages},
	{ID: "memory", Model: ModelBoth, Preset: "gap",
		Adds:  []string{PanelCompare, PanelReach, PanelGap},
		Title: "lesson.memory.title", Text: []string{"lesson.memory.text1", "lesson.memory.text2", "lesson.memory.text3"}, Question: qMemory},
}

// Chapters returns the lesson's chapters in order. The slice is a copy; the
// chapters' slices are shared and must not be changed.
func Chapters() []Chapter { return append([]Chapter(nil), chapters...) }

// Panels returns the panels chapter i (0-based) shows: its own and every
// earlier chapter's, each once, in the order they were added; nil for an i
// out of range.
func Panels(i int) []string {
	if i < 0 || i >= len(chapters) {
		return nil
	}
	var ps []string
	for _, c := range chapters[:i+1] {
		for _, p := range c.Adds {
			if !slices.Contains(ps, p) {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// ChapterIndex reads a chapter from a teacher link (lesson=2 or
// lesson=states): its index, 0-based, and whether it names one.
func ChapterIndex(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 1 && s[0] >= '1' && int(s[0]-'1') < len(chapters) {
		return int(s[0] - '1'), true
	}
	for i, c := range chapters {
		if strings.EqualFold(s, c.ID) {
			return i, true
		}
	}
	return 0, false
}
