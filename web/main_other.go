//go:build !js

// Command web serves LSTM Playground on the local machine: the static site
// (static/) and the share service (/api/), with models kept on disk. `go run
// ./web` is what `./build.sh serve` runs. Built for Cloudflare Workers, the
// same package serves the share service only (main_js.go).
//
//	go run ./web [-dir static] [-data data] [-addr 127.0.0.1:$PORT]
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
	store, err := openDiskStore(*data)
	if err != nil {
		return fmt.Errorf("the data folder: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "LSTM Playground: http://%s/\n", ln.Addr())
	fmt.Fprintf(stdout, "Shared models are kept in %s\n", store.dir)
	srv := &http.Server{
		Handler:           newServer(os.DirFS(*dir), store),
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
