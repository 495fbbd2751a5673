package content

import (
	"math"
	"strconv"
	"strings"

	"lstmplayground/lstm"
	zh "lstmplayground/wasm/content"
	"lstmplayground/wasm/lesson"
	"lstmplayground/wasm/words"
)

// Preset is a training text the person can pick instead of typing one.
type Preset struct {
	ID    string    // the preset's name in a share link (share.State.Preset)
	Name  string    // shown in the preset picker
	Mode  lstm.Kind // lstm.Text or lstm.Numbers
	Text  string    // the training text, or the list of numbers
	Probe string    // the probe the preset starts with
	Prime string    // the Generate prime the preset starts with
	About string    // one sentence: what to look for
	Gap   int       // the memory-gap preset's gap (share.State.Gap); 0 for the others
}

// Presets returns the built-in training texts, the nursery rhyme first (the
// page starts with it). Every call builds them anew; they are deterministic.
func Presets() []Preset {
	counting := countingText()
	brackets := bracketsText()
	sine := sineText()
	ps := []Preset{
		{ID: "rhyme", Name: "Nursery rhyme", Mode: lstm.Text, Text: twinkle,
			About: "A repetitive rhyme: the loss falls quickly and the model soon writes recognisable lines."},
		{ID: "poem", Name: "Short poem", Mode: lstm.Text, Text: hope,
			About: "Emily Dickinson's “Hope” is the thing with feathers (1891): less repetition, so it takes longer."},
		{ID: "counting", Name: "Counting aⁿXbⁿ", Mode: lstm.Text, Text: counting,
			About: "After the X the model must write as many b as there were a: a cell can count. Compare LSTM with RNN.",
			Probe: "aaaaaaXbbbbbb\naaaaaaaaaXbbbbbbbbb\n", Prime: "aaaaaaaX"},
		{ID: "brackets", Name: "Balanced brackets", Mode: lstm.Text, Text: brackets,
			About: "Every bracket opened must be closed in the right order: the model has to remember what is still open.",
			Probe: firstLines(brackets, 2), Prime: "(["},
		{ID: "sine", Name: "Sine wave (numbers)", Mode: lstm.Numbers, Text: sine,
			About: "A sine wave sampled 16 times a period, in numbers mode: the model predicts the next value.",
			Probe: firstValues(sine, 32), Prime: firstValues(sine, 24)},
		{ID: "chinese", Name: "Chinese paragraph", Mode: lstm.Text, Text: chinese,
			About: "A paragraph in Chinese: many distinct characters, each one a symbol of its own."},
		GapPreset(lesson.DefaultGap),
	}
	for i := range ps {
		if ps[i].Probe == "" {
			ps[i].Probe = DefaultProbe(ps[i].Text, ps[i].Mode)
		}
		if ps[i].Prime == "" {
			ps[i].Prime = DefaultPrime(ps[i].Text, ps[i].Mode)
		}
	}
	return ps
}

// ProbeSteps is how many steps of the probe the heatmaps show at most.
const ProbeSteps = 60

// defaultProbeSteps is how many steps a probe taken from the training data has.
const defaultProbeSteps = 40

// DefaultProbe returns the start of the training data as a probe: its first 40
// characters, or its first 40 values in numbers mode.
func DefaultProbe(text string, mode lstm.Kind) string {
	if mode == lstm.Numbers {
		return firstValues(text, defaultProbeSteps)
	}
	return firstRunes(text, defaultProbeSteps)
}

// DefaultPrime returns the start of the training data as a Generate prime.
func DefaultPrime(text string, mode lstm.Kind) string {
	if mode == lstm.Numbers {
		return firstValues(text, 24)
	}
	line, _, _ := strings.Cut(text, "\n")
	return firstRunes(line, 12)
}

// TruncateProbe returns the first ProbeSteps steps of a probe as typed (runes
// of a text, values of a numbers list) and whether anything was cut.
func TruncateProbe(probe string, mode lstm.Kind) (string, bool) {
	if mode == lstm.Numbers {
		toks := numberTokens(probe)
		if len(toks) <= ProbeSteps {
			return probe, false
		}
		return probe[:toks[ProbeSteps-1][1]], true
	}
	s := firstRunes(probe, ProbeSteps)
	return s, len(s) < len(probe)
}

func firstRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func firstLines(s string, n int) string {
	end := 0
	for range n {
		k := strings.IndexByte(s[end:], '\n')
		if k < 0 {
			return s
		}
		end += k + 1
	}
	return s[:end]
}

