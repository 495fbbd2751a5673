//go:build !js

package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lstmplayground/lstm"
	"lstmplayground/wasm/share"
	"lstmplayground/wasm/share/goflate"
)

func init() {
	knownCodes = append(knownCodes, codeBadJSON, codeBadTitle, codeBadNickname, codeBadSetup, codeBadRun, codeBadToken,
		codeNoClass, codeNoEntry, codeKeyRequired, codeWrongKey, codeClassClosed, codeClassFull)
}

// classEnv is a share service with a class board on disk.
type classEnv struct {
	h       http.Handler
	classes *classDiskStore
	data    string
}

func newClassEnv(t *testing.T, cfg apiConfig) classEnv {
	t.Helper()
	data := t.TempDir()
	classes, err := openClassStore(data)
	if err != nil {
		t.Fatal(err)
	}
	cfg.classes = classes
	return classEnv{newAPI(newMemStore(), cfg), classes, data}
}

// classRun returns a setup (a share link's fragment) and a model file that fits it.
func classRun(t testing.TB, hidden int, seed uint64) (string, []byte) {
	t.Helper()
	s := share.Default()
	s.Config.Hidden, s.Config.Seed = hidden, seed
	setup, err := s.Encode(goflate.Codec{})
	if err != nil {
		t.Fatal(err)
	}
	return setup, modelFile(t, "the class sends runs", hidden, seed)
}

var jsonType = map[string]string{"Content-Type": "application/json"}

// sendJSON sends v as JSON with method to path, with the teacher key key (if not "").
func sendJSON(h http.Handler, method, path string, v any, key string) *http.Response {
	hdr := map[string]string{"Content-Type": "application/json"}
	if key != "" {
		hdr["Authorization"] = "Bearer " + key
	}
	var body *bytes.Reader
	if v != nil {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		body = bytes.NewReader(b)
	}
	if body == nil {
		return do(h, method, path, nil, hdr)
	}
	return do(h, method, path, body, hdr)
}

// decode decodes res's JSON body into v, failing unless res has status.
func decode(t testing.TB, what string, res *http.Response, status int, v any) {
	t.Helper()
	b := new(bytes.Buffer)
	_, _ = b.ReadFrom(res.Body)
	if res.StatusCode != status {
		t.Fatalf("%s: status %d, want %d: %s", what, res.StatusCode, status, b)
	}
	if v != nil {
		if err := json.Unmarshal(b.Bytes(), v); err != nil {
			t.Fatalf("%s: %v: %s", what, err, b)
		}
	}
}

type startedClass struct {
	classInfo
	TeacherKey string `json:"teacherKey"`
}

func startClass(t testing.TB, h http.Handler, title, setup string) startedClass {
	t.Helper()
	var c startedClass
	decode(t, "POST /api/classes", sendJSON(h, "POST", "/api/classes", map[string]string{"title": title, "setup": setup}, ""), 201, &c)
	return c
}

// entry is a student's send.
func entry(nick, setup string, model []byte, updates uint64) map[string]any {
	e := map[string]any{"nickname": nick, "setup": setup, "loss": []float64{3.2, 2.5, 1.75},
		"updates": updates, "sample": "the class <sends> runs", "unit": map[string]int{"layer": 0, "index": 1}}
	if model != nil {
		e["model"] = base64.StdEncoding.EncodeToString(model)
	}
	return e
}

func sendEntry(t testing.TB, h http.Handler, classID string, e map[string]any, status int) entrySent {
	t.Helper()
	var got entrySent
	decode(t, "send "+fmt.Sprint(e["nickname"]), sendJSON(h, "POST", "/api/classes/"+classID+"/entries", e, ""), status, &got)
	return got
}

type boardAnswer struct {
	Class   classInfo   `json:"class"`
	Count   int         `json:"count"`
	Entries []entryInfo `json:"entries"`
}

func readBoard(t testing.TB, h http.Handler, c startedClass) boardAnswer {
	t.Helper()
	var b boardAnswer
	decode(t, "board", sendJSON(h, "GET", "/api/classes/"+c.ID+"/board", nil, c.TeacherKey), 200, &b)
	if b.Count != len(b.Entries) {
		t.Fatalf("board: count %d, %d entries", b.Count, len(b.Entries))
	}
	return b
}

