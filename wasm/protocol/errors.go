package protocol

import (
	"errors"
	"strconv"
)

// Sentinel errors wrapped by *DecodeError and *EncodeError, for errors.Is.
var (
	ErrTruncated   = errors.New("message truncated")
	ErrTooLarge    = errors.New("length over the limit")
	ErrUnknownType = errors.New("unknown message type")
	ErrVersion     = errors.New("unsupported protocol version")
	ErrMalformed   = errors.New("malformed message")
)

// DecodeError reports a message that cannot be decoded.
type DecodeError struct {
	Type   Type   // the message type, or 0 if the header is bad
	Field  string // the field, e.g. "Layers[1].Zi", or "" for the header
	Offset int    // byte offset in the message where the problem was found
	Err    error  // ErrTruncated, ErrTooLarge, ErrUnknownType, ErrVersion or ErrMalformed
	Detail string // what was wrong, with the numbers
}

func (e *DecodeError) Error() string {
	where := "message"
	if e.Type != 0 {
		where = e.Type.String()
	}
	if e.Field != "" {
		where += "." + e.Field
	}
	return "protocol: " + where + " at byte " + strconv.Itoa(e.Offset) + ": " + e.Err.Error() + ": " + e.Detail
}

func (e *DecodeError) Unwrap() error { return e.Err }

// EncodeError reports a message that cannot be encoded, because a field is over
// a limit or the fields do not agree with each other.
type EncodeError struct {
	Type   Type
	Field  string
	Err    error // ErrTooLarge or ErrMalformed
	Detail string
}

func (e *EncodeError) Error() string {
	where := "message"
	if e.Type != 0 {
		where = e.Type.String()
	}
	if e.Field != "" {
		where += "." + e.Field
	}
	return "protocol: cannot encode " + where + ": " + e.Err.Error() + ": " + e.Detail
}

func (e *EncodeError) Unwrap() error { return e.Err }

// shapeError is what a message's check method returns: the fields disagree.
type shapeError struct {
	field, detail string
}

func (e *shapeError) Error() string { return e.field + ": " + e.detail }

func badShape(field, detail string) error {
	return &shapeError{field: field, detail: detail}
}
