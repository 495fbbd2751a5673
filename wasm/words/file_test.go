package words

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// withCatalogue runs the test with the Chinese tables set to ids and page
// (as Install sets them), and puts back the ones there were afterwards.
func withCatalogue(t *testing.T, ids, page map[string]string) {
	t.Helper()
	was, wasPage := tables[ZhCN], pageZh
	t.Cleanup(func() {
		tables[ZhCN], zhCN, pageZh = was, was, wasPage
		backTables[ZhCN], idTables[ZhCN] = nil, nil
	})
	tables[ZhCN], zhCN, pageZh = ids, ids, page
	backTables[ZhCN], idTables[ZhCN] = nil, nil
}

// TestFileRoundTrip: installing the file that tools/wordsjson writes
// (File) gives exactly the catalogue there was, every message and every
// page sentence, and the file is JSON that another reader reads the same.
func TestFileRoundTrip(t *testing.T) {
	ids, page := maps.Clone(tables[ZhCN]), maps.Clone(pageZh)
	if len(ids) == 0 || len(page) == 0 {
		t.Fatalf("no Chinese catalogue to write: %d messages, %d page sentences", len(ids), len(page))
	}
	data := File(ZhCN)
	withCatalogue(t, map[string]string{}, map[string]string{})
	if err := Install(ZhCN, data); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(tables[ZhCN], ids) || !maps.Equal(zhCN, ids) {
		t.Errorf("messages after Install: %d, differ from the %d compiled in", len(tables[ZhCN]), len(ids))
	}
	if !maps.Equal(pageZh, page) {
		t.Errorf("page sentences after Install: %d, differ from the %d compiled in", len(pageZh), len(page))
	}
	for id, want := range ids {
		if got := Text(ZhCN, id); got != want {
			t.Errorf("Text(zh-CN, %q) = %q, want %q", id, got, want)
		}
	}
	var other struct {
		IDs  []string
		Page map[string]string
	}
	if err := json.Unmarshal(data, &other); err != nil {
		t.Fatal("the file is not JSON:", err)
	}
	if !slices.Equal(other.IDs, inOrder(ids)) || !maps.Equal(other.Page, page) {
		t.Error("encoding/json reads another catalogue from the file")
	}
}

// inOrder returns the messages of ids in the order of English's ids, sorted
// ("" for one ids lacks), as a file has them.
func inOrder(ids map[string]string) []string {
	var out []string
	for _, id := range slices.Sorted(maps.Keys(en)) {
		out = append(out, ids[id])
	}
	return out
}

// fileOf returns a catalogue file with the messages ids (by id) and page,
// written by encoding/json.
func fileOf(t *testing.T, ids, page map[string]string) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{"ids": inOrder(ids), "page": page})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestInstallReadsJSON: Install reads any JSON of the file's shape: spaces,
// every escape encoding/json writes (\u003c, \u2028 …), surrogate pairs,
// a missing table, and a table that comes twice (the last counts for ids,
// both for page, as for encoding/json).
func TestInstallReadsJSON(t *testing.T) {
	want := map[string]string{"label.h": "<b> & \u2028 \"q\" \\ \t\x01 中文 😀", "num.minus": "−"}
	withCatalogue(t, map[string]string{}, map[string]string{})
	empty := strings.Repeat(`"",`, len(en)-1) + `""`
	one := func(id, msg string) string {
		return strings.Replace(fileOf(t, map[string]string{id: msg}, nil), `,"page":null`, "", 1)
	}
	cases := []struct {
		in        string
		ids, page map[string]string
	}{
		{fileOf(t, want, map[string]string{"Train": "训练"}), want, map[string]string{"Train": "训练"}},
		{" {\r\n \"page\" : { \"Train\" : \"\\u8bad\\u7ec3\" } , \"ids\":[ " + strings.ReplaceAll(empty, ",", " , ") + " ] }\n", map[string]string{}, map[string]string{"Train": "训练"}},
		{strings.Replace(one("label.h", "x"), "x", `\ud83d\ude00\/\b\f\n\r`, 1), map[string]string{"label.h": "😀/\b\f\n\r"}, map[string]string{}},
		{strings.Replace(one("label.h", "x"), "x", `\ud83d`, 1), map[string]string{"label.h": "\uFFFD"}, map[string]string{}},
		{strings.Replace(one("label.h", "x"), "x", `\ud83d\u0041`, 1), map[string]string{"label.h": "\uFFFDA"}, map[string]string{}},
		{`{"page":{"a":"1"},"page":{"b":"2"},"ids":[` + empty + `]}`, map[string]string{}, map[string]string{"a": "1", "b": "2"}},
		{`{}`, map[string]string{}, map[string]string{}},
	}
	for _, c := range cases {
		if err := Install(ZhCN, []byte(c.in)); err != nil {
			t.Errorf("Install(%.200q): %v", c.in, err)
			continue
		}
		if !maps.Equal(tables[ZhCN], c.ids) || !maps.Equal(pageZh, c.page) {
			t.Errorf("Install(%.200q): ids %q page %q, want %q %q", c.in, tables[ZhCN], pageZh, c.ids, c.page)
		}
	}
}