// TestClassBoard goes through a class: start, sends, a resend that
// replaces, the board, a model, a removal, the close.
func TestClassBoard(t *testing.T) {
	env := newClassEnv(t, apiConfig{})
	h := env.h
	setup, model := classRun(t, 4, 1)
	c := startClass(t, h, "  Year 9   LSTM  ", setup)
	if !validID(c.ID) || !validID(c.TeacherKey) || c.Title != "Year 9 LSTM" || !c.Open || c.Setup != setup {
		t.Fatalf("started %+v", c)
	}
	created, _ := time.Parse(time.RFC3339, c.Created)
	expires, _ := time.Parse(time.RFC3339, c.Expires)
	if expires.Sub(created) != defaultClassDays*24*time.Hour || c.Limits.MaxEntries != defaultClassEntries || c.Limits.LifetimeDays != defaultClassDays {
		t.Errorf("created %s, expires %s, limits %+v", c.Created, c.Expires, c.Limits)
	}
	raw, _ := os.ReadFile(filepath.Join(env.data, "classes", c.ID, classFile))
	if bytes.Contains(raw, []byte(c.TeacherKey)) {
		t.Error("the teacher key is stored in clear")
	}
	var pub classInfo
	decode(t, "GET class", do(h, "GET", "/api/classes/"+c.ID, nil, nil), 200, &pub)
	if pub != c.classInfo {
		t.Errorf("public %+v, want %+v", pub, c.classInfo)
	}

	ada := sendEntry(t, h, c.ID, entry("Ada", setup, model, 10), 201)
	if !validID(ada.Token) || ada.Entry != entryID(ada.Token) || ada.Replaced {
		t.Fatalf("first send: %+v", ada)
	}
	setup2, model2 := classRun(t, 4, 2)
	again := entry("Ada L.", setup2, model2, 99)
	again["token"] = ada.Token
	if got := sendEntry(t, h, c.ID, again, 200); got != (entrySent{ada.Entry, ada.Token, true}) {
		t.Fatalf("resend: %+v", got)
	}
	// Two students may choose one nickname: each has an entry.
	alan := sendEntry(t, h, c.ID, entry("Alan", setup, nil, 5), 201)
	alan2 := sendEntry(t, h, c.ID, entry("Alan", setup, nil, 6), 201)
	if alan.Entry == alan2.Entry || alan.Token == alan2.Token {
		t.Fatal("two students with one nickname share an entry")
	}
	b := readBoard(t, h, c)
	if b.Count != 3 || b.Class != c.classInfo {
		t.Fatalf("board: %+v", b)
	}
	first := b.Entries[0]
	want := entryRecord{ID: ada.Entry, Nickname: "Ada L.", Setup: setup2, Loss: []float64{3.2, 2.5, 1.75}, Updates: 99,
		Sample: "the class <sends> runs", Unit: &unitRef{0, 1}, ModelBytes: len(model2), Sent: first.entryRecord.Sent}
	if !reflect.DeepEqual(first.entryRecord, want) || first.ModelURL != "api/classes/"+c.ID+"/entries/"+ada.Entry+"/model" {
		t.Errorf("the resent entry: %+v, want %+v", first, want)
	}
	if b.Entries[1].ModelURL != "" || b.Entries[1].ModelBytes != 0 {
		t.Errorf("an entry without a model: %+v", b.Entries[1])
	}
	res := sendJSON(h, "GET", "/"+first.ModelURL, nil, c.TeacherKey)
	got := new(bytes.Buffer)
	_, _ = got.ReadFrom(res.Body)
	if res.StatusCode != 200 || !bytes.Equal(got.Bytes(), model2) || res.Header.Get("Content-Type") != "application/octet-stream" ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("the entry's model: %d %s, %d bytes", res.StatusCode, res.Header.Get("Content-Type"), got.Len())
	}
	checkAPIHeaders(t, "the entry's model", res)

	// A resend without a model drops the earlier one.
	again["model"] = nil
	sendEntry(t, h, c.ID, again, 200)
	checkErrorCode(t, "the dropped model", sendJSON(h, "GET", "/"+first.ModelURL, nil, c.TeacherKey), 404, codeNoEntry)

	if res := sendJSON(h, "DELETE", "/api/classes/"+c.ID+"/entries/"+alan.Entry, nil, c.TeacherKey); res.StatusCode != 204 {
		t.Fatalf("DELETE: %d", res.StatusCode)
	}
	checkErrorCode(t, "DELETE again", sendJSON(h, "DELETE", "/api/classes/"+c.ID+"/entries/"+alan.Entry, nil, c.TeacherKey), 404, codeNoEntry)
	// (The board lists the entries by their last send.)
	if b := readBoard(t, h, c); b.Count != 2 || b.Entries[0].ID != alan2.Entry || b.Entries[1].ID != ada.Entry {
		t.Fatalf("after the removal: %+v", b.Entries)
	}

	checkClose(t, h, c, again, 2)
}

