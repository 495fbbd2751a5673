package classroom

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strings"

	"lstmplayground/lstm"
	"lstmplayground/wasm/settings"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/words"
)

// Class is a class as the service describes it.
type Class struct {
	ID, Title, Setup string
	Open             bool
	Expires          string // RFC 3339
	MaxEntries       int
	MaxNickname      int
	MaxSample        int
	MaxModelBytes    int
	LifetimeDays     int
	BoardDelay       int // seconds a new entry may take to appear on the board
}

// Entry is one student's entry on the board.
type Entry struct {
	ID, Nickname, Setup, Sample, Sent string
	Loss                              []float64
	Updates                           uint64
	ModelBytes                        int
	Unit                              *Unit
}

// LastLoss returns the entry's last loss, or NaN if it sent none.
func (e Entry) LastLoss() float64 {
	if len(e.Loss) == 0 {
		return math.NaN()
	}
	return e.Loss[len(e.Loss)-1]
}

// ErrShape is the error of an answer that does not have the service's shape.
var ErrShape = errors.New("classroom: the answer is not the class board's")

// ParseClass reads a class (GET /api/classes/{id}, the start's answer, the
// board's "class") from the plain values of its JSON.
func ParseClass(v any) (Class, error) {
	o, ok := v.(map[string]any)
	if !ok {
		return Class{}, ErrShape
	}
	c := Class{ID: str(o["id"]), Title: str(o["title"]), Setup: str(o["setup"]), Expires: str(o["expires"])}
	c.Open, _ = o["open"].(bool)
	if !share.ValidModelID(c.ID) {
		return Class{}, ErrShape
	}
	if l, ok := o["limits"].(map[string]any); ok {
		c.MaxEntries, c.MaxNickname, c.MaxSample = whole(l["maxEntries"]), whole(l["maxNicknameChars"]), whole(l["maxSampleChars"])
		c.MaxModelBytes, c.BoardDelay = whole(l["maxModelBytes"]), whole(l["boardDelaySeconds"])
		c.LifetimeDays = whole(l["lifetimeDays"])
	}
	return c, nil
}

// ParseBoard reads the board's answer (GET /api/classes/{id}/board).
// Entries that do not have the service's shape are left out.
func ParseBoard(v any) (Class, []Entry, error) {
	o, ok := v.(map[string]any)
	if !ok {
		return Class{}, nil, ErrShape
	}
	c, err := ParseClass(o["class"])
	if err != nil {
		return Class{}, nil, err
	}
	list, _ := o["entries"].([]any)
	entries := make([]Entry, 0, len(list))
	for _, x := range list {
		if e, ok := parseEntry(x); ok {
			entries = append(entries, e)
		}
	}
	return c, entries, nil
}

func parseEntry(v any) (Entry, bool) {
	o, ok := v.(map[string]any)
	if !ok {
		return Entry{}, false
	}
	e := Entry{ID: str(o["id"]), Nickname: str(o["nickname"]), Setup: str(o["setup"]), Sample: str(o["sample"]),
		Sent: str(o["sent"]), ModelBytes: whole(o["modelBytes"])}
	if u, ok := o["updates"].(float64); ok && u >= 0 && u < 1<<53 {
		e.Updates = uint64(u)
	}
	loss, _ := o["loss"].([]any)
	for _, x := range loss {
		if f, ok := x.(float64); ok && !math.IsNaN(f) && !math.IsInf(f, 0) {
			e.Loss = append(e.Loss, f)
		}
	}
	if u, ok := o["unit"].(map[string]any); ok {
		e.Unit = &Unit{Layer: whole(u["layer"]), Index: whole(u["index"])}
	}
	return e, share.ValidModelID(e.ID)
}

func str(v any) string { s, _ := v.(string); return s }

// whole returns v as an int if it is a whole number from 0 to 2⁵³, else 0.
func whole(v any) int {
	f, ok := v.(float64)
	if !ok || f < 0 || f > 1<<53 || f != math.Trunc(f) {
		return 0
	}
	return int(f)
}

// Orders of the board.
const (
	ByLoss    = "loss"    // the lowest last loss first (no loss last)
	ByUpdates = "updates" // the most updates first
	ByName    = "name"    // nickname, case-blind
	ByTime    = "time"    // the newest send first
)

// Orders lists the board's orders.
func Orders() []string { return []string{ByLoss, ByUpdates, ByName, ByTime} }

// Sort orders entries by one of Orders (ties by nickname, then id, so that
// the order is the same at every refresh).
func Sort(entries []Entry, by string) {
	// The sort runs on indices: slices' sort for int is in app.wasm anyway,
	// one for Entry would add 9 KB of code.
	idx := make([]int, len(entries))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return compare(&entries[i], &entries[j], by) })
	sorted := make([]Entry, len(entries))
	for k, i := range idx {
		sorted[k] = entries[i]
	}
	copy(entries, sorted)
}

// compare orders two entries for Sort.
func compare(a, b *Entry, by string) int {
	var c int
	switch by {
	case ByLoss:
		la, lb := a.LastLoss(), b.LastLoss()
		switch {
		case math.IsNaN(la) && math.IsNaN(lb):
		case math.IsNaN(la):
			c = 1
		case math.IsNaN(lb):
			c = -1
		default:
			c = cmp.Compare(la, lb)
		}
	case ByUpdates:
		c = cmp.Compare(b.Updates, a.Updates)
	case ByTime:
		c = cmp.Compare(b.Sent, a.Sent) // RFC 3339 in UTC sorts as text
	}
	if c == 0 {
		c = cmp.Compare(strings.ToLower(a.Nickname), strings.ToLower(b.Nickname))
	}
	if c == 0 {
		c = cmp.Compare(a.ID, b.ID)
	}
	return c
}

// Difference is one way an entry's setup differs from the class's: the
// setting's name and the entry's value, as a person reads them.
type Difference struct{ Label, Value string }

// Differences lists how the setup of an entry differs from the class's,
// in language l: the training data, then each setting of lstm.Config that
// differs. A setup that does not decode gives one difference, "Setup".
// decode reads a setup: share.Decode with a codec, or what it gave before.
func Differences(l words.Lang, decode func(setup string) (share.State, error), class, entry string) []Difference {
	c, err1 := decode(class)
	e, err2 := decode(entry)
	if err1 != nil || err2 != nil {
		return []Difference{{Label: words.Text(l, "class.setup"), Value: "?"}}
	}
	var out []Difference
	if c.Mode != e.Mode {
		m := settings.Must(settings.KeyMode)
		out = append(out, Difference{words.Label(l, settings.KeyMode), words.Choice(l, m, int(e.Mode))})
	}
	if c.Preset != e.Preset || c.Text != e.Text {
		v := words.Text(l, "class.ownText")
		if e.Preset != "" {
			v = words.PresetName(l, e.Preset)
		}
		out = append(out, Difference{words.Label(l, settings.KeyText), v})
	}
	for _, s := range settings.All() {
		if s.Get == nil || s.Get(c.Config) == s.Get(e.Config) {
			continue
		}
		v := s.Get(e.Config)
		val := words.Value(l, s.Kind, v)
		if s.Kind == lstm.ChoiceSetting {
			val = words.Choice(l, s, int(v))
		}
		out = append(out, Difference{words.Label(l, s.Key), val})
	}
	return out
}
