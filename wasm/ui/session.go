package ui

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/share"
)

// Setup is everything that reproduces a run on this page: what a share link
// and a saved session carry, and what the page's controls show.
type Setup struct {
	Preset      int    // index into the presets, or −1 for the person's own text
	Text        string // the training text (the preset's, or the person's)
	Mode        lstm.Kind
	Config      lstm.Config
	Probe       string // "" keeps the page's default probe
	Temperature float64
	Model       []byte // an lstm model file to load, or nil for a fresh model
}

// ViewOptions are a teacher link's options: controls to hide, a single chart
// to show, and the embed mode (share.State.Hide, Only and Embed).
type ViewOptions struct {
	Hide  []string
	Only  string
	Embed bool
}

// Hides reports whether the options hide the control name (share.HideNames).
func (o ViewOptions) Hides(name string) bool { return slices.Contains(o.Hide, name) }

// Field names of the keep-and-share alerts.
const (
	FieldShare = "Share link"
	FieldLink  = "link" // problems with the link or session the page was opened with
	FieldFresh = "Start fresh"
)

// ShareState returns the share link state of s with the view options o; the
// preset's id stands for its text.
func (s Setup) ShareState(presets []Preset, o ViewOptions) share.State {
	st := share.Default()
	if s.Preset >= 0 && s.Preset < len(presets) && presets[s.Preset].Text == s.Text && presets[s.Preset].Mode == s.Mode {
		st.Preset = presets[s.Preset].ID
	} else {
		st.Text = s.Text
	}
	st.Mode = s.Mode
	st.Config = s.Config
	st.Probe = s.Probe
	st.Temperature = s.Temperature
	st.Model = s.Model
	st.Hide, st.Only, st.Embed = o.Hide, o.Only, o.Embed
	return st
}

// SetupFromLink returns the setup and view options of a decoded share link.
// A link without text or preset keeps the page's first preset.
func SetupFromLink(st share.State, presets []Preset) (Setup, ViewOptions, error) {
	s := Setup{Preset: -1, Text: st.Text, Mode: st.Mode, Config: st.Config, Probe: st.Probe,
		Temperature: st.Temperature, Model: st.Model}
	switch {
	case st.Preset != "":
		i := PresetByID(presets, st.Preset)
		if i < 0 {
			ids := make([]string, len(presets))
			for k, p := range presets {
				ids[k] = p.ID
			}
			return Setup{}, ViewOptions{}, &FieldError{FieldLink, fmt.Sprintf("The link's Preset (preset=%s) cannot be used: this page has the presets %s.", st.Preset, strings.Join(ids, ", "))}
		}
		s.Preset, s.Text = i, presets[i].Text
		if presets[i].Mode != st.Mode {
			return Setup{}, ViewOptions{}, &FieldError{FieldLink, fmt.Sprintf("The link's Mode (mode=%s) does not fit its preset %s, which is in %s mode.", modeName(st.Mode), st.Preset, modeName(presets[i].Mode))}
		}
	case st.Text == "":
		// Settings only: the page's first preset of the link's mode.
		for i, p := range presets {
			if p.Mode == st.Mode {
				s.Preset, s.Text = i, p.Text
				break
			}
		}
	}
	return s, ViewOptions{Hide: st.Hide, Only: st.Only, Embed: st.Embed}, nil
}

func modeName(k lstm.Kind) string {
	if k == lstm.Numbers {
		return "numbers"
	}
	return "text"
}

// SharedKey is the key a share link adds for a model kept by the share
// service: "#v=1&…&shared=<id>". share.Decode passes over it (an unknown key
// of a versioned link), and the page fetches api/models/<id>.
const SharedKey = "shared"

// modelIDLen is the length of a share service model id: 128 random bits in
// lower-case base32 without padding.
const modelIDLen = 26

// ValidModelID reports whether id looks like a share service model id.
func ValidModelID(id string) bool {
	if len(id) != modelIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '2' <= c && c <= '7') {
			return false
		}
	}
	return true
}

// SharedID returns the share service model id a link fragment names, "" if it
// names none, and an error if the id is malformed.
func SharedID(fragment string) (string, error) {
	f := strings.TrimPrefix(strings.TrimSpace(fragment), "#")
	for piece := range strings.SplitSeq(f, "&") {
		k, v, _ := strings.Cut(piece, "=")
		if strings.ToLower(k) != SharedKey {
			continue
		}
		if !ValidModelID(v) {
			return "", &FieldError{FieldLink, fmt.Sprintf("The link's shared model (%s=%s) cannot be used: a model id is %d letters and digits 2 to 7. Copy the link again.", SharedKey, shortValue(v), modelIDLen)}
		}
		return v, nil
	}
	return "", nil
}

// WithSharedID returns a link fragment that names the shared model id.
func WithSharedID(fragment, id string) string {
	return fragment + "&" + SharedKey + "=" + id
}

func shortValue(v string) string {
	if r := []rune(v); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return v
}

// ---- the saved session ----