// checkClose closes the class c, whose board has n entries, and checks that
// it takes no sends (resend, nor a new one) and keeps its board.
func checkClose(t *testing.T, h http.Handler, c startedClass, resend map[string]any, n int) {
	t.Helper()
	var closed, pub classInfo
	decode(t, "close", sendJSON(h, "POST", "/api/classes/"+c.ID+"/close", nil, c.TeacherKey), 200, &closed)
	if closed.Open {
		t.Error("closed class still open")
	}
	checkErrorCode(t, "send to a closed class", sendJSON(h, "POST", "/api/classes/"+c.ID+"/entries", resend, ""), 409, codeClassClosed, "closed")
	checkErrorCode(t, "new send to a closed class", sendJSON(h, "POST", "/api/classes/"+c.ID+"/entries", entry("Late", resend["setup"].(string), nil, 1), ""), 409, codeClassClosed)
	decode(t, "GET closed class", do(h, "GET", "/api/classes/"+c.ID, nil, nil), 200, &pub)
	if pub.Open || readBoard(t, h, c).Count != n {
		t.Error("the closed class: open, or its board changed")
	}
	decode(t, "close again", sendJSON(h, "POST", "/api/classes/"+c.ID+"/close", nil, c.TeacherKey), 200, &closed)
}

// TestClassKeys: the board, a model, a removal and the close take the
// class's own teacher key.
func TestClassKeys(t *testing.T) {
	h := newClassEnv(t, apiConfig{}).h
	setup, model := classRun(t, 4, 1)
	c, other := startClass(t, h, "A", setup), startClass(t, h, "B", setup)
	e := sendEntry(t, h, c.ID, entry("Ada", setup, model, 1), 201)
	base := "/api/classes/" + c.ID
	routes := []struct{ method, path string }{
		{"GET", base + "/board"}, {"GET", base + "/entries/" + e.Entry + "/model"},
		{"DELETE", base + "/entries/" + e.Entry}, {"POST", base + "/close"},
	}
	for _, r := range routes {
		for _, k := range []struct {
			name, auth, code string
		}{
			{"no key", "", codeKeyRequired},
			{"an empty key", "Bearer ", codeKeyRequired},
			{"not Bearer", "Basic " + c.TeacherKey, codeKeyRequired},
			{"a wrong key", "Bearer " + newID(), codeWrongKey},
			{"another class's key", "Bearer " + other.TeacherKey, codeWrongKey},
			{"the student's token", "Bearer " + e.Token, codeWrongKey},
		} {
			hdr := map[string]string{}
			if k.auth != "" {
				hdr["Authorization"] = k.auth
			}
			checkErrorCode(t, r.method+" "+r.path+" with "+k.name, do(h, r.method, r.path, nil, hdr), 403, k.code, "teacher key")
		}
	}
	missing := "/api/classes/" + newID()
	checkErrorCode(t, "the board of no class", sendJSON(h, "GET", missing+"/board", nil, c.TeacherKey), 404, codeNoClass)
	checkErrorCode(t, "no class", do(h, "GET", missing, nil, nil), 404, codeNoClass)
	checkErrorCode(t, "send to no class", sendJSON(h, "POST", missing+"/entries", entry("Ada", setup, nil, 1), ""), 404, codeNoClass)
	checkErrorCode(t, "a bad class id", do(h, "GET", "/api/classes/NOT-AN-ID", nil, nil), 400, codeBadID)
	checkErrorCode(t, "a bad entry id", sendJSON(h, "DELETE", base+"/entries/x", nil, c.TeacherKey), 400, codeBadID)
	checkErrorCode(t, "another entry", sendJSON(h, "GET", base+"/entries/"+newID()+"/model", nil, c.TeacherKey), 404, codeNoEntry)
	checkErrorCode(t, "another class's entry", sendJSON(h, "GET", "/api/classes/"+other.ID+"/entries/"+e.Entry+"/model", nil, other.TeacherKey), 404, codeNoEntry)
	for _, m := range []struct{ method, path, allow string }{
		{"GET", "/api/classes", "POST"}, {"DELETE", base, "GET, HEAD"}, {"GET", base + "/entries", "POST"},
		{"POST", base + "/board", "GET, HEAD"}, {"GET", base + "/close", "POST"},
	} {
		res := do(h, m.method, m.path, nil, nil)
		checkErrorCode(t, m.method+" "+m.path, res, 405, codeMethod)
		if res.Header.Get("Allow") != m.allow {
			t.Errorf("%s %s: Allow %q", m.method, m.path, res.Header.Get("Allow"))
		}
	}
	// Nothing was removed or closed by the refused requests.
	if b := readBoard(t, h, c); b.Count != 1 || !b.Class.Open {
		t.Errorf("after the refused requests: %+v", b)
	}
}

