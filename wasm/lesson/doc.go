// Package lesson is the model of the page's lesson: the article's story told
// one chapter at a time — (1) a plain RNN on a short text, (2) the LSTM's two
// states, c slow and h quick, (3) the four z, (4) the three stages, (5) why
// it remembers farther — each with the panels it shows (ids, growing from
// the last chapter's), a short text, and one predict-then-check question
// that the live model answers (Question.Check over Live).
//
// It also holds the pure measures the chapters need: RelativeChange and
// StepCorrelation, the claim "c changes slowly, h a lot" in measures that mean
// what they say; and the memory-gap task, GapText to write its training text
// and Recall to score a model's greedy predictions on it.
//
// # Use from the page
//
//	i, ok := lesson.ChapterIndex(link["lesson"]) // a teacher link: lesson=2 or lesson=states
//	ch := lesson.Chapters()[i]                   // its model, preset, title and text keys, question
//	show := lesson.Panels(i)                     // every panel id the chapter shows
//	prompt := tr(ch.Question.Prompt, ch.Question.Args(live)...)
//	v := ch.Question.Check(live)                 // after the visitor picked and stepped
//	say := v.Feedback(picked, tr)                // and move the cursor to v.At if ≥ 0
//
// live is a Live filled from the trace (Symbols, Top, the layer's arrays),
// the cursor and unit, and for the last chapter the Race of Recall's scores
// of the two models at the gap. The change chart plots RelativeSteps of C
// and of H, with KeyExplain under it and KeyMean for RelativeChange's means.
//
// Every sentence comes from a catalogue key (the English table en in
// catalogue.go, read through English or the page's own cell.Text); the table
// is meant to move into the page's catalogue, wasm/words. The package is
// pure Go (no syscall/js, no DOM), with no fmt, templates or reflection.
package lesson

// Keys of the sentences the page writes around the chapters.
const (
	KeyProgress = "lesson.progress"       // Chapter {1} of {2}
	KeyConfirm  = "lesson.confirm"        // the model agrees with the visitor's answer
	KeyRefute   = "lesson.refute"         // it did the other thing
	KeyExplain  = "lesson.states.explain" // under the change chart: what the relative measure is
	KeyMean     = "lesson.states.mean"    // {1} c's, {2} h's mean RelativeChange as percentages
)
