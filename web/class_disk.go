//go:build !js

package main

import (
	"context"
	"encoding/json"
	"errors"
	"hash/fnv"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// classFile is the name of a class's own file in its folder.
const classFile = "class.json"

// classDiskStore keeps the class board on disk, a folder per class:
//
//	<dir>/<class id>/class.json        the class
//	<dir>/<class id>/<entry id>.json   an entry
//	<dir>/<class id>/<entry id>-<sent>.model  its model file, if it has one
//
// (sent: the send's Unix milliseconds; see entryRecord.modelName).
//
// Every file is written as the models are (see diskStore): to a temporary
// file, synced, renamed into place, and the folder synced before the call
// returns, so an acknowledged class or entry survives a crash whole. Writes
// to one class are serialised (a lock per class), so its entry count is
// exact and a burst of sends loses none. Sweep deletes the classes past their
// expiry, the native counterpart of KV's expiration. One server per folder.
type classDiskStore struct {
	dir      string
	maxBytes int64 // the total size limit of the classes' files
	now      func() time.Time

	mu       sync.Mutex // guards used and lastSent
	used     int64
	lastSent int64          // the Sent of the last entry stored, Unix milliseconds
	locks    [64]sync.Mutex // a class's writes hold locks[hash of its id % 64]
}

var _ classStore = (*classDiskStore)(nil)

// openClassStore returns the store in dataDir/classes, creating the folder
// if needed, removing stale temporary files and counting the bytes used.
func openClassStore(dataDir string) (*classDiskStore, error) {
	dir := filepath.Join(dataDir, "classes")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &classDiskStore{dir: dir, maxBytes: defaultMaxStorage, now: time.Now}
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed meanwhile
		}
		if strings.HasPrefix(d.Name(), tempPrefix) {
			if time.Since(info.ModTime()) > staleTemp {
				_ = os.Remove(name)
			}
			return nil
		}
		s.used += info.Size()
		return nil
	})
	return s, err
}

// lock locks the class id against other writes, and returns its unlock.
func (s *classDiskStore) lock(id string) func() {
	h := fnv.New32a()
	h.Write([]byte(id))
	l := &s.locks[h.Sum32()%uint32(len(s.locks))]
	l.Lock()
	return l.Unlock
}

// stamp returns the time of a send in Unix milliseconds: now, or 1 ms after
// the last send stored if that is not earlier.
func (s *classDiskStore) stamp() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastSent = max(s.now().UnixMilli(), s.lastSent+1)
	return s.lastSent
}

// reserve counts delta more bytes as used, or returns errFull past the limit.
func (s *classDiskStore) reserve(delta int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if delta > 0 && s.used+delta > s.maxBytes {
		return errFull
	}
	s.used += delta
	return nil
}

// writeJSONFile writes v as JSON to the file name of the class folder dir,
// synced and renamed into place, and returns its size.
func writeJSONFile(dir, name string, v any) (int64, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return 0, err
	}
	return int64(len(b)), writeFileSynced(dir, filepath.Join(dir, name), b, os.Rename)
}

// fileSize returns the size of the file name, 0 if it does not exist.
func fileSize(name string) int64 {
	if info, err := os.Stat(name); err == nil {
		return info.Size()
	}
	return 0
}

func (s *classDiskStore) CreateClass(_ context.Context, c classRecord) error {
	if !validID(c.ID) {
		panic("web: classDiskStore: invalid id " + c.ID) // ids come from newID
	}
	defer s.lock(c.ID)() // (against Sweep)
	dir := filepath.Join(s.dir, c.ID)
	if err := os.Mkdir(dir, 0o755); errors.Is(err, fs.ErrExist) {
		return errExists
	} else if err != nil {
		return err
	}
	size, err := s.writeClass(c, 0)
	if err == nil {
		err = syncDir(s.dir)
	}
	if err != nil {
		_ = os.RemoveAll(dir)
		_ = s.reserve(-size)
	}
	return err
}

// writeClass writes the class file of c, which had old bytes, and returns its size.
func (s *classDiskStore) writeClass(c classRecord, old int64) (int64, error) {
	if err := s.reserve(maxClassBody); err != nil { // (a bound of the file's size)
		return 0, err
	}
	dir := filepath.Join(s.dir, c.ID)
	size, err := writeJSONFile(dir, classFile, c)
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		_ = s.reserve(-maxClassBody)
		return 0, err
	}
	_ = s.reserve(size - maxClassBody - old)
	return size, nil
}

func (s *classDiskStore) Class(_ context.Context, id string) (classRecord, error) {
	var c classRecord
	if !validID(id) {
		return c, errNoClass
	}
	b, err := os.ReadFile(filepath.Join(s.dir, id, classFile))
	if errors.Is(err, fs.ErrNotExist) {
		return c, errNoClass
	}
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err == nil && c.expired(s.now()) {
		err = errNoClass
	}
	return c, err
}

func (s *classDiskStore) CloseClass(ctx context.Context, c classRecord) error {
	defer s.lock(c.ID)()
	cur, err := s.Class(ctx, c.ID)
	if err != nil {
		return err
	}
	cur.Closed = true
	_, err = s.writeClass(cur, fileSize(filepath.Join(s.dir, c.ID, classFile)))
	return err
}

