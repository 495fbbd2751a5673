package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"lstmplayground/lstm"
	"lstmplayground/wasm/words"
)

// MaxUploadBytes is the largest model file the share service stores: 4 MiB,
// far below lstm.MaxModelFileSize (128 MiB) and Cloudflare KV's 25 MiB value
// limit (KV holds it base64-encoded). It holds every one-layer model of up to
// 256 hidden units over a vocabulary of about 100 characters; larger models are
// saved as files instead.
const MaxUploadBytes = 4 << 20

// maxUploadsReceiving bounds the uploads whose bodies are being received at
// once (each up to MaxUploadBytes), and maxUploadsInFlight those being decoded
// and stored (each up to MaxUploadBytes for the body plus as much again for
// the decoded model): about 200 MiB at most in all. A slow body holds only a
// receiving slot, and one client address at most limits.UploadsInFlight of
// them, so slow clients do not hold up the others' uploads.
const (
	maxUploadsReceiving = 32
	maxUploadsInFlight  = 16
)

// idLen is the length of a model id: 128 random bits in lowercase base32
// (RFC 4648 alphabet a–z, 2–7, unpadded). Lowercase letters and digits only,
// so an id is safe in a URL, a file name on a case-insensitive file system and
// a KV key.
const idLen = 26

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// apiCSP is the Content-Security-Policy of every /api/ response: nothing may
// load, run, or frame it.
const apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"

var (
	// errNotFound is returned by a modelStore for an id with no model.
	errNotFound = errors.New("no model has this id")
	// errExists is returned by modelStore.Put for an id that already has a model.
	errExists = errors.New("a model with this id exists")
	// errFull is returned by modelStore.Put when the model would take the
	// store past its size limit (or the disk is full): nothing was stored.
	errFull = errors.New("the share service's storage is full")
)

// modelMeta is what a store keeps beside a model file.
type modelMeta struct {
	// SHA256 is the hash of the model file: identical uploads share one id.
	SHA256 [32]byte
	// Owner is the SHA-256 of the model's delete token; all zero for a model
	// stored before delete tokens existed, which nobody can delete.
	Owner [32]byte
}

// modelStore keeps model files by id. Its methods are safe for concurrent use.
type modelStore interface {
	// Put stores the model file b with its meta under id, durably: once Put
	// returns an id and nil, a model is kept under that id. If a model with
	// the same SHA256 is stored, Put stores nothing and returns that model's
	// id (and refreshes its lifetime). It never replaces a stored model: if id
	// is taken it returns errExists and changes nothing; past the store's size
	// limit it returns errFull. A failed Put leaves nothing readable under id.
	Put(ctx context.Context, id string, b []byte, m modelMeta) (string, error)
	// Get returns the model file stored under id, or errNotFound. A read
	// counts as a use of the model: it keeps it from expiring (see keepDays).
	Get(ctx context.Context, id string) ([]byte, error)
	// Owner returns the SHA-256 of the delete token of the model id, or
	// errNotFound.
	Owner(ctx context.Context, id string) ([32]byte, error)
	// Delete removes the model id and its meta, or returns errNotFound.
	Delete(ctx context.Context, id string) error
}

// apiConfig is what newAPI needs besides the store. The zero value has no
// rate limit and the default lifetime.
type apiConfig struct {
	// limiter counts requests by client; nil: no limits.
	limiter limiter
	// limits is what limiter enforces, reported by GET /api/.
	limits limits
	// clientHeader, if set, is the request header that carries the client's
	// address, set by a trusted proxy in front of the server (-client-ip-header).
	clientHeader string
	// keepDays is how long a model is kept unread (0: defaultKeepDays).
	keepDays int
	// maxStorageBytes is the store's size limit, reported by GET /api/ (0: none stated).
	maxStorageBytes int64
	// classes keeps the class board's classes; nil: no class board.
	classes classStore
	// class is the class board's configuration.
	class classConfig
}

// defaultKeepDays is how long a model is kept after it was last opened
// (downloaded) or uploaded again.
const defaultKeepDays = 90

// shareAPI serves the share service under /api/ (see newAPI).
type shareAPI struct {
	store     modelStore
	cfg       apiConfig
	mux       *http.ServeMux
	receiving chan struct{} // semaphore of uploads being received
	uploads   chan struct{} // semaphore of uploads being decoded and stored
}

