package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/syumai/workers/cloudflare/kv"
)

// kvLimiter counts uploads and deletions per client in KV, in fixed windows:
// the key "rate:<class>:<client>:<window number>" holds the count of the
// window and expires a minute after it (KV's shortest expirationTtl is 60 s).
// Every Worker request runs in a fresh Go instance, so nothing is kept in
// memory. Requests of classRequest (reads) are not counted: counting a read
// in KV would turn it into a write, which KV allows far fewer of (1,000 a day
// on the Free plan, against 100,000 reads); reads are left to a Cloudflare
// rate limiting rule (see the README).
//
// The count is approximate, by KV's nature: it reads, then writes the count
// plus one, so requests at the same moment can read the same count; KV is
// eventually consistent, so another Cloudflare location may not see a count
// for up to a minute; and KV takes at most one write a second to one key, so
// in a burst some counts fail, and a failed count lets the request through.
// It stops a client that keeps uploading, not the first burst of one.
type kvLimiter struct {
	binding string
	l       limits
}

func (k kvLimiter) Take(_ context.Context, client string, class limitClass) (refusal, func(), error) {
	r := k.l.of(class)
	if class != classUpload || r.Limit <= 0 {
		return refusal{}, nil, nil
	}
	ns, err := kv.NewNamespace(k.binding)
	if err != nil {
		return refusal{}, nil, err
	}
	now := time.Now()
	n := now.UnixNano() / int64(r.Window)
	key := fmt.Sprintf("rate:%s:%s:%d", class, client, n)
	v, err := ns.GetString(key, nil)
	if err != nil {
		return refusal{}, nil, err
	}
	count, _ := strconv.Atoi(v) // kvMissing: 0
	if count >= r.Limit {
		end := time.Unix(0, (n+1)*int64(r.Window))
		return refusal{Wait: max(end.Sub(now), time.Second)}, nil, nil
	}
	ttl := int((r.Window+time.Minute)/time.Second) + 1
	return refusal{}, nil, ns.PutString(key, strconv.Itoa(count+1), &kv.PutOptions{ExpirationTTL: ttl})
}
