package classroom

import (
	"encoding/base64"
	"math"
	"slices"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/share/goflate"
	"lstmplayground/wasm/words"
)

func TestDecimate(t *testing.T) {
	loss := make([]float64, 1234)
	for i := range loss {
		loss[i] = float64(i)
	}
	loss[7] = math.NaN()
	loss[8] = math.Inf(1)
	got := Decimate(loss, 500)
	if len(got) != 500 || got[0] != 0 || got[499] != 1233 {
		t.Fatalf("len %d, first %v, last %v", len(got), got[0], got[len(got)-1])
	}
	for i := 1; i < len(got); i++ {
		if !(got[i] > got[i-1]) || math.IsNaN(got[i]) || got[i] == 7 || got[i] == 8 {
			t.Fatalf("point %d: %v after %v", i, got[i], got[i-1])
		}
	}
	if got := Decimate([]float64{3, math.NaN(), 1}, 500); !slices.Equal(got, []float64{3, 1}) {
		t.Fatalf("short: %v", got)
	}
}

func TestBody(t *testing.T) {
	model := []byte{1, 2, 3, 250}
	loss := make([]float64, 2000)
	b := Send{Token: "t", Nickname: "  <b>x</b> ", Setup: "v=1", Model: model, Loss: loss, Updates: 42,
		Sample: "abcdé", Unit: &Unit{1, 3}}.Body(4)
	if b["nickname"] != "<b>x</b>" || b["sample"] != "abcd" || b["updates"] != 42.0 {
		t.Fatalf("body %v", b)
	}
	if m, _ := base64.StdEncoding.DecodeString(b["model"].(string)); !slices.Equal(m, model) {
		t.Fatalf("model %v", b["model"])
	}
	if n := len(b["loss"].([]any)); n != MaxLossPoints {
		t.Fatalf("%d loss points", n)
	}
	if u := b["unit"].(map[string]any); u["layer"] != 1.0 || u["index"] != 3.0 {
		t.Fatalf("unit %v", u)
	}
	if _, ok := (Send{}).Body(0)["model"]; ok {
		t.Fatal("a send without a model has a model field")
	}
}

func TestNickname(t *testing.T) {
	for nick, want := range map[string]string{
		"Ana": "", " 小明 🙂 ": "", "": "class.nickEmpty", "   ": "class.nickEmpty", "\u3000\u200d": "class.nickEmpty", "<b>x</b>": "", "'; DROP": "", "🙂": "",
		"a\nb": "class.nickBadChar", "a\u202eb": "class.nickBadChar", "abcdefghi": "class.nickLong",
	} {
		if got := NicknameProblem(nick, 8); got != want {
			t.Errorf("NicknameProblem(%q) = %q, want %q", nick, got, want)
		}
	}
}

func TestToken(t *testing.T) {
	var r [16]byte
	if got := Token(r); got != "aaaaaaaaaaaaaaaaaaaaaaaaaa" {
		t.Fatalf("zero token %q", got)
	}
	for i := range r {
		r[i] = 0xff
	}
	tok := Token(r)
	if !share.ValidModelID(tok) || tok[:25] != "7777777777777777777777777" || tok[25] != '4' {
		t.Fatalf("all-ones token %q", tok)
	}
}