func (s *classDiskStore) PutEntry(ctx context.Context, c classRecord, e entryRecord, model []byte, max int) (bool, error) {
	defer s.lock(c.ID)()
	cur, err := s.Class(ctx, c.ID)
	if err == nil && cur.Closed {
		err = errClassClosed
	}
	if err != nil {
		return false, err
	}
	dir := filepath.Join(s.dir, c.ID)
	old, oldJSON, err := readEntryFile(dir, e.ID)
	if err != nil {
		return false, err
	}
	replaced := oldJSON > 0
	e.Sent = s.stamp()
	if !replaced {
		if n, err := s.countEntries(dir); err != nil || n >= max {
			return false, cmpErr(err, errClassFull)
		}
	}
	// The new files are counted in full until the old ones are gone.
	reserved := int64(len(model)) + int64(maxEntryBody-MaxUploadBytes)
	if err := s.reserve(reserved); err != nil {
		return false, err
	}
	size, err := s.writeEntry(dir, e, model)
	if err != nil {
		_ = s.reserve(-reserved)
		if errors.Is(err, syscall.ENOSPC) {
			err = errFull
		}
		return false, err
	}
	_ = s.reserve(size - reserved - oldJSON)
	if replaced && old.ModelBytes > 0 && old.modelName() != e.modelName() {
		s.removeModel(dir, old)
	}
	return replaced, nil
}

// readEntryFile reads the entry id in the class folder dir, and the size of
// its file: 0 if it has none.
func readEntryFile(dir, id string) (entryRecord, int64, error) {
	var e entryRecord
	b, err := os.ReadFile(filepath.Join(dir, id+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return e, 0, nil
	}
	if err == nil {
		err = json.Unmarshal(b, &e)
	}
	return e, int64(len(b)), err
}

// removeModel removes the model file of the entry e in the class folder dir.
func (s *classDiskStore) removeModel(dir string, e entryRecord) {
	name := filepath.Join(dir, e.modelName()+".model")
	size := fileSize(name)
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		log.Printf("web: removing the old model of entry %s: %v", e.ID, err)
		return
	}
	_ = s.reserve(-size)
}

// writeEntry writes the entry e and its model (if not nil) into the class
// folder dir, model first, and returns the size of the new files.
func (s *classDiskStore) writeEntry(dir string, e entryRecord, model []byte) (int64, error) {
	if model != nil {
		if err := writeFileSynced(dir, filepath.Join(dir, e.modelName()+".model"), model, os.Rename); err != nil {
			return 0, err
		}
	}
	size, err := writeJSONFile(dir, e.ID+".json", e)
	if err != nil {
		return 0, err
	}
	return size + int64(len(model)), syncDir(dir)
}

// countEntries returns how many entries the class folder dir holds.
func (s *classDiskStore) countEntries(dir string) (int, error) {
	names, err := os.ReadDir(dir)
	n := 0
	for _, d := range names {
		if isEntryFile(d.Name()) {
			n++
		}
	}
	return n, err
}

// isEntryFile reports whether name is an entry's file.
func isEntryFile(name string) bool {
	id, ok := strings.CutSuffix(name, ".json")
	return ok && validID(id)
}

func (s *classDiskStore) Entries(_ context.Context, c classRecord) ([]entryRecord, error) {
	dir := filepath.Join(s.dir, c.ID)
	names, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	entries := make([]entryRecord, 0, len(names))
	for _, d := range names {
		if !isEntryFile(d.Name()) {
			continue
		}
		var e entryRecord
		b, err := os.ReadFile(filepath.Join(dir, d.Name()))
		if errors.Is(err, fs.ErrNotExist) {
			continue // removed meanwhile
		}
		if err == nil {
			err = json.Unmarshal(b, &e)
		}
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

func (s *classDiskStore) EntryModel(_ context.Context, c classRecord, id string) ([]byte, error) {
	if !validID(id) {
		return nil, errNoEntry
	}
	dir := filepath.Join(s.dir, c.ID)
	e, size, err := readEntryFile(dir, id)
	if err == nil && (size == 0 || e.ModelBytes == 0) {
		err = errNoEntry
	}
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, e.modelName()+".model"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoEntry // replaced meanwhile: the new one is read next time
	}
	return b, err
}

func (s *classDiskStore) DeleteEntry(_ context.Context, c classRecord, id string) error {
	if !validID(id) {
		return errNoEntry
	}
	defer s.lock(c.ID)()
	dir := filepath.Join(s.dir, c.ID)
	e, size, err := readEntryFile(dir, id)
	if err == nil && size == 0 {
		err = errNoEntry
	}
	if err == nil {
		err = os.Remove(filepath.Join(dir, id+".json"))
	}
	if err != nil {
		return err
	}
	_ = s.reserve(-size)
	if e.ModelBytes > 0 {
		s.removeModel(dir, e)
	}
	return syncDir(dir)
}

// Sweep deletes the classes past their expiry, with their entries, and
// returns how many it deleted.
func (s *classDiskStore) Sweep() int {
	dirs, err := os.ReadDir(s.dir)
	if err != nil {
		log.Printf("web: sweeping the classes: %v", err)
		return 0
	}
	n := 0
	for _, d := range dirs {
		id := d.Name()
		if !d.IsDir() || !validID(id) {
			continue
		}
		if s.removeClass(id) {
			n++
		}
	}
	return n
}

// removeClass deletes the folder of the class id if the class is expired
// (or its folder has no class file), and reports whether it did.
func (s *classDiskStore) removeClass(id string) bool {
	unlock := s.lock(id)
	defer unlock()
	if _, err := s.Class(context.Background(), id); !errors.Is(err, errNoClass) {
		return false
	}
	dir := filepath.Join(s.dir, id)
	var size int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	if err := os.RemoveAll(dir); err != nil {
		log.Printf("web: deleting expired class %s: %v", id, err)
		return false
	}
	_ = s.reserve(-size)
	return true
}
