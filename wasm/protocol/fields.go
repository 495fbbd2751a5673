package protocol

import (
	"strconv"

	"lstmplayground/lstm"
)

// This file holds, for every message type, its fields in wire order (put and
// read*), and the checks that involve more than one field (check). put and the
// matching read function must list the same fields in the same order.

const interventionSize = 8 + 1 + 8 + 8 // Layer, State, Unit, Value

func checkKind(field string, k lstm.Kind) error {
	if k != lstm.Text && k != lstm.Numbers {
		return badShape(field, strconv.Itoa(int(k))+" is neither Text (0) nor Numbers (1)")
	}
	return nil
}

func checkCell(field string, c lstm.Cell) error {
	if c != lstm.CellLSTM && c != lstm.CellRNN {
		return badShape(field, strconv.Itoa(int(c))+" is neither LSTM (0) nor RNN (1)")
	}
	return nil
}

// checkLen returns an error unless len(v) == n.
func checkLen[T any](field string, v []T, n int) error {
	if len(v) != n {
		return badShape(field, "has "+strconv.Itoa(len(v))+" values, want "+strconv.Itoa(n))
	}
	return nil
}

// ---- SetData ----

func (m SetData) put(w *writer) {
	w.u32(m.ID)
	w.u8(uint8(m.Mode))
	w.str("Text", m.Text, MaxDataText)
}

func readSetData(r *reader) Message {
	return SetData{ID: r.u32("ID"), Mode: lstm.Kind(r.u8("Mode")), Text: r.str("Text", MaxDataText)}
}

func (m SetData) check() error { return checkKind("Mode", m.Mode) }

// ---- SetConfig ----

func (m SetConfig) put(w *writer) {
	w.u32(m.ID)
	w.config(m.Config)
}

func readSetConfig(r *reader) Message { return SetConfig{ID: r.u32("ID"), Config: r.config()} }

func (SetConfig) check() error { return nil } // ranges are the engine's: lstm.Config.Validate

// config writes every field of lstm.Config, in declaration order.
func (w *writer) config(c lstm.Config) {
	w.u8(uint8(c.Cell))
	w.int(c.Layers)
	w.int(c.Hidden)
	w.int(c.SeqLen)
	w.f64(c.LearningRate)
	w.u8(uint8(c.Optimizer))
	w.f64(c.Momentum)
	w.f64(c.Clip)
	w.u8(uint8(c.ClipMode))
	w.u8(uint8(c.Init))
	w.f64(c.ForgetBias)
	w.u64(c.Seed)
}

func (r *reader) config() lstm.Config {
	var c lstm.Config
	c.Cell = lstm.Cell(r.u8("Config.Cell"))
	c.Layers = r.int("Config.Layers")
	c.Hidden = r.int("Config.Hidden")
	c.SeqLen = r.int("Config.SeqLen")
	c.LearningRate = r.f64("Config.LearningRate")
	c.Optimizer = lstm.Optimizer(r.u8("Config.Optimizer"))
	c.Momentum = r.f64("Config.Momentum")
	c.Clip = r.f64("Config.Clip")
	c.ClipMode = lstm.ClipMode(r.u8("Config.ClipMode"))
	c.Init = lstm.Init(r.u8("Config.Init"))
	c.ForgetBias = r.f64("Config.ForgetBias")
	c.Seed = r.u64("Config.Seed")
	return c
}

// ---- messages of an ID only ----

func (m Train) put(w *writer)    { w.u32(m.ID) }
func (m Pause) put(w *writer)    { w.u32(m.ID) }
func (m Step) put(w *writer)     { w.u32(m.ID) }
func (m Reset) put(w *writer)    { w.u32(m.ID) }
func (m Reach) put(w *writer)    { w.u32(m.ID) }
func (m Export) put(w *writer)   { w.u32(m.ID) }
func (m Diagnose) put(w *writer) { w.u32(m.ID) }
func (Train) check() error       { return nil }
func (Pause) check() error       { return nil }
func (Step) check() error        { return nil }
func (Reset) check() error       { return nil }

// ---- Trace ----

func (m Trace) put(w *writer) {
	w.u32(m.ID)
	w.str("Probe", m.Probe, MaxText)
	if !w.count("Interventions", len(m.Interventions), MaxInterventions, "interventions") {
		return
	}
	for _, iv := range m.Interventions {
		w.int(iv.Layer)
		w.u8(uint8(iv.State))
		w.int(iv.Unit)
		w.f64(iv.Value)
	}
}

