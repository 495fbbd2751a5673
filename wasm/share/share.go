// Package share encodes everything that reproduces a playground run as a URL fragment (a share link) and decodes it back, checking every value.
//
// # Format
//
// A link's fragment (the part after '#') is a list of key=value pairs joined
// by '&', like a query string, settings first so that a person can read them:
//
//	v=1&lang=zh-CN&preset=rhyme&mode=text&cell=lstm&layers=1&h=32&seq=32&lr=0.01&opt=adam&mom=0.9&clip=5&clipmode=element&init=orthogonal&fbias=0&seed=1&temp=0.8&probe=Twinkle&hide=data,settings&only=c&embed=1
//
//	key       State field            values
//	v         (format version)       1 (Version); a higher one is refused with a *VersionError
//	lang      Lang                   en | zh-CN (wasm/words' tags, any case); absent: the visitor's language
//	preset    Preset                 a preset id: 1 … MaxPresetLen of a-z 0-9 - _
//	text      Text                   deflate (RFC 1951), then unpadded base64url (RFC 4648 §5)
//	mode      Mode                   text | numbers
//	cell      Config.Cell            lstm | rnn
//	layers    Config.Layers          1 … lstm.MaxLayers
//	h         Config.Hidden          1 … lstm.MaxHidden
//	seq       Config.SeqLen          1 … lstm.MaxSeqLen
//	lr        Config.LearningRate    lstm.MinLR … lstm.MaxLR
//	opt       Config.Optimizer       adam | rmsprop | sgd
//	mom       Config.Momentum        0 … lstm.MaxMomentum
//	clip      Config.Clip            0 … lstm.MaxClip (0: off)
//	clipmode  Config.ClipMode        element | norm
//	init      Config.Init            glorot | orthogonal; absent: glorot (see below)
//	fbias     Config.ForgetBias      −lstm.MaxForgetB … lstm.MaxForgetB; absent: 1 (see below)
//	seed      Config.Seed            0 … MaxSeed
//	temp      Temperature            0 … lstm.MaxTemperature
//	probe     Probe                  percent-encoded text
//	hide      Hide                   comma-separated names of HideNames
//	only      Only                   one name of Charts
//	embed     Embed                  1 (present only when true)
//	model     Model                  an lstm model file: deflate, then unpadded base64url
//	shared    Shared                 a share service model id (ValidModelID)
//	class     Class                  a class board's id (ValidModelID's form): the page sends runs to it
//	lesson    Lesson                 a lesson chapter's id or number (1 … MaxPresetLen of a-z 0-9 - _): the page opens it
//	gap       Gap                    1 … MaxGap: the memory-gap preset's gap; absent: the page's default gap
//
// Values are percent-encoded as in a query string ('+' also reads as a
// space). Encode writes every setting, so that a link reproduces its run even
// if the defaults change; Decode takes a missing setting from Default, so that
// a hand-written link such as "v=1&preset=rhyme&h=64" works, except init and
// fbias: a link without them was made when every model had Glorot recurrent
// weights and forget-gate bias 1 (lstm.DefaultConfig until the defaults became
// orthogonal and 0), so it keeps meaning those (olderDefaults).
//
// # Limits
//
// A link is at most MaxFragment characters; Encode refuses to make a longer
// one with a *SizeError (errors.Is ErrTooLong) that says what is too large.
// Decode refuses a longer one before parsing it, and never inflates more than
// MaxTextBytes of text or MaxModelBytes of model file, however the compressed
// data is made.
//
// # Compression
//
// The text and the model are raw DEFLATE data (RFC 1951), which a Codec
// makes and inflates: package goflate's in Go, or the page's, which asks the
// browser (CompressionStream 'deflate-raw'). A program without a compressor
// writes stored blocks (Stored): the link is longer, but every reader takes
// it, so the format needs no flag for uncompressed data.
//
// # Errors
//
// Decode returns a State or an error, never both. Every problem with a value
// is a *LinkError naming the key, the field as a person sees it, the value as
// given and the valid range; its Error is a sentence for the person. A link
// from a newer version gets a *VersionError. Text that is not a link at all
// (an empty fragment, or an in-page anchor such as "#usage") gives a
// *LinkError wrapping ErrNotLink, which a page can ignore silently.
package share

import (
	"bytes"
	"encoding/base64"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/settings"
	"lstmplayground/wasm/words"
)

// Version is the link format version that Encode writes and the newest that
// Decode reads.
const Version = 1

// Limits of a link.
const (
	// MaxFragment is the longest fragment Encode makes and Decode reads, in
	// bytes (the fragment is ASCII, so also in characters). Browsers take far
	// longer URLs, but chat programs, e-mail and course pages cut or refuse
	// them; 32,000 characters pass through all common ones.
	MaxFragment = 32_000
	// MaxTextBytes is the most bytes a link's compressed training text may
	// inflate to: lstm.MaxTextChars characters of up to 4 bytes each.
	MaxTextBytes = 4 * lstm.MaxTextChars
	// MaxModelBytes is the most bytes a link's compressed model file may
	// inflate to (far below lstm.MaxModelFileSize). A model file is mostly
	// float64 parameters, which deflate shrinks by about 5%, so the models
	// whose links fit in MaxFragment have files of about 25 KB or less: an
	// LSTM of up to 15 units (an RNN of 34) on 27 distinct characters, 22 (46)
	// on 10. The limit leaves room for unusually regular weights.
	MaxModelBytes = 256 << 10
	// MaxPresetLen is the longest preset id.
	MaxPresetLen = 32
	// MaxSeed is the largest seed in a link: the largest whole number a
	// JavaScript number (and so the page's Seed field) holds exactly.
	MaxSeed = 1<<53 - 1
	// MaxGap is the longest memory gap in a link (lesson.MaxGap).
	MaxGap = 200
)

