package main

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log"
	"strconv"
	"strings"
	"time"

	"github.com/syumai/workers/cloudflare/kv"
)

// kvStore keeps models in a Cloudflare KV namespace, bound to the Worker under
// the name binding (see cf/wrangler.jsonc):
//
//	model:<id>       "lstm1 <owner> <sha256> <refreshed>\n<base64 of the model file>"
//	sha256:<sha256>  <id>, the model with this content (identical uploads)
//
// owner is the hex SHA-256 of the delete token ("-": none), sha256 the hex
// SHA-256 of the model file, refreshed the Unix time of the last write. A
// value of plain base64 (no header) is a model stored before delete tokens
// and expiry; its first read rewrites it with a header (owner "-").
//
// Both keys expire keep after their last write (KV's expirationTtl). A read
// or an identical upload rewrites both with a fresh expiry when their last
// write is more than touchEvery old, so a model expires when unused for keep.
// A model stored before headers gets its content key at its first read.
//
// The values are text because the KV calls of syumai/workers cannot tell a
// missing key from a stored one when reading bytes (a stream read of a missing
// key fails inside the library), while a text read of a missing key returns
// the string "<null>", which no value here can be.
//
// KV has no compare-and-set, so Put checks for the key before writing: with
// 128-bit random ids two uploads never pick the same id, and the check only
// makes that visible. Identical uploads at the same moment can each miss the
// other and get two ids. A KV write is durable once put returns; other
// Cloudflare locations may see it up to about a minute later.
type kvStore struct {
	binding string
	keep    time.Duration
}

var _ modelStore = kvStore{}

// kvMissing is what a text read of a missing KV key returns.
const kvMissing = "<null>"

// touchEvery is how often reads rewrite a model to keep it from expiring.
const touchEvery = 24 * time.Hour

func (s kvStore) namespace() (*kv.Namespace, error) {
	ns, err := kv.NewNamespace(s.binding)
	if err != nil {
		return nil, fmt.Errorf("the KV namespace %s is not bound to this Worker (see cf/wrangler.jsonc): %w", s.binding, err)
	}
	return ns, nil
}

// kvModel is a model:<id> value.
type kvModel struct {
	meta      modelMeta
	refreshed int64 // Unix seconds; 0: a value without header
	b64       string
}

func parseKVModel(v string) (kvModel, error) {
	head, body, ok := strings.Cut(v, "\n")
	if !ok {
		return kvModel{b64: v}, nil // stored before headers
	}
	f := strings.Fields(head)
	var m kvModel
	var err error
	if len(f) != 4 || f[0] != "lstm1" {
		return m, fmt.Errorf("bad KV model header %q", head)
	}
	if f[1] != "-" {
		err = decodeHash(&m.meta.Owner, f[1])
	}
	if err == nil {
		err = decodeHash(&m.meta.SHA256, f[2])
	}
	if err == nil {
		m.refreshed, err = strconv.ParseInt(f[3], 10, 64)
	}
	m.b64 = body
	return m, err
}

func decodeHash(dst *[32]byte, s string) error {
	if len(s) != 64 {
		return fmt.Errorf("bad hash %q", s)
	}
	_, err := hex.Decode(dst[:], []byte(s))
	return err
}

func (m kvModel) String() string {
	owner := "-"
	if m.meta.Owner != ([32]byte{}) {
		owner = hex.EncodeToString(m.meta.Owner[:])
	}
	return fmt.Sprintf("lstm1 %s %x %d\n%s", owner, m.meta.SHA256, m.refreshed, m.b64)
}

func (s kvStore) ttl() *kv.PutOptions {
	return &kv.PutOptions{ExpirationTTL: int(s.keep / time.Second)}
}

func (s kvStore) Put(_ context.Context, id string, b []byte, meta modelMeta) (string, error) {
	ns, err := s.namespace()
	if err != nil {
		return "", err
	}
	hashKey := fmt.Sprintf("sha256:%x", meta.SHA256)
	old, err := ns.GetString(hashKey, nil)
	if err != nil {
		return "", err
	}
	if validID(old) {
		if m, err := s.read(ns, old); err == nil {
			s.keepAlive(ns, old, m, nil) // uploaded again: a use
			return old, nil
		}
	}
	key := "model:" + id
	if v, err := ns.GetString(key, nil); err != nil || v != kvMissing {
		if err == nil {
			err = errExists
		}
		return "", err
	}
	m := kvModel{meta: meta, refreshed: time.Now().Unix(), b64: base64.StdEncoding.EncodeToString(b)}
	if err := ns.PutString(key, m.String(), s.ttl()); err != nil {
		return "", err
	}
	if err := ns.PutString(hashKey, id, s.ttl()); err != nil {
		log.Printf("web: the content key of model %s: %v", id, err) // the model is stored all the same
	}
	return id, nil
}

// read returns the model:<id> value, or errNotFound.
func (s kvStore) read(ns *kv.Namespace, id string) (kvModel, error) {
	v, err := ns.GetString("model:"+id, nil)
	if err != nil {
		return kvModel{}, err
	}
	if v == kvMissing {
		return kvModel{}, errNotFound
	}
	return parseKVModel(v)
}

func (s kvStore) Get(_ context.Context, id string) ([]byte, error) {
	ns, err := s.namespace()
	if err != nil {
		return nil, err
	}
	m, err := s.read(ns, id)
	if err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(m.b64)
	if err != nil {
		return nil, fmt.Errorf("the KV value of model %s is not base64: %w", id, err)
	}
	s.keepAlive(ns, id, m, b)
	return b, nil
}

// keepAlive rewrites the model id (m, with the file b if known) and its
// content key with a fresh expiry, if their last write is more than
// touchEvery old. A failure costs only this extension.
func (s kvStore) keepAlive(ns *kv.Namespace, id string, m kvModel, b []byte) {
	now := time.Now()
	if now.Sub(time.Unix(m.refreshed, 0)) <= touchEvery {
		return
	}
	if m.refreshed == 0 { // stored before headers: no hash yet
		if b == nil {
			return
		}
		m.meta.SHA256 = sha256.Sum256(b)
	}
	m.refreshed = now.Unix()
	if err := ns.PutString("model:"+id, m.String(), s.ttl()); err != nil {
		log.Printf("web: keeping model %s: %v", id, err)
		return
	}
	if err := ns.PutString(fmt.Sprintf("sha256:%x", m.meta.SHA256), id, s.ttl()); err != nil {
		log.Printf("web: keeping the content key of model %s: %v", id, err)
	}
}

func (s kvStore) Owner(_ context.Context, id string) ([32]byte, error) {
	ns, err := s.namespace()
	if err != nil {
		return [32]byte{}, err
	}
	m, err := s.read(ns, id)
	return m.meta.Owner, err
}

func (s kvStore) Delete(_ context.Context, id string) error {
	ns, err := s.namespace()
	if err != nil {
		return err
	}
	m, err := s.read(ns, id)
	if err != nil {
		return err
	}
	if err := ns.Delete("model:" + id); err != nil {
		return err
	}
	hashKey := fmt.Sprintf("sha256:%x", m.meta.SHA256)
	if m.refreshed != 0 {
		if v, err := ns.GetString(hashKey, nil); err == nil && v == id {
			_ = ns.Delete(hashKey) // a stale one is harmless: Put checks the model
		}
	}
	return nil
}