func readTrace(r *reader) Message {
	m := Trace{ID: r.u32("ID"), Probe: r.str("Probe", MaxText)}
	n, ok := r.count("Interventions", MaxInterventions, interventionSize, "interventions")
	if !ok || n == 0 {
		return m
	}
	m.Interventions = make([]lstm.Intervention, n)
	r.list = "Interventions"
	for i := range m.Interventions {
		r.idx = i
		iv := &m.Interventions[i]
		iv.Layer = r.int("Layer")
		iv.State = lstm.StateKind(r.u8("State"))
		iv.Unit = r.int("Unit")
		iv.Value = r.f64("Value")
	}
	r.list, r.idx = "", -1
	return m
}

func (Trace) check() error { return nil } // ranges are the engine's: they depend on the model

// ---- Sample ----

func (m Sample) put(w *writer) {
	w.u32(m.ID)
	w.str("Prime", m.Prime, MaxText)
	w.int(m.Count)
	w.f64(m.Temperature)
	w.u64(m.Seed)
}

func readSample(r *reader) Message {
	return Sample{ID: r.u32("ID"), Prime: r.str("Prime", MaxText), Count: r.int("Count"),
		Temperature: r.f64("Temperature"), Seed: r.u64("Seed")}
}

func (Sample) check() error { return nil } // ranges are the engine's: lstm.Model.Sample

// ---- SnapAt ----

func (m SnapAt) put(w *writer) {
	w.u32(m.ID)
	w.u64(m.At)
	w.str("Probe", m.Probe, MaxText)
	w.str("Prime", m.Prime, MaxText)
	w.int(m.Count)
	w.f64(m.Temperature)
	w.u64(m.Seed)
}

func readSnapAt(r *reader) Message {
	return SnapAt{ID: r.u32("ID"), At: r.u64("At"), Probe: r.str("Probe", MaxText), Prime: r.str("Prime", MaxText),
		Count: r.int("Count"), Temperature: r.f64("Temperature"), Seed: r.u64("Seed")}
}

func (SnapAt) check() error { return nil } // as Trace and Sample: the engine checks the ranges

// ---- Import ----

func (m Import) put(w *writer) {
	w.u32(m.ID)
	w.bytes("File", m.File, MaxModelFile)
}

func readImport(r *reader) Message {
	return Import{ID: r.u32("ID"), File: r.bytes("File", MaxModelFile)}
}

func (Reach) check() error  { return nil }
func (Export) check() error { return nil }
func (Import) check() error { return nil }

// ---- SetLive ----

func (m SetLive) put(w *writer) {
	w.u32(m.ID)
	w.f64(m.LearningRate)
	w.u8(uint8(m.Optimizer))
	w.f64(m.Momentum)
	w.f64(m.Clip)
	w.u8(uint8(m.ClipMode))
}

func readSetLive(r *reader) Message {
	return SetLive{ID: r.u32("ID"), LearningRate: r.f64("LearningRate"), Optimizer: lstm.Optimizer(r.u8("Optimizer")),
		Momentum: r.f64("Momentum"), Clip: r.f64("Clip"), ClipMode: lstm.ClipMode(r.u8("ClipMode"))}
}

func (SetLive) check() error { return nil } // ranges are the engine's: lstm.Trainer.Set*

// ---- Ready ----

func (m Ready) put(w *writer) {
	w.u8(m.Protocol)
	w.str("Engine", m.Engine, MaxText)
}

func readReady(r *reader) Message {
	return Ready{Protocol: r.u8("Protocol"), Engine: r.str("Engine", MaxText)}
}

func (m Ready) check() error {
	if m.Protocol != Version {
		return badShape("Protocol", "version "+strconv.Itoa(int(m.Protocol))+" in a message of version "+strconv.Itoa(Version))
	}
	return nil
}

// ---- Progress ----

func (m Progress) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u64(m.Update)
	w.f64(m.Loss)
	w.f64(m.CharsPerSec)
	w.f64(m.GradNorm)
	w.boolean(m.Running)
	w.f32s("Losses", m.Losses, MaxLosses)
}