// DefaultTemperature is the sampling temperature of a link without "temp".
const DefaultTemperature = 0.8

// Controls a teacher link can hide (State.Hide).
const (
	HideData      = "data"      // preset picker, Training text, Text/Numbers mode
	HideSettings  = "settings"  // Cell, Hidden units, Learning rate and the other settings
	HideTrain     = "train"     // Train/Pause, Step, Reset
	HideProbe     = "probe"     // Probe text
	HideGenerate  = "generate"  // Generate, Temperature and the sampled text
	HideInspector = "inspector" // the step inspector (the three stages of one step)
	HideUnits     = "units"     // unit sorting, the feature correlations, interventions
	HideCompare   = "compare"   // RNN beside LSTM
	HideExport    = "export"    // Save model, Load model, Share link, downloads
)

// Charts a teacher link can show alone (State.Only).
const (
	ChartC     = "c"     // Cell state c
	ChartH     = "h"     // Hidden state h
	ChartZi    = "zi"    // Input gate zi
	ChartZf    = "zf"    // Forget gate zf
	ChartZ     = "z"     // Candidate z
	ChartZo    = "zo"    // Output gate zo
	ChartLoss  = "loss"  // Loss
	ChartReach = "reach" // gradient reach ‖∂L/∂h_{t−k}‖ against k
	ChartDelta = "delta" // mean |Δc| and |Δh| per step
)

// hideNames and chartNames are read-only tables of the names above.
var (
	hideNames  = [...]string{HideData, HideSettings, HideTrain, HideProbe, HideGenerate, HideInspector, HideUnits, HideCompare, HideExport}
	chartNames = [...]string{ChartC, ChartH, ChartZi, ChartZf, ChartZ, ChartZo, ChartLoss, ChartReach, ChartDelta}
)

// HideNames returns the names of the controls a link can hide, in a fixed
// order. The slice is a copy.
func HideNames() []string { return slices.Clone(hideNames[:]) }

// Charts returns the names of the charts a link can show alone, in a fixed
// order. The slice is a copy.
func Charts() []string { return slices.Clone(chartNames[:]) }

// State is everything a link carries: the data, the configuration, the probe,
// the sampling temperature, the teacher's options and, if it fits, the trained
// model. Start from Default.
type State struct {
	// Preset is the id of a built-in training text (the page owns the texts),
	// or "" for custom text. At most one of Preset and Text is set; with
	// neither, the page keeps its own default data.
	Preset string
	// Text is the custom training text, or list of numbers as typed. It must
	// be valid UTF-8 of at most lstm.MaxTextChars characters; its content is
	// checked by the engine like typed text.
	Text   string
	Mode   lstm.Kind   // lstm.Text or lstm.Numbers
	Config lstm.Config // every field must pass Config.Validate; Seed ≤ MaxSeed
	// Probe is the probe text (or list of numbers) as typed; valid UTF-8.
	Probe       string
	Temperature float64 // 0 … lstm.MaxTemperature

	// Hide names controls the page hides (HideNames), each at most once.
	Hide []string
	// Only names the single chart the page shows (Charts), or "" for all.
	Only string
	// Embed asks for the page's embed mode: sized to its iframe, no page chrome.
	Embed bool

	// Model is an lstm model file (lstm.Model.MarshalBinary), or nil. It must
	// decode (lstm.UnmarshalModel), be at most MaxModelBytes, read the link's
	// Mode, and have the link's Cell, Layers, Hidden, Seed and ForgetBias (the
	// settings whose change makes the engine start a new model). The link's
	// other settings (SeqLen, learning rate, optimizer, momentum, clip) may
	// differ from the file's: they apply to the loaded model. A text model
	// must know every character of a custom Text.
	Model []byte

	// Lang is the tag of the language the page shows (words.Lang.Tag:
	// "en", "zh-CN"), or "" for the visitor's own (words.Choose).
	Lang string

	// Shared is the id of a model kept by the share service (the page
	// downloads api/models/<id>), or "". It is ModelIDLen characters a–z and
	// 2–7 (ValidModelID); a link carries either Model or Shared, not both.
	Shared string

	// Class is the id of a class on the share service's class board (the
	// page offers Send to the class), or "". It has a model id's form
	// (ValidModelID). A class link carries the class's setup; the teacher
	// key is never part of a link State (see ParseBoard).
	Class string

	// Gap is the gap of the memory-gap preset (the dashes between a letter
	// and its repeat, the page's slider), 1 … MaxGap, or 0 for the page's
	// default gap, which a link made before the key existed means.
	Gap int

	// Lesson names the lesson chapter the page opens (its id, such as
	// "states", or its number from 1), or "" for none; the page owns the
	// chapters and ignores one it does not know. It has a preset id's form
	// (1 … MaxPresetLen of a-z 0-9 - _). A link without v= that has only
	// lesson= ("#lesson=2", the lesson's own links) is not a link State:
	// Decode gives ErrNotLink, as before the key was known.
	Lesson string
}

// ModelIDLen is the length of a share service model id: 128 random bits in
// lower-case base32 without padding.
const ModelIDLen = 26

