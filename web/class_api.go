package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Error codes of the class board.
const (
	codeBadJSON     = "bad_json"     // 400: not JSON, or not the fields of the route
	codeBadTitle    = "bad_title"    // 400
	codeBadNickname = "bad_nickname" // 400
	codeBadSetup    = "bad_setup"    // 400: not a share link the page opens
	codeBadRun      = "bad_run"      // 400: loss, updates, sample or unit (see "field")
	codeBadToken    = "bad_token"    // 400: a student token not of the form the service gives
	codeNoClass     = "no_class"     // 404: never started, or expired
	codeNoEntry     = "no_entry"     // 404
	codeKeyRequired = "key_required" // 403: no teacher key
	codeWrongKey    = "wrong_key"    // 403: another key
	codeClassClosed = "class_closed" // 409
	codeClassFull   = "class_full"   // 409
)

// routeClasses registers the class board's routes on a.mux:
//
//	POST   /api/classes                            {"title","setup"} → 201 the class and its "teacherKey"
//	GET    /api/classes/{id}                       the class, public
//	POST   /api/classes/{id}/entries               a student's run → 201 (200 when it replaces) {"entry","token","replaced"}
//	GET    /api/classes/{id}/board                 with the key: the class and its entries
//	GET    /api/classes/{id}/entries/{entry}/model with the key: the entry's model file
//	DELETE /api/classes/{id}/entries/{entry}       with the key → 204
//	POST   /api/classes/{id}/close                 with the key → the class, closed
//
// The teacher key goes as Authorization: Bearer <key>.
func (a *shareAPI) routeClasses() {
	a.mux.HandleFunc("/api/classes", a.newClass)
	a.mux.HandleFunc("/api/classes/{id}", a.classPublic)
	a.mux.HandleFunc("/api/classes/{id}/entries", a.sendEntry)
	a.mux.HandleFunc("/api/classes/{id}/board", a.teacherRoute("GET, HEAD", false, a.board))
	a.mux.HandleFunc("/api/classes/{id}/close", a.teacherRoute("POST", true, a.closeClass))
	a.mux.HandleFunc("/api/classes/{id}/entries/{entry}", a.teacherRoute("DELETE", true, a.deleteEntry))
	a.mux.HandleFunc("/api/classes/{id}/entries/{entry}/model", a.teacherRoute("GET, HEAD", false, a.entryModel))
}

// teacherHandler handles a teacher's route once teacherRoute has checked
// it: c is the class, entry the {entry} of the route ("" if it has none).
type teacherHandler func(w http.ResponseWriter, r *http.Request, c classRecord, entry string)

// teacherRoute is the handler of a teacher's route: it allows methods only,
// counts a change (a removal, a close) as an upload in the rate limits,
// reads the route's {entry} if it has one, and loads the class with the
// teacher key, answering every refusal itself; then h answers.
func (a *shareAPI) teacherRoute(methods string, change bool, h teacherHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !allowMethods(w, r, methods) {
			return
		}
		if change {
			release, ok := a.take(w, r, classUpload)
			if !ok {
				return
			}
			defer release()
		}
		var entry string
		if strings.Contains(r.Pattern, "{entry}") {
			var ok bool
			if entry, ok = entryParam(w, r); !ok {
				return
			}
		}
		if c, ok := a.teacher(w, r); ok {
			h(w, r, c, entry)
		}
	}
}

// classLimitsInfo is the "classes" of GET /api/ and the "limits" of a class.
type classLimitsInfo struct {
	MaxEntries        int    `json:"maxEntries"`
	LifetimeDays      int    `json:"lifetimeDays"`
	MaxTitleChars     int    `json:"maxTitleChars"`
	MaxNicknameChars  int    `json:"maxNicknameChars"`
	MaxSetupChars     int    `json:"maxSetupChars"`
	MaxSampleChars    int    `json:"maxSampleChars"`
	MaxLossPoints     int    `json:"maxLossPoints"`
	MaxModelBytes     int    `json:"maxModelBytes"`
	BoardDelaySeconds int    `json:"boardDelaySeconds"`
	Text              string `json:"text"`
}

