//go:build !js

package main

// The abusive clients of TestLoad, each from its own address, run in a child
// process at the lowest CPU priority (nice 19): on the test machine they share
// the CPU with the server and the well-behaved clients, and what the load test
// measures is the server's cost of answering them, not the cost of sending
// them, which a real abuser pays on its own machine.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// abuseEnv, when set to 1, makes the test binary run the abusers (runAbuse)
// instead of the tests.
const abuseEnv = "WEB_TEST_ABUSE"

const (
	flooderAddr = "10.9.0.1"
	slowAddr    = "10.9.0.2"
	unknownAddr = "10.9.0.3"
	floodSeed   = 1 << 20 // the flooder's files: floodPool
	floodFiles  = 200
)

func floodPool() ([][]byte, error) { return seededFiles(floodFiles, floodSeed) }

// abuseResult is what the abusers did.
type abuseResult struct {
	Took, UnknownTook       time.Duration // from start to stop, to the last unknown id asked
	FloodSent, Flood429     int
	SlowSent, Slow429       int
	FloodStored, SlowStored int // acknowledged uploads of each (addresses of their own, each its own limit)
	Unknown, UnknownSent    int
	UnknownDuring           int // asked before stop
	Unknown404, Unknown429  int
	Bad, BadRetry           int            // unexpected answers; 429s without a matching Retry-After
	FirstBad                string         // the first unexpected answer
	Stored                  map[string]int // acknowledged uploads: id → index in floodPool
}

// abuse runs the abusers until stop: a flooder uploading as fast as 8
// connections allow, ignoring 429; a client sending 12 slow bodies at once
// (256 bytes every 50 ms), again 100 ms after each refusal; and a client
// asking 8 at a time for unknown ids, at least unknown of them.
type abuse struct {
	cancel    context.CancelFunc
	done      atomic.Bool
	wg        sync.WaitGroup // the flooder and the slow bodies
	unknownWG sync.WaitGroup
	start     time.Time

	mu  sync.Mutex
	res abuseResult
}

func startAbuse(base string, flood [][]byte, unknown int) *abuse {
	ctx, cancel := context.WithCancel(context.Background())
	a := &abuse{cancel: cancel, start: time.Now(), res: abuseResult{Unknown: unknown, Stored: make(map[string]int)}}
	var next atomic.Int64
	// A slow body takes 6 to 22 s to send, longer on a busy machine: its
	// client waits as long as the server lets a body last (ReadTimeout, 2
	// min) and then some, so that only the server ends it.
	fc, sc, uc := client(8), clientWithin(12, 150*time.Second), client(8)
	for range 8 {
		a.wg.Go(func() {
			for !a.done.Load() {
				k := int(next.Add(1)-1) % len(flood)
				ans, err := send(ctx, fc, "POST", base+"api/models", flooderAddr, bytes.NewReader(flood[k]))
				a.count(err, ans, k, &a.res.FloodSent, &a.res.Flood429, nil)
			}
		})
	}
	for w := range 12 {
		a.wg.Go(func() {
			for !a.done.Load() {
				// Files of 30 to 110 KB (hidden sizes 32 and 64): 6 to 22 s each.
				k := 25*(w/10) + 15 + w%10
				body := &trickle{ctx: ctx, b: flood[k], chunk: 256, every: 50 * time.Millisecond}
				ans, err := send(ctx, sc, "POST", base+"api/models", slowAddr, body)
				a.count(err, ans, k, &a.res.SlowSent, &a.res.Slow429, nil)
				sleepCtx(ctx, 100*time.Millisecond)
			}
		})
	}
	var asked atomic.Int64
	for range 8 {
		a.unknownWG.Go(func() {
			for asked.Add(1) <= int64(unknown) || !a.done.Load() {
				ans, err := send(ctx, uc, "GET", base+"api/models/"+newID(), unknownAddr, nil)
				a.count(err, ans, -1, &a.res.UnknownSent, &a.res.Unknown429, &a.res.Unknown404)
			}
		})
	}
	return a
}

