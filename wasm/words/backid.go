package words

import (
	"strings"
)

// BackID returns the catalogue id and arguments of s, a message the page
// wrote in language l from a catalogue id (Text(l, id, args...)), so that
// the page can write it again in another language by that id. Going back by
// the English instead (Back) loses the id: several ids share an English
// sentence ("Input gate zⁱ"), each with its own translation, and the
// forward way then takes any of them. ok is false when s is no catalogue
// message of l, and for English, whose messages several ids share. Where
// two ids have the same message in l, the one with the shorter English
// (then the smaller id) is taken. Spaces around s are not part of it.
func BackID(l Lang, s string) (id string, args []string, ok bool) {
	core := strings.TrimSpace(s)
	if l == English || core == "" || int(l) >= len(tables) {
		return "", nil, false
	}
	if idTables[l] == nil {
		idTables[l] = idTable(l)
	}
	tab := idTables[l]
	if m, ok := tab[core]; ok && len(m.order) == 0 {
		return m.id, nil, true
	}
	key, got := Template(core)
	m, ok := tab[key]
	if !ok || len(got) != len(m.order) {
		return "", nil, false
	}
	args = make([]string, 9)
	n := 0
	for i, h := range m.order {
		k := int(h[1] - '1')
		args[k] = got[i]
		n = max(n, k+1)
	}
	return m.id, args[:n], true
}

// idMessage is a catalogue message of a language: its id and the original
// placeholders in the order they come in it.
type idMessage struct {
	id    string
	order []string
}

var idTables [numLangs]map[string]idMessage

// idTable maps each catalogue message of l, its placeholders renumbered in
// the order they come ({1}, {2} …, as Template numbers a text), to its id.
// A message whose placeholders come more than once is left out.
func idTable(l Lang) map[string]idMessage {
	out := map[string]idMessage{}
	for id, t := range tables[l] {
		var order []string
		for i := 0; i+2 < len(t); i++ {
			if t[i] == '{' && t[i+2] == '}' && t[i+1] >= '1' && t[i+1] <= '9' {
				order = append(order, t[i:i+3])
			}
		}
		if len(placeholders(t)) != len(order) {
			continue
		}
		key := renumbered(t, order)
		if old, dup := out[key]; dup && (len(en[old.id]) < len(en[id]) || len(en[old.id]) == len(en[id]) && old.id < id) {
			continue
		}
		out[key] = idMessage{id, order}
	}
	return out
}