func (c classConfig) info() classLimitsInfo {
	return classLimitsInfo{c.maxEntries, c.days, maxTitleChars, maxNicknameChars, maxSetupChars, maxSampleChars,
		maxLossPoints, MaxUploadBytes, int(c.boardDelay / time.Second),
		fmt.Sprintf("A class holds at most %d students' entries. It and its entries are deleted %d days after it was started. Students send a nickname and their run, no other personal data.", c.maxEntries, c.days)}
}

// classInfo is a class as its public page and its board see it.
type classInfo struct {
	ID      string          `json:"id"`
	Title   string          `json:"title"`
	Open    bool            `json:"open"`
	Setup   string          `json:"setup"`
	Created string          `json:"created"` // RFC 3339
	Expires string          `json:"expires"` // RFC 3339
	Limits  classLimitsInfo `json:"limits"`
}

func (a *shareAPI) classInfo(c classRecord) classInfo {
	return classInfo{c.ID, c.Title, !c.Closed, c.Setup, rfc3339(c.Created), rfc3339(c.Expires), a.cfg.class.info()}
}

func rfc3339(unix int64) string { return time.Unix(unix, 0).UTC().Format(time.RFC3339) }

// newClass starts a class (POST /api/classes) and answers with its teacher
// key, the only time the key is given.
func (a *shareAPI) newClass(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "POST") {
		return
	}
	release, ok := a.take(w, r, classUpload)
	if !ok {
		return
	}
	defer release()
	var body classRequestBody
	if !a.readJSON(w, r, maxClassBody, &body) {
		return
	}
	body, err := body.check()
	if err != nil {
		writeFieldError(w, err)
		return
	}
	key := newID()
	now := time.Now()
	c := classRecord{Title: body.Title, Setup: body.Setup, KeyHash: sha256.Sum256([]byte(key)),
		Created: now.Unix(), Expires: now.Add(time.Duration(a.cfg.class.days) * 24 * time.Hour).Unix()}
	for range 4 { // a taken id is never replaced (see store1)
		c.ID = newID()
		if err = a.cfg.classes.CreateClass(r.Context(), c); !errors.Is(err, errExists) {
			break
		}
	}
	if !a.storeOK(w, err, "the class could not be started; nothing was saved. Try again later.") {
		return
	}
	w.Header().Set("Location", "/api/classes/"+c.ID)
	writeJSON(w, http.StatusCreated, struct {
		classInfo
		TeacherKey string `json:"teacherKey"`
	}{a.classInfo(c), key})
}

// storeOK answers a store's error err (if not nil) and reports whether it was nil.
func (a *shareAPI) storeOK(w http.ResponseWriter, err error, failed string) bool {
	switch {
	case err == nil:
		return true
	case errors.Is(err, errFull):
		writeError(w, http.StatusInsufficientStorage, codeStorageFull, "the share service's storage for classes is full, so nothing was stored. Try again in a few days, when old classes have expired.")
	case errors.Is(err, errClassFull):
		writeError(w, http.StatusConflict, codeClassFull, fmt.Sprintf("this class is full: it holds at most %d students' entries. Ask the teacher to remove some.", a.cfg.class.maxEntries))
	case errors.Is(err, errClassClosed):
		writeError(w, http.StatusConflict, codeClassClosed, "this class is closed: the teacher takes no more runs")
	case errors.Is(err, errNoClass):
		writeError(w, http.StatusNotFound, codeNoClass, "no class has this id: check that the whole link was copied (a class is deleted "+strconv.Itoa(a.cfg.class.days)+" days after it was started)")
	case errors.Is(err, errNoEntry):
		writeError(w, http.StatusNotFound, codeNoEntry, "the class has no entry with this id: it was removed, or never sent")
	default:
		log.Printf("web: class store: %v", err)
		writeError(w, http.StatusInternalServerError, codeStoreFailed, failed)
	}
	return false
}