// ValidModelID reports whether id has the form of a share service model id.
func ValidModelID(id string) bool {
	if len(id) != ModelIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('a' <= c && c <= 'z' || '2' <= c && c <= '7') {
			return false
		}
	}
	return true
}

// Default returns the state of a link with no settings: text mode, no data
// (the page's default), lstm.DefaultConfig, temperature DefaultTemperature.
func Default() State {
	return State{Mode: lstm.Text, Config: lstm.DefaultConfig(), Temperature: DefaultTemperature}
}

// olderDefaults sets the settings whose default changed after links existed
// to their default of then, which a link that does not name them means: Glorot
// recurrent weights and forget-gate bias 1.
func olderDefaults(c *lstm.Config) {
	c.Init, c.ForgetBias = lstm.InitGlorot, 1
}

// Equal reports whether s and t are the same state (nil and empty Hide and
// Model are the same).
func (s State) Equal(t State) bool {
	return s.Preset == t.Preset && s.Text == t.Text && s.Mode == t.Mode && s.Config == t.Config &&
		s.Probe == t.Probe && s.Temperature == t.Temperature && slices.Equal(s.Hide, t.Hide) &&
		s.Only == t.Only && s.Embed == t.Embed && bytes.Equal(s.Model, t.Model) && s.Shared == t.Shared &&
		s.Lang == t.Lang && s.Class == t.Class && s.Lesson == t.Lesson && s.Gap == t.Gap
}

// Hides reports whether s hides the control name (one of HideNames).
func (s State) Hides(name string) bool { return slices.Contains(s.Hide, name) }

// Keys of the fragment: the settings' keys are the registry's (wasm/settings),
// the others the link's own.
const (
	keyVersion    = "v"
	keyPreset     = "preset"
	keyText       = settings.KeyText
	keyMode       = settings.KeyMode
	keyCell       = lstm.KeyCell
	keyLayers     = lstm.KeyLayers
	keyHidden     = lstm.KeyHidden
	keySeqLen     = lstm.KeySeqLen
	keyLR         = lstm.KeyLR
	keyOptimizer  = lstm.KeyOptimizer
	keyMomentum   = lstm.KeyMomentum
	keyClip       = lstm.KeyClip
	keyClipMode   = lstm.KeyClipMode
	keyInit       = lstm.KeyInit
	keyForgetBias = lstm.KeyForgetBias
	keySeed       = lstm.KeySeed
	keyTemp       = settings.KeyTemperature
	keyProbe      = settings.KeyProbe
	keyHide       = "hide"
	keyOnly       = "only"
	keyEmbed      = "embed"
	keyModel      = "model"
	keyShared     = "shared"
	keyClass      = "class"
	keyLesson     = "lesson"
	keyGap        = "gap"
	keyLang       = words.LinkKey
)

// Names of the link's own fields as a person sees them; the settings' are
// their labels (wasm/words).
const (
	fieldVersion = "version"
	fieldPreset  = "Preset"
	fieldHide    = "Hide"
	fieldOnly    = "Only"
	fieldEmbed   = "Embed"
	fieldModel   = "Model"
	fieldShared  = "Shared model"
	fieldClass   = "Class"
	fieldLesson  = "Lesson"
	fieldGap     = "Memory gap"
	fieldLang    = "Language"
)

// keyOrder is the order in which Encode writes the keys and Decode checks them.
var keyOrder = [...]string{keyVersion, keyLang, keyPreset, keyMode, keyCell, keyLayers, keyHidden, keySeqLen, keyLR,
	keyOptimizer, keyMomentum, keyClip, keyClipMode, keyInit, keyForgetBias, keySeed, keyTemp, keyProbe,
	keyHide, keyOnly, keyEmbed, keyShared, keyClass, keyLesson, keyGap, keyText, keyModel}

// configOrder is the registry of lstm.Config (with the page's seed range),
// in the link's key order.
var configOrder = func() []lstm.Setting {
	var out []lstm.Setting
	for _, s := range settings.All() {
		if s.Get != nil {
			out = append(out, s)
		}
	}
	return out
}()

// modeNames are the modes as written in a link: the registry's choices.
var modeNames = settings.Must(keyMode).Choices

// ---- Encode ----

