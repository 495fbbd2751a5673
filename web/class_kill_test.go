//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/share/goflate"
)

// TestClassKillRestart kills the server (SIGKILL) while students send and
// resend to a class, restarts it on the same folder, and checks that every
// acknowledged send is kept: each student's entry is at least at their last
// acknowledged send (a send in flight at the kill may have landed too), its
// model is the one sent with it, and no file in the class's folder is torn.
func TestClassKillRestart(t *testing.T) {
	staticDir, dataDir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(staticDir, "index.html"), []byte("<!doctype html><title>x</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	k := newClassKill(t)
	srv := startServer(t, staticDir, dataDir)
	var c startedClass
	if a := k.post(context.Background(), srv.base+"api/classes", map[string]string{"title": "kill -9", "setup": k.setup}); a.status != 201 || json.Unmarshal(a.body, &c) != nil {
		t.Fatalf("start: %d %s", a.status, a.body)
	}
	for round := range 2 {
		n := k.round(t, srv, c.ID, round, 8)
		if t.Failed() {
			return
		}
		srv = startServer(t, staticDir, dataDir)
		k.check(t, srv, c)
		t.Logf("round %d: killed with %d sends in flight; %d students, %d sends acknowledged in all; each student's last one kept", round, n, len(k.acked), k.acks)
	}
	k.checkFolder(t, filepath.Join(dataDir, "classes", c.ID))
}

// classKill is what TestClassKillRestart keeps across rounds.
type classKill struct {
	setup string
	base  *lstm.Model
	c     *http.Client

	mu    sync.Mutex
	acked map[string]uint64 // token → update count of its last acknowledged send
	acks  int               // acknowledged sends
	sent  map[uint64][]byte // update count → the model file sent with it
}

func newClassKill(t *testing.T) *classKill {
	s := share.Default()
	s.Config.Hidden, s.Config.Seed = 4, 1
	setup, err := s.Encode(goflate.Codec{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := lstm.NewModel(s.Config, mustData(t))
	if err != nil {
		t.Fatal(err)
	}
	return &classKill{setup: setup, base: m, c: client(8), acked: make(map[string]uint64), sent: make(map[uint64][]byte)}
}

// post sends v as JSON to url.
func (k *classKill) post(ctx context.Context, url string, v any) answer {
	b, _ := json.Marshal(v)
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(b))
	if err != nil {
		return answer{}
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := k.c.Do(req)
	if err != nil {
		return answer{}
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return answer{}
	}
	return answer{status: res.StatusCode, header: res.Header, body: body}
}

// round has conc new students send and resend to the class id on srv, then
// kills srv in the middle; it returns the sends in flight at the kill.
func (k *classKill) round(t *testing.T, srv *server, id string, round, conc int) int64 {
	var inFlight atomic.Int64
	var stop atomic.Bool
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for w := range conc {
		token := newID()
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				updates := uint64(round*1000+w)*1_000_000 + uint64(i)
				k.mu.Lock()
				k.base.Updates = updates
				model, err := k.base.MarshalBinary()
				k.sent[updates] = model
				k.mu.Unlock()
				if err != nil {
					t.Error(err)
					return
				}
				e := entry(fmt.Sprintf("S%d", w), k.setup, model, updates)
				e["token"] = token
				inFlight.Add(1)
				a := k.post(ctx, srv.base+"api/classes/"+id+"/entries", e)
				inFlight.Add(-1)
				if a.status == 200 || a.status == 201 {
					k.mu.Lock()
					k.acked[token] = updates
					k.acks++
					k.mu.Unlock()
				} else if !stop.Load() {
					t.Errorf("send %d of student %d before the kill: %d %s", i, w, a.status, a.body)
					return
				}
			}
		})
	}
	time.Sleep(300 * time.Millisecond)
	stop.Store(true)
	n := inFlight.Load()
	if err := srv.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = srv.cmd.Wait()
	cancel()
	wg.Wait()
	return n
}

// check reads the board of c on srv and checks every acknowledged send.
func (k *classKill) check(t *testing.T, srv *server, c startedClass) {
	get := func(path string) []byte {
		req, _ := http.NewRequest("GET", srv.base+path, nil)
		req.Header.Set("Authorization", "Bearer "+c.TeacherKey)
		res, err := k.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, res.StatusCode, b)
		}
		return b
	}
	var b boardAnswer
	if err := json.Unmarshal(get("api/classes/"+c.ID+"/board"), &b); err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]entryInfo)
	for _, e := range b.Entries {
		byID[e.ID] = e
	}
	for token, updates := range k.acked {
		e, ok := byID[entryID(token)]
		if !ok {
			t.Fatalf("an acknowledged student (last send %d) is not on the board", updates)
		}
		if e.Updates < updates {
			t.Errorf("student %s: entry at send %d, older than the acknowledged %d", e.Nickname, e.Updates, updates)
		}
		if m := get(e.ModelURL); !bytes.Equal(m, k.sent[e.Updates]) {
			t.Errorf("student %s: the model is not the one sent with send %d", e.Nickname, e.Updates)
		}
	}
}

// checkFolder checks that every entry and model file in the class folder
// dir is whole, and that every entry's model is there.
func (k *classKill) checkFolder(t *testing.T, dir string) {
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	models := make(map[string]bool)
	var entries []entryRecord
	for _, d := range names {
		b, err := os.ReadFile(filepath.Join(dir, d.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if name, ok := strings.CutSuffix(d.Name(), ".model"); ok {
			models[name] = true
			if _, err := lstm.UnmarshalModel(b); err != nil {
				t.Errorf("%s is torn: %v", d.Name(), err)
			}
		} else if isEntryFile(d.Name()) {
			var e entryRecord
			if err := json.Unmarshal(b, &e); err != nil {
				t.Errorf("%s is torn: %v", d.Name(), err)
			}
			entries = append(entries, e)
		}
	}
	for _, e := range entries {
		if !models[e.modelName()] {
			t.Errorf("the model of entry %s is missing", e.ID)
		}
	}
	t.Logf("%d entries, %d model files: %d left by sends killed between their model and their entry (deleted with the class)",
		len(entries), len(models), len(models)-len(entries))
}
