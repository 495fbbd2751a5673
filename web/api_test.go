//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"lstmplayground/lstm"
)

// modelFile returns a valid model file: a text model of the given hidden size
// on text, initialised from seed.
func modelFile(t testing.TB, text string, hidden int, seed uint64) []byte {
	t.Helper()
	b, err := makeModel(text, hidden, seed)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// makeModel is modelFile for any goroutine.
func makeModel(text string, hidden int, seed uint64) ([]byte, error) {
	d, err := lstm.NewTextData(text)
	if err != nil {
		return nil, err
	}
	cfg := lstm.DefaultConfig()
	cfg.Hidden = hidden
	cfg.Seed = seed
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		return nil, err
	}
	return m.MarshalBinary()
}

// memStore is a modelStore in memory. failPut makes Put fail; collide makes
// the next Put calls report errExists.
type memStore struct {
	mu      sync.Mutex
	models  map[string][]byte
	metas   map[string]modelMeta
	failPut error
	collide int
	puts    int
}

func newMemStore() *memStore {
	return &memStore{models: make(map[string][]byte), metas: make(map[string]modelMeta)}
}

func (s *memStore) Put(_ context.Context, id string, b []byte, m modelMeta) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.puts++
	if s.failPut != nil {
		return "", s.failPut
	}
	for old, om := range s.metas {
		if om.SHA256 == m.SHA256 {
			return old, nil
		}
	}
	if s.collide > 0 {
		s.collide--
		return "", errExists
	}
	if _, ok := s.models[id]; ok {
		return "", errExists
	}
	s.models[id] = bytes.Clone(b)
	s.metas[id] = m
	return id, nil
}

func (s *memStore) Get(_ context.Context, id string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.models[id]
	if !ok {
		return nil, errNotFound
	}
	return bytes.Clone(b), nil
}

func (s *memStore) Owner(_ context.Context, id string) ([32]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.metas[id]
	if !ok {
		return [32]byte{}, errNotFound
	}
	return m.Owner, nil
}

func (s *memStore) Delete(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.models[id]; !ok {
		return errNotFound
	}
	delete(s.models, id)
	delete(s.metas, id)
	return nil
}

func (s *memStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.models)
}

// do sends a request with body (nil for none) and headers to h.
func do(h http.Handler, method, target string, body io.Reader, hdr map[string]string) *http.Response {
	req := httptest.NewRequest(method, target, body)
	if body == nil {
		req.ContentLength = 0
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

var octet = map[string]string{"Content-Type": "application/octet-stream"}

func upload(h http.Handler, b []byte) *http.Response {
	return do(h, "POST", "/api/models", bytes.NewReader(b), octet)
}

type created = uploaded

// checkAPIHeaders checks the headers every /api/ response has.
func checkAPIHeaders(t *testing.T, what string, res *http.Response) {
	t.Helper()
	if got := res.Header.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'none'") || !strings.Contains(got, "frame-ancestors 'none'") {
		t.Errorf("%s: CSP %q does not forbid everything", what, got)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: no nosniff", what)
	}
	if res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("%s: Referrer-Policy %q", what, res.Header.Get("Referrer-Policy"))
	}
}

// checkError checks that res is a JSON error with status, a known code and a
// message containing each of want.
func checkError(t *testing.T, what string, res *http.Response, status int, want ...string) {
	t.Helper()
	checkErrorCode(t, what, res, status, "", want...)
}

// knownCodes are the error codes the service answers with.
var knownCodes = []string{codeNotFound, codeMethod, codeUnsupportedType, codeTooLarge, codeEmpty, codeInterrupted,
	codeBadModel, codeBadID, codeNoModel, codeRateLimited, codeStorageFull, codeTokenRequired, codeWrongToken,
	codeNotDeletable, codeStoreFailed, codeReadFailed, codeDeleteFailed, codeInternal}

