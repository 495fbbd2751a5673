package words

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The page's own sentences (buttons, headings, notes, announcements) are
// keyed by their English text, as the page writes them: Page looks a
// sentence up in the page table of the language (pageZh), after putting a
// numbered placeholder for each number and each quoted text (Template), so
// that "Tip 2 of 4" and "step 3: “a”" find "Tip {1} of {2}" and
// "step {1}: “{2}”". A sentence the table lacks stays English (the page's
// scan in Chinese and TestPageTable find those); the English text is always
// the page's own, so English needs no table.

// Page returns the page's sentence s in language l: its entry in l's page
// table, with s's numbers and quoted texts put back, or s itself. Spaces
// around s are kept.
func Page(l Lang, s string) string {
	if l == English || s == "" {
		return s
	}
	core := strings.TrimSpace(s)
	if core == "" {
		return s
	}
	t, ok := pageOne(l, core)
	if !ok {
		if t, ok = pageSentences(l, core); !ok {
			return s
		}
	}
	i := strings.Index(s, core)
	return s[:i] + t + s[i+len(core):]
}

// pageOne returns the sentence core in l: as it is, or as its Template.
func pageOne(l Lang, core string) (string, bool) {
	if t, ok := pageText(l, core); ok { // a sentence of the catalogue, as it is
		return t, true
	}
	key, args := Template(core)
	t, ok := pageText(l, key)
	return fill(t, args), ok
}

// pageSentences returns core in l sentence by sentence, for a text the page
// joins of whole sentences ("<cause>. A new engine has started …"): each
// found as it is, or without its full stop and then ended as l ends a
// sentence. ok is false unless every one is found.
func pageSentences(l Lang, core string) (string, bool) {
	var b strings.Builder
	for n := 0; core != ""; n++ {
		one, rest, more := strings.Cut(core, ". ")
		if more {
			one += "."
		} else if n == 0 {
			return "", false // a single sentence
		}
		core = rest
		t, ok := pageOne(l, one)
		if !ok && strings.HasSuffix(one, ".") {
			if t, ok = pageOne(l, strings.TrimSuffix(one, ".")); ok {
				t = Text(l, "sentence", t)
			}
		}
		if !ok {
			return "", false
		}
		if r, _ := utf8.DecodeLastRuneInString(b.String()); n > 0 && r < 0x3000 {
			b.WriteByte(' ') // between sentences of a language that spaces them
		}
		b.WriteString(t)
	}
	return b.String(), true
}

// HasPage reports whether the page table of l has the sentence s (always
// for English).
func HasPage(l Lang, s string) bool {
	if l == English {
		return true
	}
	core := strings.TrimSpace(s)
	key, _ := Template(core)
	_, ok := pageText(l, key)
	_, exact := pageText(l, core)
	return ok || exact
}

// pageText returns the sentence key (a Template) in l: from l's page table,
// or else the catalogue's message whose English is key (preset names, tour
// steps, labels, errors), so that no sentence is translated twice.
func pageText(l Lang, key string) (string, bool) {
	if t, ok := pageZh[key]; ok && l == ZhCN {
		return t, true
	}
	if byEnglish == nil {
		byEnglish = make(map[string]string, len(en))
		for id, t := range en {
			byEnglish[t] = id
		}
	}
	id, ok := byEnglish[key]
	if !ok || int(l) >= len(tables) {
		return "", false
	}
	t, ok := tables[l][id]
	return t, ok
}

// byEnglish maps each English message of the catalogue to its id.
var byEnglish map[string]string