// TestClassEntryRefused: what a send may not carry, each refused with its
// code and field, storing nothing.
func TestClassEntryRefused(t *testing.T) {
	env := newClassEnv(t, apiConfig{})
	h := env.h
	setup, model := classRun(t, 4, 1)
	c := startClass(t, h, "Refusals", setup)
	_, otherModel := classRun(t, 5, 1)
	with := func(k string, v any) map[string]any {
		e := entry("Ada", setup, model, 1)
		if v == nil {
			delete(e, k)
		} else {
			e[k] = v
		}
		return e
	}
	long := make([]float64, maxLossPoints+1)
	for _, r := range []struct {
		name   string
		body   any
		status int
		code   string
		field  string
	}{
		{"a bell in the nickname", with("nickname", "Ada\x07"), 400, codeBadNickname, "nickname"},
		{"a line break in the nickname", with("nickname", "Ada\nLovelace"), 400, codeBadNickname, "nickname"},
		{"a tab in the nickname", with("nickname", "Ada\tL"), 400, codeBadNickname, "nickname"},
		{"a bidi override in the nickname", with("nickname", "Ada\u202egnp.exe"), 400, codeBadNickname, "nickname"},
		{"a zero-width space in the nickname", with("nickname", "Ad\u200ba"), 400, codeBadNickname, "nickname"},
		{"a private-use character in the nickname", with("nickname", "Ada\ue000"), 400, codeBadNickname, "nickname"},
		{"an empty nickname", with("nickname", "   "), 400, codeBadNickname, "nickname"},
		{"no nickname", with("nickname", nil), 400, codeBadNickname, "nickname"},
		{"a nickname of 33 characters", with("nickname", strings.Repeat("é", maxNicknameChars+1)), 400, codeBadNickname, "nickname"},
		{"a setup that is not a link", with("setup", "usage"), 400, codeBadSetup, "setup"},
		{"a setup with a bad value", with("setup", "v=1&h=0"), 400, codeBadSetup, "setup"},
		{"a setup too long", with("setup", "v=1&probe="+strings.Repeat("a", maxSetupChars)), 400, codeBadSetup, "setup"},
		{"a setup with another site's address", with("setup", "https://example.org/#"+setup), 400, codeBadSetup, "setup"},
		{"a setup with its '#'", with("setup", "#"+setup), 400, codeBadSetup, "setup"},
		{"a model that is not base64", with("model", "not base64!"), 400, codeBadModel, "model"},
		{"a model that is not a model", with("model", base64.StdEncoding.EncodeToString([]byte("<html>"))), 400, codeBadModel, "model"},
		{"a model cut short", with("model", base64.StdEncoding.EncodeToString(model[:len(model)-9])), 400, codeBadModel, "model"},
		{"a model of another setup", with("model", base64.StdEncoding.EncodeToString(otherModel)), 400, codeBadModel, "model"},
		{"a model over 4 MiB", with("model", base64.StdEncoding.EncodeToString(make([]byte, MaxUploadBytes+1))), 413, codeTooLarge, "model"},
		{"501 loss points", with("loss", long), 400, codeBadRun, "loss"},
		{"a null loss point (NaN)", with("loss", []any{1.5, nil}), 400, codeBadRun, "loss"},
		{"a loss point that is text", with("loss", []any{"NaN"}), 400, codeBadJSON, ""},
		{"no update count", with("updates", nil), 400, codeBadRun, "updates"},
		{"a negative update count", with("updates", -1), 400, codeBadJSON, ""},
		{"an update count of 2^53+2", with("updates", uint64(1)<<53+2), 400, codeBadRun, "updates"},
		{"a sample too long", with("sample", strings.Repeat("a", maxSampleChars+1)), 400, codeBadRun, "sample"},
		{"a unit past the hidden units", with("unit", map[string]int{"layer": 0, "index": 4}), 400, codeBadRun, "unit"},
		{"a unit past the layers", with("unit", map[string]int{"layer": 1, "index": 0}), 400, codeBadRun, "unit"},
		{"a negative unit", with("unit", map[string]int{"layer": 0, "index": -1}), 400, codeBadRun, "unit"},
		{"a token not of the service", with("token", "my-name-is-ada"), 400, codeBadToken, ""},
		{"an unknown field", with("email", "ada@example.org"), 400, codeBadJSON, ""},
		{"not an object", []int{1, 2}, 400, codeBadJSON, ""},
	} {
		res := sendJSON(h, "POST", "/api/classes/"+c.ID+"/entries", r.body, "")
		if e := checkErrorCode(t, r.name, res, r.status, r.code); e.Field != r.field {
			t.Errorf("%s: field %q, want %q", r.name, e.Field, r.field)
		}
	}
	path := "/api/classes/" + c.ID + "/entries"
	checkErrorCode(t, "not JSON", do(h, "POST", path, strings.NewReader("nickname=Ada"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}), 415, codeUnsupportedType)
	checkErrorCode(t, "broken JSON", do(h, "POST", path, strings.NewReader(`{"nickname":`), jsonType), 400, codeBadJSON)
	checkErrorCode(t, "two objects", do(h, "POST", path, strings.NewReader(`{} {}`), jsonType), 400, codeBadJSON)
	checkErrorCode(t, "a body too large", do(h, "POST", path, bytes.NewReader(make([]byte, maxEntryBody+1)), jsonType), 413, codeTooLarge)
	if b := readBoard(t, h, c); b.Count != 0 {
		t.Fatalf("refused sends stored %d entries", b.Count)
	}
}

