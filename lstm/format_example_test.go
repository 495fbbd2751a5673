package lstm_test

import (
	"bytes"
	"errors"
	"fmt"

	"lstmplayground/lstm"
)

func ExampleDecode() {
	d, err := lstm.NewTextData("hello, 世界")
	if err != nil {
		panic(err)
	}
	cfg := lstm.DefaultConfig()
	cfg.Hidden = 4
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		panic(err)
	}
	m.Updates = 250

	// Save the model, then load it back.
	var file bytes.Buffer
	if err := lstm.Encode(&file, m); err != nil {
		panic(err)
	}
	fmt.Println("file size:", file.Len()) // 116 + 4·V + 8·P: V = 8 characters, P = 248 parameters
	loaded, err := lstm.Decode(bytes.NewReader(file.Bytes()))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%v %v, %d hidden units, vocabulary %q, %d updates\n",
		loaded.Kind, loaded.Config.Cell, loaded.Config.Hidden, string(loaded.Vocab.Runes()), loaded.Updates)

	// A damaged file is refused with a *FormatError, and no model.
	_, err = lstm.Decode(bytes.NewReader(file.Bytes()[:300]))
	var fe *lstm.FormatError
	fmt.Println(errors.As(err, &fe), err)
	_, err = lstm.Decode(bytes.NewReader([]byte("<html>")))
	fmt.Println(err)

	// Output:
	// file size: 2132
	// Text LSTM, 4 hidden units, vocabulary " ,ehlo世界", 250 updates
	// true lstm: the model file is truncated: expected 2132 bytes, got 300
	// lstm: not an LSTM Playground model file (it should start with "LSTMPLAY")
}
