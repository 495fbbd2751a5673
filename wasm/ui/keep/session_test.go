package keep

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/share/goflate"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/present"
)

func TestSetupLinkRoundTrip(t *testing.T) {
	ps := content.Presets()
	cfg := lstm.DefaultConfig()
	cfg.Hidden, cfg.Cell = 8, lstm.CellRNN
	for _, s := range []Setup{
		{Preset: 2, Text: ps[2].Text, Mode: lstm.Text, Config: cfg, Probe: "aaXbb\n", Temperature: 0.5},
		{Preset: -1, Text: "hello <b>world</b> & 你好", Mode: lstm.Text, Config: cfg, Temperature: 0},
		{Preset: 4, Text: ps[4].Text, Mode: lstm.Numbers, Config: cfg, Probe: "0, 1", Temperature: 0.8},
	} {
		opts := ViewOptions{Hide: []string{share.HideData}, Only: share.ChartLoss, Embed: true}
		frag, err := s.ShareState(ps, opts).Encode(goflate.Codec{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := share.Decode("#"+frag, goflate.Codec{})
		if err != nil {
			t.Fatal(err)
		}
		got, gotOpts, err := SetupFromLink(st, ps)
		if err != nil {
			t.Fatal(err)
		}
		if got.Preset != s.Preset || got.Text != s.Text || got.Mode != s.Mode || got.Config != s.Config || got.Probe != s.Probe || got.Temperature != s.Temperature {
			t.Errorf("round trip: got %+v, want %+v", got, s)
		}
		if !gotOpts.Embed || gotOpts.Only != share.ChartLoss || !gotOpts.Hides(share.HideData) {
			t.Errorf("view options %+v", gotOpts)
		}
		if s.Preset >= 0 && strings.Contains(frag, "text=") {
			t.Errorf("a preset's link carries its text: %s", frag)
		}
	}
}

func TestSetupFromLinkErrors(t *testing.T) {
	ps := content.Presets()
	st := share.Default()
	st.Preset = "nope"
	if _, _, err := SetupFromLink(st, ps); err == nil || !strings.Contains(err.Error(), "rhyme") {
		t.Errorf("unknown preset: %v", err)
	}
	st.Preset, st.Mode = "rhyme", lstm.Numbers
	if _, _, err := SetupFromLink(st, ps); err == nil {
		t.Error("a text preset in numbers mode is accepted")
	}
	// settings only: the first preset of the mode
	st = share.Default()
	st.Mode = lstm.Numbers
	s, _, err := SetupFromLink(st, ps)
	if err != nil || s.Preset < 0 || ps[s.Preset].Mode != lstm.Numbers {
		t.Errorf("settings-only link: %+v, %v", s, err)
	}
}

func TestSessionRoundTrip(t *testing.T) {
	ps := content.Presets()
	var h client.LossHistory
	h.Add(5, []float32{3, 2.5, float32(math.NaN()), 2, 1.5})
	s := Setup{Preset: -1, Text: "abcabd abcabd", Mode: lstm.Text, Config: lstm.DefaultConfig(), Probe: "abc", Temperature: 0.7, Model: []byte{1, 2, 3}}
	rec, err := NewSession(s, ps, 5, &h)
	if err != nil {
		t.Fatal(err)
	}
	rec.Tab, rec.Saved, rec.Link = "tab1", 42, "v=1&preset=rhyme"
	data := rec.Marshal()
	got, gs, err := ParseSession(data, ps)
	if err != nil {
		t.Fatal(err)
	}
	if gs.Text != s.Text || gs.Probe != s.Probe || gs.Config != s.Config || gs.Temperature != s.Temperature || string(gs.Model) != string(s.Model) {
		t.Errorf("setup %+v, want %+v", gs, s)
	}
	if got.Tab != "tab1" || got.Saved != 42 || got.Link != rec.Link || got.Updates != 5 {
		t.Errorf("record %+v", got)
	}
	gh := got.LossHistory()
	if gh.First != 1 || gh.Len() != 5 || gh.Entries[4].Raw != 1.5 || !math.IsNaN(float64(gh.Entries[2].Raw)) || !slices.EqualFunc(gh.Entries, h.Entries, sameEntry) {
		t.Errorf("losses %+v", gh)
	}
	if got.HiddenPause {
		t.Error("Pause when hidden, not chosen")
	}
	// A long run: the bounded history, every entry as it was, and the
	// setting "When this tab is hidden".
	var long client.LossHistory
	addInChunks(&long, lossRun(4*client.MaxLossEntries), 30)
	rec, _ = NewSession(s, ps, long.Next()-1, &long)
	rec.HiddenPause = true
	got, _, err = ParseSession(rec.Marshal(), ps)
	if err != nil {
		t.Fatal(err)
	}
	if lh := got.LossHistory(); !slices.EqualFunc(lh.Entries, long.Entries, sameEntry) || lh.First != 1 || lh.Next() != long.Next() || !got.HiddenPause {
		t.Errorf("a long run's history: %d entries to update %d, pause %v; want %d to %d", lh.Len(), lh.Next()-1, got.HiddenPause, long.Len(), long.Next()-1)
	}
	// a preset's session keeps its id, not its text
	rec2, _ := NewSession(Setup{Preset: 0, Text: ps[0].Text, Mode: lstm.Text, Config: lstm.DefaultConfig(), Temperature: 0.8}, ps, 0, nil)
	if rec2.Preset != "rhyme" || rec2.Text != "" {
		t.Errorf("preset session %+v", rec2)
	}
}

func TestParseSessionRefuses(t *testing.T) {
	ps := content.Presets()
	good, _ := NewSession(Setup{Preset: 0, Text: ps[0].Text, Mode: lstm.Text, Config: lstm.DefaultConfig(), Temperature: 0.8}, ps, 0, nil)
	for name, edit := range map[string]func(r *Session){
		"losses":   func(r *Session) { r.Losses = []byte{1, 2, 3} },
		"settings": func(r *Session) { r.Settings = "v=1&h=9999" },
		"both":     func(r *Session) { r.Text = "abc" },
		"none":     func(r *Session) { r.Preset = "" },
		"preset":   func(r *Session) { r.Preset = "gone" },
	} {
		r := good
		edit(&r)
		if _, _, err := ParseSession(r.Marshal(), ps); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	b := good.Marshal()
	newer := append([]byte(nil), b...)
	newer[3] = SessionVersion + 1
	if _, _, err := ParseSession(newer, ps); !errors.Is(err, ErrNewerSession) {
		t.Errorf("newer: %v", err)
	}
	// every truncation and a trailing byte are refused
	for n := range len(b) {
		if _, _, err := ParseSession(b[:n], ps); err == nil {
			t.Errorf("truncated to %d bytes: accepted", n)
		}
	}
	if _, _, err := ParseSession(append(b, 0), ps); err == nil {
		t.Error("a trailing byte is accepted")
	}
	for _, data := range []string{"", "{", "LPS", "LPS\x01"} {
		if _, _, err := ParseSession([]byte(data), ps); err == nil {
			t.Errorf("%q accepted", data)
		}
	}
}

// TestSessionVersion1 reads a session saved by the page before the loss
// history was bounded: a float32 per update, no setting for hidden tabs.
func TestSessionVersion1(t *testing.T) {
	ps := content.Presets()
	rec, err := NewSession(Setup{Preset: 0, Text: ps[0].Text, Mode: lstm.Text, Config: lstm.DefaultConfig(), Temperature: 0.8}, ps, 9, nil)
	if err != nil {
		t.Fatal(err)
	}
	losses := []float32{3, 2.5, float32(math.NaN()), 2}
	rec.LossFirst = 6
	rec.Losses = nil
	for _, l := range losses {
		rec.Losses = binary.LittleEndian.AppendUint32(rec.Losses, math.Float32bits(l))
	}
	b := rec.Marshal()
	b = b[:len(b)-1] // version 1 ends after Compare
	b[3] = 1
	got, _, err := ParseSession(b, ps)
	if err != nil {
		t.Fatal(err)
	}
	h := got.LossHistory()
	if h.First != 6 || h.Len() != 4 || h.Entries[3].Raw != 2 || !math.IsNaN(float64(h.Entries[2].Raw)) || h.Entries[0].Smooth != 3 || got.HiddenPause {
		t.Errorf("version 1 losses: first %d, %+v", h.First, h.Entries)
	}
	if _, _, err := ParseSession(got.Marshal(), ps); err != nil {
		t.Errorf("a version 1 session saved again is refused: %v", err)
	}
	b[len(b)-5] ^= 0xff // a loss byte: still a float32 list
	if _, _, err := ParseSession(append(b[:len(b)-1:len(b)-1], 0, 0), ps); err == nil {
		t.Error("version 1 with a byte too many is accepted")
	}
}

func FuzzParseSession(f *testing.F) {
	ps := content.Presets()
	good, _ := NewSession(Setup{Preset: -1, Text: "abc abd", Mode: lstm.Text, Config: lstm.DefaultConfig(), Temperature: 0.8, Model: []byte{1}}, ps, 3, nil)
	f.Add(good.Marshal())
	f.Add([]byte("LPS\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, s, err := ParseSession(b, ps)
		if err != nil {
			if r.Tab != "" || s.Text != "" {
				t.Error("a value and an error")
			}
			return
		}
		if err := present.CheckText(s.Text, s.Mode); err != nil {
			t.Errorf("accepted a bad text: %v", err)
		}
		if _, _, err := ParseSession(r.Marshal(), ps); err != nil {
			t.Errorf("re-encoded record refused: %v", err)
		}
	})
}

// Loss-history helpers for the session tests (the history is client.LossHistory).

func lossRun(n int) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(3*math.Exp(-float64(i)/float64(n/4+1)) + 0.5*math.Abs(math.Sin(float64(i)*0.37)))
		if i%9973 == 17 {
			out[i] = float32(math.NaN())
		}
	}
	return out
}

func addInChunks(h *client.LossHistory, losses []float32, chunk int) {
	for i := 0; i < len(losses); i += chunk {
		j := min(i+chunk, len(losses))
		h.Add(uint64(j), losses[i:j])
	}
}

func sameEntry(a, b client.LossEntry) bool {
	eq := func(x, y float32) bool { return x == y || math.IsNaN(float64(x)) && math.IsNaN(float64(y)) }
	return a.Span == b.Span && a.N == b.N && eq(a.Raw, b.Raw) && eq(a.Lo, b.Lo) && eq(a.Hi, b.Hi) && eq(a.Smooth, b.Smooth)
}
