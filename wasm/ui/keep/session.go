package keep

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/client"
	"lstmplayground/wasm/protocol"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/ui/content"
	"lstmplayground/wasm/ui/present"
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
	Gap         int    // the memory-gap preset's gap the setup trains (share.State.Gap), 0 for the default or another preset
}

// ViewOptions are a teacher link's options: controls to hide, a single chart
// to show, and the embed mode (share.State.Hide, Only and Embed).
type ViewOptions struct {
	Hide  []string
	Only  string
	Embed bool
}

// Any reports whether the options change the page at all.
func (o ViewOptions) Any() bool { return len(o.Hide) > 0 || o.Only != "" || o.Embed }

// Hides reports whether the options hide the control name (share.HideNames).
func (o ViewOptions) Hides(name string) bool { return slices.Contains(o.Hide, name) }

// ShareState returns the share link state of s with the view options o; the
// preset's id stands for its text.
func (s Setup) ShareState(presets []content.Preset, o ViewOptions) share.State {
	st := share.Default()
	if s.Preset >= 0 && s.Preset < len(presets) && presets[s.Preset].Text == s.Text && presets[s.Preset].Mode == s.Mode {
		st.Preset, st.Gap = presets[s.Preset].ID, presets[s.Preset].Gap
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
func SetupFromLink(st share.State, presets []content.Preset) (Setup, ViewOptions, error) {
	s := Setup{Preset: -1, Text: st.Text, Mode: st.Mode, Config: st.Config, Probe: st.Probe,
		Temperature: st.Temperature, Model: st.Model}
	switch {
	case st.Preset != "":
		i := content.PresetByID(presets, st.Preset)
		if i < 0 {
			ids := make([]string, len(presets))
			for k, p := range presets {
				ids[k] = p.ID
			}
			return Setup{}, ViewOptions{}, &present.FieldError{Field: present.FieldLink, Message: "The link's Preset (preset=" + st.Preset + ") cannot be used: this page has the presets " + strings.Join(ids, ", ") + "."}
		}
		s.Preset, s.Text = i, presets[i].Text
		if presets[i].ID == content.GapID && st.Gap > 0 { // the preset at the link's gap
			s.Text, s.Gap = content.GapPreset(st.Gap).Text, st.Gap
		}
		if presets[i].Mode != st.Mode {
			return Setup{}, ViewOptions{}, &present.FieldError{Field: present.FieldLink, Message: "The link's Mode (mode=" + ModeName(st.Mode) + ") does not fit its preset " + st.Preset + ", which is in " + ModeName(presets[i].Mode) + " mode."}
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

func ModeName(k lstm.Kind) string {
	if k == lstm.Numbers {
		return "numbers"
	}
	return "text"
}

// ---- the saved session ----

// SessionVersion is the version of the saved session record. Version 1 (the
// loss of each of the newest 50,000 updates, no Pause when hidden) is still
// read.
const SessionVersion byte = 2

// maxSavedLossesV1 is the most losses a version 1 session kept.
const maxSavedLossesV1 = 50_000

// Session is what the page keeps in the browser (IndexedDB) as training goes,
// so that a reload or a crashed tab comes back where it was. The settings
// travel as a share link fragment (versioned and checked by package share),
// the model as its lstm model file.
//
// # Record format
//
// Marshal writes, little-endian:
//
//	"LPS" and the version byte (SessionVersion)
//	Tab, Link, Settings, Preset, Text, Probe, Prime   each a u32 byte count and the bytes
//	Saved                                            i64
//	Model                                            u32 byte count and the bytes
//	Updates, LossFirst                               u64 each
//	Losses                                           u32 byte count and the bytes (client.LossHistory.MarshalBinary;
//	                                                 version 1: a float32 per update)
//	Compare                                          1 byte, 0 or 1
//	HiddenPause                                      1 byte, 0 or 1 (not in version 1)
//
// ParseSession checks every count against the bytes that remain before it
// takes them, and refuses trailing bytes.
type Session struct {
	Tab       string // the tab that saved it
	Saved     int64  // when, in ms since 1970
	Link      string // the share link fragment the tab was opened with
	Settings  string // share fragment: mode, configuration, temperature
	Preset    string
	Text      string // the person's own text (no preset)
	Probe     string
	Prime     string
	Model     []byte // lstm model file
	Updates   uint64
	LossFirst uint64
	Losses    []byte // the loss history from update LossFirst (client.LossHistory.MarshalBinary)
	Compare   bool
	// HiddenPause is the setting "When this tab is hidden": pause training
	// (true) or keep training.
	HiddenPause bool
}

// sessionMagic opens every session record.
const sessionMagic = "LPS"

// NewSession returns the session record of a setup (its Model included) and
// loss history.
func NewSession(s Setup, presets []content.Preset, updates uint64, losses *client.LossHistory) (Session, error) {
	st := s.ShareState(presets, ViewOptions{})
	rec := Session{Probe: s.Probe, Model: s.Model, Updates: updates}
	if st.Preset != "" {
		rec.Preset = st.Preset
	} else {
		rec.Text = s.Text
	}
	st.Preset, st.Text, st.Probe, st.Model = "", "", "", nil
	f, err := st.Encode(share.Stored) // no text and no model: nothing to compress
	if err != nil {
		return Session{}, err
	}
	rec.Settings = f
	if losses != nil && losses.Len() > 0 {
		rec.LossFirst = losses.First
		rec.Losses = losses.MarshalBinary()
	}
	return rec, nil
}

// Marshal returns the record's bytes.
func (r Session) Marshal() []byte {
	n := len(sessionMagic) + 1 + 8*4 + 8 + 8 + 8 + 2 +
		len(r.Tab) + len(r.Link) + len(r.Settings) + len(r.Preset) + len(r.Text) + len(r.Probe) + len(r.Prime) + len(r.Model) + len(r.Losses)
	b := make([]byte, 0, n)
	b = append(b, sessionMagic...)
	b = append(b, SessionVersion)
	for _, s := range []string{r.Tab, r.Link, r.Settings, r.Preset, r.Text, r.Probe, r.Prime} {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(r.Saved))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(r.Model)))
	b = append(b, r.Model...)
	b = binary.LittleEndian.AppendUint64(b, r.Updates)
	b = binary.LittleEndian.AppendUint64(b, r.LossFirst)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(r.Losses)))
	b = append(b, r.Losses...)
	for _, flag := range [...]bool{r.Compare, r.HiddenPause} {
		if flag {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	return b
}

// errDamaged is the error of a record that does not decode.
var errDamaged = errors.New("the saved session is damaged")

// ErrNewerSession is returned for a session saved by a newer version of the page.
var ErrNewerSession = errors.New("the saved session was made by a newer version of LSTM Playground")

// reader takes the fields of a record, checking every length first.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) next(n int) []byte {
	if r.bad || n < 0 || n > len(r.b) {
		r.bad = true
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u32() int {
	b := r.next(4)
	if b == nil {
		return 0
	}
	return int(binary.LittleEndian.Uint32(b))
}

func (r *reader) u64() uint64 {
	b := r.next(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

func (r *reader) bytes(limit int) []byte {
	n := r.u32()
	if n > limit {
		r.bad = true
		return nil
	}
	return r.next(n)
}

// ParseSession reads a saved record and returns it with its setup. Anything
// that does not check out is an error: the page then starts afresh and
// changes nothing.
func ParseSession(data []byte, presets []content.Preset) (Session, Setup, error) {
	if len(data) < len(sessionMagic)+1 || string(data[:len(sessionMagic)]) != sessionMagic {
		return Session{}, Setup{}, errDamaged
	}
	v := data[len(sessionMagic)]
	switch {
	case v > SessionVersion:
		return Session{}, Setup{}, ErrNewerSession
	case v < 1:
		return Session{}, Setup{}, errors.New("the saved session has an unknown version " + strconv.Itoa(int(v)))
	}
	rd := reader{b: data[len(sessionMagic)+1:]}
	var r Session
	for _, p := range []*string{&r.Tab, &r.Link, &r.Settings, &r.Preset, &r.Text, &r.Probe, &r.Prime} {
		*p = string(rd.bytes(protocol.MaxDataText))
	}
	r.Saved = int64(rd.u64())
	if m := rd.bytes(protocol.MaxModelFile); len(m) > 0 {
		r.Model = bytes.Clone(m)
	}
	r.Updates = rd.u64()
	r.LossFirst = rd.u64()
	maxLosses := client.LossEntryBytes*client.MaxLossEntries + 16
	if v == 1 {
		maxLosses = 4 * maxSavedLossesV1
	}
	if l := rd.bytes(maxLosses); len(l) > 0 {
		r.Losses = bytes.Clone(l)
	}
	flags := rd.next(1)
	if v >= 2 {
		flags = append(flags, rd.next(1)...)
	}
	switch {
	case rd.bad || len(rd.b) != 0 || slices.ContainsFunc(flags, func(f byte) bool { return f > 1 }):
		return Session{}, Setup{}, errDamaged
	case v == 1 && len(r.Losses)%4 != 0:
		return Session{}, Setup{}, client.ErrLossHistory
	}
	if v == 1 && len(r.Losses) > 0 {
		// Read from here on as the history this page keeps.
		h := lossesV1(r.LossFirst, r.Losses)
		r.LossFirst, r.Losses = h.First, h.MarshalBinary()
	}
	if _, err := client.ParseLossHistory(r.LossFirst, r.Losses); err != nil {
		return Session{}, Setup{}, err
	}
	if v >= 2 {
		r.HiddenPause = flags[1] == 1
	}
	r.Compare = flags[0] == 1
	for _, s := range []string{r.Tab, r.Link, r.Settings, r.Preset, r.Text, r.Probe, r.Prime} {
		if !utf8.ValidString(s) {
			return Session{}, Setup{}, errDamaged
		}
	}
	st, err := share.Decode(r.Settings, share.Stored) // NewSession's: no text and no model
	if err != nil {
		return Session{}, Setup{}, errors.New("the saved session's settings cannot be used: " + err.Error())
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
	if err := present.CheckText(s.Text, s.Mode); err != nil {
		return Session{}, Setup{}, err
	}
	return r, s, nil
}

// LossHistory returns the saved losses as a history.
func (r Session) LossHistory() client.LossHistory {
	h, err := client.ParseLossHistory(r.LossFirst, r.Losses)
	if err != nil {
		return client.LossHistory{}
	}
	return h
}

// lossesV1 reads a version 1 session's losses: a float32 per update from
// update first.
func lossesV1(first uint64, b []byte) client.LossHistory {
	var h client.LossHistory
	n := len(b) / 4
	if n == 0 || first == 0 {
		return h
	}
	raw := make([]float32, n)
	for i := range raw {
		raw[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	h.Add(first+uint64(n)-1, raw)
	return h
}