func readProgress(r *reader) Message {
	return Progress{ID: r.u32("ID"), Gen: r.u32("Gen"), Update: r.u64("Update"), Loss: r.f64("Loss"),
		CharsPerSec: r.f64("CharsPerSec"), GradNorm: r.f64("GradNorm"), Running: r.boolean("Running"),
		Losses: r.f32s("Losses", MaxLosses)}
}

func (Progress) check() error { return nil }

// ---- TraceResult ----

// maxTraceValues bounds one (T, H) array.
const maxTraceValues = MaxSteps * lstm.MaxHidden

func (m TraceResult) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u64(m.Update)
	w.u8(uint8(m.Kind))
	w.u8(uint8(m.Cell))
	w.int(m.T)
	w.int(m.H)
	if !w.count("Layers", len(m.Layers), lstm.MaxLayers, "layers") {
		return
	}
	w.list = "Layers"
	for l := range m.Layers {
		w.idx = l
		lt := &m.Layers[l]
		w.f32s("Zi", lt.Zi, maxTraceValues)
		w.f32s("Zf", lt.Zf, maxTraceValues)
		w.f32s("Z", lt.Z, maxTraceValues)
		w.f32s("Zo", lt.Zo, maxTraceValues)
		w.f32s("C", lt.C, maxTraceValues)
		w.f32s("H", lt.H, maxTraceValues)
		w.f32s("C0", lt.C0, lstm.MaxHidden)
		w.f32s("H0", lt.H0, lstm.MaxHidden)
	}
	w.list = ""
	w.runes("Symbols", m.Symbols, MaxSteps)
	w.f32s("Values", m.Values, MaxSteps)
	w.f32s("PNext", m.PNext, MaxSteps)
	w.runes("Top", m.Top, MaxSteps)
	w.f32s("TopP", m.TopP, MaxSteps)
	w.f32s("Pred", m.Pred, MaxSteps)
}

func readTraceResult(r *reader) Message {
	var m TraceResult
	m.ID = r.u32("ID")
	m.Gen = r.u32("Gen")
	m.Update = r.u64("Update")
	m.Kind = lstm.Kind(r.u8("Kind"))
	m.Cell = lstm.Cell(r.u8("Cell"))
	m.T = r.int("T")
	m.H = r.int("H")
	// Every array is at least its 4-byte count, so the count of layers is
	// bounded by the bytes that remain as well as by MaxLayers.
	n, ok := r.count("Layers", lstm.MaxLayers, 8*4, "layers")
	if !ok {
		return m
	}
	if n > 0 {
		m.Layers = make([]LayerTrace, n)
	}
	r.list = "Layers"
	for l := range m.Layers {
		r.idx = l
		lt := &m.Layers[l]
		lt.Zi = r.f32s("Zi", maxTraceValues)
		lt.Zf = r.f32s("Zf", maxTraceValues)
		lt.Z = r.f32s("Z", maxTraceValues)
		lt.Zo = r.f32s("Zo", maxTraceValues)
		lt.C = r.f32s("C", maxTraceValues)
		lt.H = r.f32s("H", maxTraceValues)
		lt.C0 = r.f32s("C0", lstm.MaxHidden)
		lt.H0 = r.f32s("H0", lstm.MaxHidden)
	}
	r.list, r.idx = "", -1
	m.Symbols = r.runes("Symbols", MaxSteps)
	m.Values = r.f32s("Values", MaxSteps)
	m.PNext = r.f32s("PNext", MaxSteps)
	m.Top = r.runes("Top", MaxSteps)
	m.TopP = r.f32s("TopP", MaxSteps)
	m.Pred = r.f32s("Pred", MaxSteps)
	return m
}

