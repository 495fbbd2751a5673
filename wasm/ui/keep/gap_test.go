package keep

import (
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/lesson"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/words"
)

// TestGapInLink: a link to the memory-gap preset carries its gap, and a
// page whose preset has that gap opens the link with the preset's text; the
// other presets carry none.
func TestGapInLink(t *testing.T) {
	if share.MaxGap != lesson.MaxGap {
		t.Errorf("share.MaxGap %d, lesson.MaxGap %d", share.MaxGap, lesson.MaxGap)
	}
	presets := content.All(words.English)
	i := content.PresetByID(presets, content.GapID)
	if i < 0 {
		t.Fatal("no memory-gap preset")
	}
	presets[i] = content.GapPreset(17)
	s := Setup{Preset: i, Text: presets[i].Text, Mode: presets[i].Mode, Config: lstm.DefaultConfig(), Temperature: 1}
	st := s.ShareState(presets, ViewOptions{})
	if st.Preset != content.GapID || st.Gap != 17 {
		t.Fatalf("ShareState: preset %q gap %d, want %q and 17", st.Preset, st.Gap, content.GapID)
	}
	f, err := st.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := share.Decode(f)
	if err != nil || back.Gap != 17 {
		t.Fatalf("Decode(%q) = gap %d, %v", f, back.Gap, err)
	}
	got, _, err := SetupFromLink(back, presets)
	if err != nil || got.Text != presets[i].Text {
		t.Errorf("SetupFromLink: %v, text of the gap %d preset: %v", err, 17, got.Text == presets[i].Text)
	}
	if other := (Setup{Preset: 0, Text: presets[0].Text, Mode: presets[0].Mode}).ShareState(presets, ViewOptions{}); other.Gap != 0 {
		t.Errorf("preset %q carries gap %d", other.Preset, other.Gap)
	}
}