// Encode returns the fragment of the link of s, without the '#'. It refuses,
// with the error Decode would give, a state that Decode would refuse (see
// State and Validate), and, with a *SizeError, one whose link would be longer
// than MaxFragment: the message says which part is too large and what to do
// instead. Decode(Encode(s, c), c) equals s (State.Equal) whenever Encode
// succeeds. c compresses the text and the model; an error of c's is returned
// as it is.
func (s State) Encode(c Codec) (string, error) {
	if err := s.Validate(); err != nil {
		return "", err
	}
	var text, model string
	var err error
	if s.Text != "" {
		if text, err = pack(c, []byte(s.Text)); err != nil {
			return "", err
		}
	}
	if s.Model != nil {
		if model, err = pack(c, s.Model); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	for _, key := range keyOrder {
		if key == keyText || key == keyModel {
			continue
		}
		if v, ok := s.value(key); ok {
			put(&b, key, v)
		}
	}
	// Say which part makes the link too long: the plain settings (in
	// practice, only a long probe can), then the text, then the model.
	size := b.Len()
	if size > MaxFragment {
		return "", &SizeError{Part: PartProbe, Size: size}
	}
	if text != "" {
		size += len("&text=") + len(text)
		if size > MaxFragment {
			return "", &SizeError{Part: PartText, Size: size}
		}
		put(&b, keyText, text)
	}
	if model != "" {
		size += len("&model=") + len(model)
		if size > MaxFragment {
			return "", &SizeError{Part: PartModel, Size: size}
		}
		put(&b, keyModel, model)
	}
	return b.String(), nil
}

// EncodeFit is Encode, except that a model too large for a link is left out
// rather than refused: dropped reports that the link carries no model although
// s has one, so that the page can say "the link has the settings; use Save
// model to share the trained model".
func (s State) EncodeFit(c Codec) (fragment string, dropped bool, err error) {
	f, err := s.Encode(c)
	var se *SizeError
	if errors.As(err, &se) && se.Part == PartModel {
		s.Model = nil
		f, err = s.Encode(c)
		return f, err == nil, err
	}
	return f, false, err
}

// value returns the text of key for s, unescaped, and whether Encode writes it.
func (s State) value(key string) (string, bool) {
	switch key {
	case keyVersion:
		return strconv.Itoa(Version), true
	case keyPreset:
		return s.Preset, s.Preset != ""
	case keyMode:
		return choiceName(settings.Must(keyMode), float64(s.Mode)), true
	case keySeed:
		return strconv.FormatUint(s.Config.Seed, 10), true // beyond 2⁵³ too, for a message
	case keyTemp:
		return formatFloat(s.Temperature), true
	case keyProbe:
		return s.Probe, s.Probe != ""
	case keyHide:
		return strings.Join(s.Hide, ","), len(s.Hide) > 0
	case keyOnly:
		return s.Only, s.Only != ""
	case keyEmbed:
		return "1", s.Embed
	case keyShared:
		return s.Shared, s.Shared != ""
	case keyClass:
		return s.Class, s.Class != ""
	case keyLesson:
		return s.Lesson, s.Lesson != ""
	case keyGap:
		return strconv.Itoa(s.Gap), s.Gap != 0
	case keyLang:
		return s.Lang, s.Lang != ""
	}
	if row, ok := settings.Of(key); ok && row.Get != nil {
		v := row.Get(s.Config)
		switch row.Kind {
		case lstm.ChoiceSetting:
			return choiceName(row, v), true
		case lstm.WholeSetting:
			return strconv.FormatFloat(v, 'f', 0, 64), true
		}
		return formatFloat(v), true
	}
	return "", false
}

// choiceName returns the name of choice v of row as written in a link, or
// the number for a value with no name (which Validate refuses).
func choiceName(row lstm.Setting, v float64) string {
	if i := int(v); v >= 0 && i < len(row.Choices) {
		return row.Choices[i]
	}
	return formatFloat(v)
}

// formatFloat writes the shortest decimal that parses back to v exactly.
func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// put appends "&key=value" (no '&' first) with value percent-encoded.
func put(b *strings.Builder, key, value string) {
	if b.Len() > 0 {
		b.WriteByte('&')
	}
	b.WriteString(key)
	b.WriteByte('=')
	escape(b, value)
}

// escape percent-encodes every byte of s except the unreserved characters of
// RFC 3986 and ',' (which separates the names of "hide"), so that the
// fragment is ASCII, has no '&', '=', '+' or '#' of its own, and survives
// Markdown and e-mail.
func escape(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' || c == ',' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}

// ---- Validate ----

// Validate returns nil if Encode can write s and Decode would give it back,
// and otherwise the *LinkError Decode would give for the first bad field in
// the link's key order.
func (s State) Validate() error {
	raw := func(key string) string { v, _ := s.value(key); return v }
	if l, ok := words.ParseTag(s.Lang); s.Lang != "" && (!ok || l.Tag() != s.Lang) {
		return badLang(s.Lang)
	}
	if s.Preset != "" {
		if err := checkPreset(s.Preset); err != nil {
			return err
		}
		if s.Text != "" {
			return bothTexts()
		}
	}
	if mode := settings.Must(keyMode); mode.Check(float64(s.Mode)) != nil {
		return &LinkError{Key: keyMode, Field: fieldOf(keyMode), Value: raw(keyMode), Reason: "use " + orList(mode.Choices), Err: mode.Check(float64(s.Mode))}
	}
	if err := checkConfig(s.Config, raw); err != nil {
		return err
	}
	if err := checkTemperature(s.Temperature, raw(keyTemp)); err != nil {
		return err
	}
	if !utf8.ValidString(s.Probe) {
		return notUTF8(keyProbe)
	}
	seen := make([]string, 0, len(s.Hide))
	for _, h := range s.Hide {
		if !slices.Contains(hideNames[:], h) {
			return badHide(h)
		}
		if slices.Contains(seen, h) {
			return &LinkError{Key: keyHide, Field: fieldHide, Value: raw(keyHide), Reason: strconv.Quote(h) + " is listed twice; list each control once"}
		}
		seen = append(seen, h)
	}
	if s.Only != "" && !slices.Contains(chartNames[:], s.Only) {
		return badOnly(s.Only)
	}
	if s.Text != "" {
		if err := checkText(s.Text); err != nil {
			return err
		}
	}
	if s.Shared != "" {
		if err := checkShared(s.Shared, s.Model != nil); err != nil {
			return err
		}
	}
	if s.Class != "" && !ValidModelID(s.Class) {
		return badClass(s.Class)
	}
	if s.Lesson != "" && !validLesson(s.Lesson) {
		return badLesson(s.Lesson)
	}
	if s.Gap != 0 && (s.Gap < 1 || s.Gap > MaxGap) {
		return badGap(strconv.Itoa(s.Gap))
	}
	if s.Model != nil {
		if len(s.Model) > MaxModelBytes {
			return &LinkError{Key: keyModel, Field: fieldModel, Value: count(len(s.Model), "bytes"),
				Reason: "a model file in a link may have at most " + strconv.Itoa(MaxModelBytes) + " bytes; use Save model to share it as a file"}
		}
		if err := s.checkModel(); err != nil {
			return err
		}
	}
	return nil
}

// checkShared checks a shared model's id, and that the link has no model file too.
func checkShared(id string, hasModel bool) error {
	if !ValidModelID(id) {
		return &LinkError{Key: keyShared, Field: fieldShared, Value: id,
			Reason: "a shared model's id is " + strconv.Itoa(ModelIDLen) + " letters a to z and digits 2 to 7; copy the link again"}
	}
	if hasModel {
		return &LinkError{Key: keyShared, Field: fieldShared, Value: id,
			Reason: "the link has both a model and a shared model's id; keep one of them"}
	}
	return nil
}

// badClass refuses a class id not of the service's form.
func badClass(id string) error {
	return &LinkError{Key: keyClass, Field: fieldClass, Value: id,
		Reason: "a class's id is " + strconv.Itoa(ModelIDLen) + " letters a to z and digits 2 to 7; ask the teacher for the link again"}
}

// badGap refuses a memory gap out of range.
func badGap(v string) error {
	return &LinkError{Key: keyGap, Field: fieldGap, Value: v, Reason: "use a whole number from 1 to " + strconv.Itoa(MaxGap)}
}

// validLesson reports whether l has the form of a lesson chapter's id.
func validLesson(l string) bool { return checkPreset(l) == nil }

// badLesson refuses a lesson chapter not of a chapter id's form.
func badLesson(l string) error {
	return &LinkError{Key: keyLesson, Field: fieldLesson, Value: l,
		Reason: "a lesson chapter is its number or its id: 1 to " + strconv.Itoa(MaxPresetLen) + " letters a to z, digits, '-' or '_'"}
}

// tooLong refuses a fragment of n characters, over MaxFragment.
func tooLong(n int) error {
	return &LinkError{Reason: "it is " + thousands(n) + " characters long; a link has at most " + thousands(MaxFragment) +
		". It may have been joined to other text: copy it again"}
}

func bothTexts() error {
	return &LinkError{Key: keyText, Field: fieldOf(keyText), Value: "(custom text)",
		Reason: "the link has both a preset and a custom training text; keep one of them"}
}

func notUTF8(key string) error {
	return &LinkError{Key: key, Field: fieldOf(key), Value: "(not text)", Reason: "it is not valid UTF-8 text"}
}

func checkPreset(p string) error {
	ok := len(p) >= 1 && len(p) <= MaxPresetLen
	for i := 0; ok && i < len(p); i++ {
		c := p[i]
		ok = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
	}
	if !ok {
		return &LinkError{Key: keyPreset, Field: fieldPreset, Value: p,
			Reason: "a preset id has 1 to " + strconv.Itoa(MaxPresetLen) + " of the characters a-z, 0-9, - and _"}
	}
	return nil
}

func checkText(t string) error {
	if !utf8.ValidString(t) {
		return notUTF8(keyText)
	}
	if n := utf8.RuneCountInString(t); n > lstm.MaxTextChars {
		return &LinkError{Key: keyText, Field: fieldOf(keyText), Value: count(n, "characters"),
			Reason: "the training text may have at most " + strconv.Itoa(lstm.MaxTextChars) + " characters"}
	}
	return nil
}

func checkTemperature(v float64, raw string) error {
	if row := settings.Must(keyTemp); row.Check(v) != nil {
		return &LinkError{Key: keyTemp, Field: fieldOf(keyTemp), Value: raw, Reason: use(keyTemp), Err: row.Check(v)}
	}
	return nil
}

func badHide(h string) error {
	return &LinkError{Key: keyHide, Field: fieldHide, Value: h,
		Reason: "it is not a control that can be hidden; use " + orList(hideNames[:])}
}

// badLang is the error of a lang= that names no language of the catalogue.
func badLang(v string) error {
	tags := make([]string, 0, 2)
	for _, l := range words.Langs() {
		tags = append(tags, l.Tag())
	}
	return &LinkError{Key: keyLang, Field: fieldLang, Value: v, Reason: "use " + orList(tags)}
}

func badOnly(o string) error {
	return &LinkError{Key: keyOnly, Field: fieldOnly, Value: o, Reason: "it is not a chart; use " + orList(chartNames[:])}
}

// orList writes "a, b or c".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// use says what to do with a bad value of the setting key: "use a whole
// number from 1 to 512".
func use(key string) string { return words.Use(words.English, settings.Must(key)) }

// checkConfig checks cfg against the registry (lstm.Config.Validate's rows,
// with the page's seed range), and turns the first problem in key order into
// a *LinkError naming the key that wraps the *lstm.ConfigError; raw gives a
// key's value as written in the link.
func checkConfig(cfg lstm.Config, raw func(key string) string) error {
	for _, row := range configOrder {
		if err := row.Check(row.Get(cfg)); err != nil {
			return &LinkError{Key: row.Key, Field: fieldOf(row.Key), Value: raw(row.Key), Reason: use(row.Key), Err: err}
		}
	}
	return nil
}

// checkModel decodes s.Model and checks that it fits the rest of s.
func (s State) checkModel() error {
	m, err := lstm.UnmarshalModel(s.Model)
	if err != nil {
		reason := words.ModelFileReason(words.English, err)
		if ue, ok := errors.AsType[*lstm.UnsupportedError](err); ok {
			// lstm's hint is about a file; this is a link.
			reason = "it was made by a newer version of LSTM Playground (model format " + strconv.FormatUint(uint64(ue.Version), 10) +
				"; this page reads format " + strconv.Itoa(lstm.FormatVersion) + "). Reload the page to update it, then open the link again"
		}
		return &LinkError{Key: keyModel, Field: fieldModel, Value: count(len(s.Model), "bytes"),
			Reason: reason, Err: err}
	}
	mismatch := func(key, model, link string) error {
		return &LinkError{Key: key, Field: fieldOf(key), Value: link,
			Reason: "the link's model has " + fieldOf(key) + " " + model + "; a link's model must match its settings"}
	}
	if m.Kind != s.Mode {
		return mismatch(keyMode, modeNames[m.Kind], modeNames[s.Mode])
	}
	// The settings whose change makes a new model (not Live) must match:
	// the file's architecture, seed and initialisation.
	for _, row := range configOrder {
		if !row.Live && row.Key != keySeqLen && row.Get(m.Config) != row.Get(s.Config) {
			mv, _ := State{Config: m.Config}.value(row.Key)
			lv, _ := s.value(row.Key)
			return mismatch(row.Key, mv, lv)
		}
	}
	if m.Kind == lstm.Text && s.Text != "" {
		pos := 0
		for _, r := range s.Text {
			pos++
			if _, ok := m.Vocab.Index(r); !ok {
				return &LinkError{Key: keyModel, Field: fieldModel, Value: count(len(s.Model), "bytes"),
					Reason: "the link's model does not know the character " + strconv.QuoteRune(r) + " at position " + strconv.Itoa(pos) + " of the link's training text"}
			}
		}
	}
	return nil
}

// ---- Decode ----

// Decode reads the fragment of a share link (with or without its leading '#',
// as location.hash gives it; a whole URL pasted in also works) and returns its
// state, or an error and a zero State.
//
// It checks, in order: the length (at most MaxFragment); the percent-encoding
// of every pair; that no key is given twice with different values; the
// version v, where a missing v is taken as 1 only if every key is one of this
// version's (otherwise the fragment is not a link: ErrNotLink), and a newer
// one gives a *VersionError; then every value, in the key order of the
// package doc, against its range (lstm.Config.Validate for the
// configuration); the compressed text and model, which are inflated only up
// to MaxTextBytes and MaxModelBytes; and finally the model itself
// (lstm.UnmarshalModel) and its fit to the settings. Keys it does not know
// are ignored when v is given, so that older pages read newer links that only
// add keys. Missing settings take the values of Default. c inflates the text
// and the model: a link whose data c cannot inflate (errors.ErrUnsupported)
// gives a *LinkError wrapping it.
func Decode(fragment string, c Codec) (State, error) {
	s, err := decode(fragment, c)
	if err != nil {
		return State{}, err
	}
	return s, nil
}

func decode(fragment string, c Codec) (State, error) {
	vals, err := pairs(fragment)
	if err != nil {
		return State{}, err
	}
	s, err := decodeSettings(vals)
	if err != nil {
		return State{}, err
	}
	if err := s.decodeOptions(vals); err != nil {
		return State{}, err
	}
	if err := s.decodeData(vals, c); err != nil {
		return State{}, err
	}
	return s, nil
}

// pairs splits a fragment into its values by key, percent-decoded, and
// checks its length, that no key is given twice with different values and
// its version.
func pairs(fragment string) (map[string]string, error) {
	f := strings.TrimSpace(fragment)
	// Cut a pasted URL or a leading '#' off, but not a '#' typed into a value
	// ("v=1&probe=a#b"): what comes before the first '#' is cut if it is a
	// URL or has no key=value pair.
	if i := strings.IndexByte(f, '#'); i >= 0 && (!strings.Contains(f[:i], "=") || strings.Contains(f[:i], "://")) {
		f = f[i+1:]
	}
	f = strings.TrimLeft(f, "#")
	if len(f) > MaxFragment {
		return nil, tooLong(len(f))
	}
	vals := make(map[string]string)
	var unknown string
	for piece := range strings.SplitSeq(f, "&") {
		if piece == "" {
			continue
		}
		rk, rv, _ := strings.Cut(piece, "=")
		key, err := unescape(rk)
		if err != nil {
			return nil, &LinkError{Key: rk, Field: "key", Value: rk, Reason: "its percent-encoding is broken (a % must be followed by two hex digits)"}
		}
		key = strings.ToLower(strings.TrimSpace(key))
		v, err := unescape(rv)
		if err != nil {
			return nil, &LinkError{Key: key, Field: fieldOf(key), Value: rv, Reason: "its percent-encoding is broken (a % must be followed by two hex digits)"}
		}
		if !slices.Contains(keyOrder[:], key) {
			if unknown == "" {
				unknown = key
			}
			continue
		}
		if old, dup := vals[key]; dup && old != v {
			return nil, &LinkError{Key: key, Field: fieldOf(key), Value: v,
				Reason: key + " is given twice, as " + short(old) + " and " + short(v) + "; keep one"}
		}
		vals[key] = v
	}
	return vals, checkLinkVersion(vals, unknown)
}

// checkLinkVersion checks the version of a link whose known values are vals
// and whose first unknown key is unknown ("" for none).
func checkLinkVersion(vals map[string]string, unknown string) error {
	ver, hasVer := vals[keyVersion]
	if _, ok := vals[keyLesson]; ok && !hasVer {
		// A lesson's own link ("#lesson=2") has no version: it was no link
		// State before lesson= was a key, and stays none.
		delete(vals, keyLesson)
		if unknown == "" {
			unknown = keyLesson
		}
	}
	switch {
	case !hasVer && len(vals) == 0:
		reason := "it carries no settings"
		if unknown != "" {
			reason = "it has no version (v=" + strconv.Itoa(Version) + ") and an unknown key " + strconv.Quote(short(unknown))
		}
		return &LinkError{Reason: reason, Err: ErrNotLink}
	case !hasVer && unknown != "":
		return &LinkError{Key: unknown, Reason: "it has no version (v=" + strconv.Itoa(Version) + ") and an unknown key " + strconv.Quote(short(unknown)), Err: ErrNotLink}
	case hasVer:
		return checkVersion(ver)
	}
	return nil
}

// decodeSettings reads the language, the preset, the mode, the settings of
// lstm.Config and the temperature, and checks their ranges with the registry.
func decodeSettings(vals map[string]string) (State, error) {
	p := parser{vals: vals}
	s := Default()
	olderDefaults(&s.Config)
	if v, ok := vals[keyLang]; ok && v != "" {
		l, ok := words.ParseTag(v)
		if !ok {
			return State{}, badLang(v)
		}
		s.Lang = l.Tag()
	}
	if v, ok := vals[keyPreset]; ok && v != "" {
		s.Preset = strings.ToLower(strings.TrimSpace(v))
		if err := checkPreset(s.Preset); err != nil {
			return State{}, err
		}
	}
	s.Mode = lstm.Kind(p.choice(settings.Must(keyMode), float64(s.Mode)))
	// The settings of lstm.Config are parsed here, in the registry's order
	// (the link's key order), and range-checked by checkConfig, whose
	// *lstm.ConfigError the *LinkError wraps.
	for _, row := range configOrder {
		v := row.Get(s.Config)
		switch {
		case row.Kind == lstm.ChoiceSetting:
			v = p.choice(row, v)
		case row.Key == keySeed:
			v = float64(p.uint(row, uint64(v)))
		case row.Kind == lstm.WholeSetting:
			v = float64(p.int(row.Key, int(v)))
		default:
			v = p.float(row.Key, v)
		}
		row.Set(&s.Config, v)
	}
	s.Temperature = p.float(keyTemp, s.Temperature)
	if p.err != nil {
		return State{}, p.err
	}
	if err := checkConfig(s.Config, func(key string) string { return vals[key] }); err != nil {
		return State{}, err
	}
	return s, checkTemperature(s.Temperature, vals[keyTemp])
}

// decodeOptions reads the probe and the teacher's options into s.
func (s *State) decodeOptions(vals map[string]string) error {
	if v, ok := vals[keyProbe]; ok {
		if !utf8.ValidString(v) {
			return notUTF8(keyProbe)
		}
		s.Probe = v
	}
	if v, ok := vals[keyHide]; ok {
		for h := range strings.SplitSeq(v, ",") {
			h = strings.ToLower(strings.TrimSpace(h))
			if h == "" || slices.Contains(s.Hide, h) {
				continue
			}
			if !slices.Contains(hideNames[:], h) {
				return badHide(h)
			}
			s.Hide = append(s.Hide, h)
		}
	}
	if v, ok := vals[keyOnly]; ok {
		s.Only = strings.ToLower(strings.TrimSpace(v))
		if s.Only != "" && !slices.Contains(chartNames[:], s.Only) {
			return badOnly(s.Only)
		}
	}
	if v, ok := vals[keyEmbed]; ok {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "", "1", "true", "yes", "on":
			s.Embed = true
		case "0", "false", "no", "off":
			s.Embed = false
		default:
			return &LinkError{Key: keyEmbed, Field: fieldEmbed, Value: v, Reason: "use 1 (embed) or 0"}
		}
	}
	return nil
}

// decodeData reads the compressed text and model and the shared model's id
// into s, and checks that they fit the rest of s.
func (s *State) decodeData(vals map[string]string, c Codec) error {
	if v, ok := vals[keyText]; ok && v != "" {
		if s.Preset != "" {
			return bothTexts()
		}
		b, err := inflate(c, keyText, v, MaxTextBytes)
		if err != nil {
			return err
		}
		s.Text = string(b)
		if err := checkText(s.Text); err != nil {
			return err
		}
	}
	if v, ok := vals[keyModel]; ok && v != "" {
		b, err := inflate(c, keyModel, v, MaxModelBytes)
		if err != nil {
			return err
		}
		s.Model = bytes.Clone(b) // without inflate's spare capacity
		if err := s.checkModel(); err != nil {
			return err
		}
	}
	if v, ok := vals[keyShared]; ok && v != "" {
		if err := checkShared(v, s.Model != nil); err != nil {
			return err
		}
		s.Shared = v
	}
	if v, ok := vals[keyClass]; ok && v != "" {
		if !ValidModelID(v) {
			return badClass(v)
		}
		s.Class = v
	}
	if v, ok := vals[keyLesson]; ok && v != "" {
		v = strings.ToLower(strings.TrimSpace(v))
		if !validLesson(v) {
			return badLesson(v)
		}
		s.Lesson = v
	}
	if v, ok := vals[keyGap]; ok && v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > MaxGap {
			return badGap(v)
		}
		s.Gap = n
	}
	return nil
}