func TestParseBoardAndSort(t *testing.T) {
	id := func(c byte) string { return string(slices.Repeat([]byte{c}, 26)) }
	entry := func(c byte, nick string, loss []any, upd float64, sent string) any {
		return map[string]any{"id": id(c), "nickname": nick, "loss": loss, "updates": upd, "sent": sent, "setup": "v=1"}
	}
	v := map[string]any{
		"class": map[string]any{"id": id('c'), "title": "T", "open": true, "limits": map[string]any{"maxEntries": 200.0, "boardDelaySeconds": 60.0}},
		"entries": []any{
			entry('a', "bo", []any{3.0, 2.0}, 10, "2026-01-01T10:00:02.000Z"),
			entry('b', "Al", []any{3.0, 1.5}, 30, "2026-01-01T10:00:01.000Z"),
			entry('d', "cy", []any{}, 20, "2026-01-01T10:00:03.000Z"),
			map[string]any{"id": "../x", "nickname": "bad"},
			"not an entry",
		},
	}
	c, es, err := ParseBoard(v)
	if err != nil || c.Title != "T" || !c.Open || c.MaxEntries != 200 || c.BoardDelay != 60 || len(es) != 3 {
		t.Fatalf("%+v %d %v", c, len(es), err)
	}
	names := func() (s []string) {
		for _, e := range es {
			s = append(s, e.Nickname)
		}
		return
	}
	for by, want := range map[string][]string{ByLoss: {"Al", "bo", "cy"}, ByUpdates: {"Al", "cy", "bo"}, ByName: {"Al", "bo", "cy"}, ByTime: {"cy", "bo", "Al"}} {
		Sort(es, by)
		if got := names(); !slices.Equal(got, want) {
			t.Errorf("by %s: %v, want %v", by, got, want)
		}
	}
	if _, _, err := ParseBoard(map[string]any{"class": map[string]any{"id": "x"}}); err == nil {
		t.Fatal("a class with a bad id was read")
	}
}

func TestDifferences(t *testing.T) {
	base := share.Default()
	base.Preset = "rhyme"
	other := base
	other.Config.Hidden = 64
	other.Config.Cell = lstm.CellRNN
	other.Preset = ""
	other.Text = "hello"
	f1, _ := base.Encode(goflate.Codec{})
	f2, _ := other.Encode(goflate.Codec{})
	decode := func(f string) (share.State, error) { return share.Decode(f, goflate.Codec{}) }
	if d := Differences(words.English, decode, f1, f1); len(d) != 0 {
		t.Fatalf("same setup: %v", d)
	}
	d := Differences(words.English, decode, f1, f2)
	want := []Difference{{"Training text", words.Text(words.English, "class.ownText")}, {"Cell", "RNN"}, {"Hidden units", "64"}}
	if !slices.Equal(d, want) {
		t.Fatalf("got %v, want %v", d, want)
	}
	// A setup whose text does not inflate: one difference, the setup.
	bad := "v=1&text=" + strings.Repeat("A", 8)
	d = Differences(words.English, decode, f1, bad)
	want = []Difference{{words.Text(words.English, "class.setup"), "?"}}
	if !slices.Equal(d, want) {
		t.Fatalf("a setup that does not decode: got %v, want %v", d, want)
	}
}

func TestProblemAndBackoff(t *testing.T) {
	if p := ProblemOf(409, "class_closed"); !p.Final || p.Retry {
		t.Fatalf("closed: %+v", p)
	}
	for _, st := range []int{0, 429, 503} {
		if !ProblemOf(st, "").Retry {
			t.Errorf("status %d is not retried", st)
		}
	}
	if ProblemOf(400, "bad_nickname").Retry {
		t.Error("a bad nickname is retried")
	}
	if got := Backoff(1, 3, 0, 30000); got != 3000 {
		t.Errorf("Retry-After 3: %d", got)
	}
	if a, b, c := Backoff(1, 0, 0, 30000), Backoff(3, 0, 0, 30000), Backoff(20, 0, 0.999, 30000); a != 1000 || b != 4000 || c > 37500 || c < 30000 {
		t.Errorf("back-off %d %d %d", a, b, c)
	}
	if PollMs(0, 0) != 5000 || PollMs(1, 0) != 7500 || PollMs(50, 0) != 60000 {
		t.Errorf("poll %d %d %d", PollMs(0, 0), PollMs(1, 0), PollMs(50, 0))
	}
	// On Workers (a new entry may take 60 s to be listed) the board waits
	// 10 s after a change, then longer as natively.
	if PollMs(0, 60) != 10000 || PollMs(1, 60) != 15000 || PollMs(50, 60) != 60000 || PollMs(0, 3600) != 60000 {
		t.Errorf("poll on Workers %d %d %d %d", PollMs(0, 60), PollMs(1, 60), PollMs(50, 60), PollMs(0, 3600))
	}
}
