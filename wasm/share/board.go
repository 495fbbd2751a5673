package share

import "strings"

// Board is what a class board link carries: the class's id and its teacher
// key. Its fragment is "board=<id>.<key>" (with "&lang=<tag>" if asked): the
// key stays in the fragment, which browsers never send to a server, so it
// reaches no server log; the page sends it only as an Authorization header.
type Board struct {
	Class string // the class id (ValidModelID's form)
	Key   string // the teacher key (the same form)
}

// keyBoard is the board link's key.
const keyBoard = "board"

// Fragment returns the board link's fragment, without the '#'; "" if b's id
// or key is not of the service's form.
func (b Board) Fragment() string {
	if !ValidModelID(b.Class) || !ValidModelID(b.Key) {
		return ""
	}
	return keyBoard + "=" + b.Class + "." + b.Key
}

// ParseBoard reads a board link's fragment (with or without its '#', other
// pairs such as lang= ignored). ok is false when the fragment has no board=
// pair, or one whose id or key is not of the service's form.
func ParseBoard(fragment string) (b Board, ok bool) {
	f := strings.TrimPrefix(strings.TrimSpace(fragment), "#")
	if len(f) > MaxFragment {
		return Board{}, false
	}
	found := false
	for piece := range strings.SplitSeq(f, "&") {
		k, v, _ := strings.Cut(piece, "=")
		if strings.ToLower(strings.TrimSpace(k)) != keyBoard {
			continue
		}
		if found {
			return Board{}, false // given twice
		}
		found = true
		id, key, _ := strings.Cut(strings.TrimSpace(v), ".")
		b = Board{Class: id, Key: key}
	}
	if !found || !ValidModelID(b.Class) || !ValidModelID(b.Key) {
		return Board{}, false
	}
	return b, true
}
