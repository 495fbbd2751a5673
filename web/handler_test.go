//go:build !js

package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func site() fstest.MapFS {
	return fstest.MapFS{
		"index.html":                    {Data: []byte("<!doctype html><title>x</title>")},
		"app.0123456789ab.wasm":         {Data: []byte("\x00asm\x01\x00\x00\x00")},
		"wasm_exec.abcdef012345.js":     {Data: []byte("// js")},
		"boot.js":                       {Data: []byte("'use strict';")},
		"style.css":                     {Data: []byte("body{}")},
		"build.json":                    {Data: []byte(`{"wasm":"app.0123456789ab.wasm"}`)},
		"words-zh-CN.0123456789ab.json": {Data: []byte(`{"ids":{}}`)},
		".hidden":                       {Data: []byte("secret")},
	}
}

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServesWithTypesAndCaching(t *testing.T) {
	h := newHandler(site())
	for _, c := range []struct {
		path, ctype, cache string
	}{
		{"/", "text/html; charset=utf-8", "no-cache"},
		{"/index.html", "text/html; charset=utf-8", "no-cache"},
		{"/app.0123456789ab.wasm", "application/wasm", "public, max-age=31536000, immutable"},
		{"/wasm_exec.abcdef012345.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/boot.js", "text/javascript; charset=utf-8", "no-cache"},
		{"/style.css", "text/css; charset=utf-8", "no-cache"},
		{"/build.json", "application/json", "no-cache"},
		{"/words-zh-CN.0123456789ab.json", "application/json", "public, max-age=31536000, immutable"},
	} {
		res := get(t, h, "GET", c.path, nil)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", c.path, res.StatusCode)
			continue
		}
		if got := res.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		if got := res.Header.Get("Cache-Control"); got != c.cache {
			t.Errorf("%s: Cache-Control %q, want %q", c.path, got, c.cache)
		}
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "frame-ancestors", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", c.path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows inline script or style", c.path)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Referrer-Policy") == "" {
			t.Errorf("%s: security headers missing", c.path)
		}
	}
}

func TestGzip(t *testing.T) {
	h := newHandler(site())
	res := get(t, h, "GET", "/app.0123456789ab.wasm", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Fatalf("headers %v", res.Header)
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(zr)
	if string(body) != "\x00asm\x01\x00\x00\x00" {
		t.Errorf("gunzipped body %q", body)
	}
	plain := get(t, h, "GET", "/app.0123456789ab.wasm", map[string]string{"Accept-Encoding": "gzip;q=0"})
	if plain.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent although refused with q=0")
	}
}

func TestErrors(t *testing.T) {
	h := newHandler(site())
	for _, p := range []string{"/nope.js", "/.hidden", "/../etc/passwd", "/index.html/x"} {
		if res := get(t, h, "GET", p, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, res.StatusCode)
		}
	}
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		res := get(t, h, m, "/", nil)
		if res.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(res.Header.Get("Allow"), "GET") {
			t.Errorf("%s /: %d, Allow %q", m, res.StatusCode, res.Header.Get("Allow"))
		}
	}
	if res := get(t, h, "HEAD", "/boot.js", nil); res.StatusCode != 200 {
		t.Errorf("HEAD: %d", res.StatusCode)
	}
}

func TestBrotliCopy(t *testing.T) {
	files := site()
	files["app.0123456789ab.wasm.br"] = &fstest.MapFile{Data: []byte("brotli bytes")}
	h := newHandler(files)
	res := get(t, h, "GET", "/app.0123456789ab.wasm", map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	body, _ := io.ReadAll(res.Body)
	if res.Header.Get("Content-Encoding") != "br" || string(body) != "brotli bytes" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Fatalf("br: encoding %q, type %q, body %q", res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"), body)
	}
	// Without a Brotli copy, or without br accepted: gzip.
	for _, c := range []struct{ path, accept string }{{"/boot.js", "br, gzip"}, {"/app.0123456789ab.wasm", "gzip"}} {
		res := get(t, h, "GET", c.path, map[string]string{"Accept-Encoding": c.accept})
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s with %q: encoding %q, want gzip", c.path, c.accept, res.Header.Get("Content-Encoding"))
		}
	}
	// A stale copy, older than its file, is never sent.
	files["boot.js"].ModTime = files["boot.js"].ModTime.Add(1e9)
	files["boot.js.br"] = &fstest.MapFile{Data: []byte("stale")}
	res = get(t, newHandler(files), "GET", "/boot.js", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.Header.Get("Content-Encoding") == "br" {
		t.Error("a stale Brotli copy was sent")
	}
}
