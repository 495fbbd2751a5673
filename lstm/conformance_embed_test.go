//go:build js && wasm

package lstm

import (
	"embed"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"
)

// In a browser the Go program has no file system (wasm_exec.js answers every
// file call with ENOSYS), so TestConformance cannot read its vectors there. The
// WebAssembly test binary therefore carries the committed copy of the vectors
// (testdata/conformance, the same files as ../shared/conformance) inside itself;
// tests/simd/chromium.mjs runs these tests in Chromium's Web Worker. Under Node
// they run beside TestConformance.

//go:embed testdata/conformance/*.json
var conformanceFiles embed.FS

// runEmbeddedConformance runs every embedded conformance file as a subtest.
func runEmbeddedConformance(t *testing.T) {
	t.Helper()
	files, err := fs.Glob(conformanceFiles, "testdata/conformance/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no conformance files are embedded in the test binary")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(path.Base(f), ".json"), func(t *testing.T) {
			raw, err := conformanceFiles.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var c conformanceCase
			if err := json.Unmarshal(raw, &c); err != nil {
				t.Fatalf("parse: %v", err)
			}
			runConformance(t, &c)
		})
	}
}

// TestConformanceEmbedded checks the core against the conformance vectors with
// whatever kernels this build runs on (the SIMD kernels in the lstmsimd build
// when the loader provides them).
func TestConformanceEmbedded(t *testing.T) {
	t.Logf("SIMD kernels in use: %v", SIMD())
	runEmbeddedConformance(t)
}
