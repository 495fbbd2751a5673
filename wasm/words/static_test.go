package words

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestBootMessages: static/boot.js's MESSAGES (its words before the Go
// program runs, and the page's title and description) has a table for each
// language of the catalogue, with the same keys and placeholders, and its
// Chinese has no untranslated English; so has index.html's Chinese
// noscript message.
func TestBootMessages(t *testing.T) {
	b, err := os.ReadFile("../../static/boot.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	start := strings.Index(js, "const MESSAGES = {\n")
	end := strings.Index(js[max(start, 0):], "\n  };\n")
	if start < 0 || end < 0 {
		t.Fatal("boot.js has no MESSAGES table")
	}
	header := regexp.MustCompile(`(?m)^    '([^']+)': \{$`)
	entry := regexp.MustCompile(`(?m)^      (\w+): ((?:'(?:[^'\\]|\\.)*'(?: \+\s*)?)+),$`)
	literal := regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)
	table := js[start : start+end]
	heads := header.FindAllStringSubmatchIndex(table, -1)
	msgs := map[string]map[string]string{}
	for i, h := range heads {
		stop := len(table)
		if i+1 < len(heads) {
			stop = heads[i+1][0]
		}
		tag := table[h[2]:h[3]]
		msgs[tag] = map[string]string{}
		for _, e := range entry.FindAllStringSubmatch(table[h[1]:stop], -1) {
			var s strings.Builder
			for _, l := range literal.FindAllStringSubmatch(e[2], -1) {
				s.WriteString(strings.ReplaceAll(l[1], `\'`, "'"))
			}
			msgs[tag][e[1]] = s.String()
		}
	}
	en := msgs[English.Tag()]
	if len(en) < 10 {
		t.Fatalf("read %d English boot messages: the pattern no longer matches boot.js", len(en))
	}
	for _, l := range Langs() {
		m := msgs[l.Tag()]
		for k, e := range en {
			if got, ok := m[k]; !ok || got == "" || !samePlaceholders(placeholder.FindAllString(e, -1), placeholder.FindAllString(got, -1)) {
				t.Errorf("boot.js %s: message %q missing, empty or with other placeholders: %q", l.Tag(), k, got)
			}
		}
		if len(m) != len(en) {
			t.Errorf("boot.js %s: %d messages, English %d", l.Tag(), len(m), len(en))
		}
	}
	if len(msgs) != len(Langs()) {
		t.Errorf("boot.js has tables for %d languages, the catalogue %d", len(msgs), len(Langs()))
	}
	for k, s := range msgs[ZhCN.Tag()] {
		if w := Untranslated(s); len(w) > 0 {
			t.Errorf("boot.js zh-CN %s has English %q: %q", k, w, s)
		}
	}
	if !strings.Contains(js, "'"+StorageKey+"'") {
		t.Errorf("boot.js does not read the remembered language under %q", StorageKey)
	}

	html, err := os.ReadFile("../../static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	zh := regexp.MustCompile(`<p [^>]*lang="zh-CN">([^<]+)</p>`).FindAllStringSubmatch(string(html), -1)
	if len(zh) == 0 {
		t.Error("index.html has no Chinese noscript message")
	}
	for _, m := range zh {
		if w := Untranslated(m[1]); len(w) > 0 || !slices.ContainsFunc([]rune(m[1]), func(r rune) bool { return r >= 0x4e00 }) {
			t.Errorf("index.html's Chinese %q: English %q", m[1], w)
		}
	}
}