// readJSON reads r's body, at most limit bytes of application/json, into v,
// answering the error if it fails.
func (a *shareAPI) readJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) bool {
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
		refuseBody(w, r)
		writeError(w, http.StatusUnsupportedMediaType, codeUnsupportedType, "send JSON with Content-Type: application/json")
		return false
	}
	tooLarge := fmt.Sprintf("the request is larger than this route takes: %d bytes (a model file may be at most %d MiB)", limit, MaxUploadBytes>>20)
	if r.ContentLength > limit {
		refuseBody(w, r)
		writeError(w, http.StatusRequestEntityTooLarge, codeTooLarge, tooLarge)
		return false
	}
	if !acquire(r.Context(), a.receiving) {
		return false
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	<-a.receiving
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		writeError(w, http.StatusRequestEntityTooLarge, codeTooLarge, tooLarge)
		return false
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, codeInterrupted, "the request was interrupted before its whole body arrived; try again")
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil || dec.More() {
		msg := "the body is not one JSON object"
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			msg += " (a syntax error at byte " + strconv.FormatInt(se.Offset, 10) + ")"
		} else if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
			msg += " (the field " + strconv.Quote(te.Field) + " has the wrong type)"
		}
		writeError(w, http.StatusBadRequest, codeBadJSON, msg+" (see GET /api/ and the README, \"Class board\")")
		return false
	}
	return true
}

// writeFieldError answers a refused field (a *fieldError) with 400, or 413
// for a model too large.
func writeFieldError(w http.ResponseWriter, err error) {
	fe, ok := errors.AsType[*fieldError](err)
	if !ok {
		panic(err) // check methods return only *fieldError
	}
	status := http.StatusBadRequest
	if fe.Code == codeTooLarge {
		status = http.StatusRequestEntityTooLarge
	}
	writeErrorBody(w, status, apiError{Error: fe.Msg, Code: fe.Code, Field: fe.Field})
}

// loadClass reads the class of r's {id}, answering the error if it fails.
func (a *shareAPI) loadClass(w http.ResponseWriter, r *http.Request) (classRecord, bool) {
	id := r.PathValue("id")
	if !validID(id) {
		writeError(w, http.StatusBadRequest, codeBadID, fmt.Sprintf("this is not a class id: an id is %d characters, each a lowercase letter or a digit 2–7; check that the whole link was copied", idLen))
		return classRecord{}, false
	}
	c, err := a.cfg.classes.Class(r.Context(), id)
	return c, a.storeOK(w, err, "the class could not be read; try again later")
}

// teacher reads the class of r's {id} for its teacher, who sends the key as
// Authorization: Bearer <key>, answering 403 without it or with another.
func (a *shareAPI) teacher(w http.ResponseWriter, r *http.Request) (classRecord, bool) {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	key = strings.TrimSpace(key)
	if !ok || key == "" {
		writeError(w, http.StatusForbidden, codeKeyRequired, "the board takes the class's teacher key, sent as Authorization: Bearer <key>; only the teacher who started the class has it")
		return classRecord{}, false
	}
	c, ok := a.loadClass(w, r)
	if !ok {
		return c, false
	}
	given := sha256.Sum256([]byte(key))
	if subtle.ConstantTimeCompare(given[:], c.KeyHash[:]) != 1 {
		writeError(w, http.StatusForbidden, codeWrongKey, "this is not the class's teacher key; only the teacher who started the class has it")
		return classRecord{}, false
	}
	return c, true
}

// classPublic answers GET /api/classes/{id}: what a student's page needs.
func (a *shareAPI) classPublic(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "GET, HEAD") {
		return
	}
	if c, ok := a.loadClass(w, r); ok {
		writeJSON(w, http.StatusOK, a.classInfo(c))
	}
}

// entrySent is the answer to a student's send.
type entrySent struct {
	Entry    string `json:"entry"`
	Token    string `json:"token"`
	Replaced bool   `json:"replaced"`
}

