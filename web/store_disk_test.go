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