// TestClassNicknameAllowed: what a nickname may have.
func TestClassNicknameAllowed(t *testing.T) {
	h := newClassEnv(t, apiConfig{}).h
	setup, _ := classRun(t, 4, 1)
	c := startClass(t, h, "Names", setup)
	// What is allowed: a trimmed nickname with accents, an emoji sequence
	// (joined by U+200D) and punctuation; no model, no unit, no loss yet.
	ok := entry("  Zoë 👩\u200d🔬 O'Brien-Ng  ", setup, nil, 0)
	delete(ok, "unit")
	ok["loss"] = []float64{}
	sendEntry(t, h, c.ID, ok, 201)
	if b := readBoard(t, h, c); b.Count != 1 || b.Entries[0].Nickname != "Zoë 👩\u200d🔬 O'Brien-Ng" || b.Entries[0].Unit != nil {
		t.Fatalf("board: %+v", b.Entries)
	}
	// A name is text: markup and quotes are kept as typed (the page shows
	// them with textContent), as the page's check (share.CleanName) says.
	for _, nick := range []string{"<b>x</b>", "'; DROP TABLE entries; --", "<script>alert(1)</script>"} {
		sendEntry(t, h, c.ID, entry(nick, setup, nil, 1), 201) // no token: a new entry each
	}
	got := map[string]bool{}
	for _, e := range readBoard(t, h, c).Entries {
		got[e.Nickname] = true
	}
	if !got["<b>x</b>"] || !got["'; DROP TABLE entries; --"] || !got["<script>alert(1)</script>"] {
		t.Errorf("nicknames on the board: %v", got)
	}
	if c2 := startClass(t, h, "<i>Year 11</i>", setup); c2.Title != "<i>Year 11</i>" {
		t.Errorf("title %q", c2.Title)
	}
}

// TestClassStartRefused: a class needs a setup the page opens and a title
// that is a name.
func TestClassStartRefused(t *testing.T) {
	h := newClassEnv(t, apiConfig{}).h
	setup, _ := classRun(t, 4, 1)
	for _, r := range []struct {
		name string
		body any
		code string
	}{
		{"a bidi override in the title", map[string]string{"title": "Class \u202e1", "setup": setup}, codeBadTitle},
		{"a control character in the title", map[string]string{"title": "Class\x1b[31m", "setup": setup}, codeBadTitle},
		{"a title of 81 characters", map[string]string{"title": strings.Repeat("a", maxTitleChars+1), "setup": setup}, codeBadTitle},
		{"no setup", map[string]string{"title": "A"}, codeBadSetup},
		{"a setup from a future version", map[string]string{"title": "A", "setup": "v=99"}, codeBadSetup},
		{"an unknown field", map[string]string{"title": "A", "setup": setup, "key": "mine"}, codeBadJSON},
	} {
		checkErrorCode(t, r.name, sendJSON(h, "POST", "/api/classes", r.body, ""), 400, r.code)
	}
	checkErrorCode(t, "not JSON", do(h, "POST", "/api/classes", strings.NewReader(setup), map[string]string{"Content-Type": "text/plain"}), 415, codeUnsupportedType)
	checkErrorCode(t, "too large", do(h, "POST", "/api/classes", bytes.NewReader(make([]byte, maxClassBody+1)), jsonType), 413, codeTooLarge)
	// An empty title is allowed (the page names the class itself).
	if c := startClass(t, h, "", setup); c.Title != "" {
		t.Errorf("title %q", c.Title)
	}
}

