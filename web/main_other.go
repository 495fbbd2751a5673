//go:build !js

// Command web serves LSTM Playground on the local machine: the static site
// (static/) and the share service (/api/), with models kept on disk. `go run
// ./web` is what `./build.sh serve` runs. Built for Cloudflare Workers, the
// same package serves the share service only (main_js.go).
//
//	go run ./web [-dir static] [-data data] [-addr 127.0.0.1:$PORT]
//	             [-max-storage-mib 1024] [-max-class-storage-mib 1024] [-keep-days 90]
//	             [-client-ip-header X-Forwarded-For]
//	go run ./web -headers DIR    write DIR/_headers for Cloudflare static assets
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

func main() {
	log.SetFlags(0)
	if err := run(os.Args[1:], os.Stdout); err != nil {
		log.Fatalf("web: %v", err)
	}
}

// run runs the command with the arguments args (without the program name),
// printing the address it serves on to stdout. It returns only on an error.
func run(args []string, stdout io.Writer) error {
	port := os.Getenv("PORT")
	if port == "" {
		port = "9900"
	}
	fl := flag.NewFlagSet("web", flag.ContinueOnError)
	addr := fl.String("addr", net.JoinHostPort("127.0.0.1", port), "address to listen on")
	dir := fl.String("dir", "static", "folder of the static site")
	data := fl.String("data", "data", "folder of the shared models (created if missing)")
	headers := fl.String("headers", "", "write `DIR`/_headers, the headers for DIR served as Cloudflare static assets, and exit")
	maxMiB := fl.Int64("max-storage-mib", defaultMaxStorage>>20, "total size of the shared models, in MiB; past it uploads get 507")
	classMiB := fl.Int64("max-class-storage-mib", defaultMaxStorage>>20, "total size of the class boards, in MiB; past it new classes and entries get 507")
	keepDays := fl.Int("keep-days", defaultKeepDays, "delete a shared model after this many `days` unread")
	upLimit := fl.Int("upload-limit", defaultLimits.Uploads.Limit, "uploads and deletions per address every 10 minutes (0: no upload limit)")
	reqLimit := fl.Int("request-limit", defaultLimits.Requests.Limit, "requests to /api/ per address every minute (0: no limit)")
	ipHeader := fl.String("client-ip-header", "", "count rate limits by the client address in this request `header` (the last address in it), set by a trusted proxy in front; without it, by the peer's address")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fl.Arg(0))
	}
	if *headers != "" {
		b, err := cloudflareHeaders(os.DirFS(*headers))
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(*headers, "_headers"), b, 0o644)
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder; run ./build.sh build first", *dir)
	}
	if *maxMiB <= 0 || *classMiB <= 0 || *keepDays <= 0 || *upLimit < 0 || *reqLimit < 0 {
		return fmt.Errorf("-max-storage-mib, -max-class-storage-mib and -keep-days must be positive, -upload-limit and -request-limit not negative")
	}
	lim := defaultLimits
	lim.Uploads.Limit, lim.Requests.Limit = *upLimit, *reqLimit
	if *upLimit == 0 {
		lim.UploadsInFlight = 0
	}
	store, err := openDiskStore(*data)
	if err != nil {
		return fmt.Errorf("the data folder: %w", err)
	}
	store.maxBytes = *maxMiB << 20
	store.keep = time.Duration(*keepDays) * 24 * time.Hour
	classes, err := openClassStore(*data)
	if err != nil {
		return fmt.Errorf("the data folder: %w", err)
	}
	classes.maxBytes = *classMiB << 20
	go sweepEvery(store, classes, time.Hour)
	cfg := apiConfig{limiter: newMemLimiter(lim), limits: lim, clientHeader: *ipHeader,
		keepDays: *keepDays, maxStorageBytes: store.maxBytes, classes: classes}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "LSTM Playground: http://%s/\n", ln.Addr())
	fmt.Fprintf(stdout, "Shared models are kept in %s (%d MiB of %d used; a model unread for %d days expires)\n",
		store.dir, store.usedBytes()>>20, *maxMiB, *keepDays)
	srv := &http.Server{
		Handler:           newServer(os.DirFS(*dir), store, cfg),
		ReadHeaderTimeout: 10 * time.Second,
		// An upload of MaxUploadBytes at 1 Mbit/s takes about 35 s.
		ReadTimeout:  2 * time.Minute,
		WriteTimeout: 2 * time.Minute,
		IdleTimeout:  2 * time.Minute,
	}
	err = srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// sweepEvery deletes the expired models of store and the expired classes
// of classes now and then every period.
func sweepEvery(store *diskStore, classes *classDiskStore, period time.Duration) {
	for {
		if n := store.Sweep(); n > 0 {
			log.Printf("web: deleted %d shared models unread for %v", n, store.keep)
		}
		if n := classes.Sweep(); n > 0 {
			log.Printf("web: deleted %d expired classes", n)
		}
		time.Sleep(period)
	}
}
