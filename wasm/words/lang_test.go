package words

import "testing"

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want Lang
		ok   bool
	}{
		{"zh", ZhCN, true}, {"zh-CN", ZhCN, true}, {"zh-cn", ZhCN, true}, {"zh_CN", ZhCN, true},
		{"zh-Hans", ZhCN, true}, {"zh-SG", ZhCN, true}, {"zh-Hans-CN", ZhCN, true}, {"zh-Hans-SG", ZhCN, true},
		{"ZH-HANS-HK", ZhCN, true}, {"cmn-Hans-CN", ZhCN, true},
		// Traditional: Simplified is closer than English (see Match).
		{"zh-TW", ZhCN, true}, {"zh-HK", ZhCN, true}, {"zh-Hant", ZhCN, true}, {"zh-Hant-TW", ZhCN, true},
		{"en", English, true}, {"en-US", English, true}, {"en-GB", English, true}, {" en ", English, true},
		{"fr", English, false}, {"ja", English, false}, {"zu", English, false}, {"zha", English, false},
		{"", English, false}, {"*", English, false}, {"x-zh", English, false}, {"-zh", English, false},
	} {
		if got, ok := Match(tc.tag); got != tc.want || ok != tc.ok {
			t.Errorf("Match(%q) = %s, %v; want %s, %v", tc.tag, got.Tag(), ok, tc.want.Tag(), tc.ok)
		}
	}
}

func TestFromBrowser(t *testing.T) {
	for _, tc := range []struct {
		langs []string
		want  Lang
	}{
		{nil, English},
		{[]string{}, English},
		{[]string{"zh-CN", "zh", "en"}, ZhCN},
		{[]string{"zh-SG"}, ZhCN},
		{[]string{"en-US", "zh-CN"}, English},
		{[]string{"fr-FR", "fr", "zh-Hans"}, ZhCN}, // the first the catalogue has
		{[]string{"de", "en", "zh"}, English},
		{[]string{"ja", "ko"}, English}, // nothing known: English
		{[]string{"zh-TW", "en"}, ZhCN},
		{[]string{"", "zh"}, ZhCN},
	} {
		if got := FromBrowser(tc.langs); got != tc.want {
			t.Errorf("FromBrowser(%q) = %s, want %s", tc.langs, got.Tag(), tc.want.Tag())
		}
	}
}

// TestChoose: the link's lang= wins over the remembered choice, which wins
// over the browser; a value that is not a tag of the catalogue is skipped.
func TestChoose(t *testing.T) {
	zh, en := []string{"zh-CN"}, []string{"en-US"}
	for _, tc := range []struct {
		link, remembered string
		browser          []string
		want             Lang
	}{
		{"", "", zh, ZhCN},
		{"", "", en, English},
		{"", "en", zh, English},
		{"", "zh-CN", en, ZhCN},
		{"en", "zh-CN", zh, English},
		{"zh-CN", "en", en, ZhCN},
		{"ZH-cn", "", en, ZhCN},
		{"zh", "", en, English},       // only the catalogue's tags in a link
		{"fr", "zh-CN", en, ZhCN},     // an unknown link value is skipped
		{"", "klingon", zh, ZhCN},     // so is a damaged remembered one
		{"<b>", "\x00", nil, English}, // nothing usable at all
	} {
		if got := Choose(tc.link, tc.remembered, tc.browser); got != tc.want {
			t.Errorf("Choose(%q, %q, %q) = %s, want %s", tc.link, tc.remembered, tc.browser, got.Tag(), tc.want.Tag())
		}
	}
}

func TestTags(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range Langs() {
		tag := l.Tag()
		if tag == "" || seen[tag] {
			t.Errorf("language %d: tag %q empty or twice", l, tag)
		}
		seen[tag] = true
		if got, ok := ParseTag(tag); !ok || got != l {
			t.Errorf("ParseTag(%q) = %d, %v", tag, got, ok)
		}
		if got, ok := Match(tag); !ok || got != l {
			t.Errorf("Match(%q) = %d, %v: a browser with the catalogue's own tag gets another language", tag, got, ok)
		}
	}
	if ZhCN.Tag() != "zh-CN" || English.Tag() != "en" {
		t.Errorf("tags %q, %q: links and <html lang> use en and zh-CN", English.Tag(), ZhCN.Tag())
	}
	if got := Lang(200).Tag(); got != "en" {
		t.Errorf("an unknown Lang's tag is %q, want the fallback en", got)
	}
}

func TestLinkLang(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""}, {[]string{""}, ""}, {[]string{"#"}, ""}, {[]string{"#v=1&h=8"}, ""}, {[]string{"#usage"}, ""},
		{[]string{"#v=1&lang=zh-CN&h=8"}, "zh-CN"}, {[]string{"v=1&lang=en"}, "en"}, {[]string{"?lang=en"}, "en"},
		{[]string{"#v=1&LANG=zh-cn"}, "zh-CN"}, {[]string{"#v=1&%6Cang=zh%2DCN"}, "zh-CN"}, {[]string{"#lang=+zh-CN+"}, "zh-CN"},
		{[]string{"#lang=%zz&lang=en"}, "en"},        // a broken pair is skipped
		{[]string{"#lang&lang=zh-CN"}, "zh-CN"},      // so is a key without a value
		{[]string{"#v=1&h=999&lang=zh-CN"}, "zh-CN"}, // another value, refused by share: still read
		{[]string{"#language=zh-CN"}, ""}, {[]string{"#lang="}, ""}, {[]string{"#lang=fr"}, ""}, {[]string{"#lang=zh"}, ""},
		// The hash first, then the query, as boot.js reads them.
		{[]string{"#v=1&lang=en", "?lang=zh-CN"}, "en"},
		{[]string{"#v=1&h=8", "?lang=zh-CN"}, "zh-CN"},
		{[]string{"#v=1&lang=fr", "?lang=zh-CN"}, "zh-CN"},
		{[]string{"#v=1&lang=fr&lang=en", "?h=8"}, ""}, // the first lang= pair of a source counts
	} {
		if got := LinkLang(tc.in...); got != tc.want {
			t.Errorf("LinkLang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Choose(LinkLang("#v=1&lang=+zh-CN", ""), "en", []string{"en"}); got != ZhCN {
		t.Errorf("Choose(LinkLang(…)) = %s", got.Tag())
	}
}
