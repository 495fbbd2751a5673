package share

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors, for errors.Is.
var (
	// ErrNotLink is wrapped by the *LinkError of a fragment that is not a
	// share link at all: empty, or an in-page anchor.
	ErrNotLink = errors.New("share: not a share link")
	// ErrTooLong is matched by every *SizeError.
	ErrTooLong = errors.New("share: the link would be too long")
)

// LinkError reports a link, or a value in it, that cannot be used. Its Error
// is a sentence for the person, naming the setting, the value as given and
// the valid range.
type LinkError struct {
	Key    string // the key in the link, such as "h"; "" for the link as a whole
	Field  string // the setting as a person sees it, such as "Hidden units"
	Value  string // the value as given
	Reason string // what is wrong: the valid range or values
	Err    error  // the underlying error (*lstm.ConfigError, *lstm.FormatError, ErrNotLink …), or nil
}

func (e *LinkError) Error() string {
	switch {
	case errors.Is(e.Err, ErrNotLink):
		return "This is not an LSTM Playground link: " + e.Reason + "."
	case e.Key == "" && e.Field == "":
		return "This link cannot be used: " + e.Reason + "."
	case e.Key == keyText || e.Key == keyModel:
		// The value is compressed data: not worth showing.
		return "The link's " + e.Field + " (" + e.Key + "=…) cannot be used: " + e.Reason + "."
	case e.Field == "":
		return "The link's " + short(e.Key) + "=" + short(e.Value) + " cannot be used: " + e.Reason + "."
	case e.Value == "":
		return "The link's " + e.Field + " (" + e.Key + "=) is empty: " + e.Reason + "."
	}
	return "The link's " + e.Field + " (" + e.Key + "=" + short(e.Value) + ") cannot be used: " + e.Reason + "."
}

// Unwrap returns the underlying error, if any.
func (e *LinkError) Unwrap() error { return e.Err }

// VersionError reports a link made by a newer version of the playground, in a
// link format this one cannot read.
type VersionError struct {
	Version string // the link's v, as given (digits)
}

func (e *VersionError) Error() string {
	return "This link was made by a newer version of LSTM Playground (link format " + e.Version + "; this page reads format " +
		strconv.Itoa(Version) + "). Reload the page to update it, then open the link again."
}

// Parts of a link that can make it too long (SizeError.Part).
const (
	PartProbe = "probe" // the settings and the probe text
	PartText  = "text"  // the compressed training text
	PartModel = "model" // the compressed model file
)

// SizeError reports a state whose link would be longer than MaxFragment.
type SizeError struct {
	Part string // PartProbe, PartText or PartModel: the first part that does not fit
	Size int    // the length of the link up to and including that part
}

func (e *SizeError) Error() string {
	switch e.Part {
	case PartModel:
		return "The trained model is too large for a link: with it the link would have " + thousands(e.Size) + " characters, and the limit is " + thousands(MaxFragment) +
			". Share the link without the model, and use Save model to pass the trained model on as a file."
	case PartText:
		return "The training text is too large for a link, even compressed: the link would have " + thousands(e.Size) + " characters, and the limit is " + thousands(MaxFragment) +
			". Use a shorter text or a preset, or use Save model and share the file with the text."
	}
	return "The probe text is too long for a link: the link would have " + thousands(e.Size) + " characters, and the limit is " + thousands(MaxFragment) + ". Use a shorter probe text."
}

// thousands formats n with thousands separators, as the page writes counts:
// 204800 → "204,800".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Is reports whether target is ErrTooLong.
func (e *SizeError) Is(target error) bool { return target == ErrTooLong }

// count is a LinkError's Value for data not worth showing: "(1234 bytes)".
func count(n int, unit string) string { return "(" + strconv.Itoa(n) + " " + unit + ")" }
