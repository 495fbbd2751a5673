// Command web, built for Cloudflare Workers (GOOS=js GOARCH=wasm, by
// `./build.sh worker`), serves the share service /api/* with models kept in
// the KV namespace bound as MODELS. The site itself (static/) is served by
// Cloudflare as the Worker's static assets, with the headers of the _headers
// file that `go run ./web -headers` writes; requests reach this program only
// for /api/* and for paths that match no asset (a JSON 404).
package main

import "github.com/syumai/workers"

func main() {
	workers.Serve(newAPI(kvStore{binding: "MODELS"}))
}
