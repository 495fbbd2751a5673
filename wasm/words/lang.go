package words

import "strings"

// Where the page's language comes from: a link's lang= value, the choice a
// person made (remembered under StorageKey), the browser's languages.
// static/boot.js applies the same rule, with the same keys, to the boot
// messages before the Go program runs.
const (
	// LinkKey is the key of the language in links (share links, teacher
	// links, the lesson) and in the page's query: lang=en, lang=zh-CN.
	LinkKey = "lang"
	// StorageKey is the localStorage key of the language a person chose in
	// the top bar; its value is a tag ("en", "zh-CN").
	StorageKey = "lstm-playground-lang"
)

// ParseTag returns the language whose tag (Tag) is t, in any case ("zh-cn"
// too) and with spaces around it, and whether there is one: the value of lang= or of StorageKey,
// which only the page writes. Other tags, even "zh", are not a choice.
func ParseTag(t string) (Lang, bool) {
	for _, l := range Langs() {
		if strings.EqualFold(strings.TrimSpace(t), l.Tag()) {
			return l, true
		}
	}
	return English, false
}

// Match returns the catalogue language for a browser's language tag (one
// entry of navigator.languages, BCP 47, any case, '-' or '_') and whether
// the catalogue has one. Every Chinese tag is Simplified Chinese: zh, zh-CN,
// zh-Hans, zh-SG, zh-Hans-*, and also zh-TW, zh-HK, zh-MO and zh-Hant. A
// reader of Traditional characters reads Simplified ones far more easily
// than English, the terms are the article's (which is Chinese), and English
// is one click away; so a Traditional tag counts as Chinese, in its place in
// the person's order (["en", "zh-TW"] is still English). cmn (Mandarin) is
// Chinese too. Every en-* is English.
func Match(tag string) (Lang, bool) {
	primary, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	primary, _, _ = strings.Cut(primary, "_")
	switch strings.ToLower(primary) {
	case "zh", "cmn":
		return ZhCN, true
	case "en":
		return English, true
	}
	return English, false
}

// FromBrowser returns the first of langs (navigator.languages, the most
// preferred first) that the catalogue has, or English: ["fr", "zh"] is
// Chinese, ["de", "en", "zh"] English, ["fr"] English.
func FromBrowser(langs []string) Lang {
	for _, t := range langs {
		if l, ok := Match(t); ok {
			return l
		}
	}
	return English
}

// Choose returns the language the page shows: the link's (link, the value of
// lang= in the page's link or query, "" for none) if it is a tag of the
// catalogue, otherwise the remembered choice (the value under StorageKey, ""
// for none) if it is one, otherwise FromBrowser(browser).
func Choose(link, remembered string, browser []string) Lang {
	if l, ok := ParseTag(link); ok {
		return l
	}
	if l, ok := ParseTag(remembered); ok {
		return l
	}
	return FromBrowser(browser)
}

// LinkLang returns the language tag that lang= names in the first of
// sources that has one the catalogue knows, or "". A source is a link's
// fragment or a page's query ("#v=1&lang=zh-CN&h=8", "?lang=en"); its first
// lang= pair counts, percent-decoded ('+' a space), in any case; a pair
// whose percent-encoding is broken is skipped. Only that key is read, so a
// link refused for another value still gives its language. The page calls
// Choose(LinkLang(location.hash, location.search), …), as boot.js does.
func LinkLang(sources ...string) string {
	for _, s := range sources {
		if l, ok := ParseTag(linkValue(s)); ok {
			return l.Tag()
		}
	}
	return ""
}

// linkValue returns the value of the first lang= pair of s, or "".
func linkValue(s string) string {
	s = strings.TrimLeft(s, "#?")
	for s != "" {
		var pair string
		pair, s, _ = strings.Cut(s, "&")
		k, v, ok := strings.Cut(pair, "=")
		if !ok {
			continue
		}
		k, kok := unescape(k)
		v, vok := unescape(v)
		if kok && vok && strings.EqualFold(strings.TrimSpace(k), LinkKey) {
			return v
		}
	}
	return ""
}

// unescape decodes percent-encoding as a query does ('+' is a space), and
// reports whether it was well formed.
func unescape(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b.WriteByte(' ')
		case c != '%':
			b.WriteByte(c)
		case i+2 < len(s) && hex(s[i+1]) >= 0 && hex(s[i+2]) >= 0:
			b.WriteByte(byte(hex(s[i+1])<<4 | hex(s[i+2])))
			i += 2
		default:
			return "", false
		}
	}
	return b.String(), true
}

// hex returns the value of a hex digit, or −1.
func hex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
