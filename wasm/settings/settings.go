// Package settings is the page's registry of settings: lstm's rows
// (lstm.Settings, one per field of lstm.Config) and the page's own — the
// mode, the training text, the seed's page range, the temperature, the
// generate length, the probe and the prime. Every row has the key of the
// share link, the kind and range of its values, and whether a change keeps
// the model (Live). Labels and range sentences come from wasm/words by key.
//
// Adding a setting is one row here (or in lstm/settings.go for a field of
// lstm.Config) and its control on the page.
package settings

import "lstmplayground/lstm"

// Keys of the page's own settings (lstm.Key* are lstm.Config's).
const (
	KeyMode        = "mode"
	KeyText        = "text"
	KeyTemperature = lstm.KeyTemperature
	KeyLength      = "length"
	KeyProbe       = "probe"
	KeyPrime       = "prime"
)

// MaxSeed is the largest seed the page takes: the largest whole number a
// float64 (a number field, JSON, a link) holds exactly.
const MaxSeed = 1<<53 - 1

// MaxGenerate is the most characters or values one Generate asks for.
const MaxGenerate = lstm.MaxSample

// rows is the registry: the page's order, lstm's rows in between.
var rows = func() []lstm.Setting {
	out := []lstm.Setting{
		{Key: KeyMode, Kind: lstm.ChoiceSetting, Max: 1, Choices: []string{lstm.Text: "text", lstm.Numbers: "numbers"}},
		{Key: KeyText, Kind: lstm.TextSetting, Max: lstm.MaxTextChars},
	}
	for _, s := range lstm.Settings() {
		if s.Key == lstm.KeySeed {
			s.Max = MaxSeed
		}
		out = append(out, s)
	}
	return append(out,
		lstm.Setting{Key: KeyTemperature, Kind: lstm.NumberSetting, Max: lstm.MaxTemperature, Live: true},
		lstm.Setting{Key: KeyLength, Kind: lstm.WholeSetting, Min: 1, Max: MaxGenerate, Live: true},
		lstm.Setting{Key: KeyProbe, Kind: lstm.TextSetting, Max: lstm.MaxProbe, Live: true},
		lstm.Setting{Key: KeyPrime, Kind: lstm.TextSetting, Max: lstm.MaxProbe, Live: true},
	)
}()

// All returns every row, in the order a person reads them. Rows that are not
// fields of lstm.Config have nil Get and Set. The slice is a copy.
func All() []lstm.Setting { return append([]lstm.Setting(nil), rows...) }

// Of returns the row of key and whether there is one.
func Of(key string) (lstm.Setting, bool) {
	for _, s := range rows {
		if s.Key == key {
			return s, true
		}
	}
	return lstm.Setting{}, false
}

// Must returns the row of key; it panics if there is none (a programming
// error: keys are constants).
func Must(key string) lstm.Setting {
	s, ok := Of(key)
	if !ok {
		panic("settings: no setting " + key)
	}
	return s
}
