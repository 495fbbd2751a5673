package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/syumai/workers/cloudflare/kv"
)

// kvClassStore keeps the class board in the KV namespace bound as binding:
//
//	class:<id>                the class, JSON
//	class:<id>:e:<entry id>   an entry, JSON
//	class:<id>:m:<entry id>-<sent>  its model file, base64 (see entryRecord.modelName)
//
// Every key expires when its class does (KV's absolute expiration, the
// class's Expires), so entries go with their class without a sweep.
//
// KV is eventually consistent and has no transactions, so each entry is its
// own key, written once per send: concurrent sends write different keys and
// none is lost (a board kept as one value, read, changed and written back,
// would lose all but one of concurrent sends). The board lists the entry keys
// by prefix; KV's list can lag a write by up to about a minute at other
// Cloudflare locations (classConfig.boardDelay). The entry count of a full
// class is read from that list too, so a burst of sends to an almost full
// class can pass the limit by a few; a class closed at one location may take
// sends at another for up to a minute.
type kvClassStore struct {
	binding string
}

var _ classStore = kvClassStore{}

func (s kvClassStore) namespace() (*kv.Namespace, error) {
	return kvStore{binding: s.binding}.namespace()
}

// expiry returns the KV expiration of the keys of c: its Expires, but at
// least a minute ahead (KV's least).
func expiry(c classRecord) *kv.PutOptions {
	return &kv.PutOptions{Expiration: int(max(c.Expires, time.Now().Unix()+61))}
}

func (s kvClassStore) CreateClass(_ context.Context, c classRecord) error {
	ns, err := s.namespace()
	if err != nil {
		return err
	}
	if v, err := ns.GetString("class:"+c.ID, nil); err != nil || v != kvMissing {
		return cmpErr(err, errExists)
	}
	return s.putClass(ns, c)
}

func (s kvClassStore) putClass(ns *kv.Namespace, c classRecord) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return ns.PutString("class:"+c.ID, string(b), expiry(c))
}

func (s kvClassStore) Class(_ context.Context, id string) (classRecord, error) {
	var c classRecord
	ns, err := s.namespace()
	if err != nil {
		return c, err
	}
	v, err := ns.GetString("class:"+id, nil)
	if err == nil && v == kvMissing {
		err = errNoClass
	}
	if err == nil {
		err = json.Unmarshal([]byte(v), &c)
	}
	if err == nil && c.expired(time.Now()) {
		err = errNoClass
	}
	return c, err
}

func (s kvClassStore) CloseClass(_ context.Context, c classRecord) error {
	ns, err := s.namespace()
	if err != nil {
		return err
	}
	c.Closed = true
	return s.putClass(ns, c)
}

func (s kvClassStore) PutEntry(_ context.Context, c classRecord, e entryRecord, model []byte, max int) (bool, error) {
	ns, err := s.namespace()
	if err != nil {
		return false, err
	}
	prefix := "class:" + c.ID
	old, err := readEntry(ns, prefix+":e:"+e.ID)
	if err != nil {
		return false, err
	}
	e.Sent = time.Now().UnixMilli()
	if old != nil && e.Sent <= old.Sent {
		e.Sent = old.Sent + 1
	}
	if old == nil {
		names, err := s.entryKeys(ns, c)
		if err != nil || len(names) >= max {
			return false, cmpErr(err, errClassFull)
		}
	}
	// The model first: an entry never names a model not yet written.
	if model != nil {
		if err := ns.PutString(prefix+":m:"+e.modelName(), base64.StdEncoding.EncodeToString(model), expiry(c)); err != nil {
			return false, err
		}
	}
	b, err := json.Marshal(e)
	if err == nil {
		err = ns.PutString(prefix+":e:"+e.ID, string(b), expiry(c))
	}
	if err == nil && old != nil && old.ModelBytes > 0 && old.modelName() != e.modelName() {
		_ = ns.Delete(prefix + ":m:" + old.modelName()) // (it expires with the class anyway)
	}
	return old != nil, err
}

// entryKeys lists the entry keys of c, page by page.
func (s kvClassStore) entryKeys(ns *kv.Namespace, c classRecord) ([]string, error) {
	var names []string
	opts := &kv.ListOptions{Prefix: "class:" + c.ID + ":e:"}
	for {
		res, err := ns.List(opts)
		if err != nil {
			return nil, err
		}
		for _, k := range res.Keys {
			names = append(names, k.Name)
		}
		if res.ListComplete || res.Cursor == "" {
			return names, nil
		}
		opts.Cursor = res.Cursor
	}
}

// kvReaders is how many entries the board reads from KV at once.
const kvReaders = 16

func (s kvClassStore) Entries(_ context.Context, c classRecord) ([]entryRecord, error) {
	ns, err := s.namespace()
	if err != nil {
		return nil, err
	}
	names, err := s.entryKeys(ns, c)
	if err != nil {
		return nil, err
	}
	entries := make([]*entryRecord, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(kvReaders, len(names)) {
		wg.Go(func() {
			for i := range next {
				entries[i], errs[i] = readEntry(ns, names[i])
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	out := make([]entryRecord, 0, len(names))
	for i, e := range entries {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", names[i], errs[i])
		}
		if e != nil { // nil: deleted since the list
			out = append(out, *e)
		}
	}
	return out, nil
}

// readEntry reads the entry key, or nil if it is gone.
func readEntry(ns *kv.Namespace, key string) (*entryRecord, error) {
	v, err := ns.GetString(key, nil)
	if err != nil || v == kvMissing {
		return nil, err
	}
	var e entryRecord
	if err := json.Unmarshal([]byte(v), &e); err != nil {
		return nil, err
	}
	return &e, nil
}

func (s kvClassStore) EntryModel(_ context.Context, c classRecord, id string) ([]byte, error) {
	ns, err := s.namespace()
	if err != nil {
		return nil, err
	}
	e, err := readEntry(ns, "class:"+c.ID+":e:"+id)
	if err == nil && (e == nil || e.ModelBytes == 0) {
		err = errNoEntry
	}
	if err != nil {
		return nil, err
	}
	v, err := ns.GetString("class:"+c.ID+":m:"+e.modelName(), nil)
	if err == nil && v == kvMissing {
		err = errNoEntry
	}
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(v)
}

func (s kvClassStore) DeleteEntry(_ context.Context, c classRecord, id string) error {
	ns, err := s.namespace()
	if err != nil {
		return err
	}
	prefix := "class:" + c.ID
	e, err := readEntry(ns, prefix+":e:"+id)
	if err == nil && e == nil {
		err = errNoEntry
	}
	if err == nil {
		err = ns.Delete(prefix + ":e:" + id)
	}
	if err == nil && e.ModelBytes > 0 {
		err = ns.Delete(prefix + ":m:" + e.modelName())
	}
	return err
}
