//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentSecurityPolicy allows exactly what the page needs: its own scripts and
// workers, WebAssembly compilation, its own styles and fetches, data: and blob:
// images (favicon, chart exports), and embedding in any page (the embed mode).
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
	"style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *"

// hashed matches the names of content-hashed build outputs, e.g. app.3f9a1c2b.wasm.
var hashed = regexp.MustCompile(`\.[0-9a-f]{8,}\.(wasm|js|css|json)$`)

// compressible lists the types worth gzipping.
var compressible = map[string]bool{".wasm": true, ".js": true, ".css": true, ".html": true, ".json": true, ".svg": true, ".txt": true}

// staticHandler serves a static site from a file system.
type staticHandler struct {
	files fs.FS
	mu    sync.Mutex
	gz    map[string]gzEntry // gzipped bodies by path, reused while the file is unchanged
}

type gzEntry struct {
	mod  time.Time
	size int64
	body []byte
}

var _ http.Handler = (*staticHandler)(nil)

// newHandler returns the handler for the site in files: GET and HEAD of its
// files with their types, gzip where the client accepts it, caching (hashed
// assets immutable, everything else revalidated) and security headers.
func newHandler(files fs.FS) http.Handler {
	return &staticHandler{files: files, gz: make(map[string]gzEntry)}
}

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

func (s *staticHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	if !fs.ValidPath(name) || strings.HasPrefix(path.Base(name), ".") {
		http.NotFound(w, r)
		return
	}
	f, err := s.files.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	ext := path.Ext(name)
	ctype := mime.TypeByExtension(ext)
	switch ext {
	case ".wasm":
		ctype = "application/wasm"
	case ".js":
		ctype = "text/javascript; charset=utf-8"
	case ".lstm":
		ctype = "application/octet-stream"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	if hashed.MatchString(name) {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("Vary", "Accept-Encoding")
	if compressible[ext] && accepts(r, "br") {
		// A Brotli copy made at build time (name.br, see build.sh), if there is one.
		if body, ok := s.precompressed(name+".br", st); ok {
			writeEncoded(w, r, "br", body, st)
			return
		}
	}
	if compressible[ext] && accepts(r, "gzip") {
		body, err := s.gzipped(name, f, st)
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		writeEncoded(w, r, "gzip", body, st)
		return
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		rs = bytes.NewReader(data)
	}
	http.ServeContent(w, r, name, st.ModTime(), rs)
}

// writeEncoded sends a compressed body (content coding enc) of the file st,
// or 304 if the client's copy is current.
func writeEncoded(w http.ResponseWriter, r *http.Request, enc string, body []byte, st fs.FileInfo) {
	h := w.Header()
	h.Set("Content-Encoding", enc)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Last-Modified", st.ModTime().UTC().Format(http.TimeFormat))
	if checkNotModified(r, st.ModTime()) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write(body)
	}
}

// accepts reports whether the request accepts the content coding enc.
func accepts(r *http.Request, enc string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		e, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(e) == enc && strings.ReplaceAll(strings.TrimSpace(q), " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// precompressed returns the bytes of a precompressed copy of a file if it exists
// and is not older than the file itself, to the second (brotli gives the copy
// its file's time without the fraction); a stale copy is ignored.
func (s *staticHandler) precompressed(name string, orig fs.FileInfo) ([]byte, bool) {
	st, err := fs.Stat(s.files, name)
	if err != nil || st.IsDir() || st.ModTime().Before(orig.ModTime().Truncate(time.Second)) {
		return nil, false
	}
	body, err := fs.ReadFile(s.files, name)
	if err != nil || len(body) == 0 {
		return nil, false
	}
	return body, true
}

func checkNotModified(r *http.Request, mod time.Time) bool {
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || mod.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	return err == nil && !mod.Truncate(time.Second).After(t)
}

// gzipped returns the gzip of a file, compressed once per version of the file.
func (s *staticHandler) gzipped(name string, f fs.File, st fs.FileInfo) ([]byte, error) {
	s.mu.Lock()
	e, ok := s.gz[name]
	s.mu.Unlock()
	if ok && e.mod.Equal(st.ModTime()) && e.size == st.Size() {
		return e.body, nil
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(zw, f); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if buf.Len() == 0 {
		return nil, errors.New("empty gzip body")
	}
	s.mu.Lock()
	s.gz[name] = gzEntry{mod: st.ModTime(), size: st.Size(), body: buf.Bytes()}
	s.mu.Unlock()
	return buf.Bytes(), nil
}
