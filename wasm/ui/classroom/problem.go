package classroom

// Problem is what the page says of a service answer that was not a success.
type Problem struct {
	Word  string // the word id of the sentence (wasm/words, "class.err.*")
	Retry bool   // sending again later may work (429, 503, no answer)
	Final bool   // the class takes no more sends (closed, full, gone)
}

// ProblemOf returns the Problem of an answer: its HTTP status (0: no answer
// at all) and the service's error code ("" if none).
func ProblemOf(status int, code string) Problem {
	switch code {
	case "class_closed":
		return Problem{Word: "class.err.closed", Final: true}
	case "class_full":
		return Problem{Word: "class.err.full", Final: true}
	case "no_class", "bad_id":
		return Problem{Word: "class.err.noClass", Final: true}
	case "rate_limited":
		return Problem{Word: "class.err.rate", Retry: true}
	case "key_required", "wrong_key":
		return Problem{Word: "class.err.key", Final: true}
	case "bad_nickname":
		return Problem{Word: "class.err.nickname"}
	case "storage_full":
		return Problem{Word: "class.err.storage"}
	case "no_entry":
		return Problem{Word: "class.err.noEntry"}
	}
	switch {
	case status == 0:
		return Problem{Word: "class.err.offline", Retry: true}
	case status == 429 || status == 503 || status == 502 || status == 504:
		return Problem{Word: "class.err.busy", Retry: true}
	case status == 404:
		return Problem{Word: "class.err.noService"}
	}
	return Problem{Word: "class.err.other"}
}

// Backoff returns the wait before try number n (from 1) after a failure, in
// milliseconds: the server's Retry-After (retryAfter seconds) when it gave
// one, else 1, 2, 4 … seconds up to capMs, with jitter from random (0 … 1)
// of up to a quarter, so that a class's retries do not come back at once.
func Backoff(n int, retryAfter float64, random float64, capMs int) int {
	if retryAfter > 0 && retryAfter < 3600 {
		return int(retryAfter*1000) + int(random*250)
	}
	ms := 1000
	for i := 1; i < n && ms < capMs; i++ {
		ms *= 2
	}
	ms = min(ms, capMs)
	return ms + int(random*float64(ms)/4)
}

// MaxTries is how often a send is tried before the page gives up and says why.
const MaxTries = 5

// PollMs returns the board's next refresh wait in milliseconds: 5 seconds
// after a change, growing by half at each refresh that brought nothing new,
// up to a minute; after a failed refresh, Backoff's wait. delaySeconds is
// the service's boardDelaySeconds (0 natively): where a new entry may take
// that long to be listed (KV on Workers), refreshing more often than every
// sixth of it finds nothing sooner and only costs reads, so the first wait
// is at least that (10 s for 60 s).
func PollMs(unchanged, delaySeconds int) int {
	ms := max(5000.0, float64(delaySeconds)*1000/6)
	for range unchanged {
		ms *= 1.5
		if ms >= 60000 {
			return 60000
		}
	}
	return int(min(ms, 60000))
}