// numberTokens returns the byte ranges [start, end) of the tokens of a numbers
// list, split as lstm.ParseNumbers splits them (fullwidth separators
// included, through lstm.NumberRune).
func numberTokens(s string) [][2]int {
	semicolons := strings.ContainsRune(s, ';') || strings.ContainsRune(s, '；')
	isSep := func(r rune) bool {
		r = lstm.NumberRune(r)
		return r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || (r == ',' && !semicolons)
	}
	var toks [][2]int
	start := -1
	for i, r := range s {
		switch {
		case isSep(r) && start >= 0:
			toks = append(toks, [2]int{start, i})
			start = -1
		case !isSep(r) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		toks = append(toks, [2]int{start, len(s)})
	}
	return toks
}

// firstValues returns the first n values of a numbers list, joined by ", ".
func firstValues(s string, n int) string {
	toks := numberTokens(s)
	if len(toks) > n {
		toks = toks[:n]
	}
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = s[t[0]:t[1]]
	}
	return strings.Join(parts, ", ")
}

// shuffler is a small fixed pseudo-random generator (SplitMix64), so that the
// generated presets are the same in every version of Go.
type shuffler struct{ state uint64 }

func (s *shuffler) next() uint64 {
	s.state += 0x9e3779b97f4a7c15
	z := s.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intN returns a number in [0, n).
func (s *shuffler) intN(n int) int { return int(s.next() % uint64(n)) }

// perm returns 1 … n in a shuffled order (Fisher–Yates).
func (s *shuffler) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i + 1
	}
	for i := n - 1; i > 0; i-- {
		j := s.intN(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// countingText returns lines aⁿXbⁿ for n = 1 … 10, each n once in each of 12
// rounds, in a fixed shuffled order.
func countingText() string {
	var b strings.Builder
	rng := shuffler{state: 1}
	for range 12 {
		for _, n := range rng.perm(10) {
			b.WriteString(strings.Repeat("a", n))
			b.WriteByte('X')
			b.WriteString(strings.Repeat("b", n))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// bracketsText returns 80 lines of balanced, nested brackets of three kinds.
func bracketsText() string {
	var b strings.Builder
	rng := shuffler{state: 7}
	open, closing := "([{", ")]}"
	for range 80 {
		var stack []byte
		n := 4 + rng.intN(9) // pairs on this line
		for opened := 0; opened < n || len(stack) > 0; {
			// Open while pairs remain, more eagerly when nothing is open and
			// never deeper than 6; otherwise close the innermost.
			if opened < n && (len(stack) == 0 || (len(stack) < 6 && rng.intN(5) < 3)) {
				k := rng.intN(3)
				b.WriteByte(open[k])
				stack = append(stack, closing[k])
				opened++
				continue
			}
			b.WriteByte(stack[len(stack)-1])
			stack = stack[:len(stack)-1]
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// sineText returns 20 periods of a sine wave sampled 16 times per period, with
// two decimals: "0, 0.38, 0.71, 0.92, 1, 0.92, …".
func sineText() string {
	const perPeriod, periods = 16, 20
	parts := make([]string, 0, perPeriod*periods)
	for k := range perPeriod * periods {
		v := math.Round(100*math.Sin(2*math.Pi*float64(k)/perPeriod)) / 100
		if v == 0 {
			v = 0 // no "-0"
		}
		parts = append(parts, strconv.FormatFloat(v, 'f', -1, 64))
	}
	return strings.Join(parts, ", ")
}

// twinkle is Jane Taylor's "The Star" (1806), public domain.
const twinkle = `Twinkle, twinkle, little star,
How I wonder what you are!
Up above the world so high,
Like a diamond in the sky.
Twinkle, twinkle, little star,
How I wonder what you are!

When the blazing sun is gone,
When he nothing shines upon,
Then you show your little light,
Twinkle, twinkle, all the night.
Twinkle, twinkle, little star,
How I wonder what you are!

Then the traveller in the dark
Thanks you for your tiny spark;
He could not see which way to go,
If you did not twinkle so.
Twinkle, twinkle, little star,
How I wonder what you are!
`

// hope is Emily Dickinson's "“Hope” is the thing with feathers" (published
// 1891), public domain.
const hope = `“Hope” is the thing with feathers -
That perches in the soul -
And sings the tune without the words -
And never stops - at all -

And sweetest - in the Gale - is heard -
And sore must be the storm -
That could abash the little Bird
That kept so many warm -

I’ve heard it in the chillest land -
And on the strangest Sea -
Yet - never - in Extremity,
It asked a crumb - of me.
`

// chinese is a short paragraph written for the playground (the project's own
// words): about the LSTM's memory, then an everyday scene.
const chinese = `长短期记忆网络是一种循环神经网络。它有一条细胞状态，像一条传送带，信息可以沿着它走过很多步而几乎不变。遗忘门决定丢掉哪些旧的记忆，输入门决定写入哪些新的内容，输出门决定此刻要说出什么。细胞状态变化得很慢，隐藏状态变化得很快，所以它能记住很久以前读到的东西。
春天来了，河边的柳树发了新芽。孩子们在草地上放风筝，老人坐在树下慢慢地喝茶。风一吹，花瓣落在水面上，跟着河水慢慢地流向远方。
`

// PresetByID returns the index of the preset with id, or −1.
func PresetByID(ps []Preset, id string) int {
	for i, p := range ps {
		if p.ID == id {
			return i
		}
	}
	return -1
}

// PresetIndex returns the index of the preset a picker value names ("0" …),
// or −1 ("custom", or anything else).
func PresetIndex(ps []Preset, value string) int {
	i, err := strconv.Atoi(value)
	if err != nil || i < 0 || i >= len(ps) {
		return -1
	}
	return i
}

// PresetFor returns the first preset a loaded model can train on: of its
// kind and, for text, with no character outside its vocabulary; −1 if none.
func PresetFor(ps []Preset, kind lstm.Kind, vocab []rune) int {
	known := make(map[rune]bool, len(vocab))
	for _, r := range vocab {
		known[r] = true
	}
next:
	for i, p := range ps {
		if p.Mode != kind {
			continue
		}
		if kind == lstm.Text {
			for _, r := range p.Text {
				if !known[r] {
					continue next
				}
			}
		}
		return i
	}
	return -1
}

// Unit text: the start of the training data, traced to colour it by one
// unit's activation (the interpretable-cell view) and to correlate units with
// features of the text.
const (
	unitTextRunes  = 500 // characters of a text
	unitTextValues = 200 // values of a numbers list
)

// UnitTextProbe returns the start of the training data that the unit view
// traces: its first 500 characters, or its first 200 values.
func UnitTextProbe(text string, mode lstm.Kind) string {
	if mode == lstm.Numbers {
		return firstValues(text, unitTextValues)
	}
	return firstRunes(text, unitTextRunes)
}

// All returns the page's presets and the Chinese ones (wasm/content), in the
// order of the picker in language l (content.Order): in Chinese the picker
// starts from a Chinese text. Names and notes are the catalogue's English,
// which the page writes in its language.
func All(l words.Lang) []Preset {
	byID := map[string]Preset{}
	for _, p := range Presets() {
		byID[p.ID] = p
	}
	for _, c := range zh.Chinese() {
		byID[c.ID] = Preset{ID: c.ID, Name: words.PresetName(words.English, c.ID), Mode: c.Mode, Text: c.Text,
			About: words.PresetAbout(words.English, c.ID),
			Probe: DefaultProbe(c.Text, c.Mode), Prime: DefaultPrime(c.Text, c.Mode)}
	}
	var out []Preset
	for _, id := range zh.Order(l) {
		if p, ok := byID[id]; ok {
			out = append(out, p)
		}
	}
	return out
}

// GapID is the memory-gap preset's id.
const GapID = "gap"

// GapPreset returns the memory-gap task (wasm/lesson) with gap n as a preset:
// lines of a letter, n dashes and the same letter; its probe is its first
// two lines and its prime a letter and n dashes, so that Generate shows
// whether the model recalls it. An n out of range (lesson.MaxGap) is
// brought into it.
func GapPreset(n int) Preset {
	n = max(0, min(n, lesson.MaxGap))
	text, _ := lesson.GapText([]rune(lesson.DefaultGapLetters), []int{n}, lesson.DefaultGapRecords, 1)
	return Preset{ID: GapID, Name: words.PresetName(words.English, GapID), Mode: lstm.Text, Text: text, Gap: n,
		About: words.PresetAbout(words.English, GapID),
		Probe: firstLines(text, 2), Prime: "b" + strings.Repeat("-", n)}
}

// GapTest returns the text the page scores the memory-gap recall on at gap
// n (lesson.Recall): fresh lines of the task, as many as fit a trace.
func GapTest(n int) string {
	n = max(0, min(n, lesson.MaxGap))
	text, _ := lesson.GapText([]rune(lesson.DefaultGapLetters), []int{n}, min(lesson.MaxRecords, (lstm.MaxProbe-1)/(n+3)), 2)
	return text
}
