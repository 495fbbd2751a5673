//go:build !js

package main

// The load test and the kill -9 test run against the native server on
// loopback. By default they are small, to keep `go test ./...` quick; with
// WEB_LOAD=full (./build.sh test) they run at full size and their figures are
// worth reading (go test -v -run 'TestLoad|TestKillRestart' ./web).

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lstmplayground/lstm"
)

// serverEnv, when set to 1, makes the test binary run the server command
// with its arguments instead of the tests (see startServer).
const serverEnv = "WEB_TEST_SERVER"

func TestMain(m *testing.M) {
	if os.Getenv(abuseEnv) == "1" {
		log.SetFlags(0)
		if err := runAbuse(); err != nil {
			log.Fatalf("abusers: %v", err)
		}
		os.Exit(0)
	}
	if os.Getenv(serverEnv) == "1" {
		log.SetFlags(0)
		if err := run(os.Args[1:], os.Stdout); err != nil {
			log.Fatalf("web: %v", err)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func fullLoad() bool { return os.Getenv("WEB_LOAD") == "full" }

// modelPool returns n distinct valid model files of assorted sizes (about
// 1 KB to 110 KB).
func modelPool(t testing.TB, n int) [][]byte { return seededPool(t, n, 0) }

// seededPool is modelPool with seeds from first+1: pools of other firsts
// share no file.
func seededPool(t testing.TB, n int, first uint64) [][]byte {
	pool, err := seededFiles(n, first)
	if err != nil {
		t.Fatal(err)
	}
	return pool
}

func seededFiles(n int, first uint64) ([][]byte, error) {
	texts := []string{"hello", "the quick brown fox jumps over the lazy dog", "ab ab ab abc", "0123456789 (){}[]", "LSTM Playground: c, h, zi, zf, z, zo — 世界"}
	sizes := []int{4, 8, 16, 32, 64}
	pool := make([][]byte, n)
	for i := range pool {
		var err error
		if pool[i], err = makeModel(texts[i%len(texts)], sizes[(i/len(texts))%len(sizes)], first+uint64(i+1)); err != nil {
			return nil, err
		}
	}
	return pool, nil
}

// client returns an HTTP client for conc concurrent requests to one host,
// each given 30 s.
func client(conc int) *http.Client { return clientWithin(conc, 30*time.Second) }

// clientWithin returns an HTTP client for conc concurrent requests to one
// host, each given d from start to end.
func clientWithin(conc int, d time.Duration) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = conc
	tr.MaxConnsPerHost = conc
	return &http.Client{Transport: tr, Timeout: d}
}

// answer is a response read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// send sends a request to base+path, from the client address from (set as
// X-Forwarded-For, which the load test's server trusts; "" for none).
func send(ctx context.Context, c *http.Client, method, url, from string, body io.Reader) (answer, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return answer{}, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/octet-stream")
	}
	if from != "" {
		req.Header.Set("X-Forwarded-For", from)
	}
	res, err := c.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, b}, err
}

// post uploads body to base and returns its id, or an error (for a response
// other than 201 or 200 too).
func post(ctx context.Context, c *http.Client, base string, body io.Reader) (string, error) {
	return postFrom(ctx, c, base, "", body)
}

func postFrom(ctx context.Context, c *http.Client, base, from string, body io.Reader) (string, error) {
	a, err := send(ctx, c, "POST", base+"api/models", from, body)
	if err != nil {
		return "", err
	}
	// 201: stored; 200: the same file was stored already, under the id given.
	if a.status != http.StatusCreated && a.status != http.StatusOK {
		return "", fmt.Errorf("POST: %d: %s", a.status, a.body)
	}
	var cr created
	if err := json.Unmarshal(a.body, &cr); err != nil {
		return "", err
	}
	return cr.ID, nil
}

// fetch downloads the model id from base.
func fetch(ctx context.Context, c *http.Client, base, id string) ([]byte, error) {
	return fetchFrom(ctx, c, base, "", id)
}

func fetchFrom(ctx context.Context, c *http.Client, base, from, id string) ([]byte, error) {
	a, err := send(ctx, c, "GET", base+"api/models/"+id, from, nil)
	if err != nil {
		return nil, err
	}
	if a.status != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %d: %s", id, a.status, a.body)
	}
	return a.body, nil
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

// loadRun is what the well-behaved clients of one phase of TestLoad did.
type loadRun struct {
	stored         map[string][]byte // id → the file acknowledged
	upLat, downLat []time.Duration
	upBytes, down  int64
	failures       []error
	elapsed        time.Duration
	requests, conc int
}

// thinkTime is the pause of a well-behaved client between two requests: 32
// clients send up to 320 requests a second, each within its limits.
const thinkTime = 100 * time.Millisecond

