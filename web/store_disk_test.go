//go:build !js

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// metaOf returns the meta of the model file b with the delete token token.
func metaOf(b []byte, token string) modelMeta {
	return modelMeta{SHA256: sha256.Sum256(b), Owner: sha256.Sum256([]byte(token))}
}

func TestDiskStore(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	s, err := openDiskStore(data)
	if err != nil {
		t.Fatal(err)
	}
	file := modelFile(t, "hello", 4, 1)
	id := newID()
	if _, err := s.Get(ctx, id); err != errNotFound {
		t.Fatalf("Get of a missing id: %v, want errNotFound", err)
	}
	if got, err := s.Put(ctx, id, file, metaOf(file, "token")); err != nil || got != id {
		t.Fatalf("Put: %q, %v", got, err)
	}
	got, err := s.Get(ctx, id)
	if err != nil || !bytes.Equal(got, file) {
		t.Fatalf("Get: %v, %d bytes", err, len(got))
	}
	// A taken id is never replaced.
	if _, err := s.Put(ctx, id, []byte("other"), metaOf([]byte("other"), "")); err != errExists {
		t.Fatalf("Put on a taken id: %v, want errExists", err)
	}
	if got, _ := s.Get(ctx, id); !bytes.Equal(got, file) {
		t.Fatal("a taken id was overwritten")
	}
	// Nothing is left but the model.
	entries, err := os.ReadDir(filepath.Join(data, "models"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Name() != id || entries[1].Name() != id+metaSuffix {
		t.Errorf("models folder holds %v, want only %s and its meta", entries, id)
	}
	if _, err := s.Get(ctx, "../models/"+id); err != errNotFound {
		t.Errorf("Get of a path: %v", err)
	}

	// Reopening keeps the models; it removes stale temporary files only.
	stale := filepath.Join(data, "models", tempPrefix+"stale")
	fresh := filepath.Join(data, "models", tempPrefix+"fresh")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, file[:10], 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	s, err = openDiskStore(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx, id); !bytes.Equal(got, file) {
		t.Fatal("a model was lost on reopening")
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a stale temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (another server's upload) was removed")
	}
}

func TestDiskStoreConcurrent(t *testing.T) {
	ctx := context.Background()
	s, err := openDiskStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// Many writers race for the same ids: exactly one wins each, and its
	// bytes are what is stored.
	ids := make([]string, 20)
	for i := range ids {
		ids[i] = newID()
	}
	winners := make([]chan []byte, len(ids))
	for i := range winners {
		winners[i] = make(chan []byte, 8)
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i, id := range ids {
				b := []byte(fmt.Sprintf("writer %d, model %d", w, i))
				switch _, err := s.Put(ctx, id, b, metaOf(b, "")); err {
				case nil:
					winners[i] <- b
				case errExists:
				default:
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	for i, id := range ids {
		if n := len(winners[i]); n != 1 {
			t.Fatalf("id %d: %d writers succeeded, want 1", i, n)
		}
		want := <-winners[i]
		if got, err := s.Get(ctx, id); err != nil || !bytes.Equal(got, want) {
			t.Errorf("id %d: %q %v, want %q", i, got, err, want)
		}
	}
	entries, _ := os.ReadDir(s.dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
		if id, ok := strings.CutSuffix(e.Name(), metaSuffix); ok && !slices.Contains(ids, id) {
			t.Errorf("meta file %s left behind", e.Name())
		}
	}
}

func TestOpenDiskStoreFails(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(f, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := openDiskStore(f); err == nil {
		t.Error("a data folder inside a file was accepted")
	}
}

// TestDiskStoreExpiry: a model unused for longer than keep is swept; a read
// (at most once a day) or an identical upload keeps it.
func TestDiskStoreExpiry(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	s, err := openDiskStore(data)
	if err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock()
	clock.t = time.Now() // the files' times are real
	s.now, s.keep = clock.now, 10*24*time.Hour
	pool := modelPool(t, 3)
	ids := make([]string, 3)
	for i, b := range pool {
		ids[i] = newID()
		if _, err := s.Put(ctx, ids[i], b, metaOf(b, "t")); err != nil {
			t.Fatal(err)
		}
	}
	clock.add(6 * 24 * time.Hour)
	if _, err := s.Get(ctx, ids[1]); err != nil { // read: kept 10 days more
		t.Fatal(err)
	}
	if got, err := s.Put(ctx, newID(), pool[2], metaOf(pool[2], "u")); err != nil || got != ids[2] { // uploaded again: the same
		t.Fatalf("identical Put: %q %v", got, err)
	}
	clock.add(3 * 24 * time.Hour)
	if n := s.Sweep(); n != 0 {
		t.Fatalf("swept %d models before their time", n)
	}
	clock.add(2 * 24 * time.Hour) // 11 days after the upload, 5 after the read
	if n := s.Sweep(); n != 1 {
		t.Fatalf("swept %d models, want 1", n)
	}
	if _, err := s.Get(ctx, ids[0]); err != errNotFound {
		t.Errorf("the unread model: %v, want errNotFound", err)
	}
	for _, name := range []string{ids[0], ids[0] + metaSuffix} {
		if _, err := os.Stat(filepath.Join(data, "models", name)); !os.IsNotExist(err) {
			t.Errorf("%s is still on disk", name)
		}
	}
	if s.usedBytes() != int64(len(pool[1])+len(pool[2])) {
		t.Errorf("used %d bytes after the sweep", s.usedBytes())
	}
	// The last use is the file's time: a reopened store sweeps the same way.
	s2, err := openDiskStore(data)
	if err != nil {
		t.Fatal(err)
	}
	s2.now, s2.keep = clock.now, s.keep
	clock.add(6 * 24 * time.Hour) // 11 days after the read and the identical upload
	if n := s2.Sweep(); n != 2 {
		t.Errorf("reopened: swept %d, want 2", n)
	}
}

// TestDiskStoreReopen: the index (sizes, hashes, delete tokens) is rebuilt
// from the folder, and a model stored before meta files is indexed by its
// content, with no owner.
func TestDiskStoreReopen(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	s, err := openDiskStore(data)
	if err != nil {
		t.Fatal(err)
	}
	a, legacy := modelFile(t, "ab", 4, 1), modelFile(t, "legacy", 4, 2)
	idA, idL := newID(), newID()
	if _, err := s.Put(ctx, idA, a, metaOf(a, "secret")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "models", idL), legacy, 0o644); err != nil {
		t.Fatal(err)
	}
	// A meta file whose model never arrived, left long ago, goes.
	orphan := filepath.Join(data, "models", newID()+metaSuffix)
	if err := os.WriteFile(orphan, metaOf(a, "x").encode(), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(orphan, old, old); err != nil {
		t.Fatal(err)
	}
	s, err = openDiskStore(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.usedBytes(); got != int64(len(a)+len(legacy)) {
		t.Errorf("used %d bytes, want %d", got, len(a)+len(legacy))
	}
	if owner, err := s.Owner(ctx, idA); err != nil || owner != metaOf(a, "secret").Owner {
		t.Errorf("owner of a: %x %v", owner, err)
	}
	if owner, err := s.Owner(ctx, idL); err != nil || owner != ([32]byte{}) {
		t.Errorf("owner of the legacy model: %x %v, want none", owner, err)
	}
	for id, b := range map[string][]byte{idA: a, idL: legacy} {
		if got, err := s.Put(ctx, newID(), b, metaOf(b, "other")); err != nil || got != id {
			t.Errorf("identical Put after reopening: %q %v, want %s", got, err, id)
		}
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Error("an old orphan meta file was kept")
	}
	if err := s.Delete(ctx, idA); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Owner(ctx, idA); err != errNotFound {
		t.Errorf("Owner after Delete: %v", err)
	}
	if err := s.Delete(ctx, idA); err != errNotFound {
		t.Errorf("Delete twice: %v", err)
	}
}

// TestDiskStoreIdenticalConcurrent: identical uploads at once are stored once
// and all get that one id.
func TestDiskStoreIdenticalConcurrent(t *testing.T) {
	s, err := openDiskStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b := modelFile(t, "same", 8, 1)
	got := make([]string, 16)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			id, err := s.Put(context.Background(), newID(), b, metaOf(b, fmt.Sprint(i)))
			if err != nil {
				t.Error(err)
			}
			got[i] = id
		})
	}
	wg.Wait()
	for _, id := range got {
		if id != got[0] {
			t.Fatalf("identical uploads got ids %v", got)
		}
	}
	if s.usedBytes() != int64(len(b)) {
		t.Errorf("%d bytes used, want %d (one model)", s.usedBytes(), len(b))
	}
}