var _ http.Handler = (*shareAPI)(nil)

// newAPI returns the handler of the share service, backed by store (see the
// README, "The share service"):
//
//	GET    /api/             {"share":true,"maxModelBytes":…,"formatVersion":…,"delete":true,"expiry":…,"limits":…}
//	POST   /api/models       a model file (application/octet-stream) → 201 {"id","url","bytes","deleteToken"},
//	                         or 200 {"id","url","bytes","existing":true} for a file already stored
//	GET    /api/models/{id}  the model file, as an attachment
//	DELETE /api/models/{id}  with Authorization: Bearer <deleteToken> → 204
//
// and, if cfg.classes is set, the class board under /api/classes (see
// routeClasses and the README, "Class board"). Every error is JSON, {"error": "a sentence for a person", "code": "a_stable_code"},
// with a 4xx or 5xx status; 429 adds Retry-After and "retryAfter" (seconds);
// wrong methods get 405 with Allow. Every response carries a CSP that forbids
// everything, nosniff and no-referrer. Paths outside /api/ get a 404.
func newAPI(store modelStore, cfg apiConfig) http.Handler {
	if cfg.keepDays <= 0 {
		cfg.keepDays = defaultKeepDays
	}
	cfg.class.maxEntries = cmp.Or(cfg.class.maxEntries, defaultClassEntries)
	cfg.class.days = cmp.Or(cfg.class.days, defaultClassDays)
	a := &shareAPI{store: store, cfg: cfg, mux: http.NewServeMux(),
		receiving: make(chan struct{}, maxUploadsReceiving), uploads: make(chan struct{}, maxUploadsInFlight)}
	// The patterns carry no method: the handlers check it themselves, so that a
	// wrong method gets a JSON 405 (ServeMux's own is plain text).
	a.mux.HandleFunc("/api/{$}", a.info)
	a.mux.HandleFunc("/api/models", a.models)
	a.mux.HandleFunc("/api/models/{id}", a.model)
	if cfg.classes != nil {
		a.routeClasses()
	}
	a.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			// On Workers, a path outside /api/ reaches Go only when it matches
			// no static asset. Like the native site, it takes GET and HEAD only.
			if !allowMethods(w, r, "GET, HEAD") {
				return
			}
			writeError(w, http.StatusNotFound, codeNotFound, "there is nothing at this address")
			return
		}
		writeError(w, http.StatusNotFound, codeNotFound, "there is nothing at this address: the share service has GET /api/, POST /api/models, GET /api/models/{id} and DELETE /api/models/{id}, and the class board under /api/classes (see GET /api/)")
	})
	return a
}

func (a *shareAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", apiCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	defer func() {
		// On Workers a panic would end the instance without a response; answer
		// with a JSON 500 instead (natively, net/http would drop the connection).
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			log.Printf("web: panic serving %s %s: %v", r.Method, r.URL.Path, v)
			writeError(w, http.StatusInternalServerError, codeInternal, "the share service failed; try again later")
		}
	}()
	release, ok := a.take(w, r, classRequest)
	if !ok {
		return
	}
	defer release()
	a.mux.ServeHTTP(w, r)
}

// take counts r against its client's limit of class, and answers 429 if the
// limit is reached. When it reports true, the caller calls release when the
// request is done.
func (a *shareAPI) take(w http.ResponseWriter, r *http.Request, class limitClass) (release func(), ok bool) {
	release = func() {}
	if a.cfg.limiter == nil {
		return release, true
	}
	no, rel, err := a.cfg.limiter.Take(r.Context(), clientKey(r, a.cfg.clientHeader), class)
	if err != nil {
		// A limiter that cannot count (KV failing) lets the request through:
		// the limit protects the service; a failed count must not stop it.
		log.Printf("web: rate limit of %s: %v", class, err)
		return release, true
	}
	if no.Wait > 0 {
		refuseBody(w, r)
		writeRateLimited(w, class, no, a.cfg.limits)
		return release, false
	}
	if rel != nil {
		release = rel
	}
	return release, true
}

