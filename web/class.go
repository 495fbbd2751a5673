package main

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"lstmplayground/lstm"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/share/goflate"
	"lstmplayground/wasm/words"
)

// The class board (issue 14): a teacher starts a class, students send their
// runs to it, and the teacher's board shows them all. See newAPI for the
// routes and the README, "Class board", for the limits.

// Limits of a class and of its entries.
const (
	// defaultClassEntries is the most entries a class holds.
	defaultClassEntries = 200
	// defaultClassDays is a class's lifetime from its start: the class and
	// its entries are deleted then, read or not.
	defaultClassDays = 30
	// maxTitleChars and maxNicknameChars bound a class's title and a
	// student's nickname, in characters (code points) after trimming.
	maxTitleChars    = 80
	maxNicknameChars = 32
	// maxSampleChars bounds the last sample of a run, in characters.
	maxSampleChars = 2000
	// maxLossPoints bounds the loss curve of a run (the page decimates it).
	maxLossPoints = 500
	// maxSetupChars bounds a setup: a share link's fragment.
	maxSetupChars = share.MaxFragment
	// maxClassBody bounds the body of POST /api/classes; maxEntryBody that of
	// an entry: its model file base64-encoded, and room for the rest.
	maxClassBody = maxSetupChars + 16<<10
	maxEntryBody = (MaxUploadBytes+2)/3*4 + maxSetupChars + maxSampleChars*4 + maxLossPoints*32 + 16<<10
)

// classConfig is what the class board needs besides its store.
type classConfig struct {
	// maxEntries is the most entries a class holds (0: defaultClassEntries).
	maxEntries int
	// days is a class's lifetime (0: defaultClassDays).
	days int
	// boardDelay is how long a new entry may take to appear on the board
	// (KV's list consistency; 0 natively).
	boardDelay time.Duration
}

var (
	// errNoClass is returned by a classStore for a class that does not
	// exist: never started, or expired.
	errNoClass = errors.New("no class has this id")
	// errNoEntry is returned by a classStore for an entry that does not exist.
	errNoEntry = errors.New("the class has no entry with this id")
	// errClassFull is returned by classStore.PutEntry for a new entry in a
	// class that holds its maximum.
	errClassFull = errors.New("the class is full")
	// errClassClosed is returned by classStore.PutEntry when the class was
	// closed meanwhile.
	errClassClosed = errors.New("the class is closed")
)

// classRecord is a class as stored.
type classRecord struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Setup   string   `json:"setup"`
	KeyHash [32]byte `json:"keyHash"` // SHA-256 of the teacher key
	Created int64    `json:"created"` // Unix seconds
	Expires int64    `json:"expires"` // Unix seconds: the class and its entries are deleted then
	Closed  bool     `json:"closed"`
}

// expired reports whether c is past its lifetime at now.
func (c classRecord) expired(now time.Time) bool { return now.Unix() >= c.Expires }

// unitRef is the unit a student chose: layer and index, both from 0.
type unitRef struct {
	Layer int `json:"layer"`
	Index int `json:"index"`
}

// entryRecord is a student's entry as stored (its model apart).
type entryRecord struct {
	ID         string    `json:"id"`
	Nickname   string    `json:"nickname"`
	Setup      string    `json:"setup"`
	Loss       []float64 `json:"loss"`
	Updates    uint64    `json:"updates"`
	Sample     string    `json:"sample"`
	Unit       *unitRef  `json:"unit,omitempty"`
	ModelBytes int       `json:"modelBytes"` // 0: the entry has no model
	Sent       int64     `json:"sent"`       // Unix milliseconds of the last send
}

// modelName names the model file of the send e: the entry's id and the
// time of the send, so that an entry always names the model sent with it
// (a resend writes a new model before its entry, then removes the old one).
func (e entryRecord) modelName() string { return fmt.Sprintf("%s-%d", e.ID, e.Sent) }

