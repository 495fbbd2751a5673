package main

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
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

// maxUploadsInFlight bounds the uploads whose bodies are read and decoded at
// once, and so the memory they take (each up to MaxUploadBytes for the body
// plus as much again for the decoded model).
const maxUploadsInFlight = 16

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
	// errNotFound is returned by modelStore.Get for an id with no model.
	errNotFound = errors.New("no model has this id")
	// errExists is returned by modelStore.Put for an id that already has a model.
	errExists = errors.New("a model with this id exists")
)

// modelStore keeps model files by id. Both methods are safe for concurrent use.
type modelStore interface {
	// Put stores the model file b under id, durably: once Put returns nil, the
	// model is kept. It never replaces a stored model: if id is taken it
	// returns errExists and changes nothing. A failed Put leaves nothing
	// readable under id.
	Put(ctx context.Context, id string, b []byte) error
	// Get returns the model file stored under id, or errNotFound.
	Get(ctx context.Context, id string) ([]byte, error)
}

// shareAPI serves the share service under /api/ (see newAPI).
type shareAPI struct {
	store   modelStore
	mux     *http.ServeMux
	uploads chan struct{} // semaphore of uploads in flight
}

var _ http.Handler = (*shareAPI)(nil)

// newAPI returns the handler of the share service, backed by store:
//
//	GET  /api/             {"share":true,"maxModelBytes":…,"formatVersion":…}
//	POST /api/models       a model file (application/octet-stream) → 201 {"id","url","bytes"}
//	GET  /api/models/{id}  the model file, as an attachment
//
// Every error is JSON, {"error": "a sentence for a person"}, with a 4xx or 5xx
// status; wrong methods get 405 with Allow. Every response carries a CSP that
// forbids everything, nosniff and no-referrer. Paths outside /api/ get a 404.
func newAPI(store modelStore) http.Handler {
	a := &shareAPI{store: store, mux: http.NewServeMux(), uploads: make(chan struct{}, maxUploadsInFlight)}
	// The patterns carry no method: the handlers check it themselves, so that a
	// wrong method gets a JSON 405 (ServeMux's own is plain text).
	a.mux.HandleFunc("/api/{$}", a.info)
	a.mux.HandleFunc("/api/models", a.models)
	a.mux.HandleFunc("/api/models/{id}", a.model)
	a.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			// On Workers, a path outside /api/ reaches Go only when it matches
			// no static asset. Like the native site, it takes GET and HEAD only.
			if !allowMethods(w, r, "GET, HEAD") {
				return
			}
			writeError(w, http.StatusNotFound, "there is nothing at this address")
			return
		}
		writeError(w, http.StatusNotFound, "there is nothing at this address: the share service has GET /api/, POST /api/models and GET /api/models/{id}")
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
			writeError(w, http.StatusInternalServerError, "the share service failed; try again later")
		}
	}()
	a.mux.ServeHTTP(w, r)
}

// info reports that the share service exists, and its limits.
func (a *shareAPI) info(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "GET, HEAD") {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Share         bool `json:"share"`
		MaxModelBytes int  `json:"maxModelBytes"`
		FormatVersion int  `json:"formatVersion"`
	}{true, MaxUploadBytes, lstm.FormatVersion})
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
		writeError(w, http.StatusUnsupportedMediaType, "send the model file's bytes as the request body with Content-Type: application/octet-stream (this request has "+got+")")
		return
	}
	if r.ContentLength > MaxUploadBytes {
		writeError(w, http.StatusRequestEntityTooLarge, uploadTooLarge(r.ContentLength))
		return
	}
	select {
	case a.uploads <- struct{}{}:
		defer func() { <-a.uploads }()
	case <-r.Context().Done():
		return
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxUploadBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			writeError(w, http.StatusRequestEntityTooLarge, uploadTooLarge(0))
			return
		}
		writeError(w, http.StatusBadRequest, "the upload was interrupted before the whole model file arrived; try again")
		return
	}
	if len(b) == 0 {
		writeError(w, http.StatusBadRequest, "the request body is empty: send the bytes of a model file (the file that Save model writes)")
		return
	}
	if _, err := lstm.UnmarshalModel(b); err != nil {
		writeError(w, http.StatusBadRequest, words.ModelFileReason(words.English, err))
		return
	}
	var id string
	// A taken id is never replaced: another is drawn. With 128 random bits
	// this never happens in practice; the stores report it all the same.
	for range 4 {
		id = newID()
		err = a.store.Put(r.Context(), id, b)
		if !errors.Is(err, errExists) {
			break
		}
	}
	if err != nil {
		log.Printf("web: storing a model of %d bytes: %v", len(b), err)
		writeError(w, http.StatusInternalServerError, "the model could not be stored; nothing was saved. Try again later.")
		return
	}
	w.Header().Set("Location", path.Join(r.URL.Path, id))
	writeJSON(w, http.StatusCreated, struct {
		ID    string `json:"id"`
		URL   string `json:"url"`
		Bytes int    `json:"bytes"`
	}{id, "api/models/" + id, len(b)})
}

// model serves a stored model file (GET /api/models/{id}) in a way no browser
// will run or render: an attachment of type application/octet-stream, nosniff,
// and the CSP that forbids everything.
func (a *shareAPI) model(w http.ResponseWriter, r *http.Request) {
	if !allowMethods(w, r, "GET, HEAD") {
		return
	}
	id := r.PathValue("id")
	if !validID(id) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("this is not a model id: an id is %d characters, each a lowercase letter or a digit 2–7; check that the whole link was copied", idLen))
		return
	}
	etag := `"` + id + `"`
	b, err := a.store.Get(r.Context(), id)
	if errors.Is(err, errNotFound) {
		writeError(w, http.StatusNotFound, "no model has this id; check that the whole link was copied")
		return
	}
	if err != nil {
		log.Printf("web: reading model %s: %v", id, err)
		writeError(w, http.StatusInternalServerError, "the model could not be read; try again later")
		return
	}
	h := w.Header()
	// A stored model never changes: its id names its bytes for good.
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
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
	writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s is not allowed here; use %s", r.Method, strings.ReplaceAll(allow, ", ", " or ")))
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

// writeError answers with status and {"error": msg}.
func writeError(w http.ResponseWriter, status int, msg string) {
	h := w.Header()
	h.Del("Content-Disposition")
	h.Del("ETag")
	h.Set("Cache-Control", "no-store")
	writeJSON(w, status, struct {
		Error string `json:"error"`
	}{msg})
}
