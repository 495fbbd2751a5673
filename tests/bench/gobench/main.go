// Command gobench measures this project's core on the char-lstm workloads of
// ../shared/bench/WORKLOAD.md exactly as the peers are measured
// (tests/bench/common.mjs): a warm-up, a timed window and the loss after 20,000
// characters, printed as one JSON line. It runs natively and, compiled with
// GOOS=js GOARCH=wasm, under Node (go_js_wasm_exec).
//
//	gobench -hidden 64                  train, print {peer, runtime, workload, batch, charsPerSec, loss20k, …}
//	gobench -messages -hidden 64        print the protocol messages that start the same run in the page's engine
//	gobench -decode <records.jsonl      decode the engine's replies recorded on the bench page
//
// The protocol settings come from the environment, as for the JavaScript
// harnesses: BENCH_WARMUP, BENCH_WINDOW (seconds), BENCH_LOSS_CHARS,
// BENCH_FULL_LOSS=1.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"strconv"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

const (
	seqLen       = 32 // T
	corpusChars  = 20000
	corpusSHA256 = "859f14cbc534369bb4c0e1401ee9a1d4de3f07213058eaecf8b128d4005e133e"
)

// settings is the measuring protocol (common.mjs settings).
type settings struct {
	warmup, window time.Duration
	lossChars      int
	fullLoss       bool
}

func readSettings() (settings, error) {
	s := settings{warmup: 3 * time.Second, window: 15 * time.Second, lossChars: corpusChars}
	secs := func(k string, d *time.Duration) error {
		if v := os.Getenv(k); v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || math.IsInf(f, 0) {
				return fmt.Errorf("bad %s: %q", k, v)
			}
			*d = time.Duration(f * float64(time.Second))
		}
		return nil
	}
	if err := secs("BENCH_WARMUP", &s.warmup); err != nil {
		return s, err
	}
	if err := secs("BENCH_WINDOW", &s.window); err != nil {
		return s, err
	}
	if v := os.Getenv("BENCH_LOSS_CHARS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return s, fmt.Errorf("bad BENCH_LOSS_CHARS: %q", v)
		}
		s.lossChars = n
	}
	s.fullLoss = os.Getenv("BENCH_FULL_LOSS") == "1" || os.Getenv("BENCH_FULL_LOSS") == "true"
	return s, nil
}

// meter applies the measuring protocol (common.mjs Meter): warm-up until
// warmup has passed, then a window from the end of the first update after the
// warm-up to the end of the first update ending window or more later; the loss
// is the mean over the updates that train the last 3,200 of lossChars characters.
type meter struct {
	s                     settings
	t0, ws, we            time.Time
	updates, wsU, weU     int
	lossFirst, lossLast   int
	lossSum               float64
	loss                  *float64
	phase                 string
	charsPerUpdate, batch int
}

func newMeter(s settings, batch int) *meter {
	per := batch * seqLen
	last := max(1, (s.lossChars+per-1)/per)
	count := max(1, (min(3200, s.lossChars)+per-1)/per)
	return &meter{s: s, lossFirst: max(1, last-count+1), lossLast: last, phase: "idle", charsPerUpdate: per, batch: batch}
}

func (m *meter) start(t time.Time) { m.t0, m.phase = t, "warmup" }

func (m *meter) record(t time.Time, loss float64) {
	m.updates++
	if m.updates >= m.lossFirst && m.updates <= m.lossLast {
		m.lossSum += loss
		if m.updates == m.lossLast {
			l := m.lossSum / float64(m.lossLast-m.lossFirst+1)
			m.loss = &l
		}
	}
	switch m.phase {
	case "warmup":
		if t.Sub(m.t0) >= m.s.warmup {
			m.phase = "first"
		}
	case "first":
		m.ws, m.wsU, m.phase = t, m.updates, "window"
	case "window":
		if t.Sub(m.ws) >= m.s.window && t.After(m.ws) {
			m.we, m.weU, m.phase = t, m.updates, "done"
		}
	}
}

func (m *meter) done() bool { return m.phase == "done" && (!m.s.fullLoss || m.loss != nil) }

// result is the JSON line of one run.
type result struct {
	Peer        string   `json:"peer"`
	Runtime     string   `json:"runtime"`
	Workload    string   `json:"workload"`
	Batch       int      `json:"batch"`
	CharsPerSec float64  `json:"charsPerSec"`
	Loss20k     *float64 `json:"loss20k"`
	LossChars   int      `json:"lossChars"`
	Updates     int      `json:"updates"`
	WindowSec   float64  `json:"windowSec"`
	Version     string   `json:"version"`
	Float       string   `json:"float"`
	SIMD        bool     `json:"simd"` // the WebAssembly SIMD kernels were in use
}

func corpus(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if len(raw) < corpusChars {
		return "", fmt.Errorf("%s is shorter than %d characters", path, corpusChars)
	}
	raw = raw[:corpusChars]
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != corpusSHA256 {
		return "", fmt.Errorf("%s: the first %d bytes have SHA-256 %s, not %s (see ../shared/bench/WORKLOAD.md)", path, corpusChars, got, corpusSHA256)
	}
	return string(raw), nil
}

