//go:build !js

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// tempPrefix starts the names of files being written. Ids never start with a
// dot, so a temporary file is never served.
const tempPrefix = ".tmp-"

// metaSuffix ends the name of a model's meta file, dir/<id>.meta: its SHA-256
// and the SHA-256 of its delete token, in hex, one "name value" a line. Ids
// have no dot, so a meta file is never served.
const metaSuffix = ".meta"

// staleTemp is the age after which openDiskStore deletes a temporary file: one
// left by a crash (an upload being written takes milliseconds, and a second
// server on the same folder would still be writing its own, younger ones).
const staleTemp = 10 * time.Minute

// touchEvery is how often a model's last use (its file's modification time)
// is brought forward by reads: at most once a day, not at every read.
const touchEvery = 24 * time.Hour

// defaultMaxStorage is the total size of the models a diskStore takes by
// default (-max-storage-mib).
const defaultMaxStorage = 1 << 30

// diskStore keeps each model in its own file, dir/<id>, written atomically: a
// model's meta is written and synced first, then the model to a temporary
// file in dir, synced, then linked to its final name (link, unlike rename,
// fails rather than replace an existing model), and dir is synced before Put
// returns. A crash at any point leaves either no file under the id or the
// whole model; it can leave a temporary file, or a meta file without its
// model, which openDiskStore removes later.
//
// It keeps an index of the models in memory (built by openDiskStore), for the
// size limit, identical uploads and delete tokens: one server per folder.
// A model's file modification time is its last use; Sweep deletes the models
// unused for longer than keep.
type diskStore struct {
	dir      string
	maxBytes int64         // the models' total size limit
	keep     time.Duration // how long an unused model is kept
	now      func() time.Time

	mu     sync.Mutex
	used   int64 // bytes of the models stored or being stored
	byID   map[string]*diskEntry
	byHash map[[32]byte]*diskEntry
}

type diskEntry struct {
	id      string
	size    int64
	meta    modelMeta
	lastUse time.Time
	pending chan struct{} // closed when the Put storing it ends; nil once stored
}

var _ modelStore = (*diskStore)(nil)