// classStore keeps classes and their entries. Its methods are safe for
// concurrent use. A class past its Expires is as one that does not exist.
type classStore interface {
	// CreateClass stores the new class c durably, or returns errExists if
	// its id is taken.
	CreateClass(ctx context.Context, c classRecord) error
	// Class returns the class id, or errNoClass.
	Class(ctx context.Context, id string) (classRecord, error)
	// CloseClass marks the class c closed.
	CloseClass(ctx context.Context, c classRecord) error
	// PutEntry stores e (and its model file, if model is not nil) in the
	// class c durably, replacing the entry with e's id if there is one (and
	// its model). It stamps e.Sent: now, and later than the entry's earlier
	// send (the disk store: later than every send it stored), so that the
	// board's order is the order of the sends even within a millisecond. A
	// new entry in a class of max entries gets errClassFull.
	PutEntry(ctx context.Context, c classRecord, e entryRecord, model []byte, max int) (replaced bool, err error)
	// Entries returns the entries of the class c, without their models.
	Entries(ctx context.Context, c classRecord) ([]entryRecord, error)
	// EntryModel returns the model file of the entry id of c, or errNoEntry.
	EntryModel(ctx context.Context, c classRecord, id string) ([]byte, error)
	// DeleteEntry deletes the entry id of c and its model, or returns errNoEntry.
	DeleteEntry(ctx context.Context, c classRecord, id string) error
}

// entryID returns the id of the entry of the student with token: the
// first 128 bits of its SHA-256, in the id alphabet. The board shows entry
// ids; the token cannot be worked out from one.
func entryID(token string) string {
	h := sha256.Sum256([]byte("class entry\x00" + token))
	return idEncoding.EncodeToString(h[:16])
}

// fieldError is a refused field of a class or an entry: the code and field
// of the JSON error, and a sentence for a person.
type fieldError struct {
	Code, Field, Msg string
}

func (e *fieldError) Error() string { return e.Msg }

