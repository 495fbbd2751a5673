package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"
)

// limitClass names what a rate limit counts.
type limitClass string

const (
	// classRequest counts every request to /api/.
	classRequest limitClass = "requests"
	// classUpload counts uploads (POST /api/models) and deletions.
	classUpload limitClass = "uploads"
)

// rate allows Limit requests per Window: natively a bucket of Limit tokens
// refilled evenly over Window (so Limit at once, then one every
// Window/Limit); on Workers a count per fixed Window. Limit 0: no limit.
type rate struct {
	Limit  int
	Window time.Duration
}

// limits are the per-client rate limits of the share service.
type limits struct {
	Requests rate // every request to /api/
	Uploads  rate // uploads and deletions
	// UploadsInFlight bounds a client's uploads being received at once
	// (natively; 0: no bound), so that slow bodies from one client cannot
	// hold every upload slot.
	UploadsInFlight int
}

// defaultLimits suit a classroom: thirty pupils behind one school address
// can each share twice every ten minutes, and open links as often as they like.
var defaultLimits = limits{
	Requests:        rate{Limit: 600, Window: time.Minute},
	Uploads:         rate{Limit: 60, Window: 10 * time.Minute},
	UploadsInFlight: 4,
}

func (l limits) of(c limitClass) rate {
	if c == classUpload {
		return l.Uploads
	}
	return l.Requests
}

// rateInfo is a rate as GET /api/ reports it.
type rateInfo struct {
	Limit         int `json:"limit"`
	WindowSeconds int `json:"windowSeconds"`
}

// limitsInfo is the "limits" of GET /api/: per client address.
type limitsInfo struct {
	Requests        *rateInfo `json:"requests,omitempty"`
	Uploads         *rateInfo `json:"uploads,omitempty"`
	UploadsInFlight int       `json:"uploadsInFlight,omitempty"`
}

func (l limits) info() limitsInfo {
	ri := func(r rate) *rateInfo {
		if r.Limit <= 0 {
			return nil
		}
		return &rateInfo{r.Limit, int(r.Window / time.Second)}
	}
	return limitsInfo{ri(l.Requests), ri(l.Uploads), l.UploadsInFlight}
}

// message is the message of a 429 for class.
func (l limits) message(c limitClass, no refusal, secs int) string {
	if no.InFlight {
		return fmt.Sprintf("this address has %d uploads under way already; try again in %d s, when one has arrived", l.UploadsInFlight, secs)
	}
	r := l.of(c)
	what := "requests"
	if c == classUpload {
		what = "uploads and deletions"
	}
	if r.Limit <= 0 {
		return fmt.Sprintf("too many %s from this address at once; try again in %d s", what, secs)
	}
	return fmt.Sprintf("too many %s from this address: the share service takes %d every %s from one address. Try again in %d s.",
		what, r.Limit, window(r.Window), secs)
}

// window says d for a person: "10 minutes", "minute", "30 seconds".
func window(d time.Duration) string {
	switch {
	case d == time.Minute:
		return "minute"
	case d%time.Minute == 0:
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return fmt.Sprintf("%d seconds", d/time.Second)
}

// limiter counts requests by client.
type limiter interface {
	// Take counts one request of class from client. If the client is over
	// its limit, it returns a refusal (Wait > 0) and counts nothing.
	// Otherwise it returns the zero refusal and release (or nil), to be
	// called when the request is done.
	Take(ctx context.Context, client string, class limitClass) (refusal, func(), error)
}

// refusal is a limiter's no: wait before trying again.
type refusal struct {
	Wait time.Duration
	// InFlight: the client has limits.UploadsInFlight uploads under way.
	InFlight bool
}

// clientKey returns the address a request is counted under: the peer's
// address, or, if header is set (a trusted proxy in front of the server sets
// it), the last address in that header. An IPv6 address counts as its /64,
// which one client usually has whole. A request with no readable address
// counts under "unknown".
func clientKey(r *http.Request, header string) string {
	s := r.RemoteAddr
	if header != "" {
		// A proxy appends the address it saw to X-Forwarded-For, after any
		// the client sent itself: only the last one is the proxy's word.
		v := r.Header.Values(header)
		s = ""
		if len(v) > 0 {
			parts := strings.Split(v[len(v)-1], ",")
			s = strings.TrimSpace(parts[len(parts)-1])
		}
	}
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return "unknown"
	}
	a = a.Unmap().WithZone("")
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}