// count counts an answer: 201/200 (to the upload of flood[k]), 404 (into
// notFound), 429 (into limited), or something unexpected.
func (a *abuse) count(err error, ans answer, k int, sent, limited, notFound *int) {
	if errors.Is(err, context.Canceled) {
		return // stopped
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	r := &a.res
	*sent++
	if sent == &r.UnknownSent && r.UnknownSent == r.Unknown {
		r.UnknownTook = time.Since(a.start)
	}
	switch {
	case err != nil:
	case ans.status == 429:
		*limited++
		var e apiError
		if json.Unmarshal(ans.body, &e) != nil || e.Code != codeRateLimited || e.RetryAfter <= 0 || ans.header.Get("Retry-After") != strconv.Itoa(e.RetryAfter) {
			r.BadRetry++
		}
		return
	case ans.status == 404 && notFound != nil:
		*notFound++
		return
	case (ans.status == 201 || ans.status == 200) && k >= 0:
		var c created
		if err = json.Unmarshal(ans.body, &c); err == nil {
			r.Stored[c.ID] = k
			if sent == &r.SlowSent {
				r.SlowStored++
			} else {
				r.FloodStored++
			}
			return
		}
	default:
		err = errors.New(strconv.Itoa(ans.status) + ": " + string(ans.body))
	}
	r.Bad++
	if r.FirstBad == "" {
		who := "the flooder"
		switch sent {
		case &r.SlowSent:
			who = "a slow body"
		case &r.UnknownSent:
			who = "an unknown id"
		}
		r.FirstBad = who + ", after " + time.Since(a.start).Round(time.Millisecond).String() + ": " + err.Error()
	}
}

// sawAll reports whether all the unknown ids were asked for and the flooder
// and the slow bodies were each refused at least once: however slowly the
// abusers run (at nice 19 on a busy machine), the well-behaved clients go on
// until then.
func (a *abuse) sawAll() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.res.UnknownSent >= a.res.Unknown && a.res.Flood429 > 0 && a.res.Slow429 > 0
}

// stop stops the abusers and returns what they did; the client asking for
// unknown ids first asks for all it was to ask for.
func (a *abuse) stop() abuseResult {
	a.done.Store(true)
	a.mu.Lock()
	a.res.Took, a.res.UnknownDuring = time.Since(a.start), a.res.UnknownSent
	a.mu.Unlock()
	a.unknownWG.Wait()
	time.Sleep(50 * time.Millisecond) // answers on their way are counted
	a.cancel()
	a.wg.Wait()
	return a.res
}

// runAbuse is the abusers' process: os.Args[1:] are the server's base URL
// and the count of unknown ids. It prints "started" once the abusers run,
// "unknown done" once they all did their part (see sawAll), and at end of input stops and prints its abuseResult as JSON.
func runAbuse() error {
	if len(os.Args) != 3 {
		return fmt.Errorf("want a base URL and a count, got %q", os.Args[1:])
	}
	unknown, err := strconv.Atoi(os.Args[2])
	if err != nil {
		return err
	}
	flood, err := floodPool()
	if err != nil {
		return err
	}
	a := startAbuse(os.Args[1], flood, unknown)
	fmt.Println("started")
	go func() {
		for !a.sawAll() {
			time.Sleep(10 * time.Millisecond)
		}
		fmt.Println("unknown done")
	}()
	_, _ = io.Copy(io.Discard, os.Stdin)
	return json.NewEncoder(os.Stdout).Encode(a.stop())
}

// abuseProcess is the abusers' process seen from the test.
type abuseProcess struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   chan string // its output lines
	done  atomic.Bool // it said "unknown done"
}

// startAbuseProcess runs the abusers at nice 19 (if nice exists) against base.
func startAbuseProcess(t *testing.T, base string, unknown int) *abuseProcess {
	args := []string{os.Args[0], base, strconv.Itoa(unknown)}
	if nice, err := exec.LookPath("nice"); err == nil {
		args = append([]string{nice, "-n", "19"}, args...)
	} else {
		t.Log("no nice: the abusers run at normal priority")
	}
	p := &abuseProcess{cmd: exec.Command(args[0], args[1:]...), out: make(chan string, 4)}
	p.cmd.Env = append(os.Environ(), abuseEnv+"=1")
	p.cmd.Stderr = os.Stderr
	var err error
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.cmd.Process.Kill(); _ = p.cmd.Wait() })
	started := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			switch sc.Text() {
			case "started":
				started <- true
				continue
			case "unknown done":
				p.done.Store(true)
				continue
			}
			p.out <- sc.Text()
		}
		close(p.out)
		close(started)
	}()
	select {
	case ok := <-started:
		if !ok {
			t.Fatal("the abusers' process ended before it started")
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the abusers did not start within 60 s")
	}
	return p
}

