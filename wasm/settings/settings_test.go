package settings

import (
	"testing"

	"lstmplayground/lstm"
)

// TestRows: every key once; lstm's rows all present, with the page's seed
// range; a row has Get and Set exactly when it is a field of lstm.Config.
func TestRows(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range All() {
		if seen[s.Key] {
			t.Errorf("key %q twice", s.Key)
		}
		seen[s.Key] = true
		_, inConfig := lstm.SettingOf(s.Key)
		if (s.Get != nil) != inConfig || (s.Set != nil) != inConfig {
			t.Errorf("%s: Get/Set set %v, %v; a field of lstm.Config: %v", s.Key, s.Get != nil, s.Set != nil, inConfig)
		}
		if s.Min > s.Max {
			t.Errorf("%s: range %v to %v", s.Key, s.Min, s.Max)
		}
		if got, ok := Of(s.Key); !ok || got.Key != s.Key {
			t.Errorf("Of(%q) = %v, %v", s.Key, got.Key, ok)
		}
	}
	for _, s := range lstm.Settings() {
		if !seen[s.Key] {
			t.Errorf("lstm's %q is missing", s.Key)
		}
	}
	if seed := Must(lstm.KeySeed); seed.Max != MaxSeed || float64(int64(seed.Max)) != seed.Max {
		t.Errorf("seed range up to %v, want %v", seed.Max, float64(MaxSeed))
	}
	if _, ok := Of("nope"); ok {
		t.Error("Of found a key that does not exist")
	}
	rows := All()
	rows[0].Key = "changed"
	if All()[0].Key == "changed" {
		t.Error("All returns the table itself")
	}
}
