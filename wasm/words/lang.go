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
// too), and whether there is one: the value of lang= or of StorageKey,
// which only the page writes. Other tags, even "zh", are not a choice.
func ParseTag(t string) (Lang, bool) {
	for _, l := range Langs() {
		if strings.EqualFold(t, l.Tag()) {
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
