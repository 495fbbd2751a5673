package words

import (
	"lstmplayground/wasm/cell"
	"lstmplayground/wasm/lesson"
)

// The cell figure's and the lesson's English sentences are their packages'
// tables (cell.Keys, lesson.Keys, read through their English); the page's
// own sentences around them are enLesson. init adds all of them to the
// catalogue, so that TestCatalogueComplete holds the Chinese (zhLesson,
// catalogue_lesson_zh.go) to the same ids and placeholders.
func init() {
	for _, k := range cell.Keys() {
		en[k] = cell.English(k)
	}
	for _, k := range lesson.Keys() {
		en[k] = lesson.English(k)
	}
	for k, s := range enLesson {
		en[k] = s
	}
}

// enLesson are the page's sentences of the cell figure panel and the lesson
// panel. Placeholders as each comment says.
var enLesson = map[string]string{
	"cellui.title":       "LSTM cell",
	"cellui.title.rnn":   "RNN cell",
	"cellui.how":         "How to read: the unit and step under the time cursor, every part with its symbol and value; colour and line width show the size of the value on the heatmaps' scales. Point at a part, or focus it in the list below, for its equation with the numbers.",
	"cellui.empty":       "Train the model for a moment: the cell is drawn with the values of the step under the time cursor.",
	"cellui.parts":       "Parts of the cell",
	"cellui.play":        "Play",
	"cellui.pause":       "Pause",
	"cellui.speed":       "Pace",
	"cellui.speed.slow":  "1 step every 2 s",
	"cellui.speed.class": "1 step a second",
	"cellui.speed.fast":  "3 steps a second",
	"cellui.svg":         "Download SVG",
	"cellui.png":         "Download PNG",
	"cellui.other":       "The other model, same unit and step",
	"cellui.eqhint":      "Point at or focus a part of the cell to see its equation.",

	"lessonui.button":  "Lesson",
	"lessonui.region":  "Lesson",
	"lessonui.back":    "Back",
	"lessonui.next":    "Next",
	"lessonui.leave":   "Leave the lesson",
	"lessonui.link":    "Link to this chapter",
	"lessonui.check":   "Check with the model",
	"lessonui.ask":     "Your prediction",
	"lessonui.pick":    "Pick an answer first, then move the time cursor or train on, and check.",
	"lessonui.setup":   "This chapter trains a new model: press Train, then come back to the question.",
	"lessonui.gapnote": "Both models now train on the memory-gap text. Move the gap slider under Memory gap and train again: each gap you try adds its point. Under Compare, give the other model its own learning rate to see what the result depends on.",
}
