package lstm_test

import (
	"errors"
	"fmt"

	"lstmplayground/lstm"
)

func ExampleVocab() {
	v, err := lstm.NewVocab("hello, 世界")
	if err != nil {
		panic(err)
	}
	// The distinct characters, sorted by code point: indices do not depend on
	// the order they appear in. Chinese characters are characters, not bytes.
	fmt.Println(v.Size())
	fmt.Printf("%q\n", string(v.Runes()))

	ids, err := v.Encode("世界 hello")
	if err != nil {
		panic(err)
	}
	fmt.Println(ids)
	fmt.Println(v.Decode(ids))

	_, err = v.Encode("hi")
	fmt.Println(errors.Is(err, lstm.ErrUnknownRune), err)
	// Output:
	// 8
	// " ,ehlo世界"
	// [6 7 0 3 2 4 4 5]
	// 世界 hello
	// true lstm: character not in the vocabulary: 'i' at character 2
}

func ExampleModel_Sample() {
	d, err := lstm.NewTextData("abc")
	if err != nil {
		panic(err)
	}
	cfg := lstm.DefaultConfig()
	cfg.Cell, cfg.Hidden = lstm.CellRNN, 3
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		panic(err)
	}
	// Weights set by hand: reading character k lights up hidden unit k
	// (h_k = tanh 3 ≈ 0.995), and the head maps unit k to character k+1, so the
	// model has learnt "after a comes b, after b c, after c a".
	p := m.Params
	p.Zero()
	V, H := 3, 3
	for k := range 3 {
		p.Layers[0].Wx[k*H+k] = 3 // Wx is (X, H): row k is input character k
		p.Wy[((k+1)%V)*H+k] = 4   // Wʸ is (V, H): row v scores character v
	}

	// Greedy (temperature 0) needs no random numbers.
	s, err := m.Sample("a", 8, 0, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(s)

	// The next-character distribution after "a": softmax(4·tanh 3, 0, 0) for b.
	pr, err := m.TraceText("a", nil)
	if err != nil {
		panic(err)
	}
	for v, r := range m.Vocab.Runes() {
		fmt.Printf("p(%c | a) = %.4f\n", r, pr.Output[v])
	}
	// Output:
	// bcabcabc
	// p(a | a) = 0.0180
	// p(b | a) = 0.9640
	// p(c | a) = 0.0180
}

func ExampleParseNumbers() {
	vals, err := lstm.ParseNumbers("0, 0.5, 1, 0.5, 0, -0.5")
	fmt.Println(vals, err)

	// Commas, semicolons, spaces and new lines all separate values...
	vals, err = lstm.ParseNumbers("1e3; -2.5\n3")
	fmt.Println(vals, err)

	// ...but once there is a semicolon, a comma is read as a (wrong) decimal
	// separator, and the error says which token and where.
	_, err = lstm.ParseNumbers("1; 2; 3,5")
	var ne *lstm.NumberError
	if errors.As(err, &ne) {
		fmt.Println(ne.Index, ne.Offset, ne.Token)
	}
	fmt.Println(err)

	_, err = lstm.ParseNumbers("1, 2, NaN")
	fmt.Println(err)
	// Output:
	// [0 0.5 1 0.5 0 -0.5] <nil>
	// [1000 -2.5 3] <nil>
	// 3 7 3,5
	// number 3 "3,5" (character 7): use a dot as the decimal separator
	// number 3 "NaN" (character 7): not a finite decimal number
}