// info reports that the share service exists, its limits and its expiry policy.
func (a *shareAPI) info(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "GET, HEAD") {
		return
	}
	type expiry struct {
		UnreadDays int    `json:"unreadDays"`
		Text       string `json:"text"`
	}
	var classes *classLimitsInfo
	if a.cfg.classes != nil {
		ci := a.cfg.class.info()
		classes = &ci
	}
	writeJSON(w, http.StatusOK, struct {
		Share           bool       `json:"share"`
		MaxModelBytes   int        `json:"maxModelBytes"`
		FormatVersion   int        `json:"formatVersion"`
		Delete          bool       `json:"delete"`
		Expiry          expiry     `json:"expiry"`
		Limits          limitsInfo `json:"limits"`
		MaxStorageBytes int64      `json:"maxStorageBytes,omitempty"`
		// Classes states the class board's limits; absent: no class board.
		Classes *classLimitsInfo `json:"classes,omitempty"`
	}{true, MaxUploadBytes, lstm.FormatVersion, true,
		expiry{a.cfg.keepDays, expiryText(a.cfg.keepDays)},
		a.cfg.limits.info(), a.cfg.maxStorageBytes, classes})
}

// expiryText states the expiry policy for a person.
func expiryText(days int) string {
	return fmt.Sprintf("A shared model is deleted when nobody has opened it (or uploaded the same file again) for %d days; each opening keeps it %d days more. Its uploader can delete it sooner with the delete token.", days, days)
}

// uploadTooLarge is the message of a 413.
func uploadTooLarge(size int64) string {
	what := "the model file is larger than"
	if size > 0 {
		what = fmt.Sprintf("the model file is %d bytes, more than", size)
	}
	return fmt.Sprintf("%s the share service takes: %d MiB (%d bytes). Share a smaller model (fewer hidden units or layers), or save it as a file instead.",
		what, MaxUploadBytes>>20, MaxUploadBytes)
}

// models stores the model file in the request body (POST /api/models).
func (a *shareAPI) models(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "POST") {
		return
	}
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/octet-stream" {
		// Requiring this type also keeps other sites' forms out: a cross-origin
		// request with it needs a CORS preflight, which this service never grants.
		got := "no Content-Type"
		if ct != "" {
			got = "Content-Type " + strconv.Quote(ct)
		}
		refuseBody(w, r)
		writeError(w, http.StatusUnsupportedMediaType, codeUnsupportedType, "send the model file's bytes as the request body with Content-Type: application/octet-stream (this request has "+got+")")
		return
	}
	if r.ContentLength > MaxUploadBytes {
		refuseBody(w, r)
		writeError(w, http.StatusRequestEntityTooLarge, codeTooLarge, uploadTooLarge(r.ContentLength))
		return
	}
	release, ok := a.take(w, r, classUpload)
	if !ok {
		return
	}
	defer release()
	if !acquire(r.Context(), a.receiving) {
		return
	}
	b, err := readBody(w, r)
	<-a.receiving
	if err != nil || !acquire(r.Context(), a.uploads) {
		return
	}
	defer func() { <-a.uploads }()
	if checkModel(w, b) {
		a.store1(w, r, b)
	}
}

// refuseBody closes the connection after the answer to r if r has a body
// that will not be read: otherwise net/http would read up to 256 KiB of it
// before answering, which a slow body makes last as long as it likes.
func refuseBody(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength != 0 {
		w.Header().Set("Connection", "close")
	}
}

// acquire takes a slot of the semaphore sem, or gives up when ctx ends.
func acquire(ctx context.Context, sem chan struct{}) bool {
	select {
	case sem <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// readBody reads r's body, answering the error if it fails.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxUploadBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			writeError(w, http.StatusRequestEntityTooLarge, codeTooLarge, uploadTooLarge(0))
			return nil, err
		}
		writeError(w, http.StatusBadRequest, codeInterrupted, "the upload was interrupted before the whole model file arrived; try again")
		return nil, err
	}
	return b, nil
}

// checkModel reports whether b is a model file, answering the error if not.
func checkModel(w http.ResponseWriter, b []byte) bool {
	if len(b) == 0 {
		writeError(w, http.StatusBadRequest, codeEmpty, "the request body is empty: send the bytes of a model file (the file that Save model writes)")
		return false
	}
	if _, err := lstm.UnmarshalModel(b); err != nil {
		writeError(w, http.StatusBadRequest, codeBadModel, words.ModelFileReason(words.English, err))
		return false
	}
	return true
}

// uploaded is the answer to an upload.
type uploaded struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Bytes int    `json:"bytes"`
	// DeleteToken deletes the model (DELETE /api/models/{id}); only its
	// first uploader gets it.
	DeleteToken string `json:"deleteToken,omitempty"`
	// Existing: the same file was stored already, under ID.
	Existing bool `json:"existing,omitempty"`
}