// TestClassFull: a class holds defaultClassEntries entries; the next new one
// is refused, a resend of one of them is not.
func TestClassFull(t *testing.T) {
	h := newClassEnv(t, apiConfig{}).h
	setup, _ := classRun(t, 4, 1)
	c := startClass(t, h, "Full", setup)
	var first entrySent
	for i := range defaultClassEntries {
		got := sendEntry(t, h, c.ID, entry(fmt.Sprintf("Student %d", i), setup, nil, uint64(i)), 201)
		if i == 0 {
			first = got
		}
	}
	checkErrorCode(t, "the entry past the limit", sendJSON(h, "POST", "/api/classes/"+c.ID+"/entries", entry("Late", setup, nil, 1), ""),
		409, codeClassFull, fmt.Sprintf("at most %d", defaultClassEntries))
	resend := entry("Student 0", setup, nil, 7)
	resend["token"] = first.Token
	sendEntry(t, h, c.ID, resend, 200)
	if b := readBoard(t, h, c); b.Count != defaultClassEntries {
		t.Fatalf("%d entries", b.Count)
	}
	// A removal makes room.
	if res := sendJSON(h, "DELETE", "/api/classes/"+c.ID+"/entries/"+first.Entry, nil, c.TeacherKey); res.StatusCode != 204 {
		t.Fatal(res.StatusCode)
	}
	sendEntry(t, h, c.ID, entry("Late", setup, nil, 1), 201)
}

// TestClassBurst: 30 students send at once, each with a model, with no rate
// limit and through the limits of one school address: none is lost, and a
// reopened store has them all.
func TestClassBurst(t *testing.T) {
	t.Run("no limits", func(t *testing.T) { classBurst(t, apiConfig{}) })
	t.Run("one address", func(t *testing.T) {
		classBurst(t, apiConfig{limiter: newMemLimiter(defaultLimits), limits: defaultLimits})
	})
}

func classBurst(t *testing.T, cfg apiConfig) {
	env := newClassEnv(t, cfg)
	h := env.h
	setup, _ := classRun(t, 4, 1)
	c := startClass(t, h, "Burst", setup)
	const n = 30
	models := make([][]byte, n)
	for i := range models {
		s := share.Default()
		s.Config.Hidden, s.Config.Seed = 4, 1
		m, err := lstm.NewModel(s.Config, mustData(t))
		if err != nil {
			t.Fatal(err)
		}
		m.Updates = uint64(i) // a different file each
		models[i], _ = m.MarshalBinary()
	}
	sent := make([]entrySent, n)
	var wg sync.WaitGroup
	var mu sync.Mutex
	refused := 0
	for i := range n {
		wg.Go(func() {
			// As the page does: on a 429 (one address has at most 4 sends
			// under way), wait Retry-After and send again.
			for {
				res := sendJSON(h, "POST", "/api/classes/"+c.ID+"/entries", entry(fmt.Sprintf("S%d", i), setup, models[i], uint64(i)), "")
				if res.StatusCode == http.StatusTooManyRequests {
					mu.Lock()
					refused++
					mu.Unlock()
					secs, _ := strconv.Atoi(res.Header.Get("Retry-After"))
					time.Sleep(time.Duration(secs) * time.Second)
					continue
				}
				if res.StatusCode != 201 {
					t.Errorf("send %d: %d", i, res.StatusCode)
					return
				}
				_ = json.NewDecoder(res.Body).Decode(&sent[i])
				return
			}
		})
	}
	wg.Wait()
	if refused > 0 {
		t.Logf("%d sends at once from one address: %d answers 429 on the way, each retried after its Retry-After", n, refused)
	}
	for _, store := range []string{"running", "reopened"} {
		if store == "reopened" {
			reopened, err := openClassStore(env.data)
			if err != nil {
				t.Fatal(err)
			}
			if reopened.used != env.classes.used {
				t.Errorf("reopened: %d bytes used, the running store counted %d", reopened.used, env.classes.used)
			}
			h = newAPI(newMemStore(), apiConfig{classes: reopened})
		}
		b := readBoard(t, h, c)
		if b.Count != n {
			t.Fatalf("%s: %d entries of %d sent", store, b.Count, n)
		}
		for i, s := range sent {
			res := sendJSON(h, "GET", "/api/classes/"+c.ID+"/entries/"+s.Entry+"/model", nil, c.TeacherKey)
			got := new(bytes.Buffer)
			_, _ = got.ReadFrom(res.Body)
			if !bytes.Equal(got.Bytes(), models[i]) {
				t.Errorf("%s: the model of send %d: %d, %d bytes", store, i, res.StatusCode, got.Len())
			}
		}
	}
	names, _ := os.ReadDir(filepath.Join(env.data, "classes", c.ID))
	if len(names) != 1+2*n {
		t.Errorf("the class folder has %d files, want the class and %d entries with their models", len(names), n)
	}
}

