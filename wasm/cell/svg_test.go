package cell

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata")

// lstmStep and rnnStep are the steps of the golden figures.
var (
	lstmStep = Step{T: 4, Unit: 2, Zf: 0.932, CPrev: -0.8, Zi: 0.41, Z: 0.77, C: -0.4301, Zo: 0.66,
		HPrev: 0.2, H: -0.2679, LSTM: true, X: "a", Y: "b", P: 0.62}
	rnnStep = Step{T: 0, Unit: 0, HPrev: 0, H: 0.5, X: "<&>", Y: "\"q'", P: 0.004}
)

func TestGoldenSVG(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Step
	}{{"lstm_cell.svg", lstmStep}, {"rnn_cell.svg", rnnStep}} {
		sc := Build(tc.s, nil)
		got := AppendSVG(nil, &sc, nil)
		path := filepath.Join("testdata", tc.name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file; if the change is meant, run go test -update and look at it", tc.name)
		}
	}
}

// TestSVGParses reads the SVG back as XML, for steps with every kind of
// awkward text and value.
func TestSVGParses(t *testing.T) {
	odd := lstmStep
	odd.X, odd.Y, odd.P = "</svg>&\x01\"", "]]>", math.NaN()
	odd.C, odd.CPrev, odd.Zf = math.Inf(1), math.NaN(), math.NaN()
	for _, s := range []Step{lstmStep, rnnStep, odd, {}} {
		sc := Build(s, nil)
		doc := AppendSVG(nil, &sc, nil)
		texts, root := parseSVG(t, doc)
		if root != "svg" {
			t.Errorf("root element %q, want svg", root)
		}
		all := strings.Join(texts, "\n")
		// A control character XML cannot carry arrives as U+FFFD.
		x := strings.ReplaceAll(s.X, "\x01", "\uFFFD")
		if x != "" && !strings.Contains(all, x) {
			t.Errorf("the text of the SVG does not have x^t = %q", s.X)
		}
		// Every value the scene shows is in the SVG's text, as shown.
		for _, p := range sc.Parts {
			if p.Text != "" && (p.Shape == Box || p.Anchor != "") && !slices.Contains(texts, strings.ReplaceAll(p.Text, "\x01", "\uFFFD")) {
				t.Errorf("part %s: %q is not a text of the SVG", p.ID, p.Text)
			}
		}
		if !strings.Contains(all, strings.ReplaceAll(sc.Title, "\x01", "\uFFFD")) {
			t.Errorf("the SVG has no title %q", sc.Title)
		}
	}
}

// parseSVG decodes doc as XML and returns its character data (after
// unescaping) and the name of the root element.
func parseSVG(t *testing.T, doc []byte) (texts []string, root string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	ids := map[string]bool{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts, root
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if a.Name.Local == "id" {
					if ids[a.Value] {
						t.Errorf("id %q twice", a.Value)
					}
					ids[a.Value] = true
				}
			}
			if root == "" {
				root = tok.Name.Local
				if tok.Name.Space != "http://www.w3.org/2000/svg" {
					t.Errorf("root namespace %q", tok.Name.Space)
				}
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(tok)); s != "" {
				texts = append(texts, s)
			}
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		Build(lstmStep, nil)
	}
}

func BenchmarkAppendSVG(b *testing.B) {
	sc := Build(lstmStep, nil)
	var buf []byte
	for b.Loop() {
		buf = AppendSVG(buf[:0], &sc, nil)
	}
}