// store1 stores the checked model file b and answers with its id: 201 and a
// delete token for a new model, 200 for a file already stored.
func (a *shareAPI) store1(w http.ResponseWriter, r *http.Request, b []byte) {
	token := newID()
	m := modelMeta{SHA256: sha256.Sum256(b), Owner: sha256.Sum256([]byte(token))}
	var id, got string
	var err error
	// A taken id is never replaced: another is drawn. With 128 random bits
	// this never happens in practice; the stores report it all the same.
	for range 4 {
		id = newID()
		got, err = a.store.Put(r.Context(), id, b, m)
		if !errors.Is(err, errExists) {
			break
		}
	}
	if errors.Is(err, errFull) {
		writeError(w, http.StatusInsufficientStorage, codeStorageFull, "the share service's storage is full, so this model was not stored (the models already shared are kept). Save the model as a file instead, or try again in a few days, when unread models have expired.")
		return
	}
	if err != nil {
		log.Printf("web: storing a model of %d bytes: %v", len(b), err)
		writeError(w, http.StatusInternalServerError, codeStoreFailed, "the model could not be stored; nothing was saved. Try again later.")
		return
	}
	w.Header().Set("Location", path.Join(r.URL.Path, got))
	if got != id {
		writeJSON(w, http.StatusOK, uploaded{ID: got, URL: "api/models/" + got, Bytes: len(b), Existing: true})
		return
	}
	writeJSON(w, http.StatusCreated, uploaded{ID: id, URL: "api/models/" + id, Bytes: len(b), DeleteToken: token})
}

// model serves (GET, HEAD) or deletes (DELETE) the model /api/models/{id}.
func (a *shareAPI) model(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "GET, HEAD, DELETE") {
		return
	}
	id := r.PathValue("id")
	if !validID(id) {
		writeError(w, http.StatusBadRequest, codeBadID, fmt.Sprintf("this is not a model id: an id is %d characters, each a lowercase letter or a digit 2–7; check that the whole link was copied", idLen))
		return
	}
	if r.Method == http.MethodDelete {
		a.delete(w, r, id)
		return
	}
	a.serveModel(w, r, id)
}

