package lstm

import "math"

// SettingKind is the kind of value a setting takes.
type SettingKind uint8

const (
	// WholeSetting is a whole number from Min to Max.
	WholeSetting SettingKind = iota
	// NumberSetting is any number from Min to Max (NaN is out of range).
	NumberSetting
	// ChoiceSetting is one of Choices, by index: 0 to len(Choices)−1.
	ChoiceSetting
	// TextSetting is a text of Min to Max characters (the page's inputs:
	// the training text, the probe, the prime).
	TextSetting
)

// Setting is one row of the settings registry: one value of Config, its
// stable key, its kind and valid range, and whether a change keeps the model.
// The page's own settings (wasm/settings) add rows of the same shape.
type Setting struct {
	// Key is the stable short name of the setting: the key of a share link
	// ("h" for Hidden units), of ConfigError.Key and of its label in the
	// wording catalogue. It never changes, so that old links keep working.
	Key      string
	Kind     SettingKind
	Min, Max float64
	// Choices names a Choice setting's values, indexed by value, as written
	// in a link ("lstm", "rnn"); the wording catalogue has a label for each
	// as Key+"."+name ("cell.lstm").
	Choices []string
	// Live is true when a change applies to the running model (the next
	// update uses it); otherwise a change makes a new model.
	Live bool
	Get  func(Config) float64
	Set  func(*Config, float64)
}

// Keys of the settings of Config (Setting.Key, ConfigError.Key).
const (
	KeyCell       = "cell"
	KeyLayers     = "layers"
	KeyHidden     = "h"
	KeySeqLen     = "seq"
	KeyLR         = "lr"
	KeyOptimizer  = "opt"
	KeyMomentum   = "mom"
	KeyClip       = "clip"
	KeyClipMode   = "clipmode"
	KeyInit       = "init"
	KeyForgetBias = "fbias"
	KeySeed       = "seed"
	// KeyTemperature names Model.Sample's temperature in a ConfigError; its
	// row is the page's (wasm/settings).
	KeyTemperature = "temp"
)

// settings is the registry of Config, in the order a person reads them.
var settings = [...]Setting{
	{Key: KeyCell, Kind: ChoiceSetting, Max: 1, Choices: []string{CellLSTM: "lstm", CellRNN: "rnn"},
		Get: func(c Config) float64 { return float64(c.Cell) }, Set: func(c *Config, v float64) { c.Cell = Cell(v) }},
	{Key: KeyLayers, Kind: WholeSetting, Min: 1, Max: MaxLayers,
		Get: func(c Config) float64 { return float64(c.Layers) }, Set: func(c *Config, v float64) { c.Layers = int(v) }},
	{Key: KeyHidden, Kind: WholeSetting, Min: 1, Max: MaxHidden,
		Get: func(c Config) float64 { return float64(c.Hidden) }, Set: func(c *Config, v float64) { c.Hidden = int(v) }},
	{Key: KeySeqLen, Kind: WholeSetting, Min: 1, Max: MaxSeqLen,
		Get: func(c Config) float64 { return float64(c.SeqLen) }, Set: func(c *Config, v float64) { c.SeqLen = int(v) }},
	{Key: KeyLR, Kind: NumberSetting, Min: MinLR, Max: MaxLR, Live: true,
		Get: func(c Config) float64 { return c.LearningRate }, Set: func(c *Config, v float64) { c.LearningRate = v }},
	{Key: KeyOptimizer, Kind: ChoiceSetting, Max: 2, Choices: []string{Adam: "adam", RMSProp: "rmsprop", SGD: "sgd"}, Live: true,
		Get: func(c Config) float64 { return float64(c.Optimizer) }, Set: func(c *Config, v float64) { c.Optimizer = Optimizer(v) }},
	{Key: KeyMomentum, Kind: NumberSetting, Max: MaxMomentum, Live: true,
		Get: func(c Config) float64 { return c.Momentum }, Set: func(c *Config, v float64) { c.Momentum = v }},
	{Key: KeyClip, Kind: NumberSetting, Max: MaxClip, Live: true,
		Get: func(c Config) float64 { return c.Clip }, Set: func(c *Config, v float64) { c.Clip = v }},
	{Key: KeyClipMode, Kind: ChoiceSetting, Max: 1, Choices: []string{ClipElement: "element", ClipNorm: "norm"}, Live: true,
		Get: func(c Config) float64 { return float64(c.ClipMode) }, Set: func(c *Config, v float64) { c.ClipMode = ClipMode(v) }},
	{Key: KeyInit, Kind: ChoiceSetting, Max: 1, Choices: []string{InitGlorot: "glorot", InitOrthogonal: "orthogonal"},
		Get: func(c Config) float64 { return float64(c.Init) }, Set: func(c *Config, v float64) { c.Init = Init(v) }},
	{Key: KeyForgetBias, Kind: NumberSetting, Min: -MaxForgetB, Max: MaxForgetB,
		Get: func(c Config) float64 { return c.ForgetBias }, Set: func(c *Config, v float64) { c.ForgetBias = v }},
	// Every uint64 is a valid seed; a page that keeps numbers in float64
	// narrows the range (wasm/settings).
	{Key: KeySeed, Kind: WholeSetting, Max: math.MaxUint64,
		Get: func(c Config) float64 { return float64(c.Seed) }, Set: setSeed},
}

// setSeed sets the seed to v, rounding Max (2⁶⁴, as a float64) down to the
// largest uint64.
func setSeed(c *Config, v float64) {
	if v >= math.MaxUint64 {
		c.Seed = math.MaxUint64
		return
	}
	c.Seed = uint64(v)
}

// Settings returns the registry of Config: one row per field, in the order a
// person reads them. The rows are copies; changing them changes nothing.
func Settings() []Setting {
	out := settings
	return out[:]
}

// SettingOf returns the row of key and whether there is one.
func SettingOf(key string) (Setting, bool) {
	for _, s := range settings {
		if s.Key == key {
			return s, true
		}
	}
	return Setting{}, false
}

// Check returns nil if v is a valid value of s (for a TextSetting, a valid
// length), and otherwise a *ConfigError.
func (s Setting) Check(v float64) error {
	if math.IsNaN(v) || v < s.Min || v > s.Max || (s.Kind != NumberSetting && v != math.Trunc(v)) {
		return &ConfigError{Key: s.Key, Kind: s.Kind, Value: v, Min: s.Min, Max: s.Max}
	}
	return nil
}
