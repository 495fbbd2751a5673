package share_test

import (
	"errors"
	"fmt"

	"lstmplayground/wasm/share"
	"lstmplayground/wasm/share/goflate"
)

func Example() {
	// A program that has Go's compress/flate uses it; a page, the browser's.
	var codec share.Codec = goflate.Codec{}
	// The page makes a link of its setup…
	s := share.Default()
	s.Preset = "rhyme"
	s.Config.Hidden = 16
	s.Hide = []string{share.HideSettings}
	frag, err := s.Encode(codec)
	if err != nil {
		panic(err)
	}
	fmt.Println(frag)

	// …and the page that opens it reads location.hash back.
	got, err := share.Decode("#"+frag, codec)
	if err != nil {
		panic(err)
	}
	fmt.Println(got.Preset, got.Config.Hidden, got.Hides(share.HideSettings), got.Equal(s))

	// A hand-edited link and a link from a newer version get a sentence to show.
	_, err = share.Decode("#v=1&preset=rhyme&h=abc", codec)
	fmt.Println(err)
	_, err = share.Decode("#v=2&preset=rhyme", codec)
	var ve *share.VersionError
	fmt.Println(errors.As(err, &ve))
	// An in-page anchor is not a link: ignore it.
	_, err = share.Decode("#usage", codec)
	fmt.Println(errors.Is(err, share.ErrNotLink))
	// Output:
	// v=1&preset=rhyme&mode=text&cell=lstm&layers=1&h=16&seq=32&lr=0.01&opt=adam&mom=0.9&clip=5&clipmode=element&init=orthogonal&fbias=0&seed=1&temp=0.8&hide=settings
	// rhyme 16 true true
	// The link's Hidden units (h=abc) cannot be used: use a whole number from 1 to 512.
	// true
	// true
}