// serveModel serves a stored model file in a way no browser will run or
// render: an attachment of type application/octet-stream, nosniff, and the
// CSP that forbids everything.
func (a *shareAPI) serveModel(w http.ResponseWriter, r *http.Request, id string) {
	etag := `"` + id + `"`
	b, err := a.store.Get(r.Context(), id)
	if errors.Is(err, errNotFound) {
		writeError(w, http.StatusNotFound, codeNoModel, "no model has this id; check that the whole link was copied (a model unread for a long time expires, and its uploader can delete it)")
		return
	}
	if err != nil {
		log.Printf("web: reading model %s: %v", id, err)
		writeError(w, http.StatusInternalServerError, codeReadFailed, "the model could not be read; try again later")
		return
	}
	h := w.Header()
	// A stored model never changes (its id names its bytes), but it can be
	// deleted: a browser keeps its copy and asks each time, and the ETag
	// makes the answer an empty 304 while the model lives and a 404 once its
	// uploader deleted it.
	h.Set("Cache-Control", "public, no-cache")
	h.Set("ETag", etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && (inm == "*" || strings.Contains(inm, etag)) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", `attachment; filename="`+id+`.lstm"`)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

// delete deletes the model id for the holder of its delete token, sent as
// Authorization: Bearer <token> (DELETE /api/models/{id}): 204, or 403 for a
// missing or wrong token, 404 for no model.
func (a *shareAPI) delete(w http.ResponseWriter, r *http.Request, id string) {
	release, ok := a.take(w, r, classUpload)
	if !ok {
		return
	}
	defer release()
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		writeError(w, http.StatusForbidden, codeTokenRequired, "deleting a model takes its delete token, sent as Authorization: Bearer <token>; the token is in the answer to the model's upload")
		return
	}
	owner, err := a.store.Owner(r.Context(), id)
	if errors.Is(err, errNotFound) {
		writeError(w, http.StatusNotFound, codeNoModel, "no model has this id: it was deleted, expired or never stored")
		return
	}
	if err == nil {
		given := sha256.Sum256([]byte(strings.TrimSpace(token)))
		if owner == ([32]byte{}) {
			writeError(w, http.StatusForbidden, codeNotDeletable, "this model was shared before delete tokens existed, so it cannot be deleted; it expires when unread")
			return
		}
		if subtle.ConstantTimeCompare(given[:], owner[:]) != 1 {
			writeError(w, http.StatusForbidden, codeWrongToken, "this is not the model's delete token; only its uploader has that")
			return
		}
		err = a.store.Delete(r.Context(), id)
	}
	if errors.Is(err, errNotFound) {
		writeError(w, http.StatusNotFound, codeNoModel, "no model has this id: it was deleted, expired or never stored")
		return
	}
	if err != nil {
		log.Printf("web: deleting model %s: %v", id, err)
		writeError(w, http.StatusInternalServerError, codeDeleteFailed, "the model could not be deleted; try again later")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

// newID returns a fresh random model id.
func newID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand: it crashes the program instead)
	return idEncoding.EncodeToString(b[:])
}

// validID reports whether s is a model id as newID makes them: idLen
// characters of the id alphabet that decode to 16 bytes and encode back to s
// (so each model has exactly one spelling).
func validID(s string) bool {
	if len(s) != idLen {
		return false
	}
	b, err := idEncoding.DecodeString(s)
	return err == nil && len(b) == 16 && idEncoding.EncodeToString(b) == s
}

// allowMethods reports whether r's method is one of allow (a comma-separated
// list in which GET implies HEAD), and answers 405 if it is not.
func allowMethods(w http.ResponseWriter, r *http.Request, allow string) bool {
	for m := range strings.SplitSeq(allow, ", ") {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, codeMethod, fmt.Sprintf("%s is not allowed here; use %s", r.Method, strings.ReplaceAll(allow, ", ", " or ")))
	return false
}

// writeJSON answers with status and v as JSON. API responses are never cached
// (the model files set their own caching).
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only the fixed types above are marshalled
	}
	b = append(b, '\n')
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// Error codes: the stable "code" of a JSON error, for a page to word the
// error in its own language (the "error" text is English).
const (
	codeNotFound        = "not_found"          // no such address
	codeMethod          = "method_not_allowed" // 405
	codeUnsupportedType = "unsupported_type"   // 415: not application/octet-stream
	codeTooLarge        = "too_large"          // 413
	codeEmpty           = "empty"              // 400: no body
	codeInterrupted     = "interrupted"        // 400: the body stopped early
	codeBadModel        = "bad_model"          // 400: not a model file the decoder takes
	codeBadID           = "bad_id"             // 400: not a model id
	codeNoModel         = "no_model"           // 404: no model has this id
	codeRateLimited     = "rate_limited"       // 429, with retryAfter
	codeStorageFull     = "storage_full"       // 507
	codeTokenRequired   = "token_required"     // 403: DELETE without a token
	codeWrongToken      = "wrong_token"        // 403: DELETE with another token
	codeNotDeletable    = "not_deletable"      // 403: a model stored before tokens existed
	codeStoreFailed     = "store_failed"       // 500
	codeReadFailed      = "read_failed"        // 500
	codeDeleteFailed    = "delete_failed"      // 500
	codeInternal        = "internal"           // 500
)

// apiError is the body of every error answer.
type apiError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	// RetryAfter is the Retry-After of a 429, in seconds.
	RetryAfter int `json:"retryAfter,omitempty"`
	// Field names the refused field of a class or an entry (class board).
	Field string `json:"field,omitempty"`
}

// writeError answers with status and {"error": msg, "code": code}.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeErrorBody(w, status, apiError{Error: msg, Code: code})
}

func writeErrorBody(w http.ResponseWriter, status int, e apiError) {
	h := w.Header()
	h.Del("Content-Disposition")
	h.Del("ETag")
	h.Set("Cache-Control", "no-store")
	writeJSON(w, status, e)
}

// writeRateLimited answers 429 with Retry-After: the client may send a
// request of class again after no.Wait.
func writeRateLimited(w http.ResponseWriter, class limitClass, no refusal, l limits) {
	secs := int(math.Ceil(no.Wait.Seconds()))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeErrorBody(w, http.StatusTooManyRequests, apiError{Error: l.message(class, no, secs), Code: codeRateLimited, RetryAfter: secs})
}