// mustData is the training data of classRun's models.
func mustData(t testing.TB) *lstm.Data {
	d, err := lstm.NewTextData("the class sends runs")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestClassExpiry: after its lifetime a class and its entries are gone for
// every route, and the sweep deletes their files.
func TestClassExpiry(t *testing.T) {
	env := newClassEnv(t, apiConfig{class: classConfig{days: 2}})
	h := env.h
	setup, model := classRun(t, 4, 1)
	c, kept := startClass(t, h, "Short", setup), startClass(t, h, "Kept", setup)
	e := sendEntry(t, h, c.ID, entry("Ada", setup, model, 1), 201)
	if c.Limits.LifetimeDays != 2 {
		t.Errorf("limits %+v", c.Limits)
	}
	clock := newFakeClock()
	clock.t = time.Now()
	env.classes.now = clock.now
	clock.add(2*24*time.Hour - time.Minute)
	if n := env.classes.Sweep(); n != 0 {
		t.Fatalf("swept %d classes before their time", n)
	}
	readBoard(t, h, c)
	// The kept class ends later.
	keptFile := filepath.Join(env.data, "classes", kept.ID, classFile)
	before := env.classes.used - fileSize(keptFile)
	if err := os.WriteFile(keptFile, mustJSON(t, classRecord{ID: kept.ID, Expires: clock.t.Add(time.Hour).Unix()}), 0o644); err != nil {
		t.Fatal(err)
	}
	env.classes.used = before + fileSize(keptFile)
	clock.add(2 * time.Minute)
	base := "/api/classes/" + c.ID
	checkErrorCode(t, "an expired class", do(h, "GET", base, nil, nil), 404, codeNoClass)
	checkErrorCode(t, "its board", sendJSON(h, "GET", base+"/board", nil, c.TeacherKey), 404, codeNoClass)
	checkErrorCode(t, "a send", sendJSON(h, "POST", base+"/entries", entry("Bob", setup, nil, 1), ""), 404, codeNoClass)
	checkErrorCode(t, "its model", sendJSON(h, "GET", base+"/entries/"+e.Entry+"/model", nil, c.TeacherKey), 404, codeNoClass)
	if n := env.classes.Sweep(); n != 1 {
		t.Fatalf("swept %d classes, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(env.data, "classes", c.ID)); !os.IsNotExist(err) {
		t.Error("the expired class's folder is still there")
	}
	if _, err := os.Stat(filepath.Join(env.data, "classes", kept.ID)); err != nil {
		t.Error("the sweep deleted a class before its time")
	}
	if env.classes.used != fileSize(keptFile) {
		t.Errorf("%d bytes counted after the sweep", env.classes.used)
	}
}

func mustJSON(t testing.TB, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestClassStorageFull: past the store's size limit, new classes and
// entries get 507 and nothing is stored.
func TestClassStorageFull(t *testing.T) {
	env := newClassEnv(t, apiConfig{})
	setup, model := classRun(t, 4, 1)
	c := startClass(t, env.h, "Full disk", setup)
	env.classes.maxBytes = env.classes.used + int64(len(model))
	checkErrorCode(t, "an entry past the limit", sendJSON(env.h, "POST", "/api/classes/"+c.ID+"/entries", entry("Ada", setup, model, 1), ""), 507, codeStorageFull)
	checkErrorCode(t, "a class past the limit", sendJSON(env.h, "POST", "/api/classes", map[string]string{"setup": setup}, ""), 507, codeStorageFull)
	if b := readBoard(t, env.h, c); b.Count != 0 {
		t.Errorf("%d entries stored", b.Count)
	}
}

// TestClassInfo: GET /api/ states the class board's limits when it has one.
func TestClassInfo(t *testing.T) {
	var info struct {
		Classes *classLimitsInfo `json:"classes"`
	}
	decode(t, "GET /api/", do(newAPI(newMemStore(), apiConfig{}), "GET", "/api/", nil, nil), 200, &info)
	if info.Classes != nil {
		t.Error("classes stated without a class board")
	}
	decode(t, "GET /api/", do(newClassEnv(t, apiConfig{}).h, "GET", "/api/", nil, nil), 200, &info)
	want := classLimitsInfo{MaxEntries: 200, LifetimeDays: 30, MaxTitleChars: 80, MaxNicknameChars: 32, MaxSetupChars: 32000,
		MaxSampleChars: 2000, MaxLossPoints: 500, MaxModelBytes: 4 << 20, Text: info.Classes.Text}
	if *info.Classes != want || !strings.Contains(want.Text, "200") || !strings.Contains(want.Text, "30 days") {
		t.Errorf("classes %+v, want %+v", *info.Classes, want)
	}
}

// TestClassWorkerTestdata: the model and setup of the Worker's class tests
// (tests/worker/testdata) fit, as a page would send them.
func TestClassWorkerTestdata(t *testing.T) {
	model, err := os.ReadFile("../tests/worker/testdata/class.model")
	if err != nil {
		t.Fatal(err)
	}
	setup, err := os.ReadFile("../tests/worker/testdata/class.setup")
	if err != nil {
		t.Fatal(err)
	}
	e := entry("Ada", strings.TrimSpace(string(setup)), model, 1)
	e["unit"] = map[string]int{"layer": 0, "index": 7}
	h := newClassEnv(t, apiConfig{}).h
	sendEntry(t, h, startClass(t, h, "Worker", strings.TrimSpace(string(setup))).ID, e, 201)
}

// TestClassStoreReopen: a reopened store counts the bytes of the classes
// and removes the temporary files a crash left (and only stale ones).
func TestClassStoreReopen(t *testing.T) {
	env := newClassEnv(t, apiConfig{})
	setup, model := classRun(t, 4, 1)
	c := startClass(t, env.h, "Crash", setup)
	sendEntry(t, env.h, c.ID, entry("Ada", setup, model, 1), 201)
	dir := filepath.Join(env.data, "classes", c.ID)
	stale, fresh := filepath.Join(dir, tempPrefix+"stale"), filepath.Join(dir, tempPrefix+"fresh")
	for _, name := range []string{stale, fresh} {
		if err := os.WriteFile(name, []byte("half an entry"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleTemp)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	s, err := openClassStore(env.data)
	if err != nil {
		t.Fatal(err)
	}
	if s.used != env.classes.used {
		t.Errorf("reopened: %d bytes, the running store counted %d", s.used, env.classes.used)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a stale temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (a send being written) was removed")
	}
	if b := readBoard(t, newAPI(newMemStore(), apiConfig{classes: s}), c); b.Count != 1 || b.Entries[0].ModelBytes != len(model) {
		t.Errorf("reopened board: %+v", b)
	}
}

// TestClassBoardOrderWithinAMillisecond: with the clock stopped, every send
// lands in one millisecond; the board still lists the entries in the order of
// their last send, and a resend with a new model serves the new model.
func TestClassBoardOrderWithinAMillisecond(t *testing.T) {
	env := newClassEnv(t, apiConfig{})
	h := env.h
	clock := newFakeClock()
	clock.t = time.Now()
	env.classes.now = clock.now
	setup, model := classRun(t, 4, 1)
	c := startClass(t, h, "Same ms", setup)
	ada := sendEntry(t, h, c.ID, entry("Ada", setup, model, 1), 201)
	bob := sendEntry(t, h, c.ID, entry("Bob", setup, nil, 2), 201)
	cy := sendEntry(t, h, c.ID, entry("Cy", setup, nil, 3), 201)
	setup2, model2 := classRun(t, 4, 2)
	again := entry("Ada", setup2, model2, 4)
	again["token"] = ada.Token
	sendEntry(t, h, c.ID, again, 200)
	b := readBoard(t, h, c)
	var order []string
	for _, e := range b.Entries {
		order = append(order, e.ID)
	}
	if want := []string{bob.Entry, cy.Entry, ada.Entry}; !slices.Equal(order, want) {
		t.Fatalf("board order %v, want %v (Bob, Cy, then Ada's resend)", order, want)
	}
	res := sendJSON(h, "GET", "/"+b.Entries[2].ModelURL, nil, c.TeacherKey)
	got := new(bytes.Buffer)
	_, _ = got.ReadFrom(res.Body)
	if res.StatusCode != 200 || !bytes.Equal(got.Bytes(), model2) {
		t.Errorf("the resent model: %d, %d bytes, want the new model's %d", res.StatusCode, got.Len(), len(model2))
	}
}
