package share

import (
	"errors"
	"fmt"
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
		return fmt.Sprintf("The link's %s (%s=…) cannot be used: %s.", e.Field, e.Key, e.Reason)
	case e.Field == "":
		return fmt.Sprintf("The link's %s=%s cannot be used: %s.", short(e.Key), short(e.Value), e.Reason)
	case e.Value == "":
		return fmt.Sprintf("The link's %s (%s=) is empty: %s.", e.Field, e.Key, e.Reason)
	}
	return fmt.Sprintf("The link's %s (%s=%s) cannot be used: %s.", e.Field, e.Key, short(e.Value), e.Reason)
}

// Unwrap returns the underlying error, if any.
func (e *LinkError) Unwrap() error { return e.Err }

// VersionError reports a link made by a newer version of the playground, in a
// link format this one cannot read.
type VersionError struct {
	Version string // the link's v, as given (digits)
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("This link was made by a newer version of LSTM Playground (link format %s; this page reads format %d). Reload the page to update it, then open the link again.",
		e.Version, Version)
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
		return fmt.Sprintf("The trained model is too large for a link: with it the link would have %s characters, and the limit is %s. Share the link without the model, and use Save model to pass the trained model on as a file.", thousands(e.Size), thousands(MaxFragment))
	case PartText:
		return fmt.Sprintf("The training text is too large for a link, even compressed: the link would have %s characters, and the limit is %s. Use a shorter text or a preset, or use Save model and share the file with the text.", thousands(e.Size), thousands(MaxFragment))
	}
	return fmt.Sprintf("The probe text is too long for a link: the link would have %s characters, and the limit is %s. Use a shorter probe text.", thousands(e.Size), thousands(MaxFragment))
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