// unescape decodes percent-encoding as a query string does ('+' is a space).
func unescape(s string) (string, error) {
	if !strings.ContainsAny(s, "%+") {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b.WriteByte(' ')
		case '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", errors.New("bad percent-encoding")
			}
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

func checkVersion(v string) error {
	t := strings.TrimSpace(v)
	digits := t != ""
	for i := 0; i < len(t); i++ {
		digits = digits && '0' <= t[i] && t[i] <= '9'
	}
	if !digits {
		return &LinkError{Key: keyVersion, Field: fieldVersion, Value: v, Reason: "use " + strconv.Itoa(Version)}
	}
	t = strings.TrimLeft(t, "0")
	switch {
	case t == "":
		return &LinkError{Key: keyVersion, Field: fieldVersion, Value: v, Reason: "there is no version 0; use " + strconv.Itoa(Version)}
	case t == strconv.Itoa(Version):
		return nil
	}
	return &VersionError{Version: short(t)} // more digits or a larger number: newer
}

// fieldOf returns the name a person sees of a key: a setting's label, or
// one of the link's own fields.
func fieldOf(key string) string {
	switch key {
	case keyVersion:
		return fieldVersion
	case keyPreset:
		return fieldPreset
	case keyHide:
		return fieldHide
	case keyOnly:
		return fieldOnly
	case keyEmbed:
		return fieldEmbed
	case keyModel:
		return fieldModel
	case keyShared:
		return fieldShared
	case keyClass:
		return fieldClass
	case keyLesson:
		return fieldLesson
	case keyGap:
		return fieldGap
	case keyLang:
		return fieldLang
	}
	if _, ok := settings.Of(key); ok {
		return words.Label(words.English, key)
	}
	return key
}

// parser reads typed values from the link's pairs and keeps the first error.
type parser struct {
	vals map[string]string
	err  error
}

func (p *parser) fail(key, v, reason string) {
	if p.err == nil {
		p.err = &LinkError{Key: key, Field: fieldOf(key), Value: v, Reason: reason}
	}
}

// int reads a whole number; its range is checked later.
func (p *parser) int(key string, def int) int {
	v, ok := p.vals[key]
	if !ok || p.err != nil {
		return def
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 0)
	if err != nil {
		p.fail(key, v, use(key))
		return def
	}
	return int(n)
}

// uint reads a whole number of row, from 0 to its Max.
func (p *parser) uint(row lstm.Setting, def uint64) uint64 {
	v, ok := p.vals[row.Key]
	if !ok || p.err != nil {
		return def
	}
	n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64)
	if err != nil || row.Check(float64(n)) != nil { // exact: every n above Max (2⁵³−1) is at least 2⁵³ as a float64
		p.fail(row.Key, v, use(row.Key))
		return def
	}
	return n
}

