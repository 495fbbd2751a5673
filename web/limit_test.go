//go:build !js

package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock           { return &fakeClock{time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)} }

// doFrom sends a request from the client address addr.
func doFrom(h http.Handler, addr, method, target string, body []byte, hdr map[string]string) *http.Response {
	req := httptest.NewRequest(method, target, nil)
	if body != nil {
		req = httptest.NewRequest(method, target, bytes.NewReader(body))
	}
	req.RemoteAddr = addr
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestRateLimits(t *testing.T) {
	clock := newFakeClock()
	l := limits{Requests: rate{Limit: 10, Window: time.Minute}, Uploads: rate{Limit: 2, Window: time.Minute}}
	m := newMemLimiter(l)
	m.now = clock.now
	h := newAPI(newMemStore(), apiConfig{limiter: m, limits: l})
	files := [][]byte{modelFile(t, "one", 4, 1), modelFile(t, "two", 4, 2), modelFile(t, "three", 4, 3)}
	a, b := "192.0.2.1:1000", "192.0.2.2:1000"
	for i := range 2 {
		if res := doFrom(h, a, "POST", "/api/models", files[i], octet); res.StatusCode != 201 {
			t.Fatalf("upload %d: %d", i, res.StatusCode)
		}
	}
	// The third upload from a is refused for 30 s (2 a minute: one every 30 s),
	// and counts nothing; another address is not affected.
	res := doFrom(h, a, "POST", "/api/models", files[2], octet)
	e := checkErrorCode(t, "third upload", res, 429, codeRateLimited, "2 every minute", "30 s")
	if res.Header.Get("Retry-After") != "30" || e.RetryAfter != 30 {
		t.Errorf("Retry-After %q, retryAfter %d, want 30", res.Header.Get("Retry-After"), e.RetryAfter)
	}
	if res := doFrom(h, b, "POST", "/api/models", files[2], octet); res.StatusCode != 201 {
		t.Errorf("another address: %d", res.StatusCode)
	}
	// Another port of the same address is the same client.
	checkErrorCode(t, "another port", doFrom(h, "192.0.2.1:2000", "POST", "/api/models", files[2], octet), 429, codeRateLimited)
	clock.add(29 * time.Second)
	checkErrorCode(t, "after 29 s", doFrom(h, a, "POST", "/api/models", files[2], octet), 429, codeRateLimited)
	clock.add(time.Second)
	if res := doFrom(h, a, "POST", "/api/models", files[2], octet); res.StatusCode != 200 { // stored by b already
		t.Errorf("after 30 s: %d", res.StatusCode)
	}
	// Requests of any kind: 10 a minute.
	c := "[2001:db8::1]:443"
	for i := range 10 {
		if res := doFrom(h, c, "GET", "/api/models/"+newID(), nil, nil); res.StatusCode != 404 {
			t.Fatalf("read %d: %d", i, res.StatusCode)
		}
	}
	res = doFrom(h, c, "GET", "/api/", nil, nil)
	e = checkErrorCode(t, "11th request", res, 429, codeRateLimited, "10 every minute")
	if e.RetryAfter != 6 {
		t.Errorf("retryAfter %d, want 6", e.RetryAfter)
	}
}

// TestRateLimitHeader: a header names the client only when configured, and
// then only its last address counts (the one the trusted proxy added).
func TestRateLimitHeader(t *testing.T) {
	l := limits{Requests: rate{Limit: 1, Window: time.Hour}}
	for _, c := range []struct {
		header string
		values []string // X-Forwarded-For of three requests from one peer
		ok     []bool
	}{
		{"", []string{"198.51.100.1", "198.51.100.2", "198.51.100.3"}, []bool{true, false, false}},
		{"X-Forwarded-For", []string{"198.51.100.1", "198.51.100.2", "198.51.100.1"}, []bool{true, true, false}},
		{"X-Forwarded-For", []string{"10.0.0.1, 198.51.100.1", "10.0.0.2, 198.51.100.1", "198.51.100.9"}, []bool{true, false, true}},
	} {
		h := newAPI(newMemStore(), apiConfig{limiter: newMemLimiter(l), limits: l, clientHeader: c.header})
		for i, v := range c.values {
			res := doFrom(h, "127.0.0.1:5000", "GET", "/api/", nil, map[string]string{"X-Forwarded-For": v})
			if (res.StatusCode == 200) != c.ok[i] {
				t.Errorf("header %q, request %d (%s): %d", c.header, i, v, res.StatusCode)
			}
		}
	}
}

func TestClientKey(t *testing.T) {
	for _, c := range []struct{ remote, header, value, want string }{
		{"192.0.2.7:443", "", "", "192.0.2.7"},
		{"[2001:db8:1:2:3:4:5:6]:443", "", "", "2001:db8:1:2::/64"},
		{"[2001:db8:1:2:ffff::1]:80", "", "", "2001:db8:1:2::/64"}, // the same /64
		{"[::ffff:192.0.2.7]:443", "", "", "192.0.2.7"},
		{"192.0.2.7", "", "", "192.0.2.7"}, // Workers: CF-Connecting-IP, no port
		{"", "", "", "unknown"},
		{"garbage", "", "", "unknown"},
		{"127.0.0.1:1", "X-Real-IP", "203.0.113.5", "203.0.113.5"},
		{"127.0.0.1:1", "X-Forwarded-For", "1.1.1.1, 203.0.113.5 ", "203.0.113.5"},
		{"127.0.0.1:1", "X-Forwarded-For", "", "unknown"},
		{"127.0.0.1:1", "X-Forwarded-For", "not an address", "unknown"},
	} {
		r := httptest.NewRequest("GET", "/api/", nil)
		r.RemoteAddr = c.remote
		if c.value != "" {
			r.Header.Set(c.header, c.value)
		}
		if got := clientKey(r, c.header); got != c.want {
			t.Errorf("clientKey(%q, %s: %q) = %q, want %q", c.remote, c.header, c.value, got, c.want)
		}
	}
}

// TestUploadsInFlight: a client's uploads being received at once are bounded.
func TestUploadsInFlight(t *testing.T) {
	m := newMemLimiter(limits{UploadsInFlight: 2})
	ctx := context.Background()
	var rel []func()
	for i := range 2 {
		no, r, err := m.Take(ctx, "a", classUpload)
		if no.Wait != 0 || r == nil || err != nil {
			t.Fatalf("upload %d: %v %v", i, no, err)
		}
		rel = append(rel, r)
	}
	if no, _, _ := m.Take(ctx, "a", classUpload); no.Wait <= 0 || !no.InFlight {
		t.Errorf("a third upload in flight was taken: %v", no)
	} else if msg := (limits{UploadsInFlight: 2}).message(classUpload, no, 1); !strings.Contains(msg, "2 uploads under way") {
		t.Errorf("in-flight refusal: %q", msg)
	}
	if no, _, _ := m.Take(ctx, "b", classUpload); no.Wait != 0 {
		t.Error("another client was refused")
	}
	rel[0]()
	rel[0]() // a second call changes nothing
	if no, _, _ := m.Take(ctx, "a", classUpload); no.Wait != 0 {
		t.Error("refused after a release")
	}
	if no, _, _ := m.Take(ctx, "a", classUpload); no.Wait <= 0 {
		t.Error("a second release of one upload freed two")
	}
}

// TestLimiterForgets: the clients kept are bounded; a client forgotten is one
// whose buckets were full.
func TestLimiterForgets(t *testing.T) {
	clock := newFakeClock()
	m := newMemLimiter(limits{Requests: rate{Limit: 2, Window: time.Second}})
	m.now = clock.now
	ctx := context.Background()
	for i := range maxClients {
		if _, _, err := m.Take(ctx, strconv.Itoa(i), classRequest); err != nil {
			t.Fatal(err)
		}
	}
	m.Take(ctx, "0", classRequest) // client 0 is now empty
	clock.add(time.Second / 2)     // the others are back to full; client 0 is not
	m.Take(ctx, "new", classRequest)
	if len(m.clients) != 2 || m.clients["0"] == nil || m.clients["new"] == nil {
		t.Fatalf("%d clients kept, want 0 and new", len(m.clients))
	}
	// Client 0 has one token, not the two of a new client.
	m.Take(ctx, "0", classRequest)
	if no, _, _ := m.Take(ctx, "0", classRequest); no.Wait <= 0 {
		t.Error("client 0 has a full bucket again")
	}
}
