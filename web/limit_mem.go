//go:build !js

package main

import (
	"context"
	"sync"
	"time"
)

// maxClients bounds the clients memLimiter remembers. Past it, clients whose
// buckets are full are forgotten (a full bucket is what a new client gets);
// if none is, new clients share one bucket until some are.
const maxClients = 1 << 16

// memLimiter keeps the limits natively, in memory: a token bucket per client
// and class, and a count of each client's uploads in flight.
type memLimiter struct {
	l   limits
	now func() time.Time

	mu      sync.Mutex
	clients map[string]*clientState
}

type clientState struct {
	tokens   [2]float64   // by class: requests, uploads
	at       [2]time.Time // when tokens was last brought up to date
	inFlight int
}

func newMemLimiter(l limits) *memLimiter {
	return &memLimiter{l: l, now: time.Now, clients: make(map[string]*clientState)}
}

func classIndex(c limitClass) int {
	if c == classUpload {
		return 1
	}
	return 0
}

func (m *memLimiter) Take(_ context.Context, client string, class limitClass) (refusal, func(), error) {
	r := m.l.of(class)
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	c := m.client(client, now)
	i := classIndex(class)
	if class == classUpload && m.l.UploadsInFlight > 0 && c.inFlight >= m.l.UploadsInFlight {
		return refusal{Wait: time.Second, InFlight: true}, nil, nil
	}
	if r.Limit > 0 {
		m.refill(c, i, r, now)
		if c.tokens[i] < 1 {
			perToken := r.Window / time.Duration(r.Limit)
			return refusal{Wait: time.Duration((1 - c.tokens[i]) * float64(perToken))}, nil, nil
		}
		c.tokens[i]--
	}
	if class != classUpload {
		return refusal{}, nil, nil
	}
	c.inFlight++
	var once sync.Once
	return refusal{}, func() {
		once.Do(func() {
			m.mu.Lock()
			c.inFlight--
			m.mu.Unlock()
		})
	}, nil
}

// refill brings c's tokens of class i up to now.
func (m *memLimiter) refill(c *clientState, i int, r rate, now time.Time) {
	if c.at[i].IsZero() {
		c.tokens[i], c.at[i] = float64(r.Limit), now
		return
	}
	if d := now.Sub(c.at[i]); d > 0 {
		c.tokens[i] = min(float64(r.Limit), c.tokens[i]+float64(r.Limit)*d.Seconds()/r.Window.Seconds())
		c.at[i] = now
	}
}

// client returns the state of client, making it if needed.
func (m *memLimiter) client(client string, now time.Time) *clientState {
	if c, ok := m.clients[client]; ok {
		return c
	}
	if len(m.clients) >= maxClients {
		m.forgetIdle(now)
		if len(m.clients) >= maxClients {
			client = "overflow"
			if c, ok := m.clients[client]; ok {
				return c
			}
		}
	}
	c := &clientState{}
	m.clients[client] = c
	return c
}

// forgetIdle forgets the clients that are as a new one would be: full
// buckets and no upload in flight.
func (m *memLimiter) forgetIdle(now time.Time) {
	for k, c := range m.clients {
		if c.inFlight > 0 {
			continue
		}
		full := true
		for i, r := range []rate{m.l.Requests, m.l.Uploads} {
			if r.Limit > 0 && !c.at[i].IsZero() {
				m.refill(c, i, r, now)
				full = full && c.tokens[i] >= float64(r.Limit)
			}
		}
		if full {
			delete(m.clients, k)
		}
	}
}