// stop stops the abusers and returns what they did.
func (p *abuseProcess) stop(t *testing.T) abuseResult {
	_ = p.stdin.Close()
	var r abuseResult
	select {
	case line, ok := <-p.out:
		if !ok || json.Unmarshal([]byte(line), &r) != nil {
			t.Fatalf("the abusers said %q", line)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the abusers did not stop within 60 s")
	}
	return r
}

// check fails unless the abusers were refused as the limits say, and nothing
// answered them but 201/200, 404 and 429 with Retry-After.
func (r abuseResult) check(t *testing.T) {
	t.Helper()
	l := defaultLimits
	if r.Bad > 0 {
		t.Errorf("abusers: %d unexpected answers; the first: %s", r.Bad, r.FirstBad)
	}
	if r.BadRetry > 0 {
		t.Errorf("abusers: %d answers 429 without a Retry-After matching retryAfter", r.BadRetry)
	}
	// A bucket of Limit, refilled by Limit per Window while the abuse went on.
	most := func(rt rate, d time.Duration) int {
		return rt.Limit + int(float64(rt.Limit)*d.Seconds()/rt.Window.Seconds()) + 1
	}
	// The flooder and the slow bodies come from addresses of their own, each
	// with its own bucket; a slow body's client waits for its answer, so its
	// upload can be stored.
	if n := r.FloodStored; n > most(l.Uploads, r.Took) || r.Flood429 == 0 {
		t.Errorf("flooder: %d uploads stored, %d refused, in %v (limit %d every %v)", n, r.Flood429, r.Took, l.Uploads.Limit, l.Uploads.Window)
	}
	if n := r.SlowStored; n > most(l.Uploads, r.Took) {
		t.Errorf("slow bodies: %d uploads stored in %v (limit %d every %v)", n, r.Took, l.Uploads.Limit, l.Uploads.Window)
	}
	if r.Slow429 == 0 {
		t.Errorf("slow bodies: none of %d refused (at most %d in flight)", r.SlowSent, l.UploadsInFlight)
	}
	if r.Unknown404 > most(l.Requests, max(r.Took, r.UnknownTook)) || r.Unknown429 == 0 || r.UnknownSent < r.Unknown {
		t.Errorf("unknown ids: %d asked, %d answered 404, %d refused", r.UnknownSent, r.Unknown404, r.Unknown429)
	}
}

func (r abuseResult) log(t *testing.T) {
	t.Logf("abusers (nice 19), for %v: flooder %d uploads, %d refused (429), %d stored; slow bodies %d answered, %d refused (429), %d stored, the rest still trickling at the end; %d distinct models stored from both; unknown ids %d asked (%d while the well-behaved clients ran; the first %d in %v), %d answered 404, %d refused (429); every 429 with Retry-After",
		r.Took.Round(time.Millisecond), r.FloodSent, r.Flood429, r.FloodStored, r.SlowSent, r.Slow429, r.SlowStored, len(r.Stored),
		r.UnknownSent, r.UnknownDuring, r.Unknown, r.UnknownTook.Round(time.Millisecond), r.Unknown404, r.Unknown429)
}

// trickle is a body that sends chunk bytes of b every period, until ctx ends.
type trickle struct {
	ctx   context.Context
	b     []byte
	chunk int
	every time.Duration
}

func (r *trickle) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	if !sleepCtx(r.ctx, r.every) {
		return 0, r.ctx.Err()
	}
	n := copy(p[:min(len(p), r.chunk)], r.b)
	r.b = r.b[n:]
	return n, nil
}

// sleepCtx sleeps for d or until ctx ends, and reports whether it slept d.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	select {
	case <-time.After(d):
		return true
	case <-ctx.Done():
		return false
	}
}
