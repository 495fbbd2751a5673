//go:build !js

package main

// The bad-input catalogue, server side (issue 7): request bodies and paths a
// careless or hostile client sends to the share service. Each is answered with
// a JSON error naming the problem, stores nothing, and leaves the models
// already stored as they were. Run with -v to print the catalogue.

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// errorText returns the error sentence of a JSON error response.
func errorText(t *testing.T, b []byte) string {
	t.Helper()
	var body struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal(b, &body); err != nil {
		t.Fatalf("not a JSON error: %v", err)
	}
	return body.Error
}

func TestCatalogueServer(t *testing.T) {
	store := newMemStore()
	h := newServer(nil, store, apiConfig{})
	kept := modelFile(t, "a model already shared", 4, 7)
	res := upload(h, kept)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("the first upload: %d", res.StatusCode)
	}
	var c created
	if err := json.NewDecoder(res.Body).Decode(&c); err != nil {
		t.Fatal(err)
	}
	// stillThere fails unless the store holds exactly the first model, as uploaded.
	stillThere := func(what string) {
		t.Helper()
		if store.count() != 1 {
			t.Fatalf("%s: the store has %d models", what, store.count())
		}
		res := do(h, "GET", "/api/models/"+c.ID, nil, nil)
		if b, _ := io.ReadAll(res.Body); res.StatusCode != 200 || !bytes.Equal(b, kept) {
			t.Fatalf("%s: the stored model changed (status %d)", what, res.StatusCode)
		}
	}

	file := modelFile(t, "hello, 世界", 4, 1)
	newer := bytes.Clone(file)
	newer[8] = 2
	for _, r := range []struct {
		input  string
		method string
		path   string
		body   []byte
		hdr    map[string]string
		status int
		want   string
	}{
		{"an empty body", "POST", "/api/models", nil, octet, 400, "the request body is empty"},
		{"hostile HTML", "POST", "/api/models", []byte("<img src=x onerror=alert(1)>"), octet, 400, "not an LSTM Playground model file"},
		{"a JSON body", "POST", "/api/models", []byte(`{"model":"x"}`), map[string]string{"Content-Type": "application/json"}, 415, "Content-Type: application/octet-stream"},
		{"a form post from another site", "POST", "/api/models", []byte("a=1"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "application/x-www-form-urlencoded"},
		{"a model from a future version", "POST", "/api/models", newer, octet, 400, "made by a newer version of LSTM Playground"},
		{"a model file twice", "POST", "/api/models", append(bytes.Clone(file), file...), octet, 400, "goes on after its end"},
		{"5 MiB of zeros", "POST", "/api/models", make([]byte, 5<<20), octet, 413, "more than the share service takes: 4 MiB"},
		{"a GET with a body", "GET", "/api/models", file, octet, 405, "use POST"},
		{"a PUT over a stored model", "PUT", "/api/models/" + c.ID, file, octet, 405, "use GET or HEAD"},
		{"a path that climbs out", "GET", "/api/models/..%2F..%2Fetc%2Fpasswd", nil, nil, 400, "this is not a model id"},
		{"an id in capitals", "GET", "/api/models/" + strings.ToUpper(c.ID), nil, nil, 400, "this is not a model id"},
		{"an id with markup", "GET", "/api/models/%3Cscript%3Ealert(1)%3C%2Fscript%3E", nil, nil, 400, "this is not a model id"},
		{"an id nobody uploaded", "GET", "/api/models/" + strings.Repeat("a", idLen), nil, nil, 404, "no model has this id"},
		{"a DELETE without the token", "DELETE", "/api/models/" + c.ID, nil, nil, 403, "takes its delete token"},
		{"a DELETE with a guessed token", "DELETE", "/api/models/" + c.ID, nil, map[string]string{"Authorization": "Bearer " + newID()}, 403, "not the model's delete token"},
		{"a DELETE with the model's id as token", "DELETE", "/api/models/" + c.ID, nil, map[string]string{"Authorization": "Bearer " + c.ID}, 403, "not the model's delete token"},
	} {
		var body io.Reader
		if r.body != nil {
			body = bytes.NewReader(r.body)
		}
		res := do(h, r.method, r.path, body, r.hdr)
		b, _ := io.ReadAll(res.Body)
		res.Body = io.NopCloser(bytes.NewReader(b))
		checkError(t, r.input, res, r.status)
		msg := errorText(t, b)
		if !strings.Contains(msg, r.want) {
			t.Errorf("%s: %q, want %q", r.input, msg, r.want)
		}
		t.Logf("CATALOGUE | server | %s | %d %s", r.input, r.status, msg)
		stillThere(r.input)
	}
	catalogueCorrupt(t, h, file, stillThere)
}

// catalogueCorrupt uploads every truncation of a model file, and the file
// with a changed byte at every position, then a hostile body that must not be
// echoed.
func catalogueCorrupt(t *testing.T, h http.Handler, file []byte, stillThere func(string)) {
	for n := range len(file) {
		res := upload(h, file[:n])
		if res.StatusCode != 400 {
			t.Fatalf("the model cut to %d of %d bytes: status %d", n, len(file), res.StatusCode)
		}
	}
	for i := range file {
		bad := bytes.Clone(file)
		bad[i] ^= 0x55
		if res := upload(h, bad); res.StatusCode != 400 {
			t.Fatalf("byte %d changed: status %d", i, res.StatusCode)
		}
	}
	t.Logf("CATALOGUE | server | a model truncated at each of %d positions, and each byte changed | 400 each", len(file))
	stillThere("truncated and corrupted uploads")

	// The hostile body is never echoed as markup.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/models", strings.NewReader("<img src=x onerror=alert(1)>"))
	req.Header.Set("Content-Type", "application/octet-stream")
	h.ServeHTTP(rec, req)
	if strings.Contains(rec.Body.String(), "<") {
		t.Errorf("the answer echoes markup: %s", rec.Body.String())
	}
}