// wellBehaved runs total requests from conc clients, each with its own
// address (net.w) and thinkTime between its requests, half uploads of new
// models (from pool, in order), half downloads of the models uploaded,
// within budget; then, until done reports true (if done is not nil), more
// downloads.
func wellBehaved(t *testing.T, base string, pool [][]byte, total, conc int, net string, budget time.Duration, done func() bool) *loadRun {
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	c := client(conc)
	run := &loadRun{stored: make(map[string][]byte), requests: total, conc: conc}
	var (
		mu   sync.Mutex
		ids  []string
		next atomic.Int64
		sent atomic.Int64
	)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range conc {
		rng := rand.New(rand.NewPCG(uint64(w), 7))
		from := fmt.Sprintf("%s.%d", net, w)
		wg.Go(func() {
			for i := sent.Add(1) - 1; (i < int64(total) || done != nil && !done()) && ctx.Err() == nil; i = sent.Add(1) - 1 {
				if i >= int64(conc) {
					sleepCtx(ctx, thinkTime)
				}
				mu.Lock()
				n := len(ids)
				mu.Unlock()
				// Half uploads, half downloads (uploads until there is
				// something to download).
				if i < int64(total) && (i%2 == 0 || n == 0) {
					file := pool[next.Add(1)-1]
					t0 := time.Now()
					id, err := postFrom(ctx, c, base, from, bytes.NewReader(file))
					d := time.Since(t0)
					mu.Lock()
					if err != nil {
						run.failures = append(run.failures, err)
					} else {
						run.stored[id] = file
						ids = append(ids, id)
						run.upLat = append(run.upLat, d)
						run.upBytes += int64(len(file))
					}
					mu.Unlock()
					continue
				}
				mu.Lock()
				id := ids[rng.IntN(len(ids))]
				want := run.stored[id]
				mu.Unlock()
				t0 := time.Now()
				b, err := fetchFrom(ctx, c, base, from, id)
				d := time.Since(t0)
				mu.Lock()
				if err == nil && !bytes.Equal(b, want) {
					err = fmt.Errorf("model %s read back different (%d bytes, want %d)", id, len(b), len(want))
				}
				if err != nil {
					run.failures = append(run.failures, err)
				} else {
					run.downLat = append(run.downLat, d)
					run.down += int64(len(b))
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	run.elapsed = time.Since(start)
	run.requests = len(run.upLat) + len(run.downLat) + len(run.failures)
	if ctx.Err() != nil {
		t.Fatalf("load: the requests did not finish within %v (%d uploads and %d downloads done)", budget, len(run.upLat), len(run.downLat))
	}
	return run
}

func (r *loadRun) log(t *testing.T, what string) {
	t.Logf("load, %s: %d requests (%d uploads of new models, %d downloads) from %d well-behaved clients in %v: %.0f requests/s, %.1f MB up, %.1f MB down; upload p50 %v, p99 %v; download p50 %v, p99 %v",
		what, r.requests, len(r.upLat), len(r.downLat), r.conc, r.elapsed.Round(time.Millisecond), float64(r.requests)/r.elapsed.Seconds(),
		float64(r.upBytes)/1e6, float64(r.down)/1e6,
		percentile(r.upLat, 0.5).Round(10*time.Microsecond), percentile(r.upLat, 0.99).Round(10*time.Microsecond),
		percentile(r.downLat, 0.5).Round(10*time.Microsecond), percentile(r.downLat, 0.99).Round(10*time.Microsecond))
}

// TestLoad sends many concurrent uploads and downloads from well-behaved
// clients to the server with a disk store and the default limits, first
// alone, then again while abusive clients run (see abuse): one floods
// uploads, one sends slow bodies, one asks for 10,000 unknown ids. The
// well-behaved clients must get every request through (no 429), every model
// acknowledged (theirs and the flooder's) must read back byte-identical, and
// the abusers must be refused with 429 and Retry-After. It logs the
// well-behaved latencies of both phases and their ratio. It is bounded in
// count (2,000 requests a phase full size, 300 otherwise, and 10,000 or
// 1,000 unknown ids) and in time (30 s alone, 60 s with the abusers).
func TestLoad(t *testing.T) {
	total, conc, unknown := 300, 32, 1000
	if fullLoad() {
		total, unknown = 2000, 10000
	}
	store, err := openDiskStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cfg := apiConfig{limiter: newMemLimiter(defaultLimits), limits: defaultLimits, clientHeader: "X-Forwarded-For"}
	srv := httptest.NewServer(newServer(site(), store, cfg)) // on 127.0.0.1
	defer srv.Close()
	base := srv.URL + "/"
	pool := seededPool(t, 2*total, 0) // a new model for every upload
	flood := seededPool(t, floodFiles, floodSeed)

	alone := wellBehaved(t, base, pool[:total], total, conc, "10.1.0", 30*time.Second, nil)
	abusers := startAbuseProcess(t, base, unknown)
	// While the abusers run, and at least until all the unknown ids were asked
	// for and the other abusers refused.
	busy := wellBehaved(t, base, pool[total:], total, conc, "10.2.0", 60*time.Second, abusers.done.Load)
	ab := abusers.stop(t)
	abStored := make(map[string][]byte)
	for id, k := range ab.Stored {
		abStored[id] = flood[k]
	}

	for _, r := range []*loadRun{alone, busy} {
		if len(r.failures) > 0 {
			t.Fatalf("load: %d of %d well-behaved requests failed; the first: %v", len(r.failures), r.requests, r.failures[0])
		}
	}
	ab.check(t)
	// Every acknowledged model, read back once more.
	c := client(8)
	n := 0
	for _, stored := range []map[string][]byte{alone.stored, busy.stored, abStored} {
		for id, want := range stored {
			b, err := fetchFrom(context.Background(), c, base, fmt.Sprintf("10.3.%d.%d", n/250, n%250), id)
			if err != nil || !bytes.Equal(b, want) {
				t.Fatalf("acknowledged model %s: %v, or different bytes", id, err)
			}
			n++
		}
	}
	alone.log(t, "alone")
	busy.log(t, "with the abusers")
	ab.log(t)
	t.Logf("load: well-behaved p50 with the abusers ÷ alone: uploads %.2f, downloads %.2f; p99: uploads %.2f, downloads %.2f; all %d acknowledged models (the flooder's too) read back byte-identical",
		ratio(busy.upLat, alone.upLat, 0.5), ratio(busy.downLat, alone.downLat, 0.5),
		ratio(busy.upLat, alone.upLat, 0.99), ratio(busy.downLat, alone.downLat, 0.99), n)
}

func ratio(a, b []time.Duration, p float64) float64 {
	return float64(percentile(a, p)) / float64(percentile(b, p))
}

// server is the server command running as a child process.
type server struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:port/
}

// startServer runs the server command (this test binary, with serverEnv set)
// on a free loopback port with the given folders.
func startServer(t *testing.T, staticDir, dataDir string) *server {
	t.Helper()
	// The kill test uploads as fast as it can from one address: no limits.
	cmd := exec.Command(os.Args[0], "-dir", staticDir, "-data", dataDir, "-addr", "127.0.0.1:0", "-upload-limit", "0", "-request-limit", "0")
	cmd.Env = append(os.Environ(), serverEnv+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- s
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case s := <-line:
		url, ok := strings.CutPrefix(strings.TrimSpace(s), "LSTM Playground: ")
		if !ok {
			t.Fatalf("the server said %q", s)
		}
		return &server{cmd: cmd, base: url}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not start within 10 s")
	}
	return nil
}

// slowReader sends the first half of b, pauses, then sends the rest, so that
// a kill is likely to find the upload half received.
type slowReader struct {
	b      []byte
	paused bool
	pause  time.Duration
}

func (r *slowReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	if !r.paused && len(r.b) > 1 {
		r.paused = true
		n := copy(p[:min(len(p), len(r.b)/2)], r.b)
		r.b = r.b[n:]
		return n, nil
	}
	if r.paused && r.pause > 0 {
		time.Sleep(r.pause)
		r.pause = 0
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

// TestKillRestart kills the server with SIGKILL while uploads are in flight,
// restarts it on the same data folder, and checks that every model whose
// upload was acknowledged (201) reads back byte-identical, and that every file
// in the store is a whole, valid model: none is torn. It repeats this for a
// few rounds, the data folder growing across them.
func TestKillRestart(t *testing.T) {
	rounds, conc := 2, 12
	if fullLoad() {
		rounds, conc = 5, 24
	}
	staticDir, dataDir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(staticDir, "index.html"), []byte("<!doctype html><title>x</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	k := &killTest{pool: modelPool(t, 25), sent: make(map[[32]byte]bool), c: client(conc)}
	for round := range rounds {
		srv := startServer(t, staticDir, dataDir)
		n, roundAck := k.round(t, srv, round, conc)
		if t.Failed() {
			return
		}
		if n == 0 {
			t.Errorf("round %d: no upload was in flight at the kill", round)
		}
		k.interrupted += int(n)
		t.Logf("round %d: killed with %d uploads in flight, after %d acknowledged", round, n, roundAck)

		// Restart: every acknowledged model is there, byte for byte.
		srv = startServer(t, staticDir, dataDir)
		for _, a := range k.acked {
			b, err := fetch(context.Background(), k.c, srv.base, a.id)
			if err != nil {
				t.Fatalf("after restart %d: acknowledged model %s: %v", round, a.id, err)
			}
			if !bytes.Equal(b, a.b) {
				t.Fatalf("after restart %d: acknowledged model %s read back different", round, a.id)
			}
		}
		_ = srv.cmd.Process.Kill()
		_ = srv.cmd.Wait()
	}
	files, metas, temps := k.checkFolder(t, filepath.Join(dataDir, "models"))
	distinct := make(map[string]bool)
	for _, a := range k.acked {
		distinct[a.id] = true
	}
	if files < len(distinct) {
		t.Errorf("%d models on disk, fewer than the %d ids acknowledged", files, len(distinct))
	}
	if len(k.acked) == 0 {
		t.Error("no upload was acknowledged")
	}
	t.Logf("kill -9: %d rounds, %d uploads tried, %d acknowledged (%d ids: identical files share one) and all read back byte-identical after restarts; %d in flight at the kills; %d whole models on disk (acknowledged, or stored just before a kill), %d meta files, %d temporary files left, no torn model",
		rounds, k.attempts, len(k.acked), len(distinct), k.interrupted, files, metas, temps)
}

// killTest is what TestKillRestart keeps across rounds. One upload in four is
// a file of pool (most of them stored already: identical uploads under a
// kill), the rest new models.
type killTest struct {
	pool [][]byte
	c    *http.Client

	mu                    sync.Mutex
	acked                 []killAck
	sent                  map[[32]byte]bool // every file uploaded
	interrupted, attempts int
}

type killAck struct {
	id string
	b  []byte
}

// round uploads from conc clients to srv, half of them slow, and kills srv
// in the middle; it returns the uploads in flight at the kill and those
// acknowledged.
func (k *killTest) round(t *testing.T, srv *server, round, conc int) (int64, int) {
	var (
		inFlight atomic.Int64
		stop     atomic.Bool
		roundAck int
	)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for w := range conc {
		rng := rand.New(rand.NewPCG(uint64(round), uint64(w)))
		wg.Go(func() {
			for !stop.Load() {
				file := k.pool[rng.IntN(len(k.pool))]
				if rng.IntN(4) > 0 {
					var err error
					if file, err = makeModel("kill -9 at any moment", 8+rng.IntN(32), rng.Uint64()); err != nil {
						t.Error(err)
						return
					}
				}
				k.mu.Lock()
				k.sent[sha256.Sum256(file)] = true
				k.mu.Unlock()
				var body io.Reader = bytes.NewReader(file)
				if w%2 == 1 {
					body = &slowReader{b: file, pause: time.Duration(5+rng.IntN(30)) * time.Millisecond}
				}
				inFlight.Add(1)
				id, err := post(ctx, k.c, srv.base, body)
				inFlight.Add(-1)
				k.mu.Lock()
				k.attempts++
				if err == nil {
					k.acked = append(k.acked, killAck{id, file})
					roundAck++
				}
				k.mu.Unlock()
				if err != nil && !stop.Load() {
					t.Errorf("round %d: upload failed before the kill: %v", round, err)
					return
				}
			}
		})
	}
	// Let uploads run, then kill the server in the middle of them.
	time.Sleep(time.Duration(150+100*round) * time.Millisecond)
	stop.Store(true)
	n := inFlight.Load()
	if err := srv.cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	_ = srv.cmd.Wait()
	cancel()
	wg.Wait()
	return n, roundAck
}

// checkFolder checks that no model in the store's folder dir is torn: every
// file under an id is a whole model that was sent, every meta file whole.
func (k *killTest) checkFolder(t *testing.T, dir string) (files, metas, temps int) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			temps++ // left by a kill; removed on a later start once stale
			continue
		}
		if strings.HasSuffix(e.Name(), metaSuffix) {
			// Written (by rename) before its model is linked: whole, or the
			// rename did not happen.
			metas++
			if _, err := readMeta(filepath.Join(dir, e.Name())); err != nil {
				t.Errorf("meta file %s: %v", e.Name(), err)
			}
			continue
		}
		files++
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !validID(e.Name()) {
			t.Errorf("file %s is not named by an id", e.Name())
		}
		if _, err := lstm.UnmarshalModel(b); err != nil {
			t.Errorf("model %s is torn: %v", e.Name(), err)
		} else if !k.sent[sha256.Sum256(b)] {
			t.Errorf("model %s is not one that was uploaded", e.Name())
		}
	}
	return files, metas, temps
}
