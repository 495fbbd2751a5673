// Package classroom is the page's side of the class board (the share
// service's /api/classes, see README "Class board"), as pure Go: what a
// send carries (Send, Decimate), what the board answers (ParseBoard), the
// board's order (Sort) and its setup differences (Differences), the words
// of the service's errors (Problem), and the waits between retries and
// refreshes (Backoff). The page (wasm/ui) does the fetching; JSON goes
// through the browser's JSON.parse and JSON.stringify, as plain Go values
// (map[string]any, []any, float64, string, bool), so that the page needs no
// JSON package.
package classroom

import (
	"encoding/base64"
	"math"
	"strings"

	"lstmplayground/wasm/share"
)

// MaxLossPoints is the most loss values a send carries (the service's
// maxLossPoints).
const MaxLossPoints = 500

// Decimate returns at most n values of loss, evenly spaced over it, the first
// and the last always among them; values that are not finite are left out
// (the service takes finite numbers only). n < 2 is taken as 2.
func Decimate(loss []float64, n int) []float64 {
	n = max(n, 2)
	finite := make([]float64, 0, len(loss))
	for _, v := range loss {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			finite = append(finite, v)
		}
	}
	if len(finite) <= n {
		return finite
	}
	out := make([]float64, n)
	last := len(finite) - 1
	for i := range out {
		out[i] = finite[i*last/(n-1)]
	}
	return out
}

// Unit is the unit a student chose: its layer and index, from 0.
type Unit struct{ Layer, Index int }

// Send is one student's run as the page sends it.
type Send struct {
	Token    string // the student's token for the class (TokenLen characters a–z, 2–7)
	Nickname string
	Setup    string // the run's share link fragment, without a model
	Model    []byte // the model file, or nil when it does not fit the limit
	Loss     []float64
	Updates  uint64
	Sample   string
	Unit     *Unit
}

// Body returns the send as the plain values JSON.stringify writes: the
// model in standard base64, the loss decimated to MaxLossPoints, the sample
// cut to maxSample characters.
func (s Send) Body(maxSample int) map[string]any {
	loss := Decimate(s.Loss, MaxLossPoints)
	ls := make([]any, len(loss))
	for i, v := range loss {
		ls[i] = v
	}
	body := map[string]any{
		"token": s.Token, "nickname": strings.TrimSpace(s.Nickname), "setup": s.Setup,
		"loss": ls, "updates": float64(s.Updates), "sample": cut(s.Sample, maxSample),
	}
	if s.Model != nil {
		body["model"] = base64.StdEncoding.EncodeToString(s.Model)
	}
	if s.Unit != nil {
		body["unit"] = map[string]any{"layer": float64(s.Unit.Layer), "index": float64(s.Unit.Index)}
	}
	return body
}

// cut returns s cut to at most n characters (code points).
func cut(s string, n int) string {
	if n <= 0 {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// NicknameProblem returns the word id of what is wrong with a nickname the
// person typed, by the service's own rule (share.CleanName: any printable
// text of 1 … maxChars characters, no control or format characters, not
// invisible only), or "" if it is fine. Markup is fine: a nickname is only
// ever shown as text.
func NicknameProblem(nick string, maxChars int) string {
	if maxChars <= 0 {
		maxChars = math.MaxInt
	}
	_, err := share.CleanName(nick, maxChars)
	ne, _ := err.(*share.NameError)
	switch {
	case ne == nil:
		return ""
	case ne.Problem == share.NameEmpty:
		return "class.nickEmpty"
	case ne.Problem == share.NameTooLong:
		return "class.nickLong"
	}
	return "class.nickBadChar"
}

// TokenLen is the length of a student token and of the service's ids.
const TokenLen = 26

// Token makes a student token from 16 random bytes (the page's
// crypto.getRandomValues): 26 characters a–z and 2–7, the service's form.
func Token(random [16]byte) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	var b strings.Builder
	var acc uint32
	bits := 0
	for _, c := range random {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			b.WriteByte(alphabet[acc>>uint(bits)&31])
		}
	}
	if bits > 0 {
		b.WriteByte(alphabet[acc<<uint(5-bits)&31])
	}
	return b.String()
}
