//go:build js && wasm

package lstm

import (
	"embed"
	"io/fs"
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
	sub, err := fs.Sub(conformanceFiles, "testdata/conformance")
	if err != nil {
		t.Fatal(err)
	}
	runConformanceFS(t, sub, "the files embedded in the test binary")
}

// TestConformanceEmbedded checks the core against the conformance vectors with
// whatever kernels this build runs on (the SIMD kernels in the lstmsimd build
// when the loader provides them).
func TestConformanceEmbedded(t *testing.T) {
	t.Logf("SIMD kernels in use: %v", SIMD())
	runEmbeddedConformance(t)
}