// checkErrorCode is checkError that also wants the code code (if not "").
func checkErrorCode(t *testing.T, what string, res *http.Response, status int, code string, want ...string) apiError {
	t.Helper()
	checkAPIHeaders(t, what, res)
	if res.StatusCode != status {
		t.Errorf("%s: status %d, want %d", what, res.StatusCode, status)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("%s: Content-Type %q, want JSON", what, ct)
	}
	if cd := res.Header.Get("Content-Disposition"); cd != "" {
		t.Errorf("%s: an error with Content-Disposition %q", what, cd)
	}
	var body apiError
	dec := json.NewDecoder(res.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		t.Errorf("%s: body is not {\"error\": …, \"code\": …}: %v", what, err)
		return body
	}
	if !slices.Contains(knownCodes, body.Code) || (code != "" && body.Code != code) {
		t.Errorf("%s: code %q, want %q (one of the known codes)", what, body.Code, code)
	}
	if (status == http.StatusTooManyRequests) != (body.RetryAfter > 0) {
		t.Errorf("%s: retryAfter %d with status %d", what, body.RetryAfter, status)
	}
	if len(body.Error) < 20 || !strings.ContainsAny(body.Error[:1], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		t.Errorf("%s: error %q is not a sentence", what, body.Error)
	}
	for _, w := range want {
		if !strings.Contains(body.Error, w) {
			t.Errorf("%s: error %q lacks %q", what, body.Error, w)
		}
	}
	return body
}

func TestInfo(t *testing.T) {
	cfg := apiConfig{limiter: newMemLimiter(defaultLimits), limits: defaultLimits, maxStorageBytes: 1 << 30, keepDays: 30}
	h := newAPI(newMemStore(), cfg)
	for _, m := range []string{"GET", "HEAD"} {
		res := do(h, m, "/api/", nil, nil)
		checkAPIHeaders(t, m+" /api/", res)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("%s /api/: %d %s", m, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if m == "HEAD" {
			continue
		}
		var info map[string]any
		if err := json.NewDecoder(res.Body).Decode(&info); err != nil {
			t.Fatal(err)
		}
		text := info["expiry"].(map[string]any)["text"].(string)
		if !strings.Contains(text, "30 days") {
			t.Errorf("expiry text %q does not state the 30 days", text)
		}
		want := map[string]any{"share": true, "maxModelBytes": float64(MaxUploadBytes), "formatVersion": float64(lstm.FormatVersion),
			"delete": true, "expiry": map[string]any{"unreadDays": float64(30), "text": text},
			"limits": map[string]any{
				"requests":        map[string]any{"limit": float64(600), "windowSeconds": float64(60)},
				"uploads":         map[string]any{"limit": float64(60), "windowSeconds": float64(600)},
				"uploadsInFlight": float64(4),
			},
			"maxStorageBytes": float64(1 << 30)}
		if !reflect.DeepEqual(info, want) {
			t.Errorf("GET /api/: %v, want %v", info, want)
		}
	}
}

func TestUploadAndDownload(t *testing.T) {
	store := newMemStore()
	h := newAPI(store, apiConfig{})
	file := modelFile(t, "hello, 世界", 4, 1)
	res := upload(h, file)
	checkAPIHeaders(t, "POST", res)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("POST: %d %s", res.StatusCode, must(io.ReadAll(res.Body)))
	}
	var c created
	if err := json.NewDecoder(res.Body).Decode(&c); err != nil {
		t.Fatal(err)
	}
	if !validID(c.ID) || c.URL != "api/models/"+c.ID || c.Bytes != len(file) || !validID(c.DeleteToken) || c.DeleteToken == c.ID || c.Existing {
		t.Errorf("POST answered %+v", c)
	}
	if loc := res.Header.Get("Location"); loc != "/api/models/"+c.ID {
		t.Errorf("Location %q", loc)
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("POST Cache-Control %q", res.Header.Get("Cache-Control"))
	}

	get := do(h, "GET", "/api/models/"+c.ID, nil, nil)
	checkAPIHeaders(t, "GET", get)
	body := must(io.ReadAll(get.Body))
	if get.StatusCode != 200 || !bytes.Equal(body, file) {
		t.Fatalf("GET: %d, %d bytes, want the %d uploaded", get.StatusCode, len(body), len(file))
	}
	for k, want := range map[string]string{
		"Content-Type":        "application/octet-stream",
		"Content-Disposition": `attachment; filename="` + c.ID + `.lstm"`,
		"Content-Length":      fmt.Sprint(len(file)),
		"Cache-Control":       "public, no-cache",
		"ETag":                `"` + c.ID + `"`,
	} {
		if got := get.Header.Get(k); got != want {
			t.Errorf("GET %s: %q, want %q", k, got, want)
		}
	}
	if _, err := lstm.UnmarshalModel(body); err != nil {
		t.Errorf("the downloaded model does not decode: %v", err)
	}

	head := do(h, "HEAD", "/api/models/"+c.ID, nil, nil)
	if head.StatusCode != 200 || head.Header.Get("Content-Length") != fmt.Sprint(len(file)) {
		t.Errorf("HEAD: %d, Content-Length %q", head.StatusCode, head.Header.Get("Content-Length"))
	}
	nm := do(h, "GET", "/api/models/"+c.ID, nil, map[string]string{"If-None-Match": `"` + c.ID + `"`})
	if nm.StatusCode != http.StatusNotModified || len(must(io.ReadAll(nm.Body))) != 0 {
		t.Errorf("If-None-Match: %d", nm.StatusCode)
	}

	// The same file again gets the same id, 200 and no delete token (only
	// its first uploader can delete it); nothing more is stored.
	res2 := upload(h, file)
	var c2 created
	if err := json.NewDecoder(res2.Body).Decode(&c2); err != nil || res2.StatusCode != 200 || c2 != (created{ID: c.ID, URL: c.URL, Bytes: len(file), Existing: true}) {
		t.Errorf("second upload: %d %+v %v", res2.StatusCode, c2, err)
	}
	if loc := res2.Header.Get("Location"); loc != "/api/models/"+c.ID {
		t.Errorf("second upload: Location %q", loc)
	}
	if store.count() != 1 {
		t.Errorf("%d models stored, want 1", store.count())
	}
}