// TestInstallRefuses: what is not a catalogue file, or a file for English,
// changes nothing and is a *FileError.
func TestInstallRefuses(t *testing.T) {
	before := map[string]string{"label.h": "隐藏单元数"}
	withCatalogue(t, before, map[string]string{"Train": "训练"})
	good := fileOf(t, map[string]string{"label.h": "x"}, map[string]string{"a": "b"})
	bad := []string{"", "null", "[]", `{"ids":[]}`, `{"ids":["a"]}`, `{"ids":{}}`, `{"page":[]}`, `{"page":{"a":1}}`, `{"page":{"a":"b"}`,
		`{"page":{"a":"b"}}}`, `{"other":{}}`, `{"page":{"a":"b",}}`, `{"page":{"a":"\x"}}`, `{"page":{"a":"\u12"}}`,
		`{"page":{"a":"\u12zz"}}`, "{\"page\":{\"a\":\"tab\tin\"}}", `{"page" {"a":"b"}}`, `{"page":{"a":"b"} "ids":[]}`, `<html>`,
		strings.Replace(good, `"x"`, `"x",""`, 1), strings.Replace(good, `"x"`, `1`, 1), good[:len(good)-1], strings.Replace(good, `"x",`, ``, 1)}
	for _, in := range bad {
		err := Install(ZhCN, []byte(in))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Lang != ZhCN {
			t.Errorf("Install(%q) = %v, want a *FileError", in, err)
		}
		if !maps.Equal(tables[ZhCN], before) || pageZh["Train"] != "训练" {
			t.Fatalf("Install(%q) changed the catalogue", in)
		}
	}
	var fe *FileError
	if err := Install(English, []byte(good)); !errors.As(err, &fe) || en["label.h"] == "x" {
		t.Errorf("Install(English) = %v", err)
	}
}

// TestBeforeInstall: with no Chinese installed yet (the page's build
// before the file comes, or when it cannot come) every lookup in Chinese
// falls back to English, and nothing claims to be Chinese.
func TestBeforeInstall(t *testing.T) {
	withCatalogue(t, map[string]string{}, map[string]string{})
	if Has(ZhCN) || !Has(English) {
		t.Errorf("Has(zh-CN) = %v, Has(en) = %v before Install", Has(ZhCN), Has(English))
	}
	for id := range en {
		if got, want := Text(ZhCN, id, "7", "x"), Text(English, id, "7", "x"); got != want {
			t.Errorf("Text(zh-CN, %q) = %q, want the English %q", id, got, want)
		}
		if _, _, ok := BackID(ZhCN, en[id]); ok {
			t.Errorf("BackID(zh-CN, %q) found an id with no Chinese", en[id])
		}
	}
	for _, s := range []string{"Train", "Tip 2 of 4", " Reset ", "Loss of the last update"} {
		if got := Page(ZhCN, s); got != s {
			t.Errorf("Page(zh-CN, %q) = %q, want it as it is", s, got)
		}
		if HasPage(ZhCN, s) {
			t.Errorf("HasPage(zh-CN, %q) with no Chinese", s)
		}
	}
	if got := List(ZhCN, []string{"a", "b", "c"}); got != "a, b or c" {
		t.Errorf("List in zh-CN before Install: %q", got)
	}
	if err := Install(ZhCN, []byte(`{"page":{}}`)); err != nil || Has(ZhCN) {
		t.Errorf("an empty file: %v, Has %v", err, Has(ZhCN))
	}
}

// TestIDOrder: the messages of a file come in the order of English's ids,
// sorted.
func TestIDOrder(t *testing.T) {
	if got, want := idOrder(), slices.Sorted(maps.Keys(en)); !slices.Equal(got, want) {
		t.Errorf("idOrder is not English's ids sorted: %d of %d, first %q", len(got), len(want), got[:min(3, len(got))])
	}
}

// TestChineseBehindTag: every file that adds to the Chinese tables is built
// only without the tag nozh, so that the page's build leaves its Chinese out
// (a new catalogue_<name>.go puts its Chinese in catalogue_<name>_zh.go).
func TestChineseBehindTag(t *testing.T) {
	adds := regexp.MustCompile(`(?m)^\s*(zhCN|pageZh)\[[^\]]+\]\s*=`)
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	found := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, "_test.go") || !adds.Match(b) {
			continue
		}
		found++
		if !strings.HasPrefix(string(b), "//go:build !nozh\n") {
			t.Errorf("%s adds to the Chinese tables but is not tagged //go:build !nozh: the page would carry its Chinese", f)
		}
	}
	if found == 0 {
		t.Error("no file adds to the Chinese tables: the test looks for the wrong thing")
	}
}