// check verifies the shapes: T and H in range, every array T×H (or H, or T) as
// the cell and the kind require, and nothing else present.
func (m TraceResult) check() error {
	if err := checkKind("Kind", m.Kind); err != nil {
		return err
	}
	if err := checkCell("Cell", m.Cell); err != nil {
		return err
	}
	if m.T < 0 || m.T > MaxSteps {
		return badShape("T", strconv.Itoa(m.T)+" steps is out of range 0.."+strconv.Itoa(MaxSteps))
	}
	if m.H < 1 || m.H > lstm.MaxHidden {
		return badShape("H", strconv.Itoa(m.H)+" units is out of range 1.."+strconv.Itoa(lstm.MaxHidden))
	}
	if len(m.Layers) < 1 || len(m.Layers) > lstm.MaxLayers {
		return badShape("Layers", strconv.Itoa(len(m.Layers))+" layers is out of range 1.."+strconv.Itoa(lstm.MaxLayers))
	}
	th := m.T * m.H
	lstmOnly := th
	lstmState := m.H
	if m.Cell == lstm.CellRNN {
		lstmOnly, lstmState = 0, 0
	}
	for l := range m.Layers {
		lt := &m.Layers[l]
		for _, a := range [...]struct {
			name string
			v    []float32
			n    int
		}{
			{"Zi", lt.Zi, lstmOnly}, {"Zf", lt.Zf, lstmOnly}, {"Z", lt.Z, lstmOnly}, {"Zo", lt.Zo, lstmOnly},
			{"C", lt.C, lstmOnly}, {"H", lt.H, th}, {"C0", lt.C0, lstmState}, {"H0", lt.H0, m.H},
		} {
			if len(a.v) != a.n {
				return badShape(fieldName("Layers", l, a.name), "has "+strconv.Itoa(len(a.v))+" values, want "+strconv.Itoa(a.n)+" for "+m.Cell.String()+" with T="+strconv.Itoa(m.T)+", H="+strconv.Itoa(m.H))
			}
		}
	}
	text, numbers := m.T, 0
	if m.Kind == lstm.Numbers {
		text, numbers = 0, m.T
	}
	if err := checkLen("Symbols", m.Symbols, text); err != nil {
		return err
	}
	if err := checkLen("PNext", m.PNext, text); err != nil {
		return err
	}
	if err := checkLen("Top", m.Top, text); err != nil {
		return err
	}
	if err := checkLen("TopP", m.TopP, text); err != nil {
		return err
	}
	if err := checkLen("Values", m.Values, numbers); err != nil {
		return err
	}
	return checkLen("Pred", m.Pred, numbers)
}

// ---- SampleResult ----

func (m SampleResult) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u8(uint8(m.Kind))
	w.str("Text", m.Text, MaxText)
	w.f32s("Values", m.Values, MaxSampleValues)
}

func readSampleResult(r *reader) Message {
	return SampleResult{ID: r.u32("ID"), Gen: r.u32("Gen"), Kind: lstm.Kind(r.u8("Kind")), Text: r.str("Text", MaxText),
		Values: r.f32s("Values", MaxSampleValues)}
}

func (m SampleResult) check() error {
	if err := checkKind("Kind", m.Kind); err != nil {
		return err
	}
	if m.Kind == lstm.Text && len(m.Values) != 0 {
		return badShape("Values", "a text sample has no values, but "+strconv.Itoa(len(m.Values))+" are set")
	}
	if m.Kind == lstm.Numbers && m.Text != "" {
		return badShape("Text", "a numbers sample has no text, but "+strconv.Itoa(len(m.Text))+" bytes are set")
	}
	return nil
}

// ---- ReachResult ----

func (m ReachResult) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u64(m.Update)
	w.u8(uint8(m.Cell))
	if !w.count("Layers", len(m.Layers), lstm.MaxLayers, "layers") {
		return
	}
	w.list = "Layers"
	for l, v := range m.Layers {
		w.idx = l
		w.f32s("Reach", v, lstm.MaxSeqLen)
	}
	w.list = ""
}

func readReachResult(r *reader) Message {
	m := ReachResult{ID: r.u32("ID"), Gen: r.u32("Gen"), Update: r.u64("Update"), Cell: lstm.Cell(r.u8("Cell"))}
	n, ok := r.count("Layers", lstm.MaxLayers, 4, "layers")
	if !ok || n == 0 {
		return m
	}
	m.Layers = make([][]float32, n)
	r.list = "Layers"
	for l := range m.Layers {
		r.idx = l
		m.Layers[l] = r.f32s("Reach", lstm.MaxSeqLen)
	}
	r.list, r.idx = "", -1
	return m
}

