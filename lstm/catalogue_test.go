package lstm

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPrimeLimits: a prime is bounded like a probe (MaxProbe), so that one
// Generate request cannot keep the engine busy for seconds, and an empty
// numbers prime says so in the person's terms.
func TestPrimeLimits(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Hidden = 4
	m := trainedModel(t, cfg, 1)
	rng := rand.New(rand.NewPCG(1, 2))
	long := strings.Repeat(string(m.Vocab.Rune(0)), MaxProbe+1)
	if _, err := m.Sample(long, 1, 1, rng); !isLength(err, InputPrime, MaxProbe+1, MaxProbe) {
		t.Errorf("a prime of %d characters: %v", MaxProbe+1, err)
	}
	if _, err := m.Sample(long[:MaxProbe], 1, 1, rng); err != nil {
		t.Errorf("a prime of %d characters: %v", MaxProbe, err)
	}

	d, err := NewNumberData("0, 1, 0, 1, 0")
	if err != nil {
		t.Fatal(err)
	}
	n, err := NewModel(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.Continue(nil, 3); err == nil || !errors.Is(err, ErrEmptyPrime) {
		t.Errorf("an empty prime: %v", err)
	}
	if _, err := n.Continue(make([]float64, MaxProbe+1), 3); !isLength(err, InputPrimeValues, MaxProbe+1, MaxProbe) {
		t.Errorf("a prime of %d values: %v", MaxProbe+1, err)
	}
	if _, err := n.Continue(make([]float64, MaxProbe), 3); err != nil {
		t.Errorf("a prime of %d values: %v", MaxProbe, err)
	}
}

// isLength reports whether err is a *LengthError with these numbers.
func isLength(err error, in Input, have, limit int) bool {
	le, ok := errors.AsType[*LengthError](err)
	return ok && le.Input == in && le.Have == have && le.Limit == limit
}