func badField(code, field, format string, args ...any) *fieldError {
	return &fieldError{Code: code, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// cleanName checks and normalises a nickname or title with the rule the
// page checks before sending, share.CleanName: any printable text of at most
// max characters, trimmed, with runs of spaces made one; no control or format
// characters, no line breaks, not invisible only. The page shows names as
// text only, so markup in a name is just text. what names it for the message
// ("nickname", "title").
func cleanName(s, what string, max int) (string, error) {
	clean, err := share.CleanName(s, max)
	if err != nil {
		return "", fmt.Errorf("the %s is refused: %w", what, err)
	}
	return clean, nil
}

// checkSetup checks a setup, a share link's fragment, with the share link
// decoder, and returns its state.
func checkSetup(setup string) (share.State, error) {
	if len(setup) > maxSetupChars {
		return share.State{}, badField(codeBadSetup, "setup", "the setup is %d bytes long; a setup (a share link's fragment) is at most %d", len(setup), maxSetupChars)
	}
	if strings.ContainsAny(setup, "# \t\n") || strings.Contains(setup, "://") {
		// Decode takes a pasted URL too; a setup is stored and shown as given.
		return share.State{}, badField(codeBadSetup, "setup", "the setup is a share link's fragment as the page makes it: without the address, the '#' or spaces")
	}
	s, err := share.Decode(setup, goflate.Codec{})
	if err != nil {
		return share.State{}, badField(codeBadSetup, "setup", "the setup is not a share link the page can open: %v", err)
	}
	return s, nil
}

// classRequestBody is the body of POST /api/classes.
type classRequestBody struct {
	Title string `json:"title"`
	Setup string `json:"setup"`
}

// check checks b and returns it cleaned.
func (b classRequestBody) check() (classRequestBody, error) {
	title, err := cleanName(b.Title, "title", maxTitleChars)
	if ne, ok := errors.AsType[*share.NameError](err); ok && ne.Problem == share.NameEmpty {
		title, err = "", nil // a title may be empty (the page names the class itself)
	}
	if err != nil {
		return b, badField(codeBadTitle, "title", "%v", err)
	}
	b.Title = title
	if _, err := checkSetup(b.Setup); err != nil {
		return b, err
	}
	return b, nil
}

// entryRequestBody is the body of POST /api/classes/{id}/entries.
type entryRequestBody struct {
	// Token identifies the student's entry: "" the first time (the answer
	// gives one), then the token of that answer, to replace the entry.
	Token    string     `json:"token"`
	Nickname string     `json:"nickname"`
	Setup    string     `json:"setup"`
	Model    *string    `json:"model"` // the model file, base64; null or absent: none
	Loss     []*float64 `json:"loss"`  // null points are NaN or ±Inf that JSON.stringify wrote as null
	Updates  *uint64    `json:"updates"`
	Sample   string     `json:"sample"`
	Unit     *unitRef   `json:"unit"`
}

// check checks b and returns the entry it makes (without ID and Sent) and
// its model file (nil: none). Every error is a *fieldError.
func (b entryRequestBody) check() (entryRecord, []byte, error) {
	var e entryRecord
	nick, err := cleanName(b.Nickname, "nickname", maxNicknameChars)
	if ne, ok := errors.AsType[*share.NameError](err); ok && ne.Problem == share.NameEmpty {
		err = errors.New("the nickname is empty: choose one (only your nickname is sent, no other personal data)")
	}
	if err != nil {
		return e, nil, badField(codeBadNickname, "nickname", "%v", err)
	}
	st, err := checkSetup(b.Setup)
	if err != nil {
		return e, nil, err
	}
	model, err := b.checkModel(st)
	if err != nil {
		return e, nil, err
	}
	loss, err := checkLoss(b.Loss)
	if err != nil {
		return e, nil, err
	}
	if b.Updates == nil || *b.Updates > 1<<53 {
		return e, nil, badField(codeBadRun, "updates", "the update count is missing or not a whole number from 0 to 2^53")
	}
	if !utf8.ValidString(b.Sample) || utf8.RuneCountInString(b.Sample) > maxSampleChars {
		return e, nil, badField(codeBadRun, "sample", "the sample must be valid UTF-8 text of at most %d characters", maxSampleChars)
	}
	if u := b.Unit; u != nil && (u.Layer < 0 || u.Layer >= st.Config.Layers || u.Index < 0 || u.Index >= st.Config.Hidden) {
		return e, nil, badField(codeBadRun, "unit", "the chosen unit (layer %d, unit %d) is not in the setup's %d layer(s) of %d units (both count from 0)",
			u.Layer, u.Index, st.Config.Layers, st.Config.Hidden)
	}
	e = entryRecord{Nickname: nick, Setup: b.Setup, Loss: loss, Updates: *b.Updates, Sample: b.Sample, Unit: b.Unit, ModelBytes: len(model)}
	return e, model, nil
}

// checkModel decodes b's model, if any, checks it with the model decoder and
// that it fits the setup st.
func (b entryRequestBody) checkModel(st share.State) ([]byte, error) {
	if b.Model == nil {
		return nil, nil
	}
	if len(*b.Model) > (MaxUploadBytes+2)/3*4 {
		return nil, &fieldError{Code: codeTooLarge, Field: "model", Msg: uploadTooLarge(0)}
	}
	model, err := base64.StdEncoding.DecodeString(*b.Model)
	if err != nil || len(model) == 0 {
		return nil, badField(codeBadModel, "model", "the model is not a model file in base64")
	}
	if len(model) > MaxUploadBytes {
		return nil, &fieldError{Code: codeTooLarge, Field: "model", Msg: uploadTooLarge(int64(len(model)))}
	}
	if _, err := lstm.UnmarshalModel(model); err != nil {
		return nil, badField(codeBadModel, "model", "%s", words.ModelFileReason(words.English, err))
	}
	if st.Model == nil && st.Shared == "" {
		// The model must be the one of the setup: the share decoder checks it.
		st.Model = model
		if err := st.Validate(); err != nil {
			return nil, badField(codeBadModel, "model", "the model does not fit the setup: %v", err)
		}
	}
	return model, nil
}

// checkLoss checks a loss curve: at most maxLossPoints finite numbers.
func checkLoss(points []*float64) ([]float64, error) {
	if len(points) > maxLossPoints {
		return nil, badField(codeBadRun, "loss", "the loss curve has %d points; at most %d (decimate it)", len(points), maxLossPoints)
	}
	loss := make([]float64, len(points))
	for i, p := range points {
		if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
			return nil, badField(codeBadRun, "loss", "point %d of the loss curve is not a finite number (NaN and Infinity become null in JSON)", i)
		}
		loss[i] = *p
	}
	return loss, nil
}

// cmpErr returns err if it is not nil, else alt.
func cmpErr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}
