//go:build !js

package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"slices"
)

// newServer returns the native server's handler: the share service under
// /api/ (see newAPI) and the static site in files everywhere else (see
// newHandler).
func newServer(files fs.FS, store modelStore, cfg apiConfig) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/api/", newAPI(store, cfg))
	mux.Handle("/", newHandler(files))
	return mux
}

// cloudflareHeaders returns the _headers file that gives the site in files,
// served as Cloudflare Workers static assets, the headers this server sends:
// the security headers on every asset, and a year's immutable caching for the
// content-hashed build outputs. Other assets keep Cloudflare's default,
// "public, max-age=0, must-revalidate", which revalidates like no-cache. The
// file applies to assets only; the share service sets its own headers.
func cloudflareHeaders(files fs.FS) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# Written by `go run ./web -headers DIR` (./build.sh worker) from web/handler.go.\n")
	b.WriteString("/*\n")
	sec := http.Header{}
	setSecurityHeaders(sec)
	for _, k := range slices.Sorted(maps.Keys(sec)) {
		fmt.Fprintf(&b, "  %s: %s\n", k, sec.Get(k))
	}
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && hashed.MatchString(name) {
			fmt.Fprintf(&b, "/%s\n  Cache-Control: public, max-age=31536000, immutable\n", name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