func TestUploadAcceptsTypeParameters(t *testing.T) {
	h := newAPI(newMemStore(), apiConfig{})
	res := do(h, "POST", "/api/models", bytes.NewReader(modelFile(t, "ab", 4, 1)), map[string]string{"Content-Type": "Application/Octet-Stream; name=x"})
	if res.StatusCode != 201 {
		t.Errorf("status %d", res.StatusCode)
	}
}

func TestNumbersModelUpload(t *testing.T) {
	d, err := lstm.NewNumberData("1 2 3 2 1 2 3")
	if err != nil {
		t.Fatal(err)
	}
	cfg := lstm.DefaultConfig()
	cfg.Hidden = 8
	cfg.Cell = lstm.CellRNN
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if res := upload(newAPI(newMemStore(), apiConfig{}), b); res.StatusCode != 201 {
		t.Errorf("numbers RNN model: status %d", res.StatusCode)
	}
}

func TestUploadErrors(t *testing.T) {
	file := modelFile(t, "hello", 4, 1)
	newer := bytes.Clone(file)
	newer[8] = 99 // the format version
	corrupt := bytes.Clone(file)
	corrupt[len(corrupt)/2] ^= 0xff
	big := make([]byte, MaxUploadBytes+1)
	copy(big, file)
	for _, c := range []struct {
		name   string
		body   io.Reader
		length int64 // -1: unknown (chunked)
		hdr    map[string]string
		status int
		want   []string
	}{
		{"no type", bytes.NewReader(file), int64(len(file)), nil, 415, []string{"application/octet-stream", "no Content-Type"}},
		{"text", bytes.NewReader(file), int64(len(file)), map[string]string{"Content-Type": "text/plain"}, 415, []string{"text/plain"}},
		{"form", bytes.NewReader(file), int64(len(file)), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, nil},
		{"multipart", bytes.NewReader(file), int64(len(file)), map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, 415, nil},
		{"bad type", bytes.NewReader(file), int64(len(file)), map[string]string{"Content-Type": "application/octet-stream; ;;"}, 415, nil},
		{"too large", bytes.NewReader(big), int64(len(big)), octet, 413, []string{"4 MiB", "4194304 bytes", fmt.Sprint(len(big))}},
		{"too large, chunked", bytes.NewReader(big), -1, octet, 413, []string{"4 MiB"}},
		{"empty", bytes.NewReader(nil), 0, octet, 400, []string{"empty"}},
		{"truncated", bytes.NewReader(file[:len(file)-10]), int64(len(file) - 10), octet, 400, []string{"truncated"}},
		{"header only", bytes.NewReader(file[:50]), 50, octet, 400, []string{"truncated"}},
		{"trailing", bytes.NewReader(append(bytes.Clone(file), 0)), int64(len(file) + 1), octet, 400, []string{"extra data"}},
		{"html", strings.NewReader("<html><script>alert(1)</script>"), 31, octet, 400, []string{"not an LSTM Playground model file"}},
		{"corrupt", bytes.NewReader(corrupt), int64(len(corrupt)), octet, 400, nil},
		{"newer version", bytes.NewReader(newer), int64(len(newer)), octet, 400, []string{"newer version"}},
		{"interrupted", iotest.ErrReader(errors.New("connection reset")), -1, octet, 400, []string{"interrupted"}},
	} {
		store := newMemStore()
		h := newAPI(store, apiConfig{})
		req := httptest.NewRequest("POST", "/api/models", c.body)
		req.ContentLength = c.length
		for k, v := range c.hdr {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		checkError(t, c.name, res, c.status, c.want...)
		if store.count() != 0 || store.puts != 0 {
			t.Errorf("%s: something was stored", c.name)
		}
		if loc := res.Header.Get("Location"); loc != "" {
			t.Errorf("%s: Location %q on an error", c.name, loc)
		}
	}
}

func TestStoreFailures(t *testing.T) {
	file := modelFile(t, "hello", 4, 1)
	store := newMemStore()
	store.failPut = errors.New("disk full")
	h := newAPI(store, apiConfig{})
	checkError(t, "failing store", upload(h, file), 500, "nothing was saved")

	// An id already taken is never replaced: the upload takes another.
	store = newMemStore()
	store.collide = 2
	h = newAPI(store, apiConfig{})
	res := upload(h, file)
	if res.StatusCode != 201 || store.puts != 3 || store.count() != 1 {
		t.Errorf("after 2 collisions: status %d, %d puts, %d stored", res.StatusCode, store.puts, store.count())
	}
	store = newMemStore()
	store.collide = 100
	checkError(t, "ids always taken", upload(newAPI(store, apiConfig{}), file), 500)
	if store.puts != 4 {
		t.Errorf("%d tries, want 4", store.puts)
	}
}

func TestDownloadErrors(t *testing.T) {
	h := newAPI(newMemStore(), apiConfig{})
	missing := newID()
	for _, c := range []struct {
		path   string
		status int
	}{
		{"/api/models/" + missing, 404},
		{"/api/models/" + strings.ToUpper(missing), 400},
		{"/api/models/" + missing[:25], 400},
		{"/api/models/" + missing + "a", 400},
		{"/api/models/" + missing[:25] + "1", 400},          // 1 is not in the alphabet
		{"/api/models/aaaaaaaaaaaaaaaaaaaaaaaaab", 400},     // non-canonical: the last character has unused bits set
		{"/api/models/.tmp-aaaaaaaaaaaaaaaaaaaaa", 400},     // a temporary file's name
		{"/api/models/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400}, // escaped, so one path segment
		{"/api/models/x/y", 404},
		{"/api/nope", 404},
		{"/api/models/", 404},
		{"/other", 404},
	} {
		checkError(t, "GET "+c.path, do(h, "GET", c.path, nil, nil), c.status)
	}
}

func TestMethods(t *testing.T) {
	h := newAPI(newMemStore(), apiConfig{})
	id := newID()
	for _, c := range []struct {
		path, allow string
		bad         []string
	}{
		{"/api/", "GET, HEAD", []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}},
		{"/api/models", "POST", []string{"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}},
		{"/api/models/" + id, "GET, HEAD, DELETE", []string{"POST", "PUT", "PATCH", "OPTIONS"}},
		{"/no-such-asset.js", "GET, HEAD", []string{"POST", "PUT", "DELETE"}}, // on Workers, the site's paths that match no asset
	} {
		for _, m := range c.bad {
			res := do(h, m, c.path, nil, octet)
			if got := res.Header.Get("Allow"); got != c.allow {
				t.Errorf("%s %s: Allow %q, want %q", m, c.path, got, c.allow)
			}
			if m == "HEAD" {
				if res.StatusCode != 405 {
					t.Errorf("%s %s: %d", m, c.path, res.StatusCode)
				}
				continue
			}
			checkError(t, m+" "+c.path, res, 405, m)
		}
	}
}

func TestIDs(t *testing.T) {
	seen := make(map[string]bool)
	for range 1000 {
		id := newID()
		if !validID(id) || len(id) != idLen || strings.Trim(id, "abcdefghijklmnopqrstuvwxyz234567") != "" {
			t.Fatalf("newID made %q", id)
		}
		if seen[id] {
			t.Fatalf("newID repeated %q", id)
		}
		seen[id] = true
	}
	for _, bad := range []string{"", "a", strings.Repeat("a", 27), strings.Repeat("A", 26), strings.Repeat("a", 25) + "=", strings.Repeat("a", 24) + "==", strings.Repeat("a", 25) + "b"} {
		if validID(bad) {
			t.Errorf("validID(%q) = true", bad)
		}
	}
}

// TestServerRoutes checks the native server's split: the site, and the API
// under /api/.
func TestServerRoutes(t *testing.T) {
	h := newServer(site(), newMemStore(), apiConfig{})
	if res := do(h, "GET", "/", nil, nil); res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Security-Policy"), "wasm-unsafe-eval") {
		t.Errorf("GET /: %d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	if res := do(h, "GET", "/api/", nil, nil); res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("GET /api/: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res := do(h, "GET", "/api", nil, nil); res.StatusCode/100 != 3 || res.Header.Get("Location") != "/api/" {
		t.Errorf("GET /api: %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	file := modelFile(t, "hello", 4, 1)
	res := upload(h, file)
	var c created
	if err := json.NewDecoder(res.Body).Decode(&c); err != nil {
		t.Fatal(err)
	}
	if got := must(io.ReadAll(do(h, "GET", "/"+c.URL, nil, nil).Body)); !bytes.Equal(got, file) {
		t.Error("the model did not round-trip through the server")
	}
	checkError(t, "GET /api/x", do(h, "GET", "/api/x", nil, nil), 404)
}

func TestCloudflareHeaders(t *testing.T) {
	b, err := cloudflareHeaders(site())
	if err != nil {
		t.Fatal(err)
	}
	// Parse the file as Cloudflare does: a rule is a path line followed by
	// indented "Name: value" lines.
	rules := make(map[string]http.Header)
	var cur http.Header
	for line := range strings.Lines(string(b)) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "  "):
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok || cur == nil {
				t.Fatalf("bad header line %q", line)
			}
			cur.Add(k, v)
		default:
			if !strings.HasPrefix(line, "/") {
				t.Fatalf("bad rule %q", line)
			}
			cur = make(http.Header)
			rules[line] = cur
		}
	}
	// Every asset gets exactly the headers the native server sends.
	h := newHandler(site())
	res := do(h, "GET", "/", nil, nil)
	for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"} {
		if got, want := rules["/*"].Get(k), res.Header.Get(k); got != want || want == "" {
			t.Errorf("/* %s: %q, native %q", k, got, want)
		}
	}
	if rules["/*"].Get("Cache-Control") != "" {
		t.Error("/* sets Cache-Control: it would be joined with the per-file rules")
	}
	for _, name := range []string{"/app.0123456789ab.wasm", "/wasm_exec.abcdef012345.js", "/words-zh-CN.0123456789ab.json"} {
		if got, want := rules[name].Get("Cache-Control"), do(h, "GET", name, nil, nil).Header.Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, native %q", name, got, want)
		}
	}
	if len(rules) != 4 {
		t.Errorf("%d rules, want 4 (/*, and the three hashed files): %s", len(rules), b)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