// sendEntry stores a student's run (POST /api/classes/{id}/entries): 201 for
// a new entry, 200 when it replaces the entry of the same token.
func (a *shareAPI) sendEntry(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "POST") {
		return
	}
	release, ok := a.take(w, r, classUpload)
	if !ok {
		return
	}
	defer release()
	refuseBody(w, r) // until the body is read
	c, ok := a.loadClass(w, r)
	if !ok {
		return
	}
	if c.Closed {
		a.storeOK(w, errClassClosed, "")
		return
	}
	var body entryRequestBody
	if !a.readJSON(w, r, maxEntryBody, &body) || !acquire(r.Context(), a.uploads) {
		return
	}
	w.Header().Del("Connection")
	defer func() { <-a.uploads }()
	e, model, err := body.check()
	if err != nil {
		writeFieldError(w, err)
		return
	}
	token := body.Token
	if token == "" {
		token = newID()
	} else if !validID(token) {
		writeError(w, http.StatusBadRequest, codeBadToken, "the token is not one this service gives: send the token of your first send's answer, or none")
		return
	}
	e.ID = entryID(token)
	replaced, err := a.cfg.classes.PutEntry(r.Context(), c, e, model, a.cfg.class.maxEntries)
	if !a.storeOK(w, err, "the run could not be stored; nothing was saved. Try again later.") {
		return
	}
	status := http.StatusCreated
	if replaced {
		status = http.StatusOK
	}
	writeJSON(w, status, entrySent{e.ID, token, replaced})
}

// entryInfo is an entry as the board shows it.
type entryInfo struct {
	entryRecord
	Sent     string `json:"sent"`               // RFC 3339, milliseconds
	ModelURL string `json:"modelUrl,omitempty"` // GET it with the teacher key
}

// board answers the class's board (GET /api/classes/{id}/board) to its
// teacher: the class and every entry, oldest send first, without models.
func (a *shareAPI) board(w http.ResponseWriter, r *http.Request, c classRecord, _ string) {
	entries, err := a.cfg.classes.Entries(r.Context(), c)
	if !a.storeOK(w, err, "the board could not be read; try again later") {
		return
	}
	slices.SortFunc(entries, func(x, y entryRecord) int {
		return cmp.Or(cmp.Compare(x.Sent, y.Sent), strings.Compare(x.ID, y.ID))
	})
	out := make([]entryInfo, len(entries))
	for i, e := range entries {
		out[i] = entryInfo{entryRecord: e, Sent: time.UnixMilli(e.Sent).UTC().Format("2006-01-02T15:04:05.000Z07:00")}
		if e.ModelBytes > 0 {
			out[i].ModelURL = "api/classes/" + c.ID + "/entries/" + e.ID + "/model"
		}
	}
	writeJSON(w, http.StatusOK, struct {
		Class   classInfo   `json:"class"`
		Count   int         `json:"count"`
		Entries []entryInfo `json:"entries"`
	}{a.classInfo(c), len(out), out})
}

// entryParam reads r's {entry}, answering 400 if it is not an entry id.
func entryParam(w http.ResponseWriter, r *http.Request) (string, bool) {
	id := r.PathValue("entry")
	if !validID(id) {
		writeError(w, http.StatusBadRequest, codeBadID, fmt.Sprintf("this is not an entry id: an id is %d characters, each a lowercase letter or a digit 2–7", idLen))
		return "", false
	}
	return id, true
}

// entryModel serves an entry's model file to the teacher
// (GET /api/classes/{id}/entries/{entry}/model), as an attachment.
func (a *shareAPI) entryModel(w http.ResponseWriter, r *http.Request, c classRecord, id string) {
	b, err := a.cfg.classes.EntryModel(r.Context(), c, id)
	if !a.storeOK(w, err, "the model could not be read; try again later") {
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "private, no-store") // behind the key, and replaced by a resend
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", `attachment; filename="`+id+`.lstm"`)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

// deleteEntry removes an entry for the teacher
// (DELETE /api/classes/{id}/entries/{entry}): 204.
func (a *shareAPI) deleteEntry(w http.ResponseWriter, r *http.Request, c classRecord, id string) {
	if a.storeOK(w, a.cfg.classes.DeleteEntry(r.Context(), c, id), "the entry could not be removed; try again later") {
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusNoContent)
	}
}

// closeClass closes the class for its teacher (POST /api/classes/{id}/close):
// no more sends are taken; the board stays. It answers the class.
func (a *shareAPI) closeClass(w http.ResponseWriter, r *http.Request, c classRecord, _ string) {
	if !c.Closed {
		c.Closed = true
		if !a.storeOK(w, a.cfg.classes.CloseClass(r.Context(), c), "the class could not be closed; try again later") {
			return
		}
	}
	writeJSON(w, http.StatusOK, a.classInfo(c))
}