// openDiskStore returns the store in dataDir/models, creating the folders if
// needed, removing stale temporary files and indexing the models.
func openDiskStore(dataDir string) (*diskStore, error) {
	dir := filepath.Join(dataDir, "models")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	s := &diskStore{dir: dir, maxBytes: defaultMaxStorage, keep: defaultKeepDays * 24 * time.Hour, now: time.Now,
		byID: make(map[string]*diskEntry), byHash: make(map[[32]byte]*diskEntry)}
	names := make(map[string]bool, len(entries))
	for _, e := range entries {
		names[e.Name()] = true
	}
	for _, e := range entries {
		name := e.Name()
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		stale := time.Since(info.ModTime()) > staleTemp
		switch {
		case strings.HasPrefix(name, tempPrefix):
			if stale {
				_ = os.Remove(filepath.Join(dir, name))
			}
		case strings.HasSuffix(name, metaSuffix):
			if !names[strings.TrimSuffix(name, metaSuffix)] && stale {
				_ = os.Remove(filepath.Join(dir, name)) // a crash before its model was linked
			}
		case validID(name):
			if err := s.index(name, info); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// index adds the model file id to the index, reading its meta file (or, for a
// model stored before meta files, hashing the model).
func (s *diskStore) index(id string, info fs.FileInfo) error {
	m, err := readMeta(filepath.Join(s.dir, id+metaSuffix))
	if err != nil {
		b, err := os.ReadFile(filepath.Join(s.dir, id))
		if err != nil {
			return err
		}
		m = modelMeta{SHA256: sha256.Sum256(b)}
	}
	e := &diskEntry{id: id, size: info.Size(), meta: m, lastUse: info.ModTime()}
	s.byID[id] = e
	if old, ok := s.byHash[m.SHA256]; !ok || old.lastUse.Before(e.lastUse) {
		s.byHash[m.SHA256] = e
	}
	s.used += e.size
	return nil
}

func (s *diskStore) Put(ctx context.Context, id string, b []byte, m modelMeta) (string, error) {
	if !validID(id) {
		panic("web: diskStore.Put: invalid id " + id) // ids come from newID
	}
	for {
		s.mu.Lock()
		if e, ok := s.byHash[m.SHA256]; ok {
			if ch := e.pending; ch != nil {
				// The same file is being stored: its outcome decides.
				s.mu.Unlock()
				select {
				case <-ch:
					continue
				case <-ctx.Done():
					return "", ctx.Err()
				}
			}
			s.touchLocked(e, true)
			s.mu.Unlock()
			return e.id, nil
		}
		break
	}
	defer s.mu.Unlock() // (re-locked below)
	if _, ok := s.byID[id]; ok {
		return "", errExists
	}
	size := int64(len(b))
	if s.used+size > s.maxBytes {
		return "", errFull
	}
	e := &diskEntry{id: id, size: size, meta: m, lastUse: s.now(), pending: make(chan struct{})}
	s.byID[id], s.byHash[m.SHA256] = e, e
	s.used += size
	s.mu.Unlock()
	err := s.write(id, b, m)
	s.mu.Lock()
	close(e.pending)
	e.pending = nil
	if err != nil {
		delete(s.byID, id)
		delete(s.byHash, m.SHA256)
		s.used -= size
		if errors.Is(err, syscall.ENOSPC) {
			return "", errFull
		}
		return "", err
	}
	return id, nil
}

// write writes the model b and its meta m under id (see diskStore).
func (s *diskStore) write(id string, b []byte, m modelMeta) error {
	if _, err := os.Lstat(filepath.Join(s.dir, id)); err == nil {
		return errExists // (not indexed: another server on the folder)
	}
	meta := filepath.Join(s.dir, id+metaSuffix)
	if err := writeFileSynced(s.dir, meta, m.encode(), os.Rename); err != nil {
		return err
	}
	err := writeFileSynced(s.dir, filepath.Join(s.dir, id), b, os.Link)
	if errors.Is(err, fs.ErrExist) {
		return errExists
	}
	if err != nil {
		_ = os.Remove(meta)
		return err
	}
	return syncDir(s.dir)
}

// writeFileSynced writes b to a synced temporary file in dir and moves it to
// name with place (os.Rename, or os.Link, which fails on an existing name).
func writeFileSynced(dir, name string, b []byte, place func(oldname, newname string) error) error {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	// The temporary name goes in every case; after a successful link the file
	// keeps its final name.
	defer os.Remove(tmp)
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return place(tmp, name)
}

func (s *diskStore) Get(_ context.Context, id string) ([]byte, error) {
	if !validID(id) {
		return nil, errNotFound
	}
	b, err := os.ReadFile(filepath.Join(s.dir, id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if e, ok := s.byID[id]; ok && e.pending == nil {
		s.touchLocked(e, false)
	}
	s.mu.Unlock()
	return b, nil
}

// touchLocked brings e's last use to now: always if force, else if it is
// older than touchEvery. Its caller holds s.mu.
func (s *diskStore) touchLocked(e *diskEntry, force bool) {
	now := s.now()
	if !force && now.Sub(e.lastUse) < touchEvery {
		return
	}
	if err := os.Chtimes(filepath.Join(s.dir, e.id), time.Time{}, now); err != nil {
		log.Printf("web: keeping model %s: %v", e.id, err)
		return
	}
	e.lastUse = now
}

func (s *diskStore) Owner(_ context.Context, id string) ([32]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.byID[id]
	if !ok || e.pending != nil {
		return [32]byte{}, errNotFound
	}
	return e.meta.Owner, nil
}

func (s *diskStore) Delete(_ context.Context, id string) error {
	s.mu.Lock()
	e, ok := s.byID[id]
	if !ok || e.pending != nil {
		s.mu.Unlock()
		return errNotFound
	}
	s.forgetLocked(e)
	s.mu.Unlock()
	return s.remove(id)
}

// forgetLocked takes e out of the index. Its caller holds s.mu.
func (s *diskStore) forgetLocked(e *diskEntry) {
	delete(s.byID, e.id)
	if s.byHash[e.meta.SHA256] == e {
		delete(s.byHash, e.meta.SHA256)
	}
	s.used -= e.size
}

// remove deletes the files of the model id.
func (s *diskStore) remove(id string) error {
	err := os.Remove(filepath.Join(s.dir, id))
	if merr := os.Remove(filepath.Join(s.dir, id+metaSuffix)); merr != nil && !errors.Is(merr, fs.ErrNotExist) && err == nil {
		err = merr
	}
	if err != nil {
		return err
	}
	return syncDir(s.dir)
}

// Sweep deletes the models unused (not uploaded, uploaded again or read) for
// longer than s.keep, and returns how many it deleted.
func (s *diskStore) Sweep() int {
	cutoff := s.now().Add(-s.keep)
	var old []string
	s.mu.Lock()
	for _, e := range s.byID {
		if e.pending == nil && e.lastUse.Before(cutoff) {
			s.forgetLocked(e)
			old = append(old, e.id)
		}
	}
	s.mu.Unlock()
	for _, id := range old {
		if err := s.remove(id); err != nil {
			log.Printf("web: deleting expired model %s: %v", id, err)
		}
	}
	return len(old)
}

// usedBytes returns the total size of the models stored.
func (s *diskStore) usedBytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.used
}

// encode returns the meta file of m.
func (m modelMeta) encode() []byte {
	return fmt.Appendf(nil, "sha256 %x\nowner %x\n", m.SHA256, m.Owner)
}

// readMeta reads a meta file written by modelMeta.encode.
func readMeta(name string) (modelMeta, error) {
	var m modelMeta
	b, err := os.ReadFile(name)
	if err != nil {
		return m, err
	}
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	dst := map[string]*[32]byte{"sha256": &m.SHA256, "owner": &m.Owner}
	if len(lines) != len(dst) {
		return m, fmt.Errorf("%s: %d lines, want %d", name, len(lines), len(dst))
	}
	for _, l := range lines {
		k, v, _ := bytes.Cut(l, []byte(" "))
		p, ok := dst[string(k)]
		if !ok || len(v) != 64 {
			return m, fmt.Errorf("%s: bad line %q", name, l)
		}
		if _, err := hex.Decode(p[:], v); err != nil {
			return m, fmt.Errorf("%s: %w", name, err)
		}
	}
	return m, nil
}

// syncDir makes the entries of dir durable (a new name survives a power cut
// only once its directory is synced). Windows cannot sync a directory; NTFS
// journals the name instead.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
