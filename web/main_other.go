//go:build !js

// Command web serves the playground's static site (static/) on the local
// machine: `go run ./web` (what `./build.sh serve` runs).
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "9900"
	}
	addr := flag.String("addr", net.JoinHostPort("127.0.0.1", port), "address to listen on")
	dir := flag.String("dir", "static", "folder of the static site")
	flag.Parse()
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		log.Fatalf("web: %s is not a folder; run ./build.sh first", *dir)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("web: %v", err)
	}
	fmt.Printf("LSTM Playground: http://%s/\n", ln.Addr())
	srv := &http.Server{Handler: newHandler(os.DirFS(*dir)), ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.Serve(ln))
}
