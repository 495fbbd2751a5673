// Package words turns data into the sentences a person reads: the labels of
// the settings (by their registry key, see lstm.Setting and wasm/settings),
// the valid ranges, the typed errors of lstm with their numbers, the names
// of the presets and the guided tour (Tour).
//
// Every sentence comes from a message catalogue: one table per language
// (Lang), keyed by message id, with numbered placeholders {1}, {2} … that a
// translation may put in any order. The languages are English (the
// fallback, catalogue.go) and Simplified Chinese (ZhCN, catalogue_zh.go). To
// add one, add a Lang, its tag, its table, its entry in tables and its
// primary subtag in Match; TestCatalogueComplete fails until every id has
// its sentence with the same placeholders.
//
// The Chinese (every file *_zh.go) is compiled in only without the build
// tag nozh: the page's build sets it and installs the Chinese from a file
// when it shows Chinese (Install, file.go), so that a visitor who reads
// English does not download it.
//
// Which language a page shows is Choose's: a lang= link value (LinkLang),
// then a remembered choice (StorageKey), then the browser's languages
// (FromBrowser). Untranslated finds English words left in Chinese text.
//
// The package is pure Go (no syscall/js) and small: no fmt, no templates.
package words

import (
	"math"
	"strconv"
	"strings"

	"lstmplayground/lstm"
)

// Lang is a language of the catalogue.
type Lang uint8

const (
	// English (en) is the catalogue's first language and the fallback.
	English Lang = iota
	// ZhCN (zh-CN) is Simplified Chinese.
	ZhCN
	numLangs
)

// Langs lists the languages of the catalogue.
func Langs() []Lang {
	out := make([]Lang, numLangs)
	for i := range out {
		out[i] = Lang(i)
	}
	return out
}

// Tag returns the language's BCP 47 tag, as in <html lang> and lang= links.
func (l Lang) Tag() string {
	if int(l) < len(tags) {
		return tags[l]
	}
	return tags[English]
}

var tags = [numLangs]string{English: "en", ZhCN: "zh-CN"}

// tables holds the catalogue of each language.
var tables = [numLangs]map[string]string{English: en, ZhCN: zhCN}

// Text returns the message id in language l with its placeholders {1} … {9}
// replaced by args. A message missing from l falls back to English; an id
// missing from English returns the id itself (TestCatalogueComplete prevents
// both).
func Text(l Lang, id string, args ...string) string {
	t, ok := "", false
	if int(l) < len(tables) {
		t, ok = tables[l][id]
	}
	if !ok {
		if t, ok = en[id]; !ok {
			return id
		}
	}
	return fill(t, args)
}

// fill replaces the placeholders {1} … {9} of t by args.
func fill(t string, args []string) string {
	if len(args) == 0 || !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 || i+2 >= len(t) || t[i+2] != '}' || t[i+1] < '1' || int(t[i+1]-'1') >= len(args) {
			if i < 0 {
				b.WriteString(t)
				return b.String()
			}
			b.WriteString(t[:i+1])
			t = t[i+1:]
			continue
		}
		b.WriteString(t[:i])
		b.WriteString(args[t[i+1]-'1'])
		t = t[i+3:]
	}
}

// Label returns the name a person sees of the setting or input key: the
// registry key of a setting ("h" → "Hidden units") or one of the input
// keys of this package (KeyText, KeyProbe …).
func Label(l Lang, key string) string { return Text(l, "label."+key) }

// PresetName returns the name of the built-in training text id in the
// preset picker, and PresetAbout its one sentence on what to look for.
func PresetName(l Lang, id string) string  { return Text(l, "preset."+id+".name") }
func PresetAbout(l Lang, id string) string { return Text(l, "preset."+id+".about") }

// Tour returns the steps of the guided tour of the preset id in language l
// (catalogue ids tour.<id>.1, tour.<id>.2 …); nil for a preset without one.
func Tour(l Lang, id string) []string {
	var steps []string
	for n := 1; ; n++ {
		key := "tour." + id + "." + strconv.Itoa(n)
		if _, ok := en[key]; !ok {
			return steps
		}
		steps = append(steps, Text(l, key))
	}
}

// Keys of the inputs that are not settings, for Label.
const (
	KeyText  = "text"  // Training text
	KeyProbe = "probe" // Probe text
	KeyPrime = "prime" // Prime
	KeyLoad  = "load"  // Load model
)

// Count writes a whole number with the language's digit grouping and minus
// sign: 10,000 and −3 in English.
func Count(l Lang, n int64) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	s := strconv.FormatUint(u, 10)
	sep := Text(l, "num.group")
	var b strings.Builder
	if neg {
		b.WriteString(Text(l, "num.minus"))
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Number writes a number as a person reads it: whole numbers grouped
// (10,000), others as Plain.
func Number(l Lang, v float64) string {
	if v == math.Trunc(v) && math.Abs(v) <= 1<<53 {
		return Count(l, int64(v))
	}
	return Plain(l, v)
}

// Plain writes a number without grouping and without exponent where that
// stays short (1000, 0.000001), with the language's minus sign: the limits
// and values of settings that take any number.
func Plain(l Lang, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if len(s) > 12 {
		s = strconv.FormatFloat(v, 'g', -1, 64)
	}
	if strings.HasPrefix(s, "-") {
		s = Text(l, "num.minus") + s[1:]
	}
	return s
}

// Value writes a value of a setting of kind k: whole numbers grouped, other
// numbers plain.
func Value(l Lang, k lstm.SettingKind, v float64) string {
	if k == lstm.NumberSetting {
		return Plain(l, v)
	}
	return Number(l, v)
}

// List joins names as "a, b or c".
func List(l Lang, names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := names[0]
	for _, n := range names[1 : len(names)-1] {
		s = Text(l, "list.more", s, n)
	}
	return Text(l, "list.last", s, names[len(names)-1])
}