// config is the workload's configuration: one LSTM layer of H units, T = 32,
// Adam 0.01, element-wise clipping at 5, and the defaults' initialisation
// (lstm.DefaultConfig: orthogonal recurrent weights, forget-gate bias 0).
func config(hidden int) lstm.Config {
	cfg := lstm.DefaultConfig()
	cfg.Cell, cfg.Layers, cfg.Hidden, cfg.SeqLen = lstm.CellLSTM, 1, hidden, seqLen
	cfg.LearningRate, cfg.Optimizer, cfg.Clip, cfg.ClipMode = 0.01, lstm.Adam, 5, lstm.ClipElement
	return cfg
}

func train(text string, hidden int, s settings) (result, error) {
	d, err := lstm.NewTextData(text)
	if err != nil {
		return result{}, err
	}
	m, err := lstm.NewModel(config(hidden), d)
	if err != nil {
		return result{}, err
	}
	// lstm.Trainer's data order is the workload's at batch 1: windows of T at
	// p = 0, 32, …, back to 0 with a zero state when p + T + 1 > N.
	tr, err := lstm.NewTrainer(m, d)
	if err != nil {
		return result{}, err
	}
	mt := newMeter(s, 1)
	mt.start(time.Now())
	for !mt.done() {
		u, err := tr.Step()
		if err != nil {
			return result{}, err
		}
		if u.Chars != seqLen {
			return result{}, fmt.Errorf("an update trained %d characters, not %d", u.Chars, seqLen)
		}
		mt.record(time.Now(), u.Loss)
	}
	secs := mt.we.Sub(mt.ws).Seconds()
	rt := "native"
	if runtime.GOOS == "js" {
		rt = "node"
	}
	return result{
		Peer: "lstm-playground", Runtime: rt, Workload: fmt.Sprintf("char-lstm-h%d", hidden), Batch: 1,
		CharsPerSec: float64((mt.weU-mt.wsU)*mt.charsPerUpdate) / secs, Loss20k: mt.loss, LossChars: s.lossChars,
		Updates: mt.updates, WindowSec: secs, Version: runtime.Version(), Float: "float64", SIMD: lstm.SIMD(),
	}, nil
}

// messages returns the protocol messages that start the same run in the
// page's engine: the configuration, the corpus and Train.
func messages(text string, hidden int) ([]string, error) {
	var out []string
	for _, m := range []protocol.Message{
		protocol.SetConfig{Config: config(hidden)},
		protocol.SetData{Mode: lstm.Text, Text: text},
		protocol.Train{},
	} {
		b, err := protocol.Encode(m)
		if err != nil {
			return nil, err
		}
		out = append(out, base64.StdEncoding.EncodeToString(b))
	}
	return out, nil
}

// record is one message from the engine, as the bench page saw it: its
// arrival time in milliseconds and its bytes.
type record struct {
	T float64 `json:"t"`
	B string  `json:"b"`
}

// decoded is what the harness needs of a reply.
type decoded struct {
	T       float64   `json:"t"`
	Type    string    `json:"type"`
	Update  uint64    `json:"update,omitempty"`
	Losses  []float32 `json:"losses,omitempty"`
	Running bool      `json:"running,omitempty"`
	Message string    `json:"message,omitempty"` // Error's message, Ready's engine
}

// decode turns recorded replies (JSON lines) into decoded ones.
func decode(in *bufio.Scanner, out *json.Encoder) error {
	for in.Scan() {
		var r record
		if err := json.Unmarshal(in.Bytes(), &r); err != nil {
			return err
		}
		b, err := base64.StdEncoding.DecodeString(r.B)
		if err != nil {
			return err
		}
		m, err := protocol.Decode(b)
		if err != nil {
			return err
		}
		d := decoded{T: r.T, Type: m.Type().String()}
		switch m := m.(type) {
		case protocol.Progress:
			d.Update, d.Losses, d.Running = m.Update, m.Losses, m.Running
		case protocol.Error:
			d.Message = fmt.Sprintf("%v: %v %s %q", m.Code, m.Reason, m.Key, m.Token)
		case protocol.Ready:
			d.Message = m.Engine
		}
		if err := out.Encode(d); err != nil {
			return err
		}
	}
	return in.Err()
}

func main() {
	hidden := flag.Int("hidden", 64, "hidden units H (64 or 128 for the standard workloads)")
	path := flag.String("corpus", "/usr/share/common-licenses/GPL-3", "the corpus; its first 20,000 characters are used")
	msgs := flag.Bool("messages", false, "print the engine messages that start the run, as base64 JSON, and exit")
	dec := flag.Bool("decode", false, "decode the engine's recorded replies (JSON lines on stdin) and exit")
	flag.Parse()
	if err := run(*hidden, *path, *msgs, *dec); err != nil {
		fmt.Fprintln(os.Stderr, "gobench:", err)
		os.Exit(1)
	}
}

func run(hidden int, path string, msgs, dec bool) error {
	enc := json.NewEncoder(os.Stdout)
	if dec {
		in := bufio.NewScanner(os.Stdin)
		in.Buffer(make([]byte, 1<<20), 64<<20)
		return decode(in, enc)
	}
	text, err := corpus(path)
	if err != nil {
		return err
	}
	if msgs {
		m, err := messages(text, hidden)
		if err != nil {
			return err
		}
		return enc.Encode(map[string]any{"messages": m})
	}
	s, err := readSettings()
	if err != nil {
		return err
	}
	if s.window < 0 || s.warmup < 0 {
		return errors.New("negative durations")
	}
	r, err := train(text, hidden, s)
	if err != nil {
		return err
	}
	return enc.Encode(r)
}