// float reads a number; its range (and NaN, ±Inf) is checked later.
func (p *parser) float(key string, def float64) float64 {
	v, ok := p.vals[key]
	if !ok || p.err != nil {
		return def
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) { // out of range: ±Inf or 0, refused or not later
		p.fail(key, v, use(key))
		return def
	}
	return f
}

// choice reads one of row's choices, as written in a link, and returns its
// index.
func (p *parser) choice(row lstm.Setting, def float64) float64 {
	v, ok := p.vals[row.Key]
	if !ok || p.err != nil {
		return def
	}
	if i := slices.Index(row.Choices, strings.ToLower(strings.TrimSpace(v))); i >= 0 {
		return float64(i)
	}
	p.fail(row.Key, v, "use "+orList(row.Choices))
	return def
}

// inflate decodes the base64url value v of key and inflates it with c, to at
// most limit bytes (c reads at most limit+1, so that a small value that
// inflates to gigabytes costs no more than that).
func inflate(c Codec, key, v string, limit int) ([]byte, error) {
	bad := func(reason string) error {
		return &LinkError{Key: key, Field: fieldOf(key), Value: v, Reason: reason}
	}
	z, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(strings.TrimSpace(v), "="))
	if err != nil {
		return nil, bad("it is not valid base64url data: the link may have been cut short or changed; copy the whole link again")
	}
	out, err := c.Inflate(z, limit)
	if len(out) > limit && err == nil {
		return nil, bad("it inflates to more than " + thousands(limit) + " bytes, the limit of a link")
	}
	if errors.Is(err, errors.ErrUnsupported) {
		return nil, &LinkError{Key: key, Field: fieldOf(key), Value: v, Err: err,
			Reason: "this browser cannot read compressed links; open the link in a newer browser"}
	}
	if err != nil {
		return nil, bad("its compressed data is damaged: the link may have been cut short or changed; copy the whole link again")
	}
	return out, nil
}

// short returns v cut to 40 characters, with characters that are not
// printable escaped, for a message.
func short(v string) string {
	const most = 40
	cut := false
	if utf8.RuneCountInString(v) > most {
		i, n := 0, 0
		for i = range v {
			if n == most {
				break
			}
			n++
		}
		v, cut = v[:i], true
	}
	q := strconv.QuoteToGraphic(v)
	q = q[1 : len(q)-1]
	if cut {
		q += "…"
	}
	return q
}