func (m ReachResult) check() error {
	if err := checkCell("Cell", m.Cell); err != nil {
		return err
	}
	if len(m.Layers) > lstm.MaxLayers {
		return badShape("Layers", strconv.Itoa(len(m.Layers))+" layers; the limit is "+strconv.Itoa(lstm.MaxLayers))
	}
	for l, v := range m.Layers {
		if len(v) != len(m.Layers[0]) {
			return badShape(fieldName("Layers", l, "Reach"), "has "+strconv.Itoa(len(v))+" values, but layer 0 has "+strconv.Itoa(len(m.Layers[0])))
		}
	}
	return nil
}

// ---- ModelFile ----

func (m ModelFile) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.bytes("File", m.File, MaxModelFile)
}

func readModelFile(r *reader) Message {
	return ModelFile{ID: r.u32("ID"), Gen: r.u32("Gen"), File: r.bytes("File", MaxModelFile)}
}

func (ModelFile) check() error { return nil }

// ---- Status ----

func (m Status) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u8(uint8(m.Kind))
	w.config(m.Config)
	w.runes("Vocab", m.Vocab, lstm.MaxVocab)
	w.int(m.Length)
	w.f64(m.Norm.Mean)
	w.f64(m.Norm.Scale)
	w.i64(m.Params)
	w.u64(m.Updates)
}

func readStatus(r *reader) Message {
	var m Status
	m.ID = r.u32("ID")
	m.Gen = r.u32("Gen")
	m.Kind = lstm.Kind(r.u8("Kind"))
	m.Config = r.config()
	m.Vocab = r.runes("Vocab", lstm.MaxVocab)
	m.Length = r.int("Length")
	m.Norm.Mean = r.f64("Norm.Mean")
	m.Norm.Scale = r.f64("Norm.Scale")
	m.Params = r.i64("Params")
	m.Updates = r.u64("Updates")
	return m
}

func (m Status) check() error { return checkKind("Kind", m.Kind) }

// ---- Diagnose, Diagnostics ----

func (Diagnose) check() error { return nil }

func (m Diagnostics) put(w *writer) {
	w.u32(m.ID)
	w.u64(m.Update)
	w.u64(m.HeapLive)
	w.u64(m.HeapAlloc)
	w.u64(m.HeapSys)
	w.u64(m.TotalAlloc)
	w.u32(m.NumGC)
	w.int(m.Goroutines)
	w.int(m.Funcs)
	w.u64(m.Warmed)
}

func readDiagnostics(r *reader) Message {
	return Diagnostics{ID: r.u32("ID"), Update: r.u64("Update"), HeapLive: r.u64("HeapLive"), HeapAlloc: r.u64("HeapAlloc"),
		HeapSys: r.u64("HeapSys"), TotalAlloc: r.u64("TotalAlloc"), NumGC: r.u32("NumGC"),
		Goroutines: r.int("Goroutines"), Funcs: r.int("Funcs"), Warmed: r.u64("Warmed")}
}

func (Diagnostics) check() error { return nil }

// ---- Error ----

func (m Error) put(w *writer) {
	w.u32(m.ID)
	w.u32(m.Gen)
	w.u8(uint8(m.Code))
	w.u8(uint8(m.Reason))
	w.u8(m.Detail)
	w.str("Key", m.Key, MaxText)
	w.f64(m.Value)
	w.f64(m.Min)
	w.f64(m.Max)
	w.i64(m.Have)
	w.i64(m.Limit)
	w.int(m.Index)
	w.int(m.Position)
	w.str("Token", m.Token, MaxText)
}

func readError(r *reader) Message {
	return Error{ID: r.u32("ID"), Gen: r.u32("Gen"), Code: Code(r.u8("Code")), Reason: Reason(r.u8("Reason")),
		Detail: r.u8("Detail"), Key: r.str("Key", MaxText), Value: r.f64("Value"), Min: r.f64("Min"), Max: r.f64("Max"),
		Have: r.i64("Have"), Limit: r.i64("Limit"), Index: r.int("Index"), Position: r.int("Position"),
		Token: r.str("Token", MaxText)}
}

func (m Error) check() error {
	if m.Code >= codeEnd {
		return badShape("Code", strconv.Itoa(int(m.Code))+" is no error code of protocol version "+strconv.Itoa(Version))
	}
	if m.Reason >= reasonEnd {
		return badShape("Reason", strconv.Itoa(int(m.Reason))+" is no error reason of protocol version "+strconv.Itoa(Version))
	}
	return nil
}
