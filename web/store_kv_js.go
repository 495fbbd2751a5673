package main

import (
	"context"
	"encoding/base64"
	"fmt"

	"github.com/syumai/workers/cloudflare/kv"
)

// kvStore keeps models in a Cloudflare KV namespace, bound to the Worker under
// the name binding (see cf/wrangler.jsonc): key "model:<id>", value the model
// file in standard base64.
//
// The value is text because the KV calls of syumai/workers cannot tell a
// missing key from a stored one when reading bytes (a stream read of a missing
// key fails inside the library), while a text read of a missing key returns
// the string "<null>", which no base64 value can be.
//
// KV has no compare-and-set, so Put checks for the key before writing: with
// 128-bit random ids two uploads never pick the same id, and the check only
// makes that visible. A KV write is durable once put returns; other
// Cloudflare locations may see it up to about a minute later.
type kvStore struct {
	binding string
}

var _ modelStore = kvStore{}

// kvMissing is what a text read of a missing KV key returns.
const kvMissing = "<null>"

func (s kvStore) namespace() (*kv.Namespace, error) {
	ns, err := kv.NewNamespace(s.binding)
	if err != nil {
		return nil, fmt.Errorf("the KV namespace %s is not bound to this Worker (see cf/wrangler.jsonc): %w", s.binding, err)
	}
	return ns, nil
}

func (s kvStore) Put(_ context.Context, id string, b []byte) error {
	ns, err := s.namespace()
	if err != nil {
		return err
	}
	key := "model:" + id
	old, err := ns.GetString(key, nil)
	if err != nil {
		return err
	}
	if old != kvMissing {
		return errExists
	}
	return ns.PutString(key, base64.StdEncoding.EncodeToString(b), nil)
}

func (s kvStore) Get(_ context.Context, id string) ([]byte, error) {
	ns, err := s.namespace()
	if err != nil {
		return nil, err
	}
	v, err := ns.GetString("model:"+id, nil)
	if err != nil {
		return nil, err
	}
	if v == kvMissing {
		return nil, errNotFound
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("the KV value of model %s is not base64: %w", id, err)
	}
	return b, nil
}