// SessionVersion is the version of the saved session record.
const SessionVersion = 1

// MaxSavedLosses is the most losses a saved session keeps (the newest).
const MaxSavedLosses = 50_000

// Session is what the page keeps in the browser (IndexedDB) as training goes,
// so that a reload or a crashed tab comes back where it was. It is stored as
// JSON; the settings travel as a share link fragment (versioned and checked
// by package share), the model as its lstm model file.
type Session struct {
	Version   int    `json:"v"`
	Tab       string `json:"tab"`            // the tab that saved it
	Saved     int64  `json:"saved"`          // when, in ms since 1970
	Link      string `json:"link,omitempty"` // the share link fragment the tab was opened with
	Settings  string `json:"settings"`       // share fragment: mode, configuration, temperature
	Preset    string `json:"preset,omitempty"`
	Text      string `json:"text,omitempty"` // the person's own text (no preset)
	Probe     string `json:"probe,omitempty"`
	Prime     string `json:"prime,omitempty"`
	Model     []byte `json:"model,omitempty"` // lstm model file
	Updates   uint64 `json:"updates"`
	LossFirst uint64 `json:"lossFirst,omitempty"`
	Losses    []byte `json:"losses,omitempty"` // float32 little-endian, of updates LossFirst …
	Compare   bool   `json:"compare,omitempty"`
}

// NewSession returns the session record of a setup (its Model included) and
// loss history.
func NewSession(s Setup, presets []Preset, updates uint64, losses *LossHistory) (Session, error) {
	st := s.ShareState(presets, ViewOptions{})
	rec := Session{Version: SessionVersion, Probe: s.Probe, Model: s.Model, Updates: updates}
	if st.Preset != "" {
		rec.Preset = st.Preset
	} else {
		rec.Text = s.Text
	}
	st.Preset, st.Text, st.Probe, st.Model = "", "", "", nil
	f, err := st.Encode()
	if err != nil {
		return Session{}, err
	}
	rec.Settings = f
	if losses != nil && losses.Len() > 0 {
		raw := losses.Raw
		first := losses.First
		if len(raw) > MaxSavedLosses {
			first += uint64(len(raw) - MaxSavedLosses)
			raw = raw[len(raw)-MaxSavedLosses:]
		}
		rec.LossFirst = first
		rec.Losses = make([]byte, 4*len(raw))
		for i, v := range raw {
			binary.LittleEndian.PutUint32(rec.Losses[4*i:], math.Float32bits(v))
		}
	}
	return rec, nil
}

// Marshal returns the record as JSON.
func (r Session) Marshal() (string, error) {
	b, err := json.Marshal(r)
	return string(b), err
}

// ErrNewerSession is returned for a session saved by a newer version of the page.
var ErrNewerSession = errors.New("the saved session was made by a newer version of LSTM Playground")

// ParseSession reads a saved record and returns it with its setup. Anything
// that does not check out is an error: the page then starts afresh and
// changes nothing.
func ParseSession(data string, presets []Preset) (Session, Setup, error) {
	var r Session
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		return Session{}, Setup{}, fmt.Errorf("the saved session is damaged: %v", err)
	}
	switch {
	case r.Version > SessionVersion:
		return Session{}, Setup{}, ErrNewerSession
	case r.Version != SessionVersion:
		return Session{}, Setup{}, fmt.Errorf("the saved session has an unknown version %d", r.Version)
	case len(r.Losses)%4 != 0 || len(r.Losses) > 4*MaxSavedLosses:
		return Session{}, Setup{}, errors.New("the saved session's loss history is damaged")
	case len(r.Model) > protocol.MaxModelFile:
		return Session{}, Setup{}, errors.New("the saved session's model is too large")
	}
	st, err := share.Decode(r.Settings)
	if err != nil {
		return Session{}, Setup{}, fmt.Errorf("the saved session's settings cannot be used: %v", err)
	}
	st.Preset, st.Text, st.Probe, st.Model = r.Preset, r.Text, r.Probe, r.Model
	if st.Preset != "" && st.Text != "" {
		return Session{}, Setup{}, errors.New("the saved session has both a preset and a text")
	}
	if st.Preset == "" && st.Text == "" {
		return Session{}, Setup{}, errors.New("the saved session has no training text")
	}
	s, _, err := SetupFromLink(st, presets)
	if err != nil {
		return Session{}, Setup{}, err
	}
	if err := CheckText(s.Text, s.Mode); err != nil {
		return Session{}, Setup{}, err
	}
	return r, s, nil
}

// LossHistory returns the saved losses as a history.
func (r Session) LossHistory() LossHistory {
	var h LossHistory
	n := len(r.Losses) / 4
	if n == 0 {
		return h
	}
	raw := make([]float32, n)
	for i := range raw {
		raw[i] = math.Float32frombits(binary.LittleEndian.Uint32(r.Losses[4*i:]))
	}
	h.Add(r.LossFirst+uint64(n)-1, raw)
	return h
}
