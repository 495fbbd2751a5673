//go:build !js

package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// tempPrefix starts the names of files being written. Ids never start with a
// dot, so a temporary file is never served.
const tempPrefix = ".tmp-"

// staleTemp is the age after which openDiskStore deletes a temporary file: one
// left by a crash (an upload being written takes milliseconds, and a second
// server on the same folder would still be writing its own, younger ones).
const staleTemp = 10 * time.Minute

// diskStore keeps each model in its own file, dir/<id>, written atomically: a
// model is written to a temporary file in dir, synced, then linked to its
// final name (link, unlike rename, fails rather than replace an existing
// model), and dir is synced before Put returns. A crash at any point leaves
// either no file under the id or the whole model; it can leave a temporary
// file, which openDiskStore removes later.
type diskStore struct {
	dir string
}

var _ modelStore = (*diskStore)(nil)

// openDiskStore returns the store in dataDir/models, creating the folders if
// needed and removing stale temporary files.
func openDiskStore(dataDir string) (*diskStore, error) {
	dir := filepath.Join(dataDir, "models")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTemp {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	return &diskStore{dir: dir}, nil
}

func (s *diskStore) Put(_ context.Context, id string, b []byte) error {
	if !validID(id) {
		panic("web: diskStore.Put: invalid id " + id) // ids come from newID
	}
	f, err := os.CreateTemp(s.dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	// The temporary name goes in every case; after a successful link the model
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
	if err := os.Link(tmp, filepath.Join(s.dir, id)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return errExists
		}
		return err
	}
	return syncDir(s.dir)
}

func (s *diskStore) Get(_ context.Context, id string) ([]byte, error) {
	if !validID(id) {
		return nil, errNotFound
	}
	b, err := os.ReadFile(filepath.Join(s.dir, id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNotFound
	}
	return b, err
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
