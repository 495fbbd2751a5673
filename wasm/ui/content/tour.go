package content

import "lstmplayground/wasm/words"

// The guided tour: a few short steps per preset, written for students,
// that ask them to predict before they press Train and then point at the
// chart that answers. The page shows the tour of the chosen preset until it
// is closed, and remembers that in the browser.

// Tour returns the steps of the tour of the preset with id; nil for none.
func Tour(id string) []string {
	switch id {
	case "rhyme":
		return []string{
			"Predict first: the model starts knowing nothing. What will Generate write before any training? Press Generate and see.",
			"Now press Train and watch Loss, top right: it measures how surprised the model is by each next character. Predict: will it fall smoothly, or in steps?",
			"Look at Cell state c and Hidden state h. Which one changes slowly from one character to the next? Check your guess with Mean change per step under the heatmaps.",
			"After a few thousand updates, press Generate again, and read Samples along training: the same sample at update 0, 100, 300, … Drag Training snapshot to see the heatmaps back then.",
			words.Text(words.English, "tour.rhyme.5"), // Compare and the gradient reach
			words.Text(words.English, "tour.rhyme.6"), // Intervene
			words.Text(words.English, "tour.rhyme.7"), // the memory gap
		}
	case "poem":
		return []string{
			"This poem repeats itself much less than the nursery rhyme. Predict: will the loss fall as fast? Will the samples make sense as soon?",
			"Press Train. In the time-step inspector, hover a time step of the heatmaps: the equations fill in with that time step's numbers — forget, select memory, output.",
			"Generate with Temperature 0.2, then 1.5. Predict which one repeats itself and which one makes up words.",
		}
	case "counting":
		return []string{
			"Each line is aⁿXbⁿ: after the X come exactly as many b as there were a. Predict: can a model with no numbers inside it count? Which do you expect to manage, the LSTM or the plain RNN?",
			"Press Compare LSTM and RNN: both train on the same text with the same seed and size. Watch Loss race: which line goes lower?",
			"Now look at Gradient reach, on a log scale: how strongly the error at the end of a window still reaches h k steps back. Predict which line falls off a cliff: that is the vanishing gradient.",
			"In Units: what each one does, find the unit that follows “count so far” and press it: the text is coloured by it. Then Intervene: clamp that unit to 0 and see which guesses break.",
		}
	case "brackets":
		return []string{
			"Every bracket opened must be closed, in the right order. Predict: what does the model have to remember while it reads a line?",
			"Press Compare LSTM and RNN and watch Loss race and Gradient reach: which model keeps the error signal alive over many steps?",
			"In Units: what each one does, find the unit that follows “bracket depth”, and colour the text by it. Does it go up at ( and down at )?",
		}
	case "sine":
		return []string{
			"Numbers mode: the model reads a sine wave, one value per step, and predicts the next value. Predict: how many updates until its continuation looks like a wave?",
			"Press Train, then Generate: the chart shows your numbers (solid) and the model's continuation (dashed). Try again at a later update.",
			"Look at Cell state c: do some units go up and down with the wave? Choose one under Units: what each one does.",
		}
	case "chinese":
		return []string{
			"Every Chinese character is one symbol, so there are many more distinct symbols than in English text. Predict: will the untrained loss be higher or lower than for the nursery rhyme? (It starts near ln of the number of distinct characters.)",
			"Press Train and watch the loss, then Generate. Which characters does the model learn first?",
		}
	}
	return words.Tour(words.English, id) // the Chinese presets' tours, in the catalogue
}