// Template returns s with each number (1, 1,000, 0.5; not digits inside a
// name such as l0) and the text inside each pair of “ ” replaced by {1},
// {2} … in order, and those numbers and texts. With more than nine it
// returns s as it is.
func Template(s string) (string, []string) {
	var b strings.Builder
	var args []string
	for i := 0; i < len(s); {
		c := s[i]
		sign := signAt(s, i)
		if d := i + sign; d < len(s) && s[d] >= '0' && s[d] <= '9' && (i == 0 || !isName(s[i-1])) {
			j := numberEnd(s, d)
			args = append(args, s[i:j])
			b.WriteString(holder(len(args)))
			i = j
			continue
		}
		if strings.HasPrefix(s[i:], "“") {
			if k := strings.Index(s[i+3:], "”"); k >= 0 {
				args = append(args, s[i+3:i+3+k])
				b.WriteString("“" + holder(len(args)) + "”")
				i += 3 + k + 3
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	if len(args) > 9 {
		return s, nil
	}
	return b.String(), args
}

func holder(n int) string {
	if n > 9 {
		return "{?}"
	}
	return "{" + string(rune('0'+n)) + "}"
}

// signAt returns the length of the sign (−, + or -) at s[i], or 0.
func signAt(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "−"):
		return len("−")
	case s[i] == '+' || s[i] == '-':
		return 1
	}
	return 0
}

func isName(c byte) bool { return isASCIILetter(c) || c == '_' || c >= '0' && c <= '9' }

// numberEnd returns the end of the number that starts at s[i]: digits with
// groups of three after commas and a decimal part.
func numberEnd(s string, i int) int {
	digits := func(j int) int {
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j
	}
	j := digits(i)
	for j < len(s) && s[j] == ',' && digits(j+1) == j+4 {
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
		j = digits(j + 1)
	}
	if j+2 < len(s) && s[j] == 'e' && (s[j+1] == '-' || s[j+1] == '+') && s[j+2] >= '0' && s[j+2] <= '9' {
		j = digits(j + 2) // 1.3e-05
	}
	return j
}

// Sentences returns every sentence the page can show in language l, keyed
// by its English: the page table's and the catalogue's (with their
// placeholders {1} …), and each catalogue message again under "#" and its
// id. The browser tests read it (tools/pagewords) to find and check the
// page's text in any language.
func Sentences(l Lang) map[string]string {
	out := make(map[string]string, 2*len(en)+len(pageZh))
	for id, e := range en {
		out[e] = Text(l, id)
		out["#"+id] = Text(l, id)
	}
	if l == ZhCN {
		for e, t := range pageZh {
			out[e] = t
		}
	}
	if l == English {
		for e := range pageZh {
			out[e] = e
		}
	}
	return out
}

// Back returns the English of s, a sentence the page shows in language l:
// one of l's sentences (Sentences), with s's numbers and quoted texts put
// back in the English's places. After a language switch the page finds this
// way the English of a text it wrote in l from a catalogue id. ok is false
// when s is none of l's sentences. Spaces around s are kept.
func Back(l Lang, s string) (string, bool) {
	core := strings.TrimSpace(s)
	if l == English || core == "" {
		return s, l == English
	}
	if backTables[l] == nil {
		backTables[l] = backTable(l)
	}
	tab := backTables[l]
	e, ok := tab[core]
	if !ok {
		var key string
		var args []string
		key, args = Template(core)
		if e, ok = tab[key]; !ok {
			return s, false
		}
		e = fill(e, args)
	}
	i := strings.Index(s, core)
	return s[:i] + e + s[i+len(core):], true
}

var backTables [numLangs]map[string]string

// backTable maps each sentence of l to its English, both with their
// placeholders numbered in the order they come in l's sentence (as Template
// numbers a text): a sentence whose placeholders come more than once, or
// differ from the English's, is left out. Where two English sentences have
// the same translation, the shorter (then the first in order) is kept.
func backTable(l Lang) map[string]string {
	out := map[string]string{}
	pairs := make([][2]string, 0, len(en)+len(pageZh))
	for id, e := range en {
		pairs = append(pairs, [2]string{e, Text(l, id)})
	}
	if l == ZhCN {
		for e, t := range pageZh {
			pairs = append(pairs, [2]string{e, t})
		}
	}
	for _, p := range pairs {
		e, t := p[0], p[1]
		var order []string
		for i := strings.IndexByte(t, '{'); i >= 0 && i+2 < len(t); {
			if t[i+2] == '}' && t[i+1] >= '1' && t[i+1] <= '9' {
				order = append(order, t[i:i+3])
			}
			j := strings.IndexByte(t[i+1:], '{')
			if j < 0 {
				break
			}
			i += 1 + j
		}
		tk, ek, ok := renumber(t, e, order)
		if !ok {
			continue
		}
		if old, dup := out[tk]; dup && (len(old) < len(ek) || len(old) == len(ek) && old < ek) {
			continue
		}
		out[tk] = ek
	}
	return out
}

// renumber writes the placeholders of t and e, in order (t's, in the order
// they come), as {1}, {2} …; ok is false if one comes twice in t or the
// two do not have the same ones.
func renumber(t, e string, order []string) (string, string, bool) {
	if len(placeholders(t)) != len(order) || len(placeholders(e)) != len(order) {
		return "", "", false
	}
	for _, h := range order {
		if !strings.Contains(e, h) {
			return "", "", false
		}
	}
	return renumbered(t, order), renumbered(e, order), true
}

// renumbered writes each placeholder order[i] of s as {i+1}.
func renumbered(s string, order []string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if k := slices.Index(order, s[i:min(i+3, len(s))]); k >= 0 {
			b.WriteString(holder(k + 1))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// placeholders returns the distinct placeholders {1} … {9} of s.
func placeholders(s string) []string {
	var out []string
	for i := 1; i <= 9; i++ {
		if h := holder(i); strings.Contains(s, h) {
			out = append(out, h)
		}
	}
	return out
}
