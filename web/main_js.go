// Command web, built for Cloudflare Workers (GOOS=js GOARCH=wasm, by
// `./build.sh worker`), serves the share service /api/* with models kept in
// the KV namespace bound as MODELS, and the class board /api/classes in the
// same namespace. The site itself (static/) is served by
// Cloudflare as the Worker's static assets, with the headers of the _headers
// file that `go run ./web -headers` writes; requests reach this program only
// for /api/* and for paths that match no asset (a JSON 404).
package main

import (
	"time"

	"github.com/syumai/workers"
)

func main() {
	// The Worker counts uploads and deletions only (see kvLimiter).
	l := limits{Uploads: defaultLimits.Uploads}
	workers.Serve(newAPI(kvStore{binding: "MODELS", keep: defaultKeepDays * 24 * time.Hour}, apiConfig{
		limiter: kvLimiter{binding: "MODELS", l: l},
		limits:  l,
		// The class board keeps its classes in the same namespace; a new
		// entry may take up to a minute to be listed on the board.
		classes: kvClassStore{binding: "MODELS"},
		class:   classConfig{boardDelay: time.Minute},
		// syumai/workers sets the request's RemoteAddr to CF-Connecting-IP,
		// the client's address as Cloudflare saw it.
	}))
}
