package lstm

import (
	"errors"
	"reflect"
	"testing"
)

// TestSettingsCoverConfig: every field of Config has exactly one row, whose
// Set changes that field only and whose Get reads it back.
func TestSettingsCoverConfig(t *testing.T) {
	rows := Settings()
	if n := reflect.TypeFor[Config]().NumField(); len(rows) != n {
		t.Fatalf("%d rows for %d fields of Config", len(rows), n)
	}
	keys := map[string]bool{}
	fields := map[string]bool{}
	for _, s := range rows {
		if keys[s.Key] {
			t.Errorf("key %q twice", s.Key)
		}
		keys[s.Key] = true
		c := DefaultConfig()
		v := s.Max // a valid value, different from the default's for every row
		if v == s.Get(c) {
			v = s.Min
		}
		s.Set(&c, v)
		if got := s.Get(c); got != v {
			t.Errorf("%s: Set(%v) then Get = %v", s.Key, v, got)
		}
		if err := s.Check(v); err != nil {
			t.Errorf("%s: Check(%v) = %v", s.Key, v, err)
		}
		a, b := reflect.ValueOf(DefaultConfig()), reflect.ValueOf(c)
		changed := 0
		for i := range a.NumField() {
			if !a.Field(i).Equal(b.Field(i)) {
				changed++
				fields[a.Type().Field(i).Name] = true
			}
		}
		if changed != 1 {
			t.Errorf("%s: Set changed %d fields", s.Key, changed)
		}
		if s.Kind == ChoiceSetting && len(s.Choices) != int(s.Max)+1 {
			t.Errorf("%s: %d choices for the range %v to %v", s.Key, len(s.Choices), s.Min, s.Max)
		}
	}
	if len(fields) != len(rows) {
		t.Errorf("the rows set %d distinct fields, want %d", len(fields), len(rows))
	}
	// Changing the copy changes nothing.
	rows[0].Key = "changed"
	if Settings()[0].Key == "changed" {
		t.Error("Settings returns the table itself")
	}
}

func TestSettingCheck(t *testing.T) {
	h, _ := SettingOf(KeyHidden)
	var ce *ConfigError
	if err := h.Check(2.5); !errors.As(err, &ce) || ce.Key != KeyHidden || ce.Kind != WholeSetting || ce.Min != 1 || ce.Max != MaxHidden {
		t.Errorf("Hidden 2.5: %v", err)
	}
	if _, ok := SettingOf("nope"); ok {
		t.Error("SettingOf found a setting that does not exist")
	}
	live := map[string]bool{}
	for _, s := range Settings() {
		live[s.Key] = s.Live
	}
	for _, k := range []string{KeyLR, KeyOptimizer, KeyMomentum, KeyClip, KeyClipMode} {
		if !live[k] {
			t.Errorf("%s is not live", k)
		}
	}
	for _, k := range []string{KeyCell, KeyLayers, KeyHidden, KeySeqLen, KeyForgetBias, KeySeed} {
		if live[k] {
			t.Errorf("%s is live", k)
		}
	}
}

// TestUnknownRuneErrors: Encode and NewTrainer name the character and its
// first position, and match ErrUnknownRune.
func TestUnknownRuneErrors(t *testing.T) {
	d := mustText(t, "abab")
	_, err := d.Vocab.Encode("ab🙂a")
	ue, ok := errors.AsType[*UnknownRuneError](err)
	if !ok || ue.Rune != '🙂' || ue.Pos != 3 || !errors.Is(err, ErrUnknownRune) {
		t.Errorf("Encode: %v", err)
	}
	cfg := DefaultConfig()
	cfg.Hidden = 2
	m, err := NewModel(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewTrainer(m, mustText(t, "abbacab"))
	ue, ok = errors.AsType[*UnknownRuneError](err)
	if !ok || ue.Rune != 'c' || ue.Pos != 5 || !errors.Is(err, ErrUnknownRune) {
		t.Errorf("NewTrainer: %v", err)
	}
}
