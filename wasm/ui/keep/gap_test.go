package keep

import (
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/lesson"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/share/goflate"
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
	f, err := st.Encode(goflate.Codec{})
	if err != nil {
		t.Fatal(err)
	}
	back, err := share.Decode(f, goflate.Codec{})
	if err != nil || back.Gap != 17 {
		t.Fatalf("Decode(%q) = gap %d, %v", f, back.Gap, err)
	}
	// A page (or a saved session read back) whose preset is still at the
	// default gap: the setup trains the link's gap, and says which.
	fresh := content.All(words.English)
	got, _, err := SetupFromLink(back, fresh)
	if err != nil || got.Text != presets[i].Text || got.Gap != 17 || got.Preset != i {
		t.Errorf("SetupFromLink: %v, gap %d, preset %d, the text of the gap 17 preset: %v", err, got.Gap, got.Preset, got.Text == presets[i].Text)
	}
	if old, _, err := SetupFromLink(share.State{Preset: content.GapID, Mode: back.Mode, Config: back.Config}, fresh); err != nil || old.Gap != 0 || old.Text != fresh[i].Text {
		t.Errorf("a link without gap=: %v, gap %d, the default preset's text: %v", err, old.Gap, old.Text == fresh[i].Text)
	}
	if other := (Setup{Preset: 0, Text: presets[0].Text, Mode: presets[0].Mode}).ShareState(presets, ViewOptions{}); other.Gap != 0 {
		t.Errorf("preset %q carries gap %d", other.Preset, other.Gap)
	}
}
